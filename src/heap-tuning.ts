/**
 * How the standalone command tunes V8's heap for a process whose heap is mostly state that lives
 * long. Applied by `runtools-mock` only (src/cli.ts): a host process that mounts the mock keeps its
 * own settings. A flag given to node (on its command line or in NODE_OPTIONS) always wins over what
 * is set here.
 * docs/performance.md ("Memory") has the measurements behind both choices.
 */
import { PerformanceObserver } from "node:perf_hooks";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";

/** The flags node was started with: its command line, then NODE_OPTIONS (split at whitespace). */
export function nodeFlags(execArgv: readonly string[], nodeOptions: string | undefined): string[] {
  return [...execArgv, ...(nodeOptions ?? "").split(/\s+/).filter((flag) => flag !== "")];
}

/** What the command sets; both are read by V8 while it runs, so setting them after start-up works. */
export function tuneHeap(execArgv: readonly string[] = nodeFlags(process.execArgv, process.env.NODE_OPTIONS)): void {
  keepHeapNearLiveData(execArgv);
  capYoungGeneration(execArgv);
}

/** True when node was started with `--name=…` or `--name …` (dashes or underscores). */
function givenOnCommandLine(execArgv: readonly string[], ...names: string[]): boolean {
  const spellings = names.flatMap((name) => [name, name.replaceAll("-", "_")]);
  return execArgv.some((arg) => spellings.some((spelling) => arg === spelling || arg.startsWith(`${spelling}=`)));
}

/**
 * V8's default lets the heap grow to as much as 4× what survived the last full collection before
 * collecting again: with 100,000 agents stored that was ~340 MB resident for ~55 MB of agents.
 * Growing by 25% instead keeps it near the live data, for a few more full collections while the
 * store grows (which trace every stored agent, so requests slow down a little as it grows). Set
 * once the state is loaded: while a big --persist or --data state loads, 25% meant a full
 * collection at every quarter of growth, each tracing all that was loaded so far (~0.1 s of a
 * 100k-agent start). V8 reads this flag at each collection.
 */
function keepHeapNearLiveData(execArgv: readonly string[]): void {
  // `node --heap-growing-percent=100 bin/runtools-mock.js` chooses throughput over memory.
  if (givenOnCommandLine(execArgv, "--heap-growing-percent")) return;
  setFlagsFromString("--heap-growing-percent=25");
}

/** The young generation's semi-space size the command stops growing at (V8's default maximum is 16 MB). */
export const SEMI_SPACE_TARGET_BYTES = 8 * 1024 * 1024;

/**
 * The `--semi-space-growth-factor` that lets a semi-space of `currentBytes` grow once more without
 * passing `targetBytes`: V8 grows it to min(maximum, factor × current) (SemiSpaceNewSpace::Grow),
 * so the largest whole factor that keeps factor × current ≤ target, and 1 (no growth) once there.
 */
export function semiSpaceGrowthFactor(currentBytes: number, targetBytes: number): number {
  if (!(currentBytes > 0)) return 2;
  return Math.max(1, Math.floor(targetBytes / currentBytes));
}

/**
 * V8 grows the young generation (two semi-spaces) under load from 1 MB up to 16 MB each: 32 MB of
 * resident memory that, for this server, buys nothing. A request's garbage dies young at any of
 * these sizes, and the stored state is old. Measured with 50 connections (upsert, then get, 5 s
 * each, three rounds): capped at 8 MB the server answered as many requests (upserts 8,509–9,789
 * against 8,010–9,254 req/s, gets 10,040–12,028 against 10,935–11,258) in 18 MB less RSS (118
 * against 136.5 MB), and with 100,000 agents stored RSS read 175 MB against 203 MB. The cap is
 * `node --max-semi-space-size=8`, which V8 reads only when it creates the heap, before this code
 * runs; what it does read at each growth is the growth factor. So after each collection the factor
 * is set to what reaches the target and no further (1 once there); after an idle period V8 shrinks
 * the young generation, and the factor lets it grow back to the target. The observer costs one
 * callback per collection.
 */
function capYoungGeneration(execArgv: readonly string[]): void {
  if (givenOnCommandLine(execArgv, "--max-semi-space-size", "--semi-space-growth-factor", "--max-heap-size")) return;
  let applied = 0;
  const apply = () => {
    const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === "new_space");
    // new_space's size counts both semi-spaces.
    const factor = semiSpaceGrowthFactor((newSpace?.space_size ?? 0) / 2, SEMI_SPACE_TARGET_BYTES);
    if (factor === applied) return;
    setFlagsFromString(`--semi-space-growth-factor=${factor}`);
    applied = factor;
  };
  apply();
  new PerformanceObserver(apply).observe({ entryTypes: ["gc"] });
}
