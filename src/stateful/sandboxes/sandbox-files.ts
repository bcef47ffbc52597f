/**
 * A sandbox's own files as a whole (docs/sandboxes.md, "Files in the state"): the checks a tree
 * must pass before a sandbox takes it (from a state document or a control-plane seed), and how a
 * seed merges into the files a sandbox has. A tree that passes is taken whole, so a refused one
 * changes nothing.
 */
import type { Clock } from "../common/clock.ts";
import { parentsFirst } from "../files/file-entries.ts";
import { ClockedFs, type RawEntry } from "./shell/clocked-fs.ts";
import { shellPathProblem, STANDARD_DIRECTORIES } from "./shell/sandbox-shell.ts";

/** A tree a sandbox cannot take; `index` is the entry at fault, when one is. */
export class SandboxFilesError extends Error {
  constructor(
    message: string,
    readonly index?: number,
  ) {
    super(message);
    this.name = "SandboxFilesError";
  }
}

/**
 * Checks that a sandbox with `diskBytes` of disk can hold `entries` as its files: none is one of
 * the shell's own paths, none has a file or symlink as a parent, the standard directories stay
 * directories, and the contents fit the disk. Builds the tree aside (linear in the entries).
 */
export function checkSandboxFiles(entries: readonly RawEntry[], diskBytes: number, clock: Clock): void {
  const kinds = new Map(entries.map((entry) => [entry.path, entry.kind]));
  entries.forEach((entry, index) => {
    const problem = shellPathProblem(entry.path);
    if (problem) throw new SandboxFilesError(problem, index);
    // just-bash would follow a symlink parent and write the entry elsewhere: the tree would not round-trip.
    for (let cut = entry.path.lastIndexOf("/"); cut > 0; cut = entry.path.lastIndexOf("/", cut - 1)) {
      const parent = kinds.get(entry.path.slice(0, cut));
      if (parent !== undefined && parent !== "directory") throw new SandboxFilesError(`'${entry.path}' has a parent that is a ${parent}`, index);
    }
  });
  const aside = new ClockedFs(clock, diskBytes);
  for (const directory of STANDARD_DIRECTORIES) aside.mkdirSync(directory, { recursive: true });
  const indexOf = new Map(entries.map((entry, index) => [entry, index]));
  for (const entry of parentsFirst(entries)) {
    const index = indexOf.get(entry);
    if (STANDARD_DIRECTORIES.includes(entry.path as (typeof STANDARD_DIRECTORIES)[number]) && entry.kind !== "directory") {
      throw new SandboxFilesError(`'${entry.path}' is one of the sandbox's standard directories; it cannot be a ${entry.kind}`, index);
    }
    try {
      aside.restoreEntry(entry);
    } catch (error) {
      throw new SandboxFilesError(describe(error as Error, entry, diskBytes), index);
    }
  }
}

/**
 * The files a sandbox has after a merge seed: each given entry replaces what is at its path. An
 * entry that is not a directory may not replace a directory that has entries (the result would
 * hold them under a file); that is refused at the entry.
 */
export function mergeFiles(current: readonly RawEntry[], given: readonly RawEntry[]): RawEntry[] {
  const byPath = new Map(current.map((entry) => [entry.path, entry]));
  given.forEach((entry, index) => {
    if (entry.kind === "directory" || byPath.get(entry.path)?.kind !== "directory") return;
    const prefix = `${entry.path}/`;
    if (current.some((other) => other.path.startsWith(prefix))) {
      throw new SandboxFilesError(`'${entry.path}' is a directory that has entries; a ${entry.kind} cannot replace it (seed with mode=replace)`, index);
    }
  });
  for (const entry of given) byPath.set(entry.path, entry);
  return [...byPath.values()];
}

function describe(error: Error, entry: RawEntry, diskBytes: number): string {
  const message = error.message;
  if (message.startsWith("ENOSPC")) return `the files do not fit the sandbox's disk of ${diskBytes} bytes (at '${entry.path}')`;
  if (message.startsWith("ENOTDIR") || message.startsWith("EEXIST")) return `'${entry.path}' has a parent that is not a directory`;
  if (message.startsWith("EISDIR")) return `'${entry.path}' is a directory already`;
  return `'${entry.path}' cannot be written: ${message}`;
}
