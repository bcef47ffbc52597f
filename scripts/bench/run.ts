/**
 * `npm run bench`: this mock against Prism 5.14.2 (default and `-v warn`), Mockoon CLI 9.9.0 and a
 * bare node:http server on the same two operations, then cold start, memory under traffic and with 100k agents,
 * and the targets judged from this one run. A report, never a test: it exits 0 when a
 * target is missed (the report says which and why), 1 when a run failed (errors or non-2xx
 * answers, a server that did not start), 2 on a bad argument.
 *
 *   npm run bench                 the full run (a few minutes), reports/bench.json
 *   npm run bench -- --smoke      the same code paths at tiny sizes (CI), reports/bench-smoke.json
 *   BENCH_ROUNDS, BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS, BENCH_COLD_RUNS,
 *   BENCH_SCALE_SECONDS override the full run's sizes.
 *
 * Servers run on CPU 0, this process (autocannon) on CPU 1. Method: scripts/bench/README.md.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir, totalmem } from "node:os";
import { dirname, join, relative } from "node:path";
import { measureColdStart } from "./coldstart.ts";
import { ROOT, configFrom, type BenchConfig } from "./config.ts";
import { measureRss, measureScale } from "./memory.ts";
import { measurePersistence } from "./persistence.ts";
import { measureSandboxes } from "./sandbox-exec.ts";
import { formatReport } from "./report.ts";
import type { BenchResults } from "./results.ts";
import { killAllNow, machineDelta, machineSnapshot, pinSelf, stopAll, threadAffinity } from "./servers.ts";
import { evaluateTargets } from "./targets.ts";
import { measureThroughput } from "./throughput.ts";

/** Progress goes to stderr, so that stdout holds the report alone. */
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** How this run was started, as a user would retype it. */
function commandOf(config: BenchConfig): string {
  const overrides = Object.entries(process.env)
    .filter(([name]) => name.startsWith("BENCH_"))
    .map(([name, value]) => `${name}=${value}`);
  const base = process.env.npm_lifecycle_event === "bench" ? `npm run bench${config.smoke ? " -- --smoke" : ""}` : ["node", ...process.execArgv, relative(ROOT, process.argv[1] ?? ""), ...process.argv.slice(2)].join(" ");
  return [...(config.smoke ? [] : overrides), base].join(" ");
}

async function main(): Promise<number> {
  let config: BenchConfig;
  try {
    config = configFrom(process.argv.slice(2));
  } catch (error) {
    console.error(`bench: ${(error as Error).message}`);
    return 2;
  }

  const logDir = mkdtempSync(join(tmpdir(), "rtm-bench-"));
  // Any way out kills the servers: a normal end (finally below), an exception, Ctrl-C.
  process.once("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the servers`);
      killAllNow();
      rmSync(logDir, { recursive: true, force: true });
      process.exit(130);
    });
  }

  const pinning = pinSelf();
  log(pinning.pinned ? pinning.detail : `running UNPINNED: ${pinning.detail}`);
  const cpu = cpus();
  const results: BenchResults = {
    kind: config.smoke ? "smoke" : "full",
    command: commandOf(config),
    startedAt: new Date().toISOString(),
    machine: { cpu: cpu[0]?.model ?? "unknown", cores: cpu.length, node: process.version, platform: process.platform, release: release(), totalMemoryMb: Math.round(totalmem() / 1024 / 1024), loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100) },
    pinning: { ...pinning, loadGeneratorCpus: threadAffinity(process.pid) },
    config,
    targets: [],
    failures: [],
    notes: [],
    phaseSeconds: {},
    phaseForeignCpuPercent: {},
  };
  if (!pinning.pinned) results.notes.push(`UNPINNED: ${pinning.detail}; servers and load generator compete for the same cores`);

  /** One phase; its failure is recorded (and its targets reported as not measured), the others still run. */
  async function phase<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    const machine = machineSnapshot();
    try {
      return await run();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.failures.push(`${name}: ${message}`);
      log(`${name} FAILED: ${message}`);
      return undefined;
    } finally {
      // A phase that threw may have left a server behind.
      await stopAll();
      results.phaseSeconds[name] = Math.round((performance.now() - started) / 100) / 10;
      const foreign = machineDelta(machine, machineSnapshot()).foreignCpuPercent;
      results.phaseForeignCpuPercent[name] = foreign;
      if (foreign !== null && foreign >= 10) results.notes.push(`during the ${name} phase other processes on the machine used ${foreign}% of a core on average: its numbers are disturbed`);
    }
  }

  try {
    const throughput = await phase("throughput", () => measureThroughput(config, logDir, results.failures, log));
    if (throughput) results.throughput = throughput;
    const coldStart = await phase("cold start", () => measureColdStart(config, logDir, log));
    if (coldStart) results.coldStart = coldStart;
    const rss = await phase("RSS", () => measureRss(config, logDir, results.failures, log));
    if (rss) results.rss = rss;
    const scale = await phase("scale", () => measureScale(config, logDir, results.failures, log));
    if (scale) results.scale = scale;
    const persistence = await phase("persistence", () => measurePersistence(config, logDir, results.failures, log));
    if (persistence) results.persistence = persistence;
    const sandboxes = await phase("sandboxes", () => measureSandboxes(config, logDir, log));
    if (sandboxes) results.sandboxes = sandboxes;
  } finally {
    await stopAll();
  }

  results.targets = evaluateTargets(results);
  results.finishedAt = new Date().toISOString();
  if (results.failures.length > 0) results.notes.push(`server logs kept in ${logDir}`);
  else rmSync(logDir, { recursive: true, force: true });
  mkdirSync(dirname(config.output), { recursive: true });
  writeFileSync(config.output, JSON.stringify(results, null, 2) + "\n");
  console.log(formatReport(results));
  console.log(`\nfull results: ${relative(ROOT, config.output)}`);
  return results.failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
