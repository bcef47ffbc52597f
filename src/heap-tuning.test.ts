import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { nodeFlags, SEMI_SPACE_TARGET_BYTES, semiSpaceGrowthFactor } from "./heap-tuning.ts";

const MB = 1024 * 1024;

describe("semiSpaceGrowthFactor", () => {
  it("grows straight to the target from any size that divides it", () => {
    expect(semiSpaceGrowthFactor(1 * MB, 8 * MB)).toBe(8);
    expect(semiSpaceGrowthFactor(2 * MB, 8 * MB)).toBe(4);
    expect(semiSpaceGrowthFactor(4 * MB, 8 * MB)).toBe(2);
  });

  it("never lets one growth pass the target", () => {
    // 3 MB × 2 = 6 MB; × 3 would be 9 MB. 6 MB × 2 would be 12 MB, so no growth.
    expect(semiSpaceGrowthFactor(3 * MB, 8 * MB)).toBe(2);
    expect(semiSpaceGrowthFactor(6 * MB, 8 * MB)).toBe(1);
  });

  it("stops growth at and above the target", () => {
    expect(semiSpaceGrowthFactor(8 * MB, 8 * MB)).toBe(1);
    expect(semiSpaceGrowthFactor(16 * MB, 8 * MB)).toBe(1);
  });

  it("keeps V8's default when the size is unknown", () => {
    expect(semiSpaceGrowthFactor(0, 8 * MB)).toBe(2);
    expect(semiSpaceGrowthFactor(Number.NaN, 8 * MB)).toBe(2);
  });
});

/**
 * V8 flags are per process, so the tuning is tried in a child: it allocates as a busy server does
 * (mostly short-lived objects, some kept a while) and prints the largest young generation it saw.
 */
describe("tuneHeap in a process", () => {
  const tuning = fileURLToPath(new URL("./heap-tuning.ts", import.meta.url));
  const program = `
    import { getHeapSpaceStatistics } from "node:v8";
    if (process.env.TUNE === "1") (await import(${JSON.stringify(tuning)})).tuneHeap();
    let largest = 0;
    const kept = [];
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 200000; i++) { const object = { i, text: "x" + i }; if (i % 10 === 0) kept.push(object); }
      if (kept.length > 300000) kept.length = 0;
      // The observer's callbacks run between turns of the event loop, as between requests.
      await new Promise((resolve) => setImmediate(resolve));
      largest = Math.max(largest, getHeapSpaceStatistics().find((space) => space.space_name === "new_space").space_size);
    }
    console.log(largest);
  `;
  const largestYoungGeneration = (flags: string[], tune: boolean, nodeOptions?: string): number => {
    const env = { ...process.env, TUNE: tune ? "1" : "0", ...(nodeOptions !== undefined ? { NODE_OPTIONS: nodeOptions } : {}) };
    const result = spawnSync(process.execPath, [...flags, "--import", "tsx", "--input-type=module", "-e", program], { encoding: "utf8", env });
    if (result.status !== 0) throw new Error(result.stderr);
    return Number(result.stdout.trim());
  };

  it("keeps both semi-spaces at the target, where V8 alone grows them past it", () => {
    expect(largestYoungGeneration([], false)).toBeGreaterThan(2 * SEMI_SPACE_TARGET_BYTES);
    expect(largestYoungGeneration([], true)).toBe(2 * SEMI_SPACE_TARGET_BYTES);
  });

  it("leaves the young generation alone when node's command line sizes it", () => {
    expect(largestYoungGeneration(["--max-semi-space-size=16"], true)).toBeGreaterThan(2 * SEMI_SPACE_TARGET_BYTES);
  });

  it("leaves it alone when NODE_OPTIONS sizes it", () => {
    expect(largestYoungGeneration([], true, "--max-semi-space-size=16")).toBeGreaterThan(2 * SEMI_SPACE_TARGET_BYTES);
  });
});

describe("nodeFlags", () => {
  it("reads node's command line, then NODE_OPTIONS split at whitespace", () => {
    expect(nodeFlags(["--inspect"], "  --max-semi-space-size=16   --heap-growing-percent=50 ")).toEqual(["--inspect", "--max-semi-space-size=16", "--heap-growing-percent=50"]);
    expect(nodeFlags([], undefined)).toEqual([]);
  });
});
