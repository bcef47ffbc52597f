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
 *
 * What is written (state-log.ts, change-records.ts): a request's change is appended to the log as
 * the organizations it touched (the caller's, and any other a handler leased or created), each
 * section whole or, for a store that reports its changes, by what changed; a control-plane change
 * writes the whole state as a new snapshot, and so does a log grown past its bound (compaction).
 */
import { ApiError } from "../core/errors.ts";
import type { EventStream } from "../core/http-types.ts";
import type { Dispatch } from "../core/pipeline.ts";
import { LAST_RUN_FRAMES } from "../stateful/runs/run-stream.ts";
import { contentBytes, fileBoundProblem, MAX_DOCUMENT_FILE_BYTES } from "../stateful/files/file-entries.ts";
import { exportState, filesOf, importState, STATE_FORMAT, STATE_VERSION, type OrganizationSnapshot, type StateDocument } from "../stateful/snapshot.ts";
import type { MockState } from "../state.ts";
import { captureOrg, trackAll, type ChangeRecord, type OrgRecord } from "./change-records.ts";
import { Durability, NotDurableError, type Change, type ChangeTicket } from "./durability.ts";
import { openStateFile, type WriteFileSystem } from "./persistence.ts";
import type { StateLock } from "./state-lock.ts";
import { StateLog } from "./state-log.ts";
import { layOutSnapshot, type SnapshotText } from "./snapshot-layout.ts";

/** What a change captures: a change record's JSON, or the whole state's text (a compaction). */
type Captured = string | SnapshotText;

export class PersistedState {
  readonly file: StateLog;
  readonly #lock: StateLock;
  #durability: Durability<Captured> | undefined;
  /** The organization of the request being committed (captured with whatever else was touched). */
  #committing: string | undefined;
  /**
   * The bytes of file contents each organization's trees hold in the files, so that a change is
   * checked against the whole document's file bound without exporting every organization.
   */
  #fileBytes = new Map<string, number>();

  /** Opens and locks the file (start-up); throws a message naming the path when it cannot. */
  constructor(
    path: string,
    private readonly state: MockState,
    private readonly now: () => Date,
    private readonly log: (line: string) => void,
    /** A file system that fails on purpose (tests); node:fs/promises by default. */
    fs?: WriteFileSystem,
    /** Who writes the files: the mock's version and its contracts' fingerprints (StateLog's `writer`). */
    writer = "",
  ) {
    const opened = openStateFile(path, { warn: log, ...(fs ? { fs } : {}) });
    this.file = new StateLog(opened.file, fs, log, writer);
    this.#lock = opened.lock;
  }

  /** Starts the boundary once memory holds what the files hold (after loading them). */
  start(): void {
    this.file.openForAppend();
    this.#startTracking();
    this.#countFiles(this.state.orgIds().flatMap((id) => {
      const org = this.state.find(id);
      return org === undefined ? [] : [{ id, ...filesOf(org) }];
    }));
    this.#durability = new Durability<Captured>({
      store: {
        write: (changes) => this.#write(changes),
        wantsWhole: () => this.file.wantsWhole(),
      },
      capture: () => this.#captureChange(),
      captureWhole: () => {
        const document = boundedExport(this.state, this.now());
        const text = layOutSnapshot(document);
        this.#startTracking();
        this.#countFiles(document.organizations);
        return text;
      },
      restore: () => this.#restore(),
      onRollback: (cause) =>
        this.log(`runtools-mock: could not write ${this.file.path} (${describe(cause)}); the change was not applied, and the state is back to what the file holds`),
    });
  }

  /**
   * Gives up the lock (the server closed, or start-up failed). After a clean run, the whole state
   * is written as the snapshot first, so that the file alone holds it and the log starts empty.
   */
  close(): void {
    try {
      if (this.#durability) this.file.closeNow(() => exportState(this.state, this.now()));
    } catch (error) {
      // The log still holds every acknowledged change: nothing is lost, the next start replays it.
      this.log(`runtools-mock: could not compact ${this.file.path} at shutdown (${describe(error)}); the log keeps every change`);
    } finally {
      this.#durability = undefined;
      this.#lock.release();
    }
  }

  /** Makes the change just made in memory durable (control plane: call in the same turn as the change). */
  commitNow(): Promise<void> {
    return this.#commit(this.#boundary().begin(), undefined, true);
  }

  /** Wraps a dispatch so that every change a non-GET operation makes is durable before it is acknowledged. */
  durableDispatch(dispatch: Dispatch): Dispatch {
    return async (input, request) => {
      if (request.operation.method === "GET") return dispatch(input, request);
      const ticket = this.#boundary().begin();
      const result = await dispatch(input, request);
      if (result.status >= 400 || result.reset) return result;
      const orgId = request.caller?.orgId;
      if (result.stream) return { ...result, stream: this.#durableStream(result.stream, ticket, orgId) };
      await this.#commit(ticket, orgId);
      return result;
    };
  }

  #durableStream(stream: EventStream, ticket: ChangeTicket, orgId: string | undefined): EventStream {
    return async (send, signal) => {
      let committed = false;
      await stream(async (event) => {
        if (LAST_RUN_FRAMES.has(event.event)) {
          await this.#commit(ticket, orgId);
          committed = true;
        }
        await send(event);
      }, signal);
      if (!committed) await this.#commit(ticket, orgId);
    };
  }

  async #commit(ticket: ChangeTicket, orgId: string | undefined, whole = false): Promise<void> {
    try {
      this.#committing = orgId;
      const committed = this.#boundary().commit(ticket, whole);
      this.#committing = undefined;
      await committed;
    } catch (error) {
      if (!(error instanceof NotDurableError)) throw error;
      throw new ApiError("insufficient_storage", `The change could not be saved to the --persist file (${describe(error.reason)}) and was not applied`);
    }
  }

  /** The organizations the change may have touched, as a log record (in the turn of the change). */
  #captureChange(): string {
    const orgIds = new Set(this.state.takeTouched());
    if (this.#committing !== undefined) orgIds.add(this.#committing);
    const orgs = [...orgIds].map((id) => captureOrg(id, this.state.find(id)));
    this.#checkFileBounds(orgs);
    const record: ChangeRecord = { orgs };
    return JSON.stringify(record);
  }

  /**
   * Refuses (the capture throws, so the change is undone and answers 507) a change whose file trees
   * are over the bounds a start-up would refuse: a file that could not be loaded again must never be
   * written, and files are never left out of it (docs/sandboxes.md, "Files in the state").
   */
  #checkFileBounds(orgs: readonly OrgRecord[]): void {
    const captured = orgs.map((org) => (org.s ?? {}) as Pick<OrganizationSnapshot, "files">);
    const treeProblem = fileBoundProblem(captured);
    if (treeProblem) throw new Error(`the state's files are over the --persist bounds (${treeProblem})`);
    const next = new Map(this.#fileBytes);
    orgs.forEach((org, i) => next.set(org.o, filesBytes(captured[i] ?? {})));
    let total = 0;
    for (const bytes of next.values()) total += bytes;
    if (total > MAX_DOCUMENT_FILE_BYTES) {
      throw new Error(`the state's files are over the --persist bounds (the file trees would hold ${total} bytes, over the ${MAX_DOCUMENT_FILE_BYTES} of a state document)`);
    }
    this.#fileBytes = next;
  }

  #countFiles(organizations: readonly Pick<OrganizationSnapshot, "id" | "files">[]): void {
    this.#fileBytes = new Map(organizations.map((org) => [org.id, filesBytes(org)]));
  }

  async #write(changes: Change<Captured>[]): Promise<void> {
    const [first] = changes;
    if (first?.whole) await this.file.writeState(typeof first.data === "string" ? [first.data] : first.data);
    else await this.file.append(changes.map((change) => (typeof change.data === "string" ? change.data : change.data.join(""))));
  }

  /** Memory back to what the files hold: the snapshot and the log as far as it was acknowledged. */
  #restore(): void {
    const loaded = this.file.load(this.file.durableLogBytes);
    const document = (loaded.document as StateDocument | undefined) ?? { format: STATE_FORMAT, version: STATE_VERSION, exportedAt: this.now().toISOString(), organizations: [] };
    importState(this.state, document, "replace", (id) => this.state.build(id));
    this.#startTracking();
    this.#countFiles(document.organizations);
  }

  /** From here on, stores report their changes and the log records only those. */
  #startTracking(): void {
    this.state.takeTouched();
    trackAll(this.state.orgIds().map((id) => this.state.find(id)).filter((org) => org !== undefined));
  }

  #boundary(): Durability<Captured> {
    if (!this.#durability) throw new Error("PersistedState.start() was not called");
    return this.#durability;
  }
}

/**
 * The state as the files will hold it, refused when its file trees are over the bounds a start-up
 * would refuse (see #checkFileBounds).
 */
function boundedExport(state: MockState, now: Date): StateDocument {
  const document = exportState(state, now);
  const overBound = fileBoundProblem(document.organizations);
  if (overBound) throw new Error(`the state's files are over the --persist bounds (${overBound})`);
  return document;
}

/** The bytes of file contents an organization's trees hold. */
function filesBytes(org: Pick<OrganizationSnapshot, "files">): number {
  let bytes = 0;
  for (const tree of org.files ?? []) bytes += contentBytes(tree.entries);
  return bytes;
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
