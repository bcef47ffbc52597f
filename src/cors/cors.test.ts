import { describe, expect, it } from "vitest";
import { bufferedBody, type PlainRequest, type PlainResponse } from "../core/http-types.ts";
import { createCors, documentedResponseHeaders } from "./cors.ts";

const request = (method: string, headers: Record<string, string>): PlainRequest => ({
  method,
  path: "/v1/agents",
  query: new URLSearchParams(),
  headers,
  body: bufferedBody(undefined),
  baseUrl: "http://127.0.0.1:4010",
  peer: { kind: "in-process" },
});
const answer: PlainResponse = { status: 200, headers: { "X-Request-Id": "req_1" }, body: {} };
const preflight = (origin: string) =>
  request("OPTIONS", { origin, "access-control-request-method": "POST", "access-control-request-headers": "x-api-key, content-type" });

describe("CORS for the public API", () => {
  it("answers a preflight from any origin by default, allowing the requested headers", () => {
    const answered = createCors("*", ["X-Request-Id"]).preflight(preflight("http://localhost:5173"));
    expect(answered).toMatchObject({
      status: 204,
      headers: { "Access-Control-Allow-Origin": "http://localhost:5173", "Access-Control-Allow-Headers": "x-api-key, content-type", "Access-Control-Allow-Methods": expect.stringContaining("PATCH") },
    });
  });

  it("leaves a preflight from an origin outside the list, and a plain OPTIONS, to the API", () => {
    const cors = createCors(["https://app.example"], []);
    expect(cors.preflight(preflight("https://evil.example"))).toBeUndefined();
    expect(cors.preflight(request("OPTIONS", { origin: "https://app.example" }))).toBeUndefined();
    expect(cors.preflight(preflight("https://app.example"))?.status).toBe(204);
  });

  it("lets an allowed origin read the answer and its documented headers, and adds nothing for others", () => {
    const cors = createCors(["https://app.example"], ["X-Request-Id", "X-Run-ID"]);
    expect(cors.decorate(request("GET", { origin: "https://app.example" }), answer).headers).toEqual({
      "X-Request-Id": "req_1",
      "Access-Control-Allow-Origin": "https://app.example",
      "Access-Control-Expose-Headers": "X-Request-Id, X-Run-ID",
      Vary: "Origin",
    });
    expect(cors.decorate(request("GET", { origin: "https://evil.example" }), answer)).toBe(answer);
    expect(cors.decorate(request("GET", {}), answer)).toBe(answer);
  });

  it("is off with an empty list", () => {
    const cors = createCors([], []);
    expect(cors.preflight(preflight("http://localhost:5173"))).toBeUndefined();
    expect(cors.decorate(request("GET", { origin: "http://localhost:5173" }), answer)).toBe(answer);
  });

  it("exposes the response headers the document declares", () => {
    const document = {
      paths: {
        "/v1/run": { post: { responses: { 200: { headers: { "X-Request-Id": {}, "X-Run-ID": {} } }, 400: {} } } },
        "/health": { parameters: [], get: { responses: { 200: { headers: { "X-Request-Id": {} } }, 201: { $ref: "#/components/responses/Run" } } } },
      },
      components: { responses: { Run: { headers: { "X-Thread-ID": {} } } } },
    };
    expect(documentedResponseHeaders(document)).toEqual(["X-Request-Id", "X-Run-ID", "X-Thread-ID"]);
  });
});
