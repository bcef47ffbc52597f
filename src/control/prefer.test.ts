/**
 * Prism's `Prefer` header without HTTP (issue 5: "Prism's `Prefer: code=…, example=…` request
 * header is honoured for documented statuses"; spec/control.yaml, description: "`Prefer` (public
 * API, as in Prism)"). The operations are those of the real spec/openapi.yaml.
 */
import { describe, expect, it } from "vitest";
import type { PlainHeaders } from "../core/http-types.ts";
import { loadSpec, type OperationSpec } from "../spec/load.ts";
import { compileValidators } from "../spec/validators.ts";
import { apiErrorOf } from "../stateful/common/test-support.ts";
import { preferredResponse, withRequestId } from "./prefer.ts";

const spec = loadSpec();
const validators = compileValidators(spec);

function operation(operationId: string): OperationSpec {
  const found = spec.operations.find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

const getAgent = operation("getAgent");
const upsertAgent = operation("upsertAgent");
const REQUEST_ID = "req_Real1234";

function example(op: OperationSpec, status: number, name?: string): unknown {
  const examples = op.responses.get(status)?.examples;
  if (!examples) throw new Error(`${op.operationId} has no ${status}`);
  const value = name === undefined ? examples.values().next().value : examples.get(name);
  if (value === undefined) throw new Error(`${op.operationId} ${status} has no example ${name ?? "(first)"}`);
  return structuredClone(value);
}

function prefer(value: string | undefined, op: OperationSpec = getAgent) {
  const headers: PlainHeaders = value === undefined ? {} : { prefer: value };
  return preferredResponse(headers, op, REQUEST_ID);
}

/** The answer must be one the spec allows (the pipeline validates it like any other). */
function expectValid(op: OperationSpec, result: { status: number; body?: unknown } | undefined): void {
  if (!result) throw new Error("no answer");
  const check = validators.operation(op.operationId).responses.get(result.status);
  expect(check?.(result.body)).toEqual([]);
}

describe("preferredResponse", () => {
  it("no Prefer header, or one without code or example: undefined (the handler runs)", () => {
    expect(prefer(undefined)).toBeUndefined();
    expect(prefer("respond-async")).toBeUndefined();
    expect(prefer("dynamic=true, wait=5")).toBeUndefined();
    expect(prefer("code=")).toBeUndefined();
  });

  it("code=404: the first 404 example, with the request's id", () => {
    const result = prefer("code=404");
    const expected = example(getAgent, 404) as { error: { code: string; message: string; requestId: string } };
    expect(expected.error.requestId).not.toBe(REQUEST_ID);
    expected.error.requestId = REQUEST_ID;
    expect(result).toEqual({ status: 404, body: expected });
    expect(result?.body).toMatchObject({ error: { code: "not_found", requestId: REQUEST_ID } });
    expectValid(getAgent, result);
  });

  it("code=200: the first 200 example, meta.requestId replaced", () => {
    const result = prefer("code=200");
    const expected = example(getAgent, 200) as { meta: { requestId: string } };
    expected.meta.requestId = REQUEST_ID;
    expect(result).toEqual({ status: 200, body: expected });
    expectValid(getAgent, result);
  });

  it("code and example: that example of that status", () => {
    const result = prefer("code=404, example=sandboxNotFound");
    const expected = example(getAgent, 404, "sandboxNotFound") as { error: { requestId: string } };
    expected.error.requestId = REQUEST_ID;
    expect(result).toEqual({ status: 404, body: expected });
    const second = prefer("code=200, example=managedWithWorkspace");
    expect(second?.status).toBe(200);
    expect(second?.body).toEqual(withRequestId(example(getAgent, 200, "managedWithWorkspace"), REQUEST_ID));
    expect(second?.body).not.toEqual(prefer("code=200")?.body);
  });

  it("example alone: that example of the lowest 2xx status", () => {
    const result = prefer("example=managedWithWorkspace");
    expect(result?.status).toBe(200);
    expect(result?.body).toEqual(withRequestId(example(getAgent, 200, "managedWithWorkspace"), REQUEST_ID));
    expectValid(getAgent, result);
    // upsertAgent documents 200 (updated) and 201 (seed, …): the lowest is 200.
    expect(prefer("example=updated", upsertAgent)?.status).toBe(200);
  });

  it("example alone that the lowest 2xx status does not have: 400 at /header/prefer", () => {
    for (const [value, op] of [
      ["example=agentNotFound", getAgent],
      ["example=seed", upsertAgent],
    ] as const) {
      const error = apiErrorOf(() => prefer(value, op));
      expect(error.code).toBe("bad_request");
      expect(error.details?.map((d) => d.path)).toEqual(["/header/prefer"]);
    }
  });

  it("a status the operation does not document: 400 bad_request at /header/prefer", () => {
    for (const value of ["code=409", "code=201", "code=abc", "code=500, example=agentNotFound"]) {
      const error = apiErrorOf(() => prefer(value));
      expect(error.status).toBe(400);
      expect(error.code).toBe("bad_request");
      expect(error.details).toHaveLength(1);
      expect(error.details?.[0]?.path).toBe("/header/prefer");
    }
  });

  it("is ignored, the handler running as without it, on an operation that declares no 400 (GET /health)", () => {
    const health = operation("getHealth");
    expect(health.responses.has(400)).toBe(false);
    for (const value of ["code=404", "code=500", "example=nope", "code=200, example=nope"]) expect(prefer(value, health)).toBeUndefined();
    expect(prefer("code=200", health)?.status).toBe(200);
  });

  it("an example name the status does not have: 400 bad_request at /header/prefer", () => {
    for (const value of ["code=404, example=seedAgent", "code=200, example=nope", "example=nope"]) {
      const error = apiErrorOf(() => prefer(value));
      expect(error.code).toBe("bad_request");
      expect(error.details?.[0]?.path).toBe("/header/prefer");
    }
  });

  it("names the documented examples when the one asked for is not among them", () => {
    const error = apiErrorOf(() => prefer("code=200, example=nope"));
    const names = [...(getAgent.responses.get(200)?.examples.keys() ?? [])];
    expect(names.length).toBeGreaterThan(0);
    expect(error.message).toContain(`documented: ${names.join(", ")}`);
  });

  it("accepts quoted values, semicolons, spaces and other preferences around them", () => {
    const plain = prefer("code=404, example=threadNotFound");
    expect(plain?.body).toMatchObject({ error: { code: "not_found" } });
    for (const value of ['code="404", example="threadNotFound"', "code=404;example=threadNotFound", " code = 404 ;  example = threadNotFound ", "respond-async, code=404; example=threadNotFound, wait=10"]) {
      expect(prefer(value)).toEqual(plain);
    }
  });

  it("answers a copy: the spec's example keeps its own request id", () => {
    const before = example(getAgent, 404);
    const result = prefer("code=404") as { body: { error: { requestId: string } } };
    result.body.error.requestId = "req_changed";
    expect(example(getAgent, 404)).toEqual(before);
    expect((prefer("code=404") as { body: { error: { requestId: string } } }).body.error.requestId).toBe(REQUEST_ID);
  });
});

describe("withRequestId", () => {
  it("sets meta.requestId and error.requestId, leaves anything else as is", () => {
    expect(withRequestId({ data: 1, meta: { requestId: "req_x" } }, "req_y")).toEqual({ data: 1, meta: { requestId: "req_y" } });
    expect(withRequestId({ error: { code: "conflict", message: "m", requestId: "req_x" } }, "req_y")).toEqual({ error: { code: "conflict", message: "m", requestId: "req_y" } });
    expect(withRequestId({ format: "runtools-mock/state" }, "req_y")).toEqual({ format: "runtools-mock/state" });
    expect(withRequestId("text", "req_y")).toBe("text");
    expect(withRequestId(null, "req_y")).toBeNull();
  });
});
