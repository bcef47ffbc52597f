/**
 * What the mock adds to just-bash so that a sandbox answers the commands real sandbox clients
 * send (fidelity audit §4, the ComputeSDK RunTools provider), and answers them the same way on
 * every run under `--seed`:
 *   - `nohup CMD …` runs CMD (the provider's background form is `nohup sh -lc '…' >/dev/null 2>&1 &`);
 *   - `sh`/`bash` accept the login flag (`-l`, `--login`, and `-lc` combined), which just-bash lacks;
 *   - `find -printf` understands `%y`/`%Y` (the entry's type letter), which the provider's readdir reads;
 *   - `date` without an explicit date tells the mock's clock, not the host's;
 *   - `whoami` answers `root`, the user a RunTools sandbox runs commands as (HOME=/root).
 * Each wrapper delegates to just-bash's own command, which it takes from the Bash instance's
 * command table, and is registered as just-bash registers its own commands, so that it can hand
 * its context on unchanged (both private to just-bash 3.4.2, pinned in package.json; the shell's
 * tests fail if either moves).
 */
import { latin1FromBytes, type Bash, type Command } from "just-bash";
import type { Clock } from "../../common/clock.ts";

type Context = Parameters<Command["execute"]>[1];

/** Registers the mock's commands on a freshly built shell. */
export function installShellCommands(bash: Bash, clock: Clock): void {
  const internals = bash as unknown as { commands?: Map<string, Command>; registerBundledCommand?: (command: Command) => void };
  const builtin = (name: string): Command => {
    const command = internals.commands instanceof Map ? internals.commands.get(name) : undefined;
    if (!command) throw new Error(`just-bash has no built-in '${name}' to extend (the pinned version changed?)`);
    return command;
  };
  const register = (command: Command): void => {
    if (typeof internals.registerBundledCommand !== "function") throw new Error("just-bash's Bash changed shape: no registerBundledCommand");
    internals.registerBundledCommand.call(bash, command);
  };
  const sh = builtin("sh");
  const bashCmd = builtin("bash");
  const find = builtin("find");
  const date = builtin("date");

  register(command("nohup", async (args, ctx) => {
    if (args.length === 0) return { stdout: "", stderr: "nohup: missing operand\n", exitCode: 125 };
    return run(ctx, args.map(shellQuote).join(" "));
  }));
  register(command("sh", (args, ctx) => sh.execute(withoutLoginFlag(args), ctx)));
  register(command("bash", (args, ctx) => bashCmd.execute(withoutLoginFlag(args), ctx)));
  register(command("find", async (args, ctx) => {
    const { args: rewritten, typed } = withTypeDirective(args);
    const result = await find.execute(rewritten, ctx);
    return typed ? withStdout(result, typeLetters(result.stdout)) : result;
  }));
  register(command("date", (args, ctx) => date.execute(atClock(args, clock), ctx)));
  register(command("whoami", async () => ({ stdout: "root\n", stderr: "", exitCode: 0 })));
}

/** A command as just-bash's own are made (no `trusted` flag: it gets the context built-ins get). */
function command(name: string, execute: Command["execute"]): Command {
  return { name, execute };
}

/** A result with other output; just-bash checks the byte count it keeps beside the output. */
function withStdout(result: Awaited<ReturnType<Command["execute"]>>, stdout: string): Awaited<ReturnType<Command["execute"]>> {
  const accounting = (result as { internalOutputAccounting?: { stdout: number; stderr: number } }).internalOutputAccounting;
  return accounting ? ({ ...result, stdout, internalOutputAccounting: { ...accounting, stdout: Buffer.byteLength(stdout) } } as typeof result) : { ...result, stdout };
}

/** Runs a command line in the calling command's directory, environment and input. */
async function run(ctx: Context, line: string) {
  if (!ctx.exec) return { stdout: "", stderr: "nohup: cannot run commands here\n", exitCode: 126 };
  return ctx.exec(line, { cwd: ctx.cwd, env: Object.fromEntries(ctx.env), stdin: latin1FromBytes(ctx.stdin), stdinKind: "bytes" });
}

/** Quotes one word for the shell (POSIX single quotes). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `-l`, `--login` and the `l` of combined flags (`-lc`) are dropped: every shell here is a login shell. */
export function withoutLoginFlag(args: readonly string[]): string[] {
  const out: string[] = [];
  let options = true;
  for (const arg of args) {
    if (options && (arg === "-l" || arg === "--login")) continue;
    if (options && /^-[a-zA-Z]{2,}$/.test(arg) && arg.includes("l")) {
      out.push(`-${arg.slice(1).replace(/l/g, "")}`);
      continue;
    }
    if (!arg.startsWith("-") || arg === "-c" || arg === "--") options = false;
    out.push(arg);
  }
  return out;
}

const TYPE_OPEN = "\u0001Y";
const TYPE_CLOSE = "\u0001";

/** Rewrites `%y`/`%Y` of `-printf` formats into `%M` between markers that `typeLetters` resolves. */
export function withTypeDirective(args: readonly string[]): { args: string[]; typed: boolean } {
  let typed = false;
  const out = args.map((arg, index) => {
    if (index === 0 || (args[index - 1] !== "-printf" && args[index - 1] !== "-fprintf")) return arg;
    return arg.replace(/%%|%[yY]/g, (directive) => {
      if (directive === "%%") return directive;
      typed = true;
      return `${TYPE_OPEN}%M${TYPE_CLOSE}`;
    });
  });
  return { args: out, typed };
}

/** `drwxr-xr-x` → `d`, `lrwxrwxrwx` → `l`, `-rw-r--r--` → `f` (GNU find's letters). */
export function typeLetters(stdout: string): string {
  return stdout.replace(/\u0001Y(.)[^\u0001]*\u0001/g, (_, mode: string) => (mode === "-" ? "f" : mode));
}

/** `date` without `-d`, `-r` or `-s` shows the mock clock's now. */
export function atClock(args: readonly string[], clock: Clock): string[] {
  const explicit = args.some((arg) => /^(-[a-zA-Z]*[drs]|--date|--reference|--set)/.test(arg));
  if (explicit) return [...args];
  return ["-d", `@${Math.floor(clock.now().getTime() / 1000)}`, ...args];
}
