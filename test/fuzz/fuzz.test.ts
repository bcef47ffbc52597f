/**
 * CI's run of the spec-driven fuzzer (scripts/fuzz, docs/fuzzing.md): 10,000 generated requests,
 * half through each adapter, with a fixed seed so that a red run replays exactly. It fails on any
 * finding not listed in scripts/fuzz/known-findings.ts (each entry names the issue-11 item that
 * fixes it; the list shrinks as those land). The run time is a budget (about two minutes on an
 * idle CI machine), not something this test asserts.
 */
import { expect, it } from "vitest";
import { runFuzz } from "../../scripts/fuzz/runner.ts";

/** The smoke size of the fuzzer in CI; `npm run fuzz -- --requests N` runs more. */
const SMOKE_REQUESTS = 10_000;
const SEED = 20_261_203;

it(
  `answers ${SMOKE_REQUESTS} generated requests without a 5xx, a reset, an off-spec answer or a state change by a rejected request`,
  async () => {
    const lines: string[] = [];
    const report = await runFuzz({ requests: SMOKE_REQUESTS, seed: SEED, adapters: ["node", "express"], print: (line) => lines.push(line) });
    expect(report.requests).toBe(SMOKE_REQUESTS);
    const unknown = report.unknown.map((f) => `${f.signature} (${f.adapter}, ${f.count}×)\n  ${f.detail.slice(0, 300)}\n  ${f.curl.slice(0, 600)}`);
    expect(unknown, lines.join("\n")).toEqual([]);
  },
  15 * 60_000,
);
