/**
 * Stopping the mock as users do: SIGTERM or SIGINT to `npm start` (npm's process, not the mock's)
 * stops the server and frees its port (src/process-lifetime.ts has why that needed more than a
 * signal handler). npm runs in a process group of its own so that anything left behind can be
 * killed by that group's id at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { listeningUrl, portFreed } from "./child.ts";

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

function npmStart(): { npm: ChildProcess; url: Promise<string>; output: () => string } {
  const npm = spawn("npm", ["start", "--", "--port", "0"], { cwd: ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  started = npm;
  return { npm, ...listeningUrl(npm) };
}

describe.each(["SIGTERM", "SIGINT"] as const)("%s to `npm start`", (signal) => {
  it("stops the server and frees the port", async () => {
    const { npm, url: listening, output } = npmStart();
    const url = await listening;
    expect((await fetch(`${url}/health`)).status).toBe(200);
    npm.kill(signal);
    expect(await portFreed(url)).toBe(true);
    expect(output()).not.toContain("Error");
  }, 60_000);
});
