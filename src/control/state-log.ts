/**
 * The `--persist` files (docs/persistence.md): `state.json`, a state document written whole now
 * and then (a compaction), and `state.json.wal`, an append-only log of every change since.
 *
 * The log is text, one record a line: `<crc32 as 8 hex digits> <JSON>\n`. Its first line is a
 * header naming the snapshot it follows (the CRC-32 and byte length of the snapshot's text), so
 * that a log left over from before a compaction (a kill between the snapshot's rename and the
 * new log's) is recognised and set aside instead of being applied twice.
 *
 * Appends are acknowledged only after `fdatasync`: a kill -9 can only tear the record being
 * written, whose change nobody was told of, so a torn last line is dropped on reading. A damaged
 * line with whole lines after it, a header that is not this format's, or a file that is not UTF-8
 * JSON lines is refused with a message: the log can no longer be trusted to hold every
 * acknowledged change, and starting anyway would silently lose some.
 *
 * A compaction writes the snapshot by the atomic replacement of persistence.ts (temporary, fsync,
 * rename, directory fsync), then the new log the same way: a kill at any moment leaves the old
 * snapshot with its complete log, or the new snapshot with a stale log (set aside) or its own.
 */
import { closeSync, fsyncSync, ftruncateSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { basename } from "node:path";
import { crc32 } from "node:zlib";
import type { StateDocument } from "../stateful/snapshot.ts";
import { Replay, type ChangeRecord } from "./change-records.ts";
import { checkDocumentSize } from "./document-size.ts";
import { StateFile, type WriteFileSystem } from "./persistence.ts";
import { layOutSnapshot, readLaidOutSnapshot, type SnapshotText } from "./snapshot-layout.ts";

const LOG_FORMAT = "runtools-mock/log";
const LOG_VERSION = 1;
/** Owner read and write only, as the snapshot. */
const FILE_MODE = 0o600;
/**
 * The log may grow to the snapshot's size, and at least to this, before it is compacted; the
 * environment variable RUNTOOLS_MOCK_LOG_MIN_BYTES changes it (tests compact often with it).
 */
const MIN_LOG_BYTES = Number(process.env.RUNTOOLS_MOCK_LOG_MIN_BYTES) || 1024 * 1024;
/** A log's header (format, version, snapshot, writer) is a few hundred bytes; this reads it whole. */
const HEADER_READ_BYTES = 4096;

/** What the files hold: the document to load, and what start-up should know. */
export interface LoadedState {
  /** The snapshot with the log applied; undefined when there is neither. */
  document: unknown;
  /**
   * The document is a snapshot this mock wrote, byte for byte, and nothing was applied to it: its
   * log's header names its checksum and length, and the writer (this version of the mock with
   * these contracts) that checked the state it holds. Start-up need not check it again.
   */
  sealed: boolean;
  /** Records applied from the log. */
  records: number;
  /** Why part of the files was set aside (a torn last record, a stale log), for the server's log. */
  notes: string[];
}

/** A log line that cannot be read, with what follows it. */
export class UntrustedLogError extends Error {
  constructor(path: string, detail: string) {
    super(`${path}: ${detail}. This log can no longer be trusted to hold every acknowledged change, so the mock does not start on it: restore the file from a backup, or move it away to start from ${basename(path.replace(/\.wal$/, ""))} alone (the changes in the log would be lost)`);
    this.name = "UntrustedLogError";
  }
}

/** How a log's header names its snapshot: the CRC-32 and byte length of its UTF-8 text. */
function identity(crc: number, bytes: number): string {
  return `${(crc >>> 0).toString(16).padStart(8, "0")}:${bytes}`;
}

/** The identity of a snapshot being written, summed over its bytes as they are written (StateFile's `written`). */
class Identity {
  #crc = 0;
  bytes = 0;
  readonly add = (bytes: Buffer): void => {
    this.#crc = crc32(bytes, this.#crc);
    this.bytes += bytes.byteLength;
  };

  get identity(): string {
    return identity(this.#crc, this.bytes);
  }
}

function line(json: string): string {
  return `${(crc32(json) >>> 0).toString(16).padStart(8, "0")} ${json}\n`;
}

export class StateLog {
  readonly logPath: string;
  readonly #fs: WriteFileSystem;
  readonly #logFile: StateFile;
  /** Bytes of the log known to be on disk (what a failed append is cut back to). */
  #logBytes = 0;
  #snapshotBytes = 0;
  /** A write failed: the next one writes the whole state rather than append after a torn record. */
  #broken = false;
  /** Records in the log now (what a clean shutdown folds into the snapshot). */
  #records = 0;
  /** `identify` of the snapshot as `load` read it, so that start-up reads and checks it once. */
  #snapshotIdentity: string | undefined;
  /** Who writes these files (see LoadedState.sealed); empty: no snapshot is taken as sealed. */
  readonly #writer: string;

  constructor(
    readonly file: StateFile,
    fs: WriteFileSystem = fsPromises,
    /** Told of what start-up set aside, and of a problem that does not fail a write. */
    private readonly warn: (line: string) => void = () => undefined,
    /** This mock's version and the fingerprints of the contracts it checks state documents with. */
    writer = "",
  ) {
    this.logPath = `${file.path}.wal`;
    this.#fs = fs;
    this.#writer = writer;
    // A new log replaces the old one as the snapshot is replaced: temporary, fsync, rename.
    this.#logFile = new StateFile(this.logPath, { fs, warn });
  }

  get path(): string {
    return this.file.path;
  }

  /** The document the files hold (start-up; undefined when there is none yet), and whether it is sealed. */
  read(): { document: unknown; sealed: boolean } {
    const loaded = this.load();
    for (const note of loaded.notes) this.warn(`runtools-mock: ${note}`);
    return { document: loaded.document, sealed: loaded.sealed };
  }

  /** Start-up with `--data` and no file yet: the seeded state becomes the snapshot. */
  writeNow(document: StateDocument): void {
    this.writeStateNow(document);
  }

  /**
   * Reads the snapshot and applies the log (start-up, and a rollback). `logLimit` reads the log
   * only up to that many bytes (a rollback: what was acknowledged, not what a failed append left).
   * Throws a message naming the file when a file cannot be trusted.
   */
  load(logLimit = Number.POSITIVE_INFINITY): LoadedState {
    const snapshot = this.#readSnapshot(this.#claimedSnapshot());
    const notes: string[] = [];
    this.#snapshotIdentity = snapshot?.identity ?? "none";
    const log = this.#readLog(this.#snapshotIdentity, logLimit, notes);
    this.#snapshotBytes = snapshot?.bytes ?? 0;
    this.#records = log.records.length;
    if (log.records.length === 0) {
      this.#logBytes = log.validBytes;
      const sealed = snapshot !== undefined && this.#writer !== "" && log.writer === this.#writer;
      return { document: snapshot?.parse(), sealed, records: 0, notes };
    }
    const base = snapshot?.parse();
    if (base !== undefined && !Array.isArray((base as Partial<StateDocument>).organizations)) throw new Error(`${this.path}: not a state document (no organizations), and ${this.logPath} has changes to apply to it`);
    const replay = new Replay(base as StateDocument | undefined);
    for (const record of log.records) replay.apply(record);
    this.#logBytes = log.validBytes;
    const exportedAt = (base as Partial<StateDocument> | undefined)?.exportedAt ?? new Date(0).toISOString();
    return { document: replay.result(exportedAt), sealed: false, records: log.records.length, notes };
  }

  /**
   * Makes the log ready to append to (start-up, after `load`): a missing or stale log is replaced
   * by an empty one that follows the snapshot; a torn last record is cut off.
   */
  openForAppend(): void {
    let size = -1;
    try {
      size = statSync(this.logPath).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    // The snapshot as `load` found it (start-up calls `load` first; one read, one checksum).
    const snapshot = this.#snapshotIdentity ?? this.#readSnapshot(undefined)?.identity ?? "none";
    // Nothing yet: the first change writes the snapshot (the file exists from the first change on).
    if (snapshot === "none" && size <= 0) {
      this.#broken = true;
      return;
    }
    if (size <= 0 || this.#logBytes === 0) {
      this.#newLogNowAfter(snapshot);
      return;
    }
    if (size > this.#logBytes) {
      const fd = openSync(this.logPath, "r+");
      try {
        ftruncateSync(fd, this.#logBytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }

  /** Whether the next write should be the whole state: the log outgrew its bound, or a write failed. */
  wantsWhole(): boolean {
    return this.#broken || this.#logBytes > Math.max(MIN_LOG_BYTES, this.#snapshotBytes);
  }

  /** How many bytes of log are durable (for a rollback's `load`). */
  get durableLogBytes(): number {
    return this.#logBytes;
  }

  /** Appends changes (JSON texts of ChangeRecords) durably, in order. */
  async append(records: readonly string[]): Promise<void> {
    const text = records.map(line).join("");
    const bytes = Buffer.byteLength(text);
    try {
      const handle = await this.#fs.open(this.logPath, "a", FILE_MODE);
      try {
        // writeFile, not write: a write(2) may be short (a disk filling up) without an error, and
        // an acknowledged record must be whole; writeFile goes on until all is written or it fails.
        await handle.writeFile(text);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      // Cut a partial append off; when even that fails, the next write starts a new log instead.
      await fsPromises.truncate(this.logPath, this.#logBytes).catch(() => (this.#broken = true));
      throw error;
    }
    this.#logBytes += bytes;
    this.#records += records.length;
  }

  /** Compacts: the whole state (a serialized StateDocument) becomes the snapshot, then the log starts again after it. */
  async writeState(text: SnapshotText): Promise<void> {
    this.#broken = true;
    const written = new Identity();
    await this.file.writeText(text, written.add);
    this.#snapshotBytes = written.bytes;
    // Renamed: the snapshot holds the state, and the old log, now stale, is set aside by any
    // reader. Without a new log, the next write is a compaction again (#broken stays set).
    try {
      await this.#newLog(written.identity);
      this.#broken = false;
    } catch (error) {
      this.warn(`runtools-mock: ${this.logPath}: could not start a new log after a compaction (${(error as Error).message}); the next change rewrites ${basename(this.path)} again`);
    }
  }

  /** The same compaction, synchronously: start-up with `--data` and no file yet. */
  writeStateNow(document: StateDocument): void {
    this.#replaceNow(layOutSnapshot(document));
  }

  /**
   * A clean shutdown: the whole state becomes the snapshot, so that the file alone holds the
   * state (to copy, to read, to pass as `--data`), and the log starts again empty after it: its
   * header seals the snapshot, so the next start-up need not check it again. A kill between the
   * two leaves the old log, which follows another snapshot and is set aside: harmless.
   */
  closeNow(document: () => StateDocument): void {
    // With no record in the log, the snapshot already holds the state and the log seals it: left as they are.
    if (this.#records === 0) return;
    this.#replaceNow(layOutSnapshot(document()));
  }

  #replaceNow(text: SnapshotText): void {
    const written = new Identity();
    this.file.writeTextNow(text, written.add);
    this.#snapshotBytes = written.bytes;
    this.#newLogNowAfter(written.identity);
  }

  /**
   * The snapshot's identity and length, and its document. A snapshot whose log names it (`claimed`:
   * this mock wrote these very bytes, laid out as snapshot-layout.ts says) is read and parsed a
   * piece at a time; any other is read once, as bytes, checksummed as bytes and decoded once (at
   * 100k agents, reading it as "utf8" took 1 s where that takes a quarter).
   */
  #readSnapshot(claimed: string | undefined): { identity: string; bytes: number; parse: () => unknown } | undefined {
    let bytes: Buffer;
    try {
      const { size } = statSync(this.path);
      checkDocumentSize(this.path, size, "json");
      if (claimed !== undefined && claimed.endsWith(`:${size}`)) {
        const laidOut = readLaidOutSnapshot(this.path);
        const read = laidOut && identity(laidOut.crc, laidOut.bytes);
        if (laidOut && read === claimed) return { identity: read, bytes: laidOut.bytes, parse: () => laidOut.document };
      }
      bytes = readFileSync(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    const text = bytes.toString("utf8");
    return { identity: identity(crc32(bytes), bytes.byteLength), bytes: bytes.byteLength, parse: () => parseSnapshot(this.path, text) };
  }

  /** The snapshot the log's header names (its `identity`), read from the header alone; undefined without one. */
  #claimedSnapshot(): string | undefined {
    let head: Buffer;
    try {
      const fd = openSync(this.logPath, "r");
      try {
        head = Buffer.alloc(HEADER_READ_BYTES);
        head = head.subarray(0, readSync(fd, head, 0, HEADER_READ_BYTES, 0));
      } finally {
        closeSync(fd);
      }
    } catch {
      return undefined;
    }
    const end = head.indexOf(10);
    const header = end < 0 ? undefined : (parseLine(head.toString("utf8", 0, end)) as { snapshot?: unknown } | undefined);
    return typeof header?.snapshot === "string" ? header.snapshot : undefined;
  }

  #readLog(snapshot: string, limit: number, notes: string[]): { records: ChangeRecord[]; validBytes: number; writer?: string } {
    let buffer: Buffer;
    try {
      checkDocumentSize(this.logPath, statSync(this.logPath).size, "json");
      buffer = readFileSync(this.logPath);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { records: [], validBytes: 0 };
      throw error;
    }
    if (buffer.length > limit) buffer = buffer.subarray(0, limit);
    const records: ChangeRecord[] = [];
    let offset = 0;
    let index = 0;
    let writer: string | undefined;
    while (offset < buffer.length) {
      const end = buffer.indexOf(10, offset);
      if (end < 0) {
        notes.push(`${this.logPath}: dropped a torn last record (${buffer.length - offset} bytes at byte ${offset}): a write cut short, never acknowledged`);
        break;
      }
      const parsed = parseLine(buffer.toString("utf8", offset, end));
      if (parsed === undefined) {
        if (buffer.indexOf(10, end + 1) < 0 && index > 0) {
          notes.push(`${this.logPath}: dropped a damaged last record at byte ${offset}: a write cut short, never acknowledged`);
          break;
        }
        throw new UntrustedLogError(this.logPath, `${index === 0 ? "the header" : `record ${index}`} at byte ${offset} is damaged (its checksum or JSON does not match)${index === 0 ? "" : " and records follow it"}`);
      }
      if (index === 0) {
        const header = parsed as { format?: unknown; version?: unknown; snapshot?: unknown; writer?: unknown };
        if (header.format !== LOG_FORMAT || header.version !== LOG_VERSION) throw new UntrustedLogError(this.logPath, `not a ${LOG_FORMAT} version ${LOG_VERSION} file`);
        if (header.snapshot !== snapshot) {
          notes.push(`${this.logPath}: set aside: it follows another version of ${basename(this.path)} (left by a compaction cut short; its changes are all in ${basename(this.path)})`);
          return { records: [], validBytes: 0 };
        }
        if (typeof header.writer === "string") writer = header.writer;
      } else {
        records.push(parsed as ChangeRecord);
      }
      index += 1;
      offset = end + 1;
    }
    return { records, validBytes: offset, ...(writer === undefined ? {} : { writer }) };
  }

  async #newLog(snapshot: string): Promise<void> {
    const text = this.#header(snapshot);
    await this.#logFile.writeText(text);
    this.#snapshotIdentity = snapshot;
    this.#logBytes = Buffer.byteLength(text);
    this.#records = 0;
  }

  /** A new, empty log after the snapshot whose `identify` is `snapshot`. */
  #newLogNowAfter(snapshot: string): void {
    const text = this.#header(snapshot);
    this.#logFile.writeTextNow(text);
    this.#snapshotIdentity = snapshot;
    this.#logBytes = Buffer.byteLength(text);
    this.#records = 0;
  }

  #header(snapshot: string): string {
    return line(JSON.stringify({ format: LOG_FORMAT, version: LOG_VERSION, snapshot, ...(this.#writer === "" ? {} : { writer: this.#writer }) }));
  }
}

/** The JSON of a line whose checksum holds; undefined otherwise. */
function parseLine(text: string): unknown {
  if (text.length < 10 || text[8] !== " ") return undefined;
  const json = text.slice(9);
  if ((crc32(json) >>> 0).toString(16).padStart(8, "0") !== text.slice(0, 8)) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return undefined;
  }
}

function parseSnapshot(path: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${path}: not a JSON state document: ${(error as Error).message}`);
  }
}
