/**
 * `--persist` at scale (docs/persistence.md): persisted upserts against in-memory upserts of the
 * same state, start-up with a big persisted state, and what the files take on disk.
 *
 * - Seeds: one organization (the bench key's) with the sandbox, the seed agent and managed
 *   filler agents up to each level, built in-process and written as a `--data` document (filling
 *   100k agents through the API would take minutes, and at the level being measured it is the
 *   state that matters, not how it got there).
 * - At each level: a fresh mock with `--data seed` in memory, then a fresh one with
 *   `--data seed --persist <new file>`; each warmed up for a second, then upserts of the seed
 *   agent (an existing slug) with the bench's connections for `scaleSeconds`. Paired runs,
 *   seconds apart, one after the other: the ratio persisted ÷ in memory is the target.
 * - After the persisted run at the largest level: the bytes of every file of the persist
 *   directory against the exported state (`GET /__mock/state`), then the mock is stopped as an
 *   operator stops it (SIGTERM, waiting for it to exit: a clean stop folds the log into the
 *   snapshot, seconds at 100k agents, longer than the 3 s the other runs allow before SIGKILL) and
 *   started again on that directory alone; start-up = spawn → first 200 from /health, and the
 *   agents it lists must be the level's count.
 *
 * Runnable alone: `npx tsx scripts/bench/persistence.ts [--smoke]` (`BENCH_LEVELS=1000,10000` for other sizes).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bufferedBody } from "../../src/core/http-types.ts";
import { createMock } from "../../src/mock.ts";
import { exportState, type StateDocument } from "../../src/stateful/snapshot.ts";
import { API_KEY, configFrom, fillerAgent, OP_REQUESTS, SANDBOX_BODY, UPSERT_BODY, type BenchConfig } from "./config.ts";
import { runOp, send, type LoadResult } from "./load.ts";
import type { PersistLevel, PersistSection } from "./results.ts";
import { ratio } from "./results.ts";
import { pinSelf, sleep, startServer, stopAll } from "./servers.ts";

/** The targets of this section (issue "Durable state that scales"). */
export const PERSIST_TARGETS = { shareOfMemory: 0.25, flat: 0.8, startMs: 2000, diskMultiple: 3 } as const;

export async function measurePersistence(config: BenchConfig, logDir: string, failures: string[], log: (line: string) => void): Promise<PersistSection> {
  const levels: PersistLevel[] = [];
  let start: PersistSection["start"] = null;
  let disk = null as PersistSection["disk"];
  const top = config.scaleLevels.at(-1);
  for (const agents of config.scaleLevels) {
    const seed = join(logDir, `seed-${agents}.json`);
    writeFileSync(seed, JSON.stringify(await seedDocument(agents)));
    const memory = await upserts(config, logDir, ["--data", seed], failures, `in memory, ${agents} agents`);
    const directory = mkdtempSync(join(logDir, `persist-${agents}-`));
    const file = join(directory, "state.json");
    let stopMs = 0;
    const persisted = await upserts(config, logDir, ["--data", seed, "--persist", file], failures, `--persist, ${agents} agents`, async (url) => {
      if (agents !== top) return;
      const exported = await send(url, { method: "GET", path: "/__mock/state", headers: {} });
      disk = { exportedBytes: Buffer.byteLength(exported.text), fileBytes: directoryBytes(directory), files: readdirSync(directory) };
    }, (ms) => (stopMs = ms));
    levels.push({ agents, memory, persisted, share: memory.ok && persisted.ok ? ratio(persisted.rps, memory.rps) : null });
    log(`${agents.toLocaleString("en-US").padStart(7)} agents: upsert in memory ${memory.rps} req/s, --persist ${persisted.rps} req/s (p50 ${persisted.p50Ms} ms, p99 ${persisted.p99Ms} ms)`);
    if (agents === top) {
      const logRecords = readFileSync(`${file}.wal`, "utf8").split("\n").filter(Boolean).length - 1;
      if (logRecords !== 0) failures.push(`the --persist mock at ${agents} agents stopped without folding its log (${logRecords} records left): not a clean stop`);
      const restarted = await startServer("mock", logDir, undefined, ["--persist", file]);
      try {
        const listed = await send(restarted.url, { method: "GET", path: "/__mock/state", headers: {} });
        const count = listed.status === 200 ? ((JSON.parse(listed.text) as { organizations: { agents: unknown[] }[] }).organizations[0]?.agents.length ?? 0) : 0;
        if (count !== agents) failures.push(`restart with ${agents} persisted agents: it holds ${count}`);
        start = { agents, ms: Math.round(restarted.startMs), fileBytes: directoryBytes(directory), stopMs: Math.round(stopMs), logRecords };
        log(`start-up with ${agents.toLocaleString("en-US")} persisted agents: ${start.ms} ms (after a clean stop of ${start.stopMs} ms); on disk ${mb(disk?.fileBytes)} MB after the load, exported state ${mb(disk?.exportedBytes)} MB`);
      } finally {
        await restarted.stop();
      }
    }
    rmSync(directory, { recursive: true, force: true });
    rmSync(seed, { force: true });
  }
  const first = levels[0];
  const last = levels.at(-1);
  const flatness = first && last && first.persisted.ok && last.persisted.ok ? ratio(last.persisted.rps, first.persisted.rps) : null;
  return { levels, flatness, start, disk };
}

/**
 * A fresh mock with `args`, warmed up, then one upsert run; `after` sees it before it stops.
 * `stopped`: the mock is given all the time it takes to stop cleanly, and told how long that was.
 */
async function upserts(
  config: BenchConfig,
  logDir: string,
  args: string[],
  failures: string[],
  label: string,
  after?: (url: string) => Promise<void>,
  stopped?: (ms: number) => void,
): Promise<LoadResult> {
  const mock = await startServer("mock", logDir, undefined, args);
  let cleanly = false;
  try {
    const warm = await runOp(mock.url, mock.pid, "upsert", config.connections, Math.min(1, config.warmupSeconds));
    if (!warm.ok) failures.push(`persistence warm-up, ${label}: ${warm.problem}`);
    const result = await runOp(mock.url, mock.pid, "upsert", config.connections, config.scaleSeconds);
    if (!result.ok) failures.push(`persistence, ${label}: ${result.problem}`);
    await after?.(mock.url);
    await sleep(250);
    cleanly = stopped !== undefined;
    return result;
  } finally {
    const since = performance.now();
    await mock.stop(cleanly ? CLEAN_STOP_GRACE_MS : undefined);
    if (cleanly) stopped?.(performance.now() - since);
  }
}

/** How long a clean stop may take before the bench gives up on it (SIGKILL): far longer than one takes. */
const CLEAN_STOP_GRACE_MS = 60_000;

/** The bench organization with the sandbox, the seed agent and filler agents, `agents` in all. */
export async function seedDocument(agents: number): Promise<StateDocument> {
  const mock = createMock({ journalSize: 0 });
  const call = async (path: string, body: unknown) => {
    const answer = await mock.handle({
      method: "POST",
      path,
      query: new URLSearchParams(),
      headers: { "content-type": "application/json", "x-api-key": API_KEY },
      body: bufferedBody(JSON.stringify(body)),
      baseUrl: "http://127.0.0.1:4010",
      peer: { kind: "in-process" as const },
    });
    if (answer.status !== 201) throw new Error(`seeding: POST ${path} answered ${answer.status}`);
  };
  await call("/v1/sandboxes", SANDBOX_BODY);
  await call("/v1/agents", UPSERT_BODY);
  await call("/v1/agents", fillerAgent(1));
  const document = exportState(mock.state, new Date());
  const org = document.organizations[0];
  const template = org?.agents[1];
  if (!org || !template) throw new Error("seeding: the bench organization was not stored");
  // The first filler went through the API; the others are copies of it under their own slug and id.
  for (let n = 2; n < agents; n++) {
    const { slug, name } = fillerAgent(n);
    org.agents.push({ ...template, slug, name, id: `agt_${n.toString(36).padStart(16, "0")}` });
  }
  return document;
}

function directoryBytes(directory: string): number {
  let total = 0;
  for (const name of readdirSync(directory)) total += statSync(join(directory, name)).size;
  return total;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? "?" : (bytes / 1024 / 1024).toFixed(1));

// Alone: `npx tsx scripts/bench/persistence.ts [--smoke]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const base = configFrom(process.argv.slice(2));
  // BENCH_LEVELS=1000,10000 measures other sizes (a quicker before/after comparison).
  const config = process.env.BENCH_LEVELS ? { ...base, scaleLevels: process.env.BENCH_LEVELS.split(",").map(Number) } : base;
  pinSelf();
  const logDir = mkdtempSync(join(tmpdir(), "bench-persist-"));
  mkdirSync(logDir, { recursive: true });
  const failures: string[] = [];
  try {
    const section = await measurePersistence(config, logDir, failures, (line) => console.log(line));
    console.log(JSON.stringify({ ...section, levels: section.levels.map((l) => ({ agents: l.agents, memory: l.memory.rps, persisted: l.persisted.rps, share: l.share })) }, null, 2));
  } finally {
    await stopAll();
    if (failures.length > 0) console.log(`failures:\n${failures.join("\n")}\nlogs in ${logDir}`);
    else rmSync(logDir, { recursive: true, force: true });
  }
}
