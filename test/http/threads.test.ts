/**
 * Conversation threads through the real server (issue 4; reference Part B "Threads"): threads
 * created and continued by runs, GET /v1/threads (order, filters, pages), the snapshot, the
 * paginated durable events, PATCH (title, archived), DELETE, bad ids, and isolation between
 * organizations. Every response is validated against the spec by the client.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { RunResult, Thread, ThreadEvent } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { expectBadRequest, expectError, upsertManaged } from "./helpers.ts";
import { THREAD_ID, UUID, reply, runIds, runJson, runStreamed, seedOrg, threadEvents, upsertLocalMac } from "./run-helpers.ts";

const { client, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

interface ThreadPage {
  data: { threads: Thread[] };
  hasMore: boolean;
  nextCursor: string | null;
}

/** One page of GET /v1/threads (`query` with its `?`). */
async function listThreads(c: ContractClient, query = ""): Promise<ThreadPage> {
  const res = await c.get<ThreadPage>(`/v1/threads${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(Object.keys(res.body).sort()).toEqual(["data", "hasMore", "meta", "nextCursor"]);
  return res.body;
}

/** The ids of GET /v1/threads. */
async function threadIds(c: ContractClient, query = ""): Promise<string[]> {
  return (await listThreads(c, query)).data.threads.map((t) => t.id);
}

/** Reads a thread's snapshot and asserts the 200. */
async function snapshot(c: ContractClient, threadId: string): Promise<{ thread: Thread; events: ThreadEvent[] }> {
  const res = await c.get<{ data: { thread: Thread; events: ThreadEvent[] } }>(`/v1/threads/${threadId}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(Object.keys(res.body.data).sort()).toEqual(["events", "thread"]);
  return res.body.data;
}

/** An org with the seed agent (in_sandbox) and a managed agent, and three threads made by runs. */
async function orgWithThreads(label: string) {
  const c = client(label);
  const seeded = await seedOrg(c);
  const analyst = (await upsertManaged(c, "data-analyst")).body.data;
  const t1 = (await runJson(c, { agent: "code-assistant", prompt: "first question" })).result;
  const t2 = (await runJson(c, { agent: "data-analyst", prompt: "second question" })).result;
  const t3 = (await runJson(c, { agent: "code-assistant", prompt: "third question" })).result;
  return { c, ...seeded, analyst, t1, t2, t3 };
}

describe("threads made by runs", () => {
  it("creates a thread per run without threadId, titled after its message, and continues it with threadId", async () => {
    const c = client("make");
    const { agent } = await seedOrg(c);
    const { result: first } = await runJson(c, { agent: "code-assistant", prompt: "  Why   does\nthe build\tfail?  " });
    const before = await snapshot(c, first.threadId);
    expect(before.thread).toEqual({
      id: first.threadId,
      orgId: expect.stringMatching(UUID),
      ownerUserId: expect.stringMatching(UUID),
      agentId: agent.id,
      title: "Why does the build fail?",
      executionMode: "in_sandbox",
      archived: false,
      activeRolloutId: first.rolloutId,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(before.events.map((e) => e.type)).toEqual(["run_started", "user_message", "assistant_message", "run_completed"]);

    // A long first message: the title keeps 60 characters.
    const long = "x".repeat(30) + " " + "y".repeat(50);
    const { result: other } = await runJson(c, { agent: "code-assistant", prompt: long });
    expect(other.threadId).not.toBe(first.threadId);
    expect((await snapshot(c, other.threadId)).thread.title).toBe(long.slice(0, 60));

    // Continuing keeps the title, moves the active rollout and updatedAt, appends events.
    const streamed = await runStreamed(c, { agent: "code-assistant", prompt: "next", threadId: first.threadId });
    const after = await snapshot(c, first.threadId);
    expect(after.thread.title).toBe("Why does the build fail?");
    expect(after.thread.createdAt).toBe(before.thread.createdAt);
    expect(Date.parse(after.thread.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.thread.updatedAt));
    expect(after.thread.activeRolloutId).toBe(streamed.frames[0]?.data.rolloutId);
    expect(after.events.slice(0, 4)).toEqual(before.events);
    expect(after.events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(after.events.slice(4).every((e) => e.runId === streamed.runId)).toBe(true);
    expect(after.thread.ownerUserId).toBe(before.thread.ownerUserId);
    expect(after.thread.orgId).toBe(before.thread.orgId);
  });
});

describe("GET /v1/threads", () => {
  it("lists the organization's threads, most recently updated first, with agent and archived filters", async () => {
    const { c, agent, analyst, t1, t2, t3 } = await orgWithThreads("list");
    expect(await threadIds(c)).toEqual([t3.threadId, t2.threadId, t1.threadId]);

    // A run on t1 moves it to the front.
    await runJson(c, { agent: "code-assistant", prompt: "back to one", threadId: t1.threadId });
    const page = await listThreads(c);
    expect(page).toMatchObject({ hasMore: false, nextCursor: null });
    expect(page.data.threads.map((t) => t.id)).toEqual([t1.threadId, t3.threadId, t2.threadId]);
    expect(page.data.threads.map((t) => t.title)).toEqual(["first question", "third question", "second question"]);
    expect(page.data.threads.map((t) => t.executionMode)).toEqual(["in_sandbox", "in_sandbox", "managed"]);

    expect(await threadIds(c, "?agent=code-assistant")).toEqual([t1.threadId, t3.threadId]);
    expect(await threadIds(c, `?agent=${agent.id}`)).toEqual([t1.threadId, t3.threadId]);
    expect(await threadIds(c, `?agent=${analyst.id}`)).toEqual([t2.threadId]);
    expect(await threadIds(c, "?agent=nobody")).toEqual([]);
    expect(await threadIds(c, "?archived=false")).toEqual([t1.threadId, t3.threadId, t2.threadId]);
    expect(await threadIds(c, "?archived=true")).toEqual([t1.threadId, t3.threadId, t2.threadId]);

    expectBadRequest(await c.get("/v1/threads?archived=maybe"), "/query/archived");
    expectBadRequest(await c.get("/v1/threads?limit=0"), "/query/limit");
    expectBadRequest(await c.get("/v1/threads?limit=501"), "/query/limit");
    expectError(await c.get("/v1/threads?cursor=not-a-cursor"), 400, "bad_request");
    expectError(await c.get("/v1/threads", { anonymous: true }), 401, "unauthorized");
  });

  it("pages with limit and cursor", async () => {
    const { c, t1, t2, t3 } = await orgWithThreads("pages");
    const first = await listThreads(c, "?limit=2");
    expect(first.data.threads.map((t) => t.id)).toEqual([t3.threadId, t2.threadId]);
    expect(first.hasMore).toBe(true);
    expect(typeof first.nextCursor).toBe("string");
    const second = await listThreads(c, `?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? "")}`);
    expect(second.data.threads.map((t) => t.id)).toEqual([t1.threadId]);
    expect(second).toMatchObject({ hasMore: false, nextCursor: null });

    const filtered = await listThreads(c, "?agent=code-assistant&limit=1");
    expect(filtered.data.threads.map((t) => t.id)).toEqual([t3.threadId]);
    expect(filtered.hasMore).toBe(true);
    const filteredRest = await listThreads(c, `?agent=code-assistant&limit=1&cursor=${encodeURIComponent(filtered.nextCursor ?? "")}`);
    expect(filteredRest.data.threads.map((t) => t.id)).toEqual([t1.threadId]);
    expect(filteredRest).toMatchObject({ hasMore: false, nextCursor: null });
  });
});

describe("a thread's snapshot and events", () => {
  it("answers the snapshot with every event of every run, equal to the pages of /events", async () => {
    const c = client("snap");
    const { agent } = await seedOrg(c);
    const { result: first } = await runJson(c, { agent: "code-assistant", prompt: "hello" });
    const second = await runStreamed(c, { agent: "code-assistant", prompt: "run `echo hi`", threadId: first.threadId });
    const snap = await snapshot(c, first.threadId);
    expect(snap.events.map((e) => [e.sequence, e.type])).toEqual([
      [1, "run_started"],
      [2, "user_message"],
      [3, "assistant_message"],
      [4, "run_completed"],
      [5, "run_started"],
      [6, "user_message"],
      [7, "tool_call"],
      [8, "tool_result"],
      [9, "assistant_message"],
      [10, "run_completed"],
    ]);
    expect(snap.events[0]?.payload).toEqual({ agentId: agent.id, executionMode: "in_sandbox" });
    expect(snap.events[8]?.payload).toEqual({ content: reply("code-assistant", "run `echo hi`") });
    for (const event of snap.events) {
      expect(event.threadId).toBe(first.threadId);
      expect(event.runId).toBe(event.sequence <= 4 ? first.runId : second.runId);
      expect(Number.isNaN(Date.parse(event.createdAt))).toBe(false);
    }
    expect(snap.thread.activeRolloutId).toBe(snap.events[9]?.rolloutId);

    // /events in pages of three.
    const paged: ThreadEvent[] = [];
    let query = "?limit=3";
    for (let i = 0; i < 10; i++) {
      const res = await c.get<{ data: { thread: Thread; events: ThreadEvent[] }; hasMore: boolean; nextCursor: string | null }>(`/v1/threads/${first.threadId}/events${query}`);
      expect(res.status).toBe(200);
      expect(res.body.data.thread).toEqual(snap.thread);
      paged.push(...res.body.data.events);
      if (!res.body.hasMore) {
        expect(res.body.nextCursor).toBeNull();
        expect(res.body.data.events).toHaveLength(1);
        break;
      }
      expect(res.body.data.events).toHaveLength(3);
      query = `?limit=3&cursor=${encodeURIComponent(res.body.nextCursor ?? "")}`;
    }
    expect(paged).toEqual(snap.events);
    expect((await threadEvents(c, first.threadId)).events).toEqual(snap.events);

    expectBadRequest(await c.get(`/v1/threads/${first.threadId}/events?limit=0`), "/query/limit");
    expectBadRequest(await c.get(`/v1/threads/${first.threadId}/events?limit=501`), "/query/limit");
    expectError(await c.get(`/v1/threads/${first.threadId}/events?cursor=not-a-cursor`), 400, "bad_request");
  });

  it("records only run_started and user_message for a dispatched (local-mac) run", async () => {
    const c = client("snapmac");
    await upsertLocalMac(c);
    const { result } = await runJson(c, { agent: "mac-helper", prompt: "open Xcode" });
    const snap = await snapshot(c, result.threadId);
    expect(snap.thread).toMatchObject({ executionMode: "local-mac", activeRolloutId: result.rolloutId, title: "open Xcode" });
    expect(snap.events.map((e) => e.type)).toEqual(["run_started", "user_message"]);
  });
});

describe("PATCH and DELETE", () => {
  it("renames a thread, clears the title, and moves it to the front of the list", async () => {
    const { c, t1, t2, t3 } = await orgWithThreads("rename");
    const before = (await snapshot(c, t1.threadId)).thread;
    const renamed = await c.patch<{ data: Thread }>(`/v1/threads/${t1.threadId}`, { title: "Build questions" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toEqual({ ...before, title: "Build questions", updatedAt: expect.any(String) });
    expect(Date.parse(renamed.body.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
    expect((await snapshot(c, t1.threadId)).thread).toEqual(renamed.body.data);
    expect(await threadIds(c)).toEqual([t1.threadId, t3.threadId, t2.threadId]);

    const cleared = await c.patch<{ data: Thread }>(`/v1/threads/${t1.threadId}`, { title: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.data.title).toBeNull();

    // Rejected patches change nothing.
    expectBadRequest(await c.patch(`/v1/threads/${t1.threadId}`, {}), "/body");
    expectBadRequest(await c.patch(`/v1/threads/${t1.threadId}`, { title: "" }), "/body/title");
    expectBadRequest(await c.patch(`/v1/threads/${t1.threadId}`, { title: "t".repeat(201) }), "/body/title");
    expectBadRequest(await c.patch(`/v1/threads/${t1.threadId}`, { archived: "yes" }), "/body/archived");
    expectError(
      await c.request("PATCH", `/v1/threads/${t1.threadId}`, { rawBody: JSON.stringify({ title: "x" }), headers: { "Content-Type": "text/plain" } }),
      415,
      "unsupported_media_type",
    );
    expectError(await c.patch(`/v1/threads/${t1.threadId}`, { title: "x" }, { anonymous: true }), 401, "unauthorized");
    expect((await snapshot(c, t1.threadId)).thread).toEqual(cleared.body.data);
  });

  it("archives a thread out of the default list; archived=true includes it with the others; and restores it", async () => {
    const { c, t1, t2, t3 } = await orgWithThreads("archive");
    const archived = await c.patch<{ data: Thread }>(`/v1/threads/${t2.threadId}`, { archived: true });
    expect(archived.status).toBe(200);
    expect(archived.body.data).toMatchObject({ id: t2.threadId, archived: true, title: "second question" });

    expect(await threadIds(c)).toEqual([t3.threadId, t1.threadId]);
    expect(await threadIds(c, "?archived=false")).toEqual([t3.threadId, t1.threadId]);
    expect(await threadIds(c, "?archived=true")).toEqual([t2.threadId, t3.threadId, t1.threadId]);
    expect(await threadIds(c, "?archived=true&agent=data-analyst")).toEqual([t2.threadId]);
    expect(await threadIds(c, "?archived=true&agent=code-assistant")).toEqual([t3.threadId, t1.threadId]);
    expect((await snapshot(c, t2.threadId)).thread.archived).toBe(true);

    const both = await c.patch<{ data: Thread }>(`/v1/threads/${t2.threadId}`, { archived: false, title: "Numbers" });
    expect(both.body.data).toMatchObject({ archived: false, title: "Numbers" });
    expect(await threadIds(c)).toEqual([t2.threadId, t3.threadId, t1.threadId]);
    expect(await threadIds(c, "?archived=true")).toEqual([t2.threadId, t3.threadId, t1.threadId]);
  });

  it("deletes a thread: {id, deleted: true}, then its reads and runs on it answer 404, its runs stay listed", async () => {
    const { c, t1, t2, t3 } = await orgWithThreads("delete");
    const runsBefore = await runIds(c);
    const res = await c.delete(`/v1/threads/${t1.threadId}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ id: t1.threadId, deleted: true });

    expectError(await c.get(`/v1/threads/${t1.threadId}`), 404, "not_found");
    expectError(await c.get(`/v1/threads/${t1.threadId}/events`), 404, "not_found");
    expectError(await c.patch(`/v1/threads/${t1.threadId}`, { title: "back?" }), 404, "not_found");
    expectError(await c.delete(`/v1/threads/${t1.threadId}`), 404, "not_found");
    expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", threadId: t1.threadId, stream: false }), 404, "not_found");
    expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", threadId: t1.threadId }), 404, "not_found");
    expectError(await c.post("/v1/agents/code-assistant/run", { prompt: "hi", threadId: t1.threadId }), 404, "not_found");

    expect(await threadIds(c)).toEqual([t3.threadId, t2.threadId]);
    expect(await runIds(c)).toEqual(runsBefore);
    expect((await c.get("/v1/run?limit=500")).body.data.find((r: { id: string }) => r.id === t1.runId)).toMatchObject({ threadId: t1.threadId });
    expectError(await c.delete(`/v1/threads/${t2.threadId}`, { anonymous: true }), 401, "unauthorized");
  });

  it("answers 404 for unknown thread ids and 400 for malformed ones, on every operation", async () => {
    const c = client("badids");
    for (const [id, status] of [
      ["thr_unknown123", 404],
      ["not-a-thread", 400],
      ["thr_", 400],
    ] as const) {
      const responses = [
        await c.get(`/v1/threads/${id}`),
        await c.get(`/v1/threads/${id}/events`),
        await c.patch(`/v1/threads/${id}`, { title: "x" }),
        await c.delete(`/v1/threads/${id}`),
      ];
      for (const res of responses) {
        if (status === 404) expectError(res, 404, "not_found");
        else expectBadRequest(res, "/path/threadId");
      }
    }
    expectError(await c.get("/v1/threads/thr_unknown123", { anonymous: true }), 401, "unauthorized");
  });
});

describe("organization isolation", () => {
  it("keeps org A's threads, agents and runs out of org B's reach (404, empty lists)", async () => {
    const { c: a, agent, t1, t2, t3 } = await orgWithThreads("orga");
    await upsertLocalMac(a);
    const mac: RunResult = (await runJson(a, { agent: "mac-helper", prompt: "open Xcode" })).result;
    const aThreadsBefore = await listThreads(a);
    const aSnapshotBefore = await snapshot(a, t1.threadId);
    const aRunsBefore = await runIds(a);

    const b = client("orgb");
    // B has its own seed agent with the same slug.
    await seedOrg(b);

    expect(await threadIds(b)).toEqual([]);
    expect(await threadIds(b, "?archived=true")).toEqual([]);
    expect(await threadIds(b, `?agent=${agent.id}`)).toEqual([]);
    expect(await runIds(b)).toEqual([]);
    expect(await runIds(b, `?agent=${agent.id}`)).toEqual([]);

    expectError(await b.get(`/v1/threads/${t1.threadId}`), 404, "not_found");
    expectError(await b.get(`/v1/threads/${t1.threadId}/events`), 404, "not_found");
    expectError(await b.patch(`/v1/threads/${t1.threadId}`, { title: "mine now", archived: true }), 404, "not_found");
    expectError(await b.delete(`/v1/threads/${t2.threadId}`), 404, "not_found");
    // Continuing A's thread with B's own agent of the same slug, or through the legacy endpoint.
    expectError(await b.post("/v1/run", { agent: "code-assistant", prompt: "hi", threadId: t1.threadId, stream: false }), 404, "not_found");
    expectError(await b.post("/v1/agents/code-assistant/run", { prompt: "hi", threadId: t3.threadId }), 404, "not_found");
    // Running A's agent by id, or A's agent slug B does not have.
    expectError(await b.post("/v1/run", { agent: agent.id, prompt: "hi", stream: false }), 404, "not_found");
    expectError(await b.post("/v1/run", { agent: "data-analyst", prompt: "hi" }), 404, "not_found");
    expectError(await b.post("/v1/agents/data-analyst/run", { prompt: "hi" }), 404, "not_found");
    // Cancelling A's dispatched run.
    expectError(await b.post(`/v1/run/${mac.runId}/cancel`), 404, "not_found");

    // Nothing of B's attempts recorded anything, and A is as it was.
    expect(await runIds(b)).toEqual([]);
    expect(await threadIds(b)).toEqual([]);
    expect((await listThreads(a)).data).toEqual(aThreadsBefore.data);
    expect(await snapshot(a, t1.threadId)).toEqual(aSnapshotBefore);
    expect(await runIds(a)).toEqual(aRunsBefore);
    expect(await runIds(a, "?status=dispatched")).toEqual([mac.runId]);

    // B's own run makes B's own thread, which A cannot see.
    const own = (await runJson(b, { agent: "code-assistant", prompt: "mine" })).result;
    expect(own.threadId).toMatch(THREAD_ID);
    expect(await threadIds(b)).toEqual([own.threadId]);
    expectError(await a.get(`/v1/threads/${own.threadId}`), 404, "not_found");
    expect(await runIds(a)).not.toContain(own.runId);
    expect((await snapshot(b, own.threadId)).thread.orgId).not.toBe(aSnapshotBefore.thread.orgId);
  });
});
