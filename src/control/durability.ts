/**
 * The acknowledge boundary of `--persist`: a change is acknowledged only once it is durable, and
 * a change that cannot be made durable is undone, so that memory never holds what the disk does
 * not (docs/persistence.md).
 *
 * It knows nothing of files or HTTP. A change is bracketed by `begin()` (just before the change
 * is made in memory) and `commit(ticket)` (once it is made): `commit` captures the whole state
 * at once, queues it behind earlier commits, and resolves when the store holds it. When a write
 * fails, memory is restored to the last snapshot the store did take, and every change that
 * memory held at that moment fails with it:
 *   - commits queued behind the failed one captured its change (captures are cumulative), so
 *     they are not written; they reject without touching the store;
 *   - changes begun before the rollback but not yet committed (a streamed run still going) were
 *     wiped by it; their commit rejects too.
 * Each rollback starts a new epoch; a ticket from an older epoch can no longer commit. The
 * store is whatever writes a snapshot durably: today the whole-state file, later a log.
 */

/** Writes a snapshot of the whole state; resolves once it is durable, rejects when it is not. */
export interface SnapshotStore<S> {
  write(snapshot: S): Promise<void>;
}

export interface DurabilityOptions<S> {
  store: SnapshotStore<S>;
  /** The whole in-memory state, now (synchronously, so that nothing slips between). */
  capture(): S;
  /** Makes memory hold `snapshot` again (a rollback). */
  restore(snapshot: S): void;
  /** What the store holds at start: the state memory returns to before any write succeeds. */
  durable: S;
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

export class Durability<S> {
  readonly #options: DurabilityOptions<S>;
  #durable: S;
  #epoch = 0;
  #queue: Promise<void> = Promise.resolve();
  /** The failure that ended the last epoch, told to the changes it undid. */
  #lastFailure: unknown;

  constructor(options: DurabilityOptions<S>) {
    this.#options = options;
    this.#durable = options.durable;
  }

  /** Call just before changing memory: synchronously, in the same turn as the change. */
  begin(): ChangeTicket {
    return { epoch: this.#epoch };
  }

  /**
   * Makes memory, as it is now, durable. Resolves once it is; rejects with a NotDurableError
   * (memory already restored) when it could not be, or when a rollback undid the change since
   * its `begin()`. Commits are written in the order they were asked for.
   */
  commit(ticket: ChangeTicket): Promise<void> {
    if (ticket.epoch !== this.#epoch) return Promise.reject(this.#undone());
    let snapshot: S;
    try {
      snapshot = this.#options.capture();
    } catch (error) {
      this.#rollback(error);
      return Promise.reject(new NotDurableError(`the state could not be captured: ${(error as Error).message}`, error));
    }
    const epoch = this.#epoch;
    const next = this.#queue.then(async () => {
      // An earlier commit failed after this one was captured: this snapshot holds its change.
      if (epoch !== this.#epoch) throw this.#undone();
      try {
        await this.#options.store.write(snapshot);
      } catch (error) {
        this.#rollback(error);
        throw new NotDurableError(`the state could not be written: ${describe(error)}`, error);
      }
      this.#durable = snapshot;
    });
    // A failed write must not block the commits after it; each caller still sees its own outcome.
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** The snapshot the store holds (what a rollback returns to). */
  get durable(): S {
    return this.#durable;
  }

  #rollback(cause: unknown): void {
    this.#epoch += 1;
    this.#lastFailure = cause;
    this.#options.restore(this.#durable);
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
