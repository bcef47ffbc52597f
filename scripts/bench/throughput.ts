/**
 * Issue (a)–(c): req/s, p50 and p99 of the upsert and the get on this mock, Prism (default and
 * `-v warn`), Mockoon CLI and a bare node:http server, all five running at once on CPU 0 and
 * measured one at a time, in rounds: every (server, operation) pair once per round, the server
 * order rotated each round, so that whatever the machine does during the run hits every server
 * alike; the ratios are taken per round (paired runs, minutes apart at most) and then their median.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { OP_REQUESTS, SANDBOX_BODY, UPSERT_BODY, type BenchConfig, type Op } from "./config.ts";
import { post, runOp, send, type LoadResult } from "./load.ts";
import { median, ratio, type PairResult, type RatioResult, type ThroughputSection } from "./results.ts";
import { SERVER_LABELS, memoryOf, mockoonData, sleep, startServer, type ServerKind } from "./servers.ts";

const SERVERS: readonly ServerKind[] = ["mock", "prism", "prism-warn", "mockoon", "bare"];
/**
 * The servers the mock's req/s is divided by. Mockoon is a peer (the OpenAPI mock users pick
 * beside Prism): its ratios are reported, and no target is judged on them (targets.ts).
 */
const VERSUS: readonly ServerKind[] = ["prism", "prism-warn", "mockoon", "bare"];
const OPS: readonly Op[] = ["upsert", "get"];
/** Between two runs: the previous run's sockets close, its garbage is collected, before the next one starts (shorter in a smoke run). */
const pauseMs = (config: BenchConfig) => (config.smoke ? 50 : 250);

type Started = Awaited<ReturnType<typeof startServer>>;

/**
 * Creates the sandbox and the agent on the mock (the first upsert creates the slug, every later one
 * updates it), then records the mock's own answers to the two bench requests for the bare server.
 */
async function setUpMock(url: string, logDir: string): Promise<string> {
  await post(url, "/v1/sandboxes", SANDBOX_BODY, [201]);
  await post(url, "/v1/agents", UPSERT_BODY, [201, 200]);
  const upsert = await send(url, OP_REQUESTS.upsert);
  const get = await send(url, OP_REQUESTS.get);
  if (upsert.status !== 200 || get.status !== 200) throw new Error(`the mock answered the bench requests ${upsert.status} and ${get.status}, expected 200 and 200: ${upsert.text.slice(0, 300)} ${get.text.slice(0, 300)}`);
  const cannedFile = join(logDir, "canned.json");
  writeFileSync(cannedFile, JSON.stringify({ upsert: { status: upsert.status, requestId: upsert.requestId, body: upsert.text }, get: { status: get.status, requestId: get.requestId, body: get.text } }));
  return cannedFile;
}

export async function measureThroughput(config: BenchConfig, logDir: string, failures: string[], log: (line: string) => void): Promise<ThroughputSection> {
  const running = new Map<ServerKind, Started>();
  try {
    log(`starting ${SERVERS.map((s) => SERVER_LABELS[s]).join(", ")}…`);
    const mockoonSpec = mockoonData(logDir);
    const started = await Promise.allSettled(
      (["mock", "prism", "prism-warn", "mockoon"] as const).map(async (kind) => running.set(kind, await startServer(kind, logDir, kind === "mockoon" ? mockoonSpec : undefined))),
    );
    for (const outcome of started) if (outcome.status === "rejected") throw outcome.reason;
    const mock = running.get("mock") as Started;
    const cannedFile = await setUpMock(mock.url, logDir);
    running.set("bare", await startServer("bare", logDir, cannedFile));

    // Every server must answer both requests 2xx before anything is measured (Prism checks the
    // key header and the body against the spec; a 401 or 422 would be measured as speed; Mockoon
    // answers each operation's first declared response, a 200 for both).
    const preflight: ThroughputSection["preflight"] = [];
    for (const kind of SERVERS) {
      for (const op of OPS) {
        const answer = await send((running.get(kind) as Started).url, OP_REQUESTS[op]);
        preflight.push({ server: kind, op, status: answer.status });
        if (answer.status < 200 || answer.status > 299) throw new Error(`${SERVER_LABELS[kind]} answered ${op} with ${answer.status}: ${answer.text.slice(0, 300)}`);
      }
    }

    const url = (kind: ServerKind) => (running.get(kind) as Started).url;
    const pid = (kind: ServerKind) => (running.get(kind) as Started).pid;
    log(`warm-up: ${config.warmupSeconds} s per server and operation (discarded)`);
    const warmup: ThroughputSection["warmup"] = [];
    for (const op of OPS) {
      for (const kind of SERVERS) {
        const result = await runOp(url(kind), pid(kind), op, config.connections, config.warmupSeconds);
        warmup.push({ server: kind, op, rps: result.rps, ok: result.ok, ...(result.problem !== undefined ? { problem: result.problem } : {}) });
        await sleep(pauseMs(config));
      }
    }

    const runs = new Map<string, LoadResult[]>();
    const warnings: string[] = [];
    const order: string[][] = [];
    for (let round = 0; round < config.rounds; round++) {
      const servers = SERVERS.map((_, i) => SERVERS[(i + round) % SERVERS.length] as ServerKind);
      const roundOrder: string[] = [];
      for (const op of OPS) {
        for (const kind of servers) {
          const result = await runOp(url(kind), pid(kind), op, config.connections, config.seconds);
          roundOrder.push(`${kind}/${op}`);
          const key = `${kind}/${op}`;
          runs.set(key, [...(runs.get(key) ?? []), result]);
          if (!result.ok) failures.push(`throughput round ${round + 1}, ${SERVER_LABELS[kind]} ${op}: ${result.problem}`);
          else {
            // 50 connections keep a server on its core: a server off it for a tenth of the run lost
            // time to something else (another process on the machine, a load generator at its limit).
            const why: string[] = [];
            if (result.foreignCpuPercent !== null && result.foreignCpuPercent >= 10) why.push(`other processes on the machine used ${result.foreignCpuPercent}% of a core`);
            if (result.serverCpuPercent !== null && result.serverCpuPercent < 90) why.push(`the server used only ${result.serverCpuPercent}% of its core (load generator ${result.loadGeneratorCpuPercent}%)`);
            if (why.length > 0) warnings.push(`round ${round + 1}, ${SERVER_LABELS[kind]} ${op}: ${why.join("; ")}: its numbers are disturbed`);
          }
          log(`round ${round + 1}/${config.rounds}  ${SERVER_LABELS[kind].padEnd(24)} ${op.padEnd(7)} ${String(result.rps).padStart(7)} req/s  p50 ${result.p50Ms} ms  p99 ${result.p99Ms} ms  CPU server ${result.serverCpuPercent}% load ${result.loadGeneratorCpuPercent}% other ${result.foreignCpuPercent ?? "?"}%${result.ok ? "" : `  FAILED: ${result.problem}`}`);
          await sleep(pauseMs(config));
        }
      }
      order.push(roundOrder);
    }

    const pairs: PairResult[] = [];
    for (const kind of SERVERS) {
      for (const op of OPS) {
        const rounds = runs.get(`${kind}/${op}`) ?? [];
        const passed = rounds.filter((r) => r.ok);
        pairs.push({
          server: kind,
          op,
          rounds,
          passedRounds: passed.length,
          medianRps: median(passed.map((r) => r.rps)),
          medianP50Ms: median(passed.map((r) => r.p50Ms)),
          medianP99Ms: median(passed.map((r) => r.p99Ms)),
          medianServerCpuPercent: median(passed.flatMap((r) => (r.serverCpuPercent === null ? [] : [r.serverCpuPercent]))),
          medianLoadGeneratorCpuPercent: median(passed.map((r) => r.loadGeneratorCpuPercent)),
        });
      }
    }
    const pair = (kind: ServerKind, op: Op) => pairs.find((p) => p.server === kind && p.op === op) as PairResult;
    const ratios: RatioResult[] = [];
    for (const op of OPS) {
      for (const versus of VERSUS) {
        const mine = pair("mock", op);
        const theirs = pair(versus, op);
        const perRound = mine.rounds.map((m, i) => {
          const t = theirs.rounds[i];
          return m.ok && t?.ok ? ratio(m.rps, t.rps) : null;
        });
        ratios.push({
          op,
          versus,
          perRound,
          medianOfRoundRatios: median(perRound.filter((r): r is number => r !== null)),
          ratioOfMedians: ratio(mine.medianRps, theirs.medianRps),
          p50RatioOfMedians: ratio(mine.medianP50Ms, theirs.medianP50Ms),
          p99RatioOfMedians: ratio(mine.medianP99Ms, theirs.medianP99Ms),
        });
      }
    }

    const servers = SERVERS.map((kind) => {
      const server = running.get(kind) as Started;
      let rss: number | null = null;
      try {
        rss = memoryOf(server.pid).rssMb;
      } catch {
        rss = null;
      }
      return { kind, label: SERVER_LABELS[kind], command: server.command, process: server.facts, rssMbAfterRounds: rss };
    });
    return { servers, preflight, warmup, order, pairs, ratios, warnings };
  } finally {
    await Promise.all([...running.values()].map((server) => server.stop()));
  }
}
