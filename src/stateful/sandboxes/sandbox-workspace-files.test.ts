/**
 * Mounted workspaces are the workspace's own files (issue: "a mounted workspace is the same
 * directory tree in every sandbox that mounts it, at its mount path, both ways; readOnly mounts
 * refuse writes"), exercised through the stores as src/state.ts wires them, without HTTP.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { SandboxCreateRequest, SandboxMountRequest, Workspace } from "../../api-types.ts";
import { SandboxStore } from "./sandboxes.store.ts";
import { WorkspaceStore } from "../workspaces/workspaces.store.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";

const owner = { userId: "22222222-2222-4222-8222-222222222222" };

let clock: ManualClock;
let workspaces: WorkspaceStore;
let sandboxes: SandboxStore;
let data: Workspace;

beforeEach(() => {
  clock = new ManualClock();
  const ids = new CountingIds();
  workspaces = new WorkspaceStore({ clock, ids });
  workspaces.ensurePersonal(owner);
  data = workspaces.create({ name: "Data" }, owner);
  sandboxes = new SandboxStore({ clock, ids, bootDelayMs: 0, workspaces });
});

function running(name: string, mounts: SandboxMountRequest[]): string {
  const input: SandboxCreateRequest = { name, template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts };
  const { id } = sandboxes.create(input);
  clock.nextRequest();
  return id;
}

async function run(sandbox: string, command: string) {
  return sandboxes.exec(sandbox, { command, timeout: 5_000, cwd: "/workspace" });
}

describe("a sandbox's mounted workspace", () => {
  it("shows files written through the workspace's tree, and the tree gets the sandbox's writes", async () => {
    await workspaces.files(data.id).write("/docs/readme.md", new TextEncoder().encode("# hi\n"));
    const box = running("box", [{ workspaceId: data.id, path: "/workspace/data", readOnly: false }]);
    expect(await run(box, "cat /workspace/data/docs/readme.md")).toMatchObject({ stdout: "# hi\n", exitCode: 0 });
    expect(await run(box, "printf %s AAH/ | base64 --decode > /workspace/data/raw.bin && mkdir -p /workspace/data/out")).toMatchObject({ exitCode: 0 });
    expect([...(await workspaces.files(data.id).read("raw.bin"))]).toEqual([0, 1, 255]);
    expect((await workspaces.files(data.id).stat("/out"))?.kind).toBe("directory");
  });

  it("is one tree in every sandbox that mounts it, wherever each mounts it", async () => {
    const writer = running("writer", [{ workspaceId: data.id, path: "/workspace/data", readOnly: false }]);
    const reader = running("reader", [{ workspaceId: data.id, path: "/workspace/shared", readOnly: true }]);
    await run(writer, "echo shared > /workspace/data/note.txt");
    expect(await run(reader, "cat /workspace/shared/note.txt")).toMatchObject({ stdout: "shared\n", exitCode: 0 });
    await run(writer, "rm /workspace/data/note.txt");
    expect((await run(reader, "test -e /workspace/shared/note.txt")).exitCode).toBe(1);
  });

  it("refuses writes on a readOnly mount like a read-only filesystem, changing nothing", async () => {
    await workspaces.files(data.id).write("/keep.txt", new TextEncoder().encode("keep"));
    const box = running("box", [{ workspaceId: data.id, path: "/workspace/ro", readOnly: true }]);
    const redirected = await run(box, "echo x > /workspace/ro/new.txt");
    expect(redirected).toMatchObject({ exitCode: 1, stderr: "bash: /workspace/ro/new.txt: Read-only file system\n" });
    for (const command of ["rm /workspace/ro/keep.txt", "mkdir /workspace/ro/d", "touch /workspace/ro/t", "mv /workspace/ro/keep.txt /workspace/ro/k"]) {
      const result = await run(box, command);
      expect(result.exitCode, command).not.toBe(0);
      expect(result.stderr, command).toContain("read-only file system");
    }
    expect(workspaces.files(data.id).entries().map((e) => e.path)).toEqual(["/", "/keep.txt"]);
    expect(await run(box, "cat /workspace/ro/keep.txt")).toMatchObject({ stdout: "keep", exitCode: 0 });
  });

  it("shows files restored into the workspace after the sandbox's shell was made, and refuses a bad restore whole", async () => {
    const box = running("box", [{ workspaceId: data.id, path: "/workspace/data", readOnly: true }]);
    await run(box, "true");
    const mtime = new Date("2025-05-05T00:00:00Z");
    workspaces.restoreFiles(data.id, [{ path: "/seeded.txt", kind: "file", bytes: new TextEncoder().encode("seed"), mode: 0o644, mtime }]);
    expect(await run(box, "cat /workspace/data/seeded.txt")).toMatchObject({ stdout: "seed", exitCode: 0 });
    expect(() => workspaces.restoreFiles(data.id, [{ path: "/../x", kind: "directory", mode: 0o755, mtime }])).toThrow();
    expect(workspaces.files(data.id).entries().map((e) => e.path)).toEqual(["/", "/seeded.txt"]);
    expect(workspaces.get(data.id).sizeBytes).toBe(4);
  });

  it("keeps the sandbox's own files apart from the workspace's", async () => {
    const box = running("box", [{ workspaceId: data.id, path: "/workspace/data", readOnly: false }]);
    await run(box, "echo mine > /workspace/own.txt; echo 12345 > /workspace/data/w.txt");
    expect(workspaces.files(data.id).entries().map((e) => e.path)).toEqual(["/", "/w.txt"]);
    expect(workspaces.get(data.id).sizeBytes).toBe(6);
  });

  it("refuses mounts that nest inside one another with a 400, creating nothing", () => {
    const err = apiErrorOf(() =>
      running("box", [
        { workspaceId: data.id, path: "/workspace", readOnly: false },
        { workspaceId: data.id, path: "/workspace/inner", readOnly: true },
      ]),
    );
    expect(err).toMatchObject({ status: 400, details: [{ path: "/body/mounts/1/path", message: expect.stringContaining("/body/mounts/0") }] });
    expect(sandboxes.list({}, 10).items).toEqual([]);
  });

  it("leaves a sandbox when the workspace is force-deleted: its files are gone from the sandbox too", async () => {
    await workspaces.files(data.id).write("/f.txt", new TextEncoder().encode("f"));
    const box = running("box", [{ workspaceId: data.id, path: "/workspace/data", readOnly: false }]);
    expect((await run(box, "cat /workspace/data/f.txt")).exitCode).toBe(0);
    sandboxes.releaseWorkspace(data.id);
    workspaces.remove(data.id);
    expect((await run(box, "cat /workspace/data/f.txt")).exitCode).toBe(1);
    expect(workspaces.filesOf(data.id)).toBeUndefined();
  });
});

describe("workspace sizes", () => {
  it("are the bytes the tree holds, in the workspace and in the organization's storage summary", async () => {
    const [personal] = workspaces.list(1).items;
    if (!personal) throw new Error("no personal workspace");
    await workspaces.files(personal.id).write("/p.txt", new Uint8Array(100));
    await workspaces.files(data.id).write("/d.txt", new Uint8Array(23));
    expect(workspaces.get(data.id).sizeBytes).toBe(23);
    expect(workspaces.list(10).items.map((w) => w.sizeBytes)).toEqual([100, 23]);
    expect(workspaces.storage().usedBytes).toBe(123);
    await workspaces.files(data.id).remove("/d.txt");
    expect(workspaces.storage().usedBytes).toBe(100);
  });
});
