/**
 * Time and identifiers come from here and nowhere else (DESIGN.md principle 7), so that a
 * seeded source can make a run of requests byte-for-byte repeatable.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";

/** The mock's notion of "now". */
export interface Clock {
  now(): Date;
}

/** Fresh identifiers: prefixed random tokens and UUIDs. */
export interface IdSource {
  /** `prefix` followed by `length` characters from `alphabet`. */
  token(prefix: string, length: number, alphabet?: string): string;
  uuid(): string;
}

/** Letters and digits, both cases: the alphabet of `agt_`, `req_` and key suffixes. */
export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Lower-case letters and digits: the alphabet of `sandbox-` ids, which appear in host names. */
export const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * Random bytes drawn from the OS a pool at a time (as nanoid and uuid do): one call into the
 * crypto module per 256 ids instead of one per id, which showed in profiles of every request
 * (each gets a `req_` id).
 */
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;

function poolBytes(length: number): Buffer {
  if (poolOffset + length > pool.length) {
    pool = randomBytes(Math.max(POOL_BYTES, length));
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + length);
  poolOffset += length;
  return bytes;
}

/**
 * Where a token is spelled before it becomes a string. Built with `+=`, a 16-character id is a
 * chain of 17 cons strings (~300 bytes of heap, kept until something flattens it) per agent,
 * request and event; spelled into bytes and decoded once, it is one flat string, and faster.
 * Prefixes and alphabets are ASCII (the mock's own constants), so latin1 spells them exactly.
 */
const scratch = Buffer.allocUnsafe(64);

/** Cryptographically random ids (the default). */
export const randomIds: IdSource = {
  token(prefix, length, alphabet = BASE62) {
    const bytes = poolBytes(length);
    const total = prefix.length + length;
    const out = total <= scratch.length ? scratch : Buffer.allocUnsafe(total);
    out.write(prefix, 0, "latin1");
    // Modulo bias is irrelevant here: these are opaque ids, not secrets.
    for (let i = 0; i < length; i++) out[prefix.length + i] = alphabet.charCodeAt((bytes[i] as number) % alphabet.length);
    return out.toString("latin1", 0, total);
  },
  uuid: () => randomUUID(),
};

/**
 * A stable UUID derived from a string (an API key, an organization name): the same key maps to
 * the same organization across restarts, without storing the key.
 */
export function stableUuid(namespace: string, value: string): string {
  const hex = createHash("sha256").update(`${namespace}\u0000${value}`).digest("hex");
  // Shape it as an RFC 4122 version-5-style UUID (variant 10xx) so it passes `format: uuid`.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A small, fast, seedable generator (mulberry32): the same seed gives the same sequence on
 * every machine, which is all determinism needs here; it is no source of secrets.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ids from a seeded generator: the same requests under the same `--seed` get the same ids. */
export function seededIds(seed: number): IdSource {
  const random = seededRandom(seed);
  return {
    token(prefix, length, alphabet = BASE62) {
      let out = prefix;
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
      return out;
    },
    uuid() {
      const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
      const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}

/**
 * A clock that does not follow the wall: it starts at a fixed instant and moves only when told
 * (the mock moves it one millisecond per request under `--seed`), so timestamps repeat exactly.
 */
export class VirtualClock implements Clock {
  #now: number;

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.#now = start;
  }

  now(): Date {
    return new Date(this.#now);
  }

  /** Moves time forward. */
  advance(ms: number): void {
    this.#now += ms;
  }
}

/** A clock that runs `offset` milliseconds ahead of another; the offset only grows (the control plane's clock advance). */
export class AdvancedClock implements Clock {
  #offsetMs = 0;

  constructor(private readonly base: Clock) {}

  now(): Date {
    return new Date(this.base.now().getTime() + this.#offsetMs);
  }

  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): void {
    this.#offsetMs += ms;
  }
}
