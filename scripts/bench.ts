/**
 * `npm run bench`: throughput, latency and memory of the mock under load, measured against a
 * real child process started as a user starts it (`bin/runtools-mock.js`), with autocannon.
 * Speed and memory are measured here, never asserted in timed tests.
 *
 *   npm run bench                 every scenario, 5 s each, 50 connections
 *   BENCH_SECONDS=10 npm run bench
 *
 * Results go to stdout and reports/bench.json. Response validation is off, as in `npm start`.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const KEY = "rt_test_bench";
const JSON_HEADERS = { "X-API-Key": KEY, "Content-Type": "application/json" };

/** One load scenario. */
interface Scenario {
  name: string;
  method: "GET" | "POST";
  path: string;
  body?: unknown;
}

const SCENARIOS: Scenario[] = [
  { name: "health (no auth, no state)", method: "GET", path: "/health" },
  { name: "get agent", method: "GET", path: "/v1/agents/code-assistant" },
  { name: "upsert agent (validated body, version + 1)", method: "POST", path: "/v1/agents", body: { slug: "code-assistant", sandbox: "build-runner", tools: ["exec_command"], maxTokens: 16384 } },
  { name: "exec in sandbox", method: "POST", path: "/v1/sandboxes/build-runner/exec", body: { command: "echo hello" } },
  { name: "run agent (stream: false)", method: "POST", path: "/v1/run", body: { agent: "code-assistant", prompt: "hello", stream: false } },
];

async function main(): Promise<void> {
  const child = spawn(process.execPath, [`${ROOT}bin/runtools-mock.js`, "--port", "0", "--journal-size", "1000"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1] as string);
    });
    child.once("exit", (code) => reject(new Error(`the mock exited with ${code}`)));
  });
  try {
    await fetch(`${url}/v1/sandboxes`, { method: "POST", headers: JSON_HEADERS, body: JSON.stringify({ name: "build-runner" }) });
    await fetch(`${url}/v1/agents`, { method: "POST", headers: JSON_HEADERS, body: JSON.stringify(SCENARIOS[2]?.body) });
    const results = [];
    for (const scenario of SCENARIOS) {
      const result = await autocannon({
        url: url + scenario.path,
        method: scenario.method,
        headers: scenario.body === undefined ? { "X-API-Key": KEY } : JSON_HEADERS,
        ...(scenario.body === undefined ? {} : { body: JSON.stringify(scenario.body) }),
        connections: CONNECTIONS,
        duration: SECONDS,
      });
      const memory = memoryOf(child.pid as number);
      results.push({
        scenario: scenario.name,
        requestsPerSecond: Math.round(result.requests.average),
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        rssMb: memory.rssMb,
        peakRssMb: memory.peakMb,
      });
      console.log(`${scenario.name.padEnd(44)} ${String(results.at(-1)?.requestsPerSecond).padStart(7)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  non-2xx ${result.non2xx}  RSS ${memory.rssMb} MB`);
    }
    mkdirSync(`${ROOT}reports`, { recursive: true });
    writeFileSync(`${ROOT}reports/bench.json`, JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, node: process.version, results }, null, 2));
    if (results.some((r) => r.non2xx > 0 || r.errors > 0)) {
      console.error("bench: some requests failed");
      process.exitCode = 1;
    }
  } finally {
    child.kill("SIGTERM");
  }
}

/** Resident and peak memory of a process, from /proc (Linux). */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: Math.round(kb("VmRSS") / 1024), peakMb: Math.round(kb("VmHWM") / 1024) };
  } catch {
    return { rssMb: 0, peakMb: 0 };
  }
}

await main();
