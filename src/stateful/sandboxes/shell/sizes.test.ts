import { describe, expect, it } from "vitest";
import { sizeInBytes } from "./sizes.ts";

describe("sizeInBytes", () => {
  it("reads MB and GB as binary units", () => {
    expect(sizeInBytes("1024MB")).toBe(2 ** 30);
    expect(sizeInBytes("1MB")).toBe(2 ** 20);
    expect(sizeInBytes("10GB")).toBe(10 * 2 ** 30);
  });

  it("throws for what the schema refuses", () => {
    expect(() => sizeInBytes("10gb")).toThrow(/not a size/);
    expect(() => sizeInBytes("0GB")).toThrow(/not a size/);
    // Seven digits would be more bytes than a filesystem quota can count exactly.
    expect(() => sizeInBytes("1000000GB")).toThrow(/not a size/);
  });

  it("counts the largest size the schema takes as a safe integer", () => {
    expect(Number.isSafeInteger(sizeInBytes("999999GB"))).toBe(true);
  });
});
