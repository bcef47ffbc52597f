/**
 * File trees in state documents (spec/control.yaml `FileTree`, `FileEntry`; docs/sandboxes.md,
 * "Files in the state"): a tree's entries as JSON and back, exactly (bytes, modes, times to the
 * millisecond, empty directories, symlinks), and the bounds a document's trees must stay within.
 *
 * Generic over what holds the tree: a sandbox's own filesystem and a workspace's tree both
 * enumerate their entries as RawEntry (ClockedFs.rawEntries) and rebuild from them
 * (ClockedFs.restoreEntry), so this module never sees which one it serializes.
 */
import type { FileEntry } from "../../control/control-types.ts";
import type { RawEntry } from "../sandboxes/shell/clocked-fs.ts";

/** Mock decision: at most this many entries per tree (a --persist write exports every tree). */
export const MAX_TREE_ENTRIES = 10_000;
/** Mock decision: at most this many bytes of file contents per tree. */
export const MAX_TREE_BYTES = 16 * 2 ** 20;
/** Mock decision: at most this many bytes of file contents in one state document, all trees together. */
export const MAX_DOCUMENT_FILE_BYTES = 64 * 2 ** 20;

/** Modes an entry gets when a seed leaves `mode` out. */
const DEFAULT_MODES: Record<RawEntry["kind"], number> = { file: 0o644, directory: 0o755, symlink: 0o777 };

/** An entry that cannot be read; `pointer` is relative to the entry (`/content`), or empty for the whole entry. */
export class FileEntryError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
    this.name = "FileEntryError";
  }
}

/** The entries as a document writes them: UTF-8 text where the bytes are valid UTF-8, base64 otherwise. */
export function encodeEntries(entries: readonly RawEntry[]): FileEntry[] {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  return entries.map((entry) => {
    const encoded: FileEntry = { path: entry.path, type: entry.kind, mode: entry.mode, mtime: entry.mtime.toISOString() };
    if (entry.kind === "symlink") encoded.target = entry.target ?? "";
    if (entry.kind === "file") {
      const bytes = entry.bytes ?? new Uint8Array();
      try {
        encoded.content = decoder.decode(bytes);
        encoded.encoding = "utf-8";
      } catch {
        encoded.content = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
        encoded.encoding = "base64";
      }
    }
    return encoded;
  });
}

/**
 * Reads one entry back; `now` is the time of an entry without `mtime` (a seed's). Throws a
 * FileEntryError for a path that is not absolute and normalised, content that is not valid in
 * its encoding, or fields that do not belong to the entry's type.
 */
export function decodeEntry(entry: FileEntry, now: Date): RawEntry {
  const problem = pathProblem(entry.path);
  if (problem) throw new FileEntryError("/path", problem);
  const kind = entry.type;
  if (kind !== "file" && (entry.content !== undefined || entry.encoding !== undefined)) throw new FileEntryError("/content", `only a file has content (this is a ${kind})`);
  if (kind === "symlink" && entry.target === undefined) throw new FileEntryError("/target", "a symlink needs a target");
  if (kind !== "symlink" && entry.target !== undefined) throw new FileEntryError("/target", `only a symlink has a target (this is a ${kind})`);
  const mtime = entry.mtime === undefined ? now : new Date(entry.mtime);
  if (Number.isNaN(mtime.getTime())) throw new FileEntryError("/mtime", "not a valid time");
  const decoded: RawEntry = { path: entry.path, kind, mode: entry.mode ?? DEFAULT_MODES[kind], mtime };
  if (kind === "symlink") decoded.target = entry.target as string;
  if (kind === "file") decoded.bytes = decodeContent(entry.content ?? "", entry.encoding ?? "utf-8");
  return decoded;
}

/** Reads a whole list, refusing a path listed twice; a FileEntryError's pointer starts at the entry's index (`/3/content`). */
export function decodeEntries(entries: readonly FileEntry[], now: Date): RawEntry[] {
  const seen = new Set<string>();
  return entries.map((entry, index) => {
    try {
      if (seen.has(entry.path)) throw new FileEntryError("/path", `'${entry.path}' is listed twice`);
      seen.add(entry.path);
      return decodeEntry(entry, now);
    } catch (error) {
      if (error instanceof FileEntryError) throw new FileEntryError(`/${index}${error.pointer}`, error.message);
      throw error;
    }
  });
}

/** Bytes of file contents a list of entries holds, from their encoded lengths (nothing is decoded). */
export function contentBytes(entries: readonly FileEntry[]): number {
  let total = 0;
  for (const entry of entries) {
    if (entry.content === undefined) continue;
    total += entry.encoding === "base64" ? base64Bytes(entry.content) : Buffer.byteLength(entry.content, "utf8");
  }
  return total;
}

/**
 * Why a document's trees are over the bounds (entries or bytes per tree, bytes per document), with
 * the pointer of the first tree over a bound; undefined when they are within them.
 */
export function fileBoundProblem(organizations: readonly { files?: readonly { entries: readonly FileEntry[] }[] }[], prefix = ""): string | undefined {
  let total = 0;
  for (const [i, org] of organizations.entries()) {
    for (const [j, tree] of (org.files ?? []).entries()) {
      const at = `${prefix}/organizations/${i}/files/${j}`;
      if (tree.entries.length > MAX_TREE_ENTRIES) return `${at}: the tree has ${tree.entries.length} entries, over the bound of ${MAX_TREE_ENTRIES} per tree`;
      const bytes = contentBytes(tree.entries);
      if (bytes > MAX_TREE_BYTES) return `${at}: the tree holds ${mebibytes(bytes)} of file contents, over the bound of ${mebibytes(MAX_TREE_BYTES)} per tree`;
      total += bytes;
    }
  }
  if (total > MAX_DOCUMENT_FILE_BYTES) return `${prefix || "the document"}: the file trees hold ${mebibytes(total)} of file contents, over the bound of ${mebibytes(MAX_DOCUMENT_FILE_BYTES)} per state document`;
  return undefined;
}

/** Why a path is not absolute and normalised; undefined when it is. */
export function pathProblem(path: string): string | undefined {
  if (!path.startsWith("/")) return "must be absolute (start with /)";
  if (path === "/") return undefined;
  if (path.endsWith("/")) return "must not end with /";
  if (path.includes("\0")) return "must not contain a NUL character";
  const segments = path.slice(1).split("/");
  if (segments.some((segment) => segment === "" || segment === "." || segment === "..")) return "must be normalised (no //, . or .. segments)";
  return undefined;
}

/**
 * The entry (index and why) that lies under a file or a symlink of the same list, if any: just-bash
 * would follow a symlink parent and write the entry elsewhere, so such a tree would not round-trip.
 */
export function nestingProblem(entries: readonly RawEntry[]): { index: number; message: string } | undefined {
  const kinds = new Map(entries.map((entry) => [entry.path, entry.kind]));
  for (const [index, entry] of entries.entries()) {
    for (let cut = entry.path.lastIndexOf("/"); cut > 0; cut = entry.path.lastIndexOf("/", cut - 1)) {
      const parent = kinds.get(entry.path.slice(0, cut));
      if (parent !== undefined && parent !== "directory") return { index, message: `'${entry.path}' has a parent that is a ${parent}` };
    }
  }
  return undefined;
}

/**
 * The entries of a tree after a merge seed: each given entry replaces what is at its path. One
 * that is not a directory may not replace a directory that has entries (they would end up under a
 * file): a FileEntryError at that entry (`/3/path`).
 */
export function mergeEntries(current: readonly RawEntry[], given: readonly RawEntry[]): RawEntry[] {
  const byPath = new Map(current.map((entry) => [entry.path, entry]));
  given.forEach((entry, index) => {
    if (entry.kind === "directory" || byPath.get(entry.path)?.kind !== "directory") return;
    const prefix = `${entry.path}/`;
    if (current.some((other) => other.path.startsWith(prefix))) {
      throw new FileEntryError(`/${index}/path`, `'${entry.path}' is a directory that has entries; a ${entry.kind} cannot replace it (seed with mode=replace)`);
    }
  });
  for (const entry of given) byPath.set(entry.path, entry);
  return [...byPath.values()];
}

/** Parents first: the order a tree is rebuilt in, so that a directory's own mode and time are kept. */
export function parentsFirst(entries: readonly RawEntry[]): RawEntry[] {
  return [...entries].sort((a, b) => depth(a.path) - depth(b.path) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function depth(path: string): number {
  return path === "/" ? 0 : path.split("/").length - 1;
}

/** Standard base64 characters, padding only at the end (a plain class: a grouped pattern overflows V8's stack on megabytes). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function decodeContent(content: string, encoding: "utf-8" | "base64"): Uint8Array {
  if (encoding === "utf-8") return new TextEncoder().encode(content);
  // Buffer.from skips what is not base64; a document that is not base64 is an error, not a silent loss.
  if (content.length % 4 !== 0 || !BASE64.test(content)) throw new FileEntryError("/content", "not valid base64 (standard alphabet, padded)");
  const buffer = Buffer.from(content, "base64");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function base64Bytes(content: string): number {
  const padding = content.endsWith("==") ? 2 : content.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((content.length * 3) / 4) - padding);
}

function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
