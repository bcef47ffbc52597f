/**
 * The `runtools-mock` command as a user runs it: a child process, flags, environment, signals.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../bin/runtools-mock.js", import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

/** Starts the CLI and resolves with its URL once it prints the start-up line. */
function start(args: string[], env: Record<string, string> = {}): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1] as string, child, output: () => output });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
}

/** Runs the CLI to completion. */
function run(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, output })));
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

describe("runtools-mock CLI", () => {
  it("listens where --host and --port say, prints where, and stops cleanly on SIGTERM", async () => {
    const { url, child, output } = await start(["--host", "127.0.0.1", "--port", "0"]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${url}/health`);
    expect(await health.json()).toMatchObject({ status: "ok", service: "runtools-mock" });
    const exit = exited(child);
    child.kill("SIGTERM");
    expect(await exit).toBe(0);
    expect(output()).toContain("SIGTERM, shutting down");
  });

  it("takes the port from PORT when no flag is given", async () => {
    const { url } = await start([], { PORT: "0" });
    expect(url).toMatch(/:\d+$/);
    expect(url).not.toMatch(/:4010$/);
  });

  it("uses --public-url in an agent's endpoint", async () => {
    const { url } = await start(["--port", "0", "--public-url", "https://mock.example.test/"]);
    const response = await fetch(`${url}/v1/agents`, {
      method: "POST",
      headers: { "X-API-Key": "rt_test_cli", "Content-Type": "application/json" },
      body: JSON.stringify({ slug: "helper", executionMode: "managed" }),
    });
    expect(response.status).toBe(201);
    expect(((await response.json()) as { data: { endpoint: string } }).data.endpoint).toBe("https://mock.example.test/v1/agents/helper/run");
  });

  it("maps keys to organizations with --keys and refuses keys the file does not list", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rtm-keys-"));
    const file = join(dir, "keys.yaml");
    writeFileSync(file, "organizations:\n  - name: acme\n    keys: [rt_test_alice, rt_test_bob]\n");
    const { url } = await start(["--port", "0", "--keys", file]);
    const create = await fetch(`${url}/v1/sandboxes`, {
      method: "POST",
      headers: { "X-API-Key": "rt_test_alice", "Content-Type": "application/json" },
      body: JSON.stringify({ name: "shared" }),
    });
    expect(create.status).toBe(201);
    const asBob = await fetch(`${url}/v1/sandboxes/shared`, { headers: { "X-API-Key": "rt_test_bob" } });
    expect(asBob.status).toBe(200);
    const stranger = await fetch(`${url}/v1/sandboxes`, { headers: { "X-API-Key": "rt_test_mallory" } });
    expect(stranger.status).toBe(401);
    expect(((await stranger.json()) as { error: { code: string } }).error.code).toBe("invalid_token");
  });

  it("stops with exit code 2 and names the file when the keys file is bad", async () => {
    const dir = mkdtempSync(join(tmpdir(), "rtm-keys-"));
    const file = join(dir, "keys.json");
    writeFileSync(file, JSON.stringify({ organizations: [{ keys: ["not-a-key"] }] }));
    const { code, output } = await run(["--keys", file]);
    expect(code).toBe(2);
    expect(output).toContain(file);
    expect(output).toContain("not an rt_live_/rt_test_ key");
  });

  it("stops with exit code 2 on an unknown flag or a bad port", async () => {
    expect((await run(["--nope"])).code).toBe(2);
    const badPort = await run(["--port", "http"]);
    expect(badPort.code).toBe(2);
    expect(badPort.output).toContain("--port must be a whole number");
  });

  it("prints help and the version", async () => {
    expect((await run(["--help"])).output).toContain("--public-url");
    const version = await run(["--version"]);
    expect(version.output.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
