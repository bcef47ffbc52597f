/**
 * A workspace's file tree without HTTP or a shell: the operations the storage API and the state
 * documents build on (docs: /api-reference/workspaces/files).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { ManualClock } from "../../common/test-support.ts";
import { FileTree, FileTreeError, type FileTreeErrorCode } from "./file-tree.ts";

const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

let clock: ManualClock;
let tree: FileTree;

beforeEach(() => {
  clock = new ManualClock();
  tree = new FileTree(clock, 64);
});

async function failure(operation: Promise<unknown>): Promise<{ code: FileTreeErrorCode; path: string }> {
  const error = await operation.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof FileTreeError)) throw new Error(`expected a FileTreeError, got ${String(error)}`);
  return { code: error.code, path: error.path };
}

describe("FileTree reading and writing", () => {
  it("writes a file with its parents and reads the same bytes back, binary included", async () => {
    const bytes = new Uint8Array([0, 1, 2, 255, 10]);
    const info = await tree.write("docs/raw.bin", bytes);
    expect(info).toMatchObject({ path: "/docs/raw.bin", name: "raw.bin", kind: "file", size: 5 });
    expect([...(await tree.read("/docs/raw.bin"))]).toEqual([...bytes]);
    expect(await tree.stat("/docs")).toMatchObject({ kind: "directory", size: 0 });
  });

  it("replaces a file unless told not to overwrite, and refuses to write over a directory", async () => {
    await tree.write("/a.txt", text("one"));
    await tree.write("/a.txt", text("two!"));
    expect(decode(await tree.read("/a.txt"))).toBe("two!");
    expect(await failure(tree.write("/a.txt", text("x"), { overwrite: false }))).toEqual({ code: "EEXIST", path: "/a.txt" });
    await tree.mkdir("/dir");
    expect(await failure(tree.write("/dir", text("x")))).toEqual({ code: "EISDIR", path: "/dir" });
  });

  it("answers ENOENT for a missing file and EISDIR for reading a directory", async () => {
    await tree.mkdir("/d");
    expect(await failure(tree.read("/nope"))).toEqual({ code: "ENOENT", path: "/nope" });
    expect(await failure(tree.read("/d"))).toEqual({ code: "EISDIR", path: "/d" });
  });

  it("counts the bytes of file contents and refuses a write beyond the quota, keeping the old contents", async () => {
    await tree.write("/a", text("x".repeat(40)));
    expect(tree.usedBytes()).toBe(40);
    expect(await failure(tree.write("/b", text("y".repeat(30))))).toMatchObject({ code: "ENOSPC" });
    expect(tree.usedBytes()).toBe(40);
    await tree.write("/a", text("x".repeat(10)));
    expect(tree.usedBytes()).toBe(10);
  });

  it("refuses a path that climbs out of the tree before touching anything", async () => {
    expect(await failure(tree.write("../etc/passwd", text("x")))).toMatchObject({ code: "EINVAL" });
    expect(await failure(tree.list("a/../../.."))).toMatchObject({ code: "EINVAL" });
    expect(tree.entries().map((e) => e.path)).toEqual(["/"]);
  });
});

describe("FileTree listing", () => {
  beforeEach(async () => {
    await tree.write("/b.txt", text("bb"));
    await tree.write("/a/one.txt", text("1"));
    await tree.write("/a/deep/two.txt", text("22"));
  });

  it("lists a directory's own entries sorted by path, or everything below it", async () => {
    expect((await tree.list("/")).map((e) => [e.path, e.kind, e.size])).toEqual([
      ["/a", "directory", 0],
      ["/b.txt", "file", 2],
    ]);
    expect((await tree.list("a", { recursive: true })).map((e) => e.path)).toEqual(["/a/deep", "/a/deep/two.txt", "/a/one.txt"]);
  });

  it("answers ENOENT for a missing directory and ENOTDIR for a file", async () => {
    expect(await failure(tree.list("/zzz"))).toEqual({ code: "ENOENT", path: "/zzz" });
    expect(await failure(tree.list("/b.txt"))).toEqual({ code: "ENOTDIR", path: "/b.txt" });
  });

  it("stamps entries with the mock's clock", async () => {
    clock.advance(60_000);
    await tree.write("/later", text("x"));
    expect((await tree.stat("/later"))?.mtime.toISOString()).toBe(new Date(Date.parse("2026-01-01T00:01:00.000Z")).toISOString());
    expect((await tree.stat("/b.txt"))?.mtime.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("FileTree moving, copying and deleting", () => {
  beforeEach(async () => {
    await tree.write("/src/a.txt", text("aa"));
    await tree.write("/other.txt", text("o"));
  });

  it("moves a directory with its contents", async () => {
    await tree.move("/src", "/dst/inner");
    expect(decode(await tree.read("/dst/inner/a.txt"))).toBe("aa");
    expect(await tree.stat("/src")).toBeUndefined();
  });

  it("copies a directory with its contents, counting the copy's bytes", async () => {
    await tree.copy("/src", "/copy");
    expect(decode(await tree.read("/copy/a.txt"))).toBe("aa");
    expect(decode(await tree.read("/src/a.txt"))).toBe("aa");
    expect(tree.usedBytes()).toBe(5);
  });

  it("replaces a file at the destination unless overwrite is false, and never replaces a directory", async () => {
    expect(await failure(tree.move("/other.txt", "/src/a.txt", { overwrite: false }))).toEqual({ code: "EEXIST", path: "/src/a.txt" });
    await tree.move("/other.txt", "/src/a.txt");
    expect(decode(await tree.read("/src/a.txt"))).toBe("o");
    expect(await failure(tree.copy("/src/a.txt", "/src"))).toMatchObject({ code: "EEXIST" });
  });

  it("refuses to move a directory into itself and a missing source", async () => {
    expect(await failure(tree.move("/src", "/src/sub"))).toMatchObject({ code: "EINVAL" });
    expect(await failure(tree.copy("/nope", "/x"))).toEqual({ code: "ENOENT", path: "/nope" });
  });

  it("deletes a directory with everything in it, and gives its bytes back", async () => {
    await tree.remove("/src");
    expect(await tree.stat("/src/a.txt")).toBeUndefined();
    expect(tree.usedBytes()).toBe(1);
    expect(await failure(tree.remove("/src"))).toEqual({ code: "ENOENT", path: "/src" });
  });
});

describe("FileTree entries and fromEntries", () => {
  it("rebuild a tree with the same paths, kinds, bytes, modes and times", async () => {
    await tree.write("/docs/a.txt", new Uint8Array([0, 255, 7]));
    clock.advance(1_000);
    await tree.mkdir("/empty");
    await tree.fs.chmod("/docs/a.txt", 0o600);
    await tree.fs.symlink("/docs/a.txt", "/link");
    const entries = tree.entries();
    expect(entries.map((e) => [e.path, e.kind])).toEqual([
      ["/", "directory"],
      ["/docs", "directory"],
      ["/docs/a.txt", "file"],
      ["/empty", "directory"],
      ["/link", "symlink"],
    ]);
    clock.advance(99_000);
    const rebuilt = FileTree.fromEntries(clock, 64, [...entries].reverse());
    expect(rebuilt.entries()).toEqual(entries);
    expect(rebuilt.usedBytes()).toBe(3);
    expect(await rebuilt.fs.readFile("/link")).toBe(await tree.fs.readFile("/docs/a.txt"));
  });

  it("refuses entries beyond the quota or outside the tree", () => {
    const bytes = new Uint8Array(65);
    expect(() => FileTree.fromEntries(clock, 64, [{ path: "/big", kind: "file", bytes, mode: 0o644, mtime: clock.now() }])).toThrow(/No space/);
    expect(() => FileTree.fromEntries(clock, 64, [{ path: "/../x", kind: "directory", mode: 0o755, mtime: clock.now() }])).toThrow(FileTreeError);
  });
});
