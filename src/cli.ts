/**
 * The `runtools-mock` command: flags and environment → options → a listening server.
 * This is the only file that reads process.argv and process.env for configuration.
 */
import { parseArgs } from "node:util";
import { loadKeysFile } from "./keys-file.ts";
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
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
    strict: true,
  });
  const port = wholeNumber("--port", values.port ?? env.PORT ?? "4010", 65535);
  const bootDelayMs = wholeNumber("--boot-delay", values["boot-delay"] ?? "0", 86_400_000);
  const streamDelayMs = wholeNumber("--stream-delay", values["stream-delay"] ?? "10", 60_000);
  const publicUrl = values["public-url"];
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+/.test(publicUrl)) throw new Error(`--public-url must be an http(s) URL, not '${publicUrl}'`);
  return { values, port, bootDelayMs, streamDelayMs, host: values.host ?? env.HOST ?? "127.0.0.1", publicUrl };
}

function wholeNumber(flag: string, text: string, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max) throw new Error(`${flag} must be a whole number from 0 to ${max}, not '${text}'`);
  return n;
}

/** Runs the command. */
export async function main(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<void> {
  let parsed: ReturnType<typeof parseCommandLine>;
  let keyring: Map<string, string> | undefined;
  try {
    parsed = parseCommandLine(argv, env);
    keyring = parsed.values.keys === undefined ? undefined : loadKeysFile(parsed.values.keys);
  } catch (error) {
    process.stderr.write(`runtools-mock: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (parsed.values.help) return void process.stdout.write(HELP);
  if (parsed.values.version) return void process.stdout.write(`${MOCK_VERSION}\n`);

  const running = await listen({
    host: parsed.host,
    port: parsed.port,
    bootDelayMs: parsed.bootDelayMs,
    streamDelayMs: parsed.streamDelayMs,
    ...(parsed.publicUrl !== undefined ? { publicUrl: parsed.publicUrl } : {}),
    ...(keyring !== undefined ? { keyring } : {}),
    ...(parsed.values["validate-responses"] ? { validateResponses: true } : {}),
  });
  process.stdout.write(`runtools-mock ${MOCK_VERSION} listening on ${running.url} (in memory${keyring ? `, ${keyring.size} keys` : ""})\n`);

  const stop = (signal: string) => {
    process.stdout.write(`runtools-mock: ${signal}, shutting down\n`);
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}
