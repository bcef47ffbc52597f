/**
 * `--persist` wired to the mock's state: the persist file and its lock, and the acknowledge
 * boundary (durability.ts) around every change. A change is made in memory, then written; only
 * once it is written does its answer leave. One that cannot be written answers 507
 * `insufficient_storage` and is undone (docs/persistence.md).
 *
 * Where the boundary sits:
 *   - public operations: around the handler (`durableDispatch`), for every method but GET. The
 *     ticket is taken in the same turn as the handler's change, and the commit happens inside the
 *     pipeline, so the 507 is validated against the spec and journaled like any answer;
 *   - streamed runs: before the run's last frame (LAST_RUN_FRAMES), so a client that saw
 *     `run_completed` knows the run is on disk; a run that cannot be written is cut short without
 *     it (the status line has left: a cut is the only honest signal). A stream that ends without a
 *     last frame (the client went away) is committed when it ends;
 *   - control plane: `commitNow()`, right after a reset or an import.
 */
import { ApiError } from "../core/errors.ts";
import type { EventStream } from "../core/http-types.ts";
import type { Dispatch } from "../core/pipeline.ts";
import { LAST_RUN_FRAMES } from "../stateful/runs/run-stream.ts";
import { exportState, importState, type StateDocument } from "../stateful/snapshot.ts";
import { fileBoundProblem } from "../stateful/files/file-entries.ts";
import type { MockState } from "../state.ts";
import { Durability, NotDurableError, type ChangeTicket } from "./durability.ts";
import { openStateFile, type StateFile, type WriteFileSystem } from "./persistence.ts";
import type { StateLock } from "./state-lock.ts";

export class PersistedState {
  readonly file: StateFile;
  readonly #lock: StateLock;
  #durability: Durability<string> | undefined;

  /** Opens and locks the file (start-up); throws a message naming the path when it cannot. */
  constructor(
    path: string,
    private readonly state: MockState,
    private readonly now: () => Date,
    private readonly log: (line: string) => void,
    /** A file system that fails on purpose (tests); node:fs/promises by default. */
    fs?: WriteFileSystem,
  ) {
    const opened = openStateFile(path, { warn: log, ...(fs ? { fs } : {}) });
    this.file = opened.file;
    this.#lock = opened.lock;
  }

  /** Starts the boundary once memory holds what the file holds (after loading it). */
  start(): void {
    this.#durability = new Durability<string>({
      store: { write: (text) => this.file.writeText(text) },
      capture: () => JSON.stringify(boundedExport(this.state, this.now())),
      restore: (text) => void importState(this.state, JSON.parse(text) as StateDocument, "replace", (id) => this.state.build(id)),
      durable: JSON.stringify(exportState(this.state, this.now())),
      onRollback: (cause) =>
        this.log(`runtools-mock: could not write ${this.file.path} (${describe(cause)}); the change was not applied, and the state is back to what the file holds`),
    });
  }

  /** Gives up the lock (the server closed, or start-up failed). */
  close(): void {
    this.#lock.release();
  }

  /** Makes the change just made in memory durable (control plane: call in the same turn as the change). */
  commitNow(): Promise<void> {
    return this.#commit(this.#boundary().begin());
  }

  /** Wraps a dispatch so that every change a non-GET operation makes is durable before it is acknowledged. */
  durableDispatch(dispatch: Dispatch): Dispatch {
    return async (input, request) => {
      if (request.operation.method === "GET") return dispatch(input, request);
      const ticket = this.#boundary().begin();
      const result = await dispatch(input, request);
      if (result.status >= 400 || result.reset) return result;
      if (result.stream) return { ...result, stream: this.#durableStream(result.stream, ticket) };
      await this.#commit(ticket);
      return result;
    };
  }

  #durableStream(stream: EventStream, ticket: ChangeTicket): EventStream {
    return async (send, signal) => {
      let committed = false;
      await stream(async (event) => {
        if (LAST_RUN_FRAMES.has(event.event)) {
          await this.#commit(ticket);
          committed = true;
        }
        await send(event);
      }, signal);
      if (!committed) await this.#commit(ticket);
    };
  }

  async #commit(ticket: ChangeTicket): Promise<void> {
    try {
      await this.#boundary().commit(ticket);
    } catch (error) {
      if (!(error instanceof NotDurableError)) throw error;
      throw new ApiError("insufficient_storage", `The change could not be saved to the --persist file (${describe(error.reason)}) and was not applied`);
    }
  }

  #boundary(): Durability<string> {
    if (!this.#durability) throw new Error("PersistedState.start() was not called");
    return this.#durability;
  }
}

/**
 * The state as the file will hold it, refused (the capture throws, so the change is undone and
 * answers 507) when its file trees are over the bounds a start-up would refuse: a file that
 * could not be loaded again must never be written, and files are never left out of it.
 */
function boundedExport(state: MockState, now: Date): StateDocument {
  const document = exportState(state, now);
  const overBound = fileBoundProblem(document.organizations);
  if (overBound) throw new Error(`the state's files are over the --persist bounds (${overBound})`);
  return document;
}

/**
 * `ENOSPC: no space left on device` from a file system error (its code and what it means, without
 * the path: the answer goes to API clients; the server's log has the path).
 */
function describe(error: unknown): string {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code === "string" && typeof message === "string") return message.split(",")[0] as string;
  return error instanceof Error ? error.message : String(error);
}
