/**
 * Agent resources without HTTP (issue 3: "Agents accept resources … for managed and local-mac
 * agents; each resource must exist in the org (else 404); GET shows them as attachedResources";
 * reference Part A "agents upsert": a rejected request changes nothing). AgentStore runs with a
 * real WorkspaceStore and SandboxStore, wired as in src/state.ts.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Agent, AgentResource, AgentUpsertRequest, SandboxCreateRequest, Workspace } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { AgentStore, type AgentActor } from "./agents.store.ts";
import { SandboxStore } from "../sandboxes/sandboxes.store.ts";
import { WorkspaceStore } from "../workspaces/workspaces.store.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";

const agentSchema = compileValidators(loadSpec()).component("Agent");

const actor: AgentActor = { orgId: "11111111-1111-4111-8111-111111111111", userId: "22222222-2222-4222-8222-222222222222" };
const UNKNOWN = "99999999-9999-4999-8999-999999999999";

/** An upsert body as the request validator hands it over: spec defaults filled in. */
function upsertInput(fields: Partial<AgentUpsertRequest> & { slug: string }): AgentUpsertRequest {
  return { model: "claude-sonnet-4", executionMode: "in_sandbox", visibility: "private", ...fields };
}

/** A managed agent's upsert body. */
function managed(slug: string, resources?: AgentResource[]): AgentUpsertRequest {
  return upsertInput({ slug, executionMode: "managed", ...(resources ? { resources } : {}) });
}

/** A sandbox create body with the spec defaults filled in. */
function sandboxInput(name: string): SandboxCreateRequest {
  return { template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [], name };
}

function ws(resourceId: string): AgentResource {
  return { type: "workspace", resourceId };
}

function sb(resourceId: string): AgentResource {
  return { type: "sandbox", resourceId };
}

let clock: ManualClock;
let workspaces: WorkspaceStore;
let sandboxes: SandboxStore;
let agents: AgentStore;
let personal: Workspace;
let data: Workspace;
let cache: Workspace;
/** The sandbox `build-runner`, created before each test. */
let runnerId: string;

beforeEach(() => {
  clock = new ManualClock();
  const ids = new CountingIds();
  workspaces = new WorkspaceStore({ clock, ids });
  workspaces.ensurePersonal(actor);
  const [first] = workspaces.list(1).items;
  if (!first) throw new Error("no personal workspace");
  personal = first;
  data = workspaces.create({ name: "Data" }, actor);
  cache = workspaces.create({ name: "Cache" }, actor);
  sandboxes = new SandboxStore({ clock, ids, bootDelayMs: 0, workspaces });
  agents = new AgentStore({ clock, ids, sandboxes, workspaces });
  runnerId = sandboxes.create(sandboxInput("build-runner")).id;
  clock.nextRequest();
});

describe("resources on upsert", () => {
  it("attaches workspace and sandbox resources to a managed agent, in order, alias and config null when not given", () => {
    const { agent } = agents.upsert(
      managed("planner", [ws(data.id), { type: "sandbox", resourceId: runnerId, alias: "box", config: { cwd: "/workspace", depth: 2 } }]),
      actor,
    );
    const expected: Agent["attachedResources"] = [
      { type: "workspace", resourceId: data.id, alias: null, config: null },
      { type: "sandbox", resourceId: runnerId, alias: "box", config: { cwd: "/workspace", depth: 2 } },
    ];
    expect(agent.attachedResources).toEqual(expected);
    expect(agentSchema(agent)).toEqual([]);
    expect(agents.get("planner").attachedResources).toEqual(expected);
  });

  it("attaches resources to a local-mac agent", () => {
    const { agent } = agents.upsert(
      upsertInput({ slug: "mac", executionMode: "local-mac", targetDeviceId: "dev_1", resources: [{ type: "workspace", resourceId: cache.id, alias: "cache" }] }),
      actor,
    );
    expect(agent.attachedResources).toEqual([{ type: "workspace", resourceId: cache.id, alias: "cache", config: null }]);
    expect(agentSchema(agent)).toEqual([]);
  });

  it("shows [] when resources are omitted or empty", () => {
    expect(agents.upsert(managed("none"), actor).agent.attachedResources).toEqual([]);
    expect(agents.upsert(managed("empty", []), actor).agent.attachedResources).toEqual([]);
    expect(agents.upsert(upsertInput({ slug: "boxed", sandbox: "build-runner", resources: [] }), actor).agent.attachedResources).toEqual([]);
  });

  it("stores a sandbox resource named by its name by the sandbox's id", () => {
    const { agent } = agents.upsert(managed("planner", [sb("build-runner")]), actor);
    expect(agent.attachedResources).toEqual([{ type: "sandbox", resourceId: runnerId, alias: null, config: null }]);
    expect(agents.get("planner").attachedResources[0]?.resourceId).toBe(runnerId);
  });

  it("may attach the personal workspace", () => {
    const { agent } = agents.upsert(managed("planner", [ws(personal.id)]), actor);
    expect(agent.attachedResources).toEqual([{ type: "workspace", resourceId: personal.id, alias: null, config: null }]);
  });

  it("keeps its own copy of a resource's config", () => {
    const config: Record<string, unknown> = { depth: 1 };
    agents.upsert(managed("planner", [{ type: "workspace", resourceId: data.id, config }]), actor);
    config["depth"] = 99;
    expect(agents.get("planner").attachedResources[0]?.config).toEqual({ depth: 1 });
  });

  it("replaces the resources on a later upsert, +1 version, and an upsert without resources clears them", () => {
    agents.upsert(managed("planner", [ws(data.id)]), actor);
    const second = agents.upsert(managed("planner", [ws(cache.id), sb(runnerId)]), actor).agent;
    expect(second.version).toBe(2);
    expect(second.attachedResources.map((r) => r.resourceId)).toEqual([cache.id, runnerId]);
    const third = agents.upsert(managed("planner"), actor).agent;
    expect(third).toMatchObject({ version: 3, attachedResources: [] });
  });

  it("attaches resources to an in_sandbox agent too (the docs describe them for managed and local-mac agents but forbid them nowhere)", () => {
    const { agent } = agents.upsert(upsertInput({ slug: "worker", sandbox: "build-runner", resources: [ws(data.id)] }), actor);
    expect(agent).toMatchObject({ executionMode: "in_sandbox", sandboxId: runnerId });
    expect(agent.attachedResources).toEqual([{ type: "workspace", resourceId: data.id, alias: null, config: null }]);
    expect(agentSchema(agent)).toEqual([]);
  });

  it("attaches a workspace named by its slug, stored by its id (docs /sdk/agents: resourceId 'shared-docs')", () => {
    const shared = workspaces.create({ name: "Shared Docs" }, actor);
    const { agent } = agents.upsert(managed("researcher", [ws("shared-docs"), ws("personal")]), actor);
    expect(agent.attachedResources.map((r) => r.resourceId)).toEqual([shared.id, personal.id]);
  });

  // The tables hold thunks: the ids exist only once beforeEach has run.
  it.each<[string, () => AgentResource[], string]>([
    ["an unknown workspace", () => [ws(data.id), ws(UNKNOWN)], `Workspace '${UNKNOWN}' not found`],
    ["a workspace slug nobody has", () => [ws("no-such-workspace")], "Workspace 'no-such-workspace' not found"],
    ["an unknown sandbox", () => [sb(runnerId), sb("no-such-box")], "Sandbox 'no-such-box' not found"],
  ])("rejects %s with a 404 naming it; a new slug is not created", (_case, resources, message) => {
    const err = apiErrorOf(() => agents.upsert(managed("planner", resources()), actor));
    expect(err.code).toBe("not_found");
    expect(err.status).toBe(404);
    expect(err.message).toBe(message);
    expect(apiErrorOf(() => agents.get("planner")).code).toBe("not_found");
    expect(agents.all()).toEqual([]);
  });

  it.each<[string, () => AgentResource[]]>([
    ["an unknown workspace", () => [ws(cache.id), ws(UNKNOWN)]],
    ["an unknown sandbox (after a sandbox named by name)", () => [sb("build-runner"), sb("no-such-box")]],
  ])("rejects %s on an existing slug, which stays exactly as it was", (_case, resources) => {
    agents.upsert(managed("planner", [ws(data.id)]), actor);
    const before = agents.get("planner");
    clock.advance(1_000);
    expect(apiErrorOf(() => agents.upsert(managed("planner", resources()), actor)).code).toBe("not_found");
    expect(agents.get("planner")).toEqual(before);
  });

  it("rejects a destroyed sandbox, by id and by name, and a deleted workspace", () => {
    sandboxes.delete(runnerId);
    expect(apiErrorOf(() => agents.upsert(managed("a", [sb(runnerId)]), actor)).message).toBe(`Sandbox '${runnerId}' not found`);
    expect(apiErrorOf(() => agents.upsert(managed("b", [sb("build-runner")]), actor)).message).toBe("Sandbox 'build-runner' not found");
    workspaces.remove(cache.id);
    expect(apiErrorOf(() => agents.upsert(managed("c", [ws(cache.id)]), actor)).message).toBe(`Workspace '${cache.id}' not found`);
    expect(agents.all()).toEqual([]);
  });
});

describe("resources on PATCH", () => {
  beforeEach(() => {
    agents.upsert(managed("planner", [ws(data.id)]), actor);
  });

  it("replaces the whole list, +1 version", () => {
    clock.advance(1_000);
    const patched = agents.patch("planner", { resources: [sb("build-runner"), { type: "workspace", resourceId: cache.id, alias: "c" }] });
    expect(patched.version).toBe(2);
    expect(patched.updatedAt).toBe("2026-01-01T00:00:01.000Z");
    expect(patched.attachedResources).toEqual([
      { type: "sandbox", resourceId: runnerId, alias: null, config: null },
      { type: "workspace", resourceId: cache.id, alias: "c", config: null },
    ]);
    expect(agents.get("planner")).toEqual(patched);
    expect(agentSchema(patched)).toEqual([]);
  });

  it("clears the list with [], +1 version", () => {
    const patched = agents.patch("planner", { resources: [] });
    expect(patched).toMatchObject({ version: 2, attachedResources: [] });
  });

  it("keeps the list when resources are omitted, +1 version", () => {
    const patched = agents.patch("planner", { name: "Planner" });
    expect(patched).toMatchObject({
      version: 2,
      name: "Planner",
      attachedResources: [{ type: "workspace", resourceId: data.id, alias: null, config: null }],
    });
  });

  it("rejects an unknown resource with a 404, and the agent stays exactly as it was", () => {
    const before = agents.get("planner");
    clock.advance(1_000);
    const err = apiErrorOf(() => agents.patch("planner", { name: "Renamed", resources: [ws(cache.id), ws(UNKNOWN)] }));
    expect(err.code).toBe("not_found");
    expect(err.message).toBe(`Workspace '${UNKNOWN}' not found`);
    expect(apiErrorOf(() => agents.patch("planner", { resources: [sb("no-such-box")] })).message).toBe("Sandbox 'no-such-box' not found");
    expect(agents.get("planner")).toEqual(before);
  });

  it("allows a switch to in_sandbox that keeps the resources", () => {
    const patched = agents.patch("planner", { executionMode: "in_sandbox", sandbox: "build-runner" });
    expect(patched).toMatchObject({ executionMode: "in_sandbox", sandboxId: runnerId, version: 2 });
    expect(patched.attachedResources.length).toBeGreaterThan(0);
  });

  it("allows a switch to in_sandbox that clears the resources", () => {
    const patched = agents.patch("planner", { executionMode: "in_sandbox", sandbox: "build-runner", resources: [] });
    expect(patched).toMatchObject({ executionMode: "in_sandbox", sandboxId: runnerId, attachedResources: [], version: 2 });
  });

  it("attaches resources to an existing in_sandbox agent by PATCH, a workspace by slug stored by id", () => {
    agents.upsert(upsertInput({ slug: "worker", sandbox: "build-runner" }), actor);
    const patched = agents.patch("worker", { resources: [ws("data")] });
    expect(patched.attachedResources).toEqual([{ type: "workspace", resourceId: data.id, alias: null, config: null }]);
    expect(patched.version).toBe(2);
  });
});

describe("AgentStore.detachWorkspace", () => {
  it("removes only that workspace's references, keeps the version and stamps updatedAt", () => {
    const both = agents.upsert(managed("both", [ws(data.id), sb(runnerId), { type: "workspace", resourceId: cache.id, alias: "c" }, ws(data.id)]), actor).agent;
    agents.upsert(managed("only-data", [ws(data.id)]), actor);
    const cacheOnly = agents.upsert(managed("cache-only", [ws(cache.id)]), actor).agent;
    const plain = agents.upsert(upsertInput({ slug: "worker", sandbox: "build-runner" }), actor).agent;
    clock.advance(3_000);

    agents.detachWorkspace(data.id);

    expect(agents.get("both")).toEqual<Agent>({
      ...both,
      attachedResources: [
        { type: "sandbox", resourceId: runnerId, alias: null, config: null },
        { type: "workspace", resourceId: cache.id, alias: "c", config: null },
      ],
      updatedAt: "2026-01-01T00:00:03.000Z",
    });
    expect(agents.get("only-data")).toMatchObject({ version: 1, attachedResources: [], updatedAt: "2026-01-01T00:00:03.000Z" });
    expect(agents.get("cache-only")).toEqual(cacheOnly);
    expect(agents.get("worker")).toEqual(plain);
    for (const agent of agents.all()) expect(agentSchema(agent)).toEqual([]);
  });

  it("does nothing for a workspace no agent attaches", () => {
    agents.upsert(managed("planner", [ws(data.id)]), actor);
    const before = agents.all();
    clock.advance(1_000);
    agents.detachWorkspace(cache.id);
    agents.detachWorkspace(UNKNOWN);
    expect(agents.all()).toEqual(before);
  });

  it("leaves a sandbox resource whose id happens to equal the workspace id alone (type matters)", () => {
    // A sandbox id never looks like a UUID; the store must still compare the type, not only the id.
    agents.upsert(managed("planner", [sb(runnerId), ws(data.id)]), actor);
    agents.detachWorkspace(runnerId);
    expect(agents.get("planner").attachedResources.map((r) => r.resourceId)).toEqual([runnerId, data.id]);
  });
});
