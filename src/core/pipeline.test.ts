import { describe, expect, it } from "vitest";
import { buildSpecModel } from "../spec/load.ts";
import { RouteTable } from "../spec/routes.ts";
import { compileValidators } from "../spec/validators.ts";
import { bufferedBody, type PlainRequest } from "./http-types.ts";
import { createPipeline, type CompletedRequest, type Dispatch, type OperationResult } from "./pipeline.ts";
import { ApiError } from "./errors.ts";

const model = buildSpecModel({
  openapi: "3.1.0",
  security: [{ key: [] }],
  paths: {
    "/ping": { get: { operationId: "ping", security: [], responses: { "200": { $ref: "#/components/responses/Pong" } } } },
    "/things": {
      post: {
        operationId: "makeThing",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Input" } } } },
        responses: {
          "201": { $ref: "#/components/responses/Pong" },
          "400": { $ref: "#/components/responses/Error" },
          "401": { $ref: "#/components/responses/Error" },
        },
      },
    },
  },
  components: {
    schemas: {
      Input: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
      Pong: { type: "object", additionalProperties: false, required: ["ok"], properties: { ok: { const: true } } },
      ErrorResponse: {
        type: "object",
        additionalProperties: false,
        required: ["error"],
        properties: {
          error: {
            type: "object",
            additionalProperties: false,
            required: ["code", "message", "requestId"],
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              requestId: { type: "string" },
              details: { type: "array" },
            },
          },
        },
      },
    },
    responses: {
      Pong: { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pong" } } } },
      Error: { description: "error", content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorResponse" } } } },
    },
  },
});

function pipelineWith(answer: (operationId: string, body: unknown) => OperationResult, validateResponses = true) {
  const violations: string[] = [];
  const completed: CompletedRequest[] = [];
  const dispatch: Dispatch = (input, request) => answer(request.operation.operationId, input.body);
  let n = 0;
  const handle = createPipeline({
    routes: new RouteTable(model.operations),
    validators: compileValidators(model),
    dispatch,
    keyring: undefined,
    validateResponses,
    bodyLimit: () => 1024,
    newRequestId: () => `req_${++n}`,
    onViolation: (operationId, status) => violations.push(`${operationId} ${status}`),
    onComplete: (done) => void completed.push(done),
  });
  return { handle, violations, completed };
}

const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): PlainRequest => ({
  method,
  path,
  query: new URLSearchParams(),
  headers: { "x-api-key": "rt_test_k", "content-type": "application/json", ...headers },
  body: bufferedBody(body === undefined ? undefined : JSON.stringify(body)),
  baseUrl: "http://mock.test",
  peer: { kind: "in-process" },
});

describe("createPipeline", () => {
  it("sends X-Request-Id on every response, matching the error's requestId", async () => {
    const { handle } = pipelineWith(() => ({ status: 201, body: { ok: true } }));
    const missing = await handle(request("GET", "/nowhere"));
    expect(missing.status).toBe(404);
    expect(missing.headers["X-Request-Id"]).toBe((missing.body as { error: { requestId: string } }).error.requestId);
    expect((await handle(request("GET", "/ping"))).headers["X-Request-Id"]).toMatch(/^req_\d+$/);
  });

  it("routes before authenticating, so an operation with security: [] needs no key", async () => {
    const { handle } = pipelineWith(() => ({ status: 200, body: { ok: true } }));
    expect((await handle(request("GET", "/ping", undefined, { "x-api-key": "" }))).status).toBe(200);
    expect((await handle(request("POST", "/things", { name: "a" }, { "x-api-key": "" }))).status).toBe(401);
  });

  it("never calls the handler for an invalid request", async () => {
    let calls = 0;
    const { handle } = pipelineWith(() => {
      calls += 1;
      return { status: 201, body: { ok: true } };
    });
    const response = await handle(request("POST", "/things", { name: 5 }));
    expect(response.status).toBe(400);
    expect((response.body as { error: { details: unknown } }).error.details).toEqual([{ path: "/body/name", message: "must be string" }]);
    expect(calls).toBe(0);
  });

  it("turns a response body that violates the spec into a 500 and reports it", async () => {
    const { handle, violations } = pipelineWith(() => ({ status: 201, body: { ok: true, extra: 1 } }));
    const response = await handle(request("POST", "/things", { name: "a" }));
    expect(response.status).toBe(500);
    expect((response.body as { error: { message: string } }).error.message).toContain("/body/extra");
    expect(violations).toEqual(["makeThing 201"]);
  });

  it("turns a status the operation does not declare into a 500, errors included", async () => {
    const { handle, violations } = pipelineWith(() => {
      throw new ApiError("conflict", "not declared here");
    });
    const response = await handle(request("POST", "/things", { name: "a" }));
    expect(response.status).toBe(500);
    expect(violations).toEqual(["makeThing 409"]);
  });

  it("passes off-spec responses through untouched when response validation is off", async () => {
    const { handle, violations } = pipelineWith(() => ({ status: 201, body: { ok: false } }), false);
    const response = await handle(request("POST", "/things", { name: "a" }));
    expect(response).toMatchObject({ status: 201, body: { ok: false } });
    expect(violations).toEqual([]);
  });

  it("renders an unexpected exception as a 500 internal_error envelope", async () => {
    const { handle } = pipelineWith(() => {
      throw new Error("boom");
    });
    const response = await handle(request("GET", "/ping"));
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ error: { code: "internal_error" } });
  });

  it("hands the journal the request's validation errors as request-side violations", async () => {
    const { handle, completed } = pipelineWith(() => ({ status: 201, body: { ok: true } }));
    await handle(request("POST", "/things", { name: 5 }));
    expect(completed.at(-1)?.violations).toEqual([{ source: "request", path: "/body/name", message: "must be string" }]);
    await handle(request("POST", "/things", { name: "a" }));
    expect(completed.at(-1)?.violations).toEqual([]);
  });

  it("hands the journal an answer's contract violations as response-side violations", async () => {
    const { handle, completed } = pipelineWith(() => ({ status: 201, body: { ok: true, extra: 1 } }));
    await handle(request("POST", "/things", { name: "a" }));
    expect(completed.at(-1)?.violations).toEqual([{ source: "response", path: "/body/extra", message: "is not a declared property" }]);
  });
});
