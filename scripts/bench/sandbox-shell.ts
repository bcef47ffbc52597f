/**
 * The cost of a sandbox's shell, measured in-process (no HTTP): exec of a simple command, the
 * ComputeSDK provider's write-then-read, and the heap an idle sandbox takes with and without its
 * shell. Prints numbers; asserts nothing. Run: `node --expose-gc --import tsx scripts/bench/sandbox-shell.ts`.
 */
import { CountingIds } from "../../src/stateful/common/test-support.ts";
import { systemClock } from "../../src/stateful/common/clock.ts";
import { RequestCountingClock } from "../../src/stateful/common/lifecycle-clock.ts";
import { SandboxStore } from "../../src/stateful/sandboxes/sandboxes.store.ts";
import { WorkspaceStore } from "../../src/stateful/workspaces/workspaces.store.ts";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc");

const clock = new RequestCountingClock(systemClock);
const ids = new CountingIds();
const store = new SandboxStore({ clock, ids, bootDelayMs: 0, workspaces: new WorkspaceStore({ clock, ids }) });
const create = () => store.create({ template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [] }).id;

async function timeExec(id: string, command: string, rounds: number): Promise<{ median: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await store.exec(id, { command, timeout: 30_000, cwd: "/workspace" });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(rounds / 2)] ?? 0, p95: times[Math.floor(rounds * 0.95)] ?? 0 };
}

const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

const id = create();
clock.nextRequest();
const first = performance.now();
await store.exec(id, { command: "true", timeout: 30_000, cwd: "/workspace" });
console.log(`first exec in a process (loads just-bash's commands, builds the shell): ${(performance.now() - first).toFixed(1)} ms`);
const second = create();
clock.nextRequest();
const firstInSandbox = performance.now();
await store.exec(second, { command: "true", timeout: 30_000, cwd: "/workspace" });
console.log(`first exec in another sandbox (builds its shell): ${(performance.now() - firstInSandbox).toFixed(1)} ms`);
for (const [label, command] of [
  ["echo hello", "echo hello"],
  ["provider write (printf|base64 --decode > f)", "printf %s 'aGVsbG8=' | base64 --decode > '/workspace/f'"],
  ["provider read (cat -- f)", "cat -- '/workspace/f'"],
  ["provider readdir (find -printf %y)", "find '/workspace' -mindepth 1 -maxdepth 1 -printf '%f\\0%y\\0%s\\0%T@\\0'"],
] as const) {
  const { median, p95 } = await timeExec(id, command, 300);
  console.log(`${label}: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
}

const COUNT = 200;
let before = heap();
const idle: string[] = [];
for (let i = 0; i < COUNT; i++) idle.push(create());
clock.nextRequest();
const idleBytes = (heap() - before) / COUNT;
before = heap();
for (const sandbox of idle) await store.exec(sandbox, { command: "true", timeout: 30_000, cwd: "/workspace" });
const shellBytes = (heap() - before) / COUNT;
console.log(`idle sandbox, never exec'd (no shell yet): ${(idleBytes / 1024).toFixed(1)} KiB`);
console.log(`its shell and empty filesystem, once it has run a command: +${(shellBytes / 1024).toFixed(1)} KiB`);
