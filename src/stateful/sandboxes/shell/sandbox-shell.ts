/**
 * The shell of one sandbox: just-bash (a simulated bash over an in-memory filesystem) with the
 * mock's additions (shell-commands.ts, seeded-random.ts), over the sandbox's own filesystem
 * (clocked-fs.ts). Files persist between commands for as long as the shell lives: the sandbox
 * store keeps it through pause and resume and drops it when the sandbox is destroyed.
 *
 * What a command sees (mock decisions, docs/sandboxes.md): `/workspace` (the default cwd), `/tmp`
 * and the home `/root` exist; the user is root; the environment is the sandbox's `env`, then the
 * request's `env`, over `HOME=/root`, `USER=root`, `PATH=/usr/bin:/bin`. No network, no host files,
 * no `node`/`python3` (just-bash's optional runtimes stay off).
 *
 * Mounted workspaces: the shell's filesystem is just-bash's MountableFs over the sandbox's own
 * files, with each mounted workspace's tree (or its read-only view) at its mount path, so a
 * command there reads and writes the workspace's files themselves. MountableFs refuses a mount
 * inside another mount; sandbox-mounts.ts refuses such mounts at creation.
 */
import { Bash, MountableFs, type IFileSystem } from "just-bash";
import type { Clock } from "../../common/clock.ts";
import { ClockedFs, type RawEntry } from "./clocked-fs.ts";
import { parentsFirst } from "../../files/file-entries.ts";
import { seededRandomVariable } from "./seeded-random.ts";
import { installShellCommands } from "./shell-commands.ts";

/** One command, as the exec request carries it (defaults applied). */
export interface ShellCommand {
  command: string;
  /** Milliseconds; the command is stopped after it (exit 124). */
  timeout: number;
  cwd: string;
  env?: Record<string, string>;
  /** The command's standard input; empty when absent. */
  stdin?: string;
}

/** What a command printed and how it ended. */
export interface ShellResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  durationMs: number;
  /** The command was stopped at its timeout (it then exits 124). */
  timedOut: boolean;
}

/** What a shell is built from. */
export interface ShellOptions {
  clock: Clock;
  /** The quota: bytes of file contents the sandbox may hold (`resources.disk`). */
  diskBytes: number;
  /** Draws `$RANDOM`. */
  random: () => number;
  /** The sandbox's environment (`env` at creation). */
  env?: Record<string, string>;
  /** Filesystems mounted over the sandbox's own (workspaces). */
  mounts?: readonly ShellMount[];
}

/** A filesystem mounted at a path of the shell's. */
export interface ShellMount {
  /** Absolute and normalised, not `/`. */
  path: string;
  fs: IFileSystem;
}

/** The directories every sandbox template has. */
export const STANDARD_DIRECTORIES = ["/workspace", "/tmp", "/root"] as const;

/** Output beyond this many bytes (stdout and stderr together) stops the command: answers stay sendable. */
const MAX_OUTPUT_BYTES = 16 * 2 ** 20;

const BASE_ENV = { HOME: "/root", USER: "root", LOGNAME: "root", SHELL: "/bin/bash", PATH: "/usr/bin:/bin" };

/** A sandbox's shell and filesystem. */
export class SandboxShell {
  /** The sandbox's own files (mounted workspaces are not in it). */
  readonly fs: ClockedFs;
  readonly #mounted: MountableFs;
  readonly #bash: Bash;
  readonly #clock: Clock;

  constructor(options: ShellOptions) {
    this.#clock = options.clock;
    this.fs = new ClockedFs(options.clock, options.diskBytes + layoutBytes());
    for (const directory of STANDARD_DIRECTORIES) this.fs.mkdirSync(directory, { recursive: true });
    this.#mounted = new MountableFs({ base: this.fs, mounts: (options.mounts ?? []).map(({ path, fs }) => ({ mountPoint: path, filesystem: fs })) });
    this.#bash = buildBash(this.#mounted, options);
  }

  /** Stops showing what is mounted at a path (a mount released while the shell lives); nothing if none. */
  unmount(path: string): void {
    if (this.#mounted.isMountPoint(path)) this.#mounted.unmount(path);
  }

  /** Bytes of file contents held, the shell's own command stubs left out. */
  usedBytes(): number {
    return Math.max(0, this.fs.usedBytes() - layoutBytes());
  }

  /** Writes a file (parents made as needed), as a client's upload would. */
  async writeFile(path: string, content: string): Promise<void> {
    await this.#mounted.writeFile(path, content);
  }

  /**
   * The sandbox's own files, sorted by path, for a state document: the shell's layout (/, /bin,
   * /usr/bin, /dev, /proc) is left out (a new shell makes it again), /workspace, /tmp and /root kept.
   */
  files(): RawEntry[] {
    return this.fs.rawEntries().filter(isSandboxFile);
  }

  /**
   * Puts files() back, modes and times kept, over this shell's layout. The entries must have been
   * checked (checkSandboxFiles): an entry this cannot hold throws part-way.
   */
  restoreFiles(entries: readonly RawEntry[]): void {
    for (const entry of parentsFirst(entries)) this.fs.restoreEntry(entry);
  }

  /** Runs one command line; never throws for anything the command does. */
  async exec(request: ShellCommand): Promise<ShellResult> {
    const started = this.#clock.now().getTime();
    const deadline = AbortSignal.timeout(request.timeout);
    const finish = (stdout: string, stderr: string, exitCode: number): ShellResult => ({
      stdout,
      stderr,
      exitCode,
      durationMs: Math.max(0, this.#clock.now().getTime() - started),
      timedOut: deadline.aborted,
    });
    if (!(await this.#isDirectory(request.cwd))) {
      return finish("", `bash: line 1: cd: ${request.cwd}: No such file or directory\n`, 1);
    }
    try {
      const result = await this.#bash.exec(exporting(request.env) + request.command, {
        cwd: request.cwd,
        ...(request.env ? { env: request.env } : {}),
        ...(request.stdin === undefined ? {} : { stdin: request.stdin }),
        signal: deadline,
      });
      return finish(result.stdout, result.stderr, result.exitCode);
    } catch (error) {
      // just-bash lets a filesystem error of a redirection escape the script (3.4.2): the
      // script stops there, as a shell whose write failed would report it.
      const message = (error as Error).message;
      if (message.startsWith("ENOSPC")) return finish("", "bash: write error: No space left on device\n", 1);
      const readOnly = /^EROFS: read-only file system, \w+ '(.*)'$/.exec(message);
      if (readOnly) return finish("", `bash: ${readOnly[1]}: Read-only file system\n`, 1);
      return finish("", `bash: ${message}\n`, 1);
    }
  }

  async #isDirectory(path: string): Promise<boolean> {
    try {
      return (await this.#mounted.stat(path)).isDirectory;
    } catch {
      return false;
    }
  }
}

/**
 * just-bash sets a per-command environment without exporting it (3.4.2), so `sh -c` would not
 * see it; a real process environment is inherited. Prefixed on the same line, so that the
 * command's line numbers stay as written.
 */
function exporting(env: Record<string, string> | undefined): string {
  const names = Object.keys(env ?? {}).filter((name) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name));
  return names.length === 0 ? "" : `export ${names.join(" ")}; `;
}

function buildBash(fs: IFileSystem, options: ShellOptions): Bash {
  const bash = new Bash({
    fs,
    cwd: "/workspace",
    env: { ...BASE_ENV, ...options.env },
    // The process-wide patching of JavaScript globals during a command would reach the mock's
    // other requests, which run in the same process; the shell has no host access to guard.
    defenseInDepth: false,
    processInfo: { uid: 0, gid: 0 },
    executionLimits: { maxOutputSize: MAX_OUTPUT_BYTES },
  });
  installShellCommands(bash, options.clock);
  const random = seededRandomVariable(options.random);
  bash.registerCommand(random.command);
  bash.registerTransformPlugin(random.plugin);
  return bash;
}

/** What the shell itself puts on a sandbox's filesystem (its /bin stubs, /proc, /dev). */
interface Layout {
  /** Bytes of file contents it takes. */
  bytes: number;
  /** Its paths and their kinds, the standard directories left out (those hold the sandbox's files). */
  kinds: ReadonlyMap<string, RawEntry["kind"]>;
}

let layout: Layout | undefined;

/** The shell's own files, measured once on an unbounded shell. */
function shellLayout(): Layout {
  if (layout === undefined) {
    const clock = { now: () => new Date(0) };
    const probe = new ClockedFs(clock, Number.MAX_SAFE_INTEGER);
    for (const directory of STANDARD_DIRECTORIES) probe.mkdirSync(directory, { recursive: true });
    buildBash(probe, { clock, diskBytes: 0, random: () => 0 });
    const standard = new Set<string>(STANDARD_DIRECTORIES);
    const kinds = new Map(probe.rawEntries().filter((entry) => !standard.has(entry.path)).map((entry) => [entry.path, entry.kind] as const));
    layout = { bytes: probe.usedBytes(), kinds };
  }
  return layout;
}

/** Bytes the shell's own files take. */
function layoutBytes(): number {
  return shellLayout().bytes;
}

/**
 * Why an entry may not be one of a sandbox's files: it is one of the shell's own paths, or lies
 * under one of the shell's files; undefined when it may.
 */
export function shellPathProblem(path: string): string | undefined {
  const kinds = shellLayout().kinds;
  if (kinds.has(path)) return `'${path}' belongs to the sandbox's shell (/, /bin, /usr/bin, /dev, /proc), not to its files`;
  for (let cut = path.lastIndexOf("/"); cut > 0; cut = path.lastIndexOf("/", cut - 1)) {
    const kind = kinds.get(path.slice(0, cut));
    if (kind !== undefined && kind !== "directory") return `'${path.slice(0, cut)}' is a ${kind} of the sandbox's shell`;
  }
  return undefined;
}

/** Whether an entry of a shell's filesystem is one of the sandbox's files (not the shell's own). */
function isSandboxFile(entry: RawEntry): boolean {
  return !shellLayout().kinds.has(entry.path);
}
