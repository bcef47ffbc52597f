/** jsonText: JSON.stringify's text, serialized once per body object. */
import { describe, expect, it } from "vitest";
import { jsonText } from "./json-text.ts";

describe("jsonText", () => {
  it("is JSON.stringify's text, for objects and for the values that are not", () => {
    for (const body of [{ data: { id: "a", n: [1, 2] } }, [1, "two"], "text", 3, null, true]) expect(jsonText(body)).toBe(JSON.stringify(body));
  });

  it("serializes one body once, however often it is asked; another body afresh", () => {
    let serialized = 0;
    const body = { data: { toJSON: () => (serialized++, "agent") } };
    expect(jsonText(body)).toBe('{"data":"agent"}');
    expect(jsonText(body)).toBe('{"data":"agent"}');
    expect(serialized).toBe(1);
    jsonText({ ...body });
    expect(serialized).toBe(2);
  });
});
