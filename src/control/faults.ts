/**
 * Injected latency and failures (WireMock's delay distributions and faults, MockServer's seeded
 * chaos; anchors §3 ideas 8 and 23). Rules are set through `PUT /__mock/faults` or globally by
 * `--latency` and `--error-rate`; a seed makes every random choice repeatable.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { ERROR_CATALOGUE } from "../core/errors.ts";
import type { OperationResult } from "../core/pipeline.ts";
import { seededRandom } from "../stateful/common/clock.ts";
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
  /** `--seed`: the seed of a configuration set without one (spec/control.yaml `PUT /__mock/faults`). */
  readonly #defaultSeed: number | undefined;

  constructor(
    /** Rules from the command line (`--latency`, `--error-rate`): the initial configuration, replaced or removed like any other. */
    initialRules: readonly FaultRule[] = [],
    seed?: number,
  ) {
    this.#defaultSeed = seed;
    this.configure({ ...(seed === undefined ? {} : { seed }), rules: structuredClone([...initialRules]) });
  }

  /** Replaces the configuration (already validated against spec/control.yaml); answers it with the seed resolved. */
  configure(config: FaultConfigInput): FaultConfig {
    const seed = config.seed ?? this.#defaultSeed ?? Date.now() % 2 ** 31;
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
    const rules = this.#config.rules.filter(
      (rule) => (rule.operationId === undefined || rule.operationId === target.operationId) && (rule.org === undefined || rule.org === target.orgId),
    );
    // For each of latency, reset and error, the first matching rule that sets it applies.
    const latency = rules.find((rule) => rule.latency)?.latency;
    const reset = rules.find((rule) => rule.reset)?.reset;
    const error = rules.find((rule) => rule.error)?.error;
    const delayMs = latency ? this.#sample(latency) : 0;
    if (reset && this.#random() < reset.probability) return { delayMs, result: { status: 0, reset: true } };
    if (error && this.#random() < error.probability) {
      const code = error.code ?? codeFor(error.status);
      const message = error.message ?? "Injected fault";
      return { delayMs, result: { status: error.status, body: { error: { code, message, requestId } }, injected: true } };
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

/**
 * The catalogue code of a status (the first one listed for it). `service_unavailable` is the
 * listening server's own refusal of a connection past its limit, never an operation's answer, so
 * an injected 503 stays `internal_error` (spec/control.yaml, faults).
 */
export function codeFor(status: number): string {
  const entry = Object.entries(ERROR_CATALOGUE).find(([code, s]) => s === status && code !== "service_unavailable");
  return entry ? entry[0] : "internal_error";
}
