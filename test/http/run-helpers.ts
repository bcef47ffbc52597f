/**
 * Helpers shared by the black-box tests of runs and threads (runs.test.ts, threads.test.ts).
 * Everything goes through the real server and the contract client, which validates every JSON
 * response against spec/openapi.yaml; streamed frames are validated against the run operations'
 * `x-sse-event-schema` (test/support/sse.ts).
 */
import { expect } from "vitest";
import type { AgentUpsertResult, RunResult, RunSummary, Sandbox, Thread, ThreadEvent } from "../../src/api-types.ts";
import type { ContractClient, TestResponse } from "../support/contract-client.ts";
import { readStream, type SseFrame } from "../support/sse.ts";
import { SEED_BODY, createRunningSandbox } from "./helpers.ts";

export const RUN_ID = /^run_[A-Za-z0-9]+$/;
export const THREAD_ID = /^thr_[A-Za-z0-9]+$/;
export const ROLLOUT_ID = /^rol_[A-Za-z0-9]+$/;
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The deterministic default reply (spec `runAgent`, Mock decision (issue 4)). */
export function reply(slug: string, prompt: string): string {
  return `[${slug}] You said: ${prompt}`;
}

/** The seed's organization: the sandbox build-runner (running) and the seed agent on it. */
export interface SeededOrg {
  sandbox: Sandbox;
  agent: AgentUpsertResult;
  /** The upsert's `endpoint`, made relative to the server. */
  endpointPath: string;
}

/** Creates build-runner, waits for it to run, and upserts the seed agent (with exec_command). */
export async function seedOrg(c: ContractClient, extra: Record<string, unknown> = {}): Promise<SeededOrg> {
  const sandbox = await createRunningSandbox(c, { name: "build-runner" });
  expect(SEED_BODY.tools).toContain("exec_command");
  const upsert = await c.post<{ data: AgentUpsertResult }>("/v1/agents", { ...SEED_BODY, ...extra });
  expect(upsert.status, JSON.stringify(upsert.body)).toBe(201);
  const agent = upsert.body.data;
  expect(agent.sandboxId).toBe(sandbox.id);
  const endpoint = new URL(agent.endpoint);
  expect(endpoint.origin).toBe(new URL(c.baseUrl).origin);
  return { sandbox, agent, endpointPath: endpoint.pathname };
}

/** Upserts a local-mac agent bound to a RunMesh device. */
export async function upsertLocalMac(c: ContractClient, slug = "mac-helper", targetDeviceId = "dev_8Kq2Nf5Xr"): Promise<AgentUpsertResult> {
  const res = await c.post<{ data: AgentUpsertResult }>("/v1/agents", { slug, executionMode: "local-mac", targetDeviceId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

/** Runs with `stream: false` (on POST /v1/run unless `path` says otherwise); asserts the 200 and its headers. */
export async function runJson(
  c: ContractClient,
  body: Record<string, unknown>,
  path = "/v1/run",
): Promise<{ result: RunResult; res: TestResponse<{ data: RunResult }> }> {
  const res = await c.post<{ data: RunResult }>(path, { ...body, stream: false });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.operationId).toBe(path === "/v1/run" ? "runAgent" : "runAgentLegacy");
  expect(Object.keys(res.body).sort()).toEqual(["data", "meta"]);
  const result = res.body.data;
  expect(result.runId).toMatch(RUN_ID);
  expect(result.threadId).toMatch(THREAD_ID);
  expect(result.rolloutId).toMatch(ROLLOUT_ID);
  expect(res.headers.get("x-run-id")).toBe(result.runId);
  expect(res.headers.get("x-thread-id")).toBe(result.threadId);
  return { result, res };
}

/** A finished stream: its headers and every frame (each validated against the spec). */
export interface Streamed {
  runId: string;
  threadId: string;
  frames: SseFrame[];
}

/** Opens a streamed run (the body's `stream` left out: the default), reads it to the end. */
export async function runStreamed(c: ContractClient, body: Record<string, unknown>, path = "/v1/run"): Promise<Streamed> {
  const operationId = path === "/v1/run" ? "runAgent" : "runAgentLegacy";
  const response = await c.openStream(path, body);
  const { runId, threadId } = streamHeaders(response);
  const frames = await readStream(response, operationId);
  expectFrameIds(frames);
  for (const frame of frames) expect(frame.data.runId).toBe(runId);
  return { runId, threadId, frames };
}

/** The X-Run-ID and X-Thread-ID of a stream, checked for shape. */
export function streamHeaders(response: Response): { runId: string; threadId: string } {
  expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const runId = response.headers.get("x-run-id") ?? "";
  const threadId = response.headers.get("x-thread-id") ?? "";
  expect(runId).toMatch(RUN_ID);
  expect(threadId).toMatch(THREAD_ID);
  return { runId, threadId };
}

/** Frame ids count the stream's frames from 1. */
export function expectFrameIds(frames: readonly SseFrame[]): void {
  expect(frames.map((f) => f.id)).toEqual(frames.map((_, i) => String(i + 1)));
}

/**
 * Asserts the documented order of a completed run's stream: run_started; deltas (a tool call as
 * tool_call_started directly followed by its tool_call_completed); assistant_message equal to the
 * deltas joined; run_completed last. Answers the assistant's text and the tool frames.
 */
export function expectCompletedStream(frames: readonly SseFrame[]): { content: string; tools: SseFrame[]; completed: SseFrame } {
  expect(frames.length).toBeGreaterThanOrEqual(4);
  const events = frames.map((f) => f.event);
  expect(events[0]).toBe("run_started");
  expect(events.at(-2)).toBe("assistant_message");
  expect(events.at(-1)).toBe("run_completed");
  const middle = frames.slice(1, -2);
  for (const frame of middle) expect(["assistant_message_delta", "tool_call_started", "tool_call_completed"]).toContain(frame.event);
  const deltas = middle.filter((f) => f.event === "assistant_message_delta");
  expect(deltas.length).toBeGreaterThan(0);
  const tools = middle.filter((f) => f.event !== "assistant_message_delta");
  for (let i = 0; i < middle.length; i++) {
    const frame = middle[i] as SseFrame;
    if (frame.event === "tool_call_started") {
      const next = middle[i + 1];
      expect(next?.event, "tool_call_started is followed by its tool_call_completed").toBe("tool_call_completed");
      expect(next?.data.toolCallId).toBe(frame.data.toolCallId);
      expect(next?.data.name).toBe(frame.data.name);
    }
    if (frame.event === "tool_call_completed") expect(middle[i - 1]?.event).toBe("tool_call_started");
  }
  const content: string = (frames.at(-2) as SseFrame).data.content;
  expect(deltas.map((d) => d.data.delta as string).join("")).toBe(content);
  const completed = frames.at(-1) as SseFrame;
  expect(completed.data.status).toBe("completed");
  expectUsage(completed.data.usage);
  return { content, tools, completed };
}

/** The usage invariants the spec documents (`RunUsage`). */
export function expectUsage(usage: RunResult["usage"], zero = false): void {
  expect(usage.totalTokens).toBe(usage.promptTokens + usage.completionTokens);
  expect(usage.inputTokens).toBe(usage.promptTokens);
  expect(usage.outputTokens).toBe(usage.completionTokens);
  expect(usage.cachedInputTokens).toBe(0);
  expect(usage.reasoningTokens).toBe(0);
  if (zero) expect(usage.totalTokens).toBe(0);
  else {
    expect(usage.promptTokens).toBeGreaterThan(0);
    expect(usage.completionTokens).toBeGreaterThan(0);
  }
}

/** Every durable event of a thread, through GET /v1/threads/{id}/events (one page of 500). */
export async function threadEvents(c: ContractClient, threadId: string): Promise<{ thread: Thread; events: ThreadEvent[] }> {
  const res = await c.get<{ data: { thread: Thread; events: ThreadEvent[] }; hasMore: boolean }>(`/v1/threads/${threadId}/events?limit=500`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.hasMore).toBe(false);
  const { events } = res.body.data;
  expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
  for (const event of events) expect(event.threadId).toBe(threadId);
  return res.body.data;
}

/** One page of GET /v1/run (`query` is the query string, with its `?`). */
export async function listRuns(c: ContractClient, query = ""): Promise<{ data: RunSummary[]; hasMore: boolean; nextCursor: string | null }> {
  const res = await c.get<{ data: RunSummary[]; hasMore: boolean; nextCursor: string | null }>(`/v1/run${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The ids of GET /v1/run (one page of 500). */
export async function runIds(c: ContractClient, query = ""): Promise<string[]> {
  const sep = query === "" ? "?" : "&";
  return (await listRuns(c, `${query}${sep}limit=500`)).data.map((r) => r.id);
}

/** Polls `check` every 10 ms until it holds or `timeoutMs` passes; answers whether it held. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
