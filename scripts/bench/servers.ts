/**
 * The servers under test as child processes, each pinned to CPU 0 with `taskset -c 0 node …`
 * (taskset execs, so the child's pid is node's own), the load generator (this process) pinned to
 * CPU 1, and what /proc says about them: RSS, peak RSS, CPU affinity of every thread.
 *
 * Every child is tracked and killed on the way out, whatever the way out is (see killAllNow).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import { request } from "node:http";
import { writeBundledSpec } from "../bundle-spec.ts";
import { freePort } from "../free-port.ts";
import { join } from "node:path";
import { ROOT } from "./config.ts";

export type ServerKind = "mock" | "prism" | "prism-warn" | "mockoon" | "bare";

export const SERVER_LABELS: Record<ServerKind, string> = {
  mock: "runtools-mock",
  prism: "Prism 5.14.2 (default)",
  "prism-warn": "Prism 5.14.2 (-v warn)",
  mockoon: "Mockoon CLI 9.9.0",
  bare: "bare node:http",
};

const MOCK_BIN = join(ROOT, "bin/runtools-mock.js");
const PRISM_BIN = join(ROOT, "node_modules/.bin/prism");
const MOCKOON_BIN = join(ROOT, "node_modules/.bin/mockoon-cli");
const SPEC = join(ROOT, "spec/openapi.yaml");
const BARE = join(ROOT, "scripts/bench/bare-server.ts");
const TASKSET = "taskset";

/** CPU of the servers and of the load generator. */
export const SERVER_CPU = 0;
export const LOAD_CPU = 1;

/** Whether servers are spawned under taskset; decided once by pinSelf(). */
let pinning = false;

/**
 * Mockoon reads its OpenAPI document as one text and resolves only http(s) `$ref`s: given
 * spec/openapi.yaml, whose paths and schemas live in other files, it starts with no route at all
 * (every request a 404). So it is given the spec bundled into one JSON document (the same bundle
 * the mock and the generated types read), written once into the bench's temporary directory.
 * Answers its path.
 */
export function mockoonData(logDir: string): string {
  const file = join(logDir, "openapi.bundled.json");
  if (!existsSync(file)) writeBundledSpec(file);
  return file;
}

/**
 * The node arguments of one server on `port` (what a user would type after `node`). `dataFile` is
 * the bare server's canned answers, or Mockoon's one-file spec (mockoonData).
 */
export function serverArgs(kind: ServerKind, port: number | "PORT", dataFile?: string, extraArgs: readonly string[] = []): string[] {
  switch (kind) {
    case "mock":
      // Request validation is always on; --validate-responses adds response validation (issue (a)).
      // Everything else stays at its default, the request journal included (the persistence phase
      // adds --data and --persist).
      return [MOCK_BIN, "--port", String(port), "--validate-responses", ...extraArgs];
    case "prism":
      return [PRISM_BIN, "mock", "-p", String(port), "-h", "127.0.0.1", SPEC];
    case "prism-warn":
      return [PRISM_BIN, "mock", "-p", String(port), "-h", "127.0.0.1", "-v", "warn", SPEC];
    case "mockoon":
      if (dataFile === undefined) throw new Error("Mockoon needs the bundled spec (mockoonData)");
      // --disable-log-to-file: its default writes every log line twice, to stdout and to a file
      // under ~/.mockoon-cli/logs; stdout alone is what the other servers get. Its one JSON line
      // per request stays (no flag or level turns it off), as Prism's default does. No --watch:
      // file polling is off by default.
      return [MOCKOON_BIN, "start", "--data", dataFile, "--port", String(port), "--hostname", "127.0.0.1", "--disable-log-to-file"];
    case "bare":
      if (dataFile === undefined) throw new Error("the bare server needs the canned answers file");
      return ["--import", "tsx", BARE, "--port", String(port), "--canned", dataFile];
  }
}

/** The full command line a server is started with, for the report (paths relative to the repository). */
export function commandLine(kind: ServerKind, port: number | "PORT", dataFile?: string, extraArgs: readonly string[] = []): string {
  const args = serverArgs(kind, port, dataFile, extraArgs).map((arg) => (arg.startsWith(ROOT) ? arg.slice(ROOT.length) : arg));
  return [...(pinning ? [TASKSET, "-c", String(SERVER_CPU)] : []), "node", ...args].join(" ");
}

const children = new Set<ChildProcess>();

/**
 * Pins this process, every thread of it (`-a`: taskset -p alone moves only the main thread, not
 * V8's and libuv's), to the load generator's CPU. Answers whether it worked and what taskset said;
 * when it fails, servers are spawned unpinned too, and the report says so.
 */
export function pinSelf(): { pinned: boolean; detail: string } {
  if (process.platform !== "linux") return { pinned: false, detail: `not Linux (${process.platform}): no taskset` };
  const result = spawnSync(TASKSET, ["-a", "-p", "-c", String(LOAD_CPU), String(process.pid)], { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    return { pinned: false, detail: `taskset failed: ${result.error?.message ?? result.stderr.trim()}` };
  }
  const cpus = threadAffinity(process.pid);
  if (cpus.length !== 1 || cpus[0] !== String(LOAD_CPU)) return { pinned: false, detail: `taskset ran but the threads are on CPUs ${cpus.join(" | ")}` };
  pinning = true;
  return { pinned: true, detail: `load generator pid ${process.pid} on CPU ${LOAD_CPU}, servers on CPU ${SERVER_CPU}` };
}

/** The distinct `Cpus_allowed_list` values of every thread of `pid` (one value when all agree). */
export function threadAffinity(pid: number): string[] {
  const values = new Set<string>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const status = readFileSync(`/proc/${pid}/task/${tid}/status`, "utf8");
      const match = /Cpus_allowed_list:\s*(\S+)/.exec(status);
      if (match) values.add(match[1] as string);
    }
  } catch {
    // The process is gone or /proc is missing: no answer rather than a wrong one.
  }
  return [...values];
}

/** Resident and peak resident memory of `pid` in MB, from /proc/<pid>/status (Linux). */
export function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { rssMb: round1(kb("VmRSS") / 1024), peakRssMb: round1(kb("VmHWM") / 1024) };
}

/** CPU seconds (user + system, every thread) `pid` has used so far, from /proc/<pid>/stat; NaN when unreadable. */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces: count the fields after its closing parenthesis,
    // where field 3 (state) is index 0, so utime (14) and stime (15) are 11 and 12.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Per CPU, the busy and total ticks so far, from /proc/stat ("cpu0", "cpu1", …). */
export function cpuTicks(): Map<string, { busy: number; total: number }> {
  const ticks = new Map<string, { busy: number; total: number }>();
  try {
    for (const line of readFileSync("/proc/stat", "utf8").split("\n")) {
      if (!/^cpu\d/.test(line)) continue;
      const [name, ...fields] = line.split(/\s+/);
      const values = fields.map(Number);
      const total = values.reduce((a, b) => a + b, 0);
      // idle and iowait are the only ticks the CPU was free for something else.
      ticks.set(name as string, { busy: total - (values[3] ?? 0) - (values[4] ?? 0), total });
    }
  } catch {
    // Not Linux: no per-CPU figures.
  }
  return ticks;
}

/** Busy % of each CPU between two cpuTicks() readings. */
export function cpuBusyPercent(before: ReturnType<typeof cpuTicks>, after: ReturnType<typeof cpuTicks>): Record<string, number> {
  const busy: Record<string, number> = {};
  for (const [name, b] of after) {
    const a = before.get(name);
    if (a && b.total > a.total) busy[name] = Math.round(((b.busy - a.busy) / (b.total - a.total)) * 100);
  }
  return busy;
}

/**
 * CPU seconds used so far by this process and every server it started, running or exited: its own
 * and its reaped children's times from /proc/self/stat (utime, stime, cutime, cstime), plus the
 * children still running. The bench's own share of the machine.
 */
export function ownCpuSeconds(): number {
  let total = 0;
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    total = (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
  } catch {
    const self = process.cpuUsage();
    total = (self.user + self.system) / 1e6;
  }
  for (const child of children) if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) total += cpuSecondsOf(child.pid) || 0;
  return total;
}

/** What the machine did between two moments: per-CPU busy % and the share of it that was not the bench's. */
export interface MachineSnapshot {
  ticks: ReturnType<typeof cpuTicks>;
  own: number;
  at: number;
}

export function machineSnapshot(): MachineSnapshot {
  return { ticks: cpuTicks(), own: ownCpuSeconds(), at: performance.now() };
}

/**
 * Busy % of each CPU, and the CPU other processes used (% of one core: busy time on all CPUs minus
 * the bench's own processes). Another tenant of the machine, a test run, a build: its numbers are
 * then disturbed, and the report says so rather than guessing.
 */
export function machineDelta(before: MachineSnapshot, after: MachineSnapshot): { cpuBusyPercent: Record<string, number>; foreignCpuPercent: number | null } {
  const wall = (after.at - before.at) / 1000;
  let busyTicks = 0;
  for (const [name, b] of after.ticks) busyTicks += b.busy - (before.ticks.get(name)?.busy ?? b.busy);
  const foreign = after.ticks.size === 0 || wall <= 0 ? null : Math.max(0, Math.round(((busyTicks / CLOCK_TICKS - (after.own - before.own)) / wall) * 100));
  return { cpuBusyPercent: cpuBusyPercent(before.ticks, after.ticks), foreignCpuPercent: foreign };
}

/** Kernel clock ticks per second (the unit of /proc/<pid>/stat times); 100 on every usual Linux. */
const CLOCK_TICKS = (() => {
  const result = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const ticks = Number(result.stdout?.trim());
  return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
})();

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A started server process (not necessarily answering yet). */
export interface ServerProcess {
  kind: ServerKind;
  port: number;
  url: string;
  pid: number;
  child: ChildProcess;
  command: string;
  logFile: string;
  /** The last bytes the process wrote (stdout and stderr go to logFile). */
  logTail(bytes?: number): string;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
  /** SIGTERM, SIGKILL after `graceMs` (3 s by default); resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns one server on `port`. Its stdout and stderr go to a file, so that Prism's per-request
 * log lines cost Prism the write (as they would to a terminal or a log file) and cost the load
 * generator nothing: no pipe for this process to drain on CPU 1.
 */
export function spawnServer(kind: ServerKind, port: number, logDir: string, dataFile?: string, extraArgs: readonly string[] = []): ServerProcess {
  const args = serverArgs(kind, port, dataFile, extraArgs);
  const logFile = join(logDir, `${kind}-${port}-${Date.now()}.log`);
  const fd = openSync(logFile, "a");
  const child = pinning
    ? spawn(TASKSET, ["-c", String(SERVER_CPU), process.execPath, ...args], { cwd: ROOT, stdio: ["ignore", fd, fd] })
    : spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", fd, fd] });
  closeSync(fd); // the child holds its own copy
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => children.delete(child));
  if (child.pid === undefined) throw new Error(`could not spawn ${kind}`);
  const stop = async (graceMs = 3000) => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    }
  };
  const logTail = (bytes = 2000) => {
    try {
      const text = readFileSync(logFile, "utf8");
      return text.slice(-bytes);
    } catch {
      return "";
    }
  };
  return { kind, port, url: `http://127.0.0.1:${port}`, pid: child.pid, child, command: commandLine(kind, port, dataFile, extraArgs), logFile, logTail, exited, stop };
}

/**
 * One GET on a fresh connection (no keep-alive pool that would outlive a killed server): the status
 * (0 on any error or timeout) and whether the TCP connection was accepted at all.
 */
export function probe(url: string, timeoutMs: number): Promise<{ status: number; connected: boolean }> {
  return new Promise((resolve) => {
    let connected = false;
    const req = request(url, { agent: false, timeout: timeoutMs, headers: { Connection: "close" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, connected: true }));
      res.on("error", () => resolve({ status: 0, connected: true }));
    });
    req.on("socket", (socket) => socket.once("connect", () => (connected = true)));
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve({ status: 0, connected }));
    req.end();
  });
}

/** When a server answered: the first 200 from /health, and the first accepted connection before it (ms from the spawn). */
export interface Healthy {
  ms: number;
  firstConnectMs: number;
  polls: number;
}

/**
 * Polls `GET /health` every `intervalMs` until it answers 200, timing from `since` (a
 * performance.now() taken just before the spawn). Rejects when the process exits first or
 * `timeoutMs` passes.
 */
export async function waitHealthy(server: ServerProcess, since: number, timeoutMs = 60_000, intervalMs = 10): Promise<Healthy> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  let firstConnectMs = Number.NaN;
  for (let polls = 1; ; polls++) {
    const { status, connected } = await probe(`${server.url}/health`, 250);
    const now = performance.now() - since;
    if (connected && Number.isNaN(firstConnectMs)) firstConnectMs = now;
    if (status === 200) return { ms: now, firstConnectMs, polls };
    if (gone) throw new Error(`${SERVER_LABELS[server.kind]} exited before answering /health:\n${server.logTail()}`);
    if (now > timeoutMs) throw new Error(`${SERVER_LABELS[server.kind]} did not answer /health with 200 within ${timeoutMs} ms:\n${server.logTail()}`);
    await sleep(intervalMs);
  }
}

/** What the report says about a running server's process: is the pid node's, and where it runs. */
export interface ProcessFacts {
  pid: number;
  /** /proc/<pid>/exe is this node binary (so taskset has exec'ed, and RSS is node's, not taskset's). */
  isNode: boolean;
  exe: string;
  /** Cpus_allowed_list of its threads. */
  cpus: string[];
}

export function processFacts(pid: number): ProcessFacts {
  let exe = "";
  try {
    exe = readlinkSync(`/proc/${pid}/exe`);
  } catch {
    exe = "?";
  }
  return { pid, isNode: exe === realpathSync(process.execPath), exe, cpus: threadAffinity(pid) };
}

/** Spawns a server, waits for /health, checks the pid is node and pinned; stops it again on failure. */
export async function startServer(kind: ServerKind, logDir: string, dataFile?: string, extraArgs: readonly string[] = []): Promise<ServerProcess & { facts: ProcessFacts; startMs: number }> {
  const port = await freePort();
  const since = performance.now();
  const server = spawnServer(kind, port, logDir, dataFile, extraArgs);
  try {
    const healthy = await waitHealthy(server, since);
    const facts = processFacts(server.pid);
    if (!facts.isNode) throw new Error(`pid ${server.pid} of ${kind} is ${facts.exe}, not node: RSS would be the wrong process's`);
    if (pinning && (facts.cpus.length !== 1 || facts.cpus[0] !== String(SERVER_CPU))) throw new Error(`${kind} is not pinned to CPU ${SERVER_CPU}: ${facts.cpus.join(" | ")}`);
    return { ...server, facts, startMs: healthy.ms };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Stops every child still running (SIGTERM, then SIGKILL), in parallel. */
export async function stopAll(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
          child.once("exit", () => (clearTimeout(timer), resolve()));
          child.kill("SIGTERM");
        }),
    ),
  );
}

/** Synchronous last resort (process 'exit', a signal): SIGKILL every child still running. */
export function killAllNow(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
