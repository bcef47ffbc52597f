/**
 * The in-process API for test runners (issue 5; README "In-process, for test runners"):
 * `startMockServer()` → `{ url, reset(), state(), load(), requests(), close() }` on a free port.
 * The last describe is the README's vitest example, written as a user would copy it.
 */
import { createServer } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMockServer as startFromSource, type MockServer as SourceMockServer } from "../../src/index.ts";
import { startMockServer, type MockServer } from "runtools-mock";
import { ContractClient, freshKey } from "../support/contract-client.ts";
import { controlComponent } from "./control-client.ts";

const checkDocument = controlComponent("StateDocument");
const checkEntry = controlComponent("JournalEntry");

/** Can a fresh listener bind this port on 127.0.0.1? */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

describe("startMockServer() from src/index.ts", () => {
  const violations: string[] = [];
  let mock: SourceMockServer;
  beforeAll(async () => {
    mock = await startFromSource({ log: (line) => violations.push(line) });
  });
  afterAll(async () => {
    await mock.close();
  });
  afterEach(async () => {
    expect(violations).toEqual([]);
    await mock.reset();
  });

  const upsert = (c: ContractClient, slug: string) => c.post("/v1/agents", { slug, executionMode: "managed" });

  it("serves the public API on 127.0.0.1 and a free port at url", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(mock.url).port)).toBeGreaterThan(0);
    const c = new ContractClient(mock.url, freshKey("inproc"));
    expect((await c.get("/health")).status).toBe(200);
    expect((await upsert(c, "helper")).status).toBe(201);
    expect((await mock.state()).organizations).toHaveLength(1);
  });

  it("state() exports every organization, or one, as a valid state document", async () => {
    const a = new ContractClient(mock.url, freshKey("stateA"));
    const b = new ContractClient(mock.url, freshKey("stateB"));
    expect((await upsert(a, "alpha")).status).toBe(201);
    expect((await upsert(b, "beta")).status).toBe(201);
    const orgA = (await a.get("/v1/agents/alpha")).body.data.orgId as string;

    const all = await mock.state();
    expect(checkDocument(all)).toEqual([]);
    expect(all.organizations).toHaveLength(2);
    const one = await mock.state(orgA);
    expect(checkDocument(one)).toEqual([]);
    expect(one.organizations.map((o) => o.id)).toEqual([orgA]);
    expect(one.organizations[0]?.agents.map((x) => x.slug)).toEqual(["alpha"]);
  });

  it("reset() forgets everything; reset(org) only that organization", async () => {
    const a = new ContractClient(mock.url, freshKey("resetA"));
    const b = new ContractClient(mock.url, freshKey("resetB"));
    expect((await upsert(a, "alpha")).status).toBe(201);
    expect((await upsert(b, "beta")).status).toBe(201);
    const orgA = (await a.get("/v1/agents/alpha")).body.data.orgId as string;

    await mock.reset(orgA);
    expect((await mock.state()).organizations.flatMap((o) => o.agents.map((x) => x.slug))).toEqual(["beta"]);
    await mock.reset();
    expect((await mock.state()).organizations).toEqual([]);
    expect((await a.get("/v1/agents/alpha")).status).toBe(404);
    expect((await b.get("/v1/agents/beta")).status).toBe(404);
  });

  it("load() imports a document (replace by default, or merge)", async () => {
    const a = new ContractClient(mock.url, freshKey("loadA"));
    const b = new ContractClient(mock.url, freshKey("loadB"));
    expect((await upsert(a, "alpha")).status).toBe(201);
    const orgA = (await a.get("/v1/agents/alpha")).body.data.orgId as string;
    const snapshotA = await mock.state(orgA);

    await mock.reset();
    expect((await upsert(b, "beta")).status).toBe(201);
    await mock.load(snapshotA, "merge");
    expect((await a.get("/v1/agents/alpha")).status).toBe(200);
    expect((await b.get("/v1/agents/beta")).status).toBe(200);

    await mock.load(snapshotA);
    expect((await mock.state()).organizations.map((o) => o.id)).toEqual([orgA]);
    expect((await a.get("/v1/agents/alpha")).status).toBe(200);
  });

  it("load() rejects an invalid document with the control plane's 400, and nothing changes", async () => {
    const a = new ContractClient(mock.url, freshKey("loadBad"));
    expect((await upsert(a, "alpha")).status).toBe(201);
    const before = await mock.state();
    const bad = structuredClone(before);
    (bad as { version: number }).version = 2;
    await expect(mock.load(bad)).rejects.toThrow(/400/);
    const after = await mock.state();
    expect(after.organizations).toEqual(before.organizations);
  });

  it("requests() answers journal entries newest first, filtered as GET /__mock/requests", async () => {
    // The in-process API has no method for it: the control plane clears the journal.
    expect((await fetch(`${mock.url}/__mock/requests`, { method: "DELETE" })).status).toBe(200);
    const c = new ContractClient(mock.url, freshKey("journal"));
    const created = await upsert(c, "helper");
    const missing = await c.get("/v1/agents/missing");
    const found = await c.get("/v1/agents/helper");

    const all = await mock.requests();
    for (const entry of all) expect(checkEntry(entry)).toEqual([]);
    expect(all.map((e) => e.id)).toEqual([found, missing, created].map((r) => r.headers.get("x-request-id")));
    expect((await mock.requests({ operationId: "getAgent" })).map((e) => e.status)).toEqual([200, 404]);
    expect((await mock.requests({ status: 404 })).map((e) => e.path)).toEqual(["/v1/agents/missing"]);
    expect((await mock.requests({ method: "POST" })).map((e) => e.operationId)).toEqual(["upsertAgent"]);
    expect((await mock.requests({ path: "/v1/agents*", limit: 2 })).map((e) => e.id)).toEqual([found, missing].map((r) => r.headers.get("x-request-id")));
  });

  it("runs beside another server with separate state; close() stops that one and frees its port", async () => {
    const other = await startFromSource();
    const port = Number(new URL(other.url).port);
    expect(other.url).not.toBe(mock.url);
    const key = freshKey("sideBySide");
    expect((await upsert(new ContractClient(other.url, key), "helper")).status).toBe(201);
    expect((await new ContractClient(mock.url, key).get("/v1/agents/helper")).status).toBe(404);
    expect(await portIsFree(port)).toBe(false);

    await other.close();
    await expect(fetch(`${other.url}/health`)).rejects.toThrow();
    expect(await portIsFree(port)).toBe(true);
    // The first server is unaffected.
    expect((await fetch(`${mock.url}/health`)).status).toBe(200);
  });
});

// ── The README's example, as a user would copy it ──────────────────────────────────────────────
describe("the README example", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();             // 127.0.0.1, a free port, in memory
    process.env.RUNTOOLS_API_URL = mock.url;    // point the SDK (or your client) at it
  });
  afterEach(() => mock.reset());
  afterAll(() => mock.close());

  it("starts each test with an empty journal (reset() clears it with the state)", async () => {
    expect(await mock.requests()).toEqual([]);
    await fetch(`${mock.url}/v1/agents`, { headers: { "X-API-Key": "rt_test_ci" } });
    expect(await mock.requests()).toHaveLength(1);
    await mock.clearRequests();
    expect(await mock.requests()).toEqual([]);
  });

  it("upserts the agent once", async () => {
    await fetch(`${mock.url}/v1/agents`, {
      method: "POST",
      headers: { "X-API-Key": "rt_test_ci", "Content-Type": "application/json" },
      body: JSON.stringify({ slug: "helper", executionMode: "managed" }),
    });
    const sent = await mock.requests({ operationId: "upsertAgent" });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.status).toBe(201);
  });

  it("starts the next test from an empty state (afterEach reset)", async () => {
    expect((await mock.state()).organizations).toEqual([]);
    const res = await fetch(`${mock.url}/v1/agents/helper`, { headers: { "X-API-Key": "rt_test_ci" } });
    expect(res.status).toBe(404);
  });
});
