/**
 * Agent runs of one organization (docs: /api-reference/agent-runs/*): their status, for
 * `GET /v1/run` and `POST /v1/run/{id}/cancel`. A run in flight carries an AbortController, so
 * a cancel reaches the stream that is still producing it.
 */
import type { RunStatus, RunSummary } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { paginate, type Page } from "../common/pagination.ts";
import { cloneJson } from "../common/clone.ts";

/** Statuses a run does not leave. */
const FINISHED: ReadonlySet<RunStatus> = new Set(["completed", "failed", "cancelled"]);

/** What a run store needs from the rest of the mock. */
export interface RunStoreDeps {
  clock: Clock;
  ids: IdSource;
}

/** Filters of `GET /v1/run`. */
export interface RunFilter {
  /** An agent slug or id. */
  agent?: string;
  status?: RunStatus;
}

interface RunRecord {
  run: RunSummary;
  /** The thread rollout this run is an instance of. */
  rolloutId: string;
  seq: number;
  abort: AbortController;
}

/** One organization's runs. */
export class RunStore {
  readonly #byId = new Map<string, RunRecord>();
  #seq = 0;

  constructor(private readonly deps: RunStoreDeps) {}

  /** A fresh run id (`run_…`, reference Part A ids). */
  newId(): string {
    let id: string;
    do id = this.deps.ids.token("run_", 16);
    while (this.#byId.has(id));
    return id;
  }

  /** Records a run that has started, as an instance (rollout) of its thread. */
  add(run: RunSummary, rolloutId: string): void {
    this.#byId.set(run.id, { run: cloneJson(run), rolloutId, seq: this.#seq++, abort: new AbortController() });
  }

  /** The rollout a run belongs to. */
  rolloutOf(id: string): string {
    return this.#require(id).rolloutId;
  }

  /** The run with this id, or a 404. */
  get(id: string): RunSummary {
    return cloneJson(this.#require(id).run);
  }

  /** The run with this id, for other stores; undefined if none (no copy: do not change it). */
  find(id: string): Readonly<RunSummary> | undefined {
    return this.#byId.get(id)?.run;
  }

  /** Is a run of this thread still in flight (running, dispatched, registered)? */
  inFlightOn(threadId: string): boolean {
    for (const { run } of this.#byId.values()) if (run.threadId === threadId && !FINISHED.has(run.status)) return true;
    return false;
  }

  /** Aborts when the run is cancelled. */
  signal(id: string): AbortSignal {
    return this.#require(id).abort.signal;
  }

  /** A page of runs, newest first ("list recent agent runs"). */
  list(filter: RunFilter, limit: number, cursor?: string): Page<RunSummary> {
    const matching = [...this.#byId.values()]
      .filter(({ run }) => filter.agent === undefined || run.agentSlug === filter.agent || run.agentId === filter.agent)
      .filter(({ run }) => filter.status === undefined || run.status === filter.status)
      .reverse();
    const page = paginate(matching, (record) => -record.seq, limit, cursor);
    return { ...page, items: page.items.map((record) => cloneJson(record.run)) };
  }

  /** Moves a run to a final status, unless it already has one (a cancel won the race). */
  finish(id: string, status: RunStatus): RunSummary {
    const record = this.#require(id);
    if (!FINISHED.has(record.run.status)) {
      record.run.status = status;
      record.run.completedAt = this.deps.clock.now().toISOString();
    }
    return cloneJson(record.run);
  }

  /** Cancels a run in flight (running, registered, dispatched); a finished run is a 409. */
  cancel(id: string): RunSummary {
    const record = this.#require(id);
    if (FINISHED.has(record.run.status)) {
      throw new ApiError("conflict", `Run '${id}' already finished (${record.run.status})`);
    }
    const cancelled = this.finish(id, "cancelled");
    record.abort.abort();
    return cancelled;
  }

  /** Every run with its rollout, oldest first, for a state snapshot. */
  exportAll(): { run: RunSummary; rolloutId: string }[] {
    return [...this.#byId.values()].map((record) => ({ run: cloneJson(record.run), rolloutId: record.rolloutId }));
  }

  /** Loads runs from a snapshot into this (empty) store; ids must be unique. */
  importAll(runs: readonly { run: RunSummary; rolloutId: string }[]): void {
    for (const { run, rolloutId } of runs) {
      if (this.#byId.has(run.id)) throw new Error(`run id '${run.id}' appears twice`);
      this.add(run, rolloutId);
    }
  }

  #require(id: string): RunRecord {
    const record = this.#byId.get(id);
    if (!record) throw new ApiError("not_found", `Run '${id}' not found`);
    return record;
  }
}
