/**
 * `npm run fuzz [-- --requests N] [--seed S] [--adapter node|express|both]`: starts the mock in
 * this process through each adapter (src/server.ts `listen`, response validation on) and sends
 * it N generated requests (generator.ts), judging every answer (oracle.ts), the exported state
 * around every rejected request, and `/health` along the way. Request i of a run is drawn from
 * its own seed (the run's seed and i), so a run replays exactly; a new kind of finding is shrunk
 * by fast-check to a smaller request with the same signature and printed as a `curl` command.
 *
 * Exit code: 0 when every finding is listed in known-findings.ts, 1 otherwise.
 */
import { request as httpRequest, Agent } from "node:http";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { listen, type RunningServer } from "../../src/server.ts";
import { curlCommand } from "./curl.ts";
import { loadCatalog, orgKey, requestArbitrary, type RequestPlan } from "./generator.ts";
import { KNOWN_FINDINGS } from "./known-findings.ts";
import { Oracle, type Finding, type WireRequest, type WireResponse } from "./oracle.ts";

export type Adapter = "node" | "express";

export interface FuzzOptions {
  requests: number;
  seed: number;
  adapters: readonly Adapter[];
  /** Where progress and the report go (default: stdout). */
  print?: (line: string) => void;
  /** How long shrinking one finding may take, in ms. */
  shrinkMs?: number;
}

/** One distinct finding, with how often it was seen and the smallest request found for it. */
export interface ReportedFinding extends Finding {
  adapter: Adapter;
  count: number;
  /** The index of the first request that showed it (replay with --seed and --requests index+1). */
  firstIndex: number;
  curl: string;
  /** The issue-11 item that fixes it, when it is a known finding. */
  knownAs?: string;
}

export interface FuzzReport {
  seed: number;
  requests: number;
  durationMs: number;
  byStatus: Record<string, number>;
  byVariant: Record<string, number>;
  findings: ReportedFinding[];
  /** Findings not in known-findings.ts: the run fails on any. */
  unknown: ReportedFinding[];
  serverLog: string[];
}

const HEALTH_EVERY = 250;
const PROGRESS_EVERY = 10_000;
const RESET_EVERY = 2_000;
const TIMEOUT_MS = 15_000;

/** Runs the fuzzer and reports; it never throws on a finding. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const started = performance.now();
  const catalog = loadCatalog();
  const arbitrary = requestArbitrary(catalog);
  const oracle = new Oracle();
  const report: FuzzReport = { seed: options.seed, requests: 0, durationMs: 0, byStatus: {}, byVariant: {}, findings: [], unknown: [], serverLog: [] };
  print(`fuzz: seed ${options.seed}, ${options.requests} requests through ${options.adapters.join(" and ")}`);

  const targets = await Promise.all(options.adapters.map((adapter) => Target.start(adapter, report.serverLog)));
  try {
    await Promise.all(
      targets.map(async (target, t) => {
        for (let i = t; i < options.requests; i += targets.length) {
          await fuzzOne(target, i);
          if ((i + 1) % PROGRESS_EVERY === 0) print(`  … ${i + 1} requests, ${((performance.now() - started) / 1000).toFixed(0)} s, ${report.findings.length} distinct findings`);
          if (i % HEALTH_EVERY === t) record(target, i, undefined, oracle.judgeHealth(await target.send(healthProbe())));
          if (i % RESET_EVERY === t && i > 0) await target.reset();
        }
        record(target, options.requests, undefined, oracle.judgeHealth(await target.send(healthProbe())));
      }),
    );
  } finally {
    await Promise.all(targets.map((target) => target.close()));
  }
  report.durationMs = Math.round(performance.now() - started);
  report.unknown = report.findings.filter((f) => f.knownAs === undefined);
  printReport(report, print);
  return report;

  async function fuzzOne(target: Target, index: number): Promise<void> {
    const seed = requestSeed(options.seed, index);
    let target_signature: string | undefined;
    let smallest: { plan: RequestPlan; wire: WireRequest } | undefined;
    // One run of a fast-check property per request: fast-check draws the request from its seed,
    // and when the property fails it shrinks it, re-running the property on smaller requests.
    const property = fc.asyncProperty(arbitrary, async (plan) => {
      const { wire, findings, status } = await target.exchange(plan, oracle);
      if (target_signature === undefined) {
        report.requests += 1;
        report.byStatus[status] = (report.byStatus[status] ?? 0) + 1;
        report.byVariant[plan.variant] = (report.byVariant[plan.variant] ?? 0) + 1;
        // Only a finding that is not known is worth the time of shrinking.
        const fresh = record(target, index, { plan, wire }, findings.filter((f) => !KNOWN_FINDINGS.has(f.signature)));
        for (const f of findings.filter((f) => KNOWN_FINDINGS.has(f.signature))) record(target, index, { plan, wire }, [f]);
        if (fresh === undefined) return true;
        target_signature = fresh;
        smallest = { plan, wire };
        return false;
      }
      const again = findings.some((f) => f.signature === target_signature);
      if (again) smallest = { plan, wire };
      return !again;
    });
    const result = await fc.check(property, { seed, numRuns: 1, interruptAfterTimeLimit: options.shrinkMs ?? 3_000, markInterruptAsFailure: false });
    // The property throws only on a bug of the fuzzer itself: say so, loudly.
    if (result.failed && target_signature === undefined) throw new Error(`fuzzer error at request ${index} (seed ${options.seed}): ${String(result.errorInstance ?? "")}`);
    if (target_signature !== undefined && smallest) {
      const found = report.findings.find((f) => f.signature === target_signature && f.adapter === target.adapter);
      if (found) found.curl = curlCommand(target.url, smallest.wire);
    }
  }

  /** Counts findings; answers the signature of one not reported before (to be shrunk). */
  function record(target: Target, index: number, sent: { plan: RequestPlan; wire: WireRequest } | undefined, findings: readonly Finding[]): string | undefined {
    let fresh: string | undefined;
    for (const finding of findings) {
      const known = report.findings.find((f) => f.signature === finding.signature && f.adapter === target.adapter);
      if (known) {
        known.count += 1;
        continue;
      }
      const knownAs = KNOWN_FINDINGS.get(finding.signature);
      report.findings.push({ ...finding, adapter: target.adapter, count: 1, firstIndex: index, curl: sent ? curlCommand(target.url, sent.wire) : "", ...(knownAs ? { knownAs } : {}) });
      print(`  finding at request ${index} (${target.adapter}): ${finding.signature}${knownAs ? `  [known: ${knownAs}]` : ""}`);
      fresh ??= sent ? finding.signature : undefined;
    }
    return fresh;
  }
}

/** The seed of request `index` of a run: distinct per request, the same on every replay. */
export function requestSeed(runSeed: number, index: number): number {
  let h = (runSeed ^ 0x9e3779b9) + Math.imul(index, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) | 0;
}

function healthProbe(): WireRequest {
  return { method: "GET", target: "/health", headers: {} };
}

/** One mock under test: its server, its client, the ids it handed out and the state it exported. */
class Target {
  /** Ids seen in 2xx answers, by the collection that owns them (generator.ts `poolOf`). */
  readonly #pools = new Map<string, string[]>();
  /** The last export of each scope (`all`, or an API key), while nothing accepted may have changed it. */
  readonly #exports = new Map<string, string>();
  readonly #agent = new Agent({ keepAlive: true, maxSockets: 1 });

  private constructor(
    readonly adapter: Adapter,
    private readonly server: RunningServer,
  ) {}

  static async start(adapter: Adapter, log: string[]): Promise<Target> {
    const server = await listen({ port: 0, adapter, validateResponses: true, streamDelayMs: 0, log: (line) => log.length < 200 && log.push(`${adapter}: ${line}`) });
    return new Target(adapter, server);
  }

  get url(): string {
    return this.server.url;
  }

  async close(): Promise<void> {
    this.#agent.destroy();
    await this.server.close();
  }

  /** Wipes the state (bounds the cost of exports in long runs). */
  async reset(): Promise<void> {
    await this.send({ method: "POST", target: "/__mock/reset", headers: {} });
    this.#exports.clear();
    this.#pools.clear();
  }

  /** Sends one planned request and judges it, the state around it included. */
  async exchange(plan: RequestPlan, oracle: Oracle): Promise<{ wire: WireRequest; findings: Finding[]; status: string }> {
    const wire = this.#resolve(plan);
    const scope = plan.api === "public" && (plan.key.kind === "org" || plan.key.kind === "fresh") ? (wire.headers["X-API-Key"] as string) : "all";
    const before = this.#exports.get(scope) ?? (await this.#export(scope));
    const response = await this.send(wire);
    const findings = oracle.judge(plan, wire, response);
    const status = response.status ?? 0;
    if (status >= 400 && status < 500) {
      const after = await this.#export(scope);
      this.#exports.set(scope, after);
      if (after !== before) {
        const created = organizationsCreated(before, after);
        const where = oracle.route(wire.method, wire.target.split("?")[0] as string).operationId ?? "(unrouted)";
        findings.push({
          kind: "state-changed",
          // An organization appearing is one defect whatever the request; anything else is named by it.
          signature: created ? "state-changed: a rejected request created an organization" : `state-changed ${where}: ${status}`,
          detail: `[${plan.variant}] ${where} answered ${status} and changed the exported state: ${firstDifference(before, after)}`,
        });
        // Other scopes may have changed with it: read them afresh.
        this.#exports.clear();
      }
    } else {
      // Anything else may have changed this scope, and so the whole.
      if (scope === "all") this.#exports.clear();
      this.#exports.delete(scope);
      this.#exports.delete("all");
      if (status >= 200 && status < 300) this.#harvest(wire.target, response.text);
      if (plan.api === "control" && status < 300 && plan.mustReject) await this.#undoControl();
    }
    return { wire, findings, status: response.status === undefined ? "broken" : String(response.status) };
  }

  /** Sends a request exactly as given; a broken connection is an answer too. */
  send(wire: WireRequest): Promise<WireResponse> {
    const url = new URL(this.server.url);
    return new Promise((resolve) => {
      const headers: Record<string, string> = {};
      // Non-Latin-1 header values go out as their UTF-8 bytes, as curl sends them.
      for (const [name, value] of Object.entries(wire.headers)) headers[name] = Buffer.from(value, "utf8").toString("latin1");
      if (wire.body !== undefined) headers["Content-Length"] = String(Buffer.byteLength(wire.body));
      let settled = false;
      const done = (response: WireResponse) => {
        if (!settled) resolve(response);
        settled = true;
      };
      const req = httpRequest({ host: url.hostname, port: url.port, method: wire.method, path: wire.target, headers, agent: this.#agent, timeout: TIMEOUT_MS }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => done({ status: res.statusCode as number, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (error) => done({ headers: {}, text: "", error: `${(error as NodeJS.ErrnoException).code ?? ""} ${error.message}`.trim() }));
      });
      req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
      req.on("error", (error) => done({ headers: {}, text: "", error: `${(error as NodeJS.ErrnoException).code ?? ""} ${error.message}`.trim() }));
      // Nagle's algorithm would hold a body back behind the head for a delayed ACK (40 ms).
      req.on("socket", (socket) => socket.setNoDelay(true));
      req.end(wire.body);
    });
  }

  #resolve(plan: RequestPlan): WireRequest {
    const path = plan.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = plan.pathParams[name];
      if (value === undefined) return "x";
      if ("raw" in value) return value.raw;
      const pool = this.#pools.get(value.pool) ?? [];
      return encodeURIComponent(pool.length > 0 && value.pick % 4 !== 0 ? (pool[value.pick % pool.length] as string) : value.fallback);
    });
    const query = plan.rawQuery ?? plan.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
    const headers: Record<string, string> = { ...plan.headers };
    if (plan.key.kind === "org") headers["X-API-Key"] = orgKey(plan.key.index);
    else if (plan.key.kind === "fresh") headers["X-API-Key"] = `rt_test_fresh${plan.key.suffix}`;
    else if (plan.key.kind === "raw") headers["X-API-Key"] = plan.key.value;
    return { method: plan.method, target: query === "" ? path : `${path}?${query}`, headers, ...(plan.body !== undefined ? { body: plan.body } : {}) };
  }

  async #export(scope: string): Promise<string> {
    const response = await this.send({ method: "GET", target: "/__mock/state", headers: scope === "all" ? {} : { "X-API-Key": scope } });
    if (response.status !== 200) return `(export answered ${response.status ?? response.error}: ${response.text.slice(0, 300)})`;
    // The export's own time is the one thing that always changes.
    const document = JSON.parse(response.text) as { exportedAt?: string };
    delete document.exportedAt;
    return JSON.stringify(document);
  }

  /** Records the ids of a 2xx answer, for later requests to address real objects. */
  #harvest(target: string, text: string): void {
    const path = target.split("?")[0] as string;
    const collection = path.startsWith("/v1/agents") ? "/v1/agents" : (/^\/v1\/[a-z]+/.exec(path)?.[0] ?? "");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    const add = (pool: string, id: unknown) => {
      if (typeof id !== "string") return;
      const list = this.#pools.get(pool) ?? [];
      if (!list.includes(id)) list.push(id);
      if (list.length > 64) list.shift();
      this.#pools.set(pool, list);
    };
    const visit = (node: unknown, depth: number): void => {
      if (depth > 4 || node === null || typeof node !== "object") return;
      if (Array.isArray(node)) return node.forEach((item) => visit(item, depth + 1));
      const record = node as Record<string, unknown>;
      if (collection === "/v1/agents") add("/v1/agents", record.slug);
      else if (collection !== "") add(collection, record.id);
      add("/v1/threads", record.threadId);
      add("/v1/run", record.runId);
      for (const value of Object.values(record)) visit(value, depth + 1);
    };
    visit(body, 0);
  }

  /** A control request that changes the mock was accepted (a finding): undo what it may have set. */
  async #undoControl(): Promise<void> {
    await this.send({ method: "DELETE", target: "/__mock/faults", headers: {} });
    await this.send({ method: "DELETE", target: "/__mock/scripts", headers: {} });
    this.#exports.clear();
  }
}

/** True when `after` has an organization that `before` had not. */
function organizationsCreated(before: string, after: string): boolean {
  const ids = (text: string): string[] => {
    try {
      return (JSON.parse(text) as { organizations: { id: string }[] }).organizations.map((o) => o.id);
    } catch {
      return [];
    }
  };
  const was = new Set(ids(before));
  return ids(after).some((id) => !was.has(id));
}

function firstDifference(before: string, after: string): string {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  return `at character ${i}: before …${before.slice(Math.max(0, i - 60), i + 80)}… after …${after.slice(Math.max(0, i - 60), i + 80)}…`;
}

function printReport(report: FuzzReport, print: (line: string) => void): void {
  print(`fuzz: ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s, seed ${report.seed}`);
  print(`  statuses: ${Object.entries(report.byStatus).map(([s, n]) => `${s}×${n}`).join(" ")}`);
  print(`  findings: ${report.findings.length} distinct (${report.unknown.length} not known)`);
  for (const f of report.findings) {
    print(`\n[${f.knownAs ? `known, ${f.knownAs}` : "NEW"}] ${f.signature}  (${f.adapter}, ${f.count}×, first at request ${f.firstIndex})`);
    print(`  ${f.detail.slice(0, 600)}`);
    print(`  repro: ${f.curl.slice(0, 2000)}`);
    print(`  replay: npm run fuzz -- --seed ${report.seed} --requests ${f.firstIndex + 1}`);
  }
  if (report.serverLog.length > 0) print(`\n  server log (${report.serverLog.length} lines, first 5):\n    ${report.serverLog.slice(0, 5).join("\n    ").slice(0, 2000)}`);
}

function parseArgs(argv: readonly string[]): FuzzOptions {
  const options: { requests: number; seed: number; adapters: Adapter[] } = { requests: 10_000, seed: Math.floor(Math.random() * 2 ** 31), adapters: ["node", "express"] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === "--requests" && value) options.requests = Number.parseInt(value, 10);
    else if (flag === "--seed" && value) options.seed = Number.parseInt(value, 10);
    else if (flag === "--adapter" && value) options.adapters = value === "both" ? ["node", "express"] : [value as Adapter];
    else throw new Error(`usage: npm run fuzz -- [--requests N] [--seed S] [--adapter node|express|both] (unknown '${flag}')`);
    i += 1;
  }
  if (!Number.isInteger(options.requests) || options.requests < 1) throw new Error("--requests must be a positive integer");
  if (!Number.isInteger(options.seed)) throw new Error("--seed must be an integer");
  if (options.adapters.some((a) => a !== "node" && a !== "express")) throw new Error("--adapter must be node, express or both");
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const report = await runFuzz(parseArgs(process.argv.slice(2)));
  process.exitCode = report.unknown.length > 0 ? 1 : 0;
}
