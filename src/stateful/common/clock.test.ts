/**
 * Determinism's sources (issue 5: "`--seed <n>` makes ids and timestamps deterministic (a virtual
 * clock), so the same request sequence produces byte-identical responses across runs";
 * spec/control.yaml, `--seed`).
 */
import { describe, expect, it } from "vitest";
import { BASE36, BASE62, randomIds, seededIds, seededRandom, stableUuid, systemClock, VirtualClock } from "./clock.ts";

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A mixed sequence of draws, as the mock makes them. */
function draws(seed: number): string[] {
  const ids = seededIds(seed);
  const out: string[] = [];
  for (let i = 0; i < 20; i++) {
    out.push(ids.token("req_", 16), ids.uuid(), ids.token("sandbox-", 12, BASE36));
  }
  return out;
}

describe("seededIds", () => {
  it("the same seed gives the same tokens and uuids, in the same order", () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(0)).toEqual(draws(0));
  });

  it("different seeds give different ids", () => {
    const a = draws(1);
    const b = draws(2);
    expect(a).not.toEqual(b);
    // Not merely shifted: no id of one appears in the other.
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect(seededIds(1).token("agt_", 16)).not.toBe(seededIds(2).token("agt_", 16));
    expect(seededIds(1).uuid()).not.toBe(seededIds(2).uuid());
  });

  it("successive draws differ", () => {
    const ids = seededIds(7);
    const tokens = Array.from({ length: 500 }, () => ids.token("req_", 16));
    const uuids = Array.from({ length: 500 }, () => ids.uuid());
    expect(new Set(tokens).size).toBe(500);
    expect(new Set(uuids).size).toBe(500);
  });

  it("uuids are version 4, variant 10xx", () => {
    const ids = seededIds(123);
    for (let i = 0; i < 200; i++) expect(ids.uuid()).toMatch(UUID_V4);
  });

  it("tokens are the prefix and `length` characters of the alphabet (BASE62 by default)", () => {
    const ids = seededIds(99);
    for (let i = 0; i < 100; i++) {
      const token = ids.token("req_", 16);
      expect(token).toMatch(/^req_[0-9A-Za-z]{16}$/);
      const sandbox = ids.token("sandbox-", 12, BASE36);
      expect(sandbox).toMatch(/^sandbox-[0-9a-z]{12}$/);
      const binary = ids.token("b", 8, "01");
      expect(binary).toMatch(/^b[01]{8}$/);
    }
    expect(ids.token("x_", 0)).toBe("x_");
  });

  it("tokens use the whole alphabet", () => {
    const ids = seededIds(5);
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const ch of ids.token("", 16)) seen.add(ch);
    expect(seen.size).toBe(BASE62.length);
  });
});

describe("seededRandom", () => {
  it("answers numbers in [0, 1)", () => {
    const random = seededRandom(2026);
    const values = Array.from({ length: 10000 }, () => random());
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
    expect(Math.min(...values)).toBeLessThan(0.01);
    expect(Math.max(...values)).toBeGreaterThan(0.99);
  });

  it("the same seed repeats the sequence; another seed does not", () => {
    const take = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 50 }, () => random());
    };
    expect(take(9)).toEqual(take(9));
    expect(take(9)).not.toEqual(take(10));
  });

  it("seeds are taken as 32-bit unsigned integers", () => {
    const a = seededRandom(2 ** 32 + 3);
    const b = seededRandom(3);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe("VirtualClock", () => {
  it("starts at 2026-01-01T00:00:00.000Z", () => {
    expect(new VirtualClock().now().toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });

  it("starts where it is told", () => {
    expect(new VirtualClock(Date.UTC(2030, 5, 1)).now().toISOString()).toBe("2030-06-01T00:00:00.000Z");
  });

  it("moves only by advance(), not with the wall clock", async () => {
    const clock = new VirtualClock();
    const first = clock.now().getTime();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBe(first);
    clock.advance(1);
    expect(clock.now().toISOString()).toBe("2026-01-01T00:00:00.001Z");
    clock.advance(59_999);
    expect(clock.now().toISOString()).toBe("2026-01-01T00:01:00.000Z");
  });

  it("answers a new Date each time: changing it does not move the clock", () => {
    const clock = new VirtualClock();
    const now = clock.now();
    now.setUTCFullYear(1999);
    expect(clock.now().toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
});

describe("the other sources", () => {
  it("randomIds: tokens of the alphabet and v4 uuids", () => {
    expect(randomIds.token("agt_", 16)).toMatch(/^agt_[0-9A-Za-z]{16}$/);
    expect(randomIds.token("sandbox-", 12, BASE36)).toMatch(/^sandbox-[0-9a-z]{12}$/);
    expect(randomIds.uuid()).toMatch(UUID_V4);
  });

  it("randomIds: each token is its own string, at any length (the spelling buffer is reused)", () => {
    const first = randomIds.token("agt_", 16);
    const copy = `${first}`;
    const tokens = Array.from({ length: 300 }, () => randomIds.token("agt_", 16));
    // A later draw must not rewrite an earlier token.
    expect(first).toBe(copy);
    expect(new Set([first, ...tokens]).size).toBe(301);
    // Longer than the buffer, and the empty token.
    const long = randomIds.token("long_", 100);
    expect(long).toMatch(/^long_[0-9A-Za-z]{100}$/);
    expect(randomIds.token("x_", 0)).toBe("x_");
    expect(randomIds.token("", 8, "01")).toMatch(/^[01]{8}$/);
  });

  it("systemClock follows the wall clock", () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("stableUuid: the same input gives the same uuid, another input another one", () => {
    const a = stableUuid("org", "rt_test_alice");
    expect(stableUuid("org", "rt_test_alice")).toBe(a);
    expect(stableUuid("org", "rt_test_bob")).not.toBe(a);
    expect(stableUuid("user", "rt_test_alice")).not.toBe(a);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe("randomIds", () => {
  it("draws from a byte pool across refills: every id well-formed, none repeated", () => {
    // 2,000 tokens of 16 bytes use eight pools of 4,096 bytes, and one more that a 5,000-byte
    // token forces (longer than a pool), so every refill path is crossed.
    const tokens = Array.from({ length: 2000 }, () => randomIds.token("req_", 16));
    for (const token of tokens) expect(token).toMatch(/^req_[0-9A-Za-z]{16}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(randomIds.token("big_", 5000)).toMatch(/^big_[0-9A-Za-z]{5000}$/);
    expect(randomIds.token("after_", 16)).toMatch(/^after_[0-9A-Za-z]{16}$/);
  });
});
