/**
 * Conversation threads of one organization and their durable events (docs: /api-reference/threads,
 * Part B "Threads"). A thread belongs to one agent; each run appends events with a `sequence`
 * that increases by one per thread, under the run's rollout.
 */
import type { Thread, ThreadEvent, ThreadRollout } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { paginate, type Page } from "../common/pagination.ts";
import { cloneJson } from "../common/clone.ts";
import { summarize } from "./compaction.ts";

/** What a thread store needs from the rest of the mock. */
export interface ThreadStoreDeps {
  clock: Clock;
  ids: IdSource;
  /** Told of every durable event appended (the activity feed's run and tool-call events). */
  onAppend?: (event: ThreadEvent, thread: Thread) => void;
}

/** What a new thread starts from. */
export interface NewThread {
  orgId: string;
  ownerUserId: string;
  agentId: string;
  executionMode: Thread["executionMode"];
  title: string | null;
}

/** One durable event to append. */
export type NewEvent = Pick<ThreadEvent, "runId" | "rolloutId" | "type" | "payload">;

/** Filters of `GET /v1/threads`. */
export interface ThreadFilter {
  agentIds?: ReadonlySet<string>;
  /** Only threads this user owns ("members see their own"); every member's when left out (`all=true`). */
  ownerUserId?: string;
  /** true includes archived threads (the guide: "Include archived threads when listing"); false leaves them out. */
  archived: boolean;
}

/**
 * Which events a read covers (docs: "Use include=all_rollouts on snapshot or event reads when you
 * need non-active rollout history"). By default the active history: every event since the latest
 * compaction, all of them on a thread never compacted.
 */
export interface EventView {
  /** Every event of the thread (`include=all_rollouts`). */
  allRollouts?: boolean;
  /** Only this rollout's events (`rollout_id`; 404 when the thread has no such rollout). */
  rolloutId?: string;
}

interface ThreadRecord {
  thread: Thread;
  events: ThreadEvent[];
  /** Bumped on every change, for "most recently updated first". */
  touched: number;
}

/** One organization's threads. */
export class ThreadStore {
  readonly #byId = new Map<string, ThreadRecord>();
  #touches = 0;

  constructor(private readonly deps: ThreadStoreDeps) {}

  /** Opens a thread for an agent. */
  create(input: NewThread): Thread {
    const now = this.deps.clock.now().toISOString();
    let id: string;
    do id = this.deps.ids.token("thr_", 16);
    while (this.#byId.has(id));
    const thread: Thread = { id, ...input, archived: false, activeRolloutId: null, createdAt: now, updatedAt: now };
    this.#byId.set(id, { thread, events: [], touched: ++this.#touches });
    return cloneJson(thread);
  }

  /** The thread with this id, or a 404. */
  get(id: string): Thread {
    return cloneJson(this.#require(id).thread);
  }

  /**
   * The thread with the events of `view`, in sequence order; with `limit`, only the most recent
   * `limit` of them (the snapshot's "Maximum number of rows to return").
   */
  snapshot(id: string, view: EventView = {}, limit?: number): { thread: Thread; events: ThreadEvent[] } {
    const record = this.#require(id);
    const events = this.#view(record, view);
    return { thread: cloneJson(record.thread), events: cloneJson(limit === undefined ? events : events.slice(-limit)) };
  }

  /** A page of the events of `view`, in increasing sequence. */
  events(id: string, limit: number, cursor?: string, view: EventView = {}): { thread: Thread; page: Page<ThreadEvent> } {
    const record = this.#require(id);
    const page = paginate(this.#view(record, view), (event) => event.sequence, limit, cursor);
    return { thread: cloneJson(record.thread), page: { ...page, items: cloneJson(page.items) } };
  }

  /**
   * Compacts the thread: a new rollout, made active, holding `compaction_started` and a
   * `compaction_completed` whose summary digests the active history (compaction.ts). Nothing is
   * deleted; reads start from the compaction unless asked for every rollout.
   */
  compact(id: string): { thread: Thread; rollout: ThreadRollout } {
    const record = this.#require(id);
    // Read before appending: the view of a thread never compacted is its live event list.
    const history = this.#view(record, {});
    const completed = { summary: summarize(history), compactedEventCount: history.length };
    const previousRolloutId = record.thread.activeRolloutId;
    let rolloutId: string;
    do rolloutId = this.deps.ids.token("rol_", 16);
    while (record.events.some((event) => event.rolloutId === rolloutId));
    this.startRollout(id, rolloutId);
    this.append(id, { runId: null, rolloutId, type: "compaction_started", payload: { reason: "manual", previousRolloutId } });
    this.append(id, { runId: null, rolloutId, type: "compaction_completed", payload: completed });
    const { thread, rollouts } = this.rollouts(id);
    return { thread, rollout: rollouts.find((rollout) => rollout.rolloutId === rolloutId) as ThreadRollout };
  }

  /**
   * The thread's rollouts, oldest first (one per run in the mock): first event, the run_completed
   * event (null while open), and how many events each holds.
   */
  rollouts(id: string): { thread: Thread; rollouts: ThreadRollout[] } {
    const record = this.#require(id);
    const byId = new Map<string, ThreadRollout>();
    for (const event of record.events) {
      let rollout = byId.get(event.rolloutId);
      if (!rollout) byId.set(event.rolloutId, (rollout = { rolloutId: event.rolloutId, threadId: id, startedAt: event.createdAt, completedAt: null, eventCount: 0 }));
      rollout.eventCount += 1;
      if (event.type === "run_completed" || event.type === "compaction_completed") rollout.completedAt = event.createdAt;
    }
    return { thread: cloneJson(record.thread), rollouts: [...byId.values()] };
  }

  /** A page of threads, most recently updated first. */
  list(filter: ThreadFilter, limit: number, cursor?: string): Page<Thread> {
    const matching = [...this.#byId.values()]
      .filter(({ thread }) => (filter.archived || !thread.archived) && (!filter.agentIds || filter.agentIds.has(thread.agentId)))
      .filter(({ thread }) => filter.ownerUserId === undefined || thread.ownerUserId === filter.ownerUserId)
      .sort((a, b) => b.touched - a.touched);
    // Newest first: the cursor walks the negated touch counter upwards.
    const page = paginate(matching, (record) => -record.touched, limit, cursor);
    return { ...page, items: page.items.map((record) => cloneJson(record.thread)) };
  }

  /** Makes a rollout (one run's instance of the thread) the active one. */
  startRollout(id: string, rolloutId: string): void {
    const record = this.#require(id);
    record.thread.activeRolloutId = rolloutId;
    this.#touch(record);
  }

  /** Appends a durable event with the next sequence number. */
  append(id: string, event: NewEvent): ThreadEvent {
    const record = this.#require(id);
    const appended: ThreadEvent = {
      sequence: record.events.length + 1,
      threadId: id,
      ...cloneJson(event),
      createdAt: this.deps.clock.now().toISOString(),
    };
    record.events.push(appended);
    this.#touch(record);
    this.deps.onAppend?.(appended, record.thread);
    return cloneJson(appended);
  }

  /** Renames or (un)archives a thread. */
  update(id: string, changes: { title?: string | null; archived?: boolean }): Thread {
    const record = this.#require(id);
    if (changes.title !== undefined) record.thread.title = changes.title;
    if (changes.archived !== undefined) record.thread.archived = changes.archived;
    this.#touch(record);
    return cloneJson(record.thread);
  }

  /** Deletes a thread and its events. */
  delete(id: string): { id: string } {
    this.#require(id);
    this.#byId.delete(id);
    return { id };
  }

  /** Every thread with its events, least recently updated first, for a state snapshot. */
  exportAll(): { thread: Thread; events: ThreadEvent[] }[] {
    return [...this.#byId.values()].sort((a, b) => a.touched - b.touched).map((record) => ({ thread: cloneJson(record.thread), events: cloneJson(record.events) }));
  }

  /** Loads threads from a snapshot into this (empty) store; events must be numbered 1, 2, 3… */
  importAll(threads: readonly { thread: Thread; events: readonly ThreadEvent[] }[]): void {
    for (const { thread, events } of threads) {
      if (this.#byId.has(thread.id)) throw new Error(`thread id '${thread.id}' appears twice`);
      events.forEach((event, index) => {
        if (event.sequence !== index + 1 || event.threadId !== thread.id) throw new Error(`thread '${thread.id}': event ${index} must have sequence ${index + 1} and this threadId`);
      });
      this.#byId.set(thread.id, { thread: cloneJson(thread), events: cloneJson([...events]), touched: ++this.#touches });
    }
  }

  #view(record: ThreadRecord, view: EventView): ThreadEvent[] {
    if (view.rolloutId !== undefined) {
      const events = record.events.filter((event) => event.rolloutId === view.rolloutId);
      if (events.length === 0) throw new ApiError("not_found", `Rollout '${view.rolloutId}' not found in thread '${record.thread.id}'`);
      return events;
    }
    if (view.allRollouts) return record.events;
    const from = record.events.findLastIndex((event) => event.type === "compaction_started");
    return from <= 0 ? record.events : record.events.slice(from);
  }

  #touch(record: ThreadRecord): void {
    record.thread.updatedAt = this.deps.clock.now().toISOString();
    record.touched = ++this.#touches;
  }

  #require(id: string): ThreadRecord {
    const record = this.#byId.get(id);
    if (!record) throw new ApiError("not_found", `Thread '${id}' not found`);
    return record;
  }
}
