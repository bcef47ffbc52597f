/**
 * Scripts and fault rules are checked against the real spec/openapi.yaml when they are set
 * (issue 5: "Scripted behaviour, validated against the spec when it is set (an override that the
 * spec would not allow is refused with 400)"; spec/control.yaml `POST /__mock/scripts/responses`
 * and `PUT /__mock/faults`).
 */
import { describe, expect, it } from "vitest";
import { loadSpec } from "../spec/load.ts";
import { compileValidators } from "../spec/validators.ts";
import { apiErrorOf } from "../stateful/common/test-support.ts";
import type { FaultRuleInput, ResponseScriptInput } from "./control-types.ts";
import { checkFaultRules, checkResponseScript } from "./script-checks.ts";

const spec = loadSpec();
const validators = compileValidators(spec);

function firstExample(operationId: string, status: number): unknown {
  const examples = spec.operations.find((op) => op.operationId === operationId)?.responses.get(status)?.examples;
  const value = examples?.values().next().value;
  if (value === undefined) throw new Error(`no example for ${operationId} ${status}`);
  return value;
}

const conflict = { error: { code: "conflict", message: "A sandbox named 'build-runner' already exists", requestId: "req_0000" } };

describe("checkResponseScript", () => {
  it("accepts a script whose body the status's schema allows, unchanged", () => {
    const input: ResponseScriptInput = { operationId: "createSandbox", status: 409, body: conflict, times: 1 };
    expect(checkResponseScript(input, spec, validators)).toEqual(input);
  });

  it("refuses the framing headers and the mock's own headers, in any case, with 400 at /body/headers/<name>", () => {
    for (const name of ["Content-Length", "transfer-encoding", "Connection", "Keep-Alive", "Upgrade", "TE", "Trailer", "content-type", "X-Request-Id"]) {
      const error = apiErrorOf(() => checkResponseScript({ operationId: "createSandbox", status: 409, body: conflict, headers: { [name]: "1" } }, spec, validators));
      expect(error.status, name).toBe(400);
      expect(error.details, name).toEqual([{ path: `/body/headers/${name}`, message: expect.stringContaining("owns the framing") }]);
    }
  });

  it("refuses a header given twice in different cases, a name that is not a token, and CR/LF in a value", () => {
    const check = (headers: Record<string, string>) => apiErrorOf(() => checkResponseScript({ operationId: "createSandbox", status: 409, body: conflict, headers }, spec, validators)).details;
    expect(check({ "X-Twice": "a", "x-twice": "b" })).toEqual([{ path: "/body/headers/x-twice", message: expect.stringContaining("twice") }]);
    expect(check({ "Bad Name": "a" })).toEqual([{ path: "/body/headers/Bad Name", message: "is not a valid header name" }]);
    expect(check({ "X-Split": "a\r\nContent-Length: 0" })).toEqual([{ path: "/body/headers/X-Split", message: expect.stringContaining("CR, LF") }]);
  });

  it("accepts headers of its own, such as Retry-After or X-RateLimit-Remaining", () => {
    const input: ResponseScriptInput = { operationId: "createSandbox", status: 409, body: conflict, headers: { "Retry-After": "1", "X-RateLimit-Remaining": "0" } };
    expect(checkResponseScript(input, spec, validators)).toEqual(input);
  });

  it("an unknown operationId: 400 at /body/operationId", () => {
    const error = apiErrorOf(() => checkResponseScript({ operationId: "createAgent", status: 200 }, spec, validators));
    expect(error.status).toBe(400);
    expect(error.code).toBe("bad_request");
    expect(error.details).toEqual([{ path: "/body/operationId", message: expect.stringContaining("createAgent") }]);
  });

  it("a status the operation does not declare: 400 at /body/status, naming the declared ones", () => {
    const error = apiErrorOf(() => checkResponseScript({ operationId: "getAgent", status: 409, body: conflict }, spec, validators));
    expect(error.code).toBe("bad_request");
    expect(error.details).toHaveLength(1);
    expect(error.details?.[0]?.path).toBe("/body/status");
    expect(error.details?.[0]?.message).toContain("200, 400, 401, 404");
  });

  it("a body that fails the status's schema: 400 with pointers under /body/body", () => {
    const error = apiErrorOf(() =>
      checkResponseScript({ operationId: "getAgent", status: 200, body: { data: { id: "agt_abc123" }, meta: { requestId: "req_1" } } }, spec, validators),
    );
    expect(error.code).toBe("bad_request");
    const paths = error.details?.map((d) => d.path) ?? [];
    expect(paths).toContain("/body/body/data/slug");
    for (const path of paths) expect(path.startsWith("/body/body/")).toBe(true);
  });

  it("a wrong type deep in the body is reported at its pointer", () => {
    const body = structuredClone(firstExample("getAgent", 200)) as { data: { version: unknown } };
    body.data.version = "one";
    const error = apiErrorOf(() => checkResponseScript({ operationId: "getAgent", status: 200, body }, spec, validators));
    expect(error.details?.map((d) => d.path)).toEqual(["/body/body/data/version"]);
  });

  it("an error body with an extra property is refused (the envelope is closed)", () => {
    const error = apiErrorOf(() => checkResponseScript({ operationId: "getAgent", status: 404, body: { error: { code: "not_found", message: "x", requestId: "req_1" }, extra: 1 } }, spec, validators));
    expect(error.details?.map((d) => d.path)).toEqual(["/body/body/extra"]);
  });

  it("without a body: the status's first documented example is filled in, as a copy", () => {
    const input: ResponseScriptInput = { operationId: "getAgent", status: 404 };
    const resolved = checkResponseScript(input, spec, validators);
    expect(resolved).toEqual({ operationId: "getAgent", status: 404, body: firstExample("getAgent", 404) });
    expect(resolved.body).toMatchObject({ error: { code: "not_found" } });
    expect(input).not.toHaveProperty("body");
    (resolved.body as { error: { message: string } }).error.message = "changed";
    expect(firstExample("getAgent", 404)).not.toMatchObject({ error: { message: "changed" } });
  });

  it("the filled-in example is valid for its status", () => {
    const resolved = checkResponseScript({ operationId: "createSandbox", status: 201 }, spec, validators);
    expect(validators.operation("createSandbox").responses.get(201)?.(resolved.body)).toEqual([]);
  });
});

describe("checkFaultRules", () => {
  function problems(rules: FaultRuleInput[]): { path: string; message: string }[] {
    try {
      checkFaultRules(rules, spec);
    } catch (error) {
      const details = (error as { code?: string; details?: { path: string; message: string }[] }).details;
      expect((error as { code?: string }).code).toBe("bad_request");
      return details ?? [];
    }
    return [];
  }
  const paths = (rules: FaultRuleInput[]) => problems(rules).map((p) => p.path);

  it("accepts valid rules", () => {
    expect(
      paths([
        { operationId: "runAgent", latency: { distribution: "lognormal", medianMs: 200, p99Ms: 2000 } },
        { operationId: "createSandbox", error: { probability: 0.25, status: 409, code: "conflict", message: "taken" } },
        { operationId: "deleteWorkspace", error: { probability: 1, status: 409, code: "WORKSPACE_IN_USE" } },
        { reset: { probability: 0.01 } },
        { latency: { distribution: "uniform", minMs: 50, maxMs: 150 } },
        { latency: { distribution: "uniform", minMs: 50, maxMs: 50 } },
        { latency: { distribution: "lognormal", medianMs: 100, p99Ms: 100 } },
        { latency: { distribution: "fixed", ms: 0 } },
      ]),
    ).toEqual([]);
  });

  it("an unknown operationId: at /body/rules/i/operationId", () => {
    expect(paths([{ reset: { probability: 0 } }, { operationId: "createAgent", reset: { probability: 0.5 } }])).toEqual(["/body/rules/1/operationId"]);
  });

  it("a status the operation does not declare: at /body/rules/i/error/status", () => {
    expect(paths([{ operationId: "getAgent", latency: { distribution: "fixed", ms: 1 } }, { operationId: "createSandbox", error: { probability: 1, status: 503 } }])).toEqual([
      "/body/rules/1/error/status",
    ]);
    expect(paths([{ operationId: "getAgent", error: { probability: 1, status: 409 } }])).toEqual(["/body/rules/0/error/status"]);
  });

  it("a declared status that is not an error (2xx) is refused too", () => {
    expect(paths([{ operationId: "getAgent", error: { probability: 1, status: 200 } }])).toEqual(["/body/rules/0/error/status"]);
  });

  it("without operationId only 500 and 503 are allowed", () => {
    expect(paths([{ error: { probability: 1, status: 500 } }, { error: { probability: 1, status: 503 } }])).toEqual([]);
    expect(paths([{ error: { probability: 1, status: 404 } }, { error: { probability: 1, status: 502 } }, { error: { probability: 1, status: 429 } }])).toEqual([
      "/body/rules/0/error/status",
      "/body/rules/1/error/status",
      "/body/rules/2/error/status",
    ]);
  });

  it("a code that is not the status's: at /body/rules/i/error/code", () => {
    expect(paths([{ operationId: "createSandbox", error: { probability: 1, status: 409, code: "not_found" } }])).toEqual(["/body/rules/0/error/code"]);
    expect(paths([{ operationId: "getAgent", error: { probability: 1, status: 401, code: "invalid_token" } }])).toEqual([]);
    expect(paths([{ operationId: "getAgent", error: { probability: 1, status: 401, code: "forbidden" } }])).toEqual(["/body/rules/0/error/code"]);
  });

  it("a uniform latency with minMs > maxMs", () => {
    expect(paths([{ latency: { distribution: "uniform", minMs: 200, maxMs: 100 } }])).toEqual(["/body/rules/0/latency/minMs"]);
  });

  it("a lognormal latency with medianMs > p99Ms", () => {
    expect(paths([{ operationId: "runAgent", latency: { distribution: "lognormal", medianMs: 500, p99Ms: 100 } }])).toEqual(["/body/rules/0/latency/medianMs"]);
  });

  it("reports every violation of every rule at once", () => {
    expect(
      paths([
        { operationId: "nope", latency: { distribution: "uniform", minMs: 9, maxMs: 1 } },
        { reset: { probability: 1 } },
        { operationId: "getAgent", error: { probability: 1, status: 409, code: "not_found" } },
      ]),
    ).toEqual(["/body/rules/0/operationId", "/body/rules/0/latency/minMs", "/body/rules/2/error/status", "/body/rules/2/error/code"]);
  });
});
