/**
 * The clock that drives sandbox lifecycles: wall time plus a count of requests served.
 *
 * Reference Part A ("sandboxes"): a sandbox answers `creating` and is `running` once a
 * configurable boot delay passes; with the default delay of 0 it is running "by the next
 * request". Counting requests makes that exact and deterministic: a transition started during
 * request n is visible from request n+1 on, once its delay has passed.
 */
import type { Clock } from "./clock.ts";

/** Wall time and the sequence number of the request being served. */
export interface LifecycleClock extends Clock {
  requestSeq(): number;
}

/** A lifecycle clock over a wall clock; the pipeline calls `nextRequest()` once per request. */
export class RequestCountingClock implements LifecycleClock {
  #seq = 0;

  constructor(private readonly clock: Clock) {}

  now(): Date {
    return this.clock.now();
  }

  requestSeq(): number {
    return this.#seq;
  }

  /** Marks the start of a new request. */
  nextRequest(): void {
    this.#seq += 1;
  }
}
