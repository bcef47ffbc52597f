/**
 * A sandbox's filesystem: just-bash's in-memory filesystem whose times come from the mock's clock
 * (so that under `--seed` `ls -l`, `stat` and `find -printf %T@` print the same bytes every run),
 * with the sandbox's disk as its byte quota (a write beyond it fails with ENOSPC).
 *
 * just-bash stamps every new entry with `new Date()`. Entries are kept in one Map (`data`, a
 * private field of InMemoryFs 3.4.2, pinned in package.json); this class swaps it for a Map that
 * restamps an entry whose `mtime` it has not seen before with the mock clock. A time it has seen
 * (a moved or hard-linked entry's, or one set through `utimes`, as `touch -d` does) is kept.
 * The mock's clock is the host's unless `--seed` makes it virtual; then only this keeps host
 * time out of the answers.
 */
import { InMemoryFs } from "just-bash";
import type { Clock } from "../../common/clock.ts";

/** How far from the host clock a time given to utimes may be and still mean "now". */
const HOST_NOW_TOLERANCE_MS = 5_000;

interface Entry {
  mtime?: Date;
}

/** One entry as InMemoryFs 3.4.2 keeps it (the fields the enumeration reads). */
interface StoredEntry {
  type: "file" | "directory" | "symlink";
  content?: string | Uint8Array;
  lazy?: unknown;
  target?: string;
  mode: number;
  mtime: Date;
}

/** An entry of a filesystem, as it can be written down and read back (FileTree.entries). */
export interface RawEntry {
  /** Absolute, normalised ("/" is the root). */
  path: string;
  kind: "file" | "directory" | "symlink";
  /** A file's contents. */
  bytes?: Uint8Array;
  /** A symlink's target. */
  target?: string;
  mode: number;
  mtime: Date;
}

/** The in-memory filesystem of one sandbox or workspace. */
export class ClockedFs extends InMemoryFs {
  readonly #known = new WeakSet<Date>();
  readonly #clock: Clock;

  /** `maxTotalBytes` bounds the bytes of file contents held (the quota). */
  constructor(clock: Clock, maxTotalBytes: number) {
    super(undefined, { maxTotalBytes });
    this.#clock = clock;
    const internals = this as unknown as { data: Map<string, Entry> };
    if (!(internals.data instanceof Map)) throw new Error("just-bash's InMemoryFs changed shape: ClockedFs needs its `data` map");
    const stamping = new StampingMap((entry) => this.#stamp(entry));
    for (const [path, entry] of internals.data) stamping.set(path, entry);
    internals.data = stamping;
  }

  /** Bytes of file contents held (what the quota counts). */
  usedBytes(): number {
    const retained = (this as unknown as { retainedBytes?: unknown }).retainedBytes;
    if (typeof retained !== "number") throw new Error("just-bash's InMemoryFs changed shape: ClockedFs needs its `retainedBytes`");
    return retained;
  }

  /** Every entry held, the root included, sorted by path (files' lazy contents never occur: nothing here writes them). */
  rawEntries(): RawEntry[] {
    const encoder = new TextEncoder();
    const entries: RawEntry[] = [];
    for (const [path, stored] of this.#data()) {
      const { type: kind, mode, mtime } = stored;
      const entry: RawEntry = { path, kind, mode, mtime };
      if (kind === "file") entry.bytes = typeof stored.content === "string" ? encoder.encode(stored.content) : (stored.content ?? new Uint8Array());
      if (kind === "symlink") entry.target = stored.target ?? "";
      entries.push(entry);
    }
    return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /**
   * Puts an entry back as written down, its mode and time kept (parents are made as needed and
   * get their own entries when those come). Counts against the quota like any write (ENOSPC).
   */
  restoreEntry(entry: RawEntry): void {
    this.#known.add(entry.mtime);
    const metadata = { mode: entry.mode, mtime: entry.mtime };
    if (entry.kind === "file") {
      this.writeFileSync(entry.path, entry.bytes ?? new Uint8Array(), undefined, metadata);
      return;
    }
    if (entry.path !== "/") this.mkdirSync(parentOf(entry.path), { recursive: true });
    if (entry.kind === "directory") this.mkdirSync(entry.path, { recursive: true });
    // Directories and symlinks hold no counted bytes, so they are set in place.
    const stored: StoredEntry = entry.kind === "symlink" ? { type: "symlink", target: entry.target ?? "", ...metadata } : { type: "directory", ...metadata };
    this.#data().set(entry.path, stored);
  }

  #data(): Map<string, StoredEntry> {
    return (this as unknown as { data: Map<string, StoredEntry> }).data;
  }

  /**
   * `touch` sets the host's "now" through here: a time within a few seconds of the host clock is
   * read as "now" and replaced by the mock's. Other times (`touch -d`, `touch -r`) are kept.
   */
  override async utimes(path: string, atime: Date, mtime: Date): Promise<void> {
    const given = Math.abs(mtime.getTime() - Date.now()) <= HOST_NOW_TOLERANCE_MS ? this.#clock.now() : mtime;
    this.#known.add(given);
    await super.utimes(path, atime, given);
  }

  #stamp(entry: Entry): void {
    if (entry.mtime && this.#known.has(entry.mtime)) return;
    const now = this.#clock.now();
    this.#known.add(now);
    entry.mtime = now;
  }
}

function parentOf(path: string): string {
  const cut = path.lastIndexOf("/");
  return cut <= 0 ? "/" : path.slice(0, cut);
}

/** A Map that hands every entry it stores to `stamp` first. */
class StampingMap extends Map<string, Entry> {
  constructor(private readonly stamp: (entry: Entry) => void) {
    super();
  }

  override set(path: string, entry: Entry): this {
    // Map's constructor calls set before `stamp` is assigned; it is never given entries then.
    if (this.stamp) this.stamp(entry);
    return super.set(path, entry);
  }
}
