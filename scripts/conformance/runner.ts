/**
 * Runs the case table against a server and derives the coverage of the spec's documented
 * (operation, status) pairs: a pair is covered when at least one case provoked that status of
 * that operation and every check of the case passed. A case that got another status than the one
 * it is for fails, and covers nothing.
 */
import type { Case } from "./cases/index.ts";
import type { Contract } from "./contract.ts";
import { CaseContext, SetupError, type RunSettings } from "./context.ts";
import type { Exchange } from "./http.ts";

export interface CaseResult {
  name: string;
  operationId: string;
  status: number;
  outcome: "passed" | "failed" | "skipped";
  /** The status the case's answer had (undefined when it got none). */
  answered?: number;
  durationMs: number;
  /** Why the case failed (empty when it passed). */
  violations: string[];
  /** Problems while cleaning up (they do not fail the case). */
  notes: string[];
  /** One line per exchange: `METHOD path → status (ms[, the frames of a stream])`. */
  exchanges: string[];
}

export interface PairCoverage {
  operationId: string;
  status: number;
  method: string;
  path: string;
  /** covered: a case passed (and none failed); failed: a case failed; uncovered: no case ran. */
  state: "covered" | "failed" | "uncovered";
  /** The cases for the pair that ran. */
  cases: string[];
}

export interface RunSummary {
  target: string;
  startedAt: string;
  durationMs: number;
  totals: { cases: number; passed: number; failed: number; skipped: number };
  coverage: {
    documented: number;
    covered: number;
    percent: number;
    /** Pairs without a passing case, with the reason. */
    uncovered: { operationId: string; status: number; reason: string }[];
  };
  failures: { case: string; operationId: string; status: number; violations: string[] }[];
  pairs: PairCoverage[];
  cases: CaseResult[];
}

export interface RunOptions {
  contract: Contract;
  cases: readonly Case[];
  settings: RunSettings;
  /** Case names not to run. */
  skip?: ReadonlySet<string>;
  /** When given, only these cases run. */
  only?: ReadonlySet<string>;
  /** Cases run at once. */
  concurrency?: number;
  /** Called after each case (progress output). */
  onCase?: (result: CaseResult) => void;
}

/** Problems with the table itself: duplicate names, pairs the spec does not document, unknown names to skip. */
export function checkTable(contract: Contract, cases: readonly Case[], names: Iterable<string> = []): string[] {
  const problems: string[] = [];
  const documented = new Set(contract.pairs.map((p) => `${p.operationId} ${p.status}`));
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) problems.push(`case name '${c.name}' is used twice`);
    seen.add(c.name);
    if (!documented.has(`${c.operationId} ${c.status}`)) problems.push(`case '${c.name}': the spec documents no ${c.status} for ${c.operationId}`);
  }
  for (const name of names) if (!seen.has(name)) problems.push(`no case is named '${name}'`);
  return problems;
}

/** Runs the cases and summarizes. */
export async function runConformance(options: RunOptions): Promise<RunSummary> {
  const { contract, cases, settings } = options;
  const started = Date.now();
  const results: CaseResult[] = new Array(cases.length);
  const runs = (c: Case) => !options.skip?.has(c.name) && (options.only === undefined || options.only.has(c.name));
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < cases.length; index = next++) {
      const c = cases[index] as Case;
      results[index] = runs(c) ? await runCase(c, contract, settings) : skipped(c);
      options.onCase?.(results[index] as CaseResult);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, worker));

  const pairs: PairCoverage[] = contract.pairs.map((pair) => {
    const ran = results.filter((r) => r.operationId === pair.operationId && r.status === pair.status && r.outcome !== "skipped");
    const state = ran.length === 0 ? "uncovered" : ran.some((r) => r.outcome === "failed") ? "failed" : "covered";
    return { ...pair, state, cases: ran.map((r) => r.name) };
  });
  const covered = pairs.filter((p) => p.state === "covered").length;
  const failed = results.filter((r) => r.outcome === "failed");
  return {
    target: settings.baseUrl,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    totals: {
      cases: results.length,
      passed: results.filter((r) => r.outcome === "passed").length,
      failed: failed.length,
      skipped: results.filter((r) => r.outcome === "skipped").length,
    },
    coverage: {
      documented: pairs.length,
      covered,
      percent: pairs.length === 0 ? 100 : Math.floor((covered / pairs.length) * 10_000) / 100,
      uncovered: pairs
        .filter((p) => p.state !== "covered")
        .map((p) => ({
          operationId: p.operationId,
          status: p.status,
          reason: p.state === "failed" ? `failed: ${p.cases.filter((n) => failed.some((r) => r.name === n)).join(", ")}` : cases.some((c) => c.operationId === p.operationId && c.status === p.status) ? "its cases were skipped" : "no case provokes it",
        })),
    },
    failures: failed.map((r) => ({ case: r.name, operationId: r.operationId, status: r.status, violations: r.violations })),
    pairs,
    cases: results,
  };
}

/** True when the run proves conformance: no case failed and every documented pair is covered. */
export function passed(summary: RunSummary): boolean {
  return summary.totals.failed === 0 && summary.coverage.covered === summary.coverage.documented;
}

function skipped(c: Case): CaseResult {
  return { name: c.name, operationId: c.operationId, status: c.status, outcome: "skipped", durationMs: 0, violations: [], notes: [], exchanges: [] };
}

async function runCase(c: Case, contract: Contract, settings: RunSettings): Promise<CaseResult> {
  const ctx = new CaseContext(contract, settings);
  const started = Date.now();
  const problems: string[] = [];
  let subject: Exchange | undefined;
  try {
    subject = await c.run(ctx);
  } catch (error) {
    problems.push(error instanceof SetupError ? error.message : `error: ${(error as Error).message}`);
  }
  const notes = await ctx.cleanup();
  if (subject) {
    if (subject.operationId !== c.operationId) {
      problems.push(`the case's answer comes from ${subject.operationId ?? `${subject.method} ${subject.path}`}, not ${c.operationId}`);
    }
    if (subject.status !== c.status) {
      problems.push(`expected ${c.status}, got ${subject.status}: ${JSON.stringify(subject.body ?? subject.frames?.map((f) => f.event) ?? null).slice(0, 400)}`);
    } else if (c.code !== undefined && subject.body?.error?.code !== c.code) {
      problems.push(`expected error.code '${c.code}', got ${JSON.stringify(subject.body?.error?.code)}`);
    }
  }
  const violations = [...problems, ...ctx.violations];
  return {
    name: c.name,
    operationId: c.operationId,
    status: c.status,
    outcome: violations.length === 0 ? "passed" : "failed",
    ...(subject ? { answered: subject.status } : {}),
    durationMs: Date.now() - started,
    violations,
    notes,
    exchanges: ctx.exchanges.map((ex) => {
      const path = ex.path.length > 100 ? `${ex.path.slice(0, 97)}...` : ex.path;
      const frames = ex.frames ? `, ${ex.frames.length} frames: ${ex.frames.map((f) => f.event).join(" ")}` : "";
      return `${ex.method} ${path} → ${ex.status} (${ex.durationMs} ms${frames})`;
    }),
  };
}
