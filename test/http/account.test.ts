/**
 * The caller, organizations, API keys that authenticate, and the activity feed, black-box through
 * the real server (issue 14; spec tags `organizations`, `api-keys`, `activity`). Every response is
 * validated against the spec by the contract client, and the server's own response validation
 * must log no violation.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ActivityEvent, ApiKey, NewApiKey, Organization } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { createSandbox, expectError } from "./helpers.ts";
import { runJson, seedOrg } from "./run-helpers.ts";

const { client, server, violations } = useServer({ streamDelayMs: 0 });

afterEach(() => expect(violations).toEqual([]));
afterAll(() => expect(violations).toEqual([]));

async function createKey(c: ContractClient, body: Record<string, unknown> = { name: "ci" }): Promise<NewApiKey> {
  const res = await c.post<{ data: NewApiKey; message: string }>("/v1/api-keys", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.message).toBe("Store this key securely. You will not be able to see it again.");
  return res.body.data;
}

async function activity(c: ContractClient, query = ""): Promise<ActivityEvent[]> {
  const res = await c.get<{ data: { events: ActivityEvent[] } }>(`/v1/activity${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.events;
}

describe("the caller and its organization", () => {
  it("answers /v1/me and /v1/organizations/current from the key, and lists the caller as a member", async () => {
    const c = client("me");
    // Stored by its first accepted change: until then each read builds it afresh (docs/input-rules.md).
    expect((await c.post("/v1/workspaces", { name: "Stored" })).status).toBe(201);
    const me = (await c.get("/v1/me")).body.data;
    const current = (await c.get<{ data: Organization }>("/v1/organizations/current")).body.data;
    expect(me).toMatchObject({ isAdmin: true, accessGranted: true });
    expect((await c.get(`/v1/organizations/${current.id}`)).body.data).toEqual(current);
    const members = (await c.get(`/v1/organizations/${current.id}/members`)).body.data;
    expect(members.map((m: { userId: string }) => m.userId)).toEqual([me.id]);
  });

  it("answers another organization with 404, whether it exists or not", async () => {
    const a = client("orgA");
    const b = client("orgB");
    const aOrg = (await a.get<{ data: Organization }>("/v1/organizations/current")).body.data;
    expectError(await b.get(`/v1/organizations/${aOrg.id}`), 404, "not_found");
    expectError(await b.get(`/v1/organizations/${aOrg.id}/members`), 404, "not_found");
    expectError(await b.get("/v1/organizations/4d2c8e1a-0000-4000-8000-000000000000"), 404, "not_found");
  });

  it("creates an organization the creator can read and others cannot; the key stays in its own organization", async () => {
    const c = client("creator");
    const before = (await c.get<{ data: Organization }>("/v1/organizations/current")).body.data;
    const res = await c.post("/v1/organizations", { name: "Acme" });
    expect(res.status).toBe(201);
    const created = res.body.data;
    expect(created).toMatchObject({ name: "Acme", role: "admin" });
    expect((await c.get(`/v1/organizations/${created.id}`)).body.data.name).toBe("Acme");
    expect((await c.get("/v1/organizations/current")).body.data.id).toBe(before.id);
    expectError(await client("stranger").get(`/v1/organizations/${created.id}`), 404, "not_found");
    expectError(await c.post("/v1/organizations", {}), 400, "bad_request");
  });
});

describe("API keys", () => {
  it("authenticates a created key as its creator's organization and user at once", async () => {
    const c = client("issuer");
    const key = await createKey(c, { name: "ci", isTest: true });
    expect(key.key).toMatch(/^rt_test_[A-Za-z0-9]{32}$/);
    const viaKey = c.as(key.key);
    expect((await viaKey.get("/v1/me")).body.data.id).toBe((await c.get("/v1/me")).body.data.id);
    expect((await viaKey.get("/v1/organizations/current")).body.data.id).toBe((await c.get("/v1/organizations/current")).body.data.id);
    await createSandbox(viaKey, { name: "made-by-new-key" });
    expect((await c.get("/v1/sandboxes/made-by-new-key")).status).toBe(200);
    expect((await c.get<{ data: ApiKey }>(`/v1/api-keys/${key.id}`)).body.data.lastUsedAt).not.toBeNull();
  });

  it("never shows the secret after the create: not in lists, reads, updates, the activity feed or the journal", async () => {
    const c = client("secretive");
    const key = await createKey(c);
    const texts = [
      JSON.stringify((await c.get("/v1/api-keys")).body),
      JSON.stringify((await c.get(`/v1/api-keys/${key.id}`)).body),
      JSON.stringify((await c.patch(`/v1/api-keys/${key.id}`, { name: "renamed" })).body),
      JSON.stringify(await activity(c)),
      await (await fetch(`${server().url}/__mock/requests?operationId=createApiKey`)).text(),
      await (await fetch(`${server().url}/__mock/state`, { headers: { "X-API-Key": c.apiKey } })).text(),
    ];
    for (const text of texts) expect(text).not.toContain(key.key);
    // The journal keeps the answer, with the key cut to its shown prefix.
    expect(texts[4]).toContain(`${key.keyPrefix}…`);
  });

  it("refuses a revoked key with 401 at once, and leaves it out of the list", async () => {
    const c = client("revoker");
    const key = await createKey(c);
    expect((await c.as(key.key).get("/v1/me")).status).toBe(200);
    expect((await c.delete(`/v1/api-keys/${key.id}`)).body.data).toEqual({ id: key.id, deleted: true });
    const refused = expectError(await c.as(key.key).get("/v1/me"), 401, "invalid_token");
    expect(refused.message).toBe("API key not found or revoked");
    expect((await c.get<{ data: ApiKey[] }>("/v1/api-keys")).body.data).toEqual([]);
    expect((await c.get(`/v1/api-keys/${key.id}`)).body.data.status).toBe("revoked");
    expectError(await c.delete(`/v1/api-keys/${key.id}`), 404, "not_found");
  });

  it("rotates a key: the old secret stops working, the new one works", async () => {
    const c = client("rotator");
    const old = await createKey(c, { name: "ci", scopes: ["agent:run"] });
    const res = await c.post<{ data: NewApiKey }>(`/v1/api-keys/${old.id}/rotate`, {});
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ name: "ci", scopes: ["agent:run"] });
    expectError(await c.as(old.key).get("/v1/me"), 401, "invalid_token");
    expect((await c.as(res.body.data.key).get("/v1/me")).status).toBe(200);
    expectError(await c.post(`/v1/api-keys/${old.id}/rotate`, {}), 409, "conflict");
  });

  it("hides one organization's keys from another", async () => {
    const key = await createKey(client("keyOwner"));
    expectError(await client("keyThief").get(`/v1/api-keys/${key.id}`), 404, "not_found");
  });
});

describe("the activity feed", () => {
  it("records sandbox, agent, run and tool-call changes, newest first, and filters them", async () => {
    const c = client("feed");
    const { sandbox } = await seedOrg(c);
    const { result: run } = await runJson(c, { agent: "code-assistant", prompt: "run `echo hi`" });
    const events = await activity(c);
    const types = events.map((e) => e.eventType);
    expect(types.slice(0, 4)).toEqual(["agent.run.completed", "tool.call.completed", "tool.call.started", "agent.run.started"]);
    expect(types).toContain("agent.created");
    expect(types.at(-1)).toBe("sandbox.created");
    expect((await activity(c, `?agent_run_id=${run.runId}`)).every((e) => e.agentRunId === run.runId)).toBe(true);
    expect((await activity(c, "?resource_type=agent")).map((e) => e.eventType)).toEqual(["agent.created"]);
    const sandboxFeed = (await c.get(`/v1/sandboxes/${sandbox.id}/activity`)).body.data.events as ActivityEvent[];
    expect(sandboxFeed.every((e) => e.sandboxId === sandbox.id)).toBe(true);
    expect(sandboxFeed.map((e) => e.eventType)).toContain("agent.run.completed");
    const threadFeed = (await c.get(`/v1/threads/${run.threadId}/activity?limit=1`)).body;
    expect(threadFeed.data.events.map((e: ActivityEvent) => e.eventType)).toEqual(["agent.run.completed"]);
    expect(threadFeed.hasMore).toBe(true);
    expect((await client("feedOther").get("/v1/activity")).body.data.events).toEqual([]);
  });

  it("records nothing for a rejected request, and 404s the feed of a sandbox or thread it does not have", async () => {
    const c = client("feedRejected");
    expectError(await c.post("/v1/sandboxes/nope/pause"), 404, "not_found");
    expect(await activity(c)).toEqual([]);
    expectError(await c.get("/v1/sandboxes/nope/activity"), 404, "not_found");
    expectError(await c.get("/v1/threads/thr_nope/activity"), 404, "not_found");
  });
});

describe("secrets", () => {
  it("creates (201) and rotates (200) a secret, lists it without its value, reveals it audited, and deletes it", async () => {
    const c = client("secrets");
    const created = await c.post("/v1/secrets", { name: "openai-api-key", value: "sk-one" });
    expect(created.status).toBe(201);
    expect(created.body.data.name).toBe("OPENAI_API_KEY");
    expect((await c.post("/v1/secrets", { name: "OPENAI_API_KEY", value: "sk-two" })).status).toBe(200);
    const list = await c.get("/v1/secrets");
    expect(list.body.data.map((s: { name: string }) => s.name)).toEqual(["OPENAI_API_KEY"]);
    expect(JSON.stringify(list.body)).not.toContain("sk-two");
    expect((await c.post("/v1/secrets/openai-api-key/reveal")).body.data).toEqual({ name: "OPENAI_API_KEY", value: "sk-two" });
    const audit = await activity(c, "?event_type=secret.revealed");
    expect(audit).toHaveLength(1);
    expect((await c.delete("/v1/secrets/OPENAI_API_KEY")).body.data).toEqual({ id: "OPENAI_API_KEY", deleted: true });
    expectError(await c.post("/v1/secrets/OPENAI_API_KEY/reveal"), 404, "not_found");
    const journal = await (await fetch(`${server().url}/__mock/requests?org=${(await c.get("/v1/organizations/current")).body.data.id}`)).text();
    expect(journal).not.toContain("sk-one");
    expect(journal).not.toContain("sk-two");
    expect(JSON.stringify(await activity(c))).not.toContain("sk-two");
  });

  it("refuses a name nested too deep with a 400, and the journal still lists it with nothing of the value", async () => {
    const c = client("secretsDeep");
    const rawBody = `{"name":${"[".repeat(10_000)}${"]".repeat(10_000)},"value":"sk-deep"}`;
    expectError(await c.request("POST", "/v1/secrets", { rawBody, headers: { "Content-Type": "application/json" } }), 400, "bad_request");
    const journal = await fetch(`${server().url}/__mock/requests?operationId=upsertSecret&limit=1`);
    expect(journal.status).toBe(200);
    expect(await journal.text()).not.toContain("sk-deep");
  });

  it("keeps a private secret from another key's user of the same organization", async () => {
    expectError(await client("secretsOther").post("/v1/secrets/ANYTHING/reveal"), 404, "not_found");
    expectError(await client("secretsBad").post("/v1/secrets", { name: "--", value: "x" }), 400, "bad_request");
  });
});

describe("API key lifetimes", () => {
  it("refuses a lifetime whose expiry would not be a four-digit year, and accepts the longest one that is", async () => {
    const c = client("lifetimes");
    expectError(await c.post("/v1/api-keys", { name: "too-long", expiresIn: "9999y" }), 400, "bad_request");
    const longest = await c.post("/v1/api-keys", { name: "longest", expiresIn: "999y" });
    expect(longest.status).toBe(201);
    expect(new Date(longest.body.data.expiresAt).getUTCFullYear()).toBeLessThan(10_000);
    expect((await c.get("/v1/api-keys")).status).toBe(200);
  });
});

describe("fidelity fixes to operations that exist", () => {
  it("takes the docs' own thread id thr_docs_example as an id (404 when unknown, not a 400)", async () => {
    const c = client("docsThread");
    await c.post("/v1/agents", { slug: "helper", executionMode: "managed" });
    const res = await c.post("/v1/run", { agent: "helper", prompt: "hi", threadId: "thr_docs_example", stream: false });
    expect(expectError(res, 404, "not_found").message).toBe("Thread 'thr_docs_example' not found");
    expectError(await c.get("/v1/threads/thr_docs_example"), 404, "not_found");
  });

  it("lists up to 500 workspaces without a limit, as a client reading only data.workspaces expects", async () => {
    const c = client("bigLists");
    for (let i = 0; i < 55; i++) expect((await c.post("/v1/workspaces", { name: `Workspace ${i}` })).status).toBe(201);
    const list = await c.get("/v1/workspaces");
    expect(list.body.data.workspaces).toHaveLength(56);
    expect(list.body.hasMore).toBe(false);
  });
});

describe("the rest of threads", () => {
  it("lists a thread's rollouts, one per run, and the legacy agent-thread list agrees with GET /v1/threads?agent=", async () => {
    const c = client("rollouts");
    await seedOrg(c);
    const { result: first } = await runJson(c, { agent: "code-assistant", prompt: "hello" });
    const { result: second } = await runJson(c, { agent: "code-assistant", prompt: "again", threadId: first.threadId });
    const res = await c.get(`/v1/threads/${first.threadId}/rollouts`);
    expect(res.status).toBe(200);
    expect(res.body.data.rollouts.map((r: { rolloutId: string }) => r.rolloutId)).toEqual([first.rolloutId, second.rolloutId]);
    expect(res.body.data.rollouts.every((r: { completedAt: string | null }) => r.completedAt !== null)).toBe(true);
    const legacy = await c.get("/v1/run/threads?agent=code-assistant");
    expect(legacy.body.data).toEqual((await c.get("/v1/threads?agent=code-assistant")).body.data);
    expect(legacy.body.data.threads.map((t: { id: string }) => t.id)).toEqual([first.threadId]);
    expectError(await c.get("/v1/run/threads"), 400, "bad_request");
    expectError(await client("rolloutsOther").get(`/v1/threads/${first.threadId}/rollouts`), 404, "not_found");
  });
});
