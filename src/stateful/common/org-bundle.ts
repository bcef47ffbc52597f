/**
 * Per-organization state, created lazily on first use and resettable (LocalStack's
 * AccountRegionBundle, reference model-codebases §5). Nothing is shared across organizations,
 * so isolation holds by construction: a store only ever sees its own organization's records.
 */
export class OrgBundle<S> {
  readonly #stores = new Map<string, S>();

  constructor(private readonly create: (orgId: string) => S) {}

  /** The state of one organization, created empty on first use. */
  forOrg(orgId: string): S {
    let store = this.#stores.get(orgId);
    if (store === undefined) {
      store = this.create(orgId);
      this.#stores.set(orgId, store);
    }
    return store;
  }

  /** The state of an organization that has some, without creating it. */
  peek(orgId: string): S | undefined {
    return this.#stores.get(orgId);
  }

  /** The organizations that have state. */
  orgIds(): string[] {
    return [...this.#stores.keys()];
  }

  /** Builds an organization's state aside, without registering it (for imports). */
  build(orgId: string): S {
    return this.create(orgId);
  }

  /** Installs an organization's state, replacing any it had. */
  put(orgId: string, store: S): void {
    this.#stores.set(orgId, store);
  }

  /** Forgets one organization, or every organization. */
  reset(orgId?: string): void {
    if (orgId === undefined) this.#stores.clear();
    else this.#stores.delete(orgId);
  }
}
