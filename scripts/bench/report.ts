/**
 * The printed report: what ran where, the throughput table with the ratios, cold start, memory,
 * scale, then every target with ✓/✗ and a plain "NOT MET" line for each one missed.
 */
import type { BenchResults } from "./results.ts";
import { SERVER_LABELS } from "./servers.ts";
import { formatValue, short } from "./targets.ts";

const n = (value: number | null | undefined) => (value === null || value === undefined ? "—" : value.toLocaleString("en-US"));
const x = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${value.toFixed(2)}×`);

/** Rows of cells as left-aligned columns (right-aligned where `right[i]`). */
function table(rows: string[][], right: boolean[] = []): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) => "  " + row.map((cell, i) => (right[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join("  ").trimEnd()).join("\n");
}

export function formatReport(results: BenchResults): string {
  const out: string[] = [];
  const c = results.config;
  out.push(`runtools-mock benchmark (${results.kind}), ${results.startedAt}`);
  if (results.kind === "smoke") out.push("SMOKE RUN: tiny sizes to keep the harness working; its numbers judge nothing.");
  out.push(`command:  ${results.command}`);
  out.push(`machine:  ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.totalMemoryMb} MB, node ${results.machine.node}, ${results.machine.platform} ${results.machine.release}; load average at start ${results.machine.loadAverageAtStart.join(" ")}`);
  out.push(
    results.pinning.pinned
      ? `pinning:  servers on CPU 0 (taskset -c 0), load generator (autocannon in this process) on CPU 1; threads checked in /proc`
      : `pinning:  NONE (UNPINNED: ${results.pinning.detail}); servers and load generator share the cores`,
  );
  out.push(`sizes:    ${c.rounds} round(s) × ${c.seconds} s per server and operation after a ${c.warmupSeconds} s warm-up, ${c.connections} connections; ${c.coldRuns} cold starts; RSS after ${short(c.rssCheckpoints[0])} and ${short(c.rssCheckpoints[1])} requests; scale at ${c.scaleLevels.map(short).join(", ")} agents, ${c.scaleSeconds} s per run`);
  if (c.rounds < 3 && !c.smoke) out.push("NOTE: fewer than 3 rounds (BENCH_ROUNDS); the issue asks for at least 3.");

  const t = results.throughput;
  if (t) {
    out.push("", "Servers");
    out.push(table(t.servers.map((s) => [s.label, `pid ${s.process.pid}`, `CPU ${s.process.cpus.join("|")}`, s.command])));
    out.push("", `Throughput: medians of ${c.rounds} round(s); ratios are this mock ÷ that server, the median of the per-round ratios (ratio of the medians in brackets)`);
    const rows: string[][] = [["op", "server", "req/s", "p50 ms", "p99 ms", "mock ÷ this (req/s)", "CPU server/load", "req/s per round"]];
    for (const op of ["upsert", "get"] as const) {
      for (const pair of t.pairs.filter((p) => p.op === op)) {
        const r = t.ratios.find((q) => q.op === op && q.versus === pair.server);
        rows.push([
          op,
          SERVER_LABELS[pair.server],
          n(pair.medianRps),
          n(pair.medianP50Ms),
          n(pair.medianP99Ms),
          r ? `${x(r.medianOfRoundRatios)} (${x(r.ratioOfMedians)})` : "",
          `${n(pair.medianServerCpuPercent)}% / ${n(pair.medianLoadGeneratorCpuPercent)}%`,
          pair.rounds.map((run) => (run.ok ? n(run.rps) : "FAILED")).join(", "),
        ]);
      }
    }
    out.push(table(rows, [false, false, true, true, true, false, true, false]));
    out.push("  CPU: % of one core during the run (median), the server's and the load generator's; a load generator near 100% means the server's req/s is a floor. Latency: every 2xx answer, as autocannon times it.");
    if (t.pairs.some((p) => p.server === "mockoon")) {
      out.push(`  ${SERVER_LABELS.mockoon}: a peer, judged by no target; it answers each operation's first declared response (200), a body generated from the schema with faker values per request, no state, no validation.`);
    }
    for (const warning of t.warnings) out.push(`  warning: ${warning}`);
  }

  const cold = results.coldStart;
  if (cold) {
    out.push("", `Cold start: spawn → first 200 from GET /health (polled every 10 ms), median of ${c.coldRuns}`);
    out.push(
      table(
        [
          [SERVER_LABELS.mock, `${n(cold.mock.medianMs)} ms`, `runs ${cold.mock.runsMs.join(", ")} ms`],
          [SERVER_LABELS.prism, `${n(cold.prism.medianMs)} ms`, `runs ${cold.prism.runsMs.join(", ")} ms`],
          [SERVER_LABELS.mockoon, `${n(cold.mockoon.medianMs)} ms`, `runs ${cold.mockoon.runsMs.join(", ")} ms`],
          ["mock ÷ Prism", x(cold.ratio), ""],
          ["mock ÷ Mockoon", x(cold.mockoonRatio), ""],
        ],
        [false, true, false],
      ),
    );
  }

  const rss = results.rss;
  if (rss) {
    out.push("", "RSS under traffic: a fresh mock, requests alternating upsert and get, read ~1 s after each checkpoint");
    out.push(table(rss.readings.map((r) => [`after ${short(r.afterRequests)} requests`, `${r.rssMb} MB`, `peak ${r.peakRssMb} MB`, `${n(r.load.rps)} req/s`]), [false, true, true, true]));
    out.push(`  growth: ${rss.growthPercent === null ? "—" : `${rss.growthPercent}%`}`);
  }

  const scale = results.scale;
  if (scale) {
    out.push("", `Scale: one organization, ${c.connections} connections, ${c.scaleSeconds} s per run; RSS ~1 s after filling`);
    const rows: string[][] = [["agents", "filled in", "RSS", "upsert req/s", "p50", "p99", "get req/s", "p50", "p99", "list req/s", "p50", "p99"]];
    for (const level of scale.levels) {
      rows.push([
        short(level.agents),
        `${level.fillSeconds} s`,
        `${level.rssMb} MB`,
        ...(["upsert", "get", "list"] as const).flatMap((op) => {
          const run = level.runs[op];
          return [run.ok ? n(run.rps) : "FAILED", `${run.p50Ms} ms`, `${run.p99Ms} ms`];
        }),
      ]);
    }
    out.push(table(rows, [true, true, true, true, true, true, true, true, true, true, true, true]));
    const [low, high] = [c.scaleLevels[0] ?? 0, c.scaleLevels.at(-1) ?? 0];
    out.push(`  req/s at ${short(high)} ÷ at ${short(low)}: upsert ${x(scale.flatness.upsert)}, get ${x(scale.flatness.get)}, list ${x(scale.flatness.list)} ("flat" = ≥ ${scale.flatThreshold}× for upsert and get)`);
  }

  const persistence = results.persistence;
  if (persistence) {
    out.push("", `Persistence: upserts of one agent with ${c.connections} connections, ${c.scaleSeconds} s per run, a fresh mock seeded with --data per run`);
    const rows: string[][] = [["agents", "in memory req/s", "--persist req/s", "p50", "p99", "share"]];
    for (const level of persistence.levels) {
      rows.push([short(level.agents), level.memory.ok ? n(level.memory.rps) : "FAILED", level.persisted.ok ? n(level.persisted.rps) : "FAILED", `${level.persisted.p50Ms} ms`, `${level.persisted.p99Ms} ms`, x(level.share)]);
    }
    out.push(table(rows, [true, true, true, true, true, true]));
  }

  const sandboxes = results.sandboxes;
  if (sandboxes) {
    out.push(
      "",
      `Sandboxes: exec of echo hello through the API, median ${sandboxes.exec.median} ms, p95 ${sandboxes.exec.p95} ms (${sandboxes.exec.rounds} sequential requests);` +
        ` ${sandboxes.idle.sandboxes} idle sandboxes add ~${sandboxes.idle.kibPerSandbox} KiB of RSS each`,
    );
  }

  out.push("", "Targets (each from this run)");
  for (const target of results.targets) {
    out.push(`  ${target.met ? "✓" : "✗"} ${target.name}: ${formatValue(target.measured, target.unit)} (target ${target.comparison} ${formatValue(target.threshold, target.unit)}); ${target.note}`);
  }
  const missed = results.targets.filter((target) => !target.met);
  if (missed.length === 0) out.push("", "Every target met.");
  else {
    out.push("");
    for (const target of missed) out.push(`NOT MET: ${target.name}: ${formatValue(target.measured, target.unit)} (target ${target.comparison} ${formatValue(target.threshold, target.unit)}); ${target.note}`);
  }
  if (results.notes.length > 0) out.push("", ...results.notes.map((note) => `note: ${note}`));
  if (results.failures.length > 0) out.push("", "FAILED (runs not counted; exit code 1):", ...results.failures.map((f) => `  ${f}`));
  return out.join("\n");
}
