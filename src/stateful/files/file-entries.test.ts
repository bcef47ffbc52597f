/**
 * File trees as a state document writes them (spec/control.yaml `FileEntry`, `FileTree`): exact
 * round trips, the defaults of a seed, the refusals with a pointer, and the documented bounds.
 */
import { describe, expect, it } from "vitest";
import type { RawEntry } from "../sandboxes/shell/clocked-fs.ts";
import { contentBytes, decodeEntries, decodeEntry, encodeEntries, fileBoundProblem, FileEntryError, MAX_TREE_BYTES, MAX_TREE_ENTRIES, parentsFirst, pathProblem } from "./file-entries.ts";

const T = new Date("2026-03-04T05:06:07.089Z");
const NOW = new Date("2026-11-29T09:00:00.000Z");

const tree: RawEntry[] = [
  { path: "/workspace", kind: "directory", mode: 0o755, mtime: T },
  { path: "/workspace/empty", kind: "directory", mode: 0o700, mtime: new Date(0) },
  { path: "/workspace/hello.txt", kind: "file", mode: 0o644, mtime: T, bytes: new TextEncoder().encode("héllo\n") },
  { path: "/workspace/blob.bin", kind: "file", mode: 0o600, mtime: T, bytes: new Uint8Array([0xff, 0x00, 0xc3]) },
  { path: "/workspace/none", kind: "file", mode: 0o444, mtime: T, bytes: new Uint8Array() },
  { path: "/workspace/link", kind: "symlink", mode: 0o777, mtime: T, target: "../tmp/x" },
];

describe("encodeEntries and decodeEntries", () => {
  it("write valid UTF-8 as text and other bytes as base64, and read both back to the same bytes, modes and times", () => {
    const encoded = encodeEntries(tree);
    expect(encoded.find((e) => e.path === "/workspace/hello.txt")).toEqual({ path: "/workspace/hello.txt", type: "file", mode: 420, mtime: "2026-03-04T05:06:07.089Z", content: "héllo\n", encoding: "utf-8" });
    expect(encoded.find((e) => e.path === "/workspace/blob.bin")).toMatchObject({ content: "/wDD", encoding: "base64" });
    expect(encoded.find((e) => e.path === "/workspace/link")).toEqual({ path: "/workspace/link", type: "symlink", mode: 511, mtime: "2026-03-04T05:06:07.089Z", target: "../tmp/x" });
    const decoded = decodeEntries(JSON.parse(JSON.stringify(encoded)), NOW);
    expect(decoded.map((e) => ({ ...e, bytes: e.bytes && [...e.bytes] }))).toEqual(tree.map((e) => ({ ...e, bytes: e.bytes && [...e.bytes] })));
  });

  it("reads megabytes of base64 (a pattern that backtracks would overflow the stack)", () => {
    const bytes = Buffer.alloc(4 * 2 ** 20, 7);
    expect(decodeEntry({ path: "/big", type: "file", content: bytes.toString("base64"), encoding: "base64" }, NOW).bytes?.byteLength).toBe(bytes.byteLength);
  });

  it("gives a seed's entries the default mode of their type and the given now when mode and mtime are left out", () => {
    expect(decodeEntry({ path: "/a", type: "file" }, NOW)).toEqual({ path: "/a", kind: "file", mode: 0o644, mtime: NOW, bytes: new Uint8Array() });
    expect(decodeEntry({ path: "/d", type: "directory" }, NOW)).toMatchObject({ mode: 0o755, mtime: NOW });
    expect(decodeEntry({ path: "/l", type: "symlink", target: "a" }, NOW)).toMatchObject({ mode: 0o777, target: "a" });
  });

  it("refuses, with a pointer into the list, what a tree cannot hold", () => {
    const refusal = (entries: Parameters<typeof decodeEntries>[0]) => {
      try {
        decodeEntries(entries, NOW);
      } catch (error) {
        if (error instanceof FileEntryError) return [error.pointer, error.message];
        throw error;
      }
      return undefined;
    };
    expect(refusal([{ path: "/ok", type: "file" }, { path: "rel", type: "file" }])).toEqual(["/1/path", "must be absolute (start with /)"]);
    expect(refusal([{ path: "/a/../b", type: "file" }])).toEqual(["/0/path", "must be normalised (no //, . or .. segments)"]);
    expect(refusal([{ path: "/a", type: "file" }, { path: "/a", type: "directory" }])).toEqual(["/1/path", "'/a' is listed twice"]);
    expect(refusal([{ path: "/a", type: "file", content: "@@", encoding: "base64" }])).toEqual(["/0/content", "not valid base64 (standard alphabet, padded)"]);
    expect(refusal([{ path: "/d", type: "directory", content: "x" }])?.[0]).toBe("/0/content");
    expect(refusal([{ path: "/l", type: "symlink" }])).toEqual(["/0/target", "a symlink needs a target"]);
    expect(refusal([{ path: "/f", type: "file", target: "x" }])?.[0]).toBe("/0/target");
  });
});

describe("pathProblem and parentsFirst", () => {
  it("accepts absolute normalised paths only", () => {
    expect(pathProblem("/")).toBeUndefined();
    expect(pathProblem("/a/b c/d.txt")).toBeUndefined();
    for (const bad of ["a", "/a/", "//a", "/a/./b", "/a\0"]) expect(pathProblem(bad)).toBeDefined();
  });

  it("orders a tree so that every directory comes before what it holds", () => {
    const ordered = parentsFirst([...tree].reverse()).map((e) => e.path);
    expect(ordered[0]).toBe("/workspace");
    expect(ordered.indexOf("/workspace/empty")).toBeGreaterThan(0);
  });
});

describe("fileBoundProblem", () => {
  const big = (bytes: number) => ({ path: "/f", type: "file" as const, content: Buffer.alloc(bytes).toString("base64"), encoding: "base64" as const });

  it("counts the decoded bytes of base64 and UTF-8 contents without decoding them", () => {
    expect(contentBytes([big(1000), { path: "/g", type: "file", content: "é" }])).toBe(1002);
  });

  it("names the tree over the bound of entries or of bytes per tree, and a document over its total", () => {
    expect(fileBoundProblem([{ files: [{ entries: [big(MAX_TREE_BYTES)] }] }])).toBeUndefined();
    expect(fileBoundProblem([{ files: [{ entries: [big(MAX_TREE_BYTES + 1)] }] }], "/body")).toBe("/body/organizations/0/files/0: the tree holds 16.0 MiB of file contents, over the bound of 16.0 MiB per tree");
    const many = Array.from({ length: MAX_TREE_ENTRIES + 1 }, (_, i) => ({ path: `/d${i}`, type: "directory" as const }));
    expect(fileBoundProblem([{}, { files: [{ entries: [] }, { entries: many }] }])).toMatch(/^\/organizations\/1\/files\/1: the tree has 10001 entries/);
    const fiveTrees = Array.from({ length: 5 }, () => ({ entries: [big(MAX_TREE_BYTES - 1)] }));
    expect(fileBoundProblem([{ files: fiveTrees }])).toMatch(/^the document: the file trees hold 80\.0 MiB of file contents, over the bound of 64\.0 MiB per state document$/);
  });
});
