/**
 * The shape of reports/bench.json (and bench-smoke.json), shared by the phases that fill it, the
 * target evaluation and the printed report; plus the small statistics they all use.
 */
import type { BenchConfig, Op } from "./config.ts";
import type { LoadResult } from "./load.ts";
import type { ProcessFacts, ServerKind } from "./servers.ts";

/** One (server, operation) pair over the rounds. Medians are over the rounds that passed. */
export interface PairResult {
  server: ServerKind;
  op: Op;
  rounds: LoadResult[];
  passedRounds: number;
  medianRps: number | null;
  medianP50Ms: number | null;
  medianP99Ms: number | null;
  /** Medians of the CPU use during the runs, % of one core: the server's and the load generator's. */
  medianServerCpuPercent: number | null;
  medianLoadGeneratorCpuPercent: number | null;
}

/** this mock ÷ one other server, req/s, on one operation. */
export interface RatioResult {
  op: Op;
  versus: ServerKind;
  /** mock req/s ÷ other req/s in each round where both runs passed (paired: same moment, same noise). */
  perRound: (number | null)[];
  /** The median of perRound: the figure the targets use. */
  medianOfRoundRatios: number | null;
  /** median mock req/s ÷ median other req/s. */
  ratioOfMedians: number | null;
  /** Latency ratios of the medians (mock ÷ other; below 1 means the mock answers faster). */
  p50RatioOfMedians: number | null;
  p99RatioOfMedians: number | null;
}

export interface ThroughputSection {
  servers: { kind: ServerKind; label: string; command: string; process: ProcessFacts; rssMbAfterRounds: number | null }[];
  preflight: { server: ServerKind; op: Op; status: number }[];
  warmup: { server: ServerKind; op: Op; rps: number; ok: boolean; problem?: string }[];
  /** The order the pairs ran in, per round (rotated each round). */
  order: string[][];
  pairs: PairResult[];
  ratios: RatioResult[];
  /** Runs whose numbers deserve a second look (counted all the same): a server below 90% of its core. */
  warnings: string[];
}

export interface ColdStartRuns {
  command: string;
  runsMs: number[];
  medianMs: number | null;
  /** Per run, also when the port first accepted a connection (a late 200 after an early accept: slow to answer, not slow to start). */
  details: { ms: number; firstConnectMs: number; polls: number }[];
}

export interface ColdStartSection {
  /** Spawn → first 200 from GET /health, polled every 10 ms. */
  mock: ColdStartRuns;
  prism: ColdStartRuns;
  /** Mockoon CLI on the bundled spec: a peer, judged by no target. */
  mockoon: ColdStartRuns;
  /** median mock ÷ median Prism (the target's figure). */
  ratio: number | null;
  /** median mock ÷ median Mockoon. */
  mockoonRatio: number | null;
}

export interface RssSection {
  command: string;
  /** [first checkpoint, second checkpoint] in requests, half upserts and half gets. */
  checkpoints: [number, number];
  readings: { afterRequests: number; rssMb: number; peakRssMb: number; load: LoadResult }[];
  /** (second RSS − first RSS) ÷ first RSS, in %. */
  growthPercent: number | null;
}

export interface ScaleLevel {
  agents: number;
  fillSeconds: number;
  /** After filling, ~1 s settle, before the runs. */
  rssMb: number;
  peakRssMb: number;
  /** Number of items in the first list page (20 when the organization holds ≥ 20). */
  listPageItems: number;
  runs: Record<"upsert" | "get" | "list", LoadResult>;
}

export interface ScaleSection {
  command: string;
  levels: ScaleLevel[];
  /** req/s at the largest level ÷ req/s at the smallest, per operation. */
  flatness: Record<"upsert" | "get" | "list", number | null>;
  flatThreshold: number;
}

/** Upserts in memory and with --persist over the same seeded state, at one size. */
export interface PersistLevel {
  agents: number;
  memory: LoadResult;
  persisted: LoadResult;
  /** persisted req/s ÷ in-memory req/s. */
  share: number | null;
}

export interface PersistSection {
  levels: PersistLevel[];
  /** Persisted req/s at the largest level ÷ at the smallest. */
  flatness: number | null;
  /**
   * Spawn → first 200 from /health on the persist files of the largest level, after the run's mock
   * stopped cleanly (SIGTERM, waited for: `stopMs`); `logRecords` are the records its log still held
   * (0 when the stop folded them into the snapshot, as a clean stop does).
   */
  start: { agents: number; ms: number; fileBytes: number; stopMs: number; logRecords: number } | null;
  /** Files of the persist directory right after the largest level's load, against the exported state. */
  disk: { exportedBytes: number; fileBytes: number; files: string[] } | null;
}

export interface SandboxSection {
  /** `echo hello` through the API, one request at a time, after a warm-up. */
  exec: { median: number; p95: number; rounds: number };
  /** RSS before and after creating sandboxes that never run a command. */
  idle: { sandboxes: number; rssBeforeMb: number; rssAfterMb: number; kibPerSandbox: number };
}

export interface Target {
  name: string;
  /** The measured value (null when it could not be measured; `note` says why). */
  measured: number | null;
  unit: string;
  comparison: "≥" | "≤" | "<";
  threshold: number;
  met: boolean;
  /** The numbers behind the measured value, or why it is missing. */
  note: string;
}

export interface BenchResults {
  kind: "full" | "smoke";
  command: string;
  startedAt: string;
  finishedAt?: string;
  machine: { cpu: string; cores: number; node: string; platform: string; release: string; totalMemoryMb: number; loadAverageAtStart: number[] };
  pinning: { pinned: boolean; detail: string; loadGeneratorCpus: string[] };
  config: BenchConfig;
  throughput?: ThroughputSection;
  coldStart?: ColdStartSection;
  rss?: RssSection;
  scale?: ScaleSection;
  persistence?: PersistSection;
  sandboxes?: SandboxSection;
  targets: Target[];
  /** Runs with errors or non-2xx answers, servers that failed to start: the exit code is 1 when any. */
  failures: string[];
  notes: string[];
  /** Wall time of each phase. */
  phaseSeconds: Record<string, number>;
  /** CPU other processes on the machine used during each phase, % of one core (see LoadResult.foreignCpuPercent). */
  phaseForeignCpuPercent: Record<string, number | null>;
}

/** The median of the numbers (mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** a ÷ b to 3 decimals, null when either is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return Math.round((a / b) * 1000) / 1000;
}
