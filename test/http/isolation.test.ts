/**
 * Isolation between organizations, through the real server (Part A "tenancy" and "isolation"):
 * by default every distinct key is an organization of its own, and a resource of another
 * organization is indistinguishable from a missing one (404 not_found). With a keys file,
 * keys of one organization share its state and unlisted keys are refused.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Agent, Sandbox } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { freshKey } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { SEED_BODY, createSandbox, expectError, getAgent, listAllAgents } from "./helpers.ts";

const { client, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

/** Org A with the sandbox build-runner (running) and the seed agent. */
async function orgWithSeed(label: string): Promise<{ a: ContractClient; sandbox: Sandbox; agent: Agent }> {
  const a = client(label);
  await createSandbox(a, { name: "build-runner", tags: ["ci"] });
  expect((await a.post("/v1/agents", SEED_BODY)).status).toBe(201);
  const sandbox = (await a.get<{ data: Sandbox }>("/v1/sandboxes/build-runner")).body.data;
  expect(sandbox.status).toBe("running");
  return { a, sandbox, agent: await getAgent(a, "code-assistant") };
}

describe("organization B cannot see or touch organization A's resources", () => {
  it("lists none of A's sandboxes or agents", async () => {
    const { a } = await orgWithSeed("a");
    const b = client("b");
    const sandboxes = await b.get("/v1/sandboxes");
    expect(sandboxes.body).toMatchObject({ data: [], hasMore: false, nextCursor: null });
    expect((await b.get("/v1/sandboxes?status=running&tag=ci")).body.data).toEqual([]);
    const agents = await b.get("/v1/agents");
    expect(agents.body).toMatchObject({ data: [], hasMore: false, nextCursor: null });
    // A still sees its own.
    expect((await a.get<{ data: Sandbox[] }>("/v1/sandboxes")).body.data.map((s) => s.name)).toEqual(["build-runner"]);
    expect((await listAllAgents(a)).map((x) => x.slug)).toEqual(["code-assistant"]);
  });

  it("cannot read A's sandbox by id or by name: 404, worded as for a missing sandbox", async () => {
    const { sandbox } = await orgWithSeed("a");
    const b = client("b");
    const byId = expectError(await b.get(`/v1/sandboxes/${sandbox.id}`), 404, "not_found");
    expect(byId.message).toBe(`Sandbox '${sandbox.id}' not found`);
    const byName = expectError(await b.get("/v1/sandboxes/build-runner"), 404, "not_found");
    expect(byName.message).toBe("Sandbox 'build-runner' not found");
  });

  it("cannot pause, resume, exec in or delete A's sandbox, which stays running", async () => {
    const { a, sandbox } = await orgWithSeed("a");
    const b = client("b");
    for (const ref of [sandbox.id, "build-runner"]) {
      expectError(await b.post(`/v1/sandboxes/${ref}/pause`), 404, "not_found");
      expectError(await b.post(`/v1/sandboxes/${ref}/resume`), 404, "not_found");
      expectError(await b.post(`/v1/sandboxes/${ref}/exec`, { command: "echo hi" }), 404, "not_found");
      expectError(await b.delete(`/v1/sandboxes/${ref}`), 404, "not_found");
    }
    const after = await a.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`);
    expect(after.body.data).toMatchObject({ id: sandbox.id, status: "running", name: "build-runner" });
  });

  it("cannot read, patch or delete A's agent, which stays at version 1", async () => {
    const { a, agent } = await orgWithSeed("a");
    const b = client("b");
    const read = expectError(await b.get("/v1/agents/code-assistant"), 404, "not_found");
    expect(read.message).toBe("Agent 'code-assistant' not found");
    expectError(await b.patch("/v1/agents/code-assistant", { name: "Hijacked" }), 404, "not_found");
    expectError(await b.delete("/v1/agents/code-assistant"), 404, "not_found");
    expect(await getAgent(a, "code-assistant")).toEqual(agent);
  });

  it("cannot name A's sandbox in an upsert, by name or by id: 404, and nothing is created in B", async () => {
    const { sandbox } = await orgWithSeed("a");
    const b = client("b");
    const byName = expectError(await b.post("/v1/agents", SEED_BODY), 404, "not_found");
    expect(byName.message).toBe("Sandbox 'build-runner' not found");
    const byId = expectError(await b.post("/v1/agents", { ...SEED_BODY, sandbox: sandbox.id }), 404, "not_found");
    expect(byId.message).toBe(`Sandbox '${sandbox.id}' not found`);
    expect(await listAllAgents(b)).toEqual([]);
  });

  it("cannot link its own agent to A's sandbox through a PATCH", async () => {
    const { sandbox } = await orgWithSeed("a");
    const b = client("b");
    expect((await b.post("/v1/agents", { slug: "b-agent", executionMode: "managed" })).status).toBe(201);
    expectError(await b.patch("/v1/agents/b-agent", { executionMode: "in_sandbox", sandbox: sandbox.id }), 404, "not_found");
    expect(await getAgent(b, "b-agent")).toMatchObject({ executionMode: "managed", sandboxId: null, version: 1 });
  });
});

describe("the same names in two organizations", () => {
  it("lets each organization have its own build-runner and its own code-assistant, with independent versions", async () => {
    const { a, sandbox: aSandbox, agent: aAgent } = await orgWithSeed("a");
    await a.post("/v1/agents", SEED_BODY);
    await a.post("/v1/agents", SEED_BODY);

    const b = client("b");
    const bSandbox = await createSandbox(b, { name: "build-runner" });
    expect(bSandbox.id).not.toBe(aSandbox.id);
    const bCreated = await b.post("/v1/agents", SEED_BODY);
    expect(bCreated.status).toBe(201);
    expect(bCreated.body.data).toMatchObject({ action: "created", version: 1, sandboxId: bSandbox.id });
    expect(bCreated.body.data.id).not.toBe(aAgent.id);

    const aRead = await getAgent(a, "code-assistant");
    const bRead = await getAgent(b, "code-assistant");
    expect(aRead).toMatchObject({ id: aAgent.id, version: 3, sandboxId: aSandbox.id });
    expect(bRead).toMatchObject({ id: bCreated.body.data.id, version: 1, sandboxId: bSandbox.id, sandboxSlug: "build-runner" });
    expect(bRead.orgId).not.toBe(aRead.orgId);

    // B's changes and deletions leave A alone.
    expect((await b.patch<{ data: Agent }>("/v1/agents/code-assistant", { maxIterations: 5 })).body.data.version).toBe(2);
    expect((await b.delete("/v1/agents/code-assistant")).status).toBe(200);
    expect((await b.delete("/v1/sandboxes/build-runner")).status).toBe(200);
    expect(await getAgent(a, "code-assistant")).toEqual(aRead);
    expect((await a.get<{ data: Sandbox }>("/v1/sandboxes/build-runner")).body.data).toMatchObject({ id: aSandbox.id, status: "running" });
  });

  it("serves one organization to X-API-Key and to Bearer with the same key", async () => {
    const { a, agent } = await orgWithSeed("a");
    const viaBearer = await a.get<{ data: Agent }>("/v1/agents/code-assistant", { headers: { Authorization: `Bearer ${a.apiKey}` } });
    expect(viaBearer.status).toBe(200);
    expect(viaBearer.body.data).toEqual(agent);
  });
});

describe("with a keys file mapping several keys to one organization", () => {
  const teamKey1 = freshKey("team1");
  const teamKey2 = freshKey("team2");
  const otherKey = freshKey("other");
  const { client: keyringClient, violations: keyringViolations } = useServer({
    keyring: new Map([
      [teamKey1, "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b"],
      [teamKey2, "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b"],
      [otherKey, "7c9e6679-7425-40de-944b-e07fc1f90ae7"],
    ]),
  });

  afterEach(() => {
    expect(keyringViolations).toEqual([]);
  });

  it("shares one organization's state between its keys, and keeps the other organization apart", async () => {
    const one = keyringClient().as(teamKey1);
    const two = one.as(teamKey2);
    const other = one.as(otherKey);

    await createSandbox(one, { name: "shared-runner" });
    const created = await one.post("/v1/agents", { ...SEED_BODY, sandbox: "shared-runner" });
    expect(created.status).toBe(201);

    const updated = await two.post("/v1/agents", { ...SEED_BODY, sandbox: "shared-runner" });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({ id: created.body.data.id, action: "updated", version: 2 });
    expect((await getAgent(two, "code-assistant")).orgId).toBe("3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b");

    expectError(await other.get("/v1/agents/code-assistant"), 404, "not_found");
    expectError(await other.get("/v1/sandboxes/shared-runner"), 404, "not_found");
    expect((await other.get("/v1/agents")).body.data).toEqual([]);
  });

  it("refuses a well-formed key the file does not list with 401 invalid_token", async () => {
    const stranger = keyringClient("stranger");
    const error = expectError(await stranger.get("/v1/agents"), 401, "invalid_token");
    expect(error.message).toBe("API key not found or revoked");
    const viaBearer = await stranger.get("/v1/agents", { headers: { Authorization: `Bearer ${stranger.apiKey}` } });
    expectError(viaBearer, 401, "invalid_token");
  });

  it("still answers a missing key with 401 unauthorized and a malformed one with 401 invalid_token", async () => {
    expectError(await keyringClient().get("/v1/agents", { anonymous: true }), 401, "unauthorized");
    expectError(await keyringClient().get("/v1/agents", { headers: { "X-API-Key": "abc" } }), 401, "invalid_token");
  });
});
