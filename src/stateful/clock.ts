/**
 * Time and identifiers come from here and nowhere else (DESIGN.md principle 7), so that a
 * seeded source can make a run of requests byte-for-byte repeatable.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";

/** The mock's notion of "now". */
export interface Clock {
  now(): Date;
}

/** Fresh identifiers: prefixed random tokens and UUIDs. */
export interface IdSource {
  /** `prefix` followed by `length` characters from `alphabet`. */
  token(prefix: string, length: number, alphabet?: string): string;
  uuid(): string;
}

/** Letters and digits, both cases: the alphabet of `agt_`, `req_` and key suffixes. */
export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Lower-case letters and digits: the alphabet of `sandbox-` ids, which appear in host names. */
export const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** Cryptographically random ids (the default). */
export const randomIds: IdSource = {
  token(prefix, length, alphabet = BASE62) {
    const bytes = randomBytes(length);
    let out = prefix;
    // Modulo bias is irrelevant here: these are opaque ids, not secrets.
    for (const byte of bytes) out += alphabet[byte % alphabet.length];
    return out;
  },
  uuid: () => randomUUID(),
};

/**
 * A stable UUID derived from a string (an API key, an organization name): the same key maps to
 * the same organization across restarts, without storing the key.
 */
export function stableUuid(namespace: string, value: string): string {
  const hex = createHash("sha256").update(`${namespace}\u0000${value}`).digest("hex");
  // Shape it as an RFC 4122 version-5-style UUID (variant 10xx) so it passes `format: uuid`.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
