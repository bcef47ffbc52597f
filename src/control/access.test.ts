/**
 * Who may use the control plane (issue 5: "the control plane answers only loopback clients by
 * default; when the server listens beyond loopback, it requires `--admin-token` (Bearer) or stays
 * closed"; spec/control.yaml, description: "Access").
 */
import { describe, expect, it } from "vitest";
import { bufferedBody, type Peer, type PlainHeaders, type PlainRequest } from "../core/http-types.ts";
import { loadSpec, CONTROL_PATH } from "../spec/load.ts";
import { apiErrorOf } from "../stateful/common/test-support.ts";
import { browserGuard, controlAccess, isLoopback } from "./access.ts";

const resetState = loadSpec(CONTROL_PATH).operations.find((op) => op.operationId === "resetState");
if (!resetState) throw new Error("no resetState in spec/control.yaml");
const operation = resetState;

const TOKEN = "s3cret-admin-token";

const IN_PROCESS = "in-process";

/** A request from a socket peer (its address as the adapter read it, possibly unknown), or from in process. */
function request(from: string | undefined | typeof IN_PROCESS, headers: PlainHeaders = {}): PlainRequest {
  const peer: Peer = from === IN_PROCESS ? { kind: "in-process" } : { kind: "socket", address: from };
  return { method: "POST", path: "/__mock/reset", query: new URLSearchParams(), headers, body: bufferedBody(undefined), baseUrl: "http://10.0.0.5:4010", peer };
}

describe("isLoopback", () => {
  it.each(["127.0.0.1", "127.5.5.5", "127.255.255.254", "::1", "::ffff:127.0.0.1", "::ffff:127.9.8.7"])("%s is loopback", (address) => {
    expect(isLoopback(address)).toBe(true);
  });

  it("an unknown address (a socket already destroyed) is never loopback", () => {
    expect(isLoopback(undefined)).toBe(false);
  });

  it.each(["10.0.0.1", "::ffff:10.0.0.1", "192.168.1.1", "172.17.0.2", "0.0.0.0", "::", "2001:db8::1", "fe80::1", "1.127.0.0", "128.0.0.1"])("%s is not loopback", (address) => {
    expect(isLoopback(address)).toBe(false);
  });
});

describe("controlAccess without --admin-token", () => {
  const authenticate = controlAccess(undefined);

  it("admits loopback clients and in-process callers without credentials", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1", IN_PROCESS]) {
      expect(authenticate(request(address), operation)).toBeUndefined();
    }
  });

  it("refuses a socket peer whose address is unknown with 403, as any non-loopback client", () => {
    expect(apiErrorOf(() => authenticate(request(undefined), operation))).toMatchObject({ status: 403, code: "forbidden" });
  });

  it("refuses every other client with 403 forbidden, even with a Bearer token", () => {
    for (const headers of [{}, { authorization: `Bearer ${TOKEN}` }]) {
      const error = apiErrorOf(() => authenticate(request("10.0.0.1", headers), operation));
      expect(error.status).toBe(403);
      expect(error.code).toBe("forbidden");
    }
    expect(apiErrorOf(() => authenticate(request("::ffff:10.0.0.1"), operation)).code).toBe("forbidden");
  });
});

describe("controlAccess with --admin-token", () => {
  const authenticate = controlAccess(TOKEN);
  const remote = (headers: PlainHeaders) => request("192.168.1.1", headers);

  it("a remote client without Authorization: 401 unauthorized", () => {
    const error = apiErrorOf(() => authenticate(remote({}), operation));
    expect(error.status).toBe(401);
    expect(error.code).toBe("unauthorized");
  });

  it("a remote client with an Authorization that is not a Bearer token: 401 unauthorized", () => {
    for (const authorization of [`Basic ${Buffer.from(`admin:${TOKEN}`).toString("base64")}`, "Bearer", "Bearer    ", TOKEN]) {
      expect(apiErrorOf(() => authenticate(remote({ authorization }), operation)).code).toBe("unauthorized");
    }
  });

  it("a wrong token of the same length: 401 invalid_token", () => {
    const wrong = "s3cret-admin-tokeN";
    expect(wrong).toHaveLength(TOKEN.length);
    const error = apiErrorOf(() => authenticate(remote({ authorization: `Bearer ${wrong}` }), operation));
    expect(error.status).toBe(401);
    expect(error.code).toBe("invalid_token");
  });

  it("a wrong token of another length: 401 invalid_token", () => {
    for (const wrong of ["s3cret", `${TOKEN}x`, "x"]) {
      expect(apiErrorOf(() => authenticate(remote({ authorization: `Bearer ${wrong}` }), operation)).code).toBe("invalid_token");
    }
  });

  it("the right token passes (scheme case-insensitive, surrounding spaces ignored)", () => {
    for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `  Bearer   ${TOKEN}  `]) {
      expect(authenticate(remote({ authorization }), operation)).toBeUndefined();
    }
  });

  it("X-API-Key is not the admin token", () => {
    expect(apiErrorOf(() => authenticate(remote({ "x-api-key": TOKEN }), operation)).code).toBe("unauthorized");
  });

  it("a loopback client needs no token, and its Authorization is ignored", () => {
    for (const authorization of [undefined, "Bearer wrong-token", "Basic Zm9vOmJhcg==", `Bearer ${TOKEN}`]) {
      const headers: PlainHeaders = authorization === undefined ? {} : { authorization };
      expect(authenticate(request("127.0.0.1", headers), operation)).toBeUndefined();
      expect(authenticate(request("::1", headers), operation)).toBeUndefined();
    }
  });
});

describe("browserGuard", () => {
  const guard = browserGuard({ also: [] });
  const from = (headers: PlainHeaders) => () => guard(request("127.0.0.1", { host: "127.0.0.1:4010", ...headers }));

  it("lets curl and scripts through: no Origin, no Sec-Fetch-Site, no Content-Type or a JSON one", () => {
    expect(from({})).not.toThrow();
    expect(from({ "content-type": "application/json" })).not.toThrow();
    expect(from({ "content-type": "application/json; charset=utf-8" })).not.toThrow();
  });

  it("lets a page of the mock's own loopback origin through (the same host and port as Host)", () => {
    expect(from({ origin: "http://127.0.0.1:4010", "sec-fetch-site": "same-origin" })).not.toThrow();
    expect(() => guard(request("127.0.0.1", { host: "localhost:4010", origin: "http://localhost:4010" }))).not.toThrow();
    expect(() => guard(request("::1", { host: "[::1]:4010", origin: "http://[::1]:4010" }))).not.toThrow();
  });

  it("refuses a cross-site Origin, another loopback port, a rebinding name and Origin: null with 403", () => {
    for (const origin of ["https://evil.example", "http://localhost:3000", "http://127.0.0.1:4011", "null", "http://127.0.0.1:4010/path"]) {
      expect(apiErrorOf(from({ origin })), origin).toMatchObject({ status: 403, code: "forbidden" });
    }
    // DNS rebinding: the page's own name, same origin as far as the browser knows.
    expect(apiErrorOf(() => guard(request("127.0.0.1", { host: "evil.example:4010", origin: "http://evil.example:4010" })))).toMatchObject({ status: 403 });
  });

  it("refuses Sec-Fetch-Site cross-site and same-site (another port of localhost is the same site) with 403", () => {
    for (const site of ["cross-site", "same-site"]) {
      expect(apiErrorOf(from({ "sec-fetch-site": site })), site).toMatchObject({ status: 403, code: "forbidden" });
    }
    expect(from({ "sec-fetch-site": "none" })).not.toThrow();
  });

  it("refuses the body types a page may send without a preflight (text/plain, forms) with 415", () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect(apiErrorOf(from({ "content-type": type })), type).toMatchObject({ status: 415, code: "unsupported_media_type" });
    }
  });

  it("accepts a listed name's own origin when the mock is told of the name (--allowed-host)", () => {
    const listed = browserGuard({ also: ["mock.test"] });
    expect(() => listed(request("127.0.0.1", { host: "mock.test:4010", origin: "http://mock.test:4010" }))).not.toThrow();
    expect(apiErrorOf(() => listed(request("127.0.0.1", { host: "other.test:4010", origin: "http://other.test:4010" })))).toMatchObject({ status: 403 });
  });
});
