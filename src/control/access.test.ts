/**
 * Who may use the control plane (issue 5: "the control plane answers only loopback clients by
 * default; when the server listens beyond loopback, it requires `--admin-token` (Bearer) or stays
 * closed"; spec/control.yaml, description: "Access").
 */
import { describe, expect, it } from "vitest";
import type { PlainHeaders, PlainRequest } from "../core/http-types.ts";
import { loadSpec, CONTROL_PATH } from "../spec/load.ts";
import { apiErrorOf } from "../stateful/common/test-support.ts";
import { controlAccess, isLoopback } from "./access.ts";

const resetState = loadSpec(CONTROL_PATH).operations.find((op) => op.operationId === "resetState");
if (!resetState) throw new Error("no resetState in spec/control.yaml");
const operation = resetState;

const TOKEN = "s3cret-admin-token";

function request(remoteAddress: string | undefined, headers: PlainHeaders = {}): PlainRequest {
  return {
    method: "POST",
    path: "/__mock/reset",
    query: new URLSearchParams(),
    headers,
    body: { kind: "none" },
    baseUrl: "http://10.0.0.5:4010",
    ...(remoteAddress === undefined ? {} : { remoteAddress }),
  };
}

describe("isLoopback", () => {
  it.each(["127.0.0.1", "127.5.5.5", "127.255.255.254", "::1", "::ffff:127.0.0.1", "::ffff:127.9.8.7"])("%s is loopback", (address) => {
    expect(isLoopback(address)).toBe(true);
  });

  it("an in-process request (no address) counts as loopback", () => {
    expect(isLoopback(undefined)).toBe(true);
  });

  it.each(["10.0.0.1", "::ffff:10.0.0.1", "192.168.1.1", "172.17.0.2", "0.0.0.0", "::", "2001:db8::1", "fe80::1", "1.127.0.0", "128.0.0.1"])("%s is not loopback", (address) => {
    expect(isLoopback(address)).toBe(false);
  });
});

describe("controlAccess without --admin-token", () => {
  const authenticate = controlAccess(undefined);

  it("admits loopback clients without credentials", () => {
    for (const address of ["127.0.0.1", "::1", "::ffff:127.0.0.1", undefined]) {
      expect(authenticate(request(address), operation)).toBeUndefined();
    }
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
