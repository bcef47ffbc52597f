/**
 * API key → organization (reference Part A, "auth" and "tenancy").
 *
 * The key comes from `X-API-Key` or `Authorization: Bearer <key>` (the docs use both; when both
 * are sent, `X-API-Key` wins). Missing → 401 `unauthorized`; a token that is not
 * `rt_live_` or `rt_test_` followed by letters and digits only → 401 `invalid_token` (the auth
 * service's token dispatch), whose message states that whole rule.
 * By default every distinct well-formed key is an organization of its own, so parallel CI jobs
 * isolate themselves by using different keys (LocalStack's account-from-access-key model);
 * a keyring maps several keys to one organization and then refuses keys it does not list.
 */
import { stableUuid } from "../stateful/common/clock.ts";
import { ApiError } from "./errors.ts";
import { headerValue, type PlainHeaders } from "./http-types.ts";

/** Who is calling: the organization every store lookup is scoped to. */
export interface Caller {
  orgId: string;
  /** The key holder, standing in for the user the real API would resolve. */
  userId: string;
  /** The first characters of the key, the only part ever shown (docs: `keyPrefix`). */
  keyPrefix: string;
}

/** One organization of a keys file. */
export interface KeyringOrganization {
  /** The organization id (a UUID); derived from `name` when omitted. */
  id?: string;
  name?: string;
  keys: readonly string[];
}

/** Maps API keys to organizations; `undefined` means "each key is its own organization". */
export type Keyring = ReadonlyMap<string, string> | undefined;

/**
 * Keys the API itself issued (`POST /v1/api-keys`), which the organization's key store holds.
 * Consulted before the keyring and never remembered here, so that a revoked or expired key is
 * refused from the next request on. `undefined` means "not a key the API issued".
 */
export type IssuedKeyLookup = (key: string) => Caller | "revoked" | "expired" | undefined;

/** The documented key shape: `rt_live_` or `rt_test_` and then letters and digits. */
export const API_KEY_PATTERN = /^rt_(live|test)_[A-Za-z0-9]+$/;

/** How many characters of a key may be shown (the prefix and four more). */
const KEY_PREFIX_LENGTH = 12;

/** Builds a keyring from the organizations of a keys file; a key listed twice is an error. */
export function buildKeyring(organizations: readonly KeyringOrganization[]): Map<string, string> {
  const keyring = new Map<string, string>();
  for (const org of organizations) {
    const orgId = org.id ?? stableUuid("org-name", org.name ?? org.keys.join(","));
    for (const key of org.keys) {
      if (!API_KEY_PATTERN.test(key)) throw new Error(`keys file: '${maskKey(key)}' is not an rt_live_/rt_test_ key`);
      if (keyring.has(key)) throw new Error(`keys file: '${maskKey(key)}' is listed twice`);
      keyring.set(key, orgId);
    }
  }
  return keyring;
}

/** Shows a key only by its prefix, never whole. */
export function maskKey(key: string): string {
  return key.length <= KEY_PREFIX_LENGTH ? `${key.slice(0, 8)}…` : `${key.slice(0, KEY_PREFIX_LENGTH)}…`;
}

/**
 * Callers already resolved, by keyring and key: deriving the ids costs two SHA-256 digests,
 * which every request of a client would otherwise pay again (docs/performance.md). Bounded,
 * so that a client sending endless distinct keys cannot grow it without end.
 */
const resolved = new WeakMap<object, Map<string, Caller>>();
const OPEN_KEYRING = {};
const RESOLVED_KEYS_BOUND = 10_000;

/** Reads the caller's key from the headers and resolves its organization, or throws a 401. */
export function authenticate(headers: PlainHeaders, keyring: Keyring, issued?: IssuedKeyLookup): Caller {
  const key = extractKey(headers);
  const issuedCaller = issued?.(key);
  // The auth service's answers (Part B §2.2): revoked → invalid_token, expired → token_expired.
  if (issuedCaller === "revoked") throw new ApiError("invalid_token", "API key not found or revoked");
  if (issuedCaller === "expired") throw new ApiError("token_expired", "API key expired");
  if (issuedCaller !== undefined) return issuedCaller;
  const scope = keyring ?? OPEN_KEYRING;
  let callers = resolved.get(scope);
  if (!callers) resolved.set(scope, (callers = new Map()));
  const known = callers.get(key);
  if (known) return known;
  const caller = resolveCaller(key, keyring);
  if (callers.size >= RESOLVED_KEYS_BOUND) callers.clear();
  callers.set(key, caller);
  return caller;
}

function resolveCaller(key: string, keyring: Keyring): Caller {
  if (!API_KEY_PATTERN.test(key)) {
    throw new ApiError("invalid_token", describeKeyFormat(key));
  }
  let orgId: string;
  if (keyring === undefined) {
    orgId = stableUuid("org", key);
  } else {
    const mapped = keyring.get(key);
    if (mapped === undefined) throw new ApiError("invalid_token", "API key not found or revoked");
    orgId = mapped;
  }
  // Frozen: one caller object is shared by every request made with the key.
  return Object.freeze({ orgId, userId: stableUuid("user", key), keyPrefix: maskKey(key) });
}

/**
 * Why a key is not of the documented shape, saying the whole rule: a key that starts with
 * `rt_test_` but holds an underscore or a hyphen after it is refused too, and the message must
 * not claim that the prefix is what is wrong.
 */
function describeKeyFormat(key: string): string {
  const rule = "an API key is rt_live_ or rt_test_ followed by one or more letters and digits (A-Z, a-z, 0-9) only";
  const prefix = /^rt_(live|test)_/.exec(key)?.[0];
  if (prefix === undefined) return `Unrecognized token format: ${rule}`;
  if (key.length === prefix.length) return `Unrecognized token format: nothing follows ${prefix}; ${rule}`;
  return `Unrecognized token format: the part after ${prefix} may hold letters and digits only (no '_', '-' or other characters); ${rule}`;
}

function extractKey(headers: PlainHeaders): string {
  const apiKey = headerValue(headers, "x-api-key")?.trim();
  if (apiKey) return apiKey;
  const authorization = headerValue(headers, "authorization")?.trim();
  if (!authorization) {
    throw new ApiError("unauthorized", "Missing API key: send X-API-Key or Authorization: Bearer <key>");
  }
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!bearer) throw new ApiError("invalid_token", "Malformed Authorization header: expected 'Bearer <key>'");
  return bearer[1] as string;
}

/**
 * The secret a workflow webhook's caller presents (`X-Webhook-Secret`, docs: /advanced/webhooks),
 * for the operations whose credential it is; missing → 401 `unauthorized`. Whether it is the
 * trigger's secret only the trigger's store can tell (a wrong one is a 401 there too).
 */
export function webhookSecretOf(headers: PlainHeaders): string {
  const secret = headerValue(headers, "x-webhook-secret");
  if (!secret) throw new ApiError("unauthorized", "Missing X-Webhook-Secret: send the trigger's secret");
  return secret;
}
