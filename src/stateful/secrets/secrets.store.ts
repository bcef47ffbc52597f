/**
 * One organization's secrets (docs: /advanced/secrets, /api-reference/secrets/*; Part B "Secrets").
 *
 * - Names are upper-cased to `[A-Z0-9_]+` ("server-side", the docs): every run of other
 *   characters becomes one `_`; a name with no letter or digit left is a 400.
 * - A secret is private to its owner unless `orgWide`; a user sees its own secrets and the
 *   organization's, and a name finds the user's own first.
 * - Posting an existing name rotates it (new value and fields, same createdAt).
 * - Values leave the store only through `reveal`, which is reported to the activity feed.
 */
import type { RevealedSecret, Secret, SecretUpsertRequest } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { ActivitySink } from "../activity/activity-log.ts";
import type { Clock } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";

/** Who acts on a secret. */
export interface SecretActor {
  userId: string;
}

/** A secret as stored (and as a state document keeps it). */
export interface StoredSecret {
  secret: Secret;
  value: string;
}

/** What a secrets store needs. */
export interface SecretStoreDeps {
  clock: Clock;
  activity: ActivitySink;
}

/** A create request; defaulted fields may be left out when the store is used without HTTP. */
export type SecretInput = Pick<SecretUpsertRequest, "name" | "value"> & Partial<Omit<SecretUpsertRequest, "name" | "value">>;

/**
 * The stored name of a secret: upper case, `[A-Z0-9_]+`. `at` is where the request carried the
 * name (a secret's own `name`, or an agent's `env` reference to it).
 */
export function secretName(name: string, at = "/body/name"): string {
  const normalised = normalisedName(name);
  if (!/[A-Z0-9]/.test(normalised)) {
    throw new ApiError("bad_request", `'${name}' has no letter or digit to name a secret`, [{ path: at, message: "must contain a letter or a digit" }]);
  }
  return normalised;
}

/** A secret a run may read: its value and where it may be used. */
export interface UsableSecret {
  name: string;
  value: string;
  scope: Secret["scope"];
}

/** One organization's secrets. */
export class SecretStore {
  /** By owner (a user id, or ORG for organization-wide secrets), then by name. */
  readonly #byOwner = new Map<string, Map<string, StoredSecret>>();

  constructor(private readonly deps: SecretStoreDeps) {}

  /** Creates or rotates a secret; answers whether it was created. */
  upsert(input: SecretInput, actor: SecretActor): { created: boolean; secret: Secret } {
    const name = secretName(input.name);
    const orgWide = input.orgWide ?? false;
    const owned = this.#owned(orgWide ? ORG : actor.userId);
    const existing = owned.get(name);
    const now = this.deps.clock.now().toISOString();
    const secret: Secret = {
      name,
      scope: input.scope ?? "all",
      category: input.category ?? "provider",
      description: input.description ?? null,
      orgWide,
      ownerUserId: existing?.secret.ownerUserId ?? actor.userId,
      createdAt: existing?.secret.createdAt ?? now,
      updatedAt: now,
    };
    owned.set(name, { secret, value: input.value });
    this.#report(existing ? "secret.rotated" : "secret.created", secret, actor);
    return { created: existing === undefined, secret: cloneJson(secret) };
  }

  /** The user's own secrets and the organization's, by name. */
  list(actor: SecretActor): Secret[] {
    const visible = [...(this.#byOwner.get(actor.userId)?.values() ?? []), ...(this.#byOwner.get(ORG)?.values() ?? [])];
    return visible.map((stored) => cloneJson(stored.secret)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : Number(a.orgWide) - Number(b.orgWide)));
  }

  /** A secret's value; every reveal is audited in the activity feed. */
  reveal(name: string, actor: SecretActor): RevealedSecret {
    const stored = this.#find(name, actor);
    this.#report("secret.revealed", stored.secret, actor, "warning");
    return { name: stored.secret.name, value: stored.value };
  }

  /**
   * The secret a run started by `actor` reads for an agent's `env` reference (the user's own, else
   * the organization's), or undefined. Not a reveal: the value goes into the run's sandbox, never
   * into an answer, so nothing is audited.
   */
  lookup(name: string, actor: SecretActor): UsableSecret | undefined {
    const stored = this.#visible(name, actor);
    return stored && { name: stored.secret.name, value: stored.value, scope: stored.secret.scope };
  }

  /**
   * A secret's value for server-side use (Tool Hub credential resolution, docs: /features/tool-hub):
   * not a reveal, so not audited; the value never leaves the mock through it.
   */
  valueOf(name: string, actor: SecretActor): string | undefined {
    return this.#visible(name, actor)?.value;
  }

  /** Deletes the user's own secret of that name, or else the organization's. */
  delete(name: string, actor: SecretActor): { id: string } {
    const stored = this.#find(name, actor);
    this.#byOwner.get(stored.secret.orgWide ? ORG : stored.secret.ownerUserId)?.delete(stored.secret.name);
    this.#report("secret.deleted", stored.secret, actor, "warning");
    return { id: stored.secret.name };
  }

  /** Every secret, for a state snapshot. */
  exportAll(): StoredSecret[] {
    return [...this.#byOwner.values()].flatMap((owned) => [...owned.values()].map((stored) => cloneJson(stored)));
  }

  /** Loads secrets from a snapshot into this empty store. */
  importAll(secrets: readonly StoredSecret[]): void {
    for (const stored of secrets) {
      const owned = this.#owned(stored.secret.orgWide ? ORG : stored.secret.ownerUserId);
      if (owned.has(stored.secret.name)) throw new Error(`secret '${stored.secret.name}' appears twice for one owner`);
      owned.set(stored.secret.name, cloneJson(stored));
    }
  }

  #find(name: string, actor: SecretActor): StoredSecret {
    const stored = this.#visible(name, actor);
    if (!stored) throw new ApiError("not_found", `Secret '${normalisedName(name)}' not found`);
    return stored;
  }

  /** The user's own secret of that name, else the organization's. */
  #visible(name: string, actor: SecretActor): StoredSecret | undefined {
    const normalised = normalisedName(name);
    return this.#byOwner.get(actor.userId)?.get(normalised) ?? this.#byOwner.get(ORG)?.get(normalised);
  }

  #owned(owner: string): Map<string, StoredSecret> {
    let owned = this.#byOwner.get(owner);
    if (!owned) this.#byOwner.set(owner, (owned = new Map()));
    return owned;
  }

  #report(eventType: string, secret: Secret, actor: SecretActor, severity: "info" | "warning" = "info"): void {
    // The value never enters the feed: only the name and where the secret applies.
    this.deps.activity.record({
      resourceType: "secret",
      resourceId: secret.name,
      eventType,
      title: `Secret ${secret.name} ${eventType.split(".")[1]}`,
      actorUserId: actor.userId,
      severity,
      attributes: { scope: secret.scope, orgWide: secret.orgWide },
    });
  }
}

/** Upper case, every run of characters outside `A-Z0-9_` as one `_` (docs: "Uppercased to [A-Z0-9_]+"). */
function normalisedName(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9_]+/g, "_");
}

/** The owner key of organization-wide secrets (never a user id, which is a UUID). */
const ORG = "org";
