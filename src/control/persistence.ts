/**
 * `--persist <file>`: every acknowledged change is on disk before its response is sent.
 *
 * After each request that may have changed state, the whole state is written to a temporary
 * file beside the target, flushed (fsync), renamed over the target, and the directory flushed.
 * A rename is atomic, so a `kill -9` at any moment leaves either the previous complete file or
 * the new complete file, never a torn one; and the response waits for the rename, so nothing
 * acknowledged is lost. Writing the whole state is O(state) per change, which is fine at the
 * sizes a mock holds and far simpler to get right than an append-only log with compaction.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { open, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { StateDocument } from "../stateful/snapshot.ts";

/** Writes snapshots to one file, one write at a time, in the order they were asked for. */
export class StateFile {
  #queue: Promise<void> = Promise.resolve();
  #counter = 0;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    // A kill -9 in the middle of a write leaves its temporary file behind (the target itself is
    // intact): such leftovers of this file are removed when the next process opens it.
    const prefix = `.${basename(path)}.`;
    for (const name of readdirSync(dirname(path))) {
      if (name.startsWith(prefix) && name.endsWith(".tmp")) rmSync(join(dirname(path), name), { force: true });
    }
  }

  /** The document stored at the path, or undefined when there is none yet. */
  read(): unknown {
    let text: string;
    try {
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

  /** The same durable replacement, synchronously: for start-up only, never on the request path. */
  writeNow(document: StateDocument): void {
    const temporary = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.${this.#counter++}.tmp`);
    writeFileSync(temporary, JSON.stringify(document));
    const file = openSync(temporary, "r+");
    try {
      fsyncSync(file);
    } finally {
      closeSync(file);
    }
    renameSync(temporary, this.path);
  }

  /** Durably replaces the file with `document`; resolves once it is on disk. */
  write(document: StateDocument): Promise<void> {
    const text = JSON.stringify(document);
    const next = this.#queue.then(() => this.#writeNow(text));
    // A failed write must not block the ones after it; the caller still sees the failure.
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #writeNow(text: string): Promise<void> {
    const temporary = join(dirname(this.path), `.${basename(this.path)}.${process.pid}.${this.#counter++}.tmp`);
    const file = await open(temporary, "w");
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, this.path);
    const directory = await open(dirname(this.path), "r");
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
  }
}
