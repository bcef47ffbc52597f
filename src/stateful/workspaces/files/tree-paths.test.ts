import { describe, expect, it } from "vitest";
import { isWithin, normaliseTreePath, parentPath } from "./tree-paths.ts";

describe("normaliseTreePath", () => {
  it.each([
    ["a/b", "/a/b"],
    ["/a/b", "/a/b"],
    ["./a//b/", "/a/b"],
    ["a/../b", "/b"],
    ["a/b/..", "/a"],
  ])("names %j as %j", (given, path) => {
    expect(normaliseTreePath(given)).toEqual({ path });
  });

  it.each(["..", "../x", "/a/../../x", "a/./../.."])("refuses %j, which climbs above the tree's root", (given) => {
    expect(normaliseTreePath(given)).toEqual({ problem: "escapes the workspace (a '..' above its root)" });
  });

  it("refuses the root unless allowed, and a NUL anywhere", () => {
    expect(normaliseTreePath("/")).toEqual({ problem: "is empty" });
    expect(normaliseTreePath("./", { allowRoot: true })).toEqual({ path: "/" });
    expect(normaliseTreePath("a\0b")).toEqual({ problem: "contains a NUL character" });
  });
});

describe("parentPath and isWithin", () => {
  it("find the holding directory and tell containment by whole segments", () => {
    expect(parentPath("/a/b")).toBe("/a");
    expect(parentPath("/a")).toBe("/");
    expect(isWithin("/a/b", "/a")).toBe(true);
    expect(isWithin("/ab", "/a")).toBe(false);
    expect(isWithin("/x", "/")).toBe(true);
  });
});
