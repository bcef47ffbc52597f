/**
 * A thread's history through the real server (issue 14): a device appending the events of its
 * dispatched run (POST /v1/threads/{id}/events) until the run ends, manual compaction
 * (POST /v1/threads/{id}/compact), the reads' `include=all_rollouts`, `rollout_id` and snapshot
 * `limit`, and `all` on the thread list for an organization of several keys. Every response is
 * validated against the spec by the client.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { RunSummary, ThreadEvent } from "../../src/api-types.ts";
import { freshKey, type ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { expectBadRequest, expectError } from "./helpers.ts";
import { runJson, seedOrg, upsertLocalMac } from "./run-helpers.ts";

const { client, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

async function eventTypes(c: ContractClient, path: string): Promise<ThreadEvent["type"][]> {
  const res = await c.get<{ data: { events: ThreadEvent[] } }>(path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.events.map((e) => e.type);
}

async function runStatus(c: ContractClient, runId: string): Promise<RunSummary | undefined> {
  const res = await c.get<{ data: RunSummary[] }>("/v1/run?limit=500");
  return res.body.data.find((r) => r.id === runId);
}

describe("POST /v1/threads/{threadId}/events", () => {
  it("appends a device's events to its dispatched run; the terminal event completes the run in GET /v1/run and the activity feed", async () => {
    const c = client("append");
    await upsertLocalMac(c);
    const { result: mac } = await runJson(c, { agent: "mac-helper", prompt: "open Xcode" });
    const body = {
      runId: mac.runId,
      rolloutId: mac.rolloutId,
      events: [
        { type: "assistant_message", payload: { content: "Xcode is open." } },
        { type: "run_completed", payload: { status: "completed", iterations: 1 } },
      ],
    };
    const res = await c.post(`/v1/threads/${mac.threadId}/events`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({ threadId: mac.threadId, rolloutId: mac.rolloutId, sequence: 4, appended: 2 });
    expect(await eventTypes(c, `/v1/threads/${mac.threadId}`)).toEqual(["run_started", "user_message", "assistant_message", "run_completed"]);
    expect(await runStatus(c, mac.runId)).toMatchObject({ status: "completed" });
    const activity = await c.get(`/v1/activity?agent_run_id=${mac.runId}&event_type=agent.run.completed`);
    expect(activity.body.data.events).toHaveLength(1);
    // The run has ended: the device may not write to it any more.
    expectError(await c.post(`/v1/threads/${mac.threadId}/events`, body), 409, "conflict");
  });

  it("refuses a bad event with 400 naming it and appends nothing; unknown threads and runs are 404", async () => {
    const c = client("appendBad");
    await upsertLocalMac(c);
    const { result: mac } = await runJson(c, { agent: "mac-helper", prompt: "hello" });
    const path = `/v1/threads/${mac.threadId}/events`;
    const base = { runId: mac.runId, rolloutId: mac.rolloutId };
    expectBadRequest(await c.post(path, { ...base, events: [{ type: "assistant_message", payload: {} }] }), "/body/events/0/payload/content");
    expectBadRequest(await c.post(path, { ...base, events: [{ type: "run_started", payload: {} }] }), "/body/events/0/type");
    expectBadRequest(await c.post(path, { ...base, events: [] }), "/body/events");
    expectBadRequest(await c.post(path, { ...base, rolloutId: "rol_other", events: [{ type: "user_message", payload: { content: "x" } }] }), "/body/rolloutId");
    expect(await eventTypes(c, `/v1/threads/${mac.threadId}`)).toEqual(["run_started", "user_message"]);
    expect(await runStatus(c, mac.runId)).toMatchObject({ status: "dispatched" });
    const events = [{ type: "user_message", payload: { content: "x" } }];
    expectError(await c.post("/v1/threads/thr_missing/events", { ...base, events }), 404, "not_found");
    expectError(await c.post(path, { ...base, runId: "run_missing", events }), 404, "not_found");
  });
});

describe("POST /v1/threads/{threadId}/compact and the reads", () => {
  it("compacts into a new active rollout; reads start at the compaction unless include=all_rollouts; rollout_id and limit narrow them", async () => {
    const c = client("compact");
    await seedOrg(c);
    const { result: first } = await runJson(c, { agent: "code-assistant", prompt: "hello" });
    const res = await c.post(`/v1/threads/${first.threadId}/compact`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { thread, rollout } = res.body.data;
    expect(thread.activeRolloutId).toBe(rollout.rolloutId);
    expect(rollout).toMatchObject({ threadId: first.threadId, eventCount: 2 });
    await runJson(c, { agent: "code-assistant", prompt: "again", threadId: first.threadId });

    const active = ["compaction_started", "compaction_completed", "run_started", "user_message", "assistant_message", "run_completed"];
    expect(await eventTypes(c, `/v1/threads/${first.threadId}`)).toEqual(active);
    expect(await eventTypes(c, `/v1/threads/${first.threadId}/events`)).toEqual(active);
    expect(await eventTypes(c, `/v1/threads/${first.threadId}?include=all_rollouts`)).toHaveLength(10);
    expect(await eventTypes(c, `/v1/threads/${first.threadId}/events?include=all_rollouts`)).toHaveLength(10);
    expect(await eventTypes(c, `/v1/threads/${first.threadId}/events?rollout_id=${first.rolloutId}`)).toEqual(["run_started", "user_message", "assistant_message", "run_completed"]);
    expect(await eventTypes(c, `/v1/threads/${first.threadId}?include=all_rollouts&limit=2`)).toEqual(["assistant_message", "run_completed"]);
    const summary = await c.get(`/v1/threads/${first.threadId}/events?rollout_id=${rollout.rolloutId}`);
    expect(summary.body.data.events[1].payload).toEqual({ summary: `user: hello\nassistant: [code-assistant] You said: hello`, compactedEventCount: 4 });

    const rollouts = await c.get(`/v1/threads/${first.threadId}/rollouts`);
    expect(rollouts.body.data.rollouts).toHaveLength(3);
    const feed = await c.get(`/v1/threads/${first.threadId}/activity`);
    const compacted = feed.body.data.events.filter((e: { eventType: string }) => e.eventType === "thread.compacted");
    expect(compacted).toMatchObject([{ resourceType: "thread", resourceId: first.threadId, attributes: { rolloutId: rollout.rolloutId } }]);
  });

  it("answers 409 while a run of the thread is in flight, 404 for an unknown thread or rollout, 400 for a bad include", async () => {
    const c = client("compactBad");
    await upsertLocalMac(c);
    const { result: mac } = await runJson(c, { agent: "mac-helper", prompt: "hello" });
    expectError(await c.post(`/v1/threads/${mac.threadId}/compact`), 409, "conflict");
    expect(await eventTypes(c, `/v1/threads/${mac.threadId}`)).toEqual(["run_started", "user_message"]);
    expectError(await c.post("/v1/threads/thr_missing/compact"), 404, "not_found");
    expectError(await c.get(`/v1/threads/${mac.threadId}/events?rollout_id=rol_nothere`), 404, "not_found");
    expectBadRequest(await c.get(`/v1/threads/${mac.threadId}?include=everything`), "/query/include");
  });
});

describe("GET /v1/threads: all, in an organization of two keys", () => {
  const TEAM = "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b";
  const teamKey1 = freshKey("team1");
  const teamKey2 = freshKey("team2");
  const team = useServer({ keyring: new Map([[teamKey1, TEAM], [teamKey2, TEAM]]) });

  afterEach(() => {
    expect(team.violations).toEqual([]);
  });

  it("lists the caller's own threads by default and every member's with all=true", async () => {
    const one = team.client().as(teamKey1);
    const two = one.as(teamKey2);
    await seedOrg(one);
    const { result: mine } = await runJson(one, { agent: "code-assistant", prompt: "mine" });
    const { result: theirs } = await runJson(two, { agent: "code-assistant", prompt: "theirs" });
    const ids = async (c: ContractClient, query: string) => (await c.get(`/v1/threads${query}`)).body.data.threads.map((t: { id: string }) => t.id);
    expect(await ids(one, "")).toEqual([mine.threadId]);
    expect(await ids(two, "")).toEqual([theirs.threadId]);
    expect(await ids(one, "?all=true")).toEqual([theirs.threadId, mine.threadId]);
    // A member's thread is still readable by id (resource-scoped access).
    expect((await two.get(`/v1/threads/${mine.threadId}`)).status).toBe(200);
  });
});
