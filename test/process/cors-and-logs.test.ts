/**
 * The command's CORS and request-log flags, as a user starts it: a browser app's preflight and
 * call answered for the allowed origin only, the control plane without CORS, and one stderr
 * line per request.
 */
import { afterEach, describe, expect, it } from "vitest";
import { startMock, stopAllChildren, stopMock } from "./child.ts";

afterEach(() => stopAllChildren());

const APP = "http://localhost:5173";

describe("runtools-mock --cors-origin", () => {
  it("answers the allowed origin's preflight and lets it read the answer and its documented headers", async () => {
    const mock = await startMock(["--port", "0", "--cors-origin", APP]);
    const preflight = await fetch(`${mock.url}/v1/sandboxes`, {
      method: "OPTIONS",
      headers: { Origin: APP, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "x-api-key, content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(APP);
    expect(preflight.headers.get("access-control-allow-headers")).toBe("x-api-key, content-type");

    const call = await fetch(`${mock.url}/v1/sandboxes`, { headers: { Origin: APP, "X-API-Key": "rt_test_browser" } });
    expect(call.status).toBe(200);
    expect(call.headers.get("access-control-allow-origin")).toBe(APP);
    expect(call.headers.get("access-control-expose-headers")?.split(", ")).toEqual(expect.arrayContaining(["X-Request-Id", "X-Run-ID", "X-Thread-ID"]));

    const other = await fetch(`${mock.url}/v1/sandboxes`, { headers: { Origin: "https://elsewhere.example", "X-API-Key": "rt_test_browser" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    expect(await stopMock(mock)).toBe(0);
  });

  it("gives the control plane no CORS at all", async () => {
    const mock = await startMock(["--port", "0"]);
    const preflight = await fetch(`${mock.url}/__mock/reset`, { method: "OPTIONS", headers: { Origin: APP, "Access-Control-Request-Method": "POST" } });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.status).not.toBe(204);
    const read = await fetch(`${mock.url}/__mock/requests`, { headers: { Origin: APP } });
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("refuses a value that is not an origin", async () => {
    const { runMock } = await import("./child.ts");
    const result = await runMock(["--cors-origin", "http://app.example/path"]);
    expect(result.code).toBe(2);
    expect(result.output).toContain("--cors-origin must be an origin");
  });
});

describe("runtools-mock --log-level", () => {
  it("writes one line per request on stderr at info, and JSON with --log-format json", async () => {
    const mock = await startMock(["--port", "0", "--log-level", "info", "--log-format", "json"]);
    await fetch(`${mock.url}/v1/agents?limit=0`, { headers: { "X-API-Key": "rt_test_logs" } });
    await stopMock(mock);
    const lines = mock.output().split("\n").filter((line) => line.startsWith("{"));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ method: "GET", path: "/v1/agents", status: 400, operationId: "listAgents", violations: [expect.stringMatching(/^\/query\/limit /)] });
  });

  it("is silent under a test runner unless asked", async () => {
    const mock = await startMock(["--port", "0"]);
    await fetch(`${mock.url}/health`);
    await stopMock(mock);
    expect(mock.output()).not.toContain("GET /health");
  });
});
