/**
 * Workspace mounts of sandboxes without HTTP (issue 3: "Sandbox create accepts mounts …",
 * "Deleting a sandbox releases its mounts"; reference Part B "Sandboxes" S1). Exercised through
 * SandboxStore.create with a real WorkspaceStore, as the mock wires them (src/state.ts).
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox, SandboxCreateRequest, SandboxMountRequest, Workspace } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { SandboxStore } from "./sandboxes.store.ts";
import { WorkspaceStore } from "../workspaces/workspaces.store.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";

const validators = compileValidators(loadSpec());
const sandboxSchema = validators.component("Sandbox");
const createSandboxBody = validators.operation("createSandbox").body;

const owner = { userId: "22222222-2222-4222-8222-222222222222" };
const UNKNOWN = "99999999-9999-4999-8999-999999999999";

/** A create body as the request validator hands it over: spec defaults filled in. */
function createInput(fields: Partial<SandboxCreateRequest> = {}): SandboxCreateRequest {
  return { template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [], ...fields };
}

/** A mount request with the spec default (`readOnly: false`) filled in unless given. */
function mount(workspaceId: string, path: string, readOnly = false): SandboxMountRequest {
  return { workspaceId, path, readOnly };
}

let clock: ManualClock;
let workspaces: WorkspaceStore;
let sandboxes: SandboxStore;
let personal: Workspace;
let data: Workspace;
let cache: Workspace;

beforeEach(() => {
  clock = new ManualClock();
  const ids = new CountingIds();
  workspaces = new WorkspaceStore({ clock, ids });
  workspaces.ensurePersonal(owner);
  const [first] = workspaces.list(1).items;
  if (!first) throw new Error("no personal workspace");
  personal = first;
  data = workspaces.create({ name: "Data" }, owner);
  cache = workspaces.create({ name: "Cache" }, owner);
  sandboxes = new SandboxStore({ clock, ids, bootDelayMs: 0, workspaces });
});

/** Every sandbox the store holds, whatever its status. */
function everySandbox(): Sandbox[] {
  return sandboxes.list({ status: ["creating", "running", "pausing", "paused", "resuming", "destroyed"] }, 500).items;
}

/** Expects `create` to be rejected and to leave no sandbox behind (the name stays free). */
function expectRejectedWithoutTrace(input: SandboxCreateRequest) {
  const before = everySandbox();
  const err = apiErrorOf(() => sandboxes.create(input));
  expect(everySandbox()).toEqual(before);
  if (input.name !== undefined) {
    expect(apiErrorOf(() => sandboxes.get(input.name ?? "")).code).toBe("not_found");
    expect(sandboxes.create(createInput({ name: input.name })).name).toBe(input.name);
  }
  return err;
}

describe("SandboxStore.create with mounts", () => {
  it("shows the mounts, in order, and hasWritableWorkspaceMount", () => {
    const sandbox = sandboxes.create(
      createInput({ name: "runner", mounts: [mount(data.id, "/workspace/data"), mount(cache.id, "/workspace/cache", true)] }),
    );
    expect(sandbox.mounts).toEqual([
      { workspaceId: data.id, path: "/workspace/data", readOnly: false },
      { workspaceId: cache.id, path: "/workspace/cache", readOnly: true },
    ]);
    expect(sandbox.hasWritableWorkspaceMount).toBe(true);
    expect(sandboxSchema(sandbox)).toEqual([]);
    clock.nextRequest();
    const fetched = sandboxes.get("runner");
    expect(fetched).toMatchObject({ status: "running", mounts: sandbox.mounts, hasWritableWorkspaceMount: true });
    expect(sandboxSchema(fetched)).toEqual([]);
  });

  it("defaults readOnly to false (a body without it, through the request validator)", () => {
    const body: unknown = {
      name: "runner",
      mounts: [{ workspaceId: data.id, path: "/workspace/data" }],
    };
    expect(createSandboxBody?.(body)).toEqual([]);
    const sandbox = sandboxes.create(body as SandboxCreateRequest);
    expect(sandbox.mounts).toEqual([{ workspaceId: data.id, path: "/workspace/data", readOnly: false }]);
    expect(sandbox.hasWritableWorkspaceMount).toBe(true);
  });

  it("defaults readOnly to false even for a caller that bypasses the request validator", () => {
    const bare = { workspaceId: data.id, path: "/workspace/data" } as SandboxMountRequest;
    const sandbox = sandboxes.create(createInput({ mounts: [bare] }));
    expect(sandbox.mounts).toEqual([{ workspaceId: data.id, path: "/workspace/data", readOnly: false }]);
    expect(sandbox.hasWritableWorkspaceMount).toBe(true);
  });

  it.each<[string, boolean[], boolean]>([
    ["no mounts", [], false],
    ["one read-only mount", [true], false],
    ["only read-only mounts", [true, true], false],
    ["one writable mount", [false], true],
    ["a writable among read-only mounts", [true, false, true], true],
  ])("hasWritableWorkspaceMount with %s is %s", (_case, readOnlyFlags, writable) => {
    const mounts = readOnlyFlags.map((readOnly, i) => mount(i % 2 === 0 ? data.id : cache.id, `/workspace/m${i}`, readOnly));
    const sandbox = sandboxes.create(createInput({ mounts }));
    expect(sandbox.hasWritableWorkspaceMount).toBe(writable);
    expect(sandbox.mounts.map((m) => m.readOnly)).toEqual(readOnlyFlags);
  });

  it.each([
    ["/workspace", "/workspace"],
    ["/workspace/", "/workspace"],
    ["/workspace/data/", "/workspace/data"],
    ["/workspace/data///", "/workspace/data"],
    ["/workspace/a/b-c/d.e", "/workspace/a/b-c/d.e"],
  ])("normalises the path %j to %j", (given, shown) => {
    const sandbox = sandboxes.create(createInput({ mounts: [mount(data.id, given)] }));
    expect(sandbox.mounts).toEqual([{ workspaceId: data.id, path: shown, readOnly: false }]);
  });

  it("may mount one workspace at two paths", () => {
    const sandbox = sandboxes.create(createInput({ mounts: [mount(data.id, "/workspace/a"), mount(data.id, "/workspace/b", true)] }));
    expect(sandbox.mounts.map((m) => [m.workspaceId, m.path])).toEqual([
      [data.id, "/workspace/a"],
      [data.id, "/workspace/b"],
    ]);
  });

  it.each([
    "/data",
    "/",
    "",
    "workspace/data",
    "/workspaces",
    "/workspace-data",
    "//workspace",
    "/workspace/../etc",
    "/workspace/data/..",
    "/workspace/./data",
    "/workspace/.",
    "/workspace//data",
    "/tmp/workspace",
  ])("rejects the path %j with a 400 at /body/mounts/<i>/path, creating nothing", (path) => {
    const err = expectRejectedWithoutTrace(
      createInput({ name: "runner", mounts: [mount(cache.id, "/workspace/cache"), mount(data.id, path)] }),
    );
    expect(err.code).toBe("bad_request");
    expect(err.status).toBe(400);
    expect(err.details).toEqual([{ path: "/body/mounts/1/path", message: expect.any(String) }]);
  });

  it("rejects two mounts on one path (after normalisation) with a 400 at the second, creating nothing", () => {
    const err = expectRejectedWithoutTrace(
      createInput({
        name: "runner",
        mounts: [mount(data.id, "/workspace/shared"), mount(cache.id, "/workspace/other"), mount(cache.id, "/workspace/shared/")],
      }),
    );
    expect(err.code).toBe("bad_request");
    expect(err.details).toEqual([{ path: "/body/mounts/2/path", message: "is already mounted by /body/mounts/0" }]);
  });

  it("rejects the personal workspace with a 400 at /body/mounts/<i>/workspaceId, creating nothing", () => {
    const err = expectRejectedWithoutTrace(
      createInput({ name: "runner", mounts: [mount(data.id, "/workspace/data"), mount(personal.id, "/workspace/me", true)] }),
    );
    expect(err.code).toBe("bad_request");
    expect(err.details).toEqual([{ path: "/body/mounts/1/workspaceId", message: expect.any(String) }]);
  });

  it("reports every mount problem of a request at once", () => {
    const err = expectRejectedWithoutTrace(
      createInput({ name: "runner", mounts: [mount(personal.id, "/workspace/me"), mount(data.id, "/etc"), mount(cache.id, "/workspace/ok")] }),
    );
    expect(err.code).toBe("bad_request");
    expect(err.details?.map((d) => d.path)).toEqual(["/body/mounts/0/workspaceId", "/body/mounts/1/path"]);
  });

  it("rejects a workspace the organization does not have with a 404 naming it, creating nothing", () => {
    const err = expectRejectedWithoutTrace(
      createInput({ name: "runner", mounts: [mount(data.id, "/workspace/data"), mount(UNKNOWN, "/workspace/x")] }),
    );
    expect(err.code).toBe("not_found");
    expect(err.status).toBe(404);
    expect(err.message).toBe(`Workspace '${UNKNOWN}' not found`);
  });

  it("rejects a deleted workspace with a 404, creating nothing", () => {
    workspaces.remove(cache.id);
    const err = expectRejectedWithoutTrace(createInput({ name: "runner", mounts: [mount(cache.id, "/workspace/cache")] }));
    expect(err.code).toBe("not_found");
    expect(err.message).toBe(`Workspace '${cache.id}' not found`);
  });

  it("rejected unnamed creates draw no sandbox either", () => {
    expectRejectedWithoutTrace(createInput({ mounts: [mount(UNKNOWN, "/workspace/x")] }));
    expectRejectedWithoutTrace(createInput({ mounts: [mount(data.id, "/elsewhere")] }));
    expect(everySandbox()).toEqual([]);
  });
});

describe("SandboxStore.delete releases the sandbox's mounts", () => {
  it("shows mounts [] and hasWritableWorkspaceMount false on the destroyed record; the workspaces stay", () => {
    const { id } = sandboxes.create(createInput({ name: "runner", mounts: [mount(data.id, "/workspace/data"), mount(cache.id, "/workspace/cache", true)] }));
    clock.nextRequest();
    clock.advance(1_000);
    sandboxes.delete(id);
    const destroyed = sandboxes.get(id);
    expect(destroyed).toMatchObject({ status: "destroyed", mounts: [], hasWritableWorkspaceMount: false, updatedAt: "2026-01-01T00:00:01.000Z" });
    expect(sandboxSchema(destroyed)).toEqual([]);
    expect(sandboxes.mountsOf(data.id)).toEqual([]);
    expect(sandboxes.mountsOf(cache.id)).toEqual([]);
    expect(workspaces.get(data.id)).toEqual(data);
    expect(workspaces.get(cache.id)).toEqual(cache);
  });

  it("frees the name with the mounts: a new sandbox of that name may mount the same path", () => {
    const { id } = sandboxes.create(createInput({ name: "runner", mounts: [mount(data.id, "/workspace/data")] }));
    sandboxes.delete(id);
    const again = sandboxes.create(createInput({ name: "runner", mounts: [mount(data.id, "/workspace/data")] }));
    expect(sandboxes.mountsOf(data.id).map((m) => m.sandboxId)).toEqual([again.id]);
  });
});

describe("SandboxStore.mountsOf", () => {
  it("lists the live sandboxes mounting a workspace, one entry per mount, with path, flag and current status", () => {
    const a = sandboxes.create(createInput({ name: "a", mounts: [mount(data.id, "/workspace/one"), mount(data.id, "/workspace/two", true)] }));
    const b = sandboxes.create(createInput({ name: "b", mounts: [mount(cache.id, "/workspace")] }));
    const c = sandboxes.create(createInput({ name: "c", mounts: [mount(cache.id, "/workspace/cache"), mount(data.id, "/workspace/data", true)] }));
    const gone = sandboxes.create(createInput({ name: "gone", mounts: [mount(data.id, "/workspace/data")] }));
    expect(sandboxes.mountsOf(data.id)).toEqual([
      { sandboxId: a.id, sandboxName: "a", sandboxStatus: "creating", mountPath: "/workspace/one", readOnly: false },
      { sandboxId: a.id, sandboxName: "a", sandboxStatus: "creating", mountPath: "/workspace/two", readOnly: true },
      { sandboxId: c.id, sandboxName: "c", sandboxStatus: "creating", mountPath: "/workspace/data", readOnly: true },
      { sandboxId: gone.id, sandboxName: "gone", sandboxStatus: "creating", mountPath: "/workspace/data", readOnly: false },
    ]);

    clock.nextRequest();
    sandboxes.delete(gone.id);
    sandboxes.pause(c.id);
    expect(sandboxes.mountsOf(data.id)).toEqual([
      { sandboxId: a.id, sandboxName: "a", sandboxStatus: "running", mountPath: "/workspace/one", readOnly: false },
      { sandboxId: a.id, sandboxName: "a", sandboxStatus: "running", mountPath: "/workspace/two", readOnly: true },
      { sandboxId: c.id, sandboxName: "c", sandboxStatus: "pausing", mountPath: "/workspace/data", readOnly: true },
    ]);
    expect(sandboxes.mountsOf(cache.id).map((m) => [m.sandboxName, m.mountPath])).toEqual([
      ["b", "/workspace"],
      ["c", "/workspace/cache"],
    ]);
    expect(b.mounts).toHaveLength(1);
  });

  it("answers [] for a workspace nobody mounts, and for an unknown id", () => {
    sandboxes.create(createInput({ mounts: [mount(data.id, "/workspace/data")] }));
    expect(sandboxes.mountsOf(cache.id)).toEqual([]);
    expect(sandboxes.mountsOf(UNKNOWN)).toEqual([]);
  });
});

describe("SandboxStore.releaseWorkspace", () => {
  it("removes exactly that workspace's mounts, recomputing hasWritableWorkspaceMount", () => {
    const both = sandboxes.create(createInput({ name: "both", mounts: [mount(data.id, "/workspace/data"), mount(cache.id, "/workspace/cache", true)] }));
    const twice = sandboxes.create(createInput({ name: "twice", mounts: [mount(data.id, "/workspace/a", true), mount(data.id, "/workspace/b")] }));
    const cacheOnly = sandboxes.create(createInput({ name: "cache-only", mounts: [mount(cache.id, "/workspace/cache")] }));
    clock.nextRequest();
    const untouched = sandboxes.get(cacheOnly.id);
    clock.advance(2_000);

    sandboxes.releaseWorkspace(data.id);

    expect(sandboxes.get(both.id)).toMatchObject({
      mounts: [{ workspaceId: cache.id, path: "/workspace/cache", readOnly: true }],
      hasWritableWorkspaceMount: false,
      updatedAt: "2026-01-01T00:00:02.000Z",
      status: "running",
    });
    expect(sandboxes.get(twice.id)).toMatchObject({ mounts: [], hasWritableWorkspaceMount: false });
    expect(sandboxes.get(cacheOnly.id)).toEqual(untouched);
    expect(sandboxes.mountsOf(data.id)).toEqual([]);
    expect(sandboxes.mountsOf(cache.id).map((m) => m.sandboxName)).toEqual(["both", "cache-only"]);
    for (const sandbox of everySandbox()) expect(sandboxSchema(sandbox)).toEqual([]);
  });

  it("does nothing for a workspace nobody mounts", () => {
    sandboxes.create(createInput({ mounts: [mount(data.id, "/workspace/data")] }));
    const before = everySandbox();
    clock.advance(1_000);
    sandboxes.releaseWorkspace(cache.id);
    expect(everySandbox()).toEqual(before);
  });
});
