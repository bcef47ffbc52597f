/**
 * OrgBundle and the state built on it (DESIGN.md principle 3; LocalStack's store isolation
 * test): lazy creation, one store per organization, no leak across organizations, reset.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { AgentUpsertRequest, SandboxCreateRequest } from "../../api-types.ts";
import { createState, type MockState } from "../../state.ts";
import { OrgBundle } from "./org-bundle.ts";
import { apiErrorOf, apiErrorOfAsync, CountingIds, ManualClock } from "./test-support.ts";

const ORG_A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
const ORG_B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

function sandboxInput(name: string): SandboxCreateRequest {
  return { template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [], name };
}

function upsertInput(slug: string, sandbox: string): AgentUpsertRequest {
  return { slug, sandbox, model: "claude-sonnet-4", executionMode: "in_sandbox", visibility: "private" };
}

describe("OrgBundle", () => {
  it("creates nothing until an organization is first used", () => {
    const create = vi.fn((orgId: string) => ({ orgId }));
    const bundle = new OrgBundle(create);
    expect(create).not.toHaveBeenCalled();
    expect(bundle.orgIds()).toEqual([]);
    bundle.forOrg(ORG_A);
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(ORG_A);
    expect(bundle.orgIds()).toEqual([ORG_A]);
  });

  it("answers the same store for the same organization", () => {
    const create = vi.fn((orgId: string) => ({ orgId }));
    const bundle = new OrgBundle(create);
    const first = bundle.forOrg(ORG_A);
    expect(bundle.forOrg(ORG_A)).toBe(first);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("answers a different store for a different organization", () => {
    const bundle = new OrgBundle((orgId) => ({ orgId }));
    const a = bundle.forOrg(ORG_A);
    const b = bundle.forOrg(ORG_B);
    expect(b).not.toBe(a);
    expect([a.orgId, b.orgId]).toEqual([ORG_A, ORG_B]);
    expect(bundle.orgIds()).toEqual([ORG_A, ORG_B]);
  });

  it("forgets one organization on reset(org), leaving the others as they were", () => {
    const bundle = new OrgBundle((orgId) => ({ orgId }));
    const a = bundle.forOrg(ORG_A);
    const b = bundle.forOrg(ORG_B);
    bundle.reset(ORG_A);
    expect(bundle.orgIds()).toEqual([ORG_B]);
    expect(bundle.forOrg(ORG_B)).toBe(b);
    expect(bundle.forOrg(ORG_A)).not.toBe(a);
  });

  it("forgets every organization on reset()", () => {
    const bundle = new OrgBundle((orgId) => ({ orgId }));
    const a = bundle.forOrg(ORG_A);
    bundle.forOrg(ORG_B);
    bundle.reset();
    expect(bundle.orgIds()).toEqual([]);
    expect(bundle.forOrg(ORG_A)).not.toBe(a);
  });

  it("ignores a reset of an organization it never saw", () => {
    const bundle = new OrgBundle((orgId) => ({ orgId }));
    const a = bundle.forOrg(ORG_A);
    bundle.reset(ORG_B);
    expect(bundle.forOrg(ORG_A)).toBe(a);
  });
});

describe("createState", () => {
  let clock: ManualClock;
  let state: MockState;

  beforeEach(() => {
    clock = new ManualClock();
    state = createState({ clock, ids: new CountingIds(), bootDelayMs: 0, streamDelayMs: 0 });
  });

  it("gives each organization its own stores, tagged with its id", () => {
    const a = state.forOrg(ORG_A);
    const b = state.forOrg(ORG_B);
    expect(a.orgId).toBe(ORG_A);
    expect(b.sandboxes).not.toBe(a.sandboxes);
    expect(b.agents).not.toBe(a.agents);
    expect(state.forOrg(ORG_A)).toBe(a);
  });

  it("keeps a sandbox created in one organization invisible in another", async () => {
    const box = state.forOrg(ORG_A).sandboxes.create(sandboxInput("build-runner"));
    clock.nextRequest();
    const other = state.forOrg(ORG_B).sandboxes;
    expect(apiErrorOf(() => other.get(box.id)).code).toBe("not_found");
    expect(apiErrorOf(() => other.get("build-runner")).code).toBe("not_found");
    expect(apiErrorOf(() => other.delete(box.id)).code).toBe("not_found");
    expect(apiErrorOf(() => other.pause(box.id)).code).toBe("not_found");
    expect((await apiErrorOfAsync(() => other.exec(box.id, { command: "echo hi", timeout: 30_000, cwd: "/workspace" }))).code).toBe("not_found");
    expect(other.list({}, 100).items).toEqual([]);
    expect(other.list({ status: ["running", "destroyed"] }, 100).items).toEqual([]);
    expect(state.forOrg(ORG_A).sandboxes.get("build-runner").status).toBe("running");
  });

  it("lets two organizations use the same sandbox name", () => {
    const a = state.forOrg(ORG_A).sandboxes.create(sandboxInput("build-runner"));
    const b = state.forOrg(ORG_B).sandboxes.create(sandboxInput("build-runner"));
    expect(b.id).not.toBe(a.id);
    expect(state.forOrg(ORG_A).sandboxes.get("build-runner").id).toBe(a.id);
    expect(state.forOrg(ORG_B).sandboxes.get("build-runner").id).toBe(b.id);
  });

  it("refuses an agent that names another organization's sandbox, by name or by id", () => {
    const box = state.forOrg(ORG_A).sandboxes.create(sandboxInput("build-runner"));
    const agentsB = state.forOrg(ORG_B).agents;
    const actorB = { orgId: ORG_B, userId: ORG_B };
    expect(apiErrorOf(() => agentsB.upsert(upsertInput("code-reviewer", "build-runner"), actorB)).code).toBe("not_found");
    expect(apiErrorOf(() => agentsB.upsert(upsertInput("code-reviewer", box.id), actorB)).code).toBe("not_found");
    expect(agentsB.list(100).items).toEqual([]);
  });

  it("keeps an agent created in one organization invisible in another, where its slug is new", () => {
    state.forOrg(ORG_A).sandboxes.create(sandboxInput("build-runner"));
    state.forOrg(ORG_B).sandboxes.create(sandboxInput("build-runner"));
    const inA = state.forOrg(ORG_A).agents.upsert(upsertInput("code-reviewer", "build-runner"), { orgId: ORG_A, userId: ORG_A });
    state.forOrg(ORG_A).agents.upsert(upsertInput("code-reviewer", "build-runner"), { orgId: ORG_A, userId: ORG_A });
    const agentsB = state.forOrg(ORG_B).agents;
    expect(apiErrorOf(() => agentsB.get("code-reviewer")).code).toBe("not_found");
    expect(apiErrorOf(() => agentsB.patch("code-reviewer", { name: "x" })).code).toBe("not_found");
    expect(apiErrorOf(() => agentsB.delete("code-reviewer")).code).toBe("not_found");
    expect(agentsB.list(100).items).toEqual([]);
    const inB = agentsB.upsert(upsertInput("code-reviewer", "build-runner"), { orgId: ORG_B, userId: ORG_B });
    expect([inB.action, inB.agent.version, inB.agent.orgId]).toEqual(["created", 1, ORG_B]);
    expect(inB.agent.id).not.toBe(inA.agent.id);
    expect(state.forOrg(ORG_A).agents.get("code-reviewer").version).toBe(2);
  });

  it("empties one organization on reset(org) and leaves the other intact", () => {
    state.forOrg(ORG_A).sandboxes.create(sandboxInput("a-box"));
    state.forOrg(ORG_B).sandboxes.create(sandboxInput("b-box"));
    clock.nextRequest();
    state.reset(ORG_A);
    expect(state.forOrg(ORG_A).sandboxes.list({ status: ["running", "destroyed"] }, 100).items).toEqual([]);
    expect(apiErrorOf(() => state.forOrg(ORG_A).sandboxes.get("a-box")).code).toBe("not_found");
    expect(state.forOrg(ORG_B).sandboxes.get("b-box").status).toBe("running");
  });

  it("empties every organization on reset()", () => {
    state.forOrg(ORG_A).sandboxes.create(sandboxInput("a-box"));
    state.forOrg(ORG_B).sandboxes.create(sandboxInput("b-box"));
    state.reset();
    expect(state.orgIds()).toEqual([]);
    expect(state.forOrg(ORG_A).sandboxes.list({}, 100).items).toEqual([]);
    expect(state.forOrg(ORG_B).sandboxes.list({}, 100).items).toEqual([]);
  });
});

describe("OrgBundle.lease", () => {
  it("stores a new organization only on commit; a released, uncommitted lease leaves nothing", () => {
    const bundle = new OrgBundle((orgId) => ({ orgId, items: [] as string[] }));
    const rejected = bundle.lease(ORG_A);
    rejected.store.items.push("x");
    rejected.release();
    expect(bundle.orgIds()).toEqual([]);
    const accepted = bundle.lease(ORG_A);
    expect(accepted.store.items).toEqual([]);
    accepted.commit();
    accepted.release();
    expect(bundle.find(ORG_A)).toBe(accepted.store);
  });

  it("shares the state built aside between concurrent leases of one new organization", () => {
    const bundle = new OrgBundle((orgId) => ({ orgId, items: [] as string[] }));
    const first = bundle.lease(ORG_A);
    const second = bundle.lease(ORG_A);
    expect(second.store).toBe(first.store);
    second.store.items.push("from the second");
    first.commit();
    first.release();
    second.release();
    expect(bundle.find(ORG_A)?.items).toEqual(["from the second"]);
  });

  it("refuses to commit one organization past the bound, and still serves the stored ones", () => {
    const bundle = new OrgBundle((orgId) => ({ orgId }), 1);
    const a = bundle.lease(ORG_A);
    a.commit();
    const b = bundle.lease(ORG_B);
    expect(() => b.commit()).toThrow(/maximum of 1 organizations/);
    b.release();
    expect(bundle.orgIds()).toEqual([ORG_A]);
    expect(() => bundle.lease(ORG_A).commit()).not.toThrow();
  });
});
