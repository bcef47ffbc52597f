/**
 * createFetchHandler() as a front-end or SDK test suite meets it: behind MSW 2, answering
 * `fetch("https://api.runtools.ai/…")` with the stateful mock and no port, and called directly
 * through the typed client's `fetch` option.
 */
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFetchHandler } from "../src/index.ts";
import { createRunToolsClient } from "../src/client/index.ts";
import type { RunStreamEvent } from "../src/types.ts";

const API = "https://api.runtools.ai";
const handler = createFetchHandler({ streamDelayMs: 0 });
const server = setupServer(http.all(`${API}/*`, ({ request }) => handler(request)));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const headers = { "X-API-Key": "rt_test_msw", "Content-Type": "application/json" };

describe("createFetchHandler() behind MSW", () => {
  it("keeps state across requests: a created agent is read back", async () => {
    const created = await fetch(`${API}/v1/agents`, { method: "POST", headers, body: JSON.stringify({ slug: "msw-agent", executionMode: "managed" }) });
    expect(created.status).toBe(201);
    expect(created.headers.get("x-request-id")).toMatch(/^req_/);
    const read = await fetch(`${API}/v1/agents/msw-agent`, { headers });
    expect(read.status).toBe(200);
    const { data } = (await read.json()) as { data: { slug: string } };
    expect(data).toMatchObject({ slug: "msw-agent" });
  });

  it("validates like the server: a bad body is a 400 envelope and creates nothing", async () => {
    const refused = await fetch(`${API}/v1/agents`, { method: "POST", headers, body: JSON.stringify({ slug: "Not A Slug!", executionMode: "managed" }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("bad_request");
    const list = (await (await fetch(`${API}/v1/agents`, { headers })).json()) as { data: { slug: string }[] };
    expect(list.data.map((agent) => agent.slug)).toEqual(["msw-agent"]);
  });

  it("refuses an oversized body with 413 before reading it all", async () => {
    const huge = await fetch(`${API}/v1/agents`, { method: "POST", headers, body: JSON.stringify({ slug: "x".repeat(2 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
  });

  it("streams a run through the typed client: typed events in order, and the run on its thread", async () => {
    const api = createRunToolsClient({ baseUrl: API, apiKey: "rt_test_msw" });
    const run = await api.streamRun({ agent: "msw-agent", prompt: "hello" });
    const events: RunStreamEvent[] = [];
    for await (const event of run) events.push(event);
    expect(events[0]?.type).toBe("run_started");
    expect(events.at(-1)).toMatchObject({ type: "run_completed", status: "completed", runId: run.runId });
    const reply = events.filter((event) => event.type === "assistant_message").map((event) => ("content" in event ? event.content : ""));
    expect(reply.join("")).toContain("You said: hello");
    const thread = await api.GET("/v1/threads/{threadId}", { params: { path: { threadId: run.threadId ?? "" } } });
    expect(thread.response.status).toBe(200);
  });

  it("answers the control plane in-process, which resets the state", async () => {
    expect((await fetch(`${API}/__mock/reset`, { method: "POST" })).status).toBe(200);
    const list = (await (await fetch(`${API}/v1/agents`, { headers })).json()) as { data: unknown[] };
    expect(list.data).toEqual([]);
  });
});

describe("createFetchHandler() as the typed client's fetch, with no network at all", () => {
  it("creates a sandbox from a body that leaves its documented defaults out", async () => {
    const api = createRunToolsClient({ baseUrl: API, apiKey: "rt_test_direct", fetch: createFetchHandler() });
    const { data, error, response } = await api.POST("/v1/sandboxes", { body: { name: "build-runner" } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(201);
    expect(data?.data).toMatchObject({ name: "build-runner", template: "base-ubuntu" });
  });
});
