/**
 * Per-organization state, created lazily and resettable (LocalStack's AccountRegionBundle,
 * reference model-codebases §5). Nothing is shared across organizations, so isolation holds by
 * construction: a store only ever sees its own organization's records.
 *
 * An organization is stored only once a request that changes state succeeds for it
 * (docs/input-rules.md). Until then a request works on state built aside (`lease`): a read of an
 * organization that was never written answers as for an empty one, and a rejected request, or a
 * GET, leaves no organization behind. Concurrent requests of one new organization share the
 * state built aside, so that none of their changes is lost when the first of them commits it.
 */
export class OrgBundle<S> {
  readonly #stores = new Map<string, S>();
  readonly #pending = new Map<string, { store: S; users: number }>();
  /** Organizations a request or a tool may have changed since `takeTouched()` (for --persist). */
  readonly #touched = new Set<string>();
  /** Set by the first `takeTouched()`: a mock without --persist keeps no such set. */
  #tracking = false;

  constructor(
    private readonly create: (orgId: string) => S,
    /** The most organizations stored at once; `commit` refuses one more. */
    private readonly maxOrgs: number = Number.POSITIVE_INFINITY,
  ) {}

  /** The state of one organization, created (and stored) empty on first use. For tests and tools. */
  forOrg(orgId: string): S {
    this.#touch(orgId);
    let store = this.#stores.get(orgId);
    if (store === undefined) {
      store = this.create(orgId);
      this.#stores.set(orgId, store);
    }
    return store;
  }

  /** The state of one organization if it has any, without creating it. */
  find(orgId: string): S | undefined {
    return this.#stores.get(orgId);
  }

  /**
   * The state one request works on: the stored state, or state built aside (shared with the
   * other requests of the same new organization in flight). `commit` stores it once the request
   * succeeded; `release` ends the lease either way (state nobody committed is forgotten).
   */
  lease(orgId: string): OrgLease<S> {
    this.#touch(orgId);
    const stored = this.#stores.get(orgId);
    // Touched again at release: a change made after a --persist capture taken meanwhile is seen.
    if (stored !== undefined) return { store: stored, stored: true, commit: () => undefined, release: () => void this.#touch(orgId) };
    let pending = this.#pending.get(orgId);
    if (pending === undefined) {
      pending = { store: this.create(orgId), users: 0 };
      this.#pending.set(orgId, pending);
    }
    const entry = pending;
    entry.users += 1;
    let released = false;
    return {
      store: entry.store,
      stored: false,
      commit: () => {
        if (this.#stores.has(orgId)) return;
        if (this.#stores.size >= this.maxOrgs) throw new OrganizationLimitError(this.maxOrgs);
        this.#stores.set(orgId, entry.store);
        this.#touch(orgId);
      },
      release: () => {
        if (released) return;
        released = true;
        this.#touch(orgId);
        entry.users -= 1;
        if (entry.users === 0 && this.#pending.get(orgId) === entry) this.#pending.delete(orgId);
      },
    };
  }

  /**
   * The organizations leased, created or stored since the last call (a superset of those that
   * changed), and forgets them: what a --persist capture looks at beyond the caller's own.
   */
  takeTouched(): string[] {
    this.#tracking = true;
    const touched = [...this.#touched];
    this.#touched.clear();
    return touched;
  }

  #touch(orgId: string): void {
    if (this.#tracking) this.#touched.add(orgId);
  }

  /** The organizations that have state. */
  orgIds(): string[] {
    return [...this.#stores.keys()];
  }

  /** How many organizations have state. */
  get size(): number {
    return this.#stores.size;
  }

  /** Builds an organization's state aside, without registering it (for imports). */
  build(orgId: string): S {
    return this.create(orgId);
  }

  /** Installs an organization's state, replacing any it had. */
  put(orgId: string, store: S): void {
    this.#touch(orgId);
    this.#stores.set(orgId, store);
  }

  /** Forgets one organization, or every organization. */
  reset(orgId?: string): void {
    if (orgId === undefined) for (const id of this.#stores.keys()) this.#touch(id);
    else this.#touch(orgId);
    if (orgId === undefined) this.#stores.clear();
    else this.#stores.delete(orgId);
  }
}

/** One request's hold on an organization's state (OrgBundle.lease). */
export interface OrgLease<S> {
  store: S;
  /** Whether the organization was already stored when the lease began. */
  stored: boolean;
  /** Stores the organization (a no-op when it is); throws OrganizationLimitError past the bound. */
  commit(): void;
  /** Ends the lease; idempotent. */
  release(): void;
}

/** A new organization would pass the bound of organizations kept. */
export class OrganizationLimitError extends Error {
  constructor(readonly maxOrgs: number) {
    super(`This mock already keeps its maximum of ${maxOrgs} organizations (--max-orgs): reset some (POST /__mock/reset) or start it with a higher --max-orgs`);
    this.name = "OrganizationLimitError";
  }
}
