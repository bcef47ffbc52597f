/**
 * Usage counted per UTC day, so that every period of `GET /v1/billing/my-usage` (docs: `current`,
 * `7d`, `30d`, `all_time`) is a sum over whole days, and the memory kept grows with days, not with
 * requests (a ledger entry per run would not: the ledger is bounded, usage must not be).
 */
import type { UsagePeriod, UsageSummary } from "../../api-types.ts";
import type { BillingState } from "../../control/control-types.ts";
import { cloneJson } from "../common/clone.ts";

/** One day's counts, as kept in state documents. */
export type UsageDay = BillingState["usageDays"][number];
type ModelTokens = UsageDay["models"][number];

/** The counts a period sums to (the part of `UsageSummary` that usage days give). */
export type UsageTotals = Pick<UsageSummary, "tokens" | "modelUsage" | "agentRuns" | "codeExecutions" | "toolExecutions"> & {
  sandboxSeconds: number;
  sandboxCents: number;
  runCents: number;
  executionCents: number;
};

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant, in UTC. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The first instant of a period ending now, or null for `all_time`: `current` is the calendar month
 * (UTC), `7d` and `30d` the last 7 or 30 UTC days, today included.
 */
export function periodStart(period: UsagePeriod, now: Date): Date | null {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  switch (period) {
    case "current":
      return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
    case "7d":
      return new Date(today - 6 * DAY_MS);
    case "30d":
      return new Date(today - 29 * DAY_MS);
    case "all_time":
      return null;
  }
}

/** One organization's usage days. */
export class UsageDays {
  readonly #days = new Map<string, UsageDay>();

  /** Counts something on the day of `at`. */
  count(at: Date, change: (day: UsageDay) => void): void {
    const key = dayOf(at);
    let day = this.#days.get(key);
    if (day === undefined) {
      day = { day: key, agentRuns: 0, codeExecutions: 0, toolExecutions: 0, sandboxSeconds: 0, runCents: 0, executionCents: 0, sandboxCents: 0, models: [] };
      this.#days.set(key, day);
    }
    change(day);
  }

  /** Adds a run's tokens to its model's row of the day of `at`. */
  countTokens(at: Date, model: string, tokens: Omit<ModelTokens, "model" | "runs">): void {
    this.count(at, (day) => {
      let row = day.models.find((m) => m.model === model);
      if (row === undefined) {
        row = { model, runs: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0 };
        day.models.push(row);
      }
      row.runs += 1;
      row.inputTokens += tokens.inputTokens;
      row.outputTokens += tokens.outputTokens;
      row.totalTokens += tokens.totalTokens;
    });
  }

  /** The sums over the days from `from` on (every day when null). */
  totals(from: Date | null): UsageTotals {
    const first = from === null ? "" : dayOf(from);
    const totals: UsageTotals = {
      tokens: { inputTokens: 0, outputTokens: 0, totalTokens: 0 },
      modelUsage: [],
      agentRuns: 0,
      codeExecutions: 0,
      toolExecutions: 0,
      sandboxSeconds: 0,
      sandboxCents: 0,
      runCents: 0,
      executionCents: 0,
    };
    const models = new Map<string, ModelTokens>();
    for (const day of this.#days.values()) {
      if (day.day < first) continue;
      totals.agentRuns += day.agentRuns;
      totals.codeExecutions += day.codeExecutions;
      totals.toolExecutions += day.toolExecutions;
      totals.sandboxSeconds += day.sandboxSeconds;
      totals.sandboxCents += day.sandboxCents;
      totals.runCents += day.runCents;
      totals.executionCents += day.executionCents;
      for (const row of day.models) {
        const sum = models.get(row.model) ?? { model: row.model, runs: 0, inputTokens: 0, outputTokens: 0, totalTokens: 0 };
        models.set(row.model, { model: row.model, runs: sum.runs + row.runs, inputTokens: sum.inputTokens + row.inputTokens, outputTokens: sum.outputTokens + row.outputTokens, totalTokens: sum.totalTokens + row.totalTokens });
      }
    }
    totals.modelUsage = [...models.values()];
    for (const row of totals.modelUsage) {
      totals.tokens.inputTokens += row.inputTokens;
      totals.tokens.outputTokens += row.outputTokens;
      totals.tokens.totalTokens += row.totalTokens;
    }
    return totals;
  }

  /** Every day, oldest first, for a state snapshot. */
  exportAll(): UsageDay[] {
    return [...this.#days.values()].sort((a, b) => (a.day < b.day ? -1 : 1)).map((day) => cloneJson(day));
  }

  /** Loads days from a snapshot into this (empty) record; a day named twice is an error. */
  importAll(days: readonly UsageDay[]): void {
    for (const day of days) {
      if (this.#days.has(day.day)) throw new Error(`usage day '${day.day}' appears twice`);
      this.#days.set(day.day, cloneJson(day));
    }
  }
}
