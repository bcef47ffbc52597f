/**
 * Agent runs through the real server (issue 4; reference Part B R1, R2, R3, A5): POST /v1/run as
 * JSON (`stream: false`) and as server-sent events (the default), the legacy per-agent endpoint
 * the upsert returns, the exec_command tool call, execution modes, errors, listing and
 * cancelling runs, and a stream that ends early (client disconnect, cancel request).
 * Every JSON response is validated against the spec by the client, every frame by readStream.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { RunSummary } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { readStream, streamFrames, type SseFrame } from "../support/sse.ts";
import { OVERSIZED_JSON_BYTES, createRunningSandbox, expectBadRequest, expectError, jsonOfSize, upsertManaged } from "./helpers.ts";
import {
  RUN_ID,
  THREAD_ID,
  UUID,
  eventually,
  expectCompletedStream,
  expectFrameIds,
  expectUsage,
  listRuns,
  reply,
  runIds,
  runJson,
  runStreamed,
  seedOrg,
  streamHeaders,
  threadEvents,
  upsertLocalMac,
} from "./run-helpers.ts";

const { client, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

describe("the issue's walk-through: a JSON run, a streamed second turn, the thread's events", () => {
  it("runs the seed agent with stream:false, streams a second turn on its thread, and records both runs in order", async () => {
    const c = client("done");
    const { sandbox, agent } = await seedOrg(c);

    // Turn 1: one-shot JSON.
    const { result: first } = await runJson(c, { agent: "code-assistant", prompt: "hello" });
    expect(first).toEqual({
      runId: expect.stringMatching(RUN_ID),
      sandboxId: sandbox.id,
      threadId: expect.stringMatching(THREAD_ID),
      rolloutId: expect.stringMatching(/^rol_/),
      executionMode: "in_sandbox",
      targetDeviceId: null,
      status: "completed",
      result: "[code-assistant] You said: hello",
      usage: expect.any(Object),
      iterations: 1,
    });
    expectUsage(first.usage);

    // Turn 2: streamed (the default), same thread.
    const second = await runStreamed(c, { agent: "code-assistant", prompt: "and now?", threadId: first.threadId });
    expect(second.threadId).toBe(first.threadId);
    expect(second.runId).not.toBe(first.runId);
    const { content, tools, completed } = expectCompletedStream(second.frames);
    expect(tools).toEqual([]);
    expect(content).toBe(reply("code-assistant", "and now?"));
    expect(completed.data.iterations).toBe(1);
    const started = (second.frames[0] as SseFrame).data;
    expect(started).toMatchObject({ runId: second.runId, threadId: first.threadId, agentId: agent.id, executionMode: "in_sandbox" });
    expect(started.rolloutId).not.toBe(first.rolloutId);

    // The thread's durable events, both runs, in increasing sequence.
    const { thread, events } = await threadEvents(c, first.threadId);
    expect(events.map((e) => e.type)).toEqual([
      "run_started",
      "user_message",
      "assistant_message",
      "run_completed",
      "run_started",
      "user_message",
      "assistant_message",
      "run_completed",
    ]);
    expect(events.slice(0, 4).every((e) => e.runId === first.runId && e.rolloutId === first.rolloutId)).toBe(true);
    expect(events.slice(4).every((e) => e.runId === second.runId && e.rolloutId === started.rolloutId)).toBe(true);
    expect(events.map((e) => e.payload)).toEqual([
      { agentId: agent.id, executionMode: "in_sandbox" },
      { content: "hello" },
      { content: "[code-assistant] You said: hello" },
      { status: "completed", usage: first.usage, iterations: 1 },
      { agentId: agent.id, executionMode: "in_sandbox" },
      { content: "and now?" },
      { content },
      { status: "completed", usage: completed.data.usage, iterations: 1 },
    ]);
    expect(thread).toMatchObject({ id: first.threadId, agentId: agent.id, activeRolloutId: started.rolloutId, archived: false });

    // Both runs are listed, completed, newest first.
    const runs = await listRuns(c);
    expect(runs.data.map((r) => [r.id, r.status])).toEqual([
      [second.runId, "completed"],
      [first.runId, "completed"],
    ]);
  });

  it("serves the upsert's endpoint (the legacy per-agent run) the same way, JSON and streamed", async () => {
    const c = client("legacy");
    const { sandbox, agent, endpointPath } = await seedOrg(c);
    expect(endpointPath).toBe("/v1/agents/code-assistant/run");

    const { result: first } = await runJson(c, { prompt: "hello" }, endpointPath);
    expect(first).toMatchObject({
      sandboxId: sandbox.id,
      executionMode: "in_sandbox",
      targetDeviceId: null,
      status: "completed",
      result: "[code-assistant] You said: hello",
      iterations: 1,
    });
    expectUsage(first.usage);

    const second = await runStreamed(c, { prompt: "again", threadId: first.threadId }, endpointPath);
    expect(second.threadId).toBe(first.threadId);
    const { content } = expectCompletedStream(second.frames);
    expect(content).toBe(reply("code-assistant", "again"));
    expect((second.frames[0] as SseFrame).data.agentId).toBe(agent.id);

    // An `agent` field in the legacy body is ignored: the path names the agent.
    await upsertManaged(c, "other");
    const { result: third } = await runJson(c, { agent: "other", prompt: "path wins", threadId: first.threadId }, endpointPath);
    expect(third.result).toBe(reply("code-assistant", "path wins"));

    const { events } = await threadEvents(c, first.threadId);
    expect(events.map((e) => e.type)).toEqual(Array(3).fill(["run_started", "user_message", "assistant_message", "run_completed"]).flat());
    expect(await runIds(c)).toEqual([third.runId, second.runId, first.runId]);
  });

  it("runs an agent named by id as well as by slug", async () => {
    const c = client("byid");
    const { agent } = await seedOrg(c);
    const { result } = await runJson(c, { agent: agent.id, prompt: "by id" });
    expect(result.result).toBe(reply("code-assistant", "by id"));
    const streamed = await runStreamed(c, { agent: agent.id, prompt: "streamed by id", threadId: result.threadId });
    expect(expectCompletedStream(streamed.frames).content).toBe(reply("code-assistant", "streamed by id"));
  });
});

describe("the exec_command tool call", () => {
  it("runs the backticked command in the sandbox: JSON answer with two iterations and durable tool events", async () => {
    const c = client("tooljson");
    const { agent } = await seedOrg(c);
    const { result } = await runJson(c, { agent: "code-assistant", prompt: "run `echo hi`" });
    expect(result).toMatchObject({ status: "completed", result: "[code-assistant] You said: run `echo hi`", iterations: 2 });
    expectUsage(result.usage);

    const { events } = await threadEvents(c, result.threadId);
    expect(events.map((e) => e.type)).toEqual(["run_started", "user_message", "tool_call", "tool_result", "assistant_message", "run_completed"]);
    const [, , call, toolResult, , done] = events;
    expect(call?.payload).toEqual({ toolCallId: expect.any(String), name: "exec_command", arguments: { command: "echo hi" } });
    expect(toolResult?.payload).toEqual({ toolCallId: call?.payload.toolCallId, name: "exec_command", output: { stdout: "hi\n", stderr: "", exitCode: 0 } });
    expect(done?.payload).toEqual({ status: "completed", usage: result.usage, iterations: 2 });
    for (const event of events) expect(event).toMatchObject({ runId: result.runId, rolloutId: result.rolloutId });
    expect(events[0]?.payload).toEqual({ agentId: agent.id, executionMode: "in_sandbox" });
  });

  it("streams tool_call_started then tool_call_completed with the exec output", async () => {
    const c = client("toolsse");
    await seedOrg(c);
    const streamed = await runStreamed(c, { agent: "code-assistant", prompt: "run `echo hi`" });
    const { content, tools, completed } = expectCompletedStream(streamed.frames);
    expect(content).toBe("[code-assistant] You said: run `echo hi`");
    expect(tools.map((f) => f.data)).toEqual([
      { type: "tool_call_started", runId: streamed.runId, toolCallId: expect.any(String), name: "exec_command", arguments: { command: "echo hi" } },
      { type: "tool_call_completed", runId: streamed.runId, toolCallId: tools[0]?.data.toolCallId, name: "exec_command", output: { stdout: "hi\n", stderr: "", exitCode: 0 } },
    ]);
    expect(completed.data.iterations).toBe(2);

    const { events } = await threadEvents(c, streamed.threadId);
    expect(events.map((e) => e.type)).toEqual(["run_started", "user_message", "tool_call", "tool_result", "assistant_message", "run_completed"]);
    expect(events[2]?.payload.toolCallId).toBe(tools[0]?.data.toolCallId);
    expect(events[3]?.payload.output).toEqual({ stdout: "hi\n", stderr: "", exitCode: 0 });
  });

  it("makes no tool call for an agent without exec_command or a managed agent", async () => {
    const c = client("notool");
    await createRunningSandbox(c, { name: "build-runner" });
    expect((await c.post("/v1/agents", { slug: "no-exec", sandbox: "build-runner", tools: ["web_search"] })).status).toBe(201);
    expect((await upsertManaged(c, "gateway", { tools: ["exec_command"] })).status).toBe(201);
    for (const slug of ["no-exec", "gateway"]) {
      const { result } = await runJson(c, { agent: slug, prompt: "run `echo hi`" });
      expect(result).toMatchObject({ status: "completed", result: reply(slug, "run `echo hi`"), iterations: 1 });
      const { events } = await threadEvents(c, result.threadId);
      expect(events.map((e) => e.type)).toEqual(["run_started", "user_message", "assistant_message", "run_completed"]);
    }
  });
});

describe("rejected runs", () => {
  /** Asserts that nothing was recorded: the runs and threads are as before. */
  async function expectNothingRecorded(c: ContractClient, runsBefore: string[], threadsBefore: unknown): Promise<void> {
    expect(await runIds(c)).toEqual(runsBefore);
    expect((await c.get("/v1/threads?limit=500")).body.data).toEqual(threadsBefore);
  }

  it("answers 404, 400, 401, 413 and 415 and records no run and no thread", async () => {
    const c = client("errors");
    await seedOrg(c);
    const { result: ok } = await runJson(c, { agent: "code-assistant", prompt: "hello" });
    const runsBefore = await runIds(c);
    expect(runsBefore).toEqual([ok.runId]);
    const threadsBefore = (await c.get("/v1/threads?limit=500")).body.data;

    // Unknown agent, JSON and the default (streaming) form alike.
    expect(expectError(await c.post("/v1/run", { agent: "nobody", prompt: "hi", stream: false }), 404, "not_found").message).toContain("nobody");
    expectError(await c.post("/v1/run", { agent: "nobody", prompt: "hi" }), 404, "not_found");
    expectError(await c.post("/v1/run", { agent: "agt_doesnotexist1", prompt: "hi" }), 404, "not_found");
    expectError(await c.post("/v1/agents/nobody/run", { prompt: "hi" }), 404, "not_found");

    // Neither prompt nor messages.
    expectBadRequest(await c.post("/v1/run", { agent: "code-assistant", stream: false }), "/body/prompt");
    expectBadRequest(await c.post("/v1/run", { agent: "code-assistant" }), "/body/prompt");
    expectBadRequest(await c.post("/v1/agents/code-assistant/run", {}), "/body/prompt");
    // messages alone without a user message.
    expectBadRequest(await c.post("/v1/run", { agent: "code-assistant", messages: [{ role: "system", content: "x" }] }), "/body/messages");

    // Schema errors.
    expectBadRequest(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", stream: "yes" }), "/body/stream");
    expectBadRequest(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", config: { maxTurns: 0 } }), "/body/config/maxTurns");
    expectBadRequest(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", config: { temperature: 3 } }), "/body/config/temperature");
    expectBadRequest(await c.post("/v1/run", { prompt: "hi" }), "/body/agent");
    expectBadRequest(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", threadId: "not-a-thread" }), "/body/threadId");
    expectBadRequest(await c.post("/v1/run", { agent: "code-assistant", messages: [{ role: "robot", content: "x" }] }), "/body/messages/0/role");
    expectBadRequest(await c.post("/v1/agents/code-assistant/run", { prompt: "hi", stream: "yes" }), "/body/stream");
    expectError(await c.request("POST", "/v1/run", { rawBody: "{not json", headers: { "Content-Type": "application/json" } }), 400, "bad_request");

    // Unknown thread.
    expect(expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", threadId: "thr_unknown123" }), 404, "not_found").message).toContain("thr_unknown123");
    expectError(await c.post("/v1/agents/code-assistant/run", { prompt: "hi", threadId: "thr_unknown123", stream: false }), 404, "not_found");

    // No key.
    expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi" }, { anonymous: true }), 401, "unauthorized");
    expectError(await c.post("/v1/agents/code-assistant/run", { prompt: "hi" }, { anonymous: true }), 401, "unauthorized");

    // Too large, wrong media type.
    expectError(await c.request("POST", "/v1/run", { rawBody: jsonOfSize(OVERSIZED_JSON_BYTES), headers: { "Content-Type": "application/json" } }), 413, "payload_too_large");
    expectError(
      await c.request("POST", "/v1/run", { rawBody: JSON.stringify({ agent: "code-assistant", prompt: "hi" }), headers: { "Content-Type": "text/plain" } }),
      415,
      "unsupported_media_type",
    );
    expectError(
      await c.request("POST", "/v1/agents/code-assistant/run", { rawBody: JSON.stringify({ prompt: "hi" }), headers: { "Content-Type": "text/plain" } }),
      415,
      "unsupported_media_type",
    );

    await expectNothingRecorded(c, runsBefore, threadsBefore);
  });

  it("answers 409 for a thread of another agent of the organization", async () => {
    const c = client("otheragent");
    await seedOrg(c);
    await upsertManaged(c, "data-analyst");
    const { result: theirs } = await runJson(c, { agent: "data-analyst", prompt: "numbers" });
    const runsBefore = await runIds(c);
    const threadsBefore = (await c.get("/v1/threads?limit=500")).body.data;

    expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", threadId: theirs.threadId }), 409, "conflict");
    expectError(await c.post("/v1/agents/code-assistant/run", { prompt: "hi", threadId: theirs.threadId, stream: false }), 409, "conflict");

    await expectNothingRecorded(c, runsBefore, threadsBefore);
    expect((await threadEvents(c, theirs.threadId)).events).toHaveLength(4);
  });

  it("answers 409 while the agent's sandbox is paused, and runs once it is resumed", async () => {
    const c = client("paused");
    const { sandbox } = await seedOrg(c);
    expect((await c.post(`/v1/sandboxes/${sandbox.id}/pause`)).status).toBe(200);
    expect((await c.get(`/v1/sandboxes/${sandbox.id}`)).body.data.status).toBe("paused");

    expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", stream: false }), 409, "conflict");
    expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi" }), 409, "conflict");
    expectError(await c.post("/v1/agents/code-assistant/run", { prompt: "hi" }), 409, "conflict");
    expect(await runIds(c)).toEqual([]);
    expect((await c.get("/v1/threads")).body.data.threads).toEqual([]);

    expect((await c.post(`/v1/sandboxes/${sandbox.id}/resume`)).status).toBe(200);
    expect((await c.get(`/v1/sandboxes/${sandbox.id}`)).body.data.status).toBe("running");
    const { result } = await runJson(c, { agent: "code-assistant", prompt: "run `echo back`" });
    expect(result).toMatchObject({ status: "completed", sandboxId: sandbox.id, iterations: 2 });
    expect(await runIds(c)).toEqual([result.runId]);
  });

  it("answers 409 once the agent's sandbox is destroyed", async () => {
    const c = client("destroyed");
    const { sandbox } = await seedOrg(c);
    expect((await c.delete(`/v1/sandboxes/${sandbox.id}`)).status).toBe(200);
    expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", stream: false }), 409, "conflict");
    expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi" }), 409, "conflict");
    expectError(await c.post("/v1/agents/code-assistant/run", { prompt: "hi", stream: false }), 409, "conflict");
    expect(await runIds(c)).toEqual([]);
    expect((await c.get("/v1/threads")).body.data.threads).toEqual([]);
  });
});

describe("messages, execution modes", () => {
  it("answers the last user message of `messages` (content, else its parts' text)", async () => {
    const c = client("messages");
    await seedOrg(c);
    const history = [
      { role: "system", content: "Answer briefly." },
      { role: "user", content: "What does the build do?" },
      { role: "assistant", content: "It compiles and tests the app." },
    ];
    const { result: byParts } = await runJson(c, {
      agent: "code-assistant",
      messages: [...history, { role: "user", parts: [{ type: "text", text: "hello " }, { type: "text", text: "world" }] }],
    });
    expect(byParts).toMatchObject({ status: "completed", result: reply("code-assistant", "hello world"), iterations: 1 });

    const { result: byContent } = await runJson(c, { agent: "code-assistant", messages: [...history, { role: "assistant", content: "Anything else?" }] });
    expect(byContent.result).toBe(reply("code-assistant", "What does the build do?"));

    // prompt wins when both are sent.
    const { result: both } = await runJson(c, { agent: "code-assistant", prompt: "the prompt", messages: history });
    expect(both.result).toBe(reply("code-assistant", "the prompt"));

    const streamed = await runStreamed(c, { agent: "code-assistant", messages: [{ role: "user", content: "streamed history" }] });
    expect(expectCompletedStream(streamed.frames).content).toBe(reply("code-assistant", "streamed history"));

    const { events } = await threadEvents(c, byParts.threadId);
    expect(events.find((e) => e.type === "user_message")?.payload).toEqual({ content: "hello world" });
  });

  it("dispatches a local-mac agent: JSON status dispatched, result null, zero usage", async () => {
    const c = client("mac");
    const agent = await upsertLocalMac(c);
    const { result } = await runJson(c, { agent: "mac-helper", prompt: "open Xcode" });
    expect(result).toEqual({
      runId: expect.stringMatching(RUN_ID),
      sandboxId: null,
      threadId: expect.stringMatching(THREAD_ID),
      rolloutId: expect.stringMatching(/^rol_/),
      executionMode: "local-mac",
      targetDeviceId: "dev_8Kq2Nf5Xr",
      status: "dispatched",
      result: null,
      usage: expect.any(Object),
      iterations: 0,
    });
    expectUsage(result.usage, true);

    const { events } = await threadEvents(c, result.threadId);
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ["run_started", { agentId: agent.id, executionMode: "local-mac" }],
      ["user_message", { content: "open Xcode" }],
    ]);
    const runs = await listRuns(c);
    expect(runs.data).toEqual([expect.objectContaining({ id: result.runId, status: "dispatched", completedAt: null, sandboxId: null })]);
  });

  it("streams a local-mac run as run_started then run_dispatched, and ends", async () => {
    const c = client("macsse");
    const agent = await upsertLocalMac(c);
    const streamed = await runStreamed(c, { agent: "mac-helper", prompt: "open Xcode" });
    expect(streamed.frames.map((f) => f.event)).toEqual(["run_started", "run_dispatched"]);
    expect(streamed.frames[0]?.data).toMatchObject({ threadId: streamed.threadId, agentId: agent.id, executionMode: "local-mac" });
    expect(streamed.frames[1]?.data).toEqual({ type: "run_dispatched", runId: streamed.runId, targetDeviceId: "dev_8Kq2Nf5Xr" });
    expect((await listRuns(c, "?status=dispatched")).data.map((r) => r.id)).toEqual([streamed.runId]);
    expect((await threadEvents(c, streamed.threadId)).events.map((e) => e.type)).toEqual(["run_started", "user_message"]);
  });

  it("runs a managed agent without any sandbox", async () => {
    const c = client("managed");
    const upsert = await upsertManaged(c, "data-analyst");
    expect(upsert.status).toBe(201);
    expect((await c.get("/v1/sandboxes")).body.data).toEqual([]);
    const { result } = await runJson(c, { agent: "data-analyst", prompt: "sum it" });
    expect(result).toMatchObject({ sandboxId: null, executionMode: "managed", targetDeviceId: null, status: "completed", result: reply("data-analyst", "sum it"), iterations: 1 });
    const streamed = await runStreamed(c, { agent: "data-analyst", prompt: "again", threadId: result.threadId });
    expect(expectCompletedStream(streamed.frames).content).toBe(reply("data-analyst", "again"));
    expect((streamed.frames[0] as SseFrame).data.executionMode).toBe("managed");
    const runs = await listRuns(c);
    expect(runs.data.map((r) => [r.status, r.sandboxId])).toEqual([
      ["completed", null],
      ["completed", null],
    ]);
  });
});

describe("listing and cancelling runs", () => {
  it("lists runs newest first, filtered by agent (slug or id) and status, with limit/cursor pages", async () => {
    const c = client("list");
    const { agent, sandbox } = await seedOrg(c);
    const analyst = (await upsertManaged(c, "data-analyst")).body.data;
    await upsertLocalMac(c);
    const r1 = (await runJson(c, { agent: "code-assistant", prompt: "one" })).result;
    const r2 = (await runJson(c, { agent: "data-analyst", prompt: "two" })).result;
    const r3 = (await runJson(c, { agent: "mac-helper", prompt: "three" })).result;
    const r4 = (await runStreamed(c, { agent: "code-assistant", prompt: "four", threadId: r1.threadId })).runId;

    const all = await listRuns(c);
    // The docs' all=true (admin broadening) shows nothing more: a key already sees every run of its organization.
    expect((await listRuns(c, "?all=true")).data).toEqual(all.data);
    expect(all.hasMore).toBe(false);
    expect(all.nextCursor).toBeNull();
    expect(all.data.map((r) => r.id)).toEqual([r4, r3.runId, r2.runId, r1.runId]);
    const [s4, s3, s2, s1] = all.data as [RunSummary, RunSummary, RunSummary, RunSummary];
    expect(s1).toEqual({
      id: r1.runId,
      agentId: agent.id,
      agentSlug: "code-assistant",
      threadId: r1.threadId,
      sandboxId: sandbox.id,
      userId: expect.stringMatching(UUID),
      status: "completed",
      createdAt: expect.any(String),
      completedAt: expect.any(String),
    });
    expect(Date.parse(s1.completedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(s1.createdAt));
    expect(s4).toMatchObject({ threadId: r1.threadId, status: "completed", agentSlug: "code-assistant" });
    expect(s2).toMatchObject({ agentId: analyst.id, agentSlug: "data-analyst", sandboxId: null, status: "completed" });
    expect(s3).toMatchObject({ agentSlug: "mac-helper", sandboxId: null, status: "dispatched", completedAt: null });
    for (const run of all.data) expect(run.userId).toBe(s1.userId);

    expect(await runIds(c, "?agent=code-assistant")).toEqual([r4, r1.runId]);
    expect(await runIds(c, `?agent=${agent.id}`)).toEqual([r4, r1.runId]);
    expect(await runIds(c, "?agent=data-analyst")).toEqual([r2.runId]);
    expect(await runIds(c, "?agent=nobody")).toEqual([]);
    expect(await runIds(c, "?status=completed")).toEqual([r4, r2.runId, r1.runId]);
    expect(await runIds(c, "?status=dispatched")).toEqual([r3.runId]);
    expect(await runIds(c, "?status=cancelled")).toEqual([]);
    expect(await runIds(c, "?agent=code-assistant&status=completed")).toEqual([r4, r1.runId]);
    expect(await runIds(c, "?agent=mac-helper&status=completed")).toEqual([]);

    // Pages of one.
    const seen: string[] = [];
    let query = "?limit=1";
    for (let page = 0; page < 10; page++) {
      const res = await listRuns(c, query);
      expect(res.data).toHaveLength(1);
      seen.push(...res.data.map((r) => r.id));
      if (!res.hasMore) {
        expect(res.nextCursor).toBeNull();
        break;
      }
      expect(typeof res.nextCursor).toBe("string");
      query = `?limit=1&cursor=${encodeURIComponent(res.nextCursor ?? "")}`;
    }
    expect(seen).toEqual([r4, r3.runId, r2.runId, r1.runId]);
    const filteredPage = await listRuns(c, "?status=completed&limit=2");
    expect(filteredPage.data.map((r) => r.id)).toEqual([r4, r2.runId]);
    expect(filteredPage.hasMore).toBe(true);
    const rest = await listRuns(c, `?status=completed&limit=2&cursor=${encodeURIComponent(filteredPage.nextCursor ?? "")}`);
    expect(rest).toMatchObject({ hasMore: false, nextCursor: null });
    expect(rest.data.map((r) => r.id)).toEqual([r1.runId]);

    expectBadRequest(await c.get("/v1/run?status=sleeping"), "/query/status");
    expectBadRequest(await c.get("/v1/run?limit=0"), "/query/limit");
    expectBadRequest(await c.get("/v1/run?limit=501"), "/query/limit");
    expectError(await c.get("/v1/run?cursor=not-a-cursor"), 400, "bad_request");
    expectError(await c.get("/v1/run", { anonymous: true }), 401, "unauthorized");
  });

  it("cancels a dispatched run (200, then listed cancelled); refuses a finished one (409), an unknown one (404), a malformed id (400)", async () => {
    const c = client("cancel");
    await seedOrg(c);
    await upsertLocalMac(c);
    const done = (await runJson(c, { agent: "code-assistant", prompt: "done" })).result;
    const mac = (await runJson(c, { agent: "mac-helper", prompt: "open Xcode" })).result;

    expect(expectError(await c.post(`/v1/run/${done.runId}/cancel`), 409, "conflict").message).toContain(done.runId);
    expect((await listRuns(c, "?agent=code-assistant")).data[0]?.status).toBe("completed");

    const cancel = await c.post(`/v1/run/${mac.runId}/cancel`);
    expect(cancel.status).toBe(200);
    expect(cancel.body.data).toEqual({ id: mac.runId, status: "cancelled" });
    const cancelled = await listRuns(c, "?status=cancelled");
    expect(cancelled.data).toEqual([expect.objectContaining({ id: mac.runId, status: "cancelled", completedAt: expect.any(String) })]);
    expect(await runIds(c, "?status=dispatched")).toEqual([]);
    const { events } = await threadEvents(c, mac.threadId);
    expect(events.map((e) => e.type)).toEqual(["run_started", "user_message", "run_completed"]);
    expect(events.at(-1)).toMatchObject({ runId: mac.runId, rolloutId: mac.rolloutId, payload: { status: "cancelled" } });

    // A second cancel: the run already finished.
    expectError(await c.post(`/v1/run/${mac.runId}/cancel`), 409, "conflict");
    expect((await threadEvents(c, mac.threadId)).events).toHaveLength(3);

    expectError(await c.post("/v1/run/run_doesnotexist1/cancel"), 404, "not_found");
    expectBadRequest(await c.post("/v1/run/not-a-run/cancel"), "/path/id");
    expectError(await c.post(`/v1/run/${mac.runId}/cancel`, undefined, { anonymous: true }), 401, "unauthorized");
  });
});

describe("a stream that ends early (frames 30 ms apart)", () => {
  const slow = useServer({ streamDelayMs: 30 });

  afterEach(() => {
    expect(slow.violations).toEqual([]);
  });

  /** A prompt long enough that its stream takes well over a second at 30 ms a frame. */
  const LONG_PROMPT = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");

  it("leaves the run cancelled when the client disconnects after the first frame", async () => {
    const c = slow.client("disconnect");
    await seedOrg(c);
    const abort = new AbortController();
    const response = await c.openStream("/v1/run", { agent: "code-assistant", prompt: LONG_PROMPT }, abort.signal);
    const { runId, threadId } = streamHeaders(response);
    const frames = await readStream(response, "runAgent", 1, abort);
    expect(frames.map((f) => f.event)).toEqual(["run_started"]);
    expect(frames[0]?.id).toBe("1");

    const cancelled = await eventually(async () => (await runIds(c, "?status=cancelled")).includes(runId));
    expect(cancelled, "the run becomes cancelled after the client disconnects").toBe(true);
    expect(await runIds(c, "?status=running")).toEqual([]);
    const [run] = (await listRuns(c)).data;
    expect(run).toMatchObject({ id: runId, status: "cancelled", completedAt: expect.any(String) });

    const { events } = await threadEvents(c, threadId);
    expect(events.at(-1)).toMatchObject({ runId, type: "run_completed", payload: { status: "cancelled" } });
    expect(events.filter((e) => e.type === "run_completed")).toHaveLength(1);
    expect(events.map((e) => e.type)).not.toContain("assistant_message");

    // The thread goes on: the next run on it completes.
    const next = await runJson(c, { agent: "code-assistant", prompt: "still there?", threadId });
    expect(next.result.status).toBe("completed");
    expect(expectError(await c.post(`/v1/run/${runId}/cancel`), 409, "conflict").message).toContain(runId);
  });

  it("ends an open stream with run_completed {status: cancelled} when the run is cancelled", async () => {
    const c = slow.client("cancelsse");
    await seedOrg(c);
    const response = await c.openStream("/v1/run", { agent: "code-assistant", prompt: LONG_PROMPT });
    const { runId, threadId } = streamHeaders(response);
    const received: SseFrame[] = [];
    for await (const frame of streamFrames(response, "runAgent")) {
      received.push(frame);
      if (received.length === 1) {
        const cancel = await c.post(`/v1/run/${runId}/cancel`);
        expect(cancel.status).toBe(200);
        expect(cancel.body.data).toEqual({ id: runId, status: "cancelled" });
      }
    }
    // The stream ended cleanly (streamFrames checked the frame boundary), with a cancelled run_completed last.
    expectFrameIds(received);
    expect(received[0]?.event).toBe("run_started");
    const last = received.at(-1) as SseFrame;
    expect(last.event).toBe("run_completed");
    expect(last.data).toMatchObject({ runId, status: "cancelled" });
    expect(received.filter((f) => f.event === "run_completed")).toHaveLength(1);
    expect(received.map((f) => f.event)).not.toContain("assistant_message");
    for (const frame of received) expect(frame.data.runId).toBe(runId);

    expect((await listRuns(c)).data[0]).toMatchObject({ id: runId, status: "cancelled" });
    const { events } = await threadEvents(c, threadId);
    expect(events.at(-1)).toMatchObject({ runId, type: "run_completed", payload: { status: "cancelled" } });
    expect(events.filter((e) => e.type === "run_completed")).toHaveLength(1);
    expectError(await c.post(`/v1/run/${runId}/cancel`), 409, "conflict");
  });

  it("still completes a stream that is read to the end", async () => {
    const c = slow.client("slowdone");
    await seedOrg(c);
    const streamed = await runStreamed(c, { agent: "code-assistant", prompt: "run `echo slow`" });
    const { tools } = expectCompletedStream(streamed.frames);
    expect(tools[1]?.data.output).toEqual({ stdout: "slow\n", stderr: "", exitCode: 0 });
    expect((await listRuns(c)).data[0]).toMatchObject({ id: streamed.runId, status: "completed" });
  });
});
