/**
 * The load generator: autocannon run programmatically inside this (CPU 1-pinned) process, and the
 * plain requests around it (setup, pre-flight checks, filling an organization with agents).
 *
 * A run counts only when every answer was 2xx and no connection failed: a fast stream of 401s or
 * 422s would otherwise pass for throughput.
 */
import autocannon from "autocannon";
import { API_KEY, OP_REQUESTS, fillerAgent, type Op, type OpRequest } from "./config.ts";
import { cpuSecondsOf, machineDelta, machineSnapshot } from "./servers.ts";

/** One autocannon run, reduced to what the report needs. */
export interface LoadResult {
  /** Responses ÷ elapsed seconds of the run. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** Responses received. */
  total: number;
  durationS: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /**
   * CPU use during the run, in % of one core: the server's (from /proc) and this load generator's.
   * A load generator near 100% means the server was not the bottleneck: its req/s is a floor.
   */
  serverCpuPercent: number | null;
  loadGeneratorCpuPercent: number;
  /**
   * Busy % of each CPU over the run, whatever ran on it (/proc/stat). With the server on cpu0 and
   * the load generator on cpu1, cpu0 well below 100% while the server's own share is too means the
   * server waited (on the network, on the load generator), not that it was busy elsewhere.
   */
  cpuBusyPercent: Record<string, number>;
  /** CPU other processes on the machine used during the run, % of one core (null off Linux). */
  foreignCpuPercent: number | null;
  /** Every answer 2xx, no connection errors or timeouts, at least one answer. */
  ok: boolean;
  /** Why `ok` is false. */
  problem?: string;
}

export interface LoadOptions {
  url: string;
  /** Cycled per connection (two entries: each connection alternates them). */
  requests: readonly OpRequest[];
  connections: number;
  /** Seconds, or… */
  seconds?: number;
  /** …a number of requests in total. */
  amount?: number;
  /** The server's pid, for its CPU use. */
  serverPid?: number;
  /** autocannon's sampling interval (ms; default 1000): a run ends on a sample tick, so short runs need a short one. */
  sampleMs?: number;
}

/**
 * The latencies of the 2xx answers, in ms as autocannon measures them (process.hrtime, fractional):
 * its own histogram keeps whole milliseconds only, which says "p50 0 ms" for a fast server. A typed
 * array and a sort at the end cost the load generator a few ns per answer.
 */
class Latencies {
  private values = new Float64Array(1 << 16);
  private count = 0;
  add(ms: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = ms;
  }
  mean(): number {
    let sum = 0;
    for (let i = 0; i < this.count; i++) sum += this.values[i] as number;
    return this.count === 0 ? 0 : Math.round((sum / this.count) * 100) / 100;
  }
  /** Nearest-rank percentiles, rounded to 0.01 ms; 0 when there is no value. */
  percentiles(...ps: number[]): number[] {
    const sorted = this.values.slice(0, this.count).sort();
    return ps.map((p) => (this.count === 0 ? 0 : Math.round((sorted[Math.min(this.count - 1, Math.ceil((p / 100) * this.count) - 1)] as number) * 100) / 100));
  }
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const serverCpuBefore = options.serverPid === undefined ? Number.NaN : cpuSecondsOf(options.serverPid);
  const ownCpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const machineBefore = machineSnapshot();
  const latencies = new Latencies();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.seconds ?? 1 }),
        requests: options.requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) })),
        // 10 s, as autocannon's default: a server that stalls shows up as timeouts, not as a hang.
        timeout: 10,
        ...(options.sampleMs !== undefined ? { sampleInt: options.sampleMs } : {}),
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.add(responseTime);
    });
  });
  const wallSeconds = (performance.now() - wallBefore) / 1000;
  const machine = machineDelta(machineBefore, machineSnapshot());
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const serverCpu = options.serverPid === undefined ? Number.NaN : cpuSecondsOf(options.serverPid) - serverCpuBefore;
  const [p50Ms, p99Ms] = latencies.percentiles(50, 99) as [number, number];
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stat.count ?? 0;
  const total = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const problems: string[] = [];
  if (result.non2xx > 0) problems.push(`${result.non2xx} non-2xx answers (${JSON.stringify(statusCodes)})`);
  if (result.errors > 0) problems.push(`${result.errors} connection errors`);
  if (result.timeouts > 0) problems.push(`${result.timeouts} timeouts`);
  if (total === 0) problems.push("no answer at all");
  const out: LoadResult = {
    // Not autocannon's mean of per-second samples: a run ends on a sample tick, so its last
    // sample may cover part of a second (an `amount` run always ends that way).
    rps: result.duration > 0 ? Math.round(total / result.duration) : 0,
    p50Ms,
    p99Ms,
    meanMs: latencies.mean(),
    total,
    durationS: result.duration,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    serverCpuPercent: Number.isFinite(serverCpu) ? Math.round((serverCpu / wallSeconds) * 100) : null,
    loadGeneratorCpuPercent: Math.round(((ownCpu.user + ownCpu.system) / 1e6 / wallSeconds) * 100),
    cpuBusyPercent: machine.cpuBusyPercent,
    foreignCpuPercent: machine.foreignCpuPercent,
    ok: problems.length === 0,
  };
  if (problems.length > 0) out.problem = problems.join("; ");
  return out;
}

/** One operation for `seconds` against the server `pid` listens on (the throughput and scale runs). */
export function runOp(url: string, pid: number, op: Op, connections: number, seconds: number): Promise<LoadResult> {
  // Sub-second runs (the smoke warm-up) need ticks finer than autocannon's 1 s to end on time.
  return runLoad({ url, serverPid: pid, requests: [OP_REQUESTS[op]], connections, seconds, ...(seconds < 1 ? { sampleMs: 100 } : {}) });
}

/** One request with fetch; the status and the raw answer. */
export async function send(url: string, request: OpRequest): Promise<{ status: number; text: string; requestId: string }> {
  const response = await fetch(url + request.path, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, text: await response.text(), requestId: response.headers.get("x-request-id") ?? "" };
}

/** POST a JSON body with the bench key; throws unless the status is one of `expect`. */
export async function post(url: string, path: string, body: unknown, expect: readonly number[]): Promise<{ status: number; text: string }> {
  const answer = await send(url, { method: "POST", path, headers: { "X-API-Key": API_KEY, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!expect.includes(answer.status)) throw new Error(`POST ${path} answered ${answer.status}, expected ${expect.join(" or ")}: ${answer.text.slice(0, 500)}`);
  return answer;
}

/**
 * Creates filler agents number `from` to `to - 1` through the API, `concurrency` requests at a
 * time, each expected to answer 201 (created). Plain fetches rather than autocannon: each body
 * differs and every one must be known to have landed, so the organization holds exactly the count
 * the report states. Answers the seconds it took.
 */
export async function fillAgents(url: string, from: number, to: number, concurrency: number): Promise<number> {
  const started = performance.now();
  let next = from;
  const worker = async () => {
    while (next < to) {
      const n = next++;
      await post(url, "/v1/agents", fillerAgent(n), [201]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(0, to - from)) }, worker));
  return (performance.now() - started) / 1000;
}
