import { describe, expect, it } from "vitest";
import { buildSpecModel, CONTROL_PATH, loadSpec } from "./load.ts";

describe("buildSpecModel", () => {
  it("fails loudly on an operation without an operationId", () => {
    expect(() => buildSpecModel({ openapi: "3.1.0", paths: { "/x": { get: { responses: {} } } } })).toThrow(/no operationId/);
  });

  it("fails loudly on a duplicated operationId", () => {
    const doc = {
      openapi: "3.1.0",
      paths: { "/a": { get: { operationId: "same", responses: {} } }, "/b": { get: { operationId: "same", responses: {} } } },
    };
    expect(() => buildSpecModel(doc)).toThrow(/used twice/);
  });

  it("fails loudly on response ranges such as 2XX, which the mock could not validate exactly", () => {
    const doc = { openapi: "3.1.0", paths: { "/a": { get: { operationId: "a", responses: { "2XX": { description: "x" } } } } } };
    expect(() => buildSpecModel(doc)).toThrow(/exact status/);
  });

  it("resolves parameter and response $refs and applies operation-level security", () => {
    const doc = {
      openapi: "3.1.0",
      security: [{ key: [] }],
      paths: {
        "/a/{id}": {
          parameters: [{ $ref: "#/components/parameters/Id" }],
          get: { operationId: "a", responses: { "404": { $ref: "#/components/responses/NotFound" } } },
          post: { operationId: "b", security: [], responses: {} },
        },
      },
      components: {
        parameters: { Id: { name: "id", in: "path", required: true, schema: { type: "string" } } },
        responses: { NotFound: { description: "nope", content: { "application/json": { schema: { type: "object" } } } } },
      },
    };
    const [a, b] = buildSpecModel(doc).operations;
    expect(a?.parameters).toEqual([{ name: "id", in: "path", required: true, schema: { type: "string" } }]);
    expect(a?.responses.get(404)?.content.get("application/json")).toEqual({ type: "object" });
    expect(a?.requiresAuth).toBe(true);
    expect(b?.requiresAuth).toBe(false);
  });
});

describe("spec/openapi.yaml", () => {
  const spec = loadSpec();

  it("gives every operation both security schemes except the health check and the documented keyless ones", () => {
    const open = spec.operations.filter((op) => !op.requiresAuth).map((op) => op.operationId);
    // RunMesh link start and poll: "Auth: none" (docs: /api-reference/runmesh); the workflow webhook
    // takes its X-Webhook-Secret instead (docs: /advanced/webhooks); the attachment upload URL is
    // signed by its query.
    expect(open.sort()).toEqual(["getHealth", "invokeWorkflowWebhook", "pollDeviceLink", "startDeviceLink", "uploadAttachmentContent"]);
    expect(spec.operations.filter((op) => op.webhookSecret).map((op) => op.operationId)).toEqual(["invokeWorkflowWebhook"]);
    expect(spec.document.security).toEqual([{ ApiKeyHeader: [] }, { BearerAuth: [] }]);
  });

  it("declares 401 on every authenticated operation and 400 wherever input is validated", () => {
    for (const op of spec.operations.filter((o) => o.requiresAuth)) {
      expect([...op.responses.keys()], op.operationId).toContain(401);
      // An operation without parameters or body (GET /v1/me) has no input to reject.
      const takesInput = op.parameters.length > 0 || op.requestBody !== undefined;
      if (takesInput) expect([...op.responses.keys()], op.operationId).toContain(400);
      else expect([...op.responses.keys()], op.operationId).not.toContain(400);
    }
  });

  it("declares 507 on every operation that can change state (every method but GET), for --persist failures", () => {
    for (const op of spec.operations.filter((o) => o.method !== "GET")) {
      expect([...op.responses.keys()], op.operationId).toContain(507);
    }
  });

  it("declares 413 and 415 on every control-plane operation that takes a body (the control plane refuses both before any handler)", () => {
    for (const op of loadSpec(CONTROL_PATH).operations.filter((o) => o.requestBody)) {
      expect([...op.responses.keys()], op.operationId).toEqual(expect.arrayContaining([413, 415]));
    }
  });

  it("declares 413 and 415 on every operation that takes a JSON body, 413 alone on an upload (any media type)", () => {
    for (const op of spec.operations.filter((o) => o.requestBody)) {
      expect([...op.responses.keys()], op.operationId).toEqual(expect.arrayContaining(op.requestBody?.mediaType === "*/*" ? [413] : [413, 415]));
      if (op.requestBody?.mediaType === "*/*") expect([...op.responses.keys()], op.operationId).not.toContain(415);
    }
  });
});
