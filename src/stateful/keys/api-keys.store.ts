/**
 * API keys issued by one organization (docs: /api-reference/api-keys/*; Part B "API keys").
 *
 * - A secret is `rt_test_`/`rt_live_` and 32 letters and digits, shown once; the store keeps its
 *   SHA-256 digest and its first 12 characters, never the secret itself.
 * - Revoking is a soft delete (`revokedAt`), as in the auth service: revoked keys leave the list
 *   and stop authenticating, and still answer a read by id.
 * - A key past `expiresAt` is `expired` and stops authenticating.
 * - Rotating revokes the old key and issues a new one with the same scopes, project, kind and
 *   lifetime (mock decision, spec `rotateApiKey`).
 * Every change is reported to the activity sink.
 */
import type { ApiKey, ApiKeyCreateRequest, ApiKeyScope, ApiKeyUpdateRequest, NewApiKey } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { ActivitySink } from "../activity/activity-log.ts";
import { BASE62, type Clock, type IdSource } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";
import { paginate, type Page } from "../common/pagination.ts";
import { KEY_PREFIX_LENGTH, keyDigest } from "./key-digest.ts";

/** Letters and digits after the `rt_test_`/`rt_live_` prefix (the auth service's length). */
const SECRET_LENGTH = 32;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Days per unit of `expiresIn` (the auth service: `m` counts 30 days, `y` 365). */
const UNIT_DAYS: Record<string, number> = { d: 1, m: 30, y: 365 };

/** The docs' reminder, sent with every new secret. */
export const STORE_KEY_MESSAGE = "Store this key securely. You will not be able to see it again.";

/** A create request; `isTest` may be left out when the store is used without HTTP (default false). */
export type NewKeyInput = Omit<ApiKeyCreateRequest, "isTest"> & { isTest?: boolean };

/** Who creates or changes a key. */
export interface KeyActor {
  userId: string;
}

/** What a key store needs. */
export interface ApiKeyStoreDeps {
  clock: Clock;
  ids: IdSource;
  activity: ActivitySink;
  /** Told of every digest the store issues, so that the key can be found from its secret. */
  onIssue?: (digest: string) => void;
}

/** A key as stored: its metadata, its digest and what a rotation copies. */
export interface StoredApiKey {
  key: ApiKey;
  digest: string;
  isTest: boolean;
  /** `expiresIn` as given ("never" when none), for rotations. */
  lifetime: string;
}

interface Record_ extends StoredApiKey {
  seq: number;
}

/** The outcome of checking a secret: the key's owner, or why it no longer works. */
export type KeyCheck = { ownerUserId: string; keyPrefix: string } | "revoked" | "expired";

/** One organization's issued keys. */
export class ApiKeyStore {
  readonly #byId = new Map<string, Record_>();
  readonly #byDigest = new Map<string, Record_>();
  #seq = 0;

  constructor(private readonly deps: ApiKeyStoreDeps) {}

  /** Issues a key owned by `actor`; the answer holds the secret, which nothing keeps. */
  create(input: NewKeyInput, actor: KeyActor): NewApiKey {
    const issued = this.#issue({
      name: input.name,
      scopes: scopesOf(input.scopes),
      projectId: input.projectId ?? null,
      isTest: input.isTest ?? false,
      lifetime: input.expiresIn ?? "never",
      ownerUserId: actor.userId,
    });
    this.#report("api_key.created", issued, actor, `API key ${issued.name} created`);
    return issued;
  }

  /** A page of the keys that are not revoked, oldest first. */
  list(limit: number, cursor?: string): Page<ApiKey> {
    const live = [...this.#byId.values()].filter((record) => record.key.revokedAt === null);
    const page = paginate(live, (record) => record.seq, limit, cursor);
    return { ...page, items: page.items.map((record) => this.#view(record)) };
  }

  /** One key's metadata (revoked ones too), or a 404. */
  get(id: string): ApiKey {
    return this.#view(this.#require(id));
  }

  /** Renames a key or changes its scopes or project; a revoked key answers 409. */
  update(id: string, changes: ApiKeyUpdateRequest, actor: KeyActor): ApiKey {
    const record = this.#requireUsable(id);
    if (changes.name !== undefined) record.key.name = changes.name;
    if (changes.scopes !== undefined) record.key.scopes = scopesOf(changes.scopes);
    if (changes.projectId !== undefined) record.key.projectId = changes.projectId;
    this.#report("api_key.updated", record.key, actor, `API key ${record.key.name} updated`);
    return this.#view(record);
  }

  /** Revokes a key at once; a key already revoked answers 404. */
  revoke(id: string, actor: KeyActor): { id: string } {
    const record = this.#require(id);
    if (record.key.revokedAt !== null) throw new ApiError("not_found", `API key '${id}' not found or already revoked`);
    this.#revoke(record);
    this.#report("api_key.revoked", record.key, actor, `API key ${record.key.name} revoked`, "warning");
    return { id };
  }

  /** Revokes a key and issues its replacement (409 when the key is revoked). */
  rotate(id: string, name: string | undefined, actor: KeyActor): NewApiKey {
    const old = this.#requireUsable(id);
    this.#revoke(old);
    const issued = this.#issue({
      name: name ?? old.key.name,
      scopes: old.key.scopes,
      projectId: old.key.projectId,
      isTest: old.isTest,
      lifetime: old.lifetime,
      ownerUserId: actor.userId,
    });
    this.#report("api_key.rotated", issued, actor, `API key ${old.key.name} rotated`, "info", { replacedKeyId: old.key.id });
    return issued;
  }

  /** Checks a secret by its digest: undefined when this organization never issued it. */
  check(digest: string): KeyCheck | undefined {
    const record = this.#byDigest.get(digest);
    if (!record) return undefined;
    if (record.key.revokedAt !== null) return "revoked";
    if (this.#expired(record)) return "expired";
    return { ownerUserId: record.key.ownerUserId, keyPrefix: `${record.key.keyPrefix}…` };
  }

  /** Notes that a key authenticated a request (`lastUsedAt`). */
  touch(digest: string): void {
    const record = this.#byDigest.get(digest);
    if (record) record.key.lastUsedAt = this.deps.clock.now().toISOString();
  }

  /** Every key with its digest, oldest first, for a state snapshot (no secret exists to export). */
  exportAll(): StoredApiKey[] {
    return [...this.#byId.values()].map(({ key, digest, isTest, lifetime }) => ({ key: cloneJson(key), digest, isTest, lifetime }));
  }

  /** Loads keys from a snapshot into this empty store. */
  importAll(keys: readonly StoredApiKey[]): void {
    for (const stored of keys) {
      if (this.#byId.has(stored.key.id)) throw new Error(`API key id '${stored.key.id}' appears twice`);
      if (this.#byDigest.has(stored.digest)) throw new Error(`API key digest of '${stored.key.id}' appears twice`);
      const record: Record_ = { key: cloneJson(stored.key), digest: stored.digest, isTest: stored.isTest, lifetime: stored.lifetime, seq: ++this.#seq };
      this.#byId.set(record.key.id, record);
      this.#byDigest.set(record.digest, record);
      this.deps.onIssue?.(record.digest);
    }
  }

  #issue(spec: { name: string; scopes: ApiKeyScope[]; projectId: string | null; isTest: boolean; lifetime: string; ownerUserId: string }): NewApiKey {
    const { clock, ids } = this.deps;
    const secret = ids.token(spec.isTest ? "rt_test_" : "rt_live_", SECRET_LENGTH, BASE62);
    const now = clock.now();
    const key: ApiKey = {
      id: ids.uuid(),
      name: spec.name,
      keyPrefix: secret.slice(0, KEY_PREFIX_LENGTH),
      scopes: spec.scopes,
      projectId: spec.projectId,
      expiresAt: expiryOf(spec.lifetime, now),
      lastUsedAt: null,
      revokedAt: null,
      createdAt: now.toISOString(),
      status: "active",
      ownerUserId: spec.ownerUserId,
      ownerDisplayName: null,
      ownerEmail: null,
    };
    const record: Record_ = { key, digest: keyDigest(secret), isTest: spec.isTest, lifetime: spec.lifetime, seq: ++this.#seq };
    this.#byId.set(key.id, record);
    this.#byDigest.set(record.digest, record);
    this.deps.onIssue?.(record.digest);
    return { ...cloneJson(key), key: secret };
  }

  #revoke(record: Record_): void {
    record.key.revokedAt = this.deps.clock.now().toISOString();
    record.key.status = "revoked";
  }

  #expired(record: Record_): boolean {
    return record.key.expiresAt !== null && Date.parse(record.key.expiresAt) <= this.deps.clock.now().getTime();
  }

  /** The key as answered: `status` says `expired` once the time has come. */
  #view(record: Record_): ApiKey {
    const key = cloneJson(record.key);
    if (key.status === "active" && this.#expired(record)) key.status = "expired";
    return key;
  }

  #report(eventType: string, key: ApiKey, actor: KeyActor, title: string, severity: "info" | "warning" = "info", attributes: Record<string, unknown> = {}): void {
    this.deps.activity.record({
      resourceType: "api_key",
      resourceId: key.id,
      eventType,
      title,
      actorUserId: actor.userId,
      severity,
      status: key.status,
      attributes: { keyPrefix: key.keyPrefix, scopes: key.scopes, ...attributes },
    });
  }

  #require(id: string): Record_ {
    const record = this.#byId.get(id);
    if (!record) throw new ApiError("not_found", `API key '${id}' not found`);
    return record;
  }

  #requireUsable(id: string): Record_ {
    const record = this.#require(id);
    if (record.key.revokedAt !== null) throw new ApiError("conflict", `API key '${id}' is revoked`);
    return record;
  }
}

/** Scopes as stored: empty or absent means every scope (docs: "Empty defaults to ['*']"). */
function scopesOf(scopes: readonly ApiKeyScope[] | undefined): ApiKeyScope[] {
  return scopes === undefined || scopes.length === 0 ? ["*"] : [...new Set(scopes)];
}

/** `30d`, `6m`, `1y` from now; `never` → null. */
function expiryOf(lifetime: string, now: Date): string | null {
  const match = /^(\d+)([dmy])$/.exec(lifetime);
  if (!match) return null;
  const days = Number(match[1]) * (UNIT_DAYS[match[2] as string] as number);
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}
