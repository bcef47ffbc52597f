/**
 * Injected latency and failures (WireMock's delay distributions and faults, MockServer's seeded
 * chaos; anchors §3 ideas 8 and 23). Rules are set through `PUT /__mock/faults` or globally by
 * `--latency` and `--error-rate`; a seed makes every random choice repeatable.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { ApiError, ERROR_CATALOGUE, type ErrorCode } from "../core/errors.ts";
import type { OperationResult } from "../core/pipeline.ts";
import { seededRandom } from "../stateful/clock.ts";
import type { FaultConfig, FaultConfigInput, FaultRule } from "./control-types.ts";

/** Where a rule applies. */
export interface FaultTarget {
  operationId: string;
  orgId: string | undefined;
}

/** The outcome for one request: a delay, and perhaps an answer that replaces the handler's. */
export interface FaultOutcome {
  delayMs: number;
  result?: OperationResult;
}

/** Applies the configured rules. */
export class FaultInjector {
  #config: FaultConfig = { seed: 0, rules: [] };
  #random: () => number = seededRandom(0);

  constructor(
    /** Rules from the command line, which stay in force under every configuration set later. */
    private readonly globalRules: readonly FaultRule[] = [],
    seed = Date.now() % 2 ** 31,
  ) {
    this.configure({ seed, rules: [] });
  }

  /** Replaces the configuration (already validated against spec/control.yaml); answers it with the seed resolved. */
  configure(config: FaultConfigInput): FaultConfig {
    const seed = config.seed ?? Date.now() % 2 ** 31;
    this.#config = { seed, rules: structuredClone(config.rules) as FaultRule[] };
    this.#random = seededRandom(seed);
    return this.current();
  }

  /** The configuration in force. */
  current(): FaultConfig {
    return structuredClone(this.#config);
  }

  /** Removes every rule set through the control plane; answers how many there were. */
  clear(): number {
    const cleared = this.#config.rules.length;
    this.configure({ seed: this.#config.seed, rules: [] });
    return cleared;
  }

  /** Decides the delay and the failure, if any, for one request. */
  decide(target: FaultTarget, requestId: string): FaultOutcome {
    const rules = [...this.globalRules, ...this.#config.rules].filter(
      (rule) => (rule.operationId === undefined || rule.operationId === target.operationId) && (rule.org === undefined || rule.org === target.orgId),
    );
    let delayMs = 0;
    for (const rule of rules) {
      if (rule.latency) delayMs += this.#sample(rule.latency);
      if (rule.reset && this.#random() < rule.reset.probability) return { delayMs, result: { status: 0, reset: true } };
      if (rule.error && this.#random() < rule.error.probability) {
        const code = rule.error.code ?? codeFor(rule.error.status);
        const error = new ApiError(code as ErrorCode, rule.error.message ?? `Injected fault: ${rule.error.status}`);
        return { delayMs, result: { status: rule.error.status, body: { error: { code, message: error.message, requestId } }, injected: true } };
      }
    }
    return { delayMs };
  }

  /** Waits out a delay. */
  static wait(ms: number): Promise<void> {
    return ms > 0 ? sleep(ms) : Promise.resolve();
  }

  #sample(latency: NonNullable<FaultRule["latency"]>): number {
    switch (latency.distribution) {
      case "fixed":
        return latency.ms;
      case "uniform":
        return latency.minMs + Math.round(this.#random() * (latency.maxMs - latency.minMs));
      case "lognormal": {
        // Set by median and p99, as MockServer does: sigma from the 99th percentile's z-score.
        const mu = Math.log(Math.max(latency.medianMs, 1));
        const sigma = Math.max(Math.log(Math.max(latency.p99Ms, latency.medianMs, 1)) - mu, 0) / 2.3263;
        return Math.min(60_000, Math.round(Math.exp(mu + sigma * this.#gaussian())));
      }
    }
  }

  /** A standard normal sample (Box–Muller) from the seeded generator. */
  #gaussian(): number {
    const u = Math.max(this.#random(), Number.EPSILON);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.#random());
  }
}

/** The catalogue code of a status (the first one listed for it). */
export function codeFor(status: number): string {
  const entry = Object.entries(ERROR_CATALOGUE).find(([, s]) => s === status);
  return entry ? entry[0] : "internal_error";
}
