/**
 * Who may use the control plane (issue 5 "Safety"; spec/control.yaml "Access"): loopback clients
 * always, others only with `--admin-token` as a Bearer token (401 without or with a wrong one),
 * and nobody else when no token is set (403). The public API does not care where a request comes
 * from. A listening server only ever sees loopback peers in a test, so these tests build a mock
 * with createMock and hand it requests with the peer address set, as an adapter would.
 */
import { afterEach, describe, expect, it } from "vitest";
import { bufferedBody, type PlainRequest, type PlainResponse } from "../../src/core/http-types.ts";
import { createMock, type Mock } from "../../src/mock.ts";
import { assertConforms, freshKey } from "../support/contract-client.ts";
import { assertPlainControlConforms } from "./control-client.ts";

const violations: string[] = [];
afterEach(() => {
  expect(violations).toEqual([]);
});

function mockWith(adminToken?: string): Mock {
  return createMock({ validateResponses: true, log: (line) => violations.push(line), ...(adminToken === undefined ? {} : { adminToken }) });
}

/** A request as an adapter hands it over, from `remoteAddress`. */
function plain(method: string, path: string, remoteAddress: string | undefined, headers: Record<string, string> = {}): PlainRequest {
  const url = new URL(path, "http://mock.test");
  return {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    body: bufferedBody(undefined),
    baseUrl: "http://mock.test",
    peer: { kind: "socket", address: remoteAddress },
  };
}

/** Sends a control request and checks the answer against spec/control.yaml. */
async function controlCall(mock: Mock, method: string, path: string, remoteAddress: string | undefined, headers: Record<string, string> = {}): Promise<PlainResponse> {
  const response = await mock.handle(plain(method, path, remoteAddress, headers));
  assertPlainControlConforms(method, path, response);
  return response;
}

function errorCode(response: PlainResponse): string {
  return (response.body as { error: { code: string } }).error.code;
}

const REMOTE = "10.1.2.3";
const TOKEN = "s3cret-admin-token";
/** Built once each (compiling both contracts takes a moment). */
const closed = mockWith();
const tokened = mockWith(TOKEN);

describe("without adminToken", () => {
  const mock = closed;

  it("refuses a non-loopback client with 403 forbidden on every control operation", async () => {
    for (const [method, path] of [
      ["GET", "/__mock/state"],
      ["POST", "/__mock/reset"],
      ["GET", "/__mock/requests"],
      ["DELETE", "/__mock/scripts"],
      ["GET", "/__mock/faults"],
    ] as const) {
      const response = await controlCall(mock, method, path, REMOTE);
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(errorCode(response)).toBe("forbidden");
    }
  });

  it("refuses a non-loopback client with 403 even when it sends a Bearer token", async () => {
    const response = await controlCall(mock, "GET", "/__mock/state", REMOTE, { Authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(403);
    expect(errorCode(response)).toBe("forbidden");
  });

  it("refuses before anything happens: a refused reset resets nothing", async () => {
    const key = freshKey("accessReset");
    const created = await mock.handle({
      ...plain("POST", "/v1/agents", REMOTE, { "X-API-Key": key, "Content-Type": "application/json" }),
      body: bufferedBody(JSON.stringify({ slug: "helper", executionMode: "managed" })),
    });
    expect(created.status).toBe(201);
    expect((await controlCall(mock, "POST", "/__mock/reset", REMOTE)).status).toBe(403);
    expect((await mock.handle(plain("GET", "/v1/agents/helper", REMOTE, { "X-API-Key": key }))).status).toBe(200);
  });

  it("answers loopback clients (127.0.0.1, another 127/8 address, ::1, ::ffff:127.0.0.1) without a token", async () => {
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"]) {
      const response = await controlCall(mock, "GET", "/__mock/faults", address);
      expect(response.status, address).toBe(200);
    }
  });

  it("does not take addresses that merely look local for loopback (::ffff:10.0.0.1, 10.127.0.1, 0.0.0.0)", async () => {
    for (const address of ["::ffff:10.0.0.1", "10.127.0.1", "0.0.0.0"]) {
      const response = await controlCall(mock, "GET", "/__mock/faults", address);
      expect(response.status, address).toBe(403);
    }
  });
});

describe("with adminToken", () => {
  const mock = tokened;

  it("answers 401 unauthorized to a non-loopback client without Authorization", async () => {
    const response = await controlCall(mock, "GET", "/__mock/state", REMOTE);
    expect(response.status).toBe(401);
    expect(errorCode(response)).toBe("unauthorized");
  });

  it("answers 401 invalid_token to a non-loopback client with a wrong token", async () => {
    for (const authorization of [`Bearer wrong-token`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`]) {
      const response = await controlCall(mock, "GET", "/__mock/state", REMOTE, { Authorization: authorization });
      expect(response.status, authorization).toBe(401);
      expect(errorCode(response)).toBe("invalid_token");
    }
  });

  it("answers 401 to a non-loopback client whose Authorization is not a Bearer token", async () => {
    const response = await controlCall(mock, "GET", "/__mock/state", REMOTE, { Authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString("base64")}` });
    expect(response.status).toBe(401);
    expect(["unauthorized", "invalid_token"]).toContain(errorCode(response));
  });

  it("answers a non-loopback client with the right token", async () => {
    const state = await controlCall(mock, "GET", "/__mock/state", REMOTE, { Authorization: `Bearer ${TOKEN}` });
    expect(state.status).toBe(200);
    expect((state.body as { format: string }).format).toBe("runtools-mock/state");
    const reset = await controlCall(mock, "POST", "/__mock/reset", REMOTE, { Authorization: `Bearer ${TOKEN}` });
    expect(reset.status).toBe(200);
    expect((reset.body as { data: unknown }).data).toEqual({ scope: "all", orgId: null });
  });

  it("answers loopback clients without a token, and ignores their Authorization", async () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1"]) {
      expect((await controlCall(mock, "GET", "/__mock/faults", address)).status, address).toBe(200);
      expect((await controlCall(mock, "GET", "/__mock/faults", address, { Authorization: "Bearer wrong-token" })).status, address).toBe(200);
    }
  });
});

describe("the public API", () => {
  it("is not affected by the peer address, with or without adminToken", async () => {
    for (const mock of [closed, tokened]) {
      const key = freshKey("accessPublic");
      for (const address of [REMOTE, "127.0.0.1", "::1"]) {
        const response = await mock.handle(plain("GET", "/v1/agents", address, { "X-API-Key": key }));
        expect(response.status, address).toBe(200);
        assertConforms("GET", "/v1/agents", response.status, new Headers(response.headers), response.body);
      }
      // Its own authentication still applies, and the admin token is not an API key.
      const anonymous = await mock.handle(plain("GET", "/v1/agents", REMOTE));
      expect(anonymous.status).toBe(401);
      const adminAsKey = await mock.handle(plain("GET", "/v1/agents", REMOTE, { Authorization: `Bearer ${TOKEN}` }));
      expect(adminAsKey.status).toBe(401);
    }
  });
});
