/**
 * `--persist <file>`: every acknowledged change is on disk before its response is sent.
 *
 * After each request that may have changed state, the whole state is written to a temporary
 * file beside the target, flushed (fsync), renamed over the target, and the directory flushed.
 * A rename is atomic, so a `kill -9` at any moment leaves either the previous complete file or
 * the new complete file, never a torn one; and the response waits for the rename, so nothing
 * acknowledged is lost. Writing the whole state is O(state) per change, which is fine at the
 * sizes a mock holds and far simpler to get right than an append-only log with compaction.
 *
 * A write that fails (a full or read-only disk) removes its temporary file and rejects; what
 * happens to the change is decided above, in durability.ts. The file, its temporaries and its
 * lock are created readable by their owner only (0600): the state holds organizations' data.
 */
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { StateDocument } from "../stateful/snapshot.ts";
import { checkDocumentSize } from "./document-size.ts";
import { layOutSnapshot, type SnapshotText } from "./snapshot-layout.ts";
import { StateLock } from "./state-lock.ts";

/** Owner read and write only. */
const FILE_MODE = 0o600;

/** The file operations of a write: node:fs/promises, or a stand-in that fails on purpose in tests. */
export interface WriteFileSystem {
  open: typeof fsPromises.open;
  rename: typeof fsPromises.rename;
  rm: typeof fsPromises.rm;
}

export interface StateFileOptions {
  fs?: WriteFileSystem;
  /** Told of a problem that does not fail the write (a directory that cannot be flushed). */
  warn?: (line: string) => void;
}

/** Writes snapshots to one file, one write at a time, in the order they were asked for. */
export class StateFile {
  #queue: Promise<void> = Promise.resolve();
  #counter = 0;
  readonly #fs: WriteFileSystem;
  readonly #warn: (line: string) => void;

  constructor(
    readonly path: string,
    options: StateFileOptions = {},
  ) {
    this.#fs = options.fs ?? fsPromises;
    this.#warn = options.warn ?? (() => undefined);
    mkdirSync(dirname(path), { recursive: true });
  }

  /**
   * Removes the temporaries of this file that a writer killed mid-write left behind (the target
   * itself is intact). Only while holding the lock: another live writer's temporary is not a leftover.
   */
  removeLeftovers(): void {
    const prefix = `.${basename(this.path)}.`;
    for (const name of readdirSync(dirname(this.path))) {
      if (name.startsWith(prefix) && name.endsWith(".tmp")) rmSync(join(dirname(this.path), name), { force: true });
    }
  }

  /** The document stored at the path, or undefined when there is none yet. */
  read(): unknown {
    let text: string;
    try {
      checkDocumentSize(this.path, statSync(this.path).size, "json");
      text = readFileSync(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new Error(`${this.path}: not a JSON state document: ${(error as Error).message}`);
    }
  }

  /** The same durable replacement, synchronously: for start-up and shutdown only, never on the request path. */
  writeNow(document: StateDocument): void {
    this.writeTextNow(layOutSnapshot(document));
  }

  /**
   * `writeNow` of a text (a serialized document, whole or in pieces, or a log's first line).
   * `written` is shown each piece's bytes as they are written (a checksum over them).
   */
  writeTextNow(text: string | SnapshotText, written?: (bytes: Buffer) => void): void {
    const temporary = this.#temporary();
    try {
      const file = openSync(temporary, "wx", FILE_MODE);
      try {
        for (const piece of typeof text === "string" ? [text] : text) {
          const bytes = Buffer.from(piece);
          written?.(bytes);
          writeAll(file, bytes);
        }
        fsyncSync(file);
      } finally {
        closeSync(file);
      }
      renameSync(temporary, this.path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
  }

  /** Durably replaces the file with `document`; resolves once it is on disk. */
  write(document: StateDocument): Promise<void> {
    return this.writeText(layOutSnapshot(document));
  }

  /** Durably replaces the file with `text` (a serialized state document, whole or in pieces); resolves once it is on disk. `written` as for writeTextNow. */
  writeText(text: string | SnapshotText, written?: (bytes: Buffer) => void): Promise<void> {
    const next = this.#queue.then(() => this.#replace(text, written));
    // A failed write must not block the ones after it; the caller still sees the failure.
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #replace(text: string | SnapshotText, written?: (bytes: Buffer) => void): Promise<void> {
    const fs = this.#fs;
    const temporary = this.#temporary();
    try {
      const file = await fs.open(temporary, "wx", FILE_MODE);
      try {
        // Each writeFile on a handle goes on from where the last one ended, and writes all it is given.
        for (const piece of typeof text === "string" ? [text] : text) {
          const bytes = Buffer.from(piece);
          written?.(bytes);
          await file.writeFile(bytes);
        }
        await file.sync();
      } finally {
        await file.close();
      }
      await fs.rename(temporary, this.path);
    } catch (error) {
      // A full disk, a read-only remount, an I/O error: the target is untouched; leave nothing behind.
      await fs.rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
    // The rename is done: the file holds the new state, and survives a kill -9 from here on. The
    // directory flush only protects it against a power cut; a file system that cannot flush a
    // directory does not undo a change that every reader of the file now sees.
    try {
      const directory = await fs.open(dirname(this.path), "r");
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
    } catch (error) {
      this.#warn(`runtools-mock: ${dirname(this.path)}: the directory could not be flushed after a write (${(error as Error).message})`);
    }
  }

  #temporary(): string {
    return join(dirname(this.path), `.${basename(this.path)}.${process.pid}.${this.#counter++}.tmp`);
  }
}

/** A persist file ready for this process: locked, cleaned of leftovers, writable. */
export interface OpenedStateFile {
  file: StateFile;
  lock: StateLock;
}

/**
 * Opens `path` for `--persist` at start-up: creates its directory, takes its lock (which also
 * proves a file can be created beside it), removes leftovers and makes an existing file 0600.
 * Throws a message that names the path and the reason (a second process, a read-only or missing
 * directory, a permission).
 */
export function openStateFile(path: string, options: StateFileOptions = {}): OpenedStateFile {
  const lock = new StateLock(path);
  try {
    const file = new StateFile(path, options);
    lock.acquire();
    file.removeLeftovers();
    chmodExisting(path);
    return { file, lock };
  } catch (error) {
    lock.release();
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === undefined) throw error;
    throw new Error(`cannot use ${path} as the --persist file: ${message}`);
  }
}

/** Writes all of `bytes`: writeSync may write less than it is given (a disk filling up) without an error. */
function writeAll(file: number, bytes: Buffer): void {
  let rest = bytes;
  while (rest.byteLength > 0) rest = rest.subarray(writeSync(file, rest));
}

function chmodExisting(path: string): void {
  try {
    chmodSync(path, FILE_MODE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}
