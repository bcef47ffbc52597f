/**
 * One organization's activity feed (docs: /api-reference/activity; Part B "Activity"): every
 * state change the mock makes, as an `ActivityEvent`, kept newest-last in a bounded ring and
 * served newest first with the documented filters.
 *
 * Stores and handlers only see `ActivitySink`, the one method they call after a change; the log
 * fills in what every event shares (id, organization, time, the null links), so that a caller
 * names only what its change is about.
 */
import type { ActivityEvent, ActivityResourceType, ActivitySeverity } from "../../api-types.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { decodeCursor, encodeCursor, type Page } from "../common/pagination.ts";
import { cloneJson } from "../common/clone.ts";
import { AppendedChanges, type ReportsChanges } from "../common/change-feed.ts";

/** How many events an organization keeps; older ones drop off (documented on `GET /v1/activity`). */
export const ACTIVITY_CAP = 10_000;

/** The links an event may carry to other resources (each filterable). */
export type ActivityLinks = Partial<
  Pick<ActivityEvent, "threadId" | "agentRunId" | "sandboxId" | "workspaceId" | "toolSlug" | "installableAgentInstallId" | "runmeshNodeId" | "codeExecutionId">
>;

/** What a change reports: what it is about, and what happened. */
export interface ActivityInput extends ActivityLinks {
  resourceType: ActivityResourceType;
  resourceId: string;
  eventType: string;
  title: string;
  /** The user whose request made the change; null or absent for the mock's own changes. */
  actorUserId?: string | null;
  severity?: ActivitySeverity;
  status?: string | null;
  summary?: string | null;
  attributes?: Record<string, unknown>;
}

/** Where state changes are reported. */
export interface ActivitySink {
  record(input: ActivityInput): void;
}

/** A sink that keeps nothing (stores used on their own, in tests). */
export const NO_ACTIVITY: ActivitySink = { record: () => {} };

/** The filters of `GET /v1/activity`, by event field; all must hold. */
export interface ActivityFilter extends ActivityLinks {
  resourceType?: ActivityResourceType;
  resourceId?: string;
  eventType?: string;
  severity?: ActivitySeverity;
  status?: string;
  actorUserId?: string;
  /** ISO instants: `since` inclusive, `until` exclusive. */
  since?: string;
  until?: string;
}

/** The fields a filter compares for equality. */
const EQUALITY_FIELDS = [
  "resourceType",
  "resourceId",
  "eventType",
  "severity",
  "status",
  "actorUserId",
  "threadId",
  "agentRunId",
  "sandboxId",
  "workspaceId",
  "toolSlug",
  "installableAgentInstallId",
  "runmeshNodeId",
  "codeExecutionId",
] as const satisfies readonly (keyof ActivityFilter & keyof ActivityEvent)[];

interface Entry {
  seq: number;
  event: ActivityEvent;
  /** `createdAt` as a number, for since/until. */
  at: number;
}

/** What the log needs from the rest of the mock. */
export interface ActivityLogDeps {
  orgId: string;
  clock: Clock;
  ids: IdSource;
  /** Events kept (default ACTIVITY_CAP). */
  cap?: number;
}

/** One organization's activity. */
export class ActivityLog implements ActivitySink, ReportsChanges {
  /** A ring: `#entries[#start]` is the oldest kept event. */
  readonly #entries: Entry[] = [];
  #start = 0;
  #seq = 0;
  readonly #cap: number;
  /** Events recorded, for --persist (change-feed.ts). */
  readonly #changes = new AppendedChanges<ActivityEvent>(() => this.#entries.length);

  constructor(private readonly deps: ActivityLogDeps) {
    this.#cap = deps.cap ?? ACTIVITY_CAP;
  }

  takeChanges() {
    return this.#changes.take();
  }

  /** Records one change. */
  record(input: ActivityInput): void {
    const now = this.deps.clock.now();
    const event: ActivityEvent = {
      id: this.deps.ids.token("act_", 16),
      orgId: this.deps.orgId,
      actorUserId: input.actorUserId ?? null,
      actorType: input.actorUserId ? "user" : "system",
      resourceType: input.resourceType,
      resourceId: input.resourceId,
      eventType: input.eventType,
      severity: input.severity ?? "info",
      status: input.status ?? null,
      title: input.title,
      summary: input.summary ?? null,
      attributes: cloneJson(input.attributes ?? {}),
      threadId: input.threadId ?? null,
      agentRunId: input.agentRunId ?? null,
      sandboxId: input.sandboxId ?? null,
      workspaceId: input.workspaceId ?? null,
      toolSlug: input.toolSlug ?? null,
      installableAgentInstallId: input.installableAgentInstallId ?? null,
      runmeshNodeId: input.runmeshNodeId ?? null,
      codeExecutionId: input.codeExecutionId ?? null,
      createdAt: now.toISOString(),
    };
    this.#push({ seq: ++this.#seq, event, at: now.getTime() });
    this.#changes.append(event);
  }

  /** A page of the events that match, newest first. */
  list(filter: ActivityFilter, limit: number, cursor?: string): Page<ActivityEvent> {
    const before = cursor === undefined ? Infinity : decodeCursor(cursor);
    const since = filter.since === undefined ? -Infinity : Date.parse(filter.since);
    const until = filter.until === undefined ? Infinity : Date.parse(filter.until);
    const items: ActivityEvent[] = [];
    let last = 0;
    let hasMore = false;
    for (const entry of this.#newestFirst()) {
      if (entry.seq >= before || entry.at < since || entry.at >= until || !matches(entry.event, filter)) continue;
      if (items.length === limit) {
        hasMore = true;
        break;
      }
      items.push(cloneJson(entry.event));
      last = entry.seq;
    }
    return { items, hasMore, nextCursor: hasMore ? encodeCursor(last) : null };
  }

  /** Every kept event, oldest first, for a state snapshot. */
  exportAll(): ActivityEvent[] {
    return [...this.#newestFirst()].reverse().map((entry) => cloneJson(entry.event));
  }

  /** Loads events from a snapshot (oldest first) into this empty log; past the cap, the oldest drop. */
  importAll(events: readonly ActivityEvent[]): void {
    for (const event of events) {
      if (event.orgId !== this.deps.orgId) throw new Error(`activity event '${event.id}' belongs to another organization`);
      this.#push({ seq: ++this.#seq, event: cloneJson(event), at: Date.parse(event.createdAt) });
    }
  }

  #push(entry: Entry): void {
    if (this.#entries.length < this.#cap) {
      this.#entries.push(entry);
      return;
    }
    this.#entries[this.#start] = entry;
    this.#start = (this.#start + 1) % this.#cap;
  }

  *#newestFirst(): Generator<Entry> {
    const n = this.#entries.length;
    for (let i = n - 1; i >= 0; i--) yield this.#entries[(this.#start + i) % n] as Entry;
  }
}

function matches(event: ActivityEvent, filter: ActivityFilter): boolean {
  for (const field of EQUALITY_FIELDS) {
    const wanted = filter[field];
    if (wanted !== undefined && event[field] !== wanted) return false;
  }
  return true;
}
