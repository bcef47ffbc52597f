/**
 * The acknowledge boundary of `--persist`: a change is acknowledged only once it is durable, and
 * a change that cannot be made durable is undone, so that memory never holds what the disk does
 * not (docs/persistence.md).
 *
 * It knows nothing of files or HTTP. A change is bracketed by `begin()` (just before the change
 * is made in memory) and `commit(ticket)` (once it is made): `commit` captures the change at
 * once, queues it behind earlier commits, and resolves when the store holds it. Changes that
 * queue while a write is on its way go to the store together (group commit: one fsync for
 * many). When a write fails, memory is restored to what the store holds, and every change that
 * memory held at that moment fails with it:
 *   - commits queued behind the failed one were captured from a memory that held its change, so
 *     they are not written; they reject without touching the store;
 *   - changes begun before the rollback but not yet committed (a streamed run still going) were
 *     wiped by it; their commit rejects too.
 * Each rollback starts a new epoch; a ticket from an older epoch can no longer commit. The
 * store is whatever appends changes durably (state-log.ts).
 */

/** A captured change: some of the state, or the whole of it (which stands for every change before). */
export interface Change<T> {
  whole: boolean;
  data: T;
}

/** Makes changes durable, in order; resolves once they are, rejects when they are not. */
export interface ChangeStore<T> {
  /** Either changes that are not whole, or one whole state. */
  write(changes: Change<T>[]): Promise<void>;
  /** Whether the next write should hold the whole state instead (a log past its bound, a failed write). */
  wantsWhole?(): boolean;
}

export interface DurabilityOptions<T> {
  store: ChangeStore<T>;
  /** The change just made in memory, now (synchronously, so that nothing slips between). */
  capture(): T;
  /** The whole in-memory state, now: a control-plane change, or what stands for a group when the store wants it whole. */
  captureWhole(): T;
  /** Makes memory hold what the store holds again (a rollback). */
  restore(): void;
  /** Told of every rollback, with the failure that caused it (for the server's log). */
  onRollback?(cause: unknown): void;
}

/** Taken by `begin()`: the epoch the change was made in. */
export interface ChangeTicket {
  readonly epoch: number;
}

/** A change that was not made durable, and is no longer in memory either. */
export class NotDurableError extends Error {
  constructor(
    message: string,
    /** The store's or the capture's own error (an errno error for a file). */
    readonly reason: unknown,
  ) {
    super(message);
    this.name = "NotDurableError";
  }
}

interface Pending<S> {
  change: Change<S>;
  resolve(): void;
  reject(error: unknown): void;
}

export class Durability<S> {
  readonly #options: DurabilityOptions<S>;
  #epoch = 0;
  /** Captured, not yet handed to the store: the next group. */
  #pending: Pending<S>[] = [];
  #writing = false;
  /** The failure that ended the last epoch, told to the changes it undid. */
  #lastFailure: unknown;

  constructor(options: DurabilityOptions<S>) {
    this.#options = options;
  }

  /** Call just before changing memory: synchronously, in the same turn as the change. */
  begin(): ChangeTicket {
    return { epoch: this.#epoch };
  }

  /**
   * Makes memory, as it is now, durable: captures the change (`capture`, or `whole` for the whole
   * state) and resolves once the store holds it; rejects with a NotDurableError (memory already
   * restored) when it could not be, or when a rollback undid the change since its `begin()`.
   */
  commit(ticket: ChangeTicket, whole = false): Promise<void> {
    if (ticket.epoch !== this.#epoch) return Promise.reject(this.#undone());
    let change: Change<S>;
    try {
      change = { whole, data: whole ? this.#options.captureWhole() : this.#options.capture() };
    } catch (error) {
      this.#fail(error);
      return Promise.reject(new NotDurableError(`the state could not be captured: ${(error as Error).message}`, error));
    }
    const done = new Promise<void>((resolve, reject) => this.#pending.push({ change, resolve, reject }));
    if (!this.#writing) void this.#flush();
    return done;
  }

  /**
   * Group commit: while one write is on its way to the disk, the changes captured meanwhile wait
   * and then go together, in one write (one fsync for all of them).
   */
  async #flush(): Promise<void> {
    this.#writing = true;
    while (this.#pending.length > 0) {
      const group = this.#pending;
      this.#pending = [];
      try {
        // The whole state, captured now, holds every change of the group: written alone, it stands for them.
        const whole = group.some((p) => p.change.whole) || this.#options.store.wantsWhole?.() === true;
        const changes = whole ? [{ whole, data: this.#options.captureWhole() }] : group.map((p) => p.change);
        await this.#options.store.write(changes);
      } catch (error) {
        const failed = new NotDurableError(`the state could not be written: ${describe(error)}`, error);
        for (const p of group) p.reject(failed);
        this.#fail(error);
        continue;
      }
      for (const p of group) p.resolve();
    }
    this.#writing = false;
  }

  /** Memory goes back to the store's; every change captured meanwhile held the failed one and fails too. */
  #fail(cause: unknown): void {
    this.#epoch += 1;
    this.#lastFailure = cause;
    const undone = this.#pending;
    this.#pending = [];
    for (const p of undone) p.reject(this.#undone());
    this.#options.restore();
    this.#options.onRollback?.(cause);
  }

  #undone(): NotDurableError {
    return new NotDurableError(`an earlier change could not be written, and this one was undone with it: ${describe(this.#lastFailure)}`, this.#lastFailure);
  }
}

/** `ENOSPC: no space left on device, write`, or the message of anything else. */
function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
