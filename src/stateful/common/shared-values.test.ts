import { describe, expect, it } from "vitest";
import { cloneJson } from "./clone.ts";
import { shareCommonValues } from "./shared-values.ts";

describe("shareCommonValues", () => {
  it("gives every record the same frozen empty containers, and leaves full ones alone", () => {
    const a = shareCommonValues({ tools: [] as string[], config: {}, env: { A: "1" }, list: ["x"], none: null }, []);
    const b = shareCommonValues({ tools: [] as string[], config: {}, env: {}, list: [] as string[], none: null }, []);
    expect(a.tools).toBe(b.tools);
    expect(a.config).toBe(b.config);
    expect(b.list).toBe(a.tools);
    expect(Object.isFrozen(a.tools) && Object.isFrozen(a.config)).toBe(true);
    expect(a.env).toEqual({ A: "1" });
    expect(a.list).toEqual(["x"]);
    expect(Object.isFrozen(a.env)).toBe(false);
    expect(a.none).toBeNull();
  });

  it("keeps every value equal, so a copy handed out is as before, and mutable", () => {
    const record = { model: "claude-sonnet-4", name: "A", tools: [] as string[], config: {} };
    const shared = shareCommonValues({ ...record }, ["model"]);
    expect(shared).toEqual(record);
    const copy = cloneJson(shared);
    copy.tools.push("exec_command");
    expect(shared.tools).toEqual([]);
  });

  it("a shared empty container refuses changes, so a store that edits in place fails loudly", () => {
    const record = shareCommonValues({ tools: [] as string[] }, []);
    expect(() => record.tools.push("exec_command")).toThrow(TypeError);
  });
});
