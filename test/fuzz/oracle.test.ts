/**
 * The fuzzer's oracle and repro commands on hand-made answers: each kind of defect it exists to
 * catch is caught, with a signature that does not depend on ids, and a correct answer passes.
 */
import { describe, expect, it } from "vitest";
import { curlCommand, jsOf } from "../../scripts/fuzz/curl.ts";
import type { RequestPlan } from "../../scripts/fuzz/generator.ts";
import { Oracle, normalize, type WireResponse } from "../../scripts/fuzz/oracle.ts";

const oracle = new Oracle();
const plan = (overrides: Partial<RequestPlan> = {}): RequestPlan => ({
  api: "public",
  operationId: "getAgent",
  variant: "valid",
  mustReject: false,
  method: "GET",
  template: "/v1/agents/{slug}",
  pathParams: {},
  query: [],
  headers: {},
  key: { kind: "org", index: 0 },
  ...overrides,
});
const json = (status: number, body: unknown, requestId = "req_abc123"): WireResponse => ({
  status,
  headers: { "content-type": "application/json; charset=utf-8", "x-request-id": requestId },
  text: JSON.stringify(body),
});
const notFound = (requestId = "req_abc123") => json(404, { error: { code: "not_found", message: "Agent 'x' not found", requestId } }, requestId);

describe("the fuzzer's oracle", () => {
  it("passes a documented error answer", () => {
    expect(oracle.judge(plan(), { method: "GET", target: "/v1/agents/x", headers: {} }, notFound())).toEqual([]);
  });

  it("reports a 5xx, with a signature free of request ids", () => {
    const answer = (id: string) => json(500, { error: { code: "internal_error", message: `boom in req_${id}`, requestId: `req_${id}` } }, `req_${id}`);
    const [first] = oracle.judge(plan(), { method: "GET", target: "/v1/agents/x", headers: {} }, answer("one1"));
    const [second] = oracle.judge(plan(), { method: "GET", target: "/v1/agents/y", headers: {} }, answer("two2"));
    expect(first?.kind).toBe("server-error");
    expect(first?.signature).toBe(second?.signature);
    expect(first?.signature).toBe("server-error getAgent: 500 boom in <req>");
  });

  it("reports a broken connection", () => {
    const [finding] = oracle.judge(plan(), { method: "GET", target: "/v1/agents/x", headers: {} }, { headers: {}, text: "", error: "ECONNRESET socket hang up" });
    expect(finding?.kind).toBe("connection-broken");
  });

  it("reports a status the operation does not declare, and a body its schema forbids", () => {
    const undeclared = oracle.judge(plan(), { method: "GET", target: "/v1/agents/x", headers: {} }, json(409, { error: { code: "conflict", message: "x", requestId: "req_abc123" } }));
    expect(undeclared.map((f) => f.kind)).toEqual(["off-spec"]);
    const extraField = oracle.judge(plan(), { method: "GET", target: "/v1/agents/x", headers: {} }, json(404, { error: { code: "not_found", message: "x", requestId: "req_abc123", extra: 1 } }));
    expect(extraField.map((f) => f.kind)).toEqual(["off-spec"]);
  });

  it("reports a 2xx to a request no reading of the spec accepts", () => {
    const request = { method: "GET", target: "/v1/agents", headers: {} };
    const list = json(200, { data: [], hasMore: false, nextCursor: null, meta: { requestId: "req_abc123" } });
    expect(oracle.judge(plan({ operationId: "listAgents", template: "/v1/agents", mustReject: true, variant: "authMissing" }), request, list).map((f) => f.kind)).toEqual(["accepted-invalid"]);
  });

  it("holds an unrouted path to the error envelope and a 404 or 405", () => {
    const request = { method: "GET", target: "/v1/agents/../agents", headers: {} };
    expect(oracle.judge(plan({ variant: "pathUnknown" }), request, notFound())).toEqual([]);
    const routedAnyway = json(200, { data: [], hasMore: false, nextCursor: null, meta: { requestId: "req_abc123" } });
    expect(oracle.judge(plan({ variant: "pathUnknown" }), request, routedAnyway).map((f) => f.kind)).toEqual(["off-spec"]);
  });

  it("reports /health down", () => {
    expect(oracle.judgeHealth(json(200, { status: "ok", service: "runtools-mock", version: "0.1.0" }))).toEqual([]);
    expect(oracle.judgeHealth(json(200, { status: "ok" })).map((f) => f.kind)).toEqual(["health-down"]);
    expect(oracle.judgeHealth({ headers: {}, text: "", error: "ECONNREFUSED" }).map((f) => f.kind)).toEqual(["health-down"]);
  });

  it("normalizes ids, uuids and numbers out of reasons", () => {
    expect(normalize("/body/data/resources/fuzzAarguments is not a declared property")).toBe("/body/data/resources/fuzz… is not a declared property");
    expect(normalize("Sandbox 'sandbox-abc' of req_X1 at /items/12 is 3e3c0a38-1d38-4c5e-9a1b-5f0c7d2e8a10, 1048576 bytes, 400")).toBe("Sandbox '…' of <req> at /items/N is <uuid>, N bytes, 400");
  });
});

describe("the repro command", () => {
  it("sends the path as is, the headers and a short body inline", () => {
    const command = curlCommand("http://127.0.0.1:4010", { method: "POST", target: "/v1/agents/../x?a=%zz", headers: { "X-API-Key": "rt_test_a", Prefer: "" }, body: '{"it\'s":1}' });
    expect(command).toBe(`curl -sS -i --path-as-is --globoff -X POST -H 'X-API-Key: rt_test_a' -H 'Prefer;' --data-binary '{"it'\\''s":1}' 'http://127.0.0.1:4010/v1/agents/../x?a=%zz'`);
  });

  it("writes long runs as repeats, so a 3,000-level body stays a short command", () => {
    const body = `{"a":${"[".repeat(3000)}${"]".repeat(3000)}}`;
    const expression = jsOf(body);
    expect(expression).toBe(`"{\\"a\\":"+"[".repeat(3000)+"]".repeat(3000)+"}"`);
    expect(new Function(`return ${expression}`)()).toBe(body);
  });
});

describe("the fuzzer's oracle on event streams", () => {
  const stream = (frames: string): WireResponse => ({ status: 200, headers: { "content-type": "text/event-stream; charset=utf-8", "x-request-id": "req_abc123" }, text: frames });
  const request = { method: "POST", target: "/v1/agents/helper/run", headers: {} };
  const legacy = plan({ operationId: "runAgentLegacy", template: "/v1/agents/{slug}/run", method: "POST" });

  it("judges a stream by its frames, not as a JSON body", () => {
    const findings = oracle.judge(legacy, request, stream('id: 1\nevent: run_started\ndata: {"type":"nope"}\n\n'));
    expect(findings.map((f) => f.kind)).toEqual(["off-spec"]);
    expect(findings[0]?.detail).not.toContain("not JSON");
  });
});
