/**
 * What one `npm run bench` measures and how long: the sizes for a full run, tiny sizes for
 * `--smoke` (CI keeps the harness working with it; its numbers judge nothing), and the requests
 * every server is sent.
 */
import { fileURLToPath } from "node:url";

/** The repository root (this file is scripts/bench/config.ts). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface BenchConfig {
  smoke: boolean;
  /** Throughput rounds after the warm-up; the medians are taken over them. */
  rounds: number;
  /** Seconds of each (server, operation) run in a round. */
  seconds: number;
  /** Seconds of each (server, operation) warm-up run, discarded. */
  warmupSeconds: number;
  connections: number;
  /** Cold starts per server (mock, Prism, Mockoon). */
  coldRuns: number;
  /** RSS is read after this many requests in total, then after the second number. */
  rssCheckpoints: readonly [number, number];
  /** Agents in one organization at which upsert, get and list are measured. */
  scaleLevels: readonly number[];
  /** Seconds of each scale run. */
  scaleSeconds: number;
  /** Where the full results go. */
  output: string;
}

function envNumber(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number ≥ ${min}, not '${raw}'`);
  return value;
}

/** The sizes of this run: the issue's, overridable by environment; or the fixed smoke sizes. */
export function configFrom(argv: readonly string[]): BenchConfig {
  const unknown = argv.filter((arg) => arg !== "--smoke");
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(" ")} (only --smoke)`);
  if (argv.includes("--smoke")) {
    // Fixed, not taken from the environment: CI must stay a few seconds whatever is exported.
    return {
      smoke: true,
      rounds: 1,
      seconds: 1,
      warmupSeconds: 0.5,
      connections: 50,
      coldRuns: 2,
      rssCheckpoints: [1_000, 5_000],
      scaleLevels: [100, 1_000],
      scaleSeconds: 1,
      output: `${ROOT}reports/bench-smoke.json`,
    };
  }
  return {
    smoke: false,
    rounds: Math.round(envNumber("BENCH_ROUNDS", 3, 1)),
    seconds: envNumber("BENCH_SECONDS", 5, 1),
    warmupSeconds: envNumber("BENCH_WARMUP_SECONDS", 3, 0.5),
    connections: Math.round(envNumber("BENCH_CONNECTIONS", 50, 1)),
    coldRuns: Math.round(envNumber("BENCH_COLD_RUNS", 5, 1)),
    rssCheckpoints: [10_000, 200_000],
    scaleLevels: [1_000, 10_000, 100_000],
    scaleSeconds: envNumber("BENCH_SCALE_SECONDS", 3, 1),
    output: `${ROOT}reports/bench.json`,
  };
}

/** The key every request carries: Prism checks that the security header is present, the mock maps it to one organization. */
export const API_KEY = "rt_test_bench";

/** The agent the throughput runs upsert and read (the README's seed request). */
export const AGENT_SLUG = "code-assistant";
export const SANDBOX_BODY = { name: "build-runner" };
export const UPSERT_BODY = {
  slug: AGENT_SLUG,
  name: "Code Assistant",
  model: "claude-sonnet-4",
  systemPrompt: "You are a careful software engineering assistant.",
  tools: ["exec_command", "write_stdin", "apply_patch", "web_search", "get_dev_url"],
  sandbox: "build-runner",
  executionMode: "in_sandbox",
  maxIterations: 25,
  maxTokens: 16384,
};

/** The operations under load. `list` is measured only in the scale section. */
export type Op = "upsert" | "get" | "list";

export interface OpRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export const OP_REQUESTS: Record<Op, OpRequest> = {
  upsert: {
    method: "POST",
    path: "/v1/agents",
    headers: { "X-API-Key": API_KEY, "Content-Type": "application/json" },
    body: JSON.stringify(UPSERT_BODY),
  },
  get: { method: "GET", path: `/v1/agents/${AGENT_SLUG}`, headers: { "X-API-Key": API_KEY } },
  list: { method: "GET", path: "/v1/agents?limit=20", headers: { "X-API-Key": API_KEY } },
};

/** The body that fills an organization with agent number `n` (managed: no sandbox needed). */
export function fillerAgent(n: number): { slug: string; name: string; executionMode: "managed"; model: string } {
  const id = String(n).padStart(6, "0");
  return { slug: `bench-agent-${id}`, name: `Bench Agent ${id}`, executionMode: "managed", model: "claude-sonnet-4" };
}
