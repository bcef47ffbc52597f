/**
 * ThreadStore without HTTP (issue 4, "Threads"; reference Part B "Threads"; spec: Thread,
 * ThreadEvent, listThreads, getThread, listThreadEvents, updateThread, deleteThread). A thread
 * belongs to one agent; its durable events carry a `sequence` that starts at 1 and increases by
 * one per event of that thread.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Thread, ThreadEvent } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { ThreadStore, type NewEvent, type NewThread } from "./threads.store.ts";
import { apiErrorOf, CountingIds, ManualClock, START } from "../common/test-support.ts";

const validators = compileValidators(loadSpec());
const threadSchema = validators.component("Thread");
const eventSchema = validators.component("ThreadEvent");

const ORG = "11111111-1111-4111-8111-111111111111";
const USER = "22222222-2222-4222-8222-222222222222";
const AGENT_A = "agt_000000000000000A";
const AGENT_B = "agt_000000000000000B";

function newThread(fields: Partial<NewThread> = {}): NewThread {
  return { orgId: ORG, ownerUserId: USER, agentId: AGENT_A, executionMode: "in_sandbox", title: "hello", ...fields };
}

function event(type: NewEvent["type"], payload: Record<string, unknown> = {}, run = "run_0000000000000001", rollout = "rol_0000000000000001"): NewEvent {
  return { runId: run, rolloutId: rollout, type, payload };
}

let clock: ManualClock;
let store: ThreadStore;

beforeEach(() => {
  clock = new ManualClock();
  store = new ThreadStore({ clock, ids: new CountingIds() });
});

/** The ids of a list page, for order assertions. */
function ids(threads: readonly Thread[]): string[] {
  return threads.map((t) => t.id);
}

describe("ThreadStore.create", () => {
  it("opens a thr_ thread with its title, not archived, with no active rollout, stamped now", () => {
    const thread = store.create(newThread());
    expect(thread).toEqual<Thread>({
      id: "thr_0000000000000001",
      orgId: ORG,
      ownerUserId: USER,
      agentId: AGENT_A,
      title: "hello",
      executionMode: "in_sandbox",
      archived: false,
      activeRolloutId: null,
      createdAt: START,
      updatedAt: START,
    });
    expect(thread.id).toMatch(/^thr_[A-Za-z0-9]+$/);
    expect(threadSchema(thread)).toEqual([]);
    expect(store.get(thread.id)).toEqual(thread);
  });

  it("gives each thread its own id and keeps a null title", () => {
    const first = store.create(newThread());
    const second = store.create(newThread({ title: null, executionMode: "managed" }));
    expect(second.id).toBe("thr_0000000000000002");
    expect(second.id).not.toBe(first.id);
    expect(second.title).toBeNull();
    expect(second.executionMode).toBe("managed");
    expect(threadSchema(second)).toEqual([]);
  });
});

describe("ThreadStore.append and snapshot", () => {
  it("numbers a thread's events 1, 2, 3… and stamps each with the thread id and the time", () => {
    const { id } = store.create(newThread());
    const first = store.append(id, event("run_started", { agentId: AGENT_A, executionMode: "in_sandbox" }));
    clock.advance(1_000);
    const second = store.append(id, event("user_message", { content: "hello" }));
    const third = store.append(id, event("assistant_message", { content: "[a] You said: hello" }));
    expect([first.sequence, second.sequence, third.sequence]).toEqual([1, 2, 3]);
    expect(first).toEqual<ThreadEvent>({
      sequence: 1,
      threadId: id,
      runId: "run_0000000000000001",
      rolloutId: "rol_0000000000000001",
      type: "run_started",
      payload: { agentId: AGENT_A, executionMode: "in_sandbox" },
      createdAt: START,
    });
    expect(second.createdAt).toBe("2026-01-01T00:00:01.000Z");
    for (const e of [first, second, third]) expect(eventSchema(e)).toEqual([]);
  });

  it("counts sequences per thread, independently of other threads", () => {
    const a = store.create(newThread()).id;
    const b = store.create(newThread({ agentId: AGENT_B })).id;
    expect(store.append(a, event("run_started")).sequence).toBe(1);
    expect(store.append(a, event("user_message")).sequence).toBe(2);
    expect(store.append(b, event("run_started")).sequence).toBe(1);
    expect(store.append(a, event("assistant_message")).sequence).toBe(3);
    expect(store.append(b, event("user_message")).sequence).toBe(2);
  });

  it("answers the thread with every event in sequence order, and moves updatedAt with each event", () => {
    const { id } = store.create(newThread());
    const types: NewEvent["type"][] = ["run_started", "user_message", "tool_call", "tool_result", "assistant_message", "run_completed"];
    for (const type of types) {
      clock.advance(10);
      store.append(id, event(type));
    }
    const snapshot = store.snapshot(id);
    expect(snapshot.events.map((e) => [e.sequence, e.type])).toEqual(types.map((type, i) => [i + 1, type]));
    expect(snapshot.thread.updatedAt).toBe("2026-01-01T00:00:00.060Z");
    expect(snapshot.thread.createdAt).toBe(START);
    expect(validators.component("ThreadSnapshot")(snapshot)).toEqual([]);
  });

  it("keeps the appended payload apart from the caller's object", () => {
    const { id } = store.create(newThread());
    const payload = { content: "hello", nested: { n: 1 } };
    store.append(id, event("user_message", payload));
    payload.content = "changed";
    payload.nested.n = 2;
    expect(store.snapshot(id).events[0]?.payload).toEqual({ content: "hello", nested: { n: 1 } });
  });

  it("makes a rollout the active one, moving updatedAt", () => {
    const { id } = store.create(newThread());
    clock.advance(5_000);
    store.startRollout(id, "rol_0000000000000007");
    const thread = store.get(id);
    expect(thread.activeRolloutId).toBe("rol_0000000000000007");
    expect(thread.updatedAt).toBe("2026-01-01T00:00:05.000Z");
    expect(threadSchema(thread)).toEqual([]);
  });
});

describe("ThreadStore.events", () => {
  it("pages through a thread's events by sequence, each page carrying the thread", () => {
    const { id } = store.create(newThread());
    for (let i = 0; i < 5; i++) store.append(id, event("user_message", { content: `m${i + 1}` }));
    const first = store.events(id, 2);
    expect(first.thread.id).toBe(id);
    expect(first.page.items.map((e) => e.sequence)).toEqual([1, 2]);
    expect(first.page.hasMore).toBe(true);
    expect(first.page.nextCursor).toEqual(expect.any(String));
    const second = store.events(id, 2, first.page.nextCursor ?? undefined);
    expect(second.page.items.map((e) => e.sequence)).toEqual([3, 4]);
    expect(second.page.hasMore).toBe(true);
    const third = store.events(id, 2, second.page.nextCursor ?? undefined);
    expect(third.page.items.map((e) => [e.sequence, e.payload.content])).toEqual([[5, "m5"]]);
    expect(third.page).toMatchObject({ hasMore: false, nextCursor: null });
  });

  it("serves events appended after a page was read on the pages that follow", () => {
    const { id } = store.create(newThread());
    store.append(id, event("run_started"));
    store.append(id, event("user_message"));
    const first = store.events(id, 2);
    expect(first.page).toMatchObject({ hasMore: false, nextCursor: null });
    store.append(id, event("assistant_message"));
    const all = store.events(id, 100);
    expect(all.page.items.map((e) => e.sequence)).toEqual([1, 2, 3]);
  });

  it("answers an empty page for a thread without events", () => {
    const { id } = store.create(newThread());
    expect(store.events(id, 10).page).toEqual({ items: [], hasMore: false, nextCursor: null });
  });

  it("rejects a cursor it did not issue with a 400", () => {
    const { id } = store.create(newThread());
    expect(apiErrorOf(() => store.events(id, 10, "not-a-cursor")).code).toBe("bad_request");
  });
});

describe("ThreadStore.list", () => {
  it("lists threads most recently updated first", () => {
    const a = store.create(newThread()).id;
    const b = store.create(newThread()).id;
    const c = store.create(newThread()).id;
    expect(ids(store.list({ archived: false }, 50).items)).toEqual([c, b, a]);
    // An event on the oldest thread moves it to the front.
    store.append(a, event("user_message"));
    expect(ids(store.list({ archived: false }, 50).items)).toEqual([a, c, b]);
    store.startRollout(b, "rol_0000000000000002");
    expect(ids(store.list({ archived: false }, 50).items)).toEqual([b, a, c]);
  });

  it("leaves archived threads out by default and includes them with archived: true (the guide's 'Include')", () => {
    const a = store.create(newThread()).id;
    const b = store.create(newThread()).id;
    const c = store.create(newThread()).id;
    store.update(b, { archived: true });
    expect(ids(store.list({ archived: false }, 50).items)).toEqual([c, a]);
    expect(ids(store.list({ archived: true }, 50).items)).toEqual([b, c, a]);
    store.update(b, { archived: false });
    expect(ids(store.list({ archived: true }, 50).items)).toEqual([b, c, a]);
    expect(ids(store.list({ archived: false }, 50).items)).toEqual([b, c, a]);
  });

  it("filters by agent ids; an empty set matches nothing", () => {
    const a1 = store.create(newThread({ agentId: AGENT_A })).id;
    const b1 = store.create(newThread({ agentId: AGENT_B })).id;
    const a2 = store.create(newThread({ agentId: AGENT_A })).id;
    expect(ids(store.list({ archived: false, agentIds: new Set([AGENT_A]) }, 50).items)).toEqual([a2, a1]);
    expect(ids(store.list({ archived: false, agentIds: new Set([AGENT_B]) }, 50).items)).toEqual([b1]);
    expect(ids(store.list({ archived: false, agentIds: new Set([AGENT_A, AGENT_B]) }, 50).items)).toEqual([a2, b1, a1]);
    expect(store.list({ archived: false, agentIds: new Set() }, 50).items).toEqual([]);
  });

  it("combines the agent and archived filters", () => {
    const a1 = store.create(newThread({ agentId: AGENT_A })).id;
    store.create(newThread({ agentId: AGENT_B }));
    const a2 = store.create(newThread({ agentId: AGENT_A })).id;
    store.update(a1, { archived: true });
    expect(ids(store.list({ archived: true, agentIds: new Set([AGENT_A]) }, 50).items)).toEqual([a1, a2]);
    expect(ids(store.list({ archived: false, agentIds: new Set([AGENT_A]) }, 50).items)).toEqual([a2]);
    expect(ids(store.list({ archived: true, agentIds: new Set(["agt_000000000000000C"]) }, 50).items)).toEqual([]);
  });

  it("pages through the list, every thread exactly once, newest first", () => {
    const created = Array.from({ length: 5 }, () => store.create(newThread()).id);
    const first = store.list({ archived: false }, 2);
    expect(ids(first.items)).toEqual([created[4], created[3]]);
    expect(first.hasMore).toBe(true);
    const second = store.list({ archived: false }, 2, first.nextCursor ?? undefined);
    expect(ids(second.items)).toEqual([created[2], created[1]]);
    expect(second.hasMore).toBe(true);
    const third = store.list({ archived: false }, 2, second.nextCursor ?? undefined);
    expect(ids(third.items)).toEqual([created[0]]);
    expect(third).toMatchObject({ hasMore: false, nextCursor: null });
    for (const thread of [...first.items, ...second.items, ...third.items]) expect(threadSchema(thread)).toEqual([]);
  });

  it("answers an exact last page with hasMore false", () => {
    store.create(newThread());
    store.create(newThread());
    expect(store.list({ archived: false }, 2)).toMatchObject({ hasMore: false, nextCursor: null });
  });
});

describe("ThreadStore.update", () => {
  it("renames a thread, moves updatedAt and keeps createdAt", () => {
    const { id } = store.create(newThread());
    clock.advance(60_000);
    const updated = store.update(id, { title: "Build questions" });
    expect(updated).toMatchObject({ id, title: "Build questions", archived: false, createdAt: START, updatedAt: "2026-01-01T00:01:00.000Z" });
    expect(store.get(id)).toEqual(updated);
    expect(threadSchema(updated)).toEqual([]);
  });

  it("clears the title with null and leaves it alone when title is absent", () => {
    const { id } = store.create(newThread());
    expect(store.update(id, { archived: true }).title).toBe("hello");
    expect(store.update(id, { title: null }).title).toBeNull();
    expect(store.get(id).title).toBeNull();
    expect(store.get(id).archived).toBe(true);
  });

  it("archives and restores, changing nothing else", () => {
    const { id } = store.create(newThread());
    const archived = store.update(id, { archived: true });
    expect(archived.archived).toBe(true);
    expect(archived.title).toBe("hello");
    expect(store.update(id, { archived: false }).archived).toBe(false);
  });

  it("moves the thread to the front of the list", () => {
    const a = store.create(newThread()).id;
    const b = store.create(newThread()).id;
    const c = store.create(newThread()).id;
    store.update(a, { title: "renamed" });
    expect(ids(store.list({ archived: false }, 50).items)).toEqual([a, c, b]);
  });

  it("renames and archives in one change", () => {
    const { id } = store.create(newThread());
    expect(store.update(id, { title: "done", archived: true })).toMatchObject({ title: "done", archived: true });
  });
});

describe("ThreadStore.delete", () => {
  it("removes the thread and its events; other threads stay", () => {
    const a = store.create(newThread()).id;
    const b = store.create(newThread()).id;
    store.append(a, event("run_started"));
    store.append(b, event("run_started"));
    expect(store.delete(a)).toEqual({ id: a });
    expect(apiErrorOf(() => store.get(a)).code).toBe("not_found");
    expect(apiErrorOf(() => store.snapshot(a)).code).toBe("not_found");
    expect(apiErrorOf(() => store.events(a, 10)).code).toBe("not_found");
    expect(apiErrorOf(() => store.append(a, event("user_message"))).code).toBe("not_found");
    expect(ids(store.list({ archived: false }, 50).items)).toEqual([b]);
    expect(store.snapshot(b).events).toHaveLength(1);
    expect(apiErrorOf(() => store.delete(a)).code).toBe("not_found");
  });

  it("does not reuse a deleted thread's id", () => {
    const a = store.create(newThread()).id;
    store.delete(a);
    expect(store.create(newThread()).id).not.toBe(a);
  });
});

describe("ThreadStore: unknown threads", () => {
  it("answers 404 not_found for every operation on an unknown id", () => {
    const unknown = "thr_doesnotexist00";
    const calls: Array<() => unknown> = [
      () => store.get(unknown),
      () => store.snapshot(unknown),
      () => store.events(unknown, 10),
      () => store.append(unknown, event("run_started")),
      () => store.startRollout(unknown, "rol_0000000000000001"),
      () => store.update(unknown, { title: "x" }),
      () => store.delete(unknown),
    ];
    for (const call of calls) {
      const error = apiErrorOf(call);
      expect(error.code).toBe("not_found");
      expect(error.status).toBe(404);
      expect(error.message).toContain(unknown);
    }
  });
});

describe("ThreadStore: answers are copies", () => {
  it("lets no answer change the stored thread or events", () => {
    const created = store.create(newThread());
    created.title = "mutated";
    created.archived = true;
    const appended = store.append(created.id, event("user_message", { content: "hello" }));
    appended.payload.content = "mutated";
    appended.sequence = 99;

    const got = store.get(created.id);
    got.title = "mutated";
    const snapshot = store.snapshot(created.id);
    snapshot.thread.title = "mutated";
    snapshot.events.push({ ...appended });
    const firstEvent = snapshot.events[0];
    if (firstEvent) firstEvent.payload.content = "mutated";
    const page = store.events(created.id, 10);
    page.thread.title = "mutated";
    const pageEvent = page.page.items[0];
    if (pageEvent) pageEvent.payload.content = "mutated";
    const listed = store.list({ archived: false }, 10).items[0];
    if (listed) listed.title = "mutated";
    const updated = store.update(created.id, { archived: false });
    updated.title = "mutated";

    const fresh = store.snapshot(created.id);
    expect(fresh.thread.title).toBe("hello");
    expect(fresh.thread.archived).toBe(false);
    expect(fresh.events).toHaveLength(1);
    expect(fresh.events[0]).toMatchObject({ sequence: 1, payload: { content: "hello" } });
  });
});

describe("ThreadStore.rollouts", () => {
  it("answers one rollout per rollout id, oldest first, completed by its run_completed event", () => {
    const clock = new ManualClock();
    const threads = new ThreadStore({ clock, ids: new CountingIds() });
    const id = threads.create(newThread()).id;
    threads.append(id, { runId: "run_1", rolloutId: "rol_1", type: "run_started", payload: {} });
    clock.advance(1000);
    threads.append(id, { runId: "run_1", rolloutId: "rol_1", type: "run_completed", payload: { status: "completed" } });
    threads.append(id, { runId: "run_2", rolloutId: "rol_2", type: "run_started", payload: {} });
    expect(threads.rollouts(id).rollouts).toEqual([
      { rolloutId: "rol_1", threadId: id, startedAt: "2026-01-01T00:00:00.000Z", completedAt: "2026-01-01T00:00:01.000Z", eventCount: 2 },
      { rolloutId: "rol_2", threadId: id, startedAt: "2026-01-01T00:00:01.000Z", completedAt: null, eventCount: 1 },
    ]);
    expect(apiErrorOf(() => threads.rollouts("thr_missing")).status).toBe(404);
  });
});
