/**
 * The storage service's file operations over one workspace's file tree (docs:
 * /api-reference/workspaces/files, /api-reference/workspace-files/*; spec/paths/workspace-files.yaml
 * holds the shapes and the mock decisions). The rules live here, tested without HTTP; the
 * handlers only translate.
 *
 * - Entries answer the generated pages' fields and the guide's (`value`, `date`, `lazy`, `count`).
 * - Ids are paths from the workspace root (`/src/index.ts`), normalised and confined: a `..` that
 *   leaves the workspace is a 400 pointing at the field that carried it.
 * - Batch copy/move and delete are all or nothing: every id is checked before anything changes.
 * - A write past the workspace's quota is 507 `insufficient_storage`, and nothing is written.
 */
import type { WorkspaceDriveInfo, WorkspaceEntry, WorkspaceEntryBatchRequest, WorkspaceEntryCreateRequest, WorkspaceEntryInfo, WorkspaceEntryMutateRequest } from "../../../api-types.ts";
import { ApiError } from "../../../core/errors.ts";
import { FileTreeError, type EntryInfo, type FileTree } from "./file-tree.ts";
import { mediaTypeOf } from "./media-types.ts";
import { baseName, isWithin, normaliseTreePath, parentPath } from "./tree-paths.ts";

/**
 * The largest multipart body an upload may send: 100 MiB, the documented default maximum upload
 * per request (docs: /limits). Larger is 413 before a byte is buffered (spec: UploadTooLarge).
 */
export const UPLOAD_BODY_LIMIT = 100 * 1024 * 1024;

/** How `contents` is written (the mock's `encoding` extension). */
type Encoding = "utf8" | "base64";

/** A downloaded file. */
export interface DownloadedFile {
  name: string;
  mediaType: string;
  bytes: Uint8Array;
}

/** The file operations of one workspace. */
export class WorkspaceStorage {
  constructor(private readonly tree: FileTree) {}

  /** A directory's entries (dot entries only with `showHidden`), directories first, then by name. */
  async list(directory: string | undefined, showHidden: boolean, at = "/path/path"): Promise<WorkspaceEntry[]> {
    const dir = confined(directory ?? "/", at, true);
    const found = await this.#require(dir, at);
    if (found.kind !== "directory") throw invalid(at, `'${dir}' is a file, not a directory`);
    const below = await this.tree.list(dir, { recursive: true });
    const counts = childCounts(below);
    const shown = below.filter((entry) => parentPath(entry.path) === dir && (showHidden || !entry.name.startsWith(".")));
    shown.sort((a, b) => Number(b.kind === "directory") - Number(a.kind === "directory") || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return shown.map((entry) => toEntry(entry, counts.get(entry.path) ?? 0));
  }

  /** Used, free and total bytes (docs: `[{free, total, used}]`). */
  driveInfo(): WorkspaceDriveInfo {
    const used = this.tree.usedBytes();
    return [{ free: Math.max(0, this.tree.quotaBytes - used), total: this.tree.quotaBytes, used }];
  }

  /** The bytes and the number of entries under a path (a file: its size, count 0). */
  async info(path: string, at = "/path/path"): Promise<WorkspaceEntryInfo> {
    const target = confined(path, at, true);
    const found = await this.#require(target, at);
    let size = found.size;
    let count = 0;
    if (found.kind === "directory") {
      const below = await this.tree.list(target, { recursive: true });
      size = below.reduce((total, entry) => total + entry.size, 0);
      count = below.length;
    }
    return { id: found.path, name: found.name, type: typeOf(found), size, count, mtime: found.mtime.toISOString(), path: found.path };
  }

  /** A new file or directory inside an existing directory; 409 if the name is taken. */
  async create(directory: string | undefined, request: WorkspaceEntryCreateRequest): Promise<WorkspaceEntry> {
    const dir = await this.#directory(directory ?? "/", "/path/path");
    const name = segment(request.name, "/body/name");
    const target = join(dir, name);
    if (await this.tree.stat(target)) throw new ApiError("conflict", `'${target}' already exists`);
    if (request.type === "file") {
      const bytes = decode(request.contents ?? "", request.encoding ?? "utf8", "/body/contents");
      return toEntry(await run(() => this.tree.write(target, bytes, { overwrite: false }), "/body/name"), 0);
    }
    if (request.contents !== undefined) throw invalid("/body/contents", "a directory has no contents");
    return toEntry(await run(() => this.tree.mkdir(target), "/body/name"), 0);
  }

  /** Stores an uploaded file in a directory (made if missing); a file of that name is replaced. */
  async upload(directory: string | undefined, name: string, bytes: Uint8Array, at: string): Promise<WorkspaceEntry> {
    const dir = confined(directory ?? "/", at, true);
    const existing = await this.tree.stat(dir);
    if (existing && existing.kind !== "directory") throw invalid(at, `'${dir}' is a file, not a directory`);
    const target = join(dir, segment(name, "/body/name"));
    const there = await this.tree.stat(target);
    if (there?.kind === "directory") throw new ApiError("conflict", `'${target}' is a directory`);
    return toEntry(await run(() => this.tree.write(target, bytes), at), 0);
  }

  /** Rename, move, copy or write one entry (see WorkspaceEntryMutateRequest for `target`). */
  async mutate(path: string, request: WorkspaceEntryMutateRequest): Promise<WorkspaceEntry> {
    const source = confined(path, "/path/path");
    if (request.operation === "write") {
      if (request.contents === undefined) throw invalid("/body/contents", "is required for write");
      const bytes = decode(request.contents, request.encoding ?? "utf8", "/body/contents");
      await this.#directory(parentPath(source), "/path/path");
      const existing = await this.tree.stat(source);
      if (existing?.kind === "directory") throw invalid("/path/path", `'${source}' is a directory`);
      return toEntry(await run(() => this.tree.write(source, bytes), "/path/path"), 0);
    }
    if (request.target === undefined) throw invalid("/body/target", `is required for ${request.operation}`);
    await this.#require(source, "/path/path");
    if (source === "/") throw invalid("/path/path", `the workspace root cannot be ${request.operation === "copy" ? "copied" : "moved"}`);
    const destination =
      request.operation === "rename"
        ? join(parentPath(source), segment(request.target, "/body/target"))
        : join(await this.#directory(request.target, "/body/target"), baseName(source));
    if (destination === source && request.operation !== "copy") return toEntry((await this.tree.stat(source)) as EntryInfo, 0);
    await this.#checkDestination(source, destination, "/body/target");
    const moved = request.operation === "copy" ? this.tree.copy(source, destination, { overwrite: false }) : this.tree.move(source, destination, { overwrite: false });
    return this.#entryOf(await run(() => moved, "/body/target"));
  }

  /** Copies or moves entries into a directory, all or nothing; answers them at their destination. */
  async batch(request: WorkspaceEntryBatchRequest): Promise<WorkspaceEntry[]> {
    const directory = await this.#directory(request.target, "/body/target");
    const plan: [string, string][] = [];
    const destinations = new Set<string>();
    for (const [index, id] of request.ids.entries()) {
      const at = `/body/ids/${index}`;
      const source = confined(id, at);
      await this.#require(source, at);
      const destination = join(directory, baseName(source));
      if (destinations.has(destination)) throw invalid(at, `another id also lands on '${destination}'`);
      destinations.add(destination);
      await this.#checkDestination(source, destination, at);
      plan.push([source, destination]);
    }
    if (request.operation === "copy") {
      let needed = 0;
      for (const [source] of plan) needed += (await this.info(source, "/body/ids")).size;
      if (needed > this.tree.quotaBytes - this.tree.usedBytes()) throw full(this.tree.quotaBytes);
    }
    const done: WorkspaceEntry[] = [];
    for (const [source, destination] of plan) {
      const result = request.operation === "copy" ? this.tree.copy(source, destination, { overwrite: false }) : this.tree.move(source, destination, { overwrite: false });
      done.push(await this.#entryOf(await run(() => result, "/body/target")));
    }
    return done;
  }

  /** Deletes entries by id, all or nothing; the root cannot be deleted. */
  async remove(ids: readonly string[]): Promise<{ deleted: string[] }> {
    const targets: string[] = [];
    for (const [index, id] of ids.entries()) {
      const at = `/body/ids/${index}`;
      const target = confined(id, at, true);
      if (target === "/") throw invalid(at, "the workspace root cannot be deleted");
      await this.#require(target, at);
      targets.push(target);
    }
    const deleted: string[] = [];
    for (const target of targets) {
      // An id inside a directory deleted earlier in the same request went with it.
      if (!deleted.some((gone) => isWithin(target, gone))) await run(() => this.tree.remove(target), "/body/ids");
      if (!deleted.includes(target)) deleted.push(target);
    }
    return { deleted };
  }

  /** A file's bytes and media type, for `direct`. */
  async download(id: string): Promise<DownloadedFile> {
    const target = confined(id, "/query/id");
    const found = await this.#require(target, "/query/id");
    if (found.kind === "directory") throw invalid("/query/id", `'${target}' is a directory, not a file`);
    return { name: found.name, mediaType: mediaTypeOf(found.name), bytes: await run(() => this.tree.read(target), "/query/id") };
  }

  async #entryOf(info: EntryInfo): Promise<WorkspaceEntry> {
    return toEntry(info, info.kind === "directory" ? (await this.tree.list(info.path)).length : 0);
  }

  /** The normalised path of an existing directory, or a 404 / 400 at `at`. */
  async #directory(path: string, at: string): Promise<string> {
    const dir = confined(path, at, true);
    const found = await this.#require(dir, at);
    if (found.kind !== "directory") throw invalid(at, `'${dir}' is a file, not a directory`);
    return dir;
  }

  async #checkDestination(source: string, destination: string, at: string): Promise<void> {
    if (await this.tree.stat(destination)) throw new ApiError("conflict", `'${destination}' already exists`);
    if (isWithin(destination, source)) throw invalid(at, `cannot put '${source}' inside itself`);
  }

  async #require(path: string, at: string): Promise<EntryInfo> {
    const found = await this.tree.stat(path);
    if (!found) throw new ApiError("not_found", `No file or directory '${path}' in this workspace (${at})`);
    return found;
  }
}

function toEntry(info: EntryInfo, count: number): WorkspaceEntry {
  const mtime = info.mtime.toISOString();
  const type = typeOf(info);
  const entry: WorkspaceEntry = {
    id: info.path,
    name: info.name,
    value: info.name,
    type,
    size: info.size,
    mtime,
    date: mtime,
    path: info.path,
    mimeType: type === "directory" ? null : mediaTypeOf(info.name),
  };
  return type === "directory" ? { ...entry, lazy: true, count } : entry;
}

/** Symlinks (made by a sandbox's `ln -s`) list as files: the storage API knows only files and directories. */
function typeOf(info: EntryInfo): "file" | "directory" {
  return info.kind === "directory" ? "directory" : "file";
}

function childCounts(entries: readonly EntryInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(parentPath(entry.path), (counts.get(parentPath(entry.path)) ?? 0) + 1);
  return counts;
}

function confined(path: string, at: string, allowRoot = false): string {
  const normalised = normaliseTreePath(path, { allowRoot });
  if ("problem" in normalised) throw invalid(at, normalised.problem);
  return normalised.path;
}

/** One name: no `/`, not `.` or `..`. */
function segment(name: string, at: string): string {
  if (name === "" || name === "." || name === ".." || name.includes("/") || name.includes("\0")) {
    throw invalid(at, "must be one name: not empty, '.' or '..', without '/'");
  }
  return name;
}

function join(directory: string, name: string): string {
  return directory === "/" ? `/${name}` : `${directory}/${name}`;
}

function decode(contents: string, encoding: Encoding, at: string): Uint8Array {
  if (encoding === "utf8") return new TextEncoder().encode(contents);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(contents) || contents.length % 4 === 1) throw invalid(at, "is not valid base64");
  return new Uint8Array(Buffer.from(contents, "base64"));
}

function invalid(at: string, message: string): ApiError {
  return new ApiError("bad_request", `Invalid ${at.split("/").at(-1)}: ${message}`, [{ path: at, message }]);
}

function full(quota: number): ApiError {
  return new ApiError("insufficient_storage", `No space left in the workspace (quota: ${quota} bytes)`);
}

/** Runs a tree operation, turning its FileTreeError into the API's answer. */
async function run<T>(operation: () => Promise<T>, at: string): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!(error instanceof FileTreeError)) throw error;
    switch (error.code) {
      case "ENOENT":
        throw new ApiError("not_found", error.message);
      case "EEXIST":
        throw new ApiError("conflict", error.message);
      case "ENOSPC":
        throw new ApiError("insufficient_storage", error.message);
      default:
        throw invalid(at, error.message);
    }
  }
}
