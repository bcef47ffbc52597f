/**
 * Stopping the mock as users do: SIGTERM or SIGINT to `npm start` (npm's process, not the mock's)
 * stops the server and frees its port (src/process-lifetime.ts has why that needed more than a
 * signal handler). npm runs in a process group of its own so that anything left behind can be
 * killed by that group's id at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
let started: ChildProcess | undefined;

afterEach(() => {
  // Whatever of this group still runs (a failed test), by the group id of the child started here.
  if (started?.pid) {
    try {
      process.kill(-started.pid, "SIGKILL");
    } catch {
      // The group is gone: the test passed.
    }
  }
  started = undefined;
});

async function npmStart(): Promise<{ npm: ChildProcess; url: string; output: () => string }> {
  const npm = spawn("npm", ["start", "--", "--port", "0"], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  started = npm;
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1] as string);
    };
    npm.stdout?.on("data", onData);
    npm.stderr?.on("data", onData);
    npm.once("exit", (code) => reject(new Error(`npm start exited (${code}) before listening:\n${output}`)));
  });
  return { npm, url, output: () => output };
}

/** True once nothing answers at `url` any more, checking for up to `ms`. */
async function portFreed(url: string, ms = 5000): Promise<boolean> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const answered = await fetch(`${url}/health`, { signal: AbortSignal.timeout(500) }).then(
      () => true,
      () => false,
    );
    if (!answered) return true;
  }
  return false;
}

describe.each(["SIGTERM", "SIGINT"] as const)("%s to `npm start`", (signal) => {
  it("stops the server and frees the port", async () => {
    const { npm, url, output } = await npmStart();
    expect((await fetch(`${url}/health`)).status).toBe(200);
    npm.kill(signal);
    expect(await portFreed(url)).toBe(true);
    expect(output()).not.toContain("Error");
  }, 60_000);
});
