/**
 * Test doubles shared by the store tests: a clock the test moves by hand (in time and in
 * requests) and an id source that counts. Nothing here is random, so every assertion on an id,
 * a timestamp or a status can name its exact value.
 */
import { ApiError } from "../../core/errors.ts";
import { BASE62, type IdSource } from "./clock.ts";
import { RequestCountingClock, type LifecycleClock } from "./lifecycle-clock.ts";

/** The instant every ManualClock starts at, unless told otherwise. */
export const START = "2026-01-01T00:00:00.000Z";

/**
 * A lifecycle clock whose time moves only on `advance(ms)` and whose request count moves only
 * on `nextRequest()` (what the pipeline calls once per request). It counts requests with the
 * production RequestCountingClock, so the tests exercise that class too.
 */
export class ManualClock implements LifecycleClock {
  #ms: number;
  readonly #requests: RequestCountingClock;

  constructor(start: string = START) {
    this.#ms = Date.parse(start);
    this.#requests = new RequestCountingClock({ now: () => new Date(this.#ms) });
  }

  now(): Date {
    return this.#requests.now();
  }

  requestSeq(): number {
    return this.#requests.requestSeq();
  }

  /** Starts the next request: transitions started before it may now settle. */
  nextRequest(): void {
    this.#requests.nextRequest();
  }

  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.#ms += ms;
  }
}

/**
 * Ids that count per prefix: `token("agt_", 16)` answers `agt_0000000000000001`, then `…02`,
 * each written in the requested alphabet and left-padded to the requested length.
 */
export class CountingIds implements IdSource {
  readonly #counters = new Map<string, number>();
  #uuids = 0;

  token(prefix: string, length: number, alphabet: string = BASE62): string {
    const n = (this.#counters.get(prefix) ?? 0) + 1;
    this.#counters.set(prefix, n);
    return prefix + inAlphabet(n, alphabet).padStart(length, alphabet.charAt(0));
  }

  uuid(): string {
    this.#uuids += 1;
    return `00000000-0000-4000-8000-${this.#uuids.toString(16).padStart(12, "0")}`;
  }
}

/** An id source that answers the given tokens in order (to provoke collisions), then counts. */
export class ScriptedIds extends CountingIds {
  readonly #script: string[];

  constructor(tokens: readonly string[]) {
    super();
    this.#script = [...tokens];
  }

  override token(prefix: string, length: number, alphabet?: string): string {
    return this.#script.shift() ?? super.token(prefix, length, alphabet);
  }
}

function inAlphabet(n: number, alphabet: string): string {
  let out = "";
  let rest = n;
  do {
    out = alphabet.charAt(rest % alphabet.length) + out;
    rest = Math.floor(rest / alphabet.length);
  } while (rest > 0);
  return out;
}

/** Runs `fn`, which must throw an ApiError, and answers that error (anything else fails the test). */
export function apiErrorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError, but the call succeeded");
}

/** The ApiError an async call rejects with (fails the test if it resolves or rejects otherwise). */
export async function apiErrorOfAsync(fn: () => Promise<unknown>): Promise<ApiError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error("expected an ApiError, but the call succeeded");
}
