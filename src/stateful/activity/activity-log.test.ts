/**
 * ActivityLog without HTTP (issue 14, "Activity feed"; docs: /api-reference/activity; Part B
 * "Activity"): what every event carries, the documented filters, newest-first paging, the cap.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { ActivityLog } from "./activity-log.ts";
import { recordRunEvent } from "./recorders.ts";

const eventSchema = validators().component("ActivityEvent");
function validators() {
  return compileValidators(loadSpec());
}

const ORG = "11111111-1111-4111-8111-111111111111";
const USER = "22222222-2222-4222-8222-222222222222";

let clock: ManualClock;
let log: ActivityLog;

beforeEach(() => {
  clock = new ManualClock();
  log = new ActivityLog({ orgId: ORG, clock, ids: new CountingIds() });
});

function sandboxEvent(eventType: string, sandboxId = "sandbox-a", severity: "info" | "warning" = "info") {
  log.record({ resourceType: "sandbox", resourceId: sandboxId, sandboxId, eventType, title: eventType, actorUserId: USER, severity, status: "running" });
  clock.advance(1000);
}

describe("ActivityLog", () => {
  it("fills in what every event shares, valid against the spec's ActivityEvent", () => {
    sandboxEvent("sandbox.created");
    log.record({ resourceType: "run", resourceId: "run_1", eventType: "agent.run.completed", title: "done" });
    const [system, user] = log.list({}, 50).items;
    expect(eventSchema(user)).toEqual([]);
    expect(eventSchema(system)).toEqual([]);
    expect(user).toMatchObject({ id: "act_0000000000000001", orgId: ORG, actorType: "user", actorUserId: USER, workspaceId: null, createdAt: "2026-01-01T00:00:00.000Z" });
    expect(system).toMatchObject({ actorType: "system", actorUserId: null, severity: "info", status: null, attributes: {} });
  });

  it("filters by each documented option, all of them at once, and by since (inclusive) and until (exclusive)", () => {
    sandboxEvent("sandbox.created", "sandbox-a");
    sandboxEvent("sandbox.created", "sandbox-b");
    sandboxEvent("sandbox.destroyed", "sandbox-a", "warning");
    const types = (filter: Parameters<ActivityLog["list"]>[0]) => log.list(filter, 50).items.map((e) => `${e.eventType}@${e.sandboxId}`);
    expect(types({ sandboxId: "sandbox-a" })).toEqual(["sandbox.destroyed@sandbox-a", "sandbox.created@sandbox-a"]);
    expect(types({ eventType: "sandbox.created" })).toEqual(["sandbox.created@sandbox-b", "sandbox.created@sandbox-a"]);
    expect(types({ severity: "warning", resourceId: "sandbox-a" })).toEqual(["sandbox.destroyed@sandbox-a"]);
    expect(types({ severity: "warning", resourceId: "sandbox-b" })).toEqual([]);
    expect(types({ since: "2026-01-01T00:00:01.000Z", until: "2026-01-01T00:00:02.000Z" })).toEqual(["sandbox.created@sandbox-b"]);
    expect(types({ actorUserId: "33333333-3333-4333-8333-333333333333" })).toEqual([]);
  });

  it("pages newest first, and a cursor keeps its place while newer events arrive", () => {
    for (let i = 0; i < 5; i++) sandboxEvent(`sandbox.e${"abcde"[i]}.x`);
    const first = log.list({}, 2);
    expect(first.items.map((e) => e.eventType)).toEqual(["sandbox.ee.x", "sandbox.ed.x"]);
    sandboxEvent("sandbox.newer.x");
    const second = log.list({}, 2, first.nextCursor as string);
    expect(second.items.map((e) => e.eventType)).toEqual(["sandbox.ec.x", "sandbox.eb.x"]);
    const last = log.list({}, 2, second.nextCursor as string);
    expect(last).toMatchObject({ hasMore: false, nextCursor: null });
    expect(last.items.map((e) => e.eventType)).toEqual(["sandbox.ea.x"]);
    expect(apiErrorOf(() => log.list({}, 2, "not-a-cursor")).status).toBe(400);
  });

  it("keeps only the newest `cap` events", () => {
    const small = new ActivityLog({ orgId: ORG, clock, ids: new CountingIds(), cap: 3 });
    for (let i = 1; i <= 5; i++) small.record({ resourceType: "agent", resourceId: `agt_${i}`, eventType: "agent.created", title: `${i}` });
    expect(small.list({}, 50).items.map((e) => e.title)).toEqual(["5", "4", "3"]);
    expect(small.exportAll().map((e) => e.title)).toEqual(["3", "4", "5"]);
  });

  it("exports oldest first and imports the same feed, refusing another organization's events", () => {
    sandboxEvent("sandbox.created");
    sandboxEvent("sandbox.paused");
    const copy = new ActivityLog({ orgId: ORG, clock, ids: new CountingIds() });
    copy.importAll(log.exportAll());
    expect(copy.list({}, 50)).toEqual(log.list({}, 50));
    const other = new ActivityLog({ orgId: "33333333-3333-4333-8333-333333333333", clock, ids: new CountingIds() });
    expect(() => other.importAll(log.exportAll())).toThrow(/another organization/);
  });
});

describe("recordRunEvent", () => {
  const thread = { id: "thr_1", orgId: ORG, ownerUserId: USER, agentId: "agt_1", title: null, executionMode: "in_sandbox" as const, archived: false, activeRolloutId: "rol_1", createdAt: "", updatedAt: "" };
  const run = { id: "run_1", agentId: "agt_1", agentSlug: "helper", threadId: "thr_1", sandboxId: "sandbox-a", userId: USER, status: "running" as const, createdAt: "", completedAt: null };
  const event = (type: string, payload: Record<string, unknown>) => ({ sequence: 1, rolloutId: "rol_1", threadId: "thr_1", runId: "run_1", type, payload, createdAt: "" }) as never;

  it("turns run and tool-call events into activity linked to the run, thread and sandbox, and skips messages", () => {
    recordRunEvent(log, event("run_started", {}), thread, run);
    recordRunEvent(log, event("user_message", { content: "hi" }), thread, run);
    recordRunEvent(log, event("tool_call", { toolCallId: "call_1", name: "exec_command" }), thread, run);
    recordRunEvent(log, event("tool_result", { toolCallId: "call_1", name: "exec_command" }), thread, run);
    recordRunEvent(log, event("run_completed", { status: "cancelled" }), thread, run);
    const events = log.list({ agentRunId: "run_1" }, 50).items;
    expect(events.map((e) => `${e.eventType} ${e.severity}`)).toEqual([
      "agent.run.cancelled warning",
      "tool.call.completed info",
      "tool.call.started info",
      "agent.run.started info",
    ]);
    expect(events.every((e) => e.threadId === "thr_1" && e.sandboxId === "sandbox-a" && eventSchema(e).length === 0)).toBe(true);
    expect(log.list({ toolSlug: "exec_command" }, 50).items).toHaveLength(2);
  });
});
