/**
 * Faults, latency and Prism's `Prefer` header through the real server (issue 5; spec/control.yaml
 * getFaults, setFaults, clearFaults, and its description of `Prefer`). Public answers, faulted or
 * steered ones included, are validated against spec/openapi.yaml by the contract client.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Agent, Sandbox } from "../../src/api-types.ts";
import { loadSpec } from "../../src/spec/load.ts";
import { expectBadRequest, expectError, getAgent, upsertManaged } from "../http/helpers.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { ControlClient, expectControlBadRequest, expectOk } from "./control-client.ts";

const { client, server, violations } = useServer();
const control = () => new ControlClient(server().url);
const publicSpec = loadSpec();

/** A documented example of a public operation: the named one, or the status's first. */
function example(operationId: string, status: number, name?: string): any {
  const examples = publicSpec.operations.find((op) => op.operationId === operationId)?.responses.get(status)?.examples;
  const value = name === undefined ? examples?.values().next().value : examples?.get(name);
  expect(value, `${operationId} ${status} documents ${name ?? "an example"}`).toBeDefined();
  return structuredClone(value);
}

/** The example as the mock answers it: with the request's own id. */
function withId(body: any, requestId: string | null): any {
  if (body.meta) body.meta.requestId = requestId;
  if (body.error) body.error.requestId = requestId;
  return body;
}

async function timed<T>(action: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await action();
  return { result, ms: performance.now() - started };
}

async function listSandboxes(c: ContractClient): Promise<Sandbox[]> {
  const res = await c.get<{ data: Sandbox[] }>("/v1/sandboxes");
  expect(res.status).toBe(200);
  return res.body.data;
}

afterEach(() => {
  expect(violations).toEqual([]);
});

describe("Prefer on the public API", () => {
  beforeEach(async () => {
    expectOk(await control().clearFaults());
  });

  it("Prefer: code=404 answers the documented 404 example with the real request id", async () => {
    const c = client("prefer404");
    expect((await upsertManaged(c, "x")).status).toBe(201);
    const res = await c.get("/v1/agents/x", { headers: { Prefer: "code=404" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-request-id")).not.toBe("req_7Hx2Kp9Qw");
    expect(res.body).toEqual(withId(example("getAgent", 404), res.headers.get("x-request-id")));
  });

  it("Prefer: code=200, example=<name> answers that named example", async () => {
    const c = client("preferNamed");
    const res = await c.get("/v1/agents/x", { headers: { Prefer: "code=200, example=managedWithWorkspace" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(withId(example("getAgent", 200, "managedWithWorkspace"), res.headers.get("x-request-id")));
    expect(res.body).not.toEqual(withId(example("getAgent", 200), res.headers.get("x-request-id")));
  });

  it("Prefer: example=<name> alone answers the named example of the lowest 2xx; code=200 alone its first example", async () => {
    const c = client("preferExampleOnly");
    const named = await c.get("/v1/agents/x", { headers: { Prefer: "example=managedWithWorkspace" } });
    expect(named.status).toBe(200);
    expect(named.body).toEqual(withId(example("getAgent", 200, "managedWithWorkspace"), named.headers.get("x-request-id")));
    const first = await c.get("/v1/agents/x", { headers: { Prefer: "code=200" } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual(withId(example("getAgent", 200), first.headers.get("x-request-id")));
  });

  it("answers 400 at /header/prefer for a status the operation does not document, or an unknown example name", async () => {
    const c = client("preferUndeclared");
    expectBadRequest(await c.get("/v1/agents/x", { headers: { Prefer: "code=409" } }), "/header/prefer");
    expectBadRequest(await c.get("/v1/agents/x", { headers: { Prefer: "code=200, example=noSuchExample" } }), "/header/prefer");
    expectBadRequest(await c.get("/v1/agents/x", { headers: { Prefer: "example=noSuchExample" } }), "/header/prefer");
  });

  it("is ignored on GET /health, which declares no 400: Prefer: code=404 answers the normal 200", async () => {
    const c = client("preferHealth");
    for (const value of ["code=404", "example=nope"]) {
      const res = await c.get<{ status: string }>("/health", { headers: { Prefer: value } });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe("ok");
    }
  });

  it("changes no state: a steered upsert creates nothing, a steered delete deletes nothing", async () => {
    const c = client("preferNoState");
    const steered = await c.post("/v1/agents", { slug: "ghost", executionMode: "managed" }, { headers: { Prefer: "code=201" } });
    expect(steered.status).toBe(201);
    expect(steered.body).toEqual(withId(example("upsertAgent", 201), steered.headers.get("x-request-id")));
    expectError(await c.get("/v1/agents/ghost"), 404, "not_found");

    expect((await upsertManaged(c, "kept")).status).toBe(201);
    const before = await getAgent(c, "kept");
    const deleted = await c.delete("/v1/agents/kept", { headers: { Prefer: "code=200" } });
    expect(deleted.status).toBe(200);
    expect(await getAgent(c, "kept")).toEqual(before);
    expect((await c.get<{ data: Agent[] }>("/v1/agents")).body.data.map((a) => a.slug)).toEqual(["kept"]);
  });

  it("answers a run's application/json example even when the run would have streamed", async () => {
    const c = client("preferRun");
    const res = await c.post("/v1/run", { agent: "x", prompt: "hi" }, { headers: { Prefer: "code=200, example=completed" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.body).toEqual(withId(example("runAgent", 200, "completed"), res.headers.get("x-request-id")));
  });

  it("comes after authentication and request validation", async () => {
    const c = client("preferOrder");
    expectError(await c.get("/v1/agents/x", { anonymous: true, headers: { Prefer: "code=200" } }), 401, "unauthorized");
    expectBadRequest(await c.get("/v1/agents?limit=0", { headers: { Prefer: "code=200" } }), "/query/limit");
  });
});

describe("faults (PUT /__mock/faults)", () => {
  beforeEach(async () => {
    expectOk(await control().clearFaults());
    expectOk(await control().clearScripts());
  });

  it("a fixed latency on one operation delays that operation by at least the delay, and not the others", async () => {
    const c = client("latency");
    expect((await upsertManaged(c, "helper")).status).toBe(201);
    const set = await control().setFaults({ rules: [{ operationId: "getAgent", latency: { distribution: "fixed", ms: 300 } }] });
    expect(expectOk(set).data.rules).toEqual([{ operationId: "getAgent", latency: { distribution: "fixed", ms: 300 } }]);

    const slow = await timed(() => c.get("/v1/agents/helper"));
    expect(slow.result.status).toBe(200);
    // Timers may fire a millisecond early against performance.now(); nothing else is bounded.
    expect(slow.ms).toBeGreaterThanOrEqual(298);

    const other = await timed(() => c.get("/v1/agents"));
    expect(other.result.status).toBe(200);
    expect(other.ms).toBeLessThan(300);
    // Nor the control plane.
    const ctl = await timed(() => control().getFaults());
    expect(ctl.ms).toBeLessThan(300);
  });

  it("an error with probability 1 and a declared status answers that status with the error envelope, and changes nothing", async () => {
    const c = client("error409");
    expectOk(await control().setFaults({ rules: [{ operationId: "createSandbox", error: { probability: 1, status: 409 } }] }));
    for (let i = 0; i < 3; i++) {
      const res = await c.post("/v1/sandboxes", { name: `box-${i}` });
      const error = expectError(res, 409, "conflict");
      expect(error.details).toBeUndefined();
    }
    expect(await listSandboxes(c)).toEqual([]);
  });

  it("an injected error without message says \"Injected fault\"", async () => {
    const c = client("errorMessage");
    expectOk(await control().setFaults({ rules: [{ operationId: "createSandbox", error: { probability: 1, status: 409 } }] }));
    expect(expectError(await c.post("/v1/sandboxes", {}), 409, "conflict").message).toBe("Injected fault");
  });

  it("an error with its own code and message answers them", async () => {
    const c = client("errorCustom");
    expectOk(await control().setFaults({ rules: [{ operationId: "getAgent", error: { probability: 1, status: 404, code: "not_found", message: "Gone fishing" } }] }));
    expect(expectError(await c.get("/v1/agents/x"), 404, "not_found").message).toBe("Gone fishing");
  });

  it("an error with probability 0 never fires: the answer is normal", async () => {
    const c = client("error0");
    expectOk(await control().setFaults({ rules: [{ operationId: "createSandbox", error: { probability: 0, status: 409 } }] }));
    for (let i = 0; i < 5; i++) expect((await c.post("/v1/sandboxes", { name: `box-${i}` })).status).toBe(201);
    expect(await listSandboxes(c)).toHaveLength(5);
  });

  it("a reset with probability 1 closes the connection without an answer (the fetch rejects), and changes nothing", async () => {
    const c = client("reset");
    expectOk(await control().setFaults({ rules: [{ operationId: "createSandbox", reset: { probability: 1 } }] }));
    expectOk(await control().clearRequests());
    await expect(
      fetch(`${server().url}/v1/sandboxes`, { method: "POST", headers: { "X-API-Key": c.apiKey, "Content-Type": "application/json" }, body: "{}" }),
    ).rejects.toThrow();
    expectOk(await control().clearFaults());
    expect(await listSandboxes(c)).toEqual([]);
    // The journal records it with status 0 and no response body.
    const [entry] = expectOk(await control().requests({ operationId: "createSandbox" })).data;
    expect(entry).toMatchObject({ status: 0, response: { body: null } });
  });

  it("the same seed gives the same sequence of outcomes (probability 0.5 over 20 requests)", async () => {
    const c = client("seeded");
    const rules = [{ operationId: "listAgents", error: { probability: 0.5, status: 400 } }];
    const outcomes = async () => {
      const set = expectOk(await control().setFaults({ seed: 424242, rules })).data;
      expect(set.seed).toBe(424242);
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await c.get("/v1/agents")).status);
      return statuses;
    };
    const first = await outcomes();
    const second = await outcomes();
    expect(second).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 400]));

    // Another seed gives another sequence (checked on the mock's own answer: it is deterministic).
    expectOk(await control().setFaults({ seed: 7, rules }));
    const other: number[] = [];
    for (let i = 0; i < 20; i++) other.push((await c.get("/v1/agents")).status);
    expect(other).not.toEqual(first);
  });

  it("applies after authentication and request validation", async () => {
    const c = client("faultOrder");
    expectOk(await control().setFaults({ rules: [{ operationId: "listAgents", error: { probability: 1, status: 401 } }] }));
    expectBadRequest(await c.get("/v1/agents?limit=0"), "/query/limit");
    expectError(await c.get("/v1/agents", { headers: { "X-API-Key": "bogus" } }), 401, "invalid_token");
    expectError(await c.get("/v1/agents"), 401, "unauthorized");
  });

  it("a rule for every operation may answer 503, rendered as internal_error", async () => {
    const c = client("outage");
    expectOk(await control().setFaults({ rules: [{ error: { probability: 1, status: 503 } }] }));
    // 503 is declared by no public operation, so the contract client cannot be used: checked raw.
    const res = await fetch(`${server().url}/v1/agents`, { headers: { "X-API-Key": c.apiKey } });
    const body = (await res.json()) as { error: { code: string; requestId: string } };
    expect(res.status).toBe(503);
    expect(body.error.code).toBe("internal_error");
    expect(body.error.requestId).toBe(res.headers.get("x-request-id"));
  });

  describe("refuses a rule the spec would not allow, with 400 at the rule, and leaves the configuration unchanged", () => {
    const refusals: { name: string; rules: unknown[]; path: string }[] = [
      { name: "a status the operation does not declare", rules: [{ operationId: "getAgent", error: { probability: 1, status: 409 } }], path: "/body/rules/0/error/status" },
      {
        name: "a status the second rule's operation does not declare",
        rules: [{ operationId: "getAgent", latency: { distribution: "fixed", ms: 1 } }, { operationId: "createSandbox", error: { probability: 1, status: 503 } }],
        path: "/body/rules/1/error/status",
      },
      { name: "a rule for every operation with a status other than 500 or 503", rules: [{ error: { probability: 1, status: 409 } }], path: "/body/rules/0/error/status" },
      { name: "an unknown operationId", rules: [{ operationId: "createAgent", latency: { distribution: "fixed", ms: 1 } }], path: "/body/rules/0/operationId" },
      { name: "a uniform latency with minMs > maxMs", rules: [{ latency: { distribution: "uniform", minMs: 200, maxMs: 100 } }], path: "/body/rules/0/latency" },
      { name: "a lognormal latency with p99Ms < medianMs", rules: [{ latency: { distribution: "lognormal", medianMs: 200, p99Ms: 100 } }], path: "/body/rules/0/latency" },
      { name: "a probability over 1 (schema)", rules: [{ reset: { probability: 1.5 } }], path: "/body/rules/0/reset/probability" },
    ];
    for (const { name, rules, path } of refusals) {
      it(name, async () => {
        const before = expectOk(await control().setFaults({ seed: 99, rules: [{ operationId: "listAgents", latency: { distribution: "fixed", ms: 1 } }] })).data;
        const paths = expectControlBadRequest(await control().setFaults({ seed: 5, rules }));
        expect(paths.some((p) => p === path || p.startsWith(`${path}/`)), `${JSON.stringify(paths)} points at ${path}`).toBe(true);
        expect(expectOk(await control().getFaults()).data).toEqual(before);
      });
    }
  });
});

describe("GET and DELETE /__mock/faults", () => {
  it("GET answers the configuration in force, DELETE removes every rule and keeps the seed", async () => {
    expectOk(await control().clearFaults());
    const initial = expectOk(await control().getFaults()).data;
    expect(initial.rules).toEqual([]);
    expect(Number.isInteger(initial.seed)).toBe(true);

    const rules = [
      { operationId: "runAgent", latency: { distribution: "lognormal", medianMs: 200, p99Ms: 2000 } },
      { operationId: "createSandbox", error: { probability: 0.25, status: 409, code: "conflict", message: "A sandbox named 'build-runner' already exists" } },
      { reset: { probability: 0.01 } },
    ];
    const set = expectOk(await control().setFaults({ seed: 42, rules })).data;
    expect(set).toEqual({ seed: 42, rules });
    expect(expectOk(await control().getFaults()).data).toEqual({ seed: 42, rules });

    expect(expectOk(await control().clearFaults()).data).toEqual({ cleared: 3 });
    expect(expectOk(await control().getFaults()).data).toEqual({ seed: 42, rules: [] });
    expect(expectOk(await control().clearFaults()).data).toEqual({ cleared: 0 });
  });

  it("PUT without a seed resolves one and answers it", async () => {
    const set = expectOk(await control().setFaults({ rules: [] })).data;
    expect(set.rules).toEqual([]);
    expect(Number.isInteger(set.seed)).toBe(true);
    expect(set.seed).toBeGreaterThanOrEqual(0);
    expect(expectOk(await control().getFaults()).data).toEqual(set);
  });
});

describe("with latencyMs: 400 (the --latency flag)", () => {
  const flagged = useServer({ latencyMs: 400 });
  afterEach(() => expect(flagged.violations).toEqual([]));

  it("delays every public request by at least the latency", async () => {
    const c = flagged.client("flagLatency");
    const { result, ms } = await timed(() => c.get("/v1/agents"));
    expect(result.status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(398);
  });

  it("shows the flag's rule in GET /__mock/faults, and DELETE removes it", async () => {
    const ctl = new ControlClient(flagged.server().url);
    expect(expectOk(await ctl.getFaults()).data.rules).toEqual([{ latency: { distribution: "fixed", ms: 400 } }]);
    expect(expectOk(await ctl.clearFaults()).data).toEqual({ cleared: 1 });
    const c = flagged.client("flagCleared");
    const { ms } = await timed(() => c.get("/v1/agents"));
    expect(ms).toBeLessThan(400);
  });
});
