/**
 * Starts and stops `prism proxy` (@stoplight/prism-cli 5.14.2, the newest that runs on Node 20) as
 * a child process in front of an upstream server, validating both directions against
 * spec/openapi.yaml.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../../../scripts/free-port.ts";
import { fileURLToPath } from "node:url";
import { cameThroughPrism } from "./violations.ts";

/** The repository root (this file is test/contract/prism/proxy.ts). */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PRISM_CLI = fileURLToPath(new URL("../../../node_modules/@stoplight/prism-cli/dist/index.js", import.meta.url));
const SPEC = fileURLToPath(new URL("../../../spec/openapi.yaml", import.meta.url));

/** A running proxy. */
export interface PrismProxy {
  /** `http://127.0.0.1:<port>`: point clients here. */
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything Prism printed so far (stdout and stderr). */
  output(): string;
  /** Stops the child (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. */
  close(): Promise<void>;
}

export interface PrismProxyOptions {
  /** The server Prism forwards to. */
  upstream: string;
  /** Port to listen on; default a free one. */
  port?: number;
  /** `--errors`: violations become 422 (request) / 500 (response) problem+json instead of a header. */
  errors?: boolean;
  /** Prism's log level; default `warn` (each violation is one `[VALIDATOR]` line, no per-request lines). */
  verbose?: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  /** How long to wait for the proxy to answer; default 60 s. */
  startTimeoutMs?: number;
}

/** Children still running; killed if this process exits without closing them (a crashed worker). */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Spawns `prism proxy spec/openapi.yaml <upstream>` and resolves once it answers HTTP. */
export async function startPrismProxy(options: PrismProxyOptions): Promise<PrismProxy> {
  const port = options.port ?? (await freePort());
  const args = [PRISM_CLI, "proxy", SPEC, options.upstream, "-p", String(port), "-h", "127.0.0.1", "-v", options.verbose ?? "warn"];
  if (options.errors) args.push("--errors");
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0" } });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => running.delete(child));
  let exitCode: number | null | undefined;
  child.once("exit", (code) => (exitCode = code));

  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
      await exited;
      clearTimeout(timer);
    }
  };

  // Ready = it answers any HTTP request (GET /health is forwarded to the upstream; an upstream
  // without it still gets an answer from Prism). Connection refused until Prism listens.
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exitCode !== undefined) throw new Error(`prism proxy exited (${exitCode}) before answering:\n${output}`);
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      // Prism's CORS headers: the answer is Prism's, not some other server's on a reused port.
      if (cameThroughPrism(response.headers)) break;
      throw new Error(`not Prism on ${url}`);
    } catch {
      if (Date.now() > deadline) {
        await close();
        throw new Error(`prism proxy did not answer on ${url} within ${options.startTimeoutMs ?? 60_000} ms:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return { url, port, child, output: () => output, close };
}
