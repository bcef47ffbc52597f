/**
 * One writer per `--persist` file. Two mocks on one file would each rewrite the whole state from
 * their own memory and silently drop each other's acknowledged changes, so the second refuses to
 * start (docs/persistence.md, "One process per file").
 *
 * The lock is a file beside the state file, `<file>.lock`, holding the owner's pid. It is created
 * whole and atomically (written aside, then hard-linked into place: a link fails if the name
 * exists), so nobody ever reads a half-written lock. It is held for the process's life and removed
 * on a clean exit. A lock whose process is gone (kill -9, a crash) is stale: the next start takes
 * it over, after checking that the file it moves aside is still the stale one.
 *
 * Limits (documented): the pid is checked on this machine only, so a lock written in another
 * container or host on a shared volume looks stale when its pid is not running here, or held when
 * an unrelated process reuses the pid (then delete the lock file by hand).
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";

/** Another live process holds the lock. */
export class LockHeldError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
    statePath: string,
  ) {
    super(
      `${statePath} is in use by another runtools-mock (pid ${pid}, lock ${lockPath}): two processes on one --persist file ` +
        `would lose each other's writes. Stop that process or use another file (if no such process runs, delete the lock file).`,
    );
    this.name = "LockHeldError";
  }
}

/** Is `pid` a running process on this machine? (EPERM: it runs, as another user.) */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock of one state file, held from `acquire()` to `release()`. */
export class StateLock {
  readonly path: string;
  #held = false;
  readonly #onExit = () => this.release();

  constructor(
    readonly statePath: string,
    private readonly alive: (pid: number) => boolean = processAlive,
    private readonly pid: number = process.pid,
  ) {
    this.path = `${statePath}.lock`;
  }

  /** Takes the lock; throws LockHeldError, or the file system's error (naming the path) when it cannot write beside the file. */
  acquire(): void {
    const aside = `${this.path}.${this.pid}.tmp`;
    writeFileSync(aside, `${this.pid}\n`, { mode: 0o600 });
    try {
      for (let attempt = 0; attempt < 5; attempt++) {
        if (this.#link(aside)) {
          this.#held = true;
          process.once("exit", this.#onExit);
          return;
        }
        const holder = readPid(this.path);
        if (holder === undefined) continue; // gone since the link failed: try again
        if (holder !== 0 && (holder === this.pid || this.alive(holder))) throw new LockHeldError(this.path, holder, this.statePath);
        this.#removeStale(holder);
      }
      throw new Error(`${this.path}: could not take the lock (it kept changing); is another runtools-mock starting on this file?`);
    } finally {
      rmSync(aside, { force: true });
    }
  }

  /** Gives the lock up (idempotent; also done on process exit). */
  release(): void {
    if (!this.#held) return;
    this.#held = false;
    process.off("exit", this.#onExit);
    // Only our own lock: never one a later process took over.
    if (readPid(this.path) === this.pid) rmSync(this.path, { force: true });
  }

  #link(aside: string): boolean {
    try {
      linkSync(aside, this.path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw error;
    }
  }

  /**
   * Moves a dead process's lock aside and deletes it. If another starter replaced it in between,
   * the file moved aside is a live lock: it is put back and this start refuses.
   */
  #removeStale(deadPid: number): void {
    const moved = `${this.path}.${this.pid}.stale`;
    try {
      renameSync(this.path, moved);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    const holder = readPid(moved);
    if (holder !== undefined && holder !== deadPid) {
      try {
        linkSync(moved, this.path);
      } finally {
        rmSync(moved, { force: true });
      }
      throw new LockHeldError(this.path, holder, this.statePath);
    }
    rmSync(moved, { force: true });
  }
}

/** The pid in a lock file; undefined when the file is gone. A lock that is not a pid counts as a dead one (pid 0). */
function readPid(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : 0;
}
