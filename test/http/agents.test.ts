/**
 * Agents, black-box through the real server: every operation of the spec's `agents` tag and
 * every error status each one declares (reference Part A "agents upsert", "agent response",
 * "agent rules"; issue 2 "Agents").
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Agent } from "../../src/api-types.ts";
import type { ContractClient, RequestOptions, TestResponse } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import {
  AGENT_KEYS,
  OVERSIZED_JSON_BYTES,
  SEED_BODY,
  UPSERT_RESULT_KEYS,
  createSandbox,
  detailPaths,
  expectBadRequest,
  expectError,
  getAgent,
  jsonOfSize,
  listAllAgents,
  sendRaw,
  upsertManaged,
} from "./helpers.ts";

const { server, client, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

/** An org with the sandbox `build-runner` and the seed agent at version 1. */
async function seeded(label: string): Promise<{ c: ContractClient; sandboxId: string; agent: Agent }> {
  const c = client(label);
  const sandbox = await createSandbox(c, { name: "build-runner" });
  const res = await c.post("/v1/agents", SEED_BODY);
  expect(res.status).toBe(201);
  return { c, sandboxId: sandbox.id, agent: await getAgent(c, "code-assistant") };
}

describe("POST /v1/agents (upsert)", () => {
  it("fills the documented defaults: name is the slug, model claude-sonnet-4, executionMode in_sandbox", async () => {
    const c = client();
    const sandbox = await createSandbox(c, { name: "runner" });
    const res = await c.post("/v1/agents", { slug: "minimal", sandbox: "runner" });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ slug: "minimal", action: "created", version: 1, sandboxId: sandbox.id, targetDeviceId: null });

    const agent = await getAgent(c, "minimal");
    expect(Object.keys(agent).sort()).toEqual(AGENT_KEYS);
    expect(agent).toMatchObject({
      slug: "minimal",
      name: "minimal",
      description: null,
      color: null,
      avatarSeed: null,
      avatarImageUrl: null,
      model: "claude-sonnet-4",
      executionMode: "in_sandbox",
      visibility: "private",
      status: "draft",
      systemPrompt: null,
      toolsJson: [],
      sandboxId: sandbox.id,
      sandboxSlug: "runner",
      targetDeviceId: null,
      configJson: {},
      providerOptions: {},
      envJson: {},
      attachedResources: [],
      version: 1,
      ownerDisplayName: null,
      ownerEmail: null,
    });
    expect(agent.createdBy).toBe(agent.ownerUserId);
  });

  it("answers a later upsert with 200 updated, version + 1 and the same id, replacing the whole definition", async () => {
    const c = client();
    const first = await upsertManaged(c, "writer", {
      description: "Writes things.",
      maxIterations: 10,
      temperature: 0.5,
      env: { MODE: "draft" },
      tools: ["web_search", { name: "github", repo: "acme/docs" }],
    });
    expect(first.status).toBe(201);
    const before = await getAgent(c, "writer");
    expect(before.toolsJson).toEqual(["web_search", { name: "github", repo: "acme/docs" }]);
    expect(before.configJson).toEqual({ maxIterations: 10, temperature: 0.5 });

    const second = await upsertManaged(c, "writer", { model: "gpt-5" });
    expect(second.status).toBe(200);
    expect(second.body.data).toEqual({
      id: first.body.data.id,
      slug: "writer",
      action: "updated",
      version: 2,
      sandboxId: null,
      targetDeviceId: null,
      endpoint: `${server().url}/v1/agents/writer/run`,
    });

    const after = await getAgent(c, "writer");
    expect(after).toMatchObject({ id: before.id, version: 2, model: "gpt-5", description: null, toolsJson: [], configJson: {}, envJson: {} });
    expect(after.createdAt).toBe(before.createdAt);
    expect(Date.parse(after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(before.updatedAt));
  });

  it("stores a local-mac agent with its targetDeviceId and no sandbox", async () => {
    const c = client();
    const res = await c.post("/v1/agents", { slug: "mac-helper", executionMode: "local-mac", targetDeviceId: "dev_8Kq2Nf5Xr" });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ sandboxId: null, targetDeviceId: "dev_8Kq2Nf5Xr", version: 1 });
    const agent = await getAgent(c, "mac-helper");
    expect(agent).toMatchObject({ executionMode: "local-mac", targetDeviceId: "dev_8Kq2Nf5Xr", sandboxId: null, sandboxSlug: null });
  });

  it("accepts unknown request fields and never echoes them back", async () => {
    const c = client();
    const res = await upsertManaged(c, "forward-compatible", {
      futureField: "ignored",
      tier: "pro",
      toolChoice: "auto",
      nested: { deep: true },
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body.data).sort()).toEqual(UPSERT_RESULT_KEYS);
    const agent = await getAgent(c, "forward-compatible");
    expect(Object.keys(agent).sort()).toEqual(AGENT_KEYS);
    expect(JSON.stringify(agent)).not.toContain("futureField");
    expect(JSON.stringify(agent)).not.toContain("tier");
    expect(JSON.stringify(agent)).not.toContain("toolChoice");
    expect(agent.attachedResources).toEqual([]);
  });

  it("links a sandbox named by id or by name and reports the sandbox's id", async () => {
    const c = client();
    const sandbox = await createSandbox(c, { name: "linked-box" });
    const byName = await c.post("/v1/agents", { slug: "by-name", sandbox: "linked-box" });
    const byId = await c.post("/v1/agents", { slug: "by-id", sandbox: sandbox.id });
    expect(byName.body.data.sandboxId).toBe(sandbox.id);
    expect(byId.body.data.sandboxId).toBe(sandbox.id);
    expect((await getAgent(c, "by-id")).sandboxSlug).toBe("linked-box");
  });

  describe("schema violations answer 400 with JSON pointers", () => {
    it.each([
      ["a slug with capitals and an underscore", "/body/slug", { slug: "Code_Assistant", executionMode: "managed" }],
      ["a slug with a trailing hyphen", "/body/slug", { slug: "code-", executionMode: "managed" }],
      ["a missing slug", "/body/slug", { executionMode: "managed" }],
      ["maxTokens above 128000", "/body/maxTokens", { slug: "a", executionMode: "managed", maxTokens: 128001 }],
      ["maxTokens of 0", "/body/maxTokens", { slug: "a", executionMode: "managed", maxTokens: 0 }],
      ["maxIterations above 100", "/body/maxIterations", { slug: "a", executionMode: "managed", maxIterations: 101 }],
      ["a fractional maxIterations", "/body/maxIterations", { slug: "a", executionMode: "managed", maxIterations: 2.5 }],
      ["temperature above 2", "/body/temperature", { slug: "a", executionMode: "managed", temperature: 2.1 }],
      ["an unknown executionMode", "/body/executionMode", { slug: "a", executionMode: "cloud" }],
      ["a string maxTokens", "/body/maxTokens", { slug: "a", executionMode: "managed", maxTokens: "16384" }],
      ["tools that is not an array", "/body/tools", { slug: "a", executionMode: "managed", tools: "web_search" }],
      ["env with a null value", "/body/env/PORT", { slug: "a", executionMode: "managed", env: { PORT: null } }],
      ["env with an array value", "/body/env/HOSTS", { slug: "a", executionMode: "managed", env: { HOSTS: ["a", "b"] } }],
      ["env with an object that is no secret reference", "/body/env/DB", { slug: "a", executionMode: "managed", env: { DB: { name: "DB_URL" } } }],
      ["a secret reference with no letter or digit", "/body/env/DB/secret", { slug: "a", executionMode: "managed", env: { DB: { secret: "--" } } }],
    ])("rejects %s with 400 at %s", async (_label, pointer, body) => {
      const c = client();
      const res = await c.post("/v1/agents", body);
      expectBadRequest(res, pointer);
      expect((await c.get("/v1/agents")).body.data).toEqual([]);
    });

    it("reports every violation of one request at once", async () => {
      const res = await client().post("/v1/agents", { slug: "BAD", maxTokens: 0, maxIterations: 101 });
      expectBadRequest(res, "/body/slug", "/body/maxTokens", "/body/maxIterations");
      expect(res.body.error.details).toHaveLength(3);
      for (const detail of res.body.error.details) expect(typeof detail.message).toBe("string");
    });
  });

  describe("agent rules answer 400", () => {
    it("rejects an in_sandbox agent without a sandbox, pointing at /body/sandbox", async () => {
      const res = await client().post("/v1/agents", { slug: "lonely", executionMode: "in_sandbox" });
      expectBadRequest(res, "/body/sandbox");
    });

    it("rejects an agent with no executionMode and no sandbox, because in_sandbox is the default", async () => {
      const res = await client().post("/v1/agents", { slug: "lonely" });
      expectBadRequest(res, "/body/sandbox");
    });

    it("rejects a local-mac agent without targetDeviceId, pointing at /body/targetDeviceId", async () => {
      const res = await client().post("/v1/agents", { slug: "mac", executionMode: "local-mac" });
      expectBadRequest(res, "/body/targetDeviceId");
    });

    it("rejects a local-mac agent that names a sandbox, pointing at /body/sandbox", async () => {
      const c = client();
      await createSandbox(c, { name: "box" });
      const res = await c.post("/v1/agents", { slug: "mac", executionMode: "local-mac", targetDeviceId: "dev_1", sandbox: "box" });
      expectBadRequest(res, "/body/sandbox");
      expect((await c.get("/v1/agents/mac")).status).toBe(404);
    });
  });

  it("answers 404 naming an unknown sandbox, and creates nothing", async () => {
    const c = client();
    const res = await c.post("/v1/agents", { slug: "orphan", sandbox: "no-such-box" });
    const error = expectError(res, 404, "not_found");
    expect(error.message).toBe("Sandbox 'no-such-box' not found");
    expect(error.details).toBeUndefined();
    expect((await c.get("/v1/agents/orphan")).status).toBe(404);
  });

  it("answers 401 unauthorized without a key, and creates nothing", async () => {
    const c = client();
    const res = await c.post("/v1/agents", { slug: "anon", executionMode: "managed" }, { anonymous: true });
    expectError(res, 401, "unauthorized");
    expect((await c.get("/v1/agents/anon")).status).toBe(404);
  });

  it("answers 413 payload_too_large to a 1.1 MB body, and creates nothing", async () => {
    const c = client();
    const res = await c.request("POST", "/v1/agents", {
      rawBody: jsonOfSize(OVERSIZED_JSON_BYTES, "huge"),
      headers: { "Content-Type": "application/json" },
    });
    expectError(res, 413, "payload_too_large");
    expect((await c.get("/v1/agents/huge")).status).toBe(404);
  });

  it("accepts a body of exactly 1 MiB", async () => {
    const c = client();
    const res = await c.request("POST", "/v1/agents", {
      rawBody: jsonOfSize(1024 * 1024, "exactly"),
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(201);
    const overhead = JSON.stringify({ slug: "exactly", executionMode: "managed", env: { PAD: "" } }).length;
    expect((await getAgent(c, "exactly")).envJson.PAD).toHaveLength(1024 * 1024 - overhead);
  });

  it("answers 415 unsupported_media_type to a text/plain body, and creates nothing", async () => {
    const c = client();
    const res = await c.request("POST", "/v1/agents", {
      rawBody: JSON.stringify({ slug: "plain", executionMode: "managed" }),
      headers: { "Content-Type": "text/plain" },
    });
    expectError(res, 415, "unsupported_media_type");
    expect((await c.get("/v1/agents/plain")).status).toBe(404);
  });
});

describe("the upsert's endpoint", () => {
  it("points at the host the client called, taken from the Host header", async () => {
    const c = client();
    const body = JSON.stringify({ slug: "hosted", executionMode: "managed" });
    const res = await sendRaw(
      server().url,
      "POST",
      "/v1/agents",
      { "X-API-Key": c.apiKey, "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), Host: "mock.localhost:9999" },
      [body],
    );
    expect(res.status).toBe(201);
    expect((res.body as { data: { endpoint: string } }).data.endpoint).toBe("http://mock.localhost:9999/v1/agents/hosted/run");
  });

  describe("on a mock started with a public URL", () => {
    const { client: publicClient, violations: publicViolations } = useServer({ publicUrl: "https://runtools.example.test/" });

    afterEach(() => {
      expect(publicViolations).toEqual([]);
    });

    it("points at the configured public URL instead, without a doubled slash", async () => {
      const res = await upsertManaged(publicClient(), "public");
      expect(res.status).toBe(201);
      expect(res.body.data.endpoint).toBe("https://runtools.example.test/v1/agents/public/run");
    });
  });
});

describe("a rejected request changes nothing", () => {
  const cases: [string, number, (c: ContractClient) => Promise<TestResponse>][] = [
    ["an upsert with a schema violation (400)", 400, (c) => c.post("/v1/agents", { ...SEED_BODY, maxTokens: 999999, name: "Changed" })],
    ["an upsert breaking an agent rule (400)", 400, (c) => c.post("/v1/agents", { ...SEED_BODY, executionMode: "local-mac", name: "Changed" })],
    ["an upsert naming an unknown sandbox (404)", 404, (c) => c.post("/v1/agents", { ...SEED_BODY, sandbox: "ghost", name: "Changed" })],
    ["an upsert without a key (401)", 401, (c) => c.post("/v1/agents", { ...SEED_BODY, name: "Changed" }, { anonymous: true })],
    [
      "an oversized upsert (413)",
      413,
      (c) => c.request("POST", "/v1/agents", { rawBody: jsonOfSize(OVERSIZED_JSON_BYTES, "code-assistant"), headers: { "Content-Type": "application/json" } }),
    ],
    [
      "an upsert sent as text/plain (415)",
      415,
      (c) => c.request("POST", "/v1/agents", { rawBody: JSON.stringify({ ...SEED_BODY, name: "Changed" }), headers: { "Content-Type": "text/plain" } }),
    ],
    ["a PATCH with a schema violation (400)", 400, (c) => c.patch("/v1/agents/code-assistant", { name: "Changed", maxIterations: 0 })],
    ["a PATCH that renames the slug (400)", 400, (c) => c.patch("/v1/agents/code-assistant", { slug: "renamed", name: "Changed" })],
    ["a PATCH that unlinks the sandbox of an in_sandbox agent (400)", 400, (c) => c.patch("/v1/agents/code-assistant", { sandbox: null, name: "Changed" })],
    ["a PATCH naming an unknown sandbox (404)", 404, (c) => c.patch("/v1/agents/code-assistant", { sandbox: "ghost", name: "Changed" })],
    [
      "an oversized PATCH (413)",
      413,
      (c) => c.request("PATCH", "/v1/agents/code-assistant", { rawBody: jsonOfSize(OVERSIZED_JSON_BYTES, "code-assistant"), headers: { "Content-Type": "application/json" } }),
    ],
    [
      "a PATCH sent as text/plain (415)",
      415,
      (c) => c.request("PATCH", "/v1/agents/code-assistant", { rawBody: JSON.stringify({ name: "Changed" }), headers: { "Content-Type": "text/plain" } }),
    ],
  ];

  it.each(cases)("leaves the agent as it was after %s", async (_label, status, send) => {
    const { c, agent: before } = await seeded("rejected");
    const res = await send(c);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const after = await getAgent(c, "code-assistant");
    expect(after).toEqual(before);
    expect(after.version).toBe(1);
    // The next successful change is version 2: the rejected request consumed no version.
    const next = await c.post("/v1/agents", SEED_BODY);
    expect(next.status).toBe(200);
    expect(next.body.data.version).toBe(2);
  });
});

describe("GET /v1/agents (list)", () => {
  it("answers an empty first page for a new organization", async () => {
    const res = await client().get("/v1/agents");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], hasMore: false, nextCursor: null, meta: { requestId: res.headers.get("x-request-id") } });
  });

  it("pages through agents in creation order with limit, cursor, hasMore and nextCursor", async () => {
    const c = client();
    const slugs = ["a1", "a2", "a3", "a4", "a5"];
    for (const slug of slugs) expect((await upsertManaged(c, slug)).status).toBe(201);
    // Updating an agent does not move it in the order.
    expect((await upsertManaged(c, "a2", { model: "gpt-5" })).status).toBe(200);

    const page1 = await c.get<{ data: Agent[]; hasMore: boolean; nextCursor: string | null }>("/v1/agents?limit=2");
    expect(page1.body.data.map((a) => a.slug)).toEqual(["a1", "a2"]);
    expect(page1.body.hasMore).toBe(true);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    expect(page1.body.data[1]?.model).toBe("gpt-5");

    const page2 = await c.get<{ data: Agent[]; hasMore: boolean; nextCursor: string | null }>(
      `/v1/agents?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor ?? "")}`,
    );
    expect(page2.body.data.map((a) => a.slug)).toEqual(["a3", "a4"]);
    expect(page2.body.hasMore).toBe(true);

    const page3 = await c.get<{ data: Agent[]; hasMore: boolean; nextCursor: string | null }>(
      `/v1/agents?limit=2&cursor=${encodeURIComponent(page2.body.nextCursor ?? "")}`,
    );
    expect(page3.body.data.map((a) => a.slug)).toEqual(["a5"]);
    expect(page3.body.hasMore).toBe(false);
    expect(page3.body.nextCursor).toBeNull();
  });

  it("lists full agent objects, the same as GET by slug", async () => {
    const { c } = await seeded("list-full");
    const listed = await listAllAgents(c);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toEqual(await getAgent(c, "code-assistant"));
  });

  it("answers up to 500 agents by default (the docs show no paging), and pages with an explicit limit", async () => {
    const c = client();
    for (let i = 0; i < 51; i++) expect((await upsertManaged(c, `agent-${i}`)).status).toBe(201);
    const all = await c.get<{ data: Agent[]; hasMore: boolean }>("/v1/agents");
    expect(all.body.data).toHaveLength(51);
    expect(all.body.hasMore).toBe(false);
    const first = await c.get<{ data: Agent[]; hasMore: boolean; nextCursor: string | null }>("/v1/agents?limit=50");
    expect(first.body.data).toHaveLength(50);
    expect(first.body.data[0]?.slug).toBe("agent-0");
    expect(first.body.hasMore).toBe(true);
    const rest = await c.get<{ data: Agent[]; hasMore: boolean }>(`/v1/agents?limit=50&cursor=${encodeURIComponent(first.body.nextCursor ?? "")}`);
    expect(rest.body.data.map((a) => a.slug)).toEqual(["agent-50"]);
    expect(rest.body.hasMore).toBe(false);
  });

  it("answers the same with the docs' all=true (admin broadening): a key already sees every agent of its organization", async () => {
    const c = client();
    expect((await upsertManaged(c, "mine")).status).toBe(201);
    const plain = await c.get<{ data: Agent[] }>("/v1/agents");
    const broadened = await c.get<{ data: Agent[] }>("/v1/agents?all=true");
    expect(broadened.status).toBe(200);
    expect(broadened.body.data).toEqual(plain.body.data);
    expect(plain.body.data.map((a) => a.slug)).toEqual(["mine"]);
  });

  it.each([
    ["limit=0", "/query/limit"],
    ["limit=501", "/query/limit"],
    ["limit=ten", "/query/limit"],
    ["limit=1.5", "/query/limit"],
    ["cursor=not-a-cursor", "/query/cursor"],
    ["cursor=", "/query/cursor"],
  ])("rejects ?%s with 400 at %s", async (query, pointer) => {
    const res = await client().get(`/v1/agents?${query}`);
    expectBadRequest(res, pointer);
  });

  it("answers 401 unauthorized without a key", async () => {
    expectError(await client().get("/v1/agents", { anonymous: true }), 401, "unauthorized");
  });
});

describe("GET /v1/agents/{slug}", () => {
  it("answers 404 not_found naming an unknown slug", async () => {
    const error = expectError(await client().get("/v1/agents/ghost"), 404, "not_found");
    expect(error.message).toBe("Agent 'ghost' not found");
  });

  it("answers 400 at /path/slug for a slug that cannot exist", async () => {
    expectBadRequest(await client().get("/v1/agents/Not_A_Slug"), "/path/slug");
  });

  it("answers 401 unauthorized without a key", async () => {
    const { c } = await seeded("get-401");
    expectError(await c.get("/v1/agents/code-assistant", { anonymous: true }), 401, "unauthorized");
  });
});

describe("PATCH /v1/agents/{slug}", () => {
  it("changes only the fields sent, keeps the id and adds 1 to the version", async () => {
    const { c, agent: before } = await seeded("patch");
    const res = await c.patch<{ data: Agent }>("/v1/agents/code-assistant", { description: "Reviews pull requests.", maxTokens: 8000 });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      ...before,
      description: "Reviews pull requests.",
      configJson: { maxIterations: 25, maxTokens: 8000 },
      version: 2,
      updatedAt: res.body.data.updatedAt,
    });
    expect(await getAgent(c, "code-assistant")).toEqual(res.body.data);
  });

  it("clears the description with null", async () => {
    const { c } = await seeded("patch-null");
    await c.patch("/v1/agents/code-assistant", { description: "temporary" });
    const res = await c.patch<{ data: Agent }>("/v1/agents/code-assistant", { description: null });
    expect(res.status).toBe(200);
    expect(res.body.data.description).toBeNull();
    expect(res.body.data.version).toBe(3);
  });

  it("switches to managed execution and drops the sandbox link", async () => {
    const { c } = await seeded("patch-managed");
    const res = await c.patch<{ data: Agent }>("/v1/agents/code-assistant", { executionMode: "managed", sandbox: null });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ executionMode: "managed", sandboxId: null, sandboxSlug: null, version: 2 });
  });

  it("relinks the agent to another sandbox named in the PATCH", async () => {
    const { c } = await seeded("patch-relink");
    const other = await createSandbox(c, { name: "other-runner" });
    const res = await c.patch<{ data: Agent }>("/v1/agents/code-assistant", { sandbox: "other-runner" });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ sandboxId: other.id, sandboxSlug: "other-runner", version: 2 });
  });

  it("accepts a slug equal to the path's slug, and ignores unknown fields", async () => {
    const { c } = await seeded("patch-slug");
    const res = await c.patch<{ data: Agent }>("/v1/agents/code-assistant", { slug: "code-assistant", name: "Renamed Display", somethingNew: 1 });
    expect(res.status).toBe(200);
    expect(res.body.data.name).toBe("Renamed Display");
    expect(Object.keys(res.body.data).sort()).toEqual(AGENT_KEYS);
  });

  it.each([
    ["an empty object", "/body", {}],
    ["a slug other than the path's", "/body/slug", { slug: "something-else" }],
    ["maxTokens of 0", "/body/maxTokens", { maxTokens: 0 }],
    ["an unknown visibility", "/body/visibility", { visibility: "everyone" }],
    ["unlinking the sandbox of an in_sandbox agent", "/body/sandbox", { sandbox: null }],
    ["local-mac without a targetDeviceId", "/body/targetDeviceId", { executionMode: "local-mac", sandbox: null }],
    ["local-mac while the sandbox stays linked", "/body/sandbox", { executionMode: "local-mac", targetDeviceId: "dev_1" }],
  ])("rejects %s with 400 at %s, changing nothing", async (_label, pointer, body) => {
    const { c, agent: before } = await seeded("patch-400");
    expectBadRequest(await c.patch("/v1/agents/code-assistant", body), pointer);
    expect(await getAgent(c, "code-assistant")).toEqual(before);
  });

  it("answers 400 to a PATCH without a body", async () => {
    const { c } = await seeded("patch-empty");
    expectBadRequest(await c.request("PATCH", "/v1/agents/code-assistant", { headers: { "Content-Type": "application/json" } }), "/body");
  });

  it("answers 404 to an unknown slug", async () => {
    const error = expectError(await client().patch("/v1/agents/ghost", { name: "x" }), 404, "not_found");
    expect(error.message).toBe("Agent 'ghost' not found");
  });

  it("answers 404 naming a sandbox that does not exist", async () => {
    const { c } = await seeded("patch-404");
    const error = expectError(await c.patch("/v1/agents/code-assistant", { sandbox: "ghost-box" }), 404, "not_found");
    expect(error.message).toBe("Sandbox 'ghost-box' not found");
  });

  it("answers 401 without a key", async () => {
    const { c } = await seeded("patch-401");
    expectError(await c.patch("/v1/agents/code-assistant", { name: "x" }, { anonymous: true }), 401, "unauthorized");
  });

  it("answers 413 to an oversized body and 415 to a non-JSON one", async () => {
    const { c } = await seeded("patch-413");
    const big = await c.request("PATCH", "/v1/agents/code-assistant", {
      rawBody: jsonOfSize(OVERSIZED_JSON_BYTES, "code-assistant"),
      headers: { "Content-Type": "application/json" },
    });
    expectError(big, 413, "payload_too_large");
    const plain = await c.request("PATCH", "/v1/agents/code-assistant", {
      rawBody: "name=x",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
    expectError(plain, 415, "unsupported_media_type");
  });
});

describe("DELETE /v1/agents/{slug}", () => {
  it("answers {id, deleted: true}, after which the slug is gone", async () => {
    const { c, agent } = await seeded("delete");
    const res = await c.delete("/v1/agents/code-assistant");
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ id: agent.id, deleted: true });
    expect((await c.get("/v1/agents/code-assistant")).status).toBe(404);
    expect(await listAllAgents(c)).toEqual([]);
    expectError(await c.delete("/v1/agents/code-assistant"), 404, "not_found");
  });

  it("lets a later upsert create the slug afresh: 201, version 1, a new id", async () => {
    const { c, agent } = await seeded("recreate");
    await c.post("/v1/agents", SEED_BODY);
    expect((await c.delete("/v1/agents/code-assistant")).status).toBe(200);
    const res = await c.post("/v1/agents", SEED_BODY);
    expect(res.status).toBe(201);
    expect(res.body.data.action).toBe("created");
    expect(res.body.data.version).toBe(1);
    expect(res.body.data.id).not.toBe(agent.id);
    expect((await getAgent(c, "code-assistant")).version).toBe(1);
  });

  it("answers 404 to an unknown slug, 400 to an impossible one, 401 without a key", async () => {
    const c = client();
    const error = expectError(await c.delete("/v1/agents/ghost"), 404, "not_found");
    expect(error.message).toBe("Agent 'ghost' not found");
    expectBadRequest(await c.delete("/v1/agents/-bad-"), "/path/slug");
    await upsertManaged(c, "kept");
    expectError(await c.delete("/v1/agents/kept", { anonymous: true }), 401, "unauthorized");
    expect((await getAgent(c, "kept")).version).toBe(1);
  });
});

describe("concurrent upserts", () => {
  it("serializes 25 parallel upserts of a new slug: one 201, versions exactly 1..25, one id", async () => {
    const c = client("concurrent");
    const responses = await Promise.all(
      Array.from({ length: 25 }, (_, i) => upsertManaged(c, "racer", { description: `writer ${i}` })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(24);
    for (const r of responses) expect(r.body.data.action).toBe(r.status === 201 ? "created" : "updated");
    const created = responses.find((r) => r.status === 201);
    expect(created?.body.data.version).toBe(1);
    const versions = responses.map((r) => r.body.data.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(new Set(responses.map((r) => r.body.data.id)).size).toBe(1);

    const agent = await getAgent(c, "racer");
    expect(agent.version).toBe(25);
    expect(agent.id).toBe(created?.body.data.id);
  });

  it("never repeats a version when an existing slug is upserted and patched in parallel", async () => {
    const { c } = await seeded("concurrent-mixed");
    const requests: Promise<TestResponse>[] = [];
    for (let i = 0; i < 10; i++) {
      requests.push(c.post("/v1/agents", SEED_BODY));
      requests.push(c.patch("/v1/agents/code-assistant", { maxIterations: i + 1 }));
    }
    const responses = await Promise.all(requests);
    for (const r of responses) expect(r.status).toBe(200);
    const versions = responses.map((r) => r.body.data.version as number).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect((await getAgent(c, "code-assistant")).version).toBe(21);
  });
});

describe("authentication on agents", () => {
  it("treats Authorization: Bearer <key> exactly like X-API-Key <key>", async () => {
    const c = client("bearer");
    const bearer: RequestOptions = { headers: { Authorization: `Bearer ${c.apiKey}` } };
    const created = await c.post("/v1/agents", { slug: "via-bearer", executionMode: "managed" }, bearer);
    expect(created.status).toBe(201);

    // Same key in X-API-Key: same organization, same agent.
    const viaHeader = await getAgent(c, "via-bearer");
    expect(viaHeader.id).toBe(created.body.data.id);

    const viaBearer = await c.get<{ data: Agent }>("/v1/agents/via-bearer", bearer);
    expect(viaBearer.status).toBe(200);
    expect(viaBearer.body.data).toEqual(viaHeader);

    const updated = await c.post("/v1/agents", { slug: "via-bearer", executionMode: "managed" });
    expect(updated.status).toBe(200);
    expect(updated.body.data.version).toBe(2);
    const listed = await c.get("/v1/agents", bearer);
    expect(listed.body.data.map((a: Agent) => a.slug)).toEqual(["via-bearer"]);
  });

  it("answers 401 invalid_token to a malformed key and changes nothing", async () => {
    const c = client();
    await upsertManaged(c, "kept");
    const res = await c.post("/v1/agents", { slug: "kept", executionMode: "managed" }, { headers: { "X-API-Key": "abc" } });
    expectError(res, 401, "invalid_token");
    expect((await getAgent(c, "kept")).version).toBe(1);
    expect(detailPaths(res)).toEqual([]);
  });
});
