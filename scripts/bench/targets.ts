/**
 * The issue's targets, each judged from this one run: name, measured value, threshold, met. A
 * target whose measurement failed is "not met", with the failure as its note, never silently
 * dropped. In a smoke run the sizes are tiny and the names say so; the values judge nothing there.
 */
import { PERSIST_TARGETS } from "./persistence.ts";
import { EXEC_TARGET_MS } from "./sandbox-exec.ts";
import type { Op } from "./config.ts";
import type { BenchResults, Target } from "./results.ts";
import { SERVER_LABELS, type ServerKind } from "./servers.ts";

function compare(measured: number | null, comparison: Target["comparison"], threshold: number): boolean {
  if (measured === null) return false;
  if (comparison === "≥") return measured >= threshold;
  if (comparison === "≤") return measured <= threshold;
  return measured < threshold;
}

/** "10k", "200k", "1.5k", "100": the sizes as the issue writes them. */
export function short(n: number): string {
  return n >= 1000 ? `${Math.round(n / 100) / 10}k`.replace(".0k", "k") : String(n);
}

/** Why a section is missing: the failure recorded for its phase. */
function missing(results: BenchResults, phase: string): string {
  return `not measured: ${results.failures.find((f) => f.startsWith(`${phase}:`)) ?? `${phase} did not run`}`;
}

export function evaluateTargets(results: BenchResults): Target[] {
  const targets: Target[] = [];
  const add = (name: string, measured: number | null, unit: string, comparison: Target["comparison"], threshold: number, note: string) =>
    targets.push({ name, measured, unit, comparison, threshold, met: compare(measured, comparison, threshold), note });

  const { throughput, coldStart, rss, scale } = results;
  const versus: [ServerKind, number, string][] = [
    ["prism", 5, "5× Prism (default)"],
    ["prism-warn", 2, "2× Prism (-v warn)"],
    ["bare", 0.5, "50% of bare node:http"],
  ];
  for (const [other, threshold, label] of versus) {
    for (const op of ["upsert", "get"] as Op[]) {
      const name = `${op}: at least ${label} (req/s ratio)`;
      const r = throughput?.ratios.find((x) => x.op === op && x.versus === other);
      if (!throughput || !r) {
        add(name, null, "×", "≥", threshold, missing(results, "throughput"));
        continue;
      }
      const mine = throughput.pairs.find((p) => p.server === "mock" && p.op === op);
      const theirs = throughput.pairs.find((p) => p.server === other && p.op === op);
      const note =
        r.medianOfRoundRatios === null
          ? "no round where both runs passed"
          : `median of per-round ratios; mock ${mine?.medianRps ?? "?"} req/s vs ${SERVER_LABELS[other]} ${theirs?.medianRps ?? "?"} req/s (medians), ratio of medians ${r.ratioOfMedians ?? "?"}×, per round ${r.perRound.map((x) => x ?? "failed").join(", ")}`;
      add(name, r.medianOfRoundRatios, "×", "≥", threshold, note);
    }
  }

  const coldName = "cold start: at most 25% of Prism's (median mock ÷ median Prism)";
  if (!coldStart) add(coldName, null, "×", "≤", 0.25, missing(results, "cold start"));
  else add(coldName, coldStart.ratio, "×", "≤", 0.25, `mock ${coldStart.mock.medianMs} ms vs Prism ${coldStart.prism.medianMs} ms (medians of ${coldStart.mock.runsMs.length} and ${coldStart.prism.runsMs.length})`);

  const [first, second] = results.config.rssCheckpoints;
  const rssName = `RSS growth from ${short(first)} to ${short(second)} requests: under 10%`;
  if (!rss) add(rssName, null, "%", "<", 10, missing(results, "RSS"));
  else {
    const [a, b] = rss.readings;
    add(rssName, rss.growthPercent, "%", "<", 10, a && b ? `${a.rssMb} MB after ${short(a.afterRequests)}, ${b.rssMb} MB after ${short(b.afterRequests)} (peak ${b.peakRssMb} MB)` : "a reading is missing");
  }

  const levels = results.config.scaleLevels;
  const top = levels.at(-1) ?? 0;
  const bottom = levels[0] ?? 0;
  const memName = `RSS with ${short(top)} agents in one organization: under 200 MB`;
  const topLevel = scale?.levels.find((l) => l.agents === top);
  if (!scale || !topLevel) add(memName, null, "MB", "<", 200, missing(results, "scale"));
  else add(memName, topLevel.rssMb, "MB", "<", 200, `RSS ${topLevel.rssMb} MB, peak ${topLevel.peakRssMb} MB, ~1 s after filling`);

  for (const op of ["upsert", "get"] as const) {
    const name = `${op} flat from ${short(bottom)} to ${short(top)} agents (req/s at ${short(top)} ≥ ${Math.round((scale?.flatThreshold ?? 0.8) * 100)}% of req/s at ${short(bottom)})`;
    const low = scale?.levels.find((l) => l.agents === bottom);
    if (!scale || !topLevel || !low) add(name, null, "×", "≥", 0.8, missing(results, "scale"));
    else
      add(
        name,
        scale.flatness[op],
        "×",
        "≥",
        scale.flatThreshold,
        `${low.runs[op].rps} req/s (p99 ${low.runs[op].p99Ms} ms) at ${short(bottom)}, ${topLevel.runs[op].rps} req/s (p99 ${topLevel.runs[op].p99Ms} ms) at ${short(top)}`,
      );
  }
  persistenceTargets(results, add);
  const sandboxes = results.sandboxes;
  add(
    `exec of a simple command through the API: median under ${EXEC_TARGET_MS} ms`,
    sandboxes?.exec.median ?? null,
    "ms",
    "<",
    EXEC_TARGET_MS,
    sandboxes
      ? `echo hello, ${sandboxes.exec.rounds} sequential requests, p95 ${sandboxes.exec.p95} ms; an idle sandbox adds ~${sandboxes.idle.kibPerSandbox} KiB of RSS (${sandboxes.idle.sandboxes} sandboxes: ${sandboxes.idle.rssBeforeMb} → ${sandboxes.idle.rssAfterMb} MB)`
      : missing(results, "sandboxes"),
  );
  return targets;
}

/** --persist (docs/persistence.md): share of the in-memory rate, flatness, start-up, disk size. */
function persistenceTargets(results: BenchResults, add: (name: string, measured: number | null, unit: string, comparison: Target["comparison"], threshold: number, note: string) => void): void {
  const section = results.persistence;
  const none = missing(results, "persistence");
  const levels = section?.levels ?? [];
  const [low, high] = [levels[0], levels.at(-1)];
  const atTop = `--persist upsert at ${short(high?.agents ?? 0)} agents, ${results.config.connections} connections: at least ${PERSIST_TARGETS.shareOfMemory * 100}% of in-memory req/s`;
  add(atTop, high?.share ?? null, "×", "≥", PERSIST_TARGETS.shareOfMemory, high ? `--persist ${high.persisted.rps} req/s vs in memory ${high.memory.rps} req/s (${levels.map((l) => `${short(l.agents)}: ${l.share ?? "?"}`).join(", ")})` : none);
  const flatName = `--persist upsert flat from ${short(low?.agents ?? 0)} to ${short(high?.agents ?? 0)} agents (≥ ${PERSIST_TARGETS.flat * 100}%)`;
  add(flatName, section?.flatness ?? null, "×", "≥", PERSIST_TARGETS.flat, low && high ? `${low.persisted.rps} req/s at ${short(low.agents)}, ${high.persisted.rps} req/s at ${short(high.agents)}` : none);
  const start = section?.start;
  add(`start-up with ${short(start?.agents ?? high?.agents ?? 0)} persisted agents: under ${PERSIST_TARGETS.startMs} ms`, start?.ms ?? null, "ms", "<", PERSIST_TARGETS.startMs, start ? `spawn → first 200 from /health, ${(start.fileBytes / 1e6).toFixed(1)} MB on disk, after a clean stop of ${start.stopMs} ms` : none);
  const disk = section?.disk;
  add(
    `--persist files on disk: under ${PERSIST_TARGETS.diskMultiple}× the exported state`,
    disk ? Math.round((disk.fileBytes / disk.exportedBytes) * 100) / 100 : null,
    "×",
    "<",
    PERSIST_TARGETS.diskMultiple,
    disk ? `${(disk.fileBytes / 1e6).toFixed(1)} MB (${disk.files.join(", ")}) right after the load, exported state ${(disk.exportedBytes / 1e6).toFixed(1)} MB` : none,
  );
}

/** "3.2×", "8.5%", "180.3 MB". */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return "—";
  if (unit === "×") return `${value.toFixed(2)}×`;
  if (unit === "%") return `${value.toFixed(1)}%`;
  return `${value.toFixed(1)} ${unit}`;
}
