/**
 * The options of a mock instance. Every field has a default, so `runtoolsMock()` with no
 * options is the in-memory stand-in that `npm start` serves.
 */
import type { Keyring } from "./core/auth.ts";
import { randomIds, systemClock, type Clock, type IdSource } from "./stateful/clock.ts";

/** What a caller may set. */
export interface MockOptions {
  /** Base URL for self-links such as an agent's `endpoint`; default: the URL the client called. */
  publicUrl?: string;
  /** API key → organization id; default: every well-formed key is an organization of its own. */
  keyring?: Keyring;
  /** Validate every response against the spec; default: on under test (NODE_ENV=test or VITEST), else off. */
  validateResponses?: boolean;
  /** How long a sandbox stays `creating`, `pausing` or `resuming`, in ms; 0 (default) = until the next request. */
  bootDelayMs?: number;
  /** The largest request body accepted, in bytes; default 1 MiB (larger → 413). */
  bodyLimitBytes?: number;
  /** Pause between the frames of a streamed run, in ms; default 10 (0: as fast as the socket takes them). */
  streamDelayMs?: number;
  /** Source of time; default the system clock. */
  clock?: Clock;
  /** Source of ids; default cryptographically random. */
  ids?: IdSource;
  /** Where contract violations and start-up notes go; default stderr. */
  log?: (line: string) => void;
}

/** Options with every default applied. */
export interface MockConfig {
  publicUrl: string | undefined;
  keyring: Keyring;
  validateResponses: boolean;
  bootDelayMs: number;
  bodyLimitBytes: number;
  streamDelayMs: number;
  clock: Clock;
  ids: IdSource;
  log: (line: string) => void;
}

/** 1 MiB: the body limit, and the limit of most API gateways. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Frames of a streamed run arrive over time, as a model's tokens would, without slowing tests down. */
export const DEFAULT_STREAM_DELAY_MS = 10;

/** True when running under a test runner, where response validation is always on. */
export function underTest(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "test" || env.VITEST !== undefined;
}

/** Applies the defaults. */
export function resolveConfig(options: MockOptions = {}): MockConfig {
  const bootDelayMs = options.bootDelayMs ?? 0;
  if (!Number.isInteger(bootDelayMs) || bootDelayMs < 0) throw new Error(`bootDelayMs must be a whole number ≥ 0, not ${bootDelayMs}`);
  const bodyLimitBytes = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const streamDelayMs = options.streamDelayMs ?? DEFAULT_STREAM_DELAY_MS;
  if (!Number.isInteger(streamDelayMs) || streamDelayMs < 0) throw new Error(`streamDelayMs must be a whole number ≥ 0, not ${streamDelayMs}`);
  if (!Number.isInteger(bodyLimitBytes) || bodyLimitBytes < 1) throw new Error(`bodyLimitBytes must be a positive whole number, not ${bodyLimitBytes}`);
  return {
    publicUrl: options.publicUrl?.replace(/\/+$/, ""),
    keyring: options.keyring,
    validateResponses: options.validateResponses ?? underTest(),
    bootDelayMs,
    bodyLimitBytes,
    streamDelayMs,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    log: options.log ?? ((line) => process.stderr.write(`${line}\n`)),
  };
}
