/**
 * The Tool Hub and browser terminal sessions, black-box through the real server (issue 15; spec tags
 * `tools`, `terminal`). Every response is validated against the spec by the contract client, and the
 * server's own response validation must log no violation.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ActivityEvent, CustomTool, TerminalSession, ToolExecution, ToolInstallation } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { createRunningSandbox, expectBadRequest, expectError, upsertManaged } from "./helpers.ts";
import { runJson, threadEvents } from "./run-helpers.ts";

const { client, server, violations } = useServer({ streamDelayMs: 0 });

afterEach(() => expect(violations).toEqual([]));
afterAll(() => expect(violations).toEqual([]));

const CUSTOMER_API = {
  slug: "customer-api",
  name: "Customer API",
  code: "export default defineTool({ name: 'customer-api' })",
  credentialsJson: { required: ["apiKey"] },
  actionsJson: { lookup: { description: "Find a customer by email" } },
};

async function activity(c: ContractClient, query: string): Promise<ActivityEvent[]> {
  const res = await c.get<{ data: { events: ActivityEvent[] } }>(`/v1/activity?${query}`);
  expect(res.status).toBe(200);
  return res.body.data.events;
}

/** Adds a tool script through the control plane. */
async function scriptTool(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${server().url}/__mock/scripts/tools`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
}

describe("POST /v1/tools/{slug}/install", () => {
  it("installs github as the docs show (201), then answers 200 with the same installation", async () => {
    const c = client("install");
    const first = await c.post<{ data: ToolInstallation }>("/v1/tools/github/install");
    expect(first.status).toBe(201);
    expect(first.body.data).toEqual({ slug: "github", installed: true, credentialsRequired: true, credentialMode: "oauth", requiredCredentialFields: [] });
    const again = await c.post<{ data: ToolInstallation }>("/v1/tools/github/install");
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual(first.body.data);
    expect((await activity(c, "event_type=tool.installed")).length).toBe(1);
  });

  it("answers 404 for an unknown tool and 400 for a malformed slug", async () => {
    const c = client("install-errors");
    expectError(await c.post("/v1/tools/no-such-tool/install"), 404, "not_found");
    expectBadRequest(await c.post("/v1/tools/Not_A_Slug/install"), "/path/slug");
  });
});

describe("POST /v1/tools/custom", () => {
  it("creates (201, version 1) then updates (200, version 2, same id), never answering the code", async () => {
    const c = client("custom");
    const created = await c.post<{ data: CustomTool }>("/v1/tools/custom", { ...CUSTOMER_API, version: "1.0.0" });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ slug: "customer-api", action: "created", version: 1, toolVersion: "1.0.0" });
    const updated = await c.post<{ data: CustomTool }>("/v1/tools/custom", { ...CUSTOMER_API, name: "Customers" });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ id: created.body.data.id, action: "updated", version: 2, name: "Customers", toolVersion: null });
    expect(JSON.stringify(updated.body)).not.toContain("defineTool");
  });

  it("refuses a missing code (400), a marketplace slug (409), and changes nothing", async () => {
    const c = client("custom-errors");
    expectBadRequest(await c.post("/v1/tools/custom", { slug: "x", name: "X" }), "/body/code");
    expectError(await c.post("/v1/tools/custom", { ...CUSTOMER_API, slug: "github" }), 409, "conflict");
    expectError(await c.post("/v1/tools/github/execute", { action: "list_repos" }), 404, "not_found");
  });

  it("keeps custom tools per organization", async () => {
    const a = client("custom-a");
    const b = client("custom-b");
    expect((await a.post("/v1/tools/custom", CUSTOMER_API)).status).toBe(201);
    expectError(await b.post("/v1/tools/customer-api/execute", { action: "lookup" }), 404, "not_found");
    expect((await b.post("/v1/tools/custom", CUSTOMER_API)).status).toBe(201);
  });
});

describe("POST /v1/tools/{slug}/execute", () => {
  it("answers the request echoed by default and records tool.executed", async () => {
    const c = client("execute");
    await c.post("/v1/tools/github/install");
    const res = await c.post<{ data: ToolExecution }>("/v1/tools/github/execute", { action: "list_repos", params: { owner: "runtools-ai" } });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ success: true, result: { tool: "github", action: "list_repos", params: { owner: "runtools-ai" } }, durationMs: 0 });
    expect((await activity(c, "tool_slug=github&event_type=tool.executed")).length).toBe(1);
  });

  it("answers a tool script set through the control plane", async () => {
    const c = client("execute-scripted");
    await c.post("/v1/tools/gmail/install");
    const me = (await c.get<{ data: { id: string } }>("/v1/organizations/current")).body.data.id;
    await scriptTool({ org: me, tool: "gmail", success: false, error: { code: "rate_limited", message: "quota", statusCode: 429 }, times: 1 });
    const failed = await c.post<{ data: ToolExecution }>("/v1/tools/gmail/execute", { action: "send" });
    expect(failed.body.data).toEqual({ success: false, result: null, durationMs: 0, error: { code: "rate_limited", message: "quota", statusCode: 429 } });
    expect((await c.post<{ data: ToolExecution }>("/v1/tools/gmail/execute", { action: "send" })).body.data.success).toBe(true);
    expect((await activity(c, "event_type=tool.call.failed")).map((e) => e.toolSlug)).toEqual(["gmail"]);
  });

  it("resolves a custom tool's required credential from a secret, and never echoes credential values", async () => {
    const c = client("execute-credentials");
    await c.post("/v1/tools/custom", CUSTOMER_API);
    const missing = await c.post<{ data: ToolExecution }>("/v1/tools/customer-api/execute", { action: "lookup" });
    expect(missing.body.data).toMatchObject({ success: false, error: { code: "credentials_missing", statusCode: 401 } });
    expect((await c.post("/v1/secrets", { name: "api-key", value: "sk-hidden" })).status).toBe(201);
    const ok = await c.post<{ data: ToolExecution }>("/v1/tools/customer-api/execute", { action: "lookup", params: { email: "ada@example.com" } });
    expect(ok.body.data.success).toBe(true);
    expect(JSON.stringify(ok.body)).not.toContain("sk-hidden");
    const unknown = await c.post<{ data: ToolExecution }>("/v1/tools/customer-api/execute", { action: "delete" });
    expect(unknown.body.data.error?.code).toBe("unknown_action");
  });

  it("keeps per-request credentials out of the request journal, field names only", async () => {
    const c = client("execute-journal");
    await c.post("/v1/tools/custom", CUSTOMER_API);
    const res = await c.post<{ data: ToolExecution }>("/v1/tools/customer-api/execute", { action: "lookup", credentials: { apiKey: "sk-never-journaled" } });
    expect(res.body.data.success).toBe(true);
    const journal = await (await fetch(`${server().url}/__mock/requests?operationId=executeTool&limit=1`)).text();
    expect(journal).toContain("apiKey");
    expect(journal).toContain("[redacted]");
    expect(journal).not.toContain("sk-never-journaled");
  });

  it("answers 400 for a missing action and changes nothing", async () => {
    const c = client("execute-400");
    await c.post("/v1/tools/github/install");
    expectBadRequest(await c.post("/v1/tools/github/execute", { params: {} }), "/body/action");
    expect(await activity(c, "event_type=tool.executed")).toEqual([]);
  });
});

describe("a run that calls a Tool Hub tool", () => {
  it("shows the call in the thread's events and in the activity feed", async () => {
    const c = client("run-tool");
    await c.post("/v1/tools/github/install");
    expect((await upsertManaged(c, "helper", { tools: ["github"] })).status).toBe(201);
    const { result } = await runJson(c, { agent: "helper", prompt: "@github/list_repos" });
    expect(result.iterations).toBe(2);
    const { events } = await threadEvents(c, result.threadId);
    expect(events.find((e) => e.type === "tool_result")?.payload).toMatchObject({ name: "github", output: { success: true } });
    const feed = await activity(c, `agent_run_id=${result.runId}&tool_slug=github`);
    expect(feed.map((e) => e.eventType)).toEqual(["tool.call.completed", "tool.call.started"]);
  });
});

describe("POST /v1/terminal/sandbox-sessions", () => {
  it("mints a one-time session for a running sandbox (201), by id or name", async () => {
    const c = client("terminal");
    const sandbox = await createRunningSandbox(c, { name: "term-box" });
    const res = await c.post<{ data: TerminalSession }>("/v1/terminal/sandbox-sessions", { sandboxId: "term-box" });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ sandboxId: sandbox.id, wsPath: `/v1/terminal/sessions/${res.body.data.sessionId}` });
    expect(Date.parse(res.body.data.expiresAt)).toBeGreaterThan(Date.now());
  });

  it("answers 409 for a paused sandbox, 404 for an unknown one, 400 without sandboxId", async () => {
    const c = client("terminal-errors");
    const sandbox = await createRunningSandbox(c);
    expect((await c.post(`/v1/sandboxes/${sandbox.id}/pause`)).status).toBe(200);
    expectError(await c.post("/v1/terminal/sandbox-sessions", { sandboxId: sandbox.id }), 409, "conflict");
    expectError(await c.post("/v1/terminal/sandbox-sessions", { sandboxId: "sandbox-unknown1" }), 404, "not_found");
    expectBadRequest(await c.post("/v1/terminal/sandbox-sessions", {}), "/body/sandboxId");
  });
});
