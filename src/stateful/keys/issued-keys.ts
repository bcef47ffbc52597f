/**
 * Finding the organization of a key issued through `POST /v1/api-keys` from its secret. Each
 * organization's ApiKeyStore holds its keys; this directory only remembers which organization
 * issued which digest, and the store has the last word (a revoked key, an organization reset or
 * replaced by an import), so a stale entry here can never authenticate anyone.
 */
import type { Caller, IssuedKeyLookup } from "../../core/auth.ts";
import type { ApiKeyStore } from "./api-keys.store.ts";
import { keyDigest } from "./key-digest.ts";

/** Digest → issuing organization, for every organization. */
export class KeyDirectory {
  readonly #orgByDigest = new Map<string, string>();

  /** Notes that `orgId` issued the key with this digest. */
  issued(digest: string, orgId: string): void {
    this.#orgByDigest.set(digest, orgId);
  }

  orgOf(digest: string): string | undefined {
    return this.#orgByDigest.get(digest);
  }

  get size(): number {
    return this.#orgByDigest.size;
  }
}

/** Where the lookup finds an organization's key store, without creating the organization. */
export interface KeyStores {
  find(orgId: string): { apiKeys: ApiKeyStore } | undefined;
}

/** The seam the pipeline's authentication consults before the keyring (src/core/auth.ts). */
export function issuedKeyLookup(directory: KeyDirectory, stores: KeyStores): IssuedKeyLookup {
  return (key) => {
    // No key issued yet: every request skips the digest.
    if (directory.size === 0) return undefined;
    const digest = keyDigest(key);
    const orgId = directory.orgOf(digest);
    if (orgId === undefined) return undefined;
    const keys = stores.find(orgId)?.apiKeys;
    const check = keys?.check(digest);
    if (check === undefined || typeof check === "string") return check;
    keys?.touch(digest);
    const caller: Caller = { orgId, userId: check.ownerUserId, keyPrefix: check.keyPrefix };
    return caller;
  };
}
