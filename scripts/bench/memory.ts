/**
 * Memory of the mock under traffic, and with a large organization:
 *
 * - RSS: a fresh mock (the same flags as the throughput runs), the sandbox and agent set up, then
 *   requests alternating upsert and get (each connection alternates, so exactly half and half);
 *   RSS read ~1 s after the first checkpoint and after the second. Upserts of one slug and gets
 *   keep the state the same size, so what grows is the mock's own overhead per request (the
 *   journal is bounded at 1000 entries by default).
 * - Scale: a fresh mock, one organization (one key), filled with agents through the API up to
 *   each level; at each level RSS after ~1 s, then upsert of one existing slug, get of it, and the
 *   first page of the list, each a short autocannon run.
 */
import { OP_REQUESTS, SANDBOX_BODY, UPSERT_BODY, type BenchConfig } from "./config.ts";
import { fillAgents, post, runLoad, runOp, send, type LoadResult } from "./load.ts";
import type { RssSection, ScaleLevel, ScaleSection } from "./results.ts";
import { ratio } from "./results.ts";
import { memoryOf, sleep, startServer } from "./servers.ts";

/** Time for the post-run garbage collection and freed pages before RSS is read. */
const SETTLE_MS = 1000;
/** "Flat": req/s at the largest level at least this share of req/s at the smallest. */
export const FLAT_THRESHOLD = 0.8;

export async function measureRss(config: BenchConfig, logDir: string, failures: string[], log: (line: string) => void): Promise<RssSection> {
  const mock = await startServer("mock", logDir);
  try {
    await post(mock.url, "/v1/sandboxes", SANDBOX_BODY, [201]);
    await post(mock.url, "/v1/agents", UPSERT_BODY, [201]);
    const [first, second] = config.rssCheckpoints;
    const readings: RssSection["readings"] = [];
    let sent = 0;
    for (const checkpoint of [first, second]) {
      const load = await runLoad({ url: mock.url, serverPid: mock.pid, requests: [OP_REQUESTS.upsert, OP_REQUESTS.get], connections: config.connections, amount: checkpoint - sent });
      sent = checkpoint;
      if (!load.ok) failures.push(`RSS run up to ${checkpoint} requests: ${load.problem}`);
      await sleep(SETTLE_MS);
      const memory = memoryOf(mock.pid);
      readings.push({ afterRequests: checkpoint, ...memory, load });
      log(`RSS after ${checkpoint.toLocaleString("en-US")} requests: ${memory.rssMb} MB (peak ${memory.peakRssMb} MB; ${load.rps} req/s)`);
    }
    const [a, b] = readings;
    const growth = a && b ? ratio(b.rssMb - a.rssMb, a.rssMb) : null;
    return { command: mock.command, checkpoints: [first, second], readings, growthPercent: growth === null ? null : Math.round(growth * 1000) / 10 };
  } finally {
    await mock.stop();
  }
}

export async function measureScale(config: BenchConfig, logDir: string, failures: string[], log: (line: string) => void): Promise<ScaleSection> {
  const mock = await startServer("mock", logDir);
  try {
    // The seed agent counts as agent 1; the fillers bring the organization to each level exactly.
    await post(mock.url, "/v1/sandboxes", SANDBOX_BODY, [201]);
    await post(mock.url, "/v1/agents", UPSERT_BODY, [201]);
    // A fresh process runs its first requests unoptimised: warm the three operations up first, or
    // the smallest level would be measured cold and any slowdown with size hidden.
    for (const op of ["upsert", "get", "list"] as const) {
      const warm = await runOp(mock.url, mock.pid, op, config.connections, config.warmupSeconds);
      if (!warm.ok) failures.push(`scale warm-up, ${op}: ${warm.problem}`);
    }
    let agents = 1;
    const levels: ScaleLevel[] = [];
    for (const level of config.scaleLevels) {
      const fillSeconds = await fillAgents(mock.url, agents, level, config.connections);
      agents = level;
      await sleep(SETTLE_MS);
      const memory = memoryOf(mock.pid);
      const page = await send(mock.url, OP_REQUESTS.list);
      const items = page.status === 200 ? ((JSON.parse(page.text) as { data?: unknown[] }).data?.length ?? 0) : 0;
      if (page.status !== 200 || items !== Math.min(20, level)) failures.push(`scale ${level}: the first list page answered ${page.status} with ${items} items, expected 200 with ${Math.min(20, level)}`);
      const runs = {} as Record<"upsert" | "get" | "list", LoadResult>;
      for (const op of ["upsert", "get", "list"] as const) {
        const result = await runOp(mock.url, mock.pid, op, config.connections, config.scaleSeconds);
        runs[op] = result;
        if (!result.ok) failures.push(`scale ${level} agents, ${op}: ${result.problem}`);
        await sleep(250);
      }
      levels.push({ agents: level, fillSeconds: Math.round(fillSeconds * 10) / 10, ...memory, listPageItems: items, runs });
      log(
        `${level.toLocaleString("en-US").padStart(7)} agents (filled in ${fillSeconds.toFixed(1)} s): RSS ${memory.rssMb} MB; ` +
          (["upsert", "get", "list"] as const).map((op) => `${op} ${runs[op].rps} req/s p50 ${runs[op].p50Ms} p99 ${runs[op].p99Ms}`).join("; "),
      );
    }
    const first = levels[0];
    const last = levels.at(-1);
    const flat = (op: "upsert" | "get" | "list") => (first && last && first.runs[op].ok && last.runs[op].ok ? ratio(last.runs[op].rps, first.runs[op].rps) : null);
    return { command: mock.command, levels, flatness: { upsert: flat("upsert"), get: flat("get"), list: flat("list") }, flatThreshold: FLAT_THRESHOLD };
  } finally {
    await mock.stop();
  }
}
