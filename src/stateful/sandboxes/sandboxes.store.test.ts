/**
 * SandboxStore without HTTP (issue 2, "Sandboxes"; reference Part A "sandboxes"). The manual
 * clock stands in for the pipeline: `clock.nextRequest()` is the start of the next request,
 * `clock.advance(ms)` is time passing.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Sandbox, SandboxCreateRequest } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { randomIds } from "../common/clock.ts";
import { SandboxStore, type SandboxStoreDeps } from "./sandboxes.store.ts";
import { WorkspaceStore } from "../workspaces/workspaces.store.ts";
import { apiErrorOf, CountingIds, ManualClock, ScriptedIds, START } from "../common/test-support.ts";

const validators = compileValidators(loadSpec());
const sandboxSchema = validators.component("Sandbox");
const transitionSchema = validators.component("SandboxTransition");

/** A create body as the request validator hands it over: spec defaults filled in. */
function createInput(fields: Partial<SandboxCreateRequest> = {}): SandboxCreateRequest {
  return { template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [], ...fields };
}

let clock: ManualClock;
let store: SandboxStore;

function makeStore(deps: Partial<SandboxStoreDeps> = {}): SandboxStore {
  const ids = new CountingIds();
  return new SandboxStore({ clock, ids, bootDelayMs: 0, workspaces: new WorkspaceStore({ clock, ids }), ...deps });
}

/** Creates a sandbox and lets it boot (the next request, no delay). */
function running(fields: Partial<SandboxCreateRequest> = {}): Sandbox {
  const created = store.create(createInput(fields));
  clock.nextRequest();
  return created;
}

/** Creates a sandbox, boots it, pauses it and lets the pause settle. */
function paused(fields: Partial<SandboxCreateRequest> = {}): Sandbox {
  const created = running(fields);
  store.pause(created.id);
  clock.nextRequest();
  return created;
}

beforeEach(() => {
  clock = new ManualClock();
  store = makeStore();
});

describe("SandboxStore.create", () => {
  it("answers a sandbox in creating, named after its id, with the given template and resources", () => {
    const sandbox = store.create(createInput({ tags: ["ci"], env: { A: "1" }, metadata: { team: "core" }, idleTimeout: 600 }));
    expect(sandbox).toEqual<Sandbox>({
      id: "sandbox-000000000001",
      name: "sandbox-000000000001",
      status: "creating",
      template: "base-ubuntu",
      tags: ["ci"],
      resources: { vcpus: 2, memory: "4GB", disk: "10GB" },
      env: { A: "1" },
      idleTimeout: 600,
      metadata: { team: "core" },
      mounts: [],
      hasWritableWorkspaceMount: false,
      ownerUserId: null,
      ownerDisplayName: null,
      ownerEmail: null,
      projectId: null,
      ip: null,
      publicIp: null,
      sshAccessConfigured: false,
      sshAuthMethod: null,
      sshReady: false,
      vncReady: false,
      vncUrl: null,
      createdAt: START,
      updatedAt: START,
    });
    expect(sandboxSchema(sandbox)).toEqual([]);
  });

  it("carries the documented owner, project and SSH fields, and a private address from its first boot until destroyed", () => {
    const projectId = "3f2b8c1e-5a4d-4e6f-9b7a-2c1d0e9f8a7b";
    const withKey = store.create(createInput({ projectId, sshKeys: ["ssh-ed25519 AAAA"], rootPassword: "pw" }), { userId: "user-1" });
    expect(withKey).toMatchObject({ ownerUserId: "user-1", projectId, sshAccessConfigured: true, sshAuthMethod: "key", ip: null, publicIp: null });
    expect(store.create(createInput({ rootPassword: "pw" }))).toMatchObject({ sshAccessConfigured: true, sshAuthMethod: "password" });
    clock.nextRequest();
    const ip = store.get(withKey.id).ip;
    expect(ip).toMatch(/^10\.\d+\.\d+\.\d+$/);
    store.pause(withKey.id);
    clock.nextRequest();
    expect(store.get(withKey.id).ip).toBe(ip);
    store.delete(withKey.id);
    expect(store.get(withKey.id).ip).toBeNull();
    expect(sandboxSchema(store.get(withKey.id))).toEqual([]);
  });

  it("accepts any template slug, memory and disk in MB, and free-form metadata", () => {
    const sandbox = store.create(createInput({ template: "node:20", resources: { vcpus: 32, memory: "1024MB", disk: "512MB" }, metadata: { attempt: 2, nested: { ok: true } } }));
    expect(sandbox).toMatchObject({ template: "node:20", resources: { vcpus: 32, memory: "1024MB", disk: "512MB" }, metadata: { attempt: 2, nested: { ok: true } } });
    expect(sandboxSchema(sandbox)).toEqual([]);
  });

  it("gives ids of the form sandbox- and 12 lower-case letters or digits (they appear in host names)", () => {
    // Both the production source and the counting one are told which alphabet and length to use.
    for (const ids of [randomIds, new CountingIds()]) {
      const withIds = makeStore({ ids });
      for (let i = 0; i < 50; i++) expect(withIds.create(createInput()).id).toMatch(/^sandbox-[0-9a-z]{12}$/);
    }
  });

  it("draws another id when the id source repeats one already in use", () => {
    store = makeStore({ ids: new ScriptedIds(["sandbox-aaaaaaaaaaaa", "sandbox-aaaaaaaaaaaa", "sandbox-bbbbbbbbbbbb"]) });
    expect(store.create(createInput()).id).toBe("sandbox-aaaaaaaaaaaa");
    expect(store.create(createInput()).id).toBe("sandbox-bbbbbbbbbbbb");
  });

  it("never gives a new sandbox an id that a live sandbox already has as its name (names stay unique)", () => {
    store = makeStore({ ids: new ScriptedIds(["sandbox-bbbbbbbbbbbb", "sandbox-cccccccccccc", "sandbox-dddddddddddd"]) });
    const named = store.create(createInput({ name: "sandbox-cccccccccccc" }));
    const unnamed = store.create(createInput());
    expect(named.id).toBe("sandbox-bbbbbbbbbbbb");
    expect(unnamed.id).toBe("sandbox-dddddddddddd");
    expect(store.get("sandbox-cccccccccccc").id).toBe(named.id);
    expect(store.list({}, 100).items.map((s) => s.name)).toEqual(["sandbox-cccccccccccc", "sandbox-dddddddddddd"]);
  });

  it("defaults idleTimeout to null and tags, env and metadata to empty", () => {
    expect(store.create(createInput())).toMatchObject({ idleTimeout: null, tags: [], env: {}, metadata: {} });
  });

  it("stays creating for the rest of the request that created it, and is running from the next request", () => {
    const { id } = store.create(createInput({ name: "build-runner" }));
    expect(store.get(id).status).toBe("creating");
    clock.advance(60_000);
    expect(store.get(id).status).toBe("creating");
    clock.nextRequest();
    const sandbox = store.get(id);
    expect(sandbox).toMatchObject({ status: "running", sshReady: true, vncReady: false, vncUrl: null });
    expect(sandboxSchema(sandbox)).toEqual([]);
  });

  it("with a boot delay, is running only on a later request once the delay has passed", () => {
    store = makeStore({ bootDelayMs: 5_000 });
    const { id } = store.create(createInput());
    clock.nextRequest();
    expect(store.get(id).status).toBe("creating");
    clock.advance(4_999);
    clock.nextRequest();
    expect(store.get(id).status).toBe("creating");
    clock.advance(1);
    expect(store.get(id).status).toBe("running");
    // It became running when the delay ran out, not when someone looked.
    clock.advance(10_000);
    expect(store.get(id).updatedAt).toBe("2026-01-01T00:00:05.000Z");
  });

  it("with a boot delay, stays creating within the creating request even after the delay", () => {
    store = makeStore({ bootDelayMs: 1_000 });
    const { id } = store.create(createInput());
    clock.advance(2_000);
    expect(store.get(id).status).toBe("creating");
  });

  it("answers conflict for a name a live sandbox already has, and creates nothing", () => {
    running({ name: "build-runner" });
    const error = apiErrorOf(() => store.create(createInput({ name: "build-runner" })));
    expect(error.code).toBe("conflict");
    expect(error.status).toBe(409);
    expect(store.list({}, 100).items).toHaveLength(1);
  });

  it("answers conflict for a name equal to the default name (the id) of a live sandbox", () => {
    const { id } = store.create(createInput());
    expect(apiErrorOf(() => store.create(createInput({ name: id }))).code).toBe("conflict");
  });

  it("lets a new sandbox take the name of a destroyed one", () => {
    const old = running({ name: "build-runner" });
    store.delete("build-runner");
    const fresh = store.create(createInput({ name: "build-runner" }));
    expect(fresh.id).not.toBe(old.id);
    expect(store.get("build-runner").id).toBe(fresh.id);
    expect(store.get(old.id).status).toBe("destroyed");
  });

  it("gives desktop-ubuntu vncReady and its vncUrl once running, not while creating", () => {
    const created = store.create(createInput({ template: "desktop-ubuntu" }));
    expect([created.vncReady, created.vncUrl]).toEqual([false, null]);
    clock.nextRequest();
    const sandbox = store.get(created.id);
    expect(sandbox).toMatchObject({
      status: "running",
      vncReady: true,
      vncUrl: `https://6901-${created.id}.sandboxes.runtools.ai`,
      sshReady: true,
    });
    expect(sandboxSchema(sandbox)).toEqual([]);
  });

  it("answers a copy and keeps its own copy of the input", () => {
    const input = createInput({ tags: ["ci"], env: { A: "1" } });
    const created = store.create(input);
    input.tags?.push("changed");
    if (input.env) input.env.A = "2";
    input.resources.vcpus = 64;
    created.name = "mutated";
    created.tags.push("mutated");
    expect(store.get(created.id)).toMatchObject({ name: created.id, tags: ["ci"], env: { A: "1" }, resources: { vcpus: 2 } });
  });
});

describe("SandboxStore.get", () => {
  it("finds a sandbox by id and by name", () => {
    const created = running({ name: "build-runner" });
    expect(store.get(created.id).name).toBe("build-runner");
    expect(store.get("build-runner").id).toBe(created.id);
  });

  it("answers not_found for an unknown id or name", () => {
    const error = apiErrorOf(() => store.get("nothing-here"));
    expect(error.code).toBe("not_found");
    expect(error.message).toBe("Sandbox 'nothing-here' not found");
  });

  it("keeps a destroyed sandbox readable by id with status destroyed, but not by name", () => {
    const created = running({ name: "build-runner" });
    store.delete(created.id);
    const destroyed = store.get(created.id);
    expect(destroyed).toMatchObject({ id: created.id, name: "build-runner", status: "destroyed", sshReady: false });
    expect(sandboxSchema(destroyed)).toEqual([]);
    expect(apiErrorOf(() => store.get("build-runner")).code).toBe("not_found");
  });

  it("answers a copy: mutating it changes nothing in the store", () => {
    const { id } = running({ tags: ["a"] });
    const copy = store.get(id);
    copy.status = "destroyed";
    copy.tags.push("b");
    expect(store.get(id)).toMatchObject({ status: "running", tags: ["a"] });
  });
});

describe("SandboxStore.resolve", () => {
  it("answers a live sandbox by id or name, and undefined for a destroyed or unknown one", () => {
    const created = running({ name: "build-runner" });
    expect(store.resolve("build-runner")?.id).toBe(created.id);
    expect(store.resolve(created.id)?.name).toBe("build-runner");
    expect(store.resolve("nothing-here")).toBeUndefined();
    store.delete(created.id);
    expect(store.resolve(created.id)).toBeUndefined();
    expect(store.resolve("build-runner")).toBeUndefined();
  });
});

describe("SandboxStore.link", () => {
  it("answers the id and name of a live sandbox by id or name, and undefined for a destroyed or unknown one", () => {
    const created = running({ name: "build-runner" });
    expect(store.link("build-runner")).toEqual({ id: created.id, name: "build-runner" });
    expect(store.link(created.id)).toEqual({ id: created.id, name: "build-runner" });
    expect(store.link("nothing-here")).toBeUndefined();
    store.delete(created.id);
    expect(store.link(created.id)).toBeUndefined();
    expect(store.link("build-runner")).toBeUndefined();
  });
});

describe("SandboxStore.delete", () => {
  it("answers the id and destroys the sandbox, from any live status", () => {
    const creating = store.create(createInput());
    expect(store.delete(creating.id)).toEqual({ id: creating.id });
    expect(store.get(creating.id).status).toBe("destroyed");
    const pausedBox = paused();
    expect(store.delete(pausedBox.id)).toEqual({ id: pausedBox.id });
    expect(store.get(pausedBox.id).status).toBe("destroyed");
  });

  it("deletes by name", () => {
    const created = running({ name: "build-runner" });
    expect(store.delete("build-runner")).toEqual({ id: created.id });
  });

  it("answers not_found the second time", () => {
    const { id } = running();
    store.delete(id);
    const error = apiErrorOf(() => store.delete(id));
    expect(error.code).toBe("not_found");
    expect(apiErrorOf(() => store.delete("nothing-here")).code).toBe("not_found");
  });

  it("cancels a pending boot: a destroyed sandbox never comes back as running", () => {
    const { id } = store.create(createInput());
    store.delete(id);
    clock.nextRequest();
    expect(store.get(id).status).toBe("destroyed");
  });
});

describe("SandboxStore.pause", () => {
  it("moves a running sandbox to pausing, then to paused from the next request", () => {
    const { id } = running();
    const answer = store.pause(id);
    expect(answer).toEqual({ id, status: "pausing" });
    expect(transitionSchema(answer)).toEqual([]);
    expect(store.get(id).status).toBe("pausing");
    clock.nextRequest();
    expect(store.get(id)).toMatchObject({ status: "paused", sshReady: false });
  });

  it("answers a paused sandbox as paused, and a pausing one as pausing", () => {
    const { id } = running();
    store.pause(id);
    expect(store.pause(id)).toEqual({ id, status: "pausing" });
    clock.nextRequest();
    expect(store.pause(id)).toEqual({ id, status: "paused" });
    expect(store.get(id).status).toBe("paused");
  });

  it("answers conflict while the sandbox is creating, and leaves it creating", () => {
    const { id } = store.create(createInput());
    const error = apiErrorOf(() => store.pause(id));
    expect(error.code).toBe("conflict");
    expect(store.get(id).status).toBe("creating");
  });

  it("answers conflict while the sandbox is resuming", () => {
    const { id } = paused();
    store.resume(id);
    expect(apiErrorOf(() => store.pause(id)).code).toBe("conflict");
  });

  it("answers conflict for a destroyed sandbox", () => {
    const { id } = running();
    store.delete(id);
    expect(apiErrorOf(() => store.pause(id)).code).toBe("conflict");
  });

  it("answers not_found for an unknown sandbox", () => {
    expect(apiErrorOf(() => store.pause("nothing-here")).code).toBe("not_found");
  });

  it("with a boot delay, settles to paused only after the delay", () => {
    store = makeStore({ bootDelayMs: 1_000 });
    const { id } = store.create(createInput());
    clock.advance(1_000);
    clock.nextRequest();
    store.pause(id);
    clock.nextRequest();
    expect(store.get(id).status).toBe("pausing");
    clock.advance(1_000);
    expect(store.get(id).status).toBe("paused");
  });
});

describe("SandboxStore.resume", () => {
  it("moves a paused sandbox to resuming, then to running from the next request", () => {
    const { id } = paused({ name: "build-runner" });
    expect(store.resume("build-runner")).toEqual({ id, status: "resuming" });
    expect(store.get(id).status).toBe("resuming");
    clock.nextRequest();
    expect(store.get(id)).toMatchObject({ status: "running", sshReady: true });
  });

  it("answers a resuming sandbox as resuming", () => {
    const { id } = paused();
    store.resume(id);
    expect(store.resume(id)).toEqual({ id, status: "resuming" });
  });

  it("answers conflict for a running sandbox, and leaves it running", () => {
    const { id } = running();
    const error = apiErrorOf(() => store.resume(id));
    expect(error.code).toBe("conflict");
    expect(store.get(id).status).toBe("running");
  });

  it("answers conflict for a creating, a pausing and a destroyed sandbox", () => {
    const creating = store.create(createInput());
    expect(apiErrorOf(() => store.resume(creating.id)).code).toBe("conflict");
    const pausing = running();
    store.pause(pausing.id);
    expect(apiErrorOf(() => store.resume(pausing.id)).code).toBe("conflict");
    store.delete(pausing.id);
    expect(apiErrorOf(() => store.resume(pausing.id)).code).toBe("conflict");
  });

  it("brings back vncReady on a desktop sandbox", () => {
    const { id } = paused({ template: "desktop-ubuntu" });
    expect(store.get(id).vncReady).toBe(false);
    store.resume(id);
    clock.nextRequest();
    expect(store.get(id)).toMatchObject({ status: "running", vncReady: true, vncUrl: `https://6901-${id}.sandboxes.runtools.ai` });
  });
});

describe("SandboxStore.list", () => {
  it("answers live sandboxes in creation order and leaves destroyed ones out by default", () => {
    const a = store.create(createInput({ name: "a" }));
    const b = store.create(createInput({ name: "b" }));
    const c = store.create(createInput({ name: "c" }));
    clock.nextRequest();
    store.delete(b.id);
    const page = store.list({}, 100);
    expect(page.items.map((s) => s.id)).toEqual([a.id, c.id]);
    expect(page.items.map((s) => s.status)).toEqual(["running", "running"]);
    expect([page.hasMore, page.nextCursor]).toEqual([false, null]);
    for (const sandbox of page.items) expect(sandboxSchema(sandbox)).toEqual([]);
  });

  it("settles due transitions before filtering by status", () => {
    const { id } = store.create(createInput());
    expect(store.list({ status: ["creating"] }, 100).items.map((s) => s.id)).toEqual([id]);
    clock.nextRequest();
    expect(store.list({ status: ["creating"] }, 100).items).toEqual([]);
    expect(store.list({ status: ["running"] }, 100).items.map((s) => s.id)).toEqual([id]);
  });

  it("filters by status: destroyed only, or several statuses", () => {
    const live = running({ name: "live" });
    const gone = running({ name: "gone" });
    const sleeping = paused({ name: "sleeping" });
    store.delete(gone.id);
    expect(store.list({ status: ["destroyed"] }, 100).items.map((s) => s.name)).toEqual(["gone"]);
    expect(store.list({ status: ["paused", "destroyed"] }, 100).items.map((s) => s.id)).toEqual([gone.id, sleeping.id]);
    expect(store.list({ status: ["running"] }, 100).items.map((s) => s.id)).toEqual([live.id]);
    // An empty status list means no status filter.
    expect(store.list({ status: [] }, 100).items.map((s) => s.id)).toEqual([live.id, sleeping.id]);
  });

  it("filters by tag: a sandbox must carry every given tag", () => {
    running({ name: "ci-only", tags: ["ci"] });
    running({ name: "ci-linux", tags: ["ci", "linux"] });
    running({ name: "untagged" });
    expect(store.list({ tag: ["ci"] }, 100).items.map((s) => s.name)).toEqual(["ci-only", "ci-linux"]);
    expect(store.list({ tag: ["ci", "linux"] }, 100).items.map((s) => s.name)).toEqual(["ci-linux"]);
    expect(store.list({ tag: ["linux", "gpu"] }, 100).items).toEqual([]);
  });

  it("filters by template", () => {
    running({ name: "plain" });
    running({ name: "desk", template: "desktop-ubuntu" });
    expect(store.list({ template: "desktop-ubuntu" }, 100).items.map((s) => s.name)).toEqual(["desk"]);
    expect(store.list({ template: "base-ubuntu" }, 100).items.map((s) => s.name)).toEqual(["plain"]);
  });

  it("leaves out a template with excludeTemplate, alone or with the other filters", () => {
    running({ name: "plain", tags: ["ci"] });
    running({ name: "desk", template: "desktop-ubuntu", tags: ["ci"] });
    running({ name: "custom", template: "my-image" });
    expect(store.list({ excludeTemplate: "desktop-ubuntu" }, 100).items.map((s) => s.name)).toEqual(["plain", "custom"]);
    expect(store.list({ excludeTemplate: "desktop-ubuntu", tag: ["ci"] }, 100).items.map((s) => s.name)).toEqual(["plain"]);
  });

  it("combines filters", () => {
    running({ name: "a", tags: ["ci"], template: "desktop-ubuntu" });
    running({ name: "b", tags: ["ci"] });
    const c = paused({ name: "c", tags: ["ci"], template: "desktop-ubuntu" });
    expect(store.list({ tag: ["ci"], template: "desktop-ubuntu", status: ["paused"] }, 100).items.map((s) => s.id)).toEqual([c.id]);
  });

  it("pages with limit and cursor over the filtered sandboxes", () => {
    for (const name of ["a", "b", "c", "d", "e"]) store.create(createInput({ name, tags: name === "c" ? [] : ["ci"] }));
    clock.nextRequest();
    const first = store.list({ tag: ["ci"] }, 2);
    expect(first.items.map((s) => s.name)).toEqual(["a", "b"]);
    expect(first.hasMore).toBe(true);
    const second = store.list({ tag: ["ci"] }, 2, first.nextCursor ?? undefined);
    expect(second.items.map((s) => s.name)).toEqual(["d", "e"]);
    expect([second.hasMore, second.nextCursor]).toEqual([false, null]);
  });

  it("does not shift later pages when a sandbox of an earlier page is destroyed", () => {
    const ids = ["a", "b", "c", "d"].map((name) => store.create(createInput({ name })).id);
    clock.nextRequest();
    const first = store.list({}, 2);
    store.delete(ids[0] ?? "");
    const second = store.list({}, 2, first.nextCursor ?? undefined);
    expect(second.items.map((s) => s.name)).toEqual(["c", "d"]);
  });

  it("answers bad_request at /query/cursor for a cursor it did not issue", () => {
    const error = apiErrorOf(() => store.list({}, 10, "bogus"));
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/query/cursor"]);
  });

  it("answers copies: mutating a listed sandbox changes nothing in the store", () => {
    const { id } = running({ name: "a" });
    const [listed] = store.list({}, 10).items;
    if (!listed) throw new Error("expected one sandbox");
    listed.status = "destroyed";
    listed.name = "mutated";
    expect(store.get(id)).toMatchObject({ status: "running", name: "a" });
    expect(store.get("a").id).toBe(id);
  });
});
