/**
 * How a store tells `--persist` what changed, so that a change costs its own size on disk rather
 * than its section's (docs/persistence.md, "How a store opts in").
 *
 * A store need not do anything: a section of the state document whose store does not implement
 * `ReportsChanges` is logged whole, for its organization, with every change to that organization.
 * That is always correct, and cheap for small sections. A store whose section grows (agents, the
 * activity feed) implements `takeChanges()` with one of the two helpers below, and is then logged
 * by what changed: the helpers track nothing until `--persist` first asks, so a mock in memory
 * pays nothing.
 *
 * The store must be the organization's property of the same name as its section of the
 * `OrganizationSnapshot` (`org.agents` ↔ `agents`), and what it reports must be what its
 * `exportAll()` would show: a replay applies the changes to the section as exported.
 */

/** Items of an exported array, identified by a string field (`slug` for agents). */
export interface KeyedChange {
  kind: "keyed";
  /** The field that identifies an item. */
  key: string;
  /** Items now present, in order: an existing key is replaced in place, a new one is added at the end. */
  put: unknown[];
  /** Keys removed since the last change (applied before `put`, so that a key created again goes last). */
  removed: string[];
}

/** Items added at the end of an exported array, which then keeps only its last `keep` items. */
export interface AppendedChange {
  kind: "appended";
  items: unknown[];
  keep: number;
}

export type SectionChange = KeyedChange | AppendedChange;

/** A store that reports its changes (see above). */
export interface ReportsChanges {
  /**
   * What changed since the last call, and forgets it; null when nothing did. The first call
   * answers undefined ("not tracked until now: log the section whole") and starts tracking.
   */
  takeChanges(): SectionChange | null | undefined;
}

export function reportsChanges(store: unknown): store is ReportsChanges {
  return typeof store === "object" && store !== null && typeof (store as Partial<ReportsChanges>).takeChanges === "function";
}

/** Tracks the keys of a keyed collection that changed; the store exports an item by key. */
export class KeyedChanges<T> {
  /** Changed keys, in the order they last moved; true when the key was removed meanwhile. */
  #changed: Map<string, boolean> | undefined;

  constructor(
    private readonly key: string,
    /** The item as `exportAll()` shows it, or undefined once it is gone. */
    private readonly current: (key: string) => T | undefined,
  ) {}

  /** Call after a key's item was created or replaced in place. */
  mark(key: string): void {
    if (this.#changed && !this.#changed.has(key)) this.#changed.set(key, false);
  }

  /** Call after a key was created: it goes after every key created before it (as in a Map). */
  markCreated(key: string): void {
    if (!this.#changed) return;
    const removed = this.#changed.get(key) === true;
    this.#changed.delete(key);
    this.#changed.set(key, removed);
  }

  /** Call after a key was removed. */
  markRemoved(key: string): void {
    if (!this.#changed) return;
    this.#changed.delete(key);
    this.#changed.set(key, true);
  }

  take(): KeyedChange | null | undefined {
    const changed = this.#changed;
    this.#changed = new Map();
    if (changed === undefined) return undefined;
    if (changed.size === 0) return null;
    const put: unknown[] = [];
    const removed: string[] = [];
    for (const [key, wasRemoved] of changed) {
      if (wasRemoved) removed.push(key);
      const item = this.current(key);
      if (item !== undefined) put.push(item);
    }
    return { kind: "keyed", key: this.key, put, removed };
  }
}

/** Tracks the items appended to a bounded, append-only collection. */
export class AppendedChanges<T> {
  #items: T[] | undefined;

  constructor(
    /** How many items the collection keeps now. */
    private readonly size: () => number,
  ) {}

  /** Call after an item was appended. */
  append(item: T): void {
    this.#items?.push(item);
  }

  take(): AppendedChange | null | undefined {
    const items = this.#items;
    this.#items = [];
    if (items === undefined) return undefined;
    if (items.length === 0) return null;
    return { kind: "appended", items, keep: this.size() };
  }
}
