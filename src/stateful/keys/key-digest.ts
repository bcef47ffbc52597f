/**
 * Keys are kept as SHA-256 digests only (the auth service's `credentials/keys.rs`, Part B §2.2),
 * so that neither the state, its snapshots nor the persist file ever hold a secret.
 */
import { createHash } from "node:crypto";

/** The hex SHA-256 digest of a key. */
export function keyDigest(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** How many characters of a key are kept and shown (`rt_test_` and four more). */
export const KEY_PREFIX_LENGTH = 12;
