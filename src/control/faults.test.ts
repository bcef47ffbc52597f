/**
 * Fault injection without HTTP or timers (issue 5: "Faults and latency: fixed, uniform or lognormal
 * delay; error responses with a probability; connection reset; set per operation through the
 * control plane or globally by flags. Seeded, so a run can be repeated"; spec/control.yaml
 * `PUT /__mock/faults`, `DELETE /__mock/faults`, `FaultRule`). Delays are sampled numbers read
 * from decide(); nothing here waits.
 */
import { describe, expect, it } from "vitest";
import { ERROR_CATALOGUE } from "../core/errors.ts";
import type { FaultRule } from "./control-types.ts";
import { codeFor, FaultInjector, type FaultOutcome, type FaultTarget } from "./faults.ts";

const ORG_A = "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b";
const ORG_B = "5d2a8e7f-1b3c-4d6e-9f0a-2b4c6d8e0f1a";
const GET_AGENT: FaultTarget = { operationId: "getAgent", orgId: ORG_A };

/** An injector with these rules and a fixed seed. */
function injector(rules: FaultRule[], seed = 42): FaultInjector {
  const faults = new FaultInjector([], seed);
  faults.configure({ seed, rules });
  return faults;
}

function samples(faults: FaultInjector, n: number, target: FaultTarget = GET_AGENT): FaultOutcome[] {
  return Array.from({ length: n }, (_, i) => faults.decide(target, `req_${i}`));
}

/** The q-quantile (0..1) of numbers, by the nearest-rank method. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
}

describe("FaultInjector: latency", () => {
  it("no rule: no delay and no answer", () => {
    const outcome = injector([]).decide(GET_AGENT, "req_1");
    expect(outcome).toEqual({ delayMs: 0 });
  });

  it("fixed: always `ms`", () => {
    const faults = injector([{ latency: { distribution: "fixed", ms: 250 } }]);
    for (const outcome of samples(faults, 20)) expect(outcome).toEqual({ delayMs: 250 });
  });

  it("uniform: integers within [minMs, maxMs], spread over the range", () => {
    const faults = injector([{ latency: { distribution: "uniform", minMs: 50, maxMs: 150 } }]);
    const delays = samples(faults, 1000).map((o) => o.delayMs);
    for (const d of delays) {
      expect(Number.isInteger(d)).toBe(true);
      expect(d).toBeGreaterThanOrEqual(50);
      expect(d).toBeLessThanOrEqual(150);
    }
    expect(Math.min(...delays)).toBeLessThan(60);
    expect(Math.max(...delays)).toBeGreaterThan(140);
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    expect(mean).toBeGreaterThan(90);
    expect(mean).toBeLessThan(110);
  });

  it("uniform with minMs = maxMs is that value", () => {
    const faults = injector([{ latency: { distribution: "uniform", minMs: 77, maxMs: 77 } }]);
    for (const outcome of samples(faults, 10)) expect(outcome.delayMs).toBe(77);
  });

  it("lognormal: the median near medianMs (15%) and the 99th percentile near p99Ms (35%)", () => {
    const faults = injector([{ latency: { distribution: "lognormal", medianMs: 200, p99Ms: 2000 } }], 1234);
    const delays = samples(faults, 2000).map((o) => o.delayMs);
    const median = quantile(delays, 0.5);
    const p99 = quantile(delays, 0.99);
    expect(Math.abs(median - 200) / 200).toBeLessThan(0.15);
    expect(Math.abs(p99 - 2000) / 2000).toBeLessThan(0.35);
    // Not a constant: the draws spread on both sides of the median.
    expect(quantile(delays, 0.1)).toBeLessThan(120);
    expect(quantile(delays, 0.9)).toBeGreaterThan(400);
  });

  it("lognormal with medianMs = p99Ms is that value", () => {
    const faults = injector([{ latency: { distribution: "lognormal", medianMs: 300, p99Ms: 300 } }]);
    for (const outcome of samples(faults, 20)) expect(outcome.delayMs).toBe(300);
  });

  it("lognormal is capped at 60000 ms", () => {
    const faults = injector([{ latency: { distribution: "lognormal", medianMs: 30000, p99Ms: 60000 } }]);
    const delays = samples(faults, 2000).map((o) => o.delayMs);
    expect(Math.max(...delays)).toBe(60000);
    for (const d of delays) expect(d).toBeLessThanOrEqual(60000);
  });
});

describe("FaultInjector: errors and resets", () => {
  it("an error with probability 1 answers its status with the catalogue code, the request id and injected: true", () => {
    const faults = injector([{ operationId: "getAgent", error: { probability: 1, status: 404 } }]);
    for (const [i, outcome] of samples(faults, 5).entries()) {
      expect(outcome).toEqual({
        delayMs: 0,
        result: { status: 404, body: { error: { code: "not_found", message: "Injected fault", requestId: `req_${i}` } }, injected: true },
      });
    }
  });

  it("503 and 500 are rendered as internal_error; 409 as conflict; 401 as unauthorized", () => {
    expect(codeFor(503)).toBe("internal_error");
    expect(codeFor(500)).toBe("internal_error");
    expect(codeFor(409)).toBe("conflict");
    expect(codeFor(401)).toBe("unauthorized");
    expect(codeFor(413)).toBe("payload_too_large");
    for (const status of [400, 404, 415]) expect(ERROR_CATALOGUE[codeFor(status) as keyof typeof ERROR_CATALOGUE]).toBe(status);
    const outcome = injector([{ error: { probability: 1, status: 503 } }]).decide(GET_AGENT, "req_x");
    expect(outcome.result).toMatchObject({ status: 503, body: { error: { code: "internal_error", requestId: "req_x" } }, injected: true });
  });

  it("an error's own code and message are used when set", () => {
    const faults = injector([{ operationId: "createSandbox", error: { probability: 1, status: 409, code: "conflict", message: "A sandbox named 'build-runner' already exists" } }]);
    const outcome = faults.decide({ operationId: "createSandbox", orgId: ORG_A }, "req_1");
    expect(outcome.result?.body).toEqual({ error: { code: "conflict", message: "A sandbox named 'build-runner' already exists", requestId: "req_1" } });
  });

  it("an error with probability 0 never answers", () => {
    const faults = injector([{ error: { probability: 0, status: 500 }, reset: { probability: 0 } }]);
    for (const outcome of samples(faults, 500)) expect(outcome).toEqual({ delayMs: 0 });
  });

  it("an error with probability 0.25 answers about a quarter of the requests", () => {
    const faults = injector([{ error: { probability: 0.25, status: 500 } }], 7);
    const errors = samples(faults, 2000).filter((o) => o.result !== undefined).length;
    expect(errors).toBeGreaterThan(400);
    expect(errors).toBeLessThan(600);
  });

  it("a reset with probability 1 closes the connection (result.reset), after the latency", () => {
    const faults = injector([{ latency: { distribution: "fixed", ms: 100 }, reset: { probability: 1 } }]);
    const outcome = faults.decide(GET_AGENT, "req_1");
    expect(outcome.delayMs).toBe(100);
    expect(outcome.result?.reset).toBe(true);
    expect(outcome.result?.status).toBe(0);
    expect(outcome.result?.body).toBeUndefined();
  });

  it("the reset goes before the error, even when the error's rule comes first", () => {
    const faults = injector([{ error: { probability: 1, status: 500 } }, { reset: { probability: 1 } }]);
    expect(faults.decide(GET_AGENT, "req_1").result?.reset).toBe(true);
  });

  it("for latency, error and reset, the first matching rule that sets it applies", () => {
    const faults = injector([
      { operationId: "listAgents", latency: { distribution: "fixed", ms: 999 } },
      { operationId: "getAgent", latency: { distribution: "fixed", ms: 100 } },
      { latency: { distribution: "fixed", ms: 50 }, error: { probability: 1, status: 503 } },
      { error: { probability: 1, status: 500, message: "second" } },
    ]);
    const outcome = faults.decide(GET_AGENT, "req_1");
    expect(outcome.delayMs).toBe(100);
    expect(outcome.result?.status).toBe(503);
    expect(faults.decide({ operationId: "deleteAgent", orgId: ORG_A }, "req_2").delayMs).toBe(50);
  });
});

describe("FaultInjector: which rules apply", () => {
  it("operationId: only that operation", () => {
    const faults = injector([{ operationId: "createSandbox", error: { probability: 1, status: 409 } }]);
    expect(faults.decide({ operationId: "createSandbox", orgId: ORG_A }, "req_1").result?.status).toBe(409);
    expect(faults.decide({ operationId: "getSandbox", orgId: ORG_A }, "req_2")).toEqual({ delayMs: 0 });
  });

  it("org: only that organization's requests (not requests without one)", () => {
    const faults = injector([{ org: ORG_A, latency: { distribution: "fixed", ms: 30 } }]);
    expect(faults.decide({ operationId: "getAgent", orgId: ORG_A }, "req_1").delayMs).toBe(30);
    expect(faults.decide({ operationId: "getAgent", orgId: ORG_B }, "req_2").delayMs).toBe(0);
    expect(faults.decide({ operationId: "getHealth", orgId: undefined }, "req_3").delayMs).toBe(0);
  });

  it("a rule without org applies to every organization and to requests without one", () => {
    const faults = injector([{ latency: { distribution: "fixed", ms: 30 } }]);
    expect(faults.decide({ operationId: "getAgent", orgId: ORG_B }, "req_1").delayMs).toBe(30);
    expect(faults.decide({ operationId: "getHealth", orgId: undefined }, "req_2").delayMs).toBe(30);
  });

  it("operationId and org together: both must match", () => {
    const faults = injector([{ operationId: "getAgent", org: ORG_B, error: { probability: 1, status: 404 } }]);
    expect(faults.decide({ operationId: "getAgent", orgId: ORG_B }, "req_1").result?.status).toBe(404);
    expect(faults.decide({ operationId: "getAgent", orgId: ORG_A }, "req_2").result).toBeUndefined();
    expect(faults.decide({ operationId: "listAgents", orgId: ORG_B }, "req_3").result).toBeUndefined();
  });

  it("the constructor's rules (--latency, --error-rate) are in force from the start and shown by current()", () => {
    const initial: FaultRule[] = [{ latency: { distribution: "fixed", ms: 40 }, error: { probability: 1, status: 500 } }];
    const faults = new FaultInjector(initial, 5);
    expect(faults.current()).toEqual({ seed: 5, rules: initial });
    const outcome = faults.decide({ operationId: "listSandboxes", orgId: ORG_B }, "req_1");
    expect(outcome.delayMs).toBe(40);
    expect(outcome.result).toMatchObject({ status: 500, body: { error: { code: "internal_error", message: "Injected fault" } }, injected: true });
  });

  it("configure replaces the constructor's rules (spec: PUT /__mock/faults replaces the --latency rule)", () => {
    const faults = new FaultInjector([{ latency: { distribution: "fixed", ms: 40 } }], 5);
    faults.configure({ rules: [{ operationId: "getAgent", latency: { distribution: "fixed", ms: 7 } }] });
    expect(faults.decide(GET_AGENT, "req_1").delayMs).toBe(7);
    expect(faults.decide({ operationId: "listAgents", orgId: ORG_A }, "req_2").delayMs).toBe(0);
  });

  it("clear removes the constructor's rules too, and counts them", () => {
    const faults = new FaultInjector([{ latency: { distribution: "fixed", ms: 40 } }], 5);
    expect(faults.clear()).toBe(1);
    expect(faults.decide(GET_AGENT, "req_1")).toEqual({ delayMs: 0 });
    expect(faults.current()).toEqual({ seed: 5, rules: [] });
  });

  it("the rules are copied: changing the input after configure changes nothing", () => {
    const rules: FaultRule[] = [{ latency: { distribution: "fixed", ms: 10 } }];
    const faults = injector(rules);
    (rules[0] as { latency: { distribution: "fixed"; ms: number } }).latency.ms = 5000;
    expect(faults.decide(GET_AGENT, "req_1").delayMs).toBe(10);
    const shown = faults.current();
    shown.rules.length = 0;
    expect(faults.current().rules).toHaveLength(1);
  });
});

describe("FaultInjector: seeds", () => {
  const rules: FaultRule[] = [
    { operationId: "getAgent", latency: { distribution: "lognormal", medianMs: 200, p99Ms: 2000 } },
    { latency: { distribution: "uniform", minMs: 0, maxMs: 1000 }, error: { probability: 0.3, status: 503 } },
    { reset: { probability: 0.1 } },
  ];
  const targets: FaultTarget[] = [GET_AGENT, { operationId: "listAgents", orgId: ORG_B }, { operationId: "runAgent", orgId: undefined }];
  const run = (faults: FaultInjector) => Array.from({ length: 300 }, (_, i) => faults.decide(targets[i % 3] as FaultTarget, `req_${i}`));

  it("the same seed gives the same sequence of decisions", () => {
    const first = run(injector(rules, 99));
    const second = run(injector(rules, 99));
    expect(second).toEqual(first);
    // The sequence has all three kinds of outcome, so the comparison means something.
    expect(first.some((o) => o.result?.reset)).toBe(true);
    expect(first.some((o) => o.result?.status === 503)).toBe(true);
    expect(first.some((o) => o.result === undefined)).toBe(true);
  });

  it("a different seed gives a different sequence", () => {
    expect(run(injector(rules, 100))).not.toEqual(run(injector(rules, 99)));
  });

  it("configure restarts the sequence from its seed", () => {
    const faults = injector(rules, 99);
    const first = run(faults);
    faults.configure({ seed: 99, rules });
    expect(run(faults)).toEqual(first);
  });

  it("configure answers the configuration with the seed it was given", () => {
    const faults = new FaultInjector([], 1);
    expect(faults.configure({ seed: 42, rules })).toEqual({ seed: 42, rules });
    expect(faults.current()).toEqual({ seed: 42, rules });
  });

  it("configure resolves a missing seed to an integer (the --seed of the constructor, else a random one)", () => {
    const seeded = new FaultInjector([], 1234);
    expect(seeded.configure({ rules: [] }).seed).toBe(1234);
    const unseeded = new FaultInjector();
    const { seed } = unseeded.configure({ rules });
    expect(Number.isInteger(seed)).toBe(true);
    expect(seed).toBeGreaterThanOrEqual(0);
    expect(seed).toBeLessThanOrEqual(4294967295);
    expect(unseeded.current().seed).toBe(seed);
    expect(Number.isInteger(new FaultInjector().current().seed)).toBe(true);
  });

  it("a resolved seed repeats the decisions when sent back", () => {
    const faults = new FaultInjector();
    const { seed } = faults.configure({ rules });
    const first = run(faults);
    expect(run(injector(rules, seed))).toEqual(first);
  });

  it("clear keeps the seed and answers how many rules there were", () => {
    const faults = injector(rules, 77);
    expect(faults.clear()).toBe(3);
    expect(faults.current()).toEqual({ seed: 77, rules: [] });
    expect(faults.clear()).toBe(0);
    expect(faults.current().seed).toBe(77);
  });
});

describe("FaultInjector.wait", () => {
  it("resolves at once for 0 ms", async () => {
    await expect(FaultInjector.wait(0)).resolves.toBeUndefined();
  });
});
