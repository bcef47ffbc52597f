/**
 * A sandbox's own files as a whole, without HTTP: what a state document carries (exportFiles,
 * importFiles) and what the control plane seeds (seedFiles), checked whole so that a refused tree
 * changes nothing (docs/sandboxes.md, "Files in the state").
 */
import { beforeEach, describe, expect, it } from "vitest";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { decodeEntries, encodeEntries } from "../files/file-entries.ts";
import { WorkspaceStore } from "../workspaces/workspaces.store.ts";
import { SandboxFilesError } from "./sandbox-files.ts";
import type { RawEntry } from "./shell/clocked-fs.ts";
import { SandboxStore } from "./sandboxes.store.ts";

let clock: ManualClock;

function makeStore(): SandboxStore {
  const ids = new CountingIds();
  return new SandboxStore({ clock, ids, bootDelayMs: 0, workspaces: new WorkspaceStore({ clock, ids }) });
}

function running(store: SandboxStore, disk = "10GB"): string {
  const { id } = store.create({ template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk }, mounts: [] });
  clock.nextRequest();
  return id;
}

async function sh(store: SandboxStore, id: string, command: string): Promise<string> {
  const result = await store.exec(id, { command, timeout: 30_000, cwd: "/workspace" });
  expect(result.stderr).toBe("");
  return result.stdout;
}

/** A second store holding the first one's sandboxes and files, as a restart would. */
function reloaded(store: SandboxStore): SandboxStore {
  const copy = makeStore();
  copy.importAll(store.exportAll());
  for (const tree of store.exportFiles()) copy.importFiles(tree.id, decodeEntries(JSON.parse(JSON.stringify(encodeEntries(tree.entries))), clock.now()));
  return copy;
}

function refusal(action: () => unknown): SandboxFilesError {
  try {
    action();
  } catch (error) {
    if (error instanceof SandboxFilesError) return error;
    throw error;
  }
  throw new Error("expected a SandboxFilesError");
}

beforeEach(() => {
  clock = new ManualClock();
});

describe("a sandbox's files in a state snapshot", () => {
  it("come back exactly: bytes, modes, times, empty directories and symlinks, as ls and stat show them", async () => {
    const store = makeStore();
    const id = running(store);
    await sh(store, id, "printf 'a\\nb' > notes.txt; printf '\\377\\000' | base64 > /dev/null; echo -n '/wA=' | base64 -d > blob.bin; mkdir -p empty/deeper; chmod 700 empty; ln -s notes.txt link; touch -d '2020-02-02T02:02:02Z' notes.txt; echo tmp > /tmp/t");
    clock.advance(60_000);
    const listing = "ls -la /workspace /workspace/empty; find /workspace /tmp -printf '%p %m %T@ %s %y\\n'; od -An -tx1 blob.bin; readlink link; cat /tmp/t";
    const before = await sh(store, id, listing);
    const copy = reloaded(store);
    expect(await sh(copy, id, listing)).toBe(before);
    expect(copy.exportFiles()).toEqual(store.exportFiles());
  });

  it("leave out the shell's own files and keep the standard directories", async () => {
    const store = makeStore();
    const id = running(store);
    await sh(store, id, "true");
    const paths = store.exportFiles()[0]?.entries.map((entry) => entry.path);
    expect(paths).toEqual(["/root", "/tmp", "/workspace"]);
  });

  it("are not exported for a sandbox that never ran a command, and are gone with a destroyed sandbox", async () => {
    const store = makeStore();
    running(store);
    const destroyed = running(store);
    await sh(store, destroyed, "echo x > f");
    store.delete(destroyed);
    expect(store.exportFiles()).toEqual([]);
  });

  it("refuse a tree that names the shell's paths, nests under a file or symlink, or outgrows the disk, and take nothing of it", async () => {
    const store = makeStore();
    const id = running(store, "1MB");
    const file = (path: string, bytes = 1): RawEntry => ({ path, kind: "file", mode: 0o644, mtime: clock.now(), bytes: new Uint8Array(bytes) });
    expect(refusal(() => store.importFiles(id, [file("/ok"), file("/bin/echo")])).index).toBe(1);
    expect(refusal(() => store.importFiles(id, [file("/dev/null/x")])).message).toMatch(/is a file of the sandbox's shell/);
    expect(refusal(() => store.importFiles(id, [file("/a"), file("/a/b")])).index).toBe(1);
    expect(refusal(() => store.importFiles(id, [{ path: "/l", kind: "symlink", mode: 0o777, mtime: clock.now(), target: "/tmp" }, file("/l/x")])).message).toBe("'/l/x' has a parent that is a symlink");
    expect(refusal(() => store.importFiles(id, [file("/workspace")])).message).toMatch(/standard directories/);
    expect(refusal(() => store.importFiles(id, [file("/big", 2 ** 20 + 1)])).message).toMatch(/do not fit the sandbox's disk of 1048576 bytes/);
    expect(store.exportFiles()).toEqual([]);
  });
});

describe("seedFiles", () => {
  const seed = (path: string, content: string): RawEntry => ({ path, kind: "file", mode: 0o640, mtime: new Date("2025-05-05T00:00:00Z"), bytes: new TextEncoder().encode(content) });

  it("writes over the sandbox's files with merge, keeping the others, and the shell sees them", async () => {
    const store = makeStore();
    const id = running(store);
    await sh(store, id, "echo old > kept.txt; echo old > replaced.txt");
    store.seedFiles(id, [seed("/workspace/replaced.txt", "new\n"), seed("/srv/app/config.json", "{}")], "merge");
    expect(await sh(store, id, "cat kept.txt replaced.txt /srv/app/config.json; find /srv/app/config.json -printf '%m %T@'")).toBe(`old\nnew\n{}640 ${Date.parse("2025-05-05T00:00:00Z") / 1000}`);
  });

  it("makes the entries the sandbox's only files with replace, the standard directories made again", async () => {
    const store = makeStore();
    const id = running(store);
    await sh(store, id, "echo gone > gone.txt");
    const { entries } = store.seedFiles(id, [seed("/opt/x", "x")], "replace");
    expect(entries.map((entry) => entry.path)).toEqual(["/opt", "/opt/x", "/root", "/tmp", "/workspace"]);
    expect(await sh(store, id, "ls -A /workspace")).toBe("");
  });

  it("refuses to put a file over a directory that has entries, and leaves the files as they were", async () => {
    const store = makeStore();
    const id = running(store);
    await sh(store, id, "mkdir -p d/e; echo keep > d/e/f");
    expect(() => store.seedFiles(id, [seed("/workspace/new", "n"), seed("/workspace/d", "file")], "merge")).toThrow(expect.objectContaining({ pointer: "/1/path" }));
    expect(await sh(store, id, "cat d/e/f; ls")).toBe("keep\nd\n");
  });

  it("answers 409 for a destroyed sandbox and 404 for an unknown one", () => {
    const store = makeStore();
    const id = running(store);
    store.delete(id);
    expect(apiErrorOf(() => store.seedFiles(id, [], "merge"))).toMatchObject({ status: 409 });
    expect(apiErrorOf(() => store.files("sandbox-unknown"))).toMatchObject({ status: 404 });
  });
});
