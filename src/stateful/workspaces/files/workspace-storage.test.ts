/**
 * The storage service's rules without HTTP (spec tag `workspace-files`): shapes, confinement,
 * all-or-nothing batches, the quota.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "../../../core/errors.ts";
import { ManualClock } from "../../common/test-support.ts";
import { FileTree } from "./file-tree.ts";
import { WorkspaceStorage } from "./workspace-storage.ts";

let tree: FileTree;
let storage: WorkspaceStorage;

beforeEach(() => {
  tree = new FileTree(new ManualClock(), 100);
  storage = new WorkspaceStorage(tree);
});

async function refusal(operation: Promise<unknown>): Promise<{ status: number; code: string; details: unknown }> {
  const error = await operation.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return { status: error.status, code: error.code, details: error.details };
}

describe("WorkspaceStorage", () => {
  it("writes base64 contents as bytes and refuses malformed base64 at /body/contents", async () => {
    await storage.create(undefined, { name: "b.bin", type: "file", contents: "AP8K", encoding: "base64" });
    expect([...(await storage.download("/b.bin")).bytes]).toEqual([0, 255, 10]);
    expect(await refusal(storage.create(undefined, { name: "c", type: "file", contents: "!!", encoding: "base64" }))).toMatchObject({
      status: 400,
      details: [{ path: "/body/contents", message: "is not valid base64" }],
    });
  });

  it("answers a directory entry with the guide's lazy and count, and a file with its media type", async () => {
    await storage.create(undefined, { name: "d", type: "folder" });
    await storage.create("d", { name: "x.json", type: "file", contents: "{}" });
    expect(await storage.list(undefined, false)).toEqual([
      { id: "/d", name: "d", value: "d", type: "directory", size: 0, mtime: "2026-01-01T00:00:00.000Z", date: "2026-01-01T00:00:00.000Z", path: "/d", mimeType: null, lazy: true, count: 1 },
    ]);
    expect((await storage.list("/d", false))[0]).toMatchObject({ mimeType: "application/json", size: 2 });
  });

  it("refuses a batch copy that would pass the quota before copying anything (507)", async () => {
    await storage.upload(undefined, "a", new Uint8Array(60), "/path/id");
    await storage.create(undefined, { name: "dst", type: "directory" });
    expect(await refusal(storage.batch({ operation: "copy", ids: ["/a"], target: "/dst" }))).toMatchObject({ status: 507, code: "insufficient_storage" });
    expect(await storage.list("/dst", true)).toEqual([]);
  });

  it("refuses a batch whose ids land on one name, or that names a missing id, changing nothing", async () => {
    for (const dir of ["a", "b", "c"]) {
      await storage.create(undefined, { name: dir, type: "directory" });
      await storage.create(dir, { name: "f", type: "file" });
    }
    expect(await refusal(storage.batch({ operation: "move", ids: ["/a/f", "/b/f"], target: "/" }))).toMatchObject({ status: 400, details: [{ path: "/body/ids/1" }] });
    expect(await refusal(storage.batch({ operation: "copy", ids: ["/a/f"], target: "/c" }))).toMatchObject({ status: 409 });
    expect(await refusal(storage.batch({ operation: "move", ids: ["/a/f", "/nope"], target: "/" }))).toMatchObject({ status: 404 });
    expect((await storage.info("/", "/path/path")).count).toBe(6);
  });

  it("refuses to delete the root, and to move a directory into itself", async () => {
    await storage.create(undefined, { name: "d", type: "directory" });
    expect(await refusal(storage.remove(["/"]))).toMatchObject({ status: 400, details: [{ path: "/body/ids/0" }] });
    expect(await refusal(storage.mutate("/d", { operation: "move", target: "/d" }))).toMatchObject({ status: 400 });
  });

  it("lists a symlink a sandbox made as a file", async () => {
    await storage.create(undefined, { name: "t.txt", type: "file", contents: "t" });
    await tree.fs.symlink("/t.txt", "/link");
    expect((await storage.list(undefined, false)).map((e) => [e.id, e.type])).toEqual([
      ["/link", "file"],
      ["/t.txt", "file"],
    ]);
  });
});
