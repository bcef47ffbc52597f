/**
 * State snapshots without HTTP (issue 5: "`GET /__mock/state` exports all state (or one
 * organization) as a versioned JSON document; `PUT /__mock/state` imports one (replace, or
 * `?mode=merge`); an invalid document → 400 with details and nothing changed"; spec/control.yaml
 * `exportState`, `importState`, `StateDocument`). The stores are the real ones, from createState.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Sandbox, SandboxCreateRequest, ThreadEvent } from "../api-types.ts";
import { CONTROL_PATH, loadSpec } from "../spec/load.ts";
import { compileValidators } from "../spec/validators.ts";
import { createState, type MockState } from "../state.ts";
import { exportState, importState, SnapshotError, STATE_FORMAT, STATE_VERSION, type StateDocument } from "./snapshot.ts";
import { apiErrorOf, CountingIds, ManualClock } from "./common/test-support.ts";

const documentSchema = compileValidators(loadSpec(CONTROL_PATH)).component("StateDocument");

const ORG_A = "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b";
const ORG_B = "5d2a8e7f-1b3c-4d6e-9f0a-2b4c6d8e0f1a";
const ORG_C = "9a7d2e41-3c8b-4f06-b5a1-e2d4c6f80b13";
const USER = "7c9e6679-7425-40de-944b-e07fc1f90ae7";
const EXPORTED_AT = new Date("2026-11-29T10:30:00.000Z");

interface Mock {
  clock: ManualClock;
  state: MockState;
}

function newMock(): Mock {
  const clock = new ManualClock();
  // A variable, not a literal: deps that other features add to StateDeps (with defaults) may pass through.
  const deps = { clock, ids: new CountingIds(), bootDelayMs: 0, streamDelayMs: 0 };
  return { clock, state: createState(deps) };
}

function sandboxInput(name: string, mounts: SandboxCreateRequest["mounts"] = []): SandboxCreateRequest {
  return { template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts, name };
}

/** One organization with a workspace, a mounted sandbox, a destroyed one, two agents, two runs in one thread and another thread. */
async function populate(mock: Mock, orgId: string): Promise<void> {
  const { clock, state } = mock;
  const org = state.forOrg(orgId);
  const actor = { orgId, userId: USER };
  org.workspaces.ensurePersonal(actor);
  const data = org.workspaces.create({ name: "Data" }, actor);
  org.sandboxes.create(sandboxInput("build-runner", [{ workspaceId: data.id, path: "/workspace/data", readOnly: false }]));
  org.sandboxes.create(sandboxInput("old-runner"));
  clock.nextRequest();
  clock.advance(1000);
  org.sandboxes.delete("old-runner");
  org.agents.upsert({ slug: "code-assistant", model: "claude-sonnet-4", executionMode: "in_sandbox", visibility: "private", sandbox: "build-runner" }, actor);
  org.agents.upsert({ slug: "data-analyst", model: "claude-sonnet-4", executionMode: "managed", visibility: "private" }, actor);
  clock.advance(1000);
  const first = await org.runner.start("code-assistant", { stream: false, prompt: "hello" }, actor).complete();
  clock.advance(1000);
  await org.runner.start("code-assistant", { stream: false, prompt: "again", threadId: first.threadId }, actor).complete();
  await org.runner.start("data-analyst", { stream: false, prompt: "numbers" }, actor).complete();
  clock.nextRequest();
}

function exported(mock: Mock, orgIds?: string[]): StateDocument {
  return exportState(mock.state, EXPORTED_AT, orgIds);
}

function load(mock: Mock, document: StateDocument, mode: "replace" | "merge" = "replace"): number {
  return importState(mock.state, document, mode, (id) => mock.state.build(id));
}

/** Runs `fn`, which must throw a SnapshotError, and answers it. */
function snapshotErrorOf(fn: () => unknown): SnapshotError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SnapshotError) return error;
    throw error;
  }
  throw new Error("expected a SnapshotError, but the call succeeded");
}

let source: Mock;
let document: StateDocument;

beforeEach(async () => {
  source = newMock();
  await populate(source, ORG_A);
  await populate(source, ORG_B);
  document = exported(source);
});

describe("exportState", () => {
  it("exports every organization as a versioned document valid against StateDocument", () => {
    expect(document.format).toBe(STATE_FORMAT);
    expect(document.format).toBe("runtools-mock/state");
    expect(document.version).toBe(STATE_VERSION);
    expect(document.version).toBe(1);
    expect(document.exportedAt).toBe("2026-11-29T10:30:00.000Z");
    expect(document.organizations.map((o) => o.id)).toEqual([ORG_A, ORG_B]);
    expect(documentSchema(document)).toEqual([]);
    const org = document.organizations[0];
    expect(org?.workspaces.map((w) => w.slug)).toEqual(["personal", "data"]);
    expect(org?.sandboxes.map((s) => [s.name, s.status])).toEqual([
      ["build-runner", "running"],
      ["old-runner", "destroyed"],
    ]);
    expect(org?.agents.map((a) => a.slug)).toEqual(["code-assistant", "data-analyst"]);
    expect(org?.threads).toHaveLength(2);
    expect(org?.runs).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });

  it("exports the organizations named, and nothing for one without state", () => {
    expect(exported(source, [ORG_B]).organizations.map((o) => o.id)).toEqual([ORG_B]);
    expect(exported(source, [ORG_C]).organizations).toEqual([]);
    expect(exported(newMock()).organizations).toEqual([]);
  });

  it("is linear in organizations: one lookup per organization, never a search of the list of organizations", () => {
    const many = newMock();
    const ids = Array.from({ length: 500 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`);
    for (const id of ids) many.state.forOrg(id);
    const listings = vi.spyOn(many.state, "orgIds");
    const lookups = vi.spyOn(many.state, "find");
    const all = exportState(many.state, EXPORTED_AT);
    expect(all.organizations.map((o) => o.id)).toEqual(ids);
    expect(listings).toHaveBeenCalledTimes(1);
    expect(lookups).toHaveBeenCalledTimes(ids.length);
    listings.mockClear();
    expect(exportState(many.state, EXPORTED_AT, [ids[7] as string, ORG_C]).organizations.map((o) => o.id)).toEqual([ids[7]]);
    expect(listings).not.toHaveBeenCalled();
  });

  it("is a copy: changing the document changes no state", () => {
    const agent = document.organizations[0]?.agents[0];
    if (agent) agent.name = "Changed";
    expect(exported(source).organizations[0]?.agents[0]?.name).not.toBe("Changed");
  });
});

describe("importState", () => {
  it("export → import into a fresh state → export gives the same document", () => {
    const target = newMock();
    expect(load(target, document)).toBe(2);
    expect(exported(target)).toEqual(document);
  });

  it("survives JSON (what --persist and --data go through)", () => {
    const target = newMock();
    load(target, JSON.parse(JSON.stringify(document)) as StateDocument);
    expect(exported(target)).toEqual(document);
  });

  it("the imported stores work: lookups by slug and name, uniqueness, one personal workspace, thread sequences continue", async () => {
    const target = newMock();
    load(target, document);
    const org = target.state.forOrg(ORG_A);
    const actor = { orgId: ORG_A, userId: USER };
    expect(org.agents.get("code-assistant").sandboxSlug).toBe("build-runner");
    expect(org.sandboxes.get("build-runner").status).toBe("running");
    expect(apiErrorOf(() => org.sandboxes.create(sandboxInput("build-runner"))).code).toBe("conflict");
    // The destroyed sandbox's name is free again.
    expect(org.sandboxes.create(sandboxInput("old-runner")).name).toBe("old-runner");
    org.workspaces.ensurePersonal(actor);
    expect(org.workspaces.list(100).items.filter((w) => w.isPersonal)).toHaveLength(1);
    const thread = document.organizations[0]?.threads.find((t) => t.thread.agentId === org.agents.get("code-assistant").id);
    if (!thread) throw new Error("no thread");
    const before = thread.events.length;
    target.clock.nextRequest();
    await org.runner.start("code-assistant", { stream: false, prompt: "third", threadId: thread.thread.id }, actor).complete();
    const events: ThreadEvent[] = org.threads.snapshot(thread.thread.id).events;
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(events.length).toBeGreaterThan(before);
  });

  it("replace: the document becomes the whole state", async () => {
    const target = newMock();
    await populate(target, ORG_C);
    const onlyA = { ...document, organizations: document.organizations.filter((o) => o.id === ORG_A) };
    expect(load(target, onlyA, "replace")).toBe(1);
    expect(target.state.orgIds()).toEqual([ORG_A]);
    expect(exported(target)).toEqual(onlyA);
  });

  it("merge: the document's organizations replace those with the same id, the others stay", async () => {
    const target = newMock();
    await populate(target, ORG_C);
    await populate(target, ORG_A);
    const keptC = exported(target, [ORG_C]).organizations[0];
    const onlyA = { ...document, organizations: document.organizations.filter((o) => o.id === ORG_A) };
    // The target's ORG_A differs from the document's (other ids), so replacing it is visible.
    expect(exported(target, [ORG_A]).organizations[0]).not.toEqual(onlyA.organizations[0]);
    expect(load(target, onlyA, "merge")).toBe(1);
    expect(target.state.orgIds().sort()).toEqual([ORG_A, ORG_C].sort());
    expect(exported(target, [ORG_A]).organizations[0]).toEqual(onlyA.organizations[0]);
    expect(exported(target, [ORG_C]).organizations[0]).toEqual(keptC);
  });

  it("an empty document in replace mode empties the state; in merge mode changes nothing", () => {
    const empty: StateDocument = { format: STATE_FORMAT, version: STATE_VERSION, exportedAt: EXPORTED_AT.toISOString(), organizations: [] };
    const merged = newMock();
    load(merged, document);
    expect(load(merged, empty, "merge")).toBe(0);
    expect(exported(merged)).toEqual(document);
    expect(load(merged, empty, "replace")).toBe(0);
    expect(merged.state.orgIds()).toEqual([]);
  });

  it("a sandbox exported mid-transition (creating) finishes it on the next request", () => {
    const mock = newMock();
    const org = mock.state.forOrg(ORG_A);
    org.sandboxes.create(sandboxInput("booting"));
    const midway = exported(mock);
    expect(midway.organizations[0]?.sandboxes.map((s) => s.status)).toEqual(["creating"]);

    const target = newMock();
    target.clock.advance(5000);
    load(target, midway);
    const imported = target.state.forOrg(ORG_A);
    expect(imported.sandboxes.get("booting").status).toBe("creating");
    target.clock.nextRequest();
    const settled: Sandbox = imported.sandboxes.get("booting");
    expect(settled.status).toBe("running");
    expect(settled.updatedAt).toBe(target.clock.now().toISOString());
  });
});

describe("importState: documents that cannot be loaded change nothing", () => {
  /** The target's state before and after a failed import must be equal. */
  async function expectRefused(edit: (doc: StateDocument) => void, pointer: string | RegExp, mode: "replace" | "merge" = "replace"): Promise<SnapshotError> {
    const target = newMock();
    await populate(target, ORG_C);
    const before = exported(target);
    const bad = structuredClone(document);
    edit(bad);
    const error = snapshotErrorOf(() => load(target, bad, mode));
    expect(error.name).toBe("SnapshotError");
    if (typeof pointer === "string") expect(error.pointer).toBe(pointer);
    else expect(error.pointer).toMatch(pointer);
    expect(error.message.length).toBeGreaterThan(0);
    expect(exported(target)).toEqual(before);
    return error;
  }

  function org(doc: StateDocument, index: number) {
    const found = doc.organizations[index];
    if (!found) throw new Error(`no organization ${index}`);
    return found;
  }

  it("duplicate agent slugs", async () => {
    const error = await expectRefused((d) => {
      const o = org(d, 1);
      const copy = structuredClone(o.agents[0]);
      if (copy) o.agents.push({ ...copy, id: "agt_othercopy" });
    }, /^\/organizations\/1(\/|$)/);
    expect(error.message).toContain("code-assistant");
  });

  it("duplicate agent ids (under other slugs): a pointer at the second id", async () => {
    const error = await expectRefused((d) => {
      const o = org(d, 0);
      const [first, second] = o.agents;
      if (first && second) second.id = first.id;
    }, "/organizations/0/agents/1/id");
    expect(error.message).toContain(org(document, 0).agents[0]?.id);
  });

  it("duplicate sandbox ids", async () => {
    const error = await expectRefused((d) => {
      const o = org(d, 0);
      const copy = structuredClone(o.sandboxes[0]);
      if (copy) o.sandboxes.push({ ...copy, name: "another-name" });
    }, /^\/organizations\/0(\/|$)/);
    expect(error.message).toContain(org(document, 0).sandboxes[0]?.id);
  });

  it("two live sandboxes with the same name", async () => {
    await expectRefused((d) => {
      const o = org(d, 0);
      const copy = structuredClone(o.sandboxes[0]);
      if (copy) o.sandboxes.push({ ...copy, id: "sandbox-zzzzzzzzzzzz" });
    }, /^\/organizations\/0(\/|$)/);
  });

  it("a destroyed sandbox may share a live one's name", () => {
    const target = newMock();
    const doc = structuredClone(document);
    const o = org(doc, 0);
    const copy = structuredClone(o.sandboxes[0]);
    if (!copy) throw new Error("no sandbox");
    o.sandboxes.push({ ...copy, id: "sandbox-zzzzzzzzzzzz", status: "destroyed" });
    expect(load(target, doc)).toBe(2);
  });

  it("a gap in a thread's event sequence", async () => {
    await expectRefused((d) => {
      const events = org(d, 0).threads[0]?.events;
      if (events) events.splice(1, 1);
    }, /^\/organizations\/0(\/|$)/);
  });

  it("an event of another thread", async () => {
    await expectRefused((d) => {
      const threads = org(d, 1).threads;
      const event = threads[0]?.events[0];
      if (event && threads[1]) event.threadId = threads[1].thread.id;
    }, /^\/organizations\/1(\/|$)/);
  });

  it("duplicate workspace slugs, thread ids and run ids", async () => {
    await expectRefused((d) => {
      const o = org(d, 0);
      const ws = structuredClone(o.workspaces[1]);
      if (ws) o.workspaces.push({ ...ws, id: "00000000-0000-4000-8000-0000000000ff" });
    }, /^\/organizations\/0(\/|$)/);
    await expectRefused((d) => {
      const o = org(d, 0);
      const t = structuredClone(o.threads[0]);
      if (t) o.threads.push(t);
    }, /^\/organizations\/0(\/|$)/);
    await expectRefused((d) => {
      const o = org(d, 1);
      const r = structuredClone(o.runs[0]);
      if (r) o.runs.push(r);
    }, /^\/organizations\/1(\/|$)/);
  });

  it("an organization listed twice: a pointer at its id", async () => {
    await expectRefused((d) => {
      d.organizations.push(structuredClone(org(d, 0)));
    }, "/organizations/2/id");
  });

  it("a failure in merge mode changes nothing either", async () => {
    await expectRefused(
      (d) => {
        const events = org(d, 1).threads[0]?.events;
        if (events && events[0]) events[0].sequence = 5;
      },
      /^\/organizations\/1(\/|$)/,
      "merge",
    );
  });

  it("a later organization's failure leaves the earlier ones unimported", () => {
    const target = newMock();
    const bad = structuredClone(document);
    const o = org(bad, 1);
    const copy = structuredClone(o.agents[0]);
    if (copy) o.agents.push(copy);
    snapshotErrorOf(() => load(target, bad, "merge"));
    expect(target.state.orgIds()).toEqual([]);
  });
});
