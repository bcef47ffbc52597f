import { describe, expect, it } from "vitest";
import { cloneJson } from "./clone.ts";

describe("cloneJson", () => {
  it("copies every level: the copy equals the original and shares no object with it", () => {
    const original = { id: "agt_1", version: 3, tools: ["exec_command"], config: { env: { A: "1" }, list: [{ x: null }] }, flag: false, none: null };
    const copy = cloneJson(original);
    expect(copy).toEqual(original);
    copy.tools.push("web_search");
    copy.config.env.A = "2";
    (copy.config.list[0] as { x: unknown }).x = 1;
    expect(original).toEqual({ id: "agt_1", version: 3, tools: ["exec_command"], config: { env: { A: "1" }, list: [{ x: null }] }, flag: false, none: null });
  });

  it("passes primitives through and keeps arrays arrays", () => {
    for (const value of ["text", 0, 1.5, true, null]) expect(cloneJson(value)).toBe(value);
    expect(Array.isArray(cloneJson([[1], [2]]))).toBe(true);
    expect(cloneJson([[1], [2]])).toEqual([[1], [2]]);
  });

  it("serialises exactly as the original", () => {
    const original = { b: 1, a: [true, { c: "é" }], d: {} };
    expect(JSON.stringify(cloneJson(original))).toBe(JSON.stringify(original));
  });
});
