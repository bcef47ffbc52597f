import { describe, expect, it } from "vitest";
import { createMock } from "../mock.ts";
import { bufferedBody, type PlainRequest } from "../core/http-types.ts";
import { createRequestLog, redact } from "./request-log.ts";

const post = (path: string, body: unknown, headers: Record<string, string> = {}): PlainRequest => ({
  method: "POST",
  path,
  query: new URLSearchParams(),
  headers: { "x-api-key": "rt_test_logsecretkey", "content-type": "application/json", ...headers },
  body: bufferedBody(JSON.stringify(body)),
  baseUrl: "http://127.0.0.1:4010",
  peer: { kind: "in-process" },
});

function loggedMock(logLevel: "silent" | "info" | "debug", logFormat: "text" | "json" = "text") {
  const lines: string[] = [];
  const mock = createMock({ logLevel, logFormat, log: (line) => lines.push(line) });
  return { mock, lines };
}

describe("request logs", () => {
  it("write one line per request with method, path, status, duration, operationId and request id", async () => {
    const { mock, lines } = loggedMock("info");
    const answer = await mock.handle(post("/v1/agents", { slug: "logged", executionMode: "managed" }));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^\\S+Z POST /v1/agents 201 [\\d.]+ms upsertAgent ${answer.headers["X-Request-Id"]}$`));
  });

  it("name the contract violations of a refused request", async () => {
    const { mock, lines } = loggedMock("info");
    await mock.handle(post("/v1/agents", { slug: "Not A Slug!", executionMode: "managed" }));
    expect(lines[0]).toMatch(/ 400 .* violations: \/body\/slug /);
  });

  it("write JSON objects with --log-format json", async () => {
    const { mock, lines } = loggedMock("info", "json");
    await mock.handle({ ...post("/v1/agents", {}), method: "GET", body: bufferedBody(undefined) });
    expect(JSON.parse(lines[0] as string)).toMatchObject({ method: "GET", path: "/v1/agents", status: 200, operationId: "listAgents", violations: [] });
  });

  it("add bodies at debug, never headers and never secret fields", async () => {
    const { mock, lines } = loggedMock("debug", "json");
    await mock.handle(post("/v1/agents", { slug: "debugged", executionMode: "managed", metadata: { apiKey: "sk_live_hidden" } }));
    const entry = JSON.parse(lines[0] as string) as { requestBody: { slug: string } };
    expect(entry.requestBody.slug).toBe("debugged");
    expect(lines[0]).not.toContain("sk_live_hidden");
    expect(lines[0]).not.toContain("rt_test_logsecretkey");
  });

  it("go to requestLog when it is given, and notes stay on log", async () => {
    const notes: string[] = [];
    const requests: string[] = [];
    const mock = createMock({ logLevel: "info", validateResponses: true, log: (line) => notes.push(line), requestLog: (line) => requests.push(line) });
    await mock.handle(post("/v1/agents", { slug: "routed", executionMode: "managed" }));
    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain("POST /v1/agents 201");
    expect(notes).toEqual([]);
  });

  it("are silent by default", async () => {
    const lines: string[] = [];
    const mock = createMock({ log: (line) => lines.push(line) });
    await mock.handle(post("/v1/agents", { slug: "quiet", executionMode: "managed" }));
    expect(lines).toEqual([]);
    expect(createRequestLog("silent", "text", () => undefined)).toBeUndefined();
  });

  it("redact fields named like secrets, at any depth, and keep token counts", () => {
    expect(redact({ token: "a", nested: [{ adminToken: "b", maxTokens: 5 }], password: "c", name: "ok" })).toEqual({
      token: "[redacted]",
      nested: [{ adminToken: "[redacted]", maxTokens: 5 }],
      password: "[redacted]",
      name: "ok",
    });
  });
});
