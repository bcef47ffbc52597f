/**
 * Cross-cutting error behaviour through the real server: authentication (Part A "auth"),
 * routing (404 unknown path, 405 with Allow), and request bodies (413, 415, malformed JSON,
 * wrong JSON types, missing bodies). Every error must be the spec's envelope with the
 * `X-Request-Id` header equal to `error.requestId`, and none may be a 500.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Agent, Sandbox } from "../../src/api-types.ts";
import type { ContractClient, TestResponse } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import {
  OVERSIZED_JSON_BYTES,
  createRunningSandbox,
  detailPaths,
  expectBadRequest,
  expectError,
  getAgent,
  jsonOfSize,
  listAllAgents,
  sendChunked,
  upsertManaged,
} from "./helpers.ts";

const { server, client, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

const JSON_HEADERS = { "Content-Type": "application/json" };

describe("authentication", () => {
  it.each([
    ["GET", "/v1/agents"],
    ["POST", "/v1/agents"],
    ["GET", "/v1/agents/code-assistant"],
    ["PATCH", "/v1/agents/code-assistant"],
    ["DELETE", "/v1/agents/code-assistant"],
    ["GET", "/v1/sandboxes"],
    ["POST", "/v1/sandboxes"],
    ["GET", "/v1/sandboxes/build-runner"],
    ["DELETE", "/v1/sandboxes/build-runner"],
    ["POST", "/v1/sandboxes/build-runner/pause"],
    ["POST", "/v1/sandboxes/build-runner/resume"],
    ["POST", "/v1/sandboxes/build-runner/exec"],
  ])("answers %s %s without a key with 401 unauthorized", async (method, path) => {
    const res = await client().request(method, path, { anonymous: true });
    const error = expectError(res, 401, "unauthorized");
    expect(error.details).toBeUndefined();
  });

  it("treats an empty X-API-Key header as a missing key", async () => {
    const res = await client().get("/v1/agents", { headers: { "X-API-Key": "" } });
    expectError(res, 401, "unauthorized");
  });

  it.each([
    ["Authorization: Bearer nope", { Authorization: "Bearer nope" }],
    ["X-API-Key: abc", { "X-API-Key": "abc" }],
    ["Authorization: Basic x", { Authorization: "Basic x" }],
    ["Authorization: Bearer with no token", { Authorization: "Bearer" }],
    ["Authorization: a bare key without a scheme", { Authorization: "rt_test_abcdef123456" }],
    ["X-API-Key with an unknown rt_ prefix", { "X-API-Key": "rt_prod_abcdef123456" }],
    ["X-API-Key with an rt_test_ prefix and nothing after it", { "X-API-Key": "rt_test_" }],
    ["X-API-Key with punctuation in the key", { "X-API-Key": "rt_live_abc-def.ghi" }],
  ])("answers a malformed key (%s) with 401 invalid_token", async (_label, headers) => {
    const res = await client().get("/v1/agents", { headers });
    const error = expectError(res, 401, "invalid_token");
    expect(error.details).toBeUndefined();
  });

  it("accepts the Bearer scheme in any letter case", async () => {
    const c = client();
    await upsertManaged(c, "case-check");
    const res = await c.get<{ data: Agent[] }>("/v1/agents", { headers: { Authorization: `bearer ${c.apiKey}` } });
    expect(res.status).toBe(200);
    expect(res.body.data.map((a) => a.slug)).toEqual(["case-check"]);
  });

  it("serves GET /health without a key, and ignores a malformed one", async () => {
    const c = client();
    for (const options of [{ anonymous: true }, { headers: { "X-API-Key": "abc" } }]) {
      const res = await c.get("/health", options);
      expect(res.status).toBe(200);
      expect(res.operationId).toBe("getHealth");
      expect(res.body).toEqual({ status: "ok", service: "runtools-mock", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
      expect(res.headers.get("x-request-id")).toMatch(/^req_[A-Za-z0-9]+$/);
    }
  });

  it("checks the key before the body: a keyless oversized request is a 401, not a 413", async () => {
    const res = await client().request("POST", "/v1/agents", {
      anonymous: true,
      rawBody: jsonOfSize(OVERSIZED_JSON_BYTES),
      headers: JSON_HEADERS,
    });
    expectError(res, 401, "unauthorized");
  });
});

describe("routing", () => {
  it.each([
    ["GET", "/v1/nope"],
    ["GET", "/v2/agents"],
    ["GET", "/"],
    ["GET", "/v1"],
    ["POST", "/v1/agents/code-assistant/archive"],
    ["GET", "/v1/sandboxes/build-runner/logs"],
    ["GET", "/v1/agents/a/b/c"],
  ])("answers %s %s, a path the spec does not have, with 404 not_found", async (method, path) => {
    const res = await client().request(method, path);
    const error = expectError(res, 404, "not_found");
    expect(error.details).toBeUndefined();
    expect(res.operationId).toBeUndefined();
  });

  it("answers an unknown path with 404 even without a key (routing comes first)", async () => {
    expectError(await client().get("/v1/does-not-exist", { anonymous: true }), 404, "not_found");
  });

  it.each([
    ["PUT", "/v1/agents", ["GET", "POST"]],
    ["DELETE", "/v1/agents", ["GET", "POST"]],
    ["PUT", "/v1/agents/code-assistant", ["DELETE", "GET", "PATCH"]],
    ["POST", "/v1/agents/code-assistant", ["DELETE", "GET", "PATCH"]],
    ["PATCH", "/v1/sandboxes", ["GET", "POST"]],
    ["PATCH", "/v1/sandboxes/build-runner", ["DELETE", "GET"]],
    ["GET", "/v1/sandboxes/build-runner/pause", ["POST"]],
    ["DELETE", "/v1/sandboxes/build-runner/resume", ["POST"]],
    ["GET", "/v1/sandboxes/build-runner/exec", ["POST"]],
    ["POST", "/health", ["GET"]],
  ])("answers %s %s with 405 method_not_allowed and Allow listing the spec's methods", async (method, path, allowed) => {
    const res = await client().request(method, path);
    const error = expectError(res, 405, "method_not_allowed");
    expect(error.details).toBeUndefined();
    const allow = res.headers.get("allow") ?? "";
    expect(allow.split(/,\s*/).sort()).toEqual(allowed);
  });

  it("gives every response its own request id", async () => {
    const c = client();
    const ids = new Set<string | null>();
    for (let i = 0; i < 5; i++) ids.add((await c.get("/v1/agents")).headers.get("x-request-id"));
    ids.add((await c.get("/v1/nope")).headers.get("x-request-id"));
    expect(ids.size).toBe(6);
  });
});

describe("request bodies", () => {
  describe("over 1 MiB: 413 payload_too_large, state unchanged", () => {
    it("refuses a ~1.1 MB JSON upsert of an existing agent, leaving it as it was", async () => {
      const c = client();
      await upsertManaged(c, "big-agent", { description: "before" });
      const before = await getAgent(c, "big-agent");
      const res = await c.request("POST", "/v1/agents", { rawBody: jsonOfSize(OVERSIZED_JSON_BYTES), headers: JSON_HEADERS });
      const error = expectError(res, 413, "payload_too_large");
      expect(error.details).toBeUndefined();
      expect(await getAgent(c, "big-agent")).toEqual(before);
    });

    it("refuses a ~1.1 MB body sent chunked, without a Content-Length, and creates nothing", async () => {
      const c = client();
      const chunk = "x".repeat(64 * 1024);
      const res = await sendChunked(
        server().url,
        "POST",
        "/v1/agents",
        { "X-API-Key": c.apiKey, "Content-Type": "application/json" },
        ['{"slug":"chunked","executionMode":"managed","env":{"PAD":"', ...Array.from({ length: 17 }, () => chunk), '"}}'],
      );
      expectError(res, 413, "payload_too_large");
      expect(await listAllAgents(c)).toEqual([]);
    });

    it("accepts a small body sent chunked", async () => {
      const c = client();
      const res = await sendChunked(
        server().url,
        "POST",
        "/v1/agents",
        { "X-API-Key": c.apiKey, "Content-Type": "application/json" },
        ['{"slug":"small-', 'chunks","executionMode":', '"managed"}'],
      );
      expect(res.status).toBe(201);
      expect((await getAgent(c, "small-chunks")).executionMode).toBe("managed");
    });
  });

  describe("not JSON: 415 unsupported_media_type", () => {
    it.each([
      ["text/plain", "text/plain"],
      ["application/xml", "application/xml"],
      ["a form encoding", "application/x-www-form-urlencoded"],
      ["multipart", "multipart/form-data; boundary=x"],
    ])("refuses a body declared as %s, and creates nothing", async (_label, contentType) => {
      const c = client();
      const res = await c.request("POST", "/v1/agents", {
        rawBody: JSON.stringify({ slug: "typed", executionMode: "managed" }),
        headers: { "Content-Type": contentType },
      });
      expectError(res, 415, "unsupported_media_type");
      expect(await listAllAgents(c)).toEqual([]);
    });

    it("refuses a body sent without any Content-Type", async () => {
      const c = client();
      const res = await c.request("POST", "/v1/agents", { rawBody: new TextEncoder().encode('{"slug":"untyped","executionMode":"managed"}') });
      expectError(res, 415, "unsupported_media_type");
      expect(await listAllAgents(c)).toEqual([]);
    });

    it("sends no details with a 415 (details are for 400s only)", async () => {
      const res = await client().request("POST", "/v1/agents", { rawBody: '{"slug":"x"}', headers: { "Content-Type": "text/plain" } });
      expect(expectError(res, 415, "unsupported_media_type").details).toBeUndefined();
    });

    it("accepts application/json with a charset parameter", async () => {
      const c = client();
      const res = await c.request("POST", "/v1/agents", {
        rawBody: JSON.stringify({ slug: "charset", executionMode: "managed" }),
        headers: { "Content-Type": "application/json; charset=utf-8" },
      });
      expect(res.status).toBe(201);
    });
  });

  describe("malformed or wrongly shaped JSON: 400 bad_request", () => {
    it.each([
      ["an unclosed object", "{bad"],
      ["a trailing comma", '{"slug":"a","executionMode":"managed",}'],
      ["a truncated document", '{"slug":'],
      ["single quotes", "{'slug':'a'}"],
      ["two documents", '{"slug":"a"}{"slug":"b"}'],
    ])("answers %s with a details entry at /body, and creates nothing", async (_label, rawBody) => {
      const c = client();
      const res = await c.request("POST", "/v1/agents", { rawBody, headers: JSON_HEADERS });
      expectBadRequest(res, "/body");
      expect(detailPaths(res)).toEqual(["/body"]);
      expect(await listAllAgents(c)).toEqual([]);
    });

    it("answers a body that is not valid UTF-8 with a details entry at /body", async () => {
      const res = await client().request("POST", "/v1/agents", {
        rawBody: new Uint8Array([0x7b, 0x22, 0x73, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
        headers: JSON_HEADERS,
      });
      expectBadRequest(res, "/body");
    });

    it.each([
      ["an array", "[]"],
      ["an array of the right object", '[{"slug":"a","executionMode":"managed"}]'],
      ["a string", '"code-assistant"'],
      ["a number", "42"],
      ["a boolean", "true"],
    ])("answers %s where an object is expected with 400 at /body", async (_label, rawBody) => {
      const c = client();
      for (const [method, path] of [
        ["POST", "/v1/agents"],
        ["POST", "/v1/sandboxes"],
      ] as const) {
        const res = await c.request(method, path, { rawBody, headers: JSON_HEADERS });
        expectBadRequest(res, "/body");
      }
      expect(await listAllAgents(c)).toEqual([]);
      expect((await c.get<{ data: Sandbox[] }>("/v1/sandboxes")).body.data).toEqual([]);
    });

    it("answers a JSON null where the agent object is expected with 400", async () => {
      const c = client();
      const res = await c.request("POST", "/v1/agents", { rawBody: "null", headers: JSON_HEADERS });
      expectError(res, 400, "bad_request");
      expect(await listAllAgents(c)).toEqual([]);
    });

    it("answers a JSON null body to POST /v1/sandboxes with 400, and creates nothing", async () => {
      const c = client();
      const res = await c.request("POST", "/v1/sandboxes", { rawBody: "null", headers: JSON_HEADERS });
      expectBadRequest(res, "/body");
      expect((await c.get<{ data: Sandbox[] }>("/v1/sandboxes")).body.data).toEqual([]);
    });
  });

  describe("missing body where one is required: 400 at /body", () => {
    it("answers an upsert with no body", async () => {
      const c = client();
      expectBadRequest(await c.request("POST", "/v1/agents", { headers: JSON_HEADERS }), "/body");
      expectBadRequest(await c.request("POST", "/v1/agents"), "/body");
      expect(await listAllAgents(c)).toEqual([]);
    });

    it("answers a PATCH and an exec with no body", async () => {
      const c = client();
      await upsertManaged(c, "patched");
      expectBadRequest(await c.request("PATCH", "/v1/agents/patched", { headers: JSON_HEADERS }), "/body");
      const sandbox = await createRunningSandbox(c);
      expectBadRequest(await c.request("POST", `/v1/sandboxes/${sandbox.id}/exec`, { headers: JSON_HEADERS }), "/body");
      expect((await getAgent(c, "patched")).version).toBe(1);
    });
  });

  it("never answers a bad body with a 500, on any operation that takes one", async () => {
    const c = client();
    await upsertManaged(c, "target");
    const sandbox = await createRunningSandbox(c, { name: "target-box" });
    const operations: [string, string][] = [
      ["POST", "/v1/agents"],
      ["PATCH", "/v1/agents/target"],
      ["POST", "/v1/sandboxes"],
      ["POST", `/v1/sandboxes/${sandbox.id}/exec`],
    ];
    const bodies: { rawBody?: string | Uint8Array; headers?: Record<string, string> }[] = [
      { rawBody: "{", headers: JSON_HEADERS },
      { rawBody: "[]", headers: JSON_HEADERS },
      { rawBody: '"x"', headers: JSON_HEADERS },
      { rawBody: "0", headers: JSON_HEADERS },
      { rawBody: "null", headers: JSON_HEADERS },
      { rawBody: '{"__proto__":{"polluted":true}}', headers: JSON_HEADERS },
      { rawBody: '{"constructor":{"prototype":{"x":1}}}', headers: JSON_HEADERS },
      { rawBody: new Uint8Array([0xc3, 0x28]), headers: JSON_HEADERS },
      { rawBody: "x=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
      { rawBody: "{}", headers: { "Content-Type": "text/json" } },
      { rawBody: '{"slug":"a"}', headers: { "Content-Type": "" } },
      { rawBody: JSON.stringify({ command: 1, slug: 2, name: 3, tools: { a: 1 }, env: [], tags: "ci" }), headers: JSON_HEADERS },
    ];
    const seen: TestResponse[] = [];
    for (const [method, path] of operations) {
      for (const body of bodies) {
        const res = await c.request(method, path, body);
        expect(res.status, `${method} ${path} ${String(body.rawBody)}`).toBeLessThan(500);
        seen.push(res);
      }
    }
    expect(seen.every((r) => r.status >= 200 && r.status < 500)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The existing agent and sandbox survive the barrage.
    expect((await getAgent(c, "target")).slug).toBe("target");
    expect((await c.get<{ data: Sandbox }>("/v1/sandboxes/target-box")).body.data.status).toBe("running");
  });
});

/** Every 4xx the file produced went through expectError; this checks the envelope one more way. */
describe("the error envelope", () => {
  it("has exactly code, message and requestId (and details on a 400), with X-Request-Id equal to requestId", async () => {
    const c: ContractClient = client();
    const samples: [TestResponse, boolean][] = [
      [await c.get("/v1/agents", { anonymous: true }), false],
      [await c.get("/v1/agents/ghost"), false],
      [await c.request("PUT", "/v1/agents"), false],
      [await c.get("/v1/agents?limit=0"), true],
    ];
    for (const [res, hasDetails] of samples) {
      const error = expectError(res, res.status, res.body.error.code);
      expect(Object.keys(error).sort()).toEqual(hasDetails ? ["code", "details", "message", "requestId"] : ["code", "message", "requestId"]);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    }
  });
});
