/**
 * Workspace usage and deletion without HTTP (issue 3: "GET /v1/workspaces/{id}/usage reports exactly
 * who references the workspace", "DELETE of a workspace in use → 409 WORKSPACE_IN_USE …
 * ?force=true deletes it and removes the mounts and agent references"; reference Part B
 * "Workspaces (orchestrator)" W4/W6). The organization's stores come from createState, as the
 * mock builds them.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Agent, AgentUpsertRequest, Sandbox, SandboxCreateRequest, SandboxMountRequest, Workspace, WorkspaceUsage } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { createState, type MockState, type OrgState } from "../../state.ts";
import { deleteWorkspace, workspaceUsage } from "./workspace-usage.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";

const validators = compileValidators(loadSpec());
const usageSchema = validators.component("WorkspaceUsage");
const sandboxSchema = validators.component("Sandbox");
const agentSchema = validators.component("Agent");

const ORG = "11111111-1111-4111-8111-111111111111";
const OTHER_ORG = "44444444-4444-4444-8444-444444444444";
const actor = { orgId: ORG, userId: "22222222-2222-4222-8222-222222222222" };
const UNKNOWN = "99999999-9999-4999-8999-999999999999";

/** A sandbox create body with the spec defaults filled in. */
function sandboxInput(name: string, mounts: SandboxMountRequest[] = []): SandboxCreateRequest {
  return { template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts, name };
}

function mount(workspaceId: string, path: string, readOnly = false): SandboxMountRequest {
  return { workspaceId, path, readOnly };
}

/** An upsert body as the request validator hands it over: spec defaults filled in. */
function upsertInput(fields: Partial<AgentUpsertRequest> & { slug: string }): AgentUpsertRequest {
  return { model: "claude-sonnet-4", executionMode: "in_sandbox", visibility: "private", ...fields };
}

let clock: ManualClock;
let state: MockState;
let org: OrgState;
let personal: Workspace;
let data: Workspace;
let cache: Workspace;

/** The organization as it is, for "nothing changed" comparisons. */
function snapshot(of: OrgState = org) {
  return {
    workspaces: of.workspaces.list(500).items,
    sandboxes: of.sandboxes.list({ status: ["creating", "running", "pausing", "paused", "resuming", "destroyed"] }, 500).items,
    agents: of.agents.all(),
  };
}

function usage(workspaceId: string): WorkspaceUsage {
  const found = workspaceUsage(org, workspaceId);
  expect(usageSchema(found)).toEqual([]);
  return found;
}

beforeEach(() => {
  clock = new ManualClock();
  // A variable, not a literal: deps that other features add to StateDeps (with defaults) may pass through.
  const deps = { clock, ids: new CountingIds(), bootDelayMs: 0, streamDelayMs: 0 };
  state = createState(deps);
  org = state.forOrg(ORG);
  org.workspaces.ensurePersonal(actor);
  const [first] = org.workspaces.list(1).items;
  if (!first) throw new Error("no personal workspace");
  personal = first;
  data = org.workspaces.create({ name: "Data" }, actor);
  cache = org.workspaces.create({ name: "Cache" }, actor);
});

/**
 * The scenario, widened: who uses `data`, and who merely looks as if it did.
 *   runner  mounts data (writable) and cache;  reader mounts data read-only;  other mounts cache only
 *   worker  in_sandbox on runner               → uses data (through its sandbox)
 *   planner managed, attaches data and cache   → uses data
 *   mac     local-mac, attaches data           → uses data
 *   linked  managed, linked to runner, no resources → does NOT use data
 *   elsewhere in_sandbox on other              → does NOT use data
 *   boxer   managed, attaches the sandbox runner (not the workspace) → does NOT use data
 */
interface Scene {
  runner: Sandbox;
  reader: Sandbox;
  other: Sandbox;
  worker: Agent;
  planner: Agent;
  mac: Agent;
}

function buildScene(): Scene {
  const runner = org.sandboxes.create(sandboxInput("runner", [mount(data.id, "/workspace/data"), mount(cache.id, "/workspace/cache", true)]));
  const reader = org.sandboxes.create(sandboxInput("reader", [mount(data.id, "/workspace/ro", true)]));
  const other = org.sandboxes.create(sandboxInput("other", [mount(cache.id, "/workspace/cache")]));
  clock.nextRequest();
  const worker = org.agents.upsert(upsertInput({ slug: "worker", name: "Worker", sandbox: "runner" }), actor).agent;
  const planner = org.agents.upsert(
    upsertInput({ slug: "planner", executionMode: "managed", resources: [{ type: "workspace", resourceId: data.id }, { type: "workspace", resourceId: cache.id }] }),
    actor,
  ).agent;
  const mac = org.agents.upsert(
    upsertInput({ slug: "mac", executionMode: "local-mac", targetDeviceId: "dev_1", resources: [{ type: "workspace", resourceId: data.id, alias: "d" }] }),
    actor,
  ).agent;
  org.agents.upsert(upsertInput({ slug: "linked", executionMode: "managed", sandbox: "runner" }), actor);
  org.agents.upsert(upsertInput({ slug: "elsewhere", sandbox: "other" }), actor);
  org.agents.upsert(upsertInput({ slug: "boxer", executionMode: "managed", resources: [{ type: "sandbox", resourceId: "runner" }] }), actor);
  return { runner, reader, other, worker, planner, mac };
}

describe("workspaceUsage", () => {
  it("lists the mounting live sandboxes and the agents that use the workspace, and nothing else", () => {
    const { runner, reader, worker, planner, mac } = buildScene();
    expect(usage(data.id)).toEqual<WorkspaceUsage>({
      workspaceId: data.id,
      workspaceName: "Data",
      inUse: true,
      counts: { mountedSandboxes: 2, installableAgents: 0, customAgents: 3 },
      mountedSandboxes: [
        { sandboxId: runner.id, sandboxName: "runner", sandboxStatus: "running", mountPath: "/workspace/data", readOnly: false },
        { sandboxId: reader.id, sandboxName: "reader", sandboxStatus: "running", mountPath: "/workspace/ro", readOnly: true },
      ],
      installableAgents: [],
      customAgents: [
        { agentId: worker.id, name: "Worker", slug: "worker", executionMode: "in_sandbox", sandboxId: runner.id, sandboxName: "runner" },
        { agentId: planner.id, name: "planner", slug: "planner", executionMode: "managed", sandboxId: null, sandboxName: null },
        { agentId: mac.id, name: "mac", slug: "mac", executionMode: "local-mac", sandboxId: null, sandboxName: null },
      ],
    });
  });

  it("counts match the lists for every workspace", () => {
    buildScene();
    for (const id of [personal.id, data.id, cache.id]) {
      const found = usage(id);
      expect(found.counts).toEqual({
        mountedSandboxes: found.mountedSandboxes.length,
        installableAgents: found.installableAgents.length,
        customAgents: found.customAgents.length,
      });
      expect(found.inUse).toBe(found.mountedSandboxes.length + found.customAgents.length > 0);
      expect(found.installableAgents).toEqual([]);
    }
    expect(usage(cache.id).mountedSandboxes.map((m) => m.sandboxName)).toEqual(["runner", "other"]);
    expect(usage(cache.id).customAgents.map((a) => a.slug)).toEqual(["worker", "planner", "elsewhere"]);
  });

  it("shows the sandboxes' current status", () => {
    const { reader } = buildScene();
    org.sandboxes.pause(reader.id);
    expect(usage(data.id).mountedSandboxes.map((m) => [m.sandboxName, m.sandboxStatus])).toEqual([
      ["runner", "running"],
      ["reader", "pausing"],
    ]);
  });

  it("does not list a managed agent linked to a mounting sandbox that does not attach the workspace", () => {
    org.sandboxes.create(sandboxInput("runner", [mount(data.id, "/workspace/data")]));
    org.agents.upsert(upsertInput({ slug: "linked", executionMode: "managed", sandbox: "runner" }), actor);
    expect(usage(data.id)).toMatchObject({ inUse: true, counts: { mountedSandboxes: 1, installableAgents: 0, customAgents: 0 }, customAgents: [] });
  });

  it("lists an in_sandbox agent once, even when its sandbox mounts the workspace twice", () => {
    org.sandboxes.create(sandboxInput("runner", [mount(data.id, "/workspace/a"), mount(data.id, "/workspace/b", true)]));
    org.agents.upsert(upsertInput({ slug: "worker", sandbox: "runner" }), actor);
    const found = usage(data.id);
    expect(found.mountedSandboxes.map((m) => m.mountPath)).toEqual(["/workspace/a", "/workspace/b"]);
    expect(found.customAgents.map((a) => a.slug)).toEqual(["worker"]);
    expect(found.counts).toEqual({ mountedSandboxes: 2, installableAgents: 0, customAgents: 1 });
  });

  it("lists an agent once when it both attaches the workspace and runs in a sandbox that mounts it", () => {
    org.sandboxes.create(sandboxInput("runner", [mount(data.id, "/workspace/data")]));
    org.agents.upsert(upsertInput({ slug: "worker", sandbox: "runner", resources: [{ type: "workspace", resourceId: data.id }] }), actor);
    const found = usage(data.id);
    expect(found.customAgents.map((a) => a.slug)).toEqual(["worker"]);
    expect(found.counts.customAgents).toBe(1);
  });

  it("answers inUse false and empty lists for an unused workspace", () => {
    buildScene();
    const unused = org.workspaces.create({ name: "Unused" }, actor);
    expect(usage(unused.id)).toEqual<WorkspaceUsage>({
      workspaceId: unused.id,
      workspaceName: "Unused",
      inUse: false,
      counts: { mountedSandboxes: 0, installableAgents: 0, customAgents: 0 },
      mountedSandboxes: [],
      installableAgents: [],
      customAgents: [],
    });
  });

  it("reports the personal workspace as used by the agents that attach it", () => {
    const { agent } = org.agents.upsert(upsertInput({ slug: "planner", executionMode: "managed", resources: [{ type: "workspace", resourceId: personal.id }] }), actor);
    expect(usage(personal.id)).toMatchObject({ workspaceName: "Personal", inUse: true, customAgents: [{ agentId: agent.id, slug: "planner" }] });
  });

  it("follows a rename", () => {
    org.workspaces.rename(data.id, "Training data");
    expect(usage(data.id).workspaceName).toBe("Training data");
  });

  it("answers 404 for an unknown workspace", () => {
    const err = apiErrorOf(() => workspaceUsage(org, UNKNOWN));
    expect(err.code).toBe("not_found");
    expect(err.message).toBe(`Workspace '${UNKNOWN}' not found`);
  });

  it("no longer counts a destroyed sandbox, nor the in_sandbox agents linked to it", () => {
    const { runner, planner, mac } = buildScene();
    org.sandboxes.delete(runner.id);
    const found = usage(data.id);
    expect(found.mountedSandboxes.map((m) => m.sandboxName)).toEqual(["reader"]);
    expect(found.customAgents.map((a) => a.agentId)).toEqual([planner.id, mac.id]);
  });

  it("no longer counts an agent whose resources were cleared, or that was deleted", () => {
    buildScene();
    org.agents.patch("planner", { resources: [{ type: "workspace", resourceId: cache.id }] });
    org.agents.delete("mac");
    expect(usage(data.id).customAgents.map((a) => a.slug)).toEqual(["worker"]);
  });
});

describe("deleteWorkspace", () => {
  it("deletes an unused workspace; it is gone and its slug free", () => {
    const answer = deleteWorkspace(org, data.id, false);
    expect(answer).toEqual({ id: data.id });
    expect(apiErrorOf(() => org.workspaces.get(data.id)).code).toBe("not_found");
    expect(apiErrorOf(() => workspaceUsage(org, data.id)).code).toBe("not_found");
    expect(org.workspaces.create({ name: "Data" }, actor).slug).toBe("data");
  });

  it("refuses a workspace in use with 409 WORKSPACE_IN_USE naming every user, and changes nothing", () => {
    buildScene();
    const before = snapshot();
    const usageBefore = usage(data.id);
    clock.advance(1_000);
    const err = apiErrorOf(() => deleteWorkspace(org, data.id, false));
    expect(err.code).toBe("WORKSPACE_IN_USE");
    expect(err.status).toBe(409);
    expect(err.message).toBe(
      "Workspace 'Data' is in use by sandbox 'runner', sandbox 'reader', agent 'worker', agent 'planner' and agent 'mac'; pass force=true to delete it anyway",
    );
    expect(snapshot()).toEqual(before);
    expect(usage(data.id)).toEqual(usageBefore);
  });

  it("names a single user without a list", () => {
    org.sandboxes.create(sandboxInput("runner", [mount(cache.id, "/workspace")]));
    const err = apiErrorOf(() => deleteWorkspace(org, cache.id, false));
    expect(err.code).toBe("WORKSPACE_IN_USE");
    expect(err.message).toBe("Workspace 'Cache' is in use by sandbox 'runner'; pass force=true to delete it anyway");
  });

  it("refuses a workspace used only by an attaching agent", () => {
    org.agents.upsert(upsertInput({ slug: "planner", executionMode: "managed", resources: [{ type: "workspace", resourceId: data.id }] }), actor);
    const err = apiErrorOf(() => deleteWorkspace(org, data.id, false));
    expect(err.code).toBe("WORKSPACE_IN_USE");
    expect(err.message).toContain("agent 'planner'");
    expect(org.workspaces.get(data.id)).toEqual(data);
  });

  it("with force deletes it and removes the mounts and agent references that pointed at it, and nothing else", () => {
    const { runner, reader, other, worker, planner, mac } = buildScene();
    const otherBefore = org.sandboxes.get(other.id);
    const agentsBefore = new Map(org.agents.all().map((a) => [a.slug, a]));
    const cacheUsageBefore = usage(cache.id);
    clock.advance(2_000);

    expect(deleteWorkspace(org, data.id, true)).toEqual({ id: data.id });

    expect(apiErrorOf(() => org.workspaces.get(data.id)).code).toBe("not_found");
    expect(apiErrorOf(() => workspaceUsage(org, data.id)).code).toBe("not_found");
    expect(org.workspaces.list(500).items.map((w) => w.slug)).toEqual(["personal", "cache"]);

    // Sandboxes stay, without the deleted workspace's mounts; other workspaces' mounts are untouched.
    expect(org.sandboxes.get(runner.id)).toMatchObject({
      status: "running",
      mounts: [{ workspaceId: cache.id, path: "/workspace/cache", readOnly: true }],
      hasWritableWorkspaceMount: false,
      updatedAt: "2026-01-01T00:00:02.000Z",
    });
    expect(org.sandboxes.get(reader.id)).toMatchObject({ status: "running", mounts: [], hasWritableWorkspaceMount: false });
    expect(org.sandboxes.get(other.id)).toEqual(otherBefore);
    expect(org.sandboxes.mountsOf(data.id)).toEqual([]);

    // Agents stay, without references to it; versions unchanged.
    expect(org.agents.get("planner")).toEqual<Agent>({
      ...planner,
      attachedResources: [{ type: "workspace", resourceId: cache.id, alias: null, config: null }],
      updatedAt: "2026-01-01T00:00:02.000Z",
    });
    expect(org.agents.get("mac")).toMatchObject({ id: mac.id, version: 1, attachedResources: [] });
    expect(org.agents.get("worker")).toEqual(worker);
    for (const slug of ["worker", "linked", "elsewhere", "boxer"]) expect(org.agents.get(slug)).toEqual(agentsBefore.get(slug));

    // The cache workspace's usage did not change.
    expect(usage(cache.id)).toEqual(cacheUsageBefore);
    for (const s of snapshot().sandboxes) expect(sandboxSchema(s)).toEqual([]);
    for (const a of org.agents.all()) expect(agentSchema(a)).toEqual([]);
  });

  it("with force deletes an unused workspace too", () => {
    expect(deleteWorkspace(org, cache.id, true)).toEqual({ id: cache.id });
    expect(org.workspaces.resolve(cache.id)).toBeUndefined();
  });

  it("frees the slug after a forced delete; a new workspace of that slug is unused", () => {
    buildScene();
    deleteWorkspace(org, data.id, true);
    const again = org.workspaces.create({ name: "Data" }, actor);
    expect(again.slug).toBe("data");
    expect(usage(again.id)).toMatchObject({ inUse: false, mountedSandboxes: [], customAgents: [] });
  });

  it.each([false, true])("refuses the personal workspace with a 400 (force=%s), even when attached, changing nothing", (force) => {
    org.agents.upsert(upsertInput({ slug: "planner", executionMode: "managed", resources: [{ type: "workspace", resourceId: personal.id }] }), actor);
    const before = snapshot();
    const err = apiErrorOf(() => deleteWorkspace(org, personal.id, force));
    expect(err.code).toBe("bad_request");
    expect(err.status).toBe(400);
    expect(err.details).toEqual([{ path: "/path/id", message: expect.any(String) }]);
    expect(snapshot()).toEqual(before);
    expect(usage(personal.id).customAgents.map((a) => a.slug)).toEqual(["planner"]);
  });

  it.each([false, true])("answers 404 for an unknown workspace (force=%s)", (force) => {
    const err = apiErrorOf(() => deleteWorkspace(org, UNKNOWN, force));
    expect(err.code).toBe("not_found");
    expect(err.message).toBe(`Workspace '${UNKNOWN}' not found`);
  });

  it("does not count destroyed sandboxes: once they are gone, a plain delete succeeds", () => {
    const runner = org.sandboxes.create(sandboxInput("runner", [mount(data.id, "/workspace/data")]));
    org.agents.upsert(upsertInput({ slug: "worker", sandbox: "runner" }), actor);
    expect(apiErrorOf(() => deleteWorkspace(org, data.id, false)).code).toBe("WORKSPACE_IN_USE");
    org.sandboxes.delete(runner.id);
    expect(deleteWorkspace(org, data.id, false)).toEqual({ id: data.id });
    // The in_sandbox agent stays linked to its (destroyed) sandbox.
    expect(org.agents.get("worker").sandboxId).toBe(runner.id);
  });
});

describe("organization isolation", () => {
  it("a workspace of another organization is unknown: no usage, no delete, no mount, no attach", () => {
    const other = state.forOrg(OTHER_ORG);
    other.workspaces.ensurePersonal({ userId: "55555555-5555-4555-8555-555555555555" });
    const before = snapshot();
    const otherBefore = snapshot(other);

    expect(apiErrorOf(() => workspaceUsage(other, data.id)).code).toBe("not_found");
    expect(apiErrorOf(() => deleteWorkspace(other, data.id, true)).code).toBe("not_found");
    expect(apiErrorOf(() => deleteWorkspace(other, personal.id, true)).code).toBe("not_found");
    expect(apiErrorOf(() => other.sandboxes.create(sandboxInput("runner", [mount(data.id, "/workspace/data")]))).code).toBe("not_found");
    expect(
      apiErrorOf(() => other.agents.upsert(upsertInput({ slug: "planner", executionMode: "managed", resources: [{ type: "workspace", resourceId: data.id }] }), actor))
        .code,
    ).toBe("not_found");

    expect(snapshot()).toEqual(before);
    expect(snapshot(other)).toEqual(otherBefore);
    expect(other.workspaces.list(500).items.map((w) => w.slug)).toEqual(["personal"]);
  });

  it("each organization has its own personal workspace, and its own slugs", () => {
    const other = state.forOrg(OTHER_ORG);
    other.workspaces.ensurePersonal({ userId: "55555555-5555-4555-8555-555555555555" });
    const [otherPersonal] = other.workspaces.list(1).items;
    expect(otherPersonal).toMatchObject({ slug: "personal", isPersonal: true, ownerUserId: "55555555-5555-4555-8555-555555555555" });
    expect(otherPersonal?.id).not.toBe(personal.id);
    expect(other.workspaces.create({ name: "Data" }, actor).slug).toBe("data");
  });
});
