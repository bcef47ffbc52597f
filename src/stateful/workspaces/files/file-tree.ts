/**
 * The file tree of one workspace: the files a workspace holds (docs: /features/workspaces,
 * /api-reference/workspaces/files). The same tree is what the storage API's file operations work
 * on and what every sandbox that mounts the workspace sees at its mount path (`fs` and
 * `readOnlyView()` are the views a sandbox's shell mounts), so a write on either side is read on the
 * other.
 *
 * Public surface (keep it small; other modules build on it):
 *   - stat / list / read / write / mkdir / move / copy / remove: paths are normalised and confined
 *     by tree-paths.ts (callers may pass any spelling; a path leaving the tree is a FileTreeError
 *     `EINVAL`); failures are FileTreeErrors with a POSIX code the HTTP layer maps to a status;
 *   - usedBytes(): bytes of file contents held (the workspace's `sizeBytes`), never above the quota;
 *   - entries() / FileTree.fromEntries(): the whole tree as a list of entries (path, kind, bytes,
 *     mode, mtime) and back, for state documents.
 *
 * Times come from the mock's clock (ClockedFs), so under `--seed` listings repeat.
 */
import type { IFileSystem } from "just-bash";
import type { Clock } from "../../common/clock.ts";
import { ClockedFs, type RawEntry } from "../../sandboxes/shell/clocked-fs.ts";
import { ForwardingFs } from "./forwarding-fs.ts";
import { ReadOnlyFs } from "./read-only-fs.ts";
import { baseName, isWithin, normaliseTreePath } from "./tree-paths.ts";

/** What an entry is. */
export type EntryKind = RawEntry["kind"];

/** One entry of a tree as written down: `bytes` for a file, `target` for a symlink. */
export type TreeEntry = RawEntry;

/** What stat and list tell of an entry. */
export interface EntryInfo {
  /** Normalised, from the tree's root: `/docs/a.txt`. */
  path: string;
  name: string;
  kind: EntryKind;
  /** Bytes of a file's contents; 0 for a directory. */
  size: number;
  mode: number;
  mtime: Date;
}

/** Why an operation failed, as a POSIX code. */
export type FileTreeErrorCode = "ENOENT" | "EEXIST" | "EISDIR" | "ENOTDIR" | "ENOTEMPTY" | "ENOSPC" | "EINVAL";

/** A failed tree operation; `path` is the normalised path it is about. */
export class FileTreeError extends Error {
  constructor(
    readonly code: FileTreeErrorCode,
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = "FileTreeError";
  }
}

/** Whether an existing destination may be replaced. */
export interface OverwriteOption {
  overwrite?: boolean;
}

/** A workspace's files. */
export class FileTree {
  /** The files now; replaceWith swaps in another, which the views below then show. */
  #fs: ClockedFs;
  readonly #view = new ForwardingFs(() => this.#fs);

  /** `quotaBytes` bounds the bytes of file contents held (a write beyond it is ENOSPC). */
  constructor(
    private readonly clock: Clock,
    readonly quotaBytes: number,
  ) {
    this.#fs = new ClockedFs(clock, quotaBytes);
  }

  /** Rebuilds a tree from entries() (in any order); a tree whose files exceed the quota is ENOSPC. */
  static fromEntries(clock: Clock, quotaBytes: number, entries: readonly TreeEntry[]): FileTree {
    const tree = new FileTree(clock, quotaBytes);
    tree.#restore(entries);
    return tree;
  }

  /**
   * Replaces everything in this tree with entries (as fromEntries reads them), so that the
   * sandboxes mounting it see the new files. A bad entry or files beyond the quota throw and
   * change nothing.
   */
  replaceWith(entries: readonly TreeEntry[]): void {
    this.#fs = FileTree.fromEntries(this.clock, this.quotaBytes, entries).#fs;
  }

  #restore(entries: readonly TreeEntry[]): void {
    // Parents first, so that a directory's own mode and time are not replaced by a child's mkdir.
    const ordered = [...entries].sort((a, b) => depth(a.path) - depth(b.path));
    for (const entry of ordered) {
      const path = confine(entry.path, true);
      try {
        this.#fs.restoreEntry({ ...entry, path });
      } catch (error) {
        throw translate(error, path);
      }
    }
  }

  /** The tree as a filesystem a sandbox mounts read-write. */
  get fs(): IFileSystem {
    return this.#view;
  }

  /** The tree as a filesystem a sandbox mounts `readOnly` at `mountPath`: writes fail with EROFS naming the path under it. */
  readOnlyView(mountPath: string): IFileSystem {
    return new ReadOnlyFs(() => this.#fs, mountPath);
  }

  /** Bytes of file contents held. */
  usedBytes(): number {
    return this.#fs.usedBytes();
  }

  /** Every entry, the root included, sorted by path. The bytes are the tree's own: do not change them. */
  entries(): TreeEntry[] {
    return this.#fs.rawEntries();
  }

  /** What is at a path (a symlink itself, not its target); undefined if nothing. */
  async stat(path: string): Promise<EntryInfo | undefined> {
    const at = confine(path, true);
    try {
      return info(at, await this.#fs.lstat(at));
    } catch {
      return undefined;
    }
  }

  /** The entries of a directory (or of everything below it), sorted by path. */
  async list(path: string, options: { recursive?: boolean } = {}): Promise<EntryInfo[]> {
    const at = confine(path, true);
    const found = await this.#require(at);
    if (found.kind !== "directory") throw new FileTreeError("ENOTDIR", at, `Not a directory: ${at}`);
    const entries = this.#fs.rawEntries().filter((entry) => entry.path !== at && isWithin(entry.path, at));
    const direct = options.recursive ? entries : entries.filter((entry) => !entry.path.slice(at === "/" ? 1 : at.length + 1).includes("/"));
    return direct.map((entry) => ({ path: entry.path, name: baseName(entry.path), kind: entry.kind, size: entry.bytes?.byteLength ?? 0, mode: entry.mode, mtime: entry.mtime }));
  }

  /** A file's contents. */
  async read(path: string): Promise<Uint8Array> {
    const at = confine(path);
    const found = await this.#require(at);
    if (found.kind === "directory") throw new FileTreeError("EISDIR", at, `Is a directory: ${at}`);
    return this.#run(at, () => this.#fs.readFileBuffer(at));
  }

  /** Writes a file, making its parent directories; an existing file is replaced unless `overwrite: false`. */
  async write(path: string, bytes: Uint8Array, options: OverwriteOption = {}): Promise<EntryInfo> {
    const at = confine(path);
    const existing = await this.stat(at);
    if (existing?.kind === "directory") throw new FileTreeError("EISDIR", at, `Is a directory: ${at}`);
    if (existing && options.overwrite === false) throw new FileTreeError("EEXIST", at, `Already exists: ${at}`);
    await this.#run(at, () => this.#fs.writeFile(at, bytes));
    return (await this.stat(at)) as EntryInfo;
  }

  /** Makes a directory and its parents; an existing directory is fine, an existing file is EEXIST. */
  async mkdir(path: string): Promise<EntryInfo> {
    const at = confine(path);
    const existing = await this.stat(at);
    if (existing && existing.kind !== "directory") throw new FileTreeError("EEXIST", at, `Already exists and is not a directory: ${at}`);
    if (!existing) await this.#run(at, () => this.#fs.mkdir(at, { recursive: true }));
    return (await this.stat(at)) as EntryInfo;
  }

  /** Moves (renames) an entry; a directory moves with everything in it. */
  async move(from: string, to: string, options: OverwriteOption = {}): Promise<EntryInfo> {
    const [source, destination] = await this.#prepareTransfer(from, to, options, "move");
    await this.#run(source, () => this.#fs.mv(source, destination));
    return (await this.stat(destination)) as EntryInfo;
  }

  /** Copies an entry; a directory is copied with everything in it. */
  async copy(from: string, to: string, options: OverwriteOption = {}): Promise<EntryInfo> {
    const [source, destination] = await this.#prepareTransfer(from, to, options, "copy");
    await this.#run(source, () => this.#fs.cp(source, destination, { recursive: true }));
    return (await this.stat(destination)) as EntryInfo;
  }

  /** Deletes an entry; a directory goes with everything in it. */
  async remove(path: string): Promise<void> {
    const at = confine(path);
    await this.#require(at);
    await this.#run(at, () => this.#fs.rm(at, { recursive: true, force: false }));
  }

  async #prepareTransfer(from: string, to: string, options: OverwriteOption, verb: string): Promise<[string, string]> {
    const source = confine(from);
    const destination = confine(to);
    const found = await this.#require(source);
    if (found.kind === "directory" && isWithin(destination, source)) {
      throw new FileTreeError("EINVAL", destination, `Cannot ${verb} '${source}' into itself ('${destination}')`);
    }
    if (source === destination) return [source, destination];
    const existing = await this.stat(destination);
    if (existing) {
      if (options.overwrite === false) throw new FileTreeError("EEXIST", destination, `Already exists: ${destination}`);
      if (existing.kind === "directory" || found.kind === "directory") {
        throw new FileTreeError("EEXIST", destination, `Cannot replace '${destination}': only a file replaces a file`);
      }
      await this.#run(destination, () => this.#fs.rm(destination));
    }
    return [source, destination];
  }

  async #require(path: string): Promise<EntryInfo> {
    const found = await this.stat(path);
    if (!found) throw new FileTreeError("ENOENT", path, `No such file or directory: ${path}`);
    return found;
  }

  async #run<T>(path: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw translate(error, path);
    }
  }
}

/** A path normalised and confined to the tree, or a FileTreeError `EINVAL`. */
function confine(path: string, allowRoot = false): string {
  const normalised = normaliseTreePath(path, { allowRoot });
  if ("problem" in normalised) throw new FileTreeError("EINVAL", path, `Invalid path '${path}': ${normalised.problem}`);
  return normalised.path;
}

function info(path: string, stat: { isDirectory: boolean; isSymbolicLink: boolean; size: number; mode: number; mtime: Date }): EntryInfo {
  const kind: EntryKind = stat.isSymbolicLink ? "symlink" : stat.isDirectory ? "directory" : "file";
  return { path, name: baseName(path), kind, size: kind === "file" ? stat.size : 0, mode: stat.mode, mtime: stat.mtime };
}

const CODES: readonly FileTreeErrorCode[] = ["ENOENT", "EEXIST", "EISDIR", "ENOTDIR", "ENOTEMPTY", "ENOSPC", "EINVAL"];

/** just-bash's filesystem errors start with their POSIX code ("ENOSPC: …"). */
function translate(error: unknown, path: string): FileTreeError {
  if (error instanceof FileTreeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = CODES.find((c) => message.startsWith(`${c}:`)) ?? "EINVAL";
  const text = code === "ENOSPC" ? `No space left in the workspace (quota: ${message.match(/\((\d+) bytes\)/)?.[1] ?? "?"} bytes)` : message;
  return new FileTreeError(code, path, text);
}

function depth(path: string): number {
  return path.split("/").length;
}
