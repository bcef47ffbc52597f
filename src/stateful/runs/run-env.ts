/**
 * The environment a run gives its agent's tools: the agent's `env` with its secret references
 * resolved (seed page: "Secret references can be resolved server-side when configured"; the
 * decision and its reasons are in the spec, AgentEnv).
 *
 * - Resolved when the run starts, from the secrets the running caller can see (its own, then the
 *   organization's), never stored in the agent: GET /v1/agents shows the reference only.
 * - Only a secret whose scope is `all` or `agents` may be used (docs /advanced/secrets: scope is
 *   "where this secret can be used").
 * - A reference that does not resolve refuses the run (409) before anything is recorded.
 * - Plain values are the process's strings: `3000` → "3000", `true` → "true".
 */
import type { AgentEnv } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { SecretActor, UsableSecret } from "../secrets/secrets.store.ts";

/** How a run finds the secrets its agent's env names. */
export interface SecretLookup {
  lookup(name: string, actor: SecretActor): UsableSecret | undefined;
}

/** A run's environment, and the secret values in it (which tool output must not carry). */
export interface RunEnv {
  env: Record<string, string>;
  secrets: readonly { name: string; value: string }[];
}

/** Scopes under which an agent's run may read a secret. */
const AGENT_SCOPES: ReadonlySet<UsableSecret["scope"]> = new Set(["all", "agents"]);

/** Resolves an agent's env for a run by `actor`; throws 409 naming the first reference that does not resolve. */
export function resolveRunEnv(agentSlug: string, envJson: AgentEnv, secrets: SecretLookup, actor: SecretActor): RunEnv {
  const env: Record<string, string> = {};
  const used: { name: string; value: string }[] = [];
  for (const [variable, value] of Object.entries(envJson)) {
    if (typeof value !== "object") {
      env[variable] = String(value);
      continue;
    }
    const secret = secrets.lookup(value.secret, actor);
    if (!secret) {
      throw new ApiError(
        "conflict",
        `Agent '${agentSlug}' env ${variable} refers to secret '${value.secret}', which does not exist for this caller; create it with POST /v1/secrets`,
      );
    }
    if (!AGENT_SCOPES.has(secret.scope)) {
      throw new ApiError("conflict", `Agent '${agentSlug}' env ${variable} refers to secret '${secret.name}', whose scope '${secret.scope}' does not include agents`);
    }
    env[variable] = secret.value;
    used.push({ name: secret.name, value: secret.value });
  }
  return { env, secrets: used };
}

/**
 * Replaces every secret value in a tool's output with `<secret:NAME>`, as the older docs show an
 * agent's logs (dev.runtools.ai/advanced/secrets), so that thread events and stream frames never
 * carry one. One pass over the text, longer values first, so that a value containing another is
 * masked whole and a mask already written is never masked again.
 */
export function maskSecrets(text: string, secrets: RunEnv["secrets"]): string {
  const byValue = new Map(secrets.filter((s) => s.value !== "").map((s) => [s.value, s.name]));
  if (byValue.size === 0) return text;
  const values = [...byValue.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(values.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");
  return text.replace(pattern, (value) => `<secret:${byValue.get(value) ?? ""}>`);
}
