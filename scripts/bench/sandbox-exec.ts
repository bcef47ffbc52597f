/**
 * Sandboxes as small machines (docs/sandboxes.md): what a command costs through the API, and what
 * an idle sandbox costs in memory, measured on the server a user starts.
 *
 * - exec: one running sandbox, then `echo hello` through `POST /v1/sandboxes/{id}/exec`, one
 *   request at a time (a sandbox client waits for each command), after a warm-up that builds the
 *   sandbox's shell. The median and p95 of the round trip (validation, the shell, the answer) are
 *   the numbers; the target is the median.
 * - idle sandboxes: RSS before and after creating `IDLE_SANDBOXES` sandboxes that never run a
 *   command, each read after a pause for the heap to settle; the difference per sandbox is a
 *   number for docs/sandboxes.md, not a target.
 *
 * Runnable alone: `npx tsx scripts/bench/sandbox-exec.ts [--smoke]`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { API_KEY, configFrom, type BenchConfig } from "./config.ts";
import { post, send } from "./load.ts";
import { median, type SandboxSection } from "./results.ts";
import { memoryOf, sleep, startServer, stopAll } from "./servers.ts";

/** The target of this section: "exec of a simple command stays under a few milliseconds". */
export const EXEC_TARGET_MS = 5;
const IDLE_SANDBOXES = 5000;

export async function measureSandboxes(config: BenchConfig, logDir: string, log: (line: string) => void): Promise<SandboxSection> {
  const mock = await startServer("mock", logDir, undefined, ["--boot-delay", "0"]);
  try {
    const created = JSON.parse((await post(mock.url, "/v1/sandboxes", { name: "bench-exec" }, [201])).text) as { data: { id: string } };
    const path = `/v1/sandboxes/${created.data.id}/exec`;
    const exec = () => send(mock.url, { method: "POST", path, headers: { "X-API-Key": API_KEY, "Content-Type": "application/json" }, body: JSON.stringify({ command: "echo hello" }) });
    const rounds = config.smoke ? 20 : 500;
    for (let i = 0; i < Math.max(5, rounds / 10); i++) await exec();
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      const answer = await exec();
      times.push(performance.now() - started);
      if (answer.status !== 200 || JSON.parse(answer.text).data?.stdout !== "hello\n") throw new Error(`exec answered ${answer.status}: ${answer.text.slice(0, 200)}`);
    }
    times.sort((a, b) => a - b);
    const execMs = { median: round(median(times) ?? 0), p95: round(times[Math.floor(times.length * 0.95)] ?? 0), rounds };
    log(`exec of echo hello: median ${execMs.median} ms, p95 ${execMs.p95} ms (${rounds} sequential requests)`);

    const count = config.smoke ? 50 : IDLE_SANDBOXES;
    await sleep(1000);
    const before = memoryOf(mock.pid).rssMb;
    for (let i = 0; i < count; i++) await post(mock.url, "/v1/sandboxes", { name: `idle-${i}` }, [201]);
    await sleep(1000);
    const after = memoryOf(mock.pid).rssMb;
    const idleKibPerSandbox = round(((after - before) * 1024) / count);
    log(`${count} idle sandboxes: RSS ${before} → ${after} MB, ~${idleKibPerSandbox} KiB each`);
    return { exec: execMs, idle: { sandboxes: count, rssBeforeMb: before, rssAfterMb: after, kibPerSandbox: idleKibPerSandbox } };
  } finally {
    await mock.stop();
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

// Alone: `npx tsx scripts/bench/sandbox-exec.ts [--smoke]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const logDir = mkdtempSync(join(tmpdir(), "bench-sandboxes-"));
  try {
    console.log(JSON.stringify(await measureSandboxes(configFrom(process.argv.slice(2)), logDir, console.log), null, 2));
  } finally {
    await stopAll();
    rmSync(logDir, { recursive: true, force: true });
  }
}
