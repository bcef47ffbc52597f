/**
 * The `runtools-mock` command: flags and environment → options → a listening server.
 * This is the only file that reads process.argv and process.env for configuration.
 */
import { parseArgs } from "node:util";
import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { checkDocumentSize } from "./control/document-size.ts";
import { DEFAULT_MAX_ORGS } from "./config.ts";
import { nodeFlags, tuneHeap } from "./heap-tuning.ts";
import { loadKeysFile } from "./keys-file.ts";
import { parseYaml } from "./lazy-modules.ts";
import { underTest } from "./config.ts";
import type { CorsOrigins } from "./cors/cors.ts";
import { stderrLineBatcher } from "./logging/line-batcher.ts";
import { LOG_FORMATS, LOG_LEVELS } from "./logging/request-log.ts";
import { stopOnSignalsAndParentExit } from "./process-lifetime.ts";
import { listen } from "./server.ts";
import { MOCK_VERSION } from "./version.ts";

const HELP = `runtools-mock ${MOCK_VERSION}: a local stand-in for the RunTools API (api.runtools.ai)

Usage: runtools-mock [options]

  --host <addr>            address to listen on (env HOST; default 127.0.0.1)
  --port <n>               port to listen on, 0 for any free port (env PORT; default 4010)
  --public-url <url>       base URL used in self-links such as an agent's endpoint
                           (default: the URL each client called)
  --keys <file>            JSON or YAML file mapping API keys to organizations; keys it
                           does not list are refused (default: every key is its own org)
  --boot-delay <ms>        how long sandboxes stay creating/pausing/resuming (default 0:
                           until the next request)
  --stream-delay <ms>      pause between the frames of a streamed run (default 10)
  --validate-responses     check every response against the spec (always on under test)
  --data <file>            start from a state document (JSON or YAML, as GET /__mock/state)
  --persist <file>         keep the state in this file (and <file>.wal): loaded at start, logged before every
                           acknowledged change (survives kill -9); one process per file
                           (<file>.lock); a change that cannot be written answers 507
  --seed <n>               deterministic ids and timestamps (a virtual clock) and fault choices
  --admin-token <token>    open the control plane (/__mock/) to non-loopback clients that send
                           it as a Bearer token (default: loopback clients only)
  --journal-size <n>       requests kept in the journal (default 1000, 0 disables it)
  --allowed-host <name>    a Host name to answer besides the loopback names (repeatable;
                           .example.test allows its subdomains). On a loopback --host only
                           loopback names are answered (DNS-rebinding defence); given on
                           any --host, only loopback names and these are answered
  --max-connections <n>    open connections at once; the next is answered 503 (default 4096)
  --request-timeout <ms>   time for a whole request, head and body, to arrive; a slower one
                           is answered 408 and closed (default 30000; the head alone 10000)
  --max-orgs <n>           organizations kept (default 10000); a request that would create
                           one more answers 403 forbidden
  --latency <ms>           fixed delay before every public answer
  --error-rate <p>         probability (0-1) that a public request answers 500
  --cors-origin <origin>   a browser origin allowed to call the API (repeatable); '*' any,
                           'none' no CORS (default: '*' on a loopback host, else none)
  --log-level <level>      silent, info (one line per request on stderr) or debug (with
                           bodies, secrets redacted) (default: info; silent under a test runner)
  --log-format <format>    text or json (one JSON object per line) (default: text)
  -h, --help               this help
  -v, --version            the version
`;

/** Parses the command line; exits with a message on bad flags. */
function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: "string" },
      port: { type: "string" },
      "public-url": { type: "string" },
      keys: { type: "string" },
      "boot-delay": { type: "string" },
      "stream-delay": { type: "string" },
      "validate-responses": { type: "boolean" },
      data: { type: "string" },
      persist: { type: "string" },
      seed: { type: "string" },
      "admin-token": { type: "string" },
      "journal-size": { type: "string" },
      "allowed-host": { type: "string", multiple: true },
      "max-connections": { type: "string" },
      "request-timeout": { type: "string" },
      "max-orgs": { type: "string" },
      latency: { type: "string" },
      "error-rate": { type: "string" },
      "cors-origin": { type: "string", multiple: true },
      "log-level": { type: "string" },
      "log-format": { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
    strict: true,
  });
  const port = wholeNumber("--port", values.port ?? env.PORT ?? "4010", 65535);
  const bootDelayMs = wholeNumber("--boot-delay", values["boot-delay"] ?? "0", 86_400_000);
  const streamDelayMs = wholeNumber("--stream-delay", values["stream-delay"] ?? "10", 60_000);
  const publicUrl = values["public-url"];
  const seed = values.seed === undefined ? undefined : wholeNumber("--seed", values.seed, 2 ** 32 - 1);
  const journalSize = wholeNumber("--journal-size", values["journal-size"] ?? "1000", 1_000_000);
  const maxConnections = wholeNumber("--max-connections", values["max-connections"] ?? "4096", 1_000_000);
  const requestTimeoutMs = wholeNumber("--request-timeout", values["request-timeout"] ?? "30000", 3_600_000);
  if (maxConnections < 1 || requestTimeoutMs < 1) throw new Error("--max-connections and --request-timeout must be at least 1");
  const allowedHosts = values["allowed-host"];
  for (const name of allowedHosts ?? []) if (!/^\.?[A-Za-z0-9.-]+$/.test(name)) throw new Error(`--allowed-host must be a host name, not '${name}'`);
  const latencyMs = wholeNumber("--latency", values.latency ?? "0", 60_000);
  const maxOrgs = wholeNumber("--max-orgs", values["max-orgs"] ?? String(DEFAULT_MAX_ORGS), 10_000_000);
  if (maxOrgs < 1) throw new Error("--max-orgs must be at least 1");
  const errorRate = Number(values["error-rate"] ?? "0");
  if (!(errorRate >= 0 && errorRate <= 1)) throw new Error(`--error-rate must be a number from 0 to 1, not '${values["error-rate"]}'`);
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error(`--public-url must be an http(s) URL, not '${publicUrl}'`);
  const logLevel = oneOf("--log-level", values["log-level"] ?? (underTest(env) ? "silent" : "info"), LOG_LEVELS);
  const logFormat = oneOf("--log-format", values["log-format"] ?? "text", LOG_FORMATS);
  const corsOrigins = corsOriginsFrom(values["cors-origin"]);
  return { values, port, bootDelayMs, streamDelayMs, seed, journalSize, maxConnections, requestTimeoutMs, allowedHosts, latencyMs, errorRate, maxOrgs, host: values.host ?? env.HOST ?? "127.0.0.1", publicUrl, logLevel, logFormat, corsOrigins };
}

function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) throw new Error(`${flag} must be one of ${allowed.join(", ")}, not '${text}'`);
  return text as T;
}

/** `--cors-origin` as given: undefined (the listener's default), '*', 'none', or origins. */
function corsOriginsFrom(given: string[] | undefined): CorsOrigins | undefined {
  if (given === undefined) return undefined;
  if (given.includes("*")) return "*";
  if (given.includes("none")) return [];
  for (const origin of given) {
    if (!/^https?:\/\/[^/]+$/.test(origin)) throw new Error(`--cors-origin must be an origin such as http://localhost:5173 (scheme, host, port; no path), '*' or 'none', not '${origin}'`);
  }
  return given;
}

function wholeNumber(flag: string, text: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max) throw new Error(`${flag} must be a whole number from 0 to ${max}, not '${text}'`);
  return n;
}

/** The listener's options from the parsed command line. */
function optionsFrom(parsed: ReturnType<typeof parseCommandLine>, keyring: Map<string, string> | undefined, data: unknown): Parameters<typeof listen>[0] {
  const { values } = parsed;
  return {
    host: parsed.host,
    port: parsed.port,
    bootDelayMs: parsed.bootDelayMs,
    streamDelayMs: parsed.streamDelayMs,
    journalSize: parsed.journalSize,
    maxConnections: parsed.maxConnections,
    requestTimeoutMs: parsed.requestTimeoutMs,
    ...(parsed.allowedHosts !== undefined ? { allowedHosts: parsed.allowedHosts } : {}),
    maxOrgs: parsed.maxOrgs,
    latencyMs: parsed.latencyMs,
    errorRate: parsed.errorRate,
    logLevel: parsed.logLevel,
    logFormat: parsed.logFormat,
    ...(parsed.corsOrigins !== undefined ? { corsOrigins: parsed.corsOrigins } : {}),
    ...(parsed.publicUrl !== undefined ? { publicUrl: parsed.publicUrl } : {}),
    ...(keyring !== undefined ? { keyring } : {}),
    ...(values["validate-responses"] ? { validateResponses: true } : {}),
    ...(data !== undefined ? { data } : {}),
    ...(values.persist !== undefined ? { persistPath: values.persist } : {}),
    ...(parsed.seed !== undefined ? { seed: parsed.seed } : {}),
    ...(values["admin-token"] !== undefined ? { adminToken: values["admin-token"] } : {}),
  };
}

/**
 * Reads a JSON or YAML document (YAML is a superset of JSON), naming the file on failure. JSON is
 * parsed as JSON: the YAML parser takes ~35× the memory and time. The size is checked first against
 * the bound of the syntax it is read with, so a file too big for the heap is refused with a message
 * instead of ending in a V8 abort (src/control/document-size.ts).
 */
function readDocument(path: string): unknown {
  try {
    const { size } = statSync(path);
    const looksLikeJson = /^\s*[[{]/.test(firstBytes(path));
    checkDocumentSize(path, size, looksLikeJson ? "json" : "yaml");
    const text = readFileSync(path, "utf8");
    if (looksLikeJson) {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        // Not JSON after all (YAML's flow style starts the same way): read as YAML, within its bound.
        checkDocumentSize(path, size, "yaml");
      }
    }
    return parseYaml(text);
  } catch (error) {
    const { message } = error as Error;
    throw new Error(message.startsWith(`${path}: `) ? message : `${path}: ${message}`);
  }
}

/** The start of a file, to tell JSON from YAML before reading it all. */
function firstBytes(path: string): string {
  const buffer = Buffer.alloc(256);
  const file = openSync(path, "r");
  try {
    return buffer.toString("utf8", 0, readSync(file, buffer, 0, buffer.length, 0)).replace(/^\uFEFF/, "");
  } finally {
    closeSync(file);
  }
}

/** Runs the command. */
export async function main(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let parsed: ReturnType<typeof parseCommandLine>;
  let keyring: Map<string, string> | undefined;
  let data: unknown;
  try {
    parsed = parseCommandLine(argv, env);
    keyring = parsed.values.keys === undefined ? undefined : loadKeysFile(parsed.values.keys);
    data = parsed.values.data === undefined ? undefined : readDocument(parsed.values.data);
  } catch (error) {
    process.stderr.write(`runtools-mock: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (parsed.values.help) return void process.stdout.write(HELP);
  if (parsed.values.version) return void process.stdout.write(`${MOCK_VERSION}\n`);

  let running: Awaited<ReturnType<typeof listen>>;
  try {
    // A line per request is gathered per turn of the event loop, not a system call each; notes
    // and warnings go out at once, after the request lines before them (line-batcher.ts).
    const stderrLines = stderrLineBatcher();
    running = await listen({ ...optionsFrom(parsed, keyring, data), log: stderrLines.writeNow, requestLog: stderrLines.write });
  } catch (error) {
    // A bad --data or --persist document stops start-up, naming the file and the first error.
    const message = (error as Error).message.replace(/^the data document/, parsed.values.data ?? "the data document");
    process.stderr.write(`runtools-mock: ${message}\n`);
    process.exit(2);
  }
  // After the state is loaded: src/heap-tuning.ts says why not before.
  tuneHeap(nodeFlags(process.execArgv, env.NODE_OPTIONS));
  const storage = parsed.values.persist === undefined ? "in memory" : `persisted to ${parsed.values.persist}`;
  process.stdout.write(`runtools-mock ${MOCK_VERSION} listening on ${running.url} (${storage}${keyring ? `, ${keyring.size} keys` : ""}${parsed.seed !== undefined ? `, seed ${parsed.seed}` : ""})\n`);

  stopOnSignalsAndParentExit((reason) => {
    process.stdout.write(`runtools-mock: ${reason}, shutting down\n`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
