/**
 * Manual compaction and the event views of a thread, without HTTP (spec compactThread, getThread,
 * listThreadEvents; docs: "Use include=all_rollouts on snapshot or event reads when you need
 * non-active rollout history"; compaction "rolls history into a summarizing snapshot").
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { ThreadEvent } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { ThreadStore, type NewEvent } from "./threads.store.ts";
import { summarize, SUMMARY_MAX_CHARS } from "./compaction.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";

const validators = compileValidators(loadSpec());
const eventSchema = validators.component("ThreadEvent");
const rolloutSchema = validators.component("ThreadRollout");

const OWNER = "22222222-2222-4222-8222-222222222222";

let clock: ManualClock;
let store: ThreadStore;
let threadId: string;

function run(n: number, prompt: string, reply: string): void {
  const common = { runId: `run_${n}`, rolloutId: `rol_run${n}` } as const;
  store.startRollout(threadId, common.rolloutId);
  const add = (type: NewEvent["type"], payload: Record<string, unknown>) => store.append(threadId, { ...common, type, payload });
  add("run_started", { agentId: "agt_1", executionMode: "in_sandbox" });
  add("user_message", { content: prompt });
  add("assistant_message", { content: reply });
  add("run_completed", { status: "completed" });
}

const types = (events: readonly ThreadEvent[]) => events.map((e) => e.type);

beforeEach(() => {
  clock = new ManualClock();
  store = new ThreadStore({ clock, ids: new CountingIds() });
  threadId = store.create({ orgId: "11111111-1111-4111-8111-111111111111", ownerUserId: OWNER, agentId: "agt_1", executionMode: "in_sandbox", title: "t" }).id;
  run(1, "hello", "hi there");
  clock.advance(1000);
});

describe("summarize", () => {
  it("writes one role: content line per message, in order, and ignores other events", () => {
    expect(summarize(store.snapshot(threadId).events)).toBe("user: hello\nassistant: hi there");
  });

  it("says there were no messages when the history holds none", () => {
    expect(summarize([])).toBe("(no messages)");
  });

  it("cuts a long history at the maximum, ending in an ellipsis", () => {
    const long = summarize([{ sequence: 1, rolloutId: "rol_1", threadId: "thr_1", runId: "run_1", type: "user_message", payload: { content: "x".repeat(5000) }, createdAt: "2026-01-01T00:00:00.000Z" }]);
    expect(long).toHaveLength(SUMMARY_MAX_CHARS);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("ThreadStore.compact", () => {
  it("starts a new active rollout holding compaction_started and compaction_completed with the summary, runId null", () => {
    const { thread, rollout } = store.compact(threadId);
    expect(thread.activeRolloutId).toBe(rollout.rolloutId);
    expect(rollout).toEqual({ rolloutId: rollout.rolloutId, threadId, startedAt: "2026-01-01T00:00:01.000Z", completedAt: "2026-01-01T00:00:01.000Z", eventCount: 2 });
    expect(rolloutSchema(rollout)).toEqual([]);
    const added = store.snapshot(threadId, { allRollouts: true }).events.slice(4);
    expect(added).toMatchObject([
      { sequence: 5, runId: null, rolloutId: rollout.rolloutId, type: "compaction_started", payload: { reason: "manual", previousRolloutId: "rol_run1" } },
      { sequence: 6, runId: null, rolloutId: rollout.rolloutId, type: "compaction_completed", payload: { summary: "user: hello\nassistant: hi there", compactedEventCount: 4 } },
    ]);
    for (const event of added) expect(eventSchema(event)).toEqual([]);
    expect(store.rollouts(threadId).rollouts.map((r) => r.rolloutId)).toEqual(["rol_run1", rollout.rolloutId]);
  });

  it("is a 404 for a thread the store does not have, and adds nothing", () => {
    expect(apiErrorOf(() => store.compact("thr_missing")).status).toBe(404);
    expect(store.snapshot(threadId).events).toHaveLength(4);
  });
});

describe("event views", () => {
  it("reads the history since the latest compaction by default, every event with allRollouts", () => {
    expect(types(store.snapshot(threadId).events)).toEqual(["run_started", "user_message", "assistant_message", "run_completed"]);
    store.compact(threadId);
    run(2, "again", "sure");
    expect(types(store.snapshot(threadId).events)).toEqual(["compaction_started", "compaction_completed", "run_started", "user_message", "assistant_message", "run_completed"]);
    expect(store.snapshot(threadId, { allRollouts: true }).events).toHaveLength(10);
    // A second compaction summarizes only the active history (the first summary is not a message).
    const second = store.compact(threadId);
    const completed = store.snapshot(threadId).events.find((e) => e.type === "compaction_completed");
    expect(completed).toMatchObject({ rolloutId: second.rollout.rolloutId, payload: { summary: "user: again\nassistant: sure", compactedEventCount: 6 } });
  });

  it("keeps the most recent events under a snapshot limit, in increasing sequence", () => {
    run(2, "again", "sure");
    expect(store.snapshot(threadId, {}, 3).events.map((e) => e.sequence)).toEqual([6, 7, 8]);
    expect(store.snapshot(threadId, {}, 500).events).toHaveLength(8);
  });

  it("pages one rollout's events with rolloutId, whatever allRollouts says, and 404s a rollout the thread lacks", () => {
    run(2, "again", "sure");
    store.compact(threadId);
    const first = store.events(threadId, 2, undefined, { rolloutId: "rol_run1" });
    expect(first.page.items.map((e) => e.sequence)).toEqual([1, 2]);
    const rest = store.events(threadId, 10, first.page.nextCursor ?? undefined, { rolloutId: "rol_run1", allRollouts: true });
    expect(rest.page.items.map((e) => e.sequence)).toEqual([3, 4]);
    expect(rest.page.hasMore).toBe(false);
    expect(store.events(threadId, 100).page.items.map((e) => e.type)).toEqual(["compaction_started", "compaction_completed"]);
    expect(apiErrorOf(() => store.events(threadId, 100, undefined, { rolloutId: "rol_nothere" })).status).toBe(404);
  });
});

describe("ThreadStore.list by owner", () => {
  it("lists only the owner's threads when asked, every member's otherwise", () => {
    const other = store.create({ orgId: "11111111-1111-4111-8111-111111111111", ownerUserId: "33333333-3333-4333-8333-333333333333", agentId: "agt_1", executionMode: "in_sandbox", title: "theirs" });
    expect(store.list({ archived: false, ownerUserId: OWNER }, 50).items.map((t) => t.id)).toEqual([threadId]);
    expect(store.list({ archived: false }, 50).items.map((t) => t.id)).toEqual([other.id, threadId]);
  });
});
