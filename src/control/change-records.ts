/**
 * What `--persist` logs of a change, and how start-up replays it (docs/persistence.md).
 *
 * A record holds the organizations a change may have touched, each as its `OrganizationSnapshot`
 * (snapshot.ts) with one difference: a section whose store reports its changes
 * (stateful/common/change-feed.ts) carries only what changed. Any other section is logged whole,
 * so a store added to the state document is durable with no work of its own; it opts in to
 * O(change) records by implementing `takeChanges()`.
 *
 * Replay works on the document, not on stores: the snapshot's organizations, with each record
 * applied in order, become the document that start-up checks and imports like any other.
 */
import type { OrgState } from "../state.ts";
import { reportsChanges, type SectionChange } from "../stateful/common/change-feed.ts";
import { exportOrg, type OrganizationSnapshot, type StateDocument } from "../stateful/snapshot.ts";

/** One organization in a record. */
export interface OrgRecord {
  /** The organization's id. */
  o: string;
  /** Gone (a reset): the organization is dropped. */
  gone?: true;
  /** Sections logged whole. */
  s?: Record<string, unknown>;
  /** Sections logged by what changed (absent: unchanged). */
  d?: Record<string, SectionChange>;
}

/** One logged change: the whole state (a reset, an import), or some organizations. */
export type ChangeRecord = { state: StateDocument } | { orgs: OrgRecord[] };

/** A store that exports nothing: stands in for a reporting store while the rest is exported. */
const SKIPPED = { exportAll: () => undefined };

/** An organization as it is now, reporting sections by their changes (called in the turn of the change). */
export function captureOrg(orgId: string, org: OrgState | undefined): OrgRecord {
  if (org === undefined) return { o: orgId, gone: true };
  const reporting: [string, SectionChange | null | undefined][] = [];
  const view = Object.create(org) as Record<string, unknown>;
  for (const [name, store] of Object.entries(org)) {
    if (!reportsChanges(store)) continue;
    reporting.push([name, store.takeChanges()]);
    view[name] = SKIPPED;
  }
  // exportOrg over a view whose reporting stores export nothing: every other section, whole.
  const whole = exportOrg(view as unknown as OrgState) as unknown as Record<string, unknown>;
  const record: OrgRecord = { o: orgId, s: whole };
  for (const [name, change] of reporting) {
    delete whole[name];
    // Not tracked until now (a new organization, or the first change since start-up): whole.
    if (change === undefined) whole[name] = (org as unknown as Record<string, { exportAll(): unknown }>)[name]?.exportAll();
    else if (change !== null) (record.d ??= {})[name] = change;
  }
  return record;
}

/** Starts change tracking in every reporting store (after the whole state was captured). */
export function trackAll(orgs: Iterable<OrgState>): void {
  for (const org of orgs) for (const store of Object.values(org)) if (reportsChanges(store)) store.takeChanges();
}

/** Applies records, in order, to a document (the snapshot's, or an empty one); answers the result. */
export class Replay {
  #document: StateDocument | undefined;
  /** Organizations in order, each with its keyed sections held as maps while records apply. */
  #orgs = new Map<string, ReplayedOrg>();

  constructor(base: StateDocument | undefined) {
    this.#reset(base);
  }

  apply(record: ChangeRecord): void {
    if ("state" in record) return this.#reset(record.state);
    for (const org of record.orgs) this.#applyOrg(org);
  }

  /** The document the snapshot and the records make; undefined when there was neither. */
  result(exportedAt: string): StateDocument | undefined {
    if (this.#document === undefined) return undefined;
    const organizations = [...this.#orgs.values()].map(({ snapshot, keyed, appended }) => {
      for (const [name, items] of keyed) snapshot[name] = [...items.values()];
      for (const [name, { items, keep }] of appended) snapshot[name] = items.slice(Math.max(0, items.length - keep));
      return snapshot as unknown as OrganizationSnapshot;
    });
    return { ...this.#document, exportedAt, organizations };
  }

  #reset(document: StateDocument | undefined): void {
    this.#document = document;
    this.#orgs = new Map();
    for (const org of document?.organizations ?? []) this.#orgs.set(org.id, replayed({ ...org }));
  }

  #applyOrg(record: OrgRecord): void {
    this.#document ??= { format: "runtools-mock/state", version: 1, exportedAt: "", organizations: [] };
    if (record.gone) {
      this.#orgs.delete(record.o);
      return;
    }
    let org = this.#orgs.get(record.o);
    if (org === undefined) {
      org = replayed({ id: record.o });
      this.#orgs.set(record.o, org);
    }
    for (const [name, value] of Object.entries(record.s ?? {})) {
      org.snapshot[name] = value;
      org.keyed.delete(name);
      org.appended.delete(name);
    }
    for (const [name, change] of Object.entries(record.d ?? {})) applyChange(org, name, change);
  }
}

/** An organization while records apply: sections changed by key or by appending are held aside. */
interface ReplayedOrg {
  snapshot: Record<string, unknown>;
  keyed: Map<string, Map<string, unknown>>;
  appended: Map<string, { items: unknown[]; keep: number }>;
}

function replayed(snapshot: Record<string, unknown>): ReplayedOrg {
  return { snapshot, keyed: new Map(), appended: new Map() };
}

function applyChange(org: ReplayedOrg, name: string, change: SectionChange): void {
  const current = (org.snapshot[name] as unknown[] | undefined) ?? [];
  if (change.kind === "appended") {
    // Appended to a copy of its own, trimmed now and then rather than on every record.
    let appended = org.appended.get(name);
    if (appended === undefined) {
      appended = { items: [...current], keep: change.keep };
      org.appended.set(name, appended);
    }
    appended.items.push(...change.items);
    appended.keep = change.keep;
    if (appended.items.length > 2 * change.keep + 1024) appended.items.splice(0, appended.items.length - change.keep);
    return;
  }
  let items = org.keyed.get(name);
  if (items === undefined) {
    items = new Map(current.map((item) => [String((item as Record<string, unknown>)[change.key]), item]));
    org.keyed.set(name, items);
  }
  for (const key of change.removed) items.delete(key);
  for (const item of change.put) items.set(String((item as Record<string, unknown>)[change.key]), item);
}
