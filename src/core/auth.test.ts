import { describe, expect, it } from "vitest";
import { authenticate, buildKeyring, maskKey } from "./auth.ts";
import { ApiError } from "./errors.ts";

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return `${error.status} ${error.code}`;
    throw error;
  }
  return "no error";
};

describe("authenticate", () => {
  it("resolves a key once and hands every later request the same frozen caller", () => {
    const first = authenticate({ "x-api-key": "rt_test_memo" }, undefined);
    expect(authenticate({ authorization: "Bearer rt_test_memo" }, undefined)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    // A keyring is a scope of its own: the same key can mean another organization there.
    const keyring = buildKeyring([{ id: "8c4b6c1e-0000-4000-8000-000000000001", keys: ["rt_test_memo"] }]);
    expect(authenticate({ "x-api-key": "rt_test_memo" }, keyring).orgId).toBe("8c4b6c1e-0000-4000-8000-000000000001");
  });

  it("stays correct past the bound of remembered keys", () => {
    const first = authenticate({ "x-api-key": "rt_test_bound0" }, undefined).orgId;
    for (let i = 1; i <= 10_001; i++) authenticate({ "x-api-key": `rt_test_bound${i}` }, undefined);
    expect(authenticate({ "x-api-key": "rt_test_bound0" }, undefined).orgId).toBe(first);
  });

  it("reads the key from X-API-Key or from a Bearer token, mapping both to the same organization", () => {
    const viaHeader = authenticate({ "x-api-key": "rt_test_abc" }, undefined);
    const viaBearer = authenticate({ authorization: "Bearer rt_test_abc" }, undefined);
    expect(viaBearer).toEqual(viaHeader);
    expect(viaHeader.orgId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("gives every distinct key an organization of its own, stable across calls", () => {
    const a = authenticate({ "x-api-key": "rt_test_a" }, undefined).orgId;
    expect(authenticate({ "x-api-key": "rt_test_a" }, undefined).orgId).toBe(a);
    expect(authenticate({ "x-api-key": "rt_live_a" }, undefined).orgId).not.toBe(a);
  });

  it("prefers X-API-Key when both headers are sent", () => {
    const both = authenticate({ "x-api-key": "rt_test_one", authorization: "Bearer rt_test_two" }, undefined);
    expect(both.orgId).toBe(authenticate({ "x-api-key": "rt_test_one" }, undefined).orgId);
  });

  it("answers 401 unauthorized when no key is sent", () => {
    expect(codeOf(() => authenticate({}, undefined))).toBe("401 unauthorized");
    expect(codeOf(() => authenticate({ "x-api-key": "  " }, undefined))).toBe("401 unauthorized");
  });

  it("answers 401 invalid_token for keys that are not rt_live_/rt_test_ and for other schemes", () => {
    expect(codeOf(() => authenticate({ "x-api-key": "abc" }, undefined))).toBe("401 invalid_token");
    expect(codeOf(() => authenticate({ "x-api-key": "rt_prod_abc" }, undefined))).toBe("401 invalid_token");
    expect(codeOf(() => authenticate({ authorization: "Bearer eyJhbGciOi" }, undefined))).toBe("401 invalid_token");
    expect(codeOf(() => authenticate({ authorization: "Basic dXNlcjpwYXNz" }, undefined))).toBe("401 invalid_token");
    expect(codeOf(() => authenticate({ authorization: "Bearer" }, undefined))).toBe("401 invalid_token");
  });

  it("says that only letters and digits may follow the prefix when a key like rt_test_with_underscore is refused", () => {
    const messageOf = (key: string) => {
      try {
        authenticate({ "x-api-key": key }, undefined);
      } catch (error) {
        return (error as ApiError).message;
      }
      throw new Error("expected a 401");
    };
    expect(codeOf(() => authenticate({ "x-api-key": "rt_test_with_underscore" }, undefined))).toBe("401 invalid_token");
    const message = messageOf("rt_test_with_underscore");
    expect(message).toContain("after rt_test_ may hold letters and digits only");
    expect(message).not.toContain("with_underscore");
    expect(messageOf("rt_live_")).toContain("nothing follows rt_live_");
    expect(messageOf("sk_abc")).toContain("rt_live_ or rt_test_ followed by one or more letters and digits");
  });

  it("maps keys to organizations through a keyring and refuses keys it does not list", () => {
    const keyring = buildKeyring([
      { name: "acme", keys: ["rt_test_alice", "rt_test_bob"] },
      { id: "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b", keys: ["rt_live_ci"] },
    ]);
    const alice = authenticate({ "x-api-key": "rt_test_alice" }, keyring);
    const bob = authenticate({ "x-api-key": "rt_test_bob" }, keyring);
    expect(alice.orgId).toBe(bob.orgId);
    expect(alice.userId).not.toBe(bob.userId);
    expect(authenticate({ "x-api-key": "rt_live_ci" }, keyring).orgId).toBe("3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b");
    const refused = (() => {
      try {
        authenticate({ "x-api-key": "rt_test_mallory" }, keyring);
      } catch (error) {
        return error as ApiError;
      }
    })();
    expect(refused?.code).toBe("invalid_token");
    expect(refused?.message).toBe("API key not found or revoked");
  });

  it("refuses a keyring that lists a key twice or a key of the wrong shape", () => {
    expect(() => buildKeyring([{ keys: ["rt_test_a"] }, { keys: ["rt_test_a"] }])).toThrow(/listed twice/);
    expect(() => buildKeyring([{ keys: ["sk_live_a"] }])).toThrow(/not an rt_live_/);
  });

  it("shows a key only by its prefix", () => {
    const caller = authenticate({ "x-api-key": "rt_test_0123456789abcdef" }, undefined);
    expect(caller.keyPrefix).toBe("rt_test_0123…");
    expect(maskKey("rt_test_0123456789abcdef")).not.toContain("abcdef");
  });
});

describe("authenticate with issued keys", () => {
  const issuedCaller = Object.freeze({ orgId: "8c4b6c1e-0000-4000-8000-00000000000a", userId: "8c4b6c1e-0000-4000-8000-00000000000b", keyPrefix: "rt_test_issu…" });

  it("consults the issued keys first, also with a keyring that does not list the key", () => {
    const keyring = buildKeyring([{ id: "8c4b6c1e-0000-4000-8000-000000000001", keys: ["rt_test_listed"] }]);
    const lookup = (key: string) => (key === "rt_test_issued" ? issuedCaller : undefined);
    expect(authenticate({ "x-api-key": "rt_test_issued" }, keyring, lookup)).toBe(issuedCaller);
    expect(authenticate({ "x-api-key": "rt_test_listed" }, keyring, lookup).orgId).toBe("8c4b6c1e-0000-4000-8000-000000000001");
  });

  it("refuses a revoked key with invalid_token and an expired one with token_expired, even after it was remembered", () => {
    let state: "ok" | "revoked" | "expired" = "ok";
    const lookup = () => (state === "ok" ? issuedCaller : state);
    expect(authenticate({ "x-api-key": "rt_test_flip" }, undefined, lookup)).toBe(issuedCaller);
    state = "revoked";
    expect(codeOf(() => authenticate({ "x-api-key": "rt_test_flip" }, undefined, lookup))).toBe("401 invalid_token");
    state = "expired";
    expect(codeOf(() => authenticate({ "x-api-key": "rt_test_flip" }, undefined, lookup))).toBe("401 token_expired");
  });
});
