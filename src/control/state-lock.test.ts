import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LockHeldError, processAlive, StateLock } from "./state-lock.ts";

let dir: string;
let state: string;
const locks: StateLock[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "runtools-mock-lock-"));
  state = join(dir, "state.json");
});

afterEach(() => {
  for (const lock of locks.splice(0)) lock.release();
  rmSync(dir, { recursive: true, force: true });
});

/** A lock as process `pid` would take it, with `running` the pids that are alive. */
function lockAs(pid: number, running: readonly number[]): StateLock {
  const lock = new StateLock(state, (p) => running.includes(p), pid);
  locks.push(lock);
  return lock;
}

describe("StateLock", () => {
  it("creates <file>.lock holding the pid, readable by its owner only, and nothing else", () => {
    lockAs(101, [101]).acquire();
    expect(readFileSync(`${state}.lock`, "utf8")).toBe("101\n");
    expect(statSync(`${state}.lock`).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(["state.json.lock"]);
  });

  it("refuses a second owner while the first one's process runs, naming the file, the pid and the lock", () => {
    lockAs(101, [101, 202]).acquire();
    const second = lockAs(202, [101, 202]);
    expect(() => second.acquire()).toThrow(LockHeldError);
    expect(() => second.acquire()).toThrow(`${state} is in use by another runtools-mock (pid 101, lock ${state}.lock)`);
    expect(readFileSync(`${state}.lock`, "utf8")).toBe("101\n");
    expect(readdirSync(dir)).toEqual(["state.json.lock"]);
  });

  it("refuses a second lock on the same file from the same process (two mocks in one process)", () => {
    lockAs(101, [101]).acquire();
    expect(() => lockAs(101, [101]).acquire()).toThrow(LockHeldError);
  });

  it("takes over a stale lock whose process is gone (kill -9)", () => {
    writeFileSync(`${state}.lock`, "99999\n");
    lockAs(303, [303]).acquire();
    expect(readFileSync(`${state}.lock`, "utf8")).toBe("303\n");
    expect(readdirSync(dir)).toEqual(["state.json.lock"]);
  });

  it("takes over a lock file that holds no pid (written by hand, or truncated)", () => {
    writeFileSync(`${state}.lock`, "");
    lockAs(303, [303]).acquire();
    expect(readFileSync(`${state}.lock`, "utf8")).toBe("303\n");
  });

  it("release() removes the lock, so the next process starts; it never removes a lock another process took over", () => {
    const first = lockAs(101, [101]);
    first.acquire();
    first.release();
    expect(existsSync(`${state}.lock`)).toBe(false);
    const second = lockAs(202, [202]);
    second.acquire();
    first.release();
    expect(readFileSync(`${state}.lock`, "utf8")).toBe("202\n");
  });

  it("fails with the file system's error, naming the path, where it cannot write beside the file", () => {
    const lock = new StateLock(join(dir, "missing-dir", "state.json"));
    expect(() => lock.acquire()).toThrow(/ENOENT.*missing-dir/);
  });
});

describe("processAlive", () => {
  it("is true for this process and false for a pid that does not run", () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 12345)).toBe(false);
  });
});
