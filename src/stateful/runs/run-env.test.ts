/**
 * A run's environment without HTTP (seed page: "Secret references can be resolved server-side when
 * configured"; spec AgentEnv): resolveRunEnv over a lookup of the test's own, and maskSecrets.
 */
import { describe, expect, it } from "vitest";
import type { UsableSecret } from "../secrets/secrets.store.ts";
import { maskSecrets, resolveRunEnv, type SecretLookup } from "./run-env.ts";
import { apiErrorOf } from "../common/test-support.ts";

const actor = { userId: "22222222-2222-4222-8222-222222222222" };

function lookupOf(secrets: Record<string, Omit<UsableSecret, "name">>): SecretLookup {
  return { lookup: (name) => (secrets[name] ? { name, ...secrets[name] } : undefined) };
}

describe("resolveRunEnv", () => {
  it("turns plain values into a process's strings and references into their secrets' values", () => {
    const lookup = lookupOf({ GH_TOKEN: { value: "ghp_1", scope: "agents" }, DB_URL: { value: "postgres://x", scope: "all" } });
    const env = resolveRunEnv("a", { PORT: 3000, RATIO: 0.5, DEBUG: false, REGION: "eu", TOKEN: { secret: "GH_TOKEN" }, DB: { secret: "DB_URL" } }, lookup, actor);
    expect(env.env).toEqual({ PORT: "3000", RATIO: "0.5", DEBUG: "false", REGION: "eu", TOKEN: "ghp_1", DB: "postgres://x" });
    expect(env.secrets).toEqual([{ name: "GH_TOKEN", value: "ghp_1" }, { name: "DB_URL", value: "postgres://x" }]);
  });

  it("answers an empty environment for an agent without env", () => {
    expect(resolveRunEnv("a", {}, lookupOf({}), actor)).toEqual({ env: {}, secrets: [] });
  });

  it.each(["tools", "sandboxes"] as const)("refuses a secret scoped to %s with 409 naming the variable, the secret and the scope", (scope) => {
    const error = apiErrorOf(() => resolveRunEnv("builder", { KEY: { secret: "KEY" } }, lookupOf({ KEY: { value: "v", scope } }), actor));
    expect(error.status).toBe(409);
    expect(error.message).toBe(`Agent 'builder' env KEY refers to secret 'KEY', whose scope '${scope}' does not include agents`);
  });

  it("refuses an unknown secret with 409 saying how to create it", () => {
    const error = apiErrorOf(() => resolveRunEnv("builder", { OK: "1", KEY: { secret: "MISSING" } }, lookupOf({}), actor));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe("Agent 'builder' env KEY refers to secret 'MISSING', which does not exist for this caller; create it with POST /v1/secrets");
  });
});

describe("maskSecrets", () => {
  it("replaces every occurrence of each value with <secret:NAME>", () => {
    expect(maskSecrets("a=s3 b=s3\n", [{ name: "A", value: "s3" }])).toBe("a=<secret:A> b=<secret:A>\n");
  });

  it("masks a value that contains another one whole", () => {
    expect(maskSecrets("long-secret", [{ name: "SHORT", value: "secret" }, { name: "LONG", value: "long-secret" }])).toBe("<secret:LONG>");
  });

  it("masks values holding regular-expression characters literally", () => {
    expect(maskSecrets("x a.b*(c) y a-b", [{ name: "ODD", value: "a.b*(c)" }])).toBe("x <secret:ODD> y a-b");
  });

  it("leaves text without secrets as it was", () => {
    expect(maskSecrets("nothing here", [])).toBe("nothing here");
  });
});
