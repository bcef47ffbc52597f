/**
 * A sandbox's own files as a whole (docs/sandboxes.md, "Files in the state"): the checks a tree
 * must pass before a sandbox takes it (from a state document or a control-plane seed). A tree that
 * passes is taken whole, so a refused one changes nothing.
 */
import type { Clock } from "../common/clock.ts";
import { nestingProblem, parentsFirst } from "../files/file-entries.ts";
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
  entries.forEach((entry, index) => {
    const problem = shellPathProblem(entry.path);
    if (problem) throw new SandboxFilesError(problem, index);
  });
  const nesting = nestingProblem(entries);
  if (nesting) throw new SandboxFilesError(nesting.message, nesting.index);
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

function describe(error: Error, entry: RawEntry, diskBytes: number): string {
  const message = error.message;
  if (message.startsWith("ENOSPC")) return `the files do not fit the sandbox's disk of ${diskBytes} bytes (at '${entry.path}')`;
  if (message.startsWith("ENOTDIR") || message.startsWith("EEXIST")) return `'${entry.path}' has a parent that is not a directory`;
  if (message.startsWith("EISDIR")) return `'${entry.path}' is a directory already`;
  return `'${entry.path}' cannot be written: ${message}`;
}
