/**
 * Secrets must not live on in the request journal: the journal is readable by every
 * control-plane client for as long as an entry stays in its ring (issue 14, "the journal and
 * logs never show it"). Before an exchange is journaled:
 *   - a new API key in the answer of create or rotate is cut to its shown prefix;
 *   - a secret's value is replaced by `[redacted]`, in the request that sets it and in the
 *     answer that reveals it;
 *   - the per-request `credentials` of a Tool Hub execution are replaced field by field (docs:
 *     /features/tool-hub, "Per-request credentials"), their names kept.
 */
import { maskKey } from "../core/auth.ts";
import { checkJsonShape, JSON_DEPTH_LIMITS } from "../core/request-body.ts";
import type { CompletedRequest } from "../core/pipeline.ts";

/** Operations whose successful answer carries a new API key in `data.key`. */
const ISSUES_KEY = new Set(["createApiKey", "rotateApiKey"]);
/** What a redacted secret value reads as. */
export const REDACTED = "[redacted]";

/** The completed request as the journal may keep it. */
export function withoutIssuedSecrets(done: CompletedRequest): CompletedRequest {
  const operationId = done.operation?.operationId;
  if (operationId !== undefined && ISSUES_KEY.has(operationId)) return replaceAnswered(done, "key", (key) => maskKey(key));
  if (operationId === "revealSecret") return replaceAnswered(done, "value", () => REDACTED);
  if (operationId === "upsertSecret") return redactRequest(done, (parsed) => ("value" in parsed ? { ...parsed, value: REDACTED } : undefined));
  if (operationId === "executeTool") return redactRequest(done, redactCredentials);
  return done;
}

function replaceAnswered(done: CompletedRequest, field: "key" | "value", replace: (secret: string) => string): CompletedRequest {
  const body = done.response.body as { data?: Record<string, unknown> } | undefined;
  const secret = body?.data?.[field];
  if (body === undefined || typeof secret !== "string") return done;
  return { ...done, response: { ...done.response, body: { ...body, data: { ...body.data, [field]: replace(secret) } } } };
}

/** A tool execution's `credentials`, each value replaced; undefined when it carries none. */
function redactCredentials(parsed: object): object | undefined {
  const credentials = (parsed as { credentials?: unknown }).credentials;
  if (credentials === null || typeof credentials !== "object") return undefined;
  return { ...parsed, credentials: Object.fromEntries(Object.keys(credentials).map((field) => [field, REDACTED])) };
}

/** A request with what `redact` replaces (also when the request was refused); undefined from it keeps the request. */
function redactRequest(done: CompletedRequest, redact: (parsed: object) => object | undefined): CompletedRequest {
  // The body as the core read it (undefined: refused before it was read).
  const { body } = done;
  if (body === undefined || body.kind !== "bytes") return done;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.bytes.toString("utf8"));
  } catch {
    // Not JSON: the request was refused before any value was read, and the text is kept as sent.
    return done;
  }
  // A body refused for its shape (too deep to serialise again) may hide a value anywhere: none of it is kept.
  if (checkJsonShape(parsed, JSON_DEPTH_LIMITS.publicApi, "") !== undefined) return { ...done, body: { kind: "bytes", bytes: Buffer.from(JSON.stringify(REDACTED)) } };
  if (parsed === null || typeof parsed !== "object") return done;
  const replaced = redact(parsed);
  if (replaced === undefined) return done;
  return { ...done, body: { kind: "bytes", bytes: Buffer.from(JSON.stringify(replaced)) } };
}
