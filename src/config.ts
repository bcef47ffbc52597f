/**
 * The options of a mock instance. Every field has a default, so `runtoolsMock()` with no
 * options is the in-memory stand-in that `npm start` serves.
 */
import type { Keyring } from "./core/auth.ts";
import type { HostPolicy } from "./core/hosts.ts";
import type { CorsOrigins } from "./cors/cors.ts";
import type { LogFormat, LogLevel } from "./logging/request-log.ts";
import { randomIds, systemClock, type Clock, type IdSource } from "./stateful/common/clock.ts";

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
  /** Where the per-request lines of `logLevel` go; default `log`. */
  requestLog?: (line: string) => void;
  /** Makes ids and timestamps deterministic (seeded ids, a virtual clock) and seeds fault choices. */
  seed?: number;
  /** A state document to start from (`--data`); validated like `PUT /__mock/state`. */
  data?: unknown;
  /** Keep the state in this file: loaded at start, rewritten before every acknowledged change. */
  persistPath?: string;
  /** Bearer token that opens the control plane to non-loopback clients. */
  adminToken?: string;
  /**
   * The `Host` names answered, against DNS rebinding (docs/security.md): `any` (no check), `loopback`
   * (localhost, *.localhost, 127.0.0.0/8, [::1]), or the loopback names and these. Default `any`
   * for a mock you mount yourself; `listen()` on a loopback address defaults to `loopback`.
   */
  allowedHosts?: "any" | "loopback" | readonly string[];
  /** How many requests the journal keeps; 0 turns it off. Default 1000. */
  journalSize?: number;
  /** Request and response bodies longer than this are cut in the journal; default 64 KiB. */
  journalBodyLimit?: number;
  /** A fixed delay before every public answer, in ms (`--latency`). */
  latencyMs?: number;
  /** How many organizations the mock keeps (`--max-orgs`); default DEFAULT_MAX_ORGS. */
  maxOrgs?: number;
  /** The probability (0–1) that a public request answers 500 instead (`--error-rate`). */
  errorRate?: number;
  /** Browser origins allowed to call the public API (CORS): `"*"` (default) or a list; `[]` turns CORS off. */
  corsOrigins?: CorsOrigins;
  /** One line per request through `log`: `silent` (default), `info`, or `debug` (with bodies, secrets redacted). */
  logLevel?: LogLevel;
  /** `text` (default) or `json` (one object per line). */
  logFormat?: LogFormat;
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
  requestLog: (line: string) => void;
  seed: number | undefined;
  data: unknown;
  persistPath: string | undefined;
  adminToken: string | undefined;
  hostPolicy: HostPolicy;
  journalSize: number;
  journalBodyLimit: number;
  latencyMs: number;
  errorRate: number;
  maxOrgs: number;
  corsOrigins: CorsOrigins;
  logLevel: LogLevel;
  logFormat: LogFormat;
}

/** 1 MiB: the body limit, and the limit of most API gateways. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Organizations a mock keeps by default: far more than any test suite uses (each CI job or test
 * file usually takes a key of its own), few enough that a client inventing keys cannot exhaust
 * memory (each organization costs a few kilobytes even when empty).
 */
export const DEFAULT_MAX_ORGS = 10_000;

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
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  return {
    publicUrl: options.publicUrl?.replace(/\/+$/, ""),
    keyring: options.keyring,
    validateResponses: options.validateResponses ?? underTest(),
    bootDelayMs,
    bodyLimitBytes,
    streamDelayMs,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    log,
    requestLog: options.requestLog ?? log,
    seed: options.seed,
    data: options.data,
    persistPath: options.persistPath,
    adminToken: options.adminToken,
    hostPolicy: hostPolicy(options.allowedHosts ?? "any"),
    journalSize: wholeNumber("journalSize", options.journalSize ?? 1000),
    journalBodyLimit: wholeNumber("journalBodyLimit", options.journalBodyLimit ?? 64 * 1024),
    latencyMs: wholeNumber("latencyMs", options.latencyMs ?? 0),
    errorRate: probability(options.errorRate ?? 0),
    maxOrgs: positive("maxOrgs", options.maxOrgs ?? DEFAULT_MAX_ORGS),
    corsOrigins: options.corsOrigins ?? "*",
    logLevel: options.logLevel ?? "silent",
    logFormat: options.logFormat ?? "text",
  };
}

function hostPolicy(allowed: "any" | "loopback" | readonly string[]): HostPolicy {
  if (allowed === "any") return "any";
  if (allowed === "loopback") return { also: [] };
  for (const name of allowed) if (!/^\.?[A-Za-z0-9.-]+$/.test(name)) throw new Error(`allowedHosts: '${name}' is not a host name`);
  return { also: [...allowed] };
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number ≥ 0, not ${value}`);
  return value;
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, not ${value}`);
  return value;
}

function probability(value: number): number {
  if (!(value >= 0 && value <= 1)) throw new Error(`errorRate must be between 0 and 1, not ${value}`);
  return value;
}
