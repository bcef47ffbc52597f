/**
 * Shared helpers of the process-level tests: the `runtools-mock` command started as a real child
 * process (as a user runs it: `node bin/runtools-mock.js …`), plain HTTP against it, temporary
 * directories, and the state-document checks of spec/control.yaml.
 *
 * Every child started here is remembered; `stopAllChildren()` (called from afterEach) kills the
 * ones still running, by their own handle, never by name.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { fileURLToPath } from "node:url";
import { checkStateDocument } from "../../src/control/state-import.ts";
import { StateFile } from "../../src/control/persistence.ts";
import { StateLog } from "../../src/control/state-log.ts";
import { CONTROL_PATH, OPENAPI_PATH, loadSpec } from "../../src/spec/load.ts";
import { compileValidators } from "../../src/spec/validators.ts";

/** The command users run. */
export const BIN = fileURLToPath(new URL("../../bin/runtools-mock.js", import.meta.url));

/** How long a child may take to print its start-up line (tsx compiles the sources on start). */
const START_TIMEOUT_MS = 15_000;

/** A child that printed "listening on …". */
export interface MockChild {
  url: string;
  child: ChildProcess;
  pid: number;
  /** Everything it wrote so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children: ChildProcess[] = [];
const directories: string[] = [];

function track(child: ChildProcess): { output: () => string; exited: MockChild["exited"] } {
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { output: () => output, exited };
}

/** Starts the CLI with `args` (add `--port 0`) and resolves once it listens. */
export function startMock(args: readonly string[], env: Record<string, string> = {}): Promise<MockChild> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const { output, exited } = track(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line within ${START_TIMEOUT_MS} ms:\n${output()}`)), START_TIMEOUT_MS);
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output());
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: match[1] as string, child, pid: child.pid as number, output, exited });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`exited (${code ?? signal}) before listening:\n${output()}`));
    });
  });
}

/** Runs the CLI to completion (for start-up failures); kills it after `timeoutMs`. */
export async function runMock(args: readonly string[], timeoutMs = START_TIMEOUT_MS): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  const { output, exited } = track(child);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const result = await exited;
  clearTimeout(timer);
  return { ...result, output: output() };
}

/** Sends SIGTERM and waits for a clean exit; answers the exit code. */
export async function stopMock(mock: MockChild): Promise<number | null> {
  if (mock.child.exitCode !== null || mock.child.signalCode !== null) return mock.child.exitCode;
  mock.child.kill("SIGTERM");
  const { code } = await mock.exited;
  return code;
}

/** Kills every child still running and removes the temporary directories (for afterEach). */
export async function stopAllChildren(): Promise<void> {
  const running = children.splice(0).filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(
    running.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once("exit", () => resolve());
          child.kill("SIGKILL");
        }),
    ),
  );
  for (const dir of directories.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh temporary directory, removed by stopAllChildren(). */
export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rtm-${label}-`));
  directories.push(dir);
  return dir;
}

/** What the --persist files at `file` hold (the snapshot with its log applied), read as the mock reads them at start. */
export function persistedDocument(file: string): unknown {
  return new StateLog(new StateFile(file)).load().document;
}

/** The log beside a --persist file. */
export const logOf = (file: string) => `${file}.wal`;

/** The temporary files a writer may leave beside `file` in `dir` (anything but the file itself). */
export function strayFiles(dir: string, file = "state.json"): string[] {
  return readdirSync(dir).filter((name) => name !== file);
}

/**
 * The files a clean stop leaves in `dir`: what lies beside the state file, how many records its
 * log holds after the header, and whether that header names the snapshot's checksum and length
 * (seals it: docs/persistence.md).
 */
export function afterCleanStop(dir: string, file = "state.json"): { beside: string[]; records: number; sealsSnapshot: boolean } {
  const path = join(dir, file);
  const [header = "", ...records] = readFileSync(logOf(path), "utf8").split("\n").filter((line) => line !== "");
  const snapshot = readFileSync(path);
  const named = (JSON.parse(header.slice(9)) as { snapshot?: string }).snapshot;
  return { beside: strayFiles(dir, file), records: records.length, sealsSnapshot: named === `${(crc32(snapshot) >>> 0).toString(16).padStart(8, "0")}:${snapshot.byteLength}` };
}

/** What `afterCleanStop` finds when the stop left the state file and its sealing log, nothing else. */
export const CLEANLY_STOPPED = { beside: ["state.json.wal"], records: 0, sealsSnapshot: true };

/** A response as raw text plus its parsed JSON (when it is JSON). */
export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** One request to a child; `key` goes in X-API-Key, `body` is sent as JSON. */
export async function call(url: string, method: string, path: string, options: { key?: string; body?: unknown; timeoutMs?: number } = {}): Promise<RawAnswer> {
  const headers: Record<string, string> = {};
  if (options.key !== undefined) headers["X-API-Key"] = options.key;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(url + path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const controlValidators = compileValidators(loadSpec(CONTROL_PATH));
const publicValidators = compileValidators(loadSpec(OPENAPI_PATH));

/**
 * Every violation of a state document: spec/control.yaml `StateDocument` and each resource against
 * its spec/openapi.yaml schema (the checks `PUT /__mock/state` and `--data` apply), as JSON pointers.
 */
export function stateDocumentProblems(document: unknown): { path: string; message: string }[] {
  return checkStateDocument(document, controlValidators, publicValidators, "");
}

/** The parts of a state document the tests look into. */
export interface StateDoc {
  format: string;
  version: number;
  exportedAt: string;
  organizations: {
    id: string;
    workspaces: { id: string; slug: string; name: string; isPersonal: boolean }[];
    sandboxes: { id: string; name: string; status: string }[];
    agents: { id: string; slug: string; version: number; description: string | null; sandboxId: string | null; orgId: string }[];
    threads: { thread: { id: string }; events: unknown[] }[];
    runs: { run: { id: string; threadId?: string | null }; rolloutId: string }[];
  }[];
}

/** Ms to wait, bounded; for the moments a test must let time pass. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Follows a child that runs the command some other way (`npm start`, `npx`): its output, and the
 * URL of its "listening on" line (rejected if it exits first).
 */
export function listeningUrl(child: ChildProcess): { url: Promise<string>; output: () => string } {
  let output = "";
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited (${code}) before listening:\n${output}`)));
  });
  return { url, output: () => output };
}

/** True once nothing answers at `url` any more, checking for up to `ms`. */
export async function portFreed(url: string, ms = 5000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const answered = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) }).then(
      () => true,
      () => false,
    );
    if (!answered) return true;
  }
  return false;
}
