/**
 * `--persist` when the disk fails, through the real command (docs/persistence.md): a change that
 * cannot be written is not applied and answers 507, memory goes back to what the file holds, no
 * temporary file is left; a second process on the same file refuses to start; start-up refuses a
 * path it cannot write and a document too big for the heap.
 *
 * The disk faults are real where this machine allows it: a tiny tmpfs (ENOSPC) and a read-only
 * remount (EROFS), which stop root too (chmod does not). Without mount rights (not root, or a
 * container without CAP_SYS_ADMIN) those tests are skipped; src/control/persistence.test.ts fails
 * each step of a write through a file system stand-in instead.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmdirSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { afterCleanStop, call, CLEANLY_STOPPED, persistedDocument, runMock, startMock, stopAllChildren, stopMock, strayFiles, tempDir, type MockChild, type StateDoc } from "./child.ts";

const KEY = "rt_test_diskFaults";
const mounts: string[] = [];

afterEach(async () => {
  await stopAllChildren();
  for (const dir of mounts.splice(0)) {
    execFileSync("umount", [dir]);
    rmdirSync(dir);
  }
});

/** Mounts a tmpfs of `size` on a fresh directory; undefined when this machine does not allow it. */
function tmpfs(size: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), "rtm-tmpfs-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size},mode=0700`, "tmpfs", dir], { stdio: "ignore" });
  } catch {
    rmdirSync(dir);
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

function remount(dir: string, options: string): void {
  execFileSync("mount", ["-o", `remount,${options}`, dir]);
}

const canMount = (() => {
  const dir = tmpfs("64k");
  if (dir === undefined) return false;
  execFileSync("umount", [dir]);
  rmdirSync(dir);
  mounts.splice(mounts.indexOf(dir), 1);
  return true;
})();

const persistArgs = (file: string) => ["--port", "0", "--persist", file, "--validate-responses"];

/** An agent whose system prompt takes `kb` KiB of the state file. */
const agent = (slug: string, kb: number) => ({ slug, executionMode: "managed", systemPrompt: "x".repeat(kb * 1024) });

async function exported(mock: MockChild): Promise<StateDoc> {
  const answer = await call(mock.url, "GET", "/__mock/state");
  expect(answer.status).toBe(200);
  return answer.json as StateDoc;
}

/** Memory and disk agree: the state the mock answers is the state in the file. */
async function expectMemoryIsDisk(mock: MockChild, file: string): Promise<void> {
  const onDisk = persistedDocument(file) as StateDoc;
  expect((await exported(mock)).organizations).toEqual(onDisk.organizations);
}

const slugs = (doc: StateDoc) => doc.organizations.flatMap((o) => o.agents.map((a) => a.slug)).sort();

describe("--persist on a full disk (a real 128 KiB tmpfs)", () => {
  it.skipIf(!canMount)("answers 507 for a change that does not fit, keeps neither it nor a temporary file, and goes on once there is room", async () => {
    const dir = tmpfs("128k") as string;
    const file = join(dir, "state.json");
    const mock = await startMock(persistArgs(file));
    expect((await call(mock.url, "POST", "/v1/agents", { key: KEY, body: agent("fits", 60) })).status).toBe(201);

    // The change (~71 KiB, appended to the log) does not fit beside the file (~61 KiB) on a 128 KiB disk.
    const refused = await call(mock.url, "POST", "/v1/agents", { key: KEY, body: agent("too-big", 70) });
    expect(refused.status).toBe(507);
    expect(refused.json.error).toMatchObject({ code: "insufficient_storage", requestId: refused.headers.get("x-request-id") });
    expect(refused.json.error.message).toContain("ENOSPC");
    expect(refused.json.error.message).not.toContain(dir);
    expect(mock.output()).toContain(`could not write ${file} (ENOSPC`);

    // Not applied: not in memory, not on disk, and nothing left beside the file but its log and the lock.
    expect((await call(mock.url, "GET", "/v1/agents/too-big", { key: KEY })).status).toBe(404);
    expect(slugs(await exported(mock))).toEqual(["fits"]);
    await expectMemoryIsDisk(mock, file);
    expect(strayFiles(dir)).toEqual(["state.json.lock", "state.json.wal"]);

    // A smaller change still fits, and the journal tells the 507 as it was answered.
    expect((await call(mock.url, "POST", "/v1/agents", { key: KEY, body: agent("small", 1) })).status).toBe(201);
    const journal = await call(mock.url, "GET", "/__mock/requests?limit=10");
    expect(journal.json.data.map((entry: { status: number }) => entry.status)).toContain(507);

    // Once there is room, the same request succeeds: a 507 is safe to retry.
    remount(dir, "size=1m");
    expect((await call(mock.url, "POST", "/v1/agents", { key: KEY, body: agent("too-big", 70) })).status).toBe(201);
    expect(slugs(await exported(mock))).toEqual(["fits", "small", "too-big"]);
    await expectMemoryIsDisk(mock, file);
    expect(await stopMock(mock)).toBe(0);
    expect(afterCleanStop(dir)).toEqual(CLEANLY_STOPPED);
  });

  it.skipIf(!canMount)("concurrent writes while the disk fills: every 201 is on disk after a restart, no 507 is, and memory never drifts from the file", async () => {
    const dir = tmpfs("256k") as string;
    const file = join(dir, "state.json");
    let mock = await startMock(persistArgs(file));
    const bodies = Array.from({ length: 12 }, (_, i) => agent(`burst-${i}`, i % 2 === 0 ? 60 : 2));
    const answers = await Promise.all(bodies.map((body) => call(mock.url, "POST", "/v1/agents", { key: KEY, body })));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.every((status) => status === 201 || status === 507), statuses.join(",")).toBe(true);
    expect(statuses).toContain(507);
    const acknowledged = bodies.filter((_, i) => statuses[i] === 201).map((body) => body.slug);
    expect(slugs(await exported(mock))).toEqual([...acknowledged].sort());
    await expectMemoryIsDisk(mock, file);
    expect(strayFiles(dir)).toEqual(["state.json.lock", "state.json.wal"]);

    mock.child.kill("SIGKILL");
    await mock.exited;
    remount(dir, "size=2m");
    mock = await startMock(persistArgs(file));
    expect(slugs(await exported(mock))).toEqual([...acknowledged].sort());
  });
});

describe("--persist on a disk remounted read-only while the mock runs", () => {
  it.skipIf(!canMount)("refuses writes, resets, imports and streamed runs with memory unchanged, then takes writes again once it is writable", async () => {
    const dir = tmpfs("1m") as string;
    const file = join(dir, "state.json");
    const mock = await startMock(persistArgs(file));
    expect((await call(mock.url, "POST", "/v1/agents", { key: KEY, body: { slug: "helper", executionMode: "managed" } })).status).toBe(201);
    const before = await exported(mock);

    remount(dir, "ro");
    const refused = [
      await call(mock.url, "POST", "/v1/agents", { key: KEY, body: { slug: "second", executionMode: "managed" } }),
      await call(mock.url, "PATCH", "/v1/agents/helper", { key: KEY, body: { description: "changed" } }),
      await call(mock.url, "DELETE", "/v1/agents/helper", { key: KEY }),
      await call(mock.url, "POST", "/v1/run", { key: KEY, body: { agent: "helper", prompt: "hi", stream: false } }),
      await call(mock.url, "POST", "/__mock/reset"),
      await call(mock.url, "PUT", "/__mock/state", { body: { ...before, organizations: [] } }),
    ];
    for (const answer of refused) {
      expect(answer.status, answer.text).toBe(507);
      expect(answer.json.error.message).toContain("EROFS");
    }

    // A streamed run: the status line has left, so the stream is cut short before `run_completed`.
    const streamed = await fetch(`${mock.url}/v1/run`, { method: "POST", headers: { "X-API-Key": KEY, "Content-Type": "application/json" }, body: JSON.stringify({ agent: "helper", prompt: "hi" }) });
    expect(streamed.status).toBe(200);
    const text = await streamed.text().catch(() => "(cut)");
    expect(text).not.toContain("run_completed");

    const after = await exported(mock);
    expect(after.organizations).toEqual(before.organizations);
    await expectMemoryIsDisk(mock, file);

    remount(dir, "rw");
    expect((await call(mock.url, "POST", "/v1/agents", { key: KEY, body: { slug: "second", executionMode: "managed" } })).status).toBe(201);
    const run = await call(mock.url, "POST", "/v1/run", { key: KEY, body: { agent: "helper", prompt: "hi" } });
    expect(run.status).toBe(200);
    expect(run.text).toContain("run_completed");
    await expectMemoryIsDisk(mock, file);
    expect((await exported(mock)).organizations[0]?.runs).toHaveLength(1);
    expect(strayFiles(dir)).toEqual(["state.json.lock", "state.json.wal"]);
  });
});

describe("--persist start-up refusals (exit code 2, naming the file and the reason)", () => {
  it("a second process on the same file refuses to start while the first runs, and starts once it is gone (even after kill -9)", async () => {
    const dir = tempDir("two-processes");
    const file = join(dir, "state.json");
    const first = await startMock(persistArgs(file));
    expect((await call(first.url, "POST", "/v1/agents", { key: KEY, body: { slug: "first", executionMode: "managed" } })).status).toBe(201);

    const second = await runMock(persistArgs(file));
    expect(second.code).toBe(2);
    expect(second.output).toContain(`${file} is in use by another runtools-mock (pid ${first.pid}, lock ${file}.lock)`);
    expect(second.output).not.toContain("listening on");
    // The first one is untouched and still writes.
    expect((await call(first.url, "POST", "/v1/agents", { key: KEY, body: { slug: "still-mine", executionMode: "managed" } })).status).toBe(201);
    expect(readFileSync(`${file}.lock`, "utf8")).toBe(`${first.pid}\n`);
    expect(statSync(`${file}.lock`).mode & 0o777).toBe(0o600);

    first.child.kill("SIGKILL");
    await first.exited;
    // The lock of a killed process is stale: the next start takes it over.
    const third = await startMock(persistArgs(file));
    expect(slugs(await exported(third))).toEqual(["first", "still-mine"]);
    expect(readFileSync(`${file}.lock`, "utf8")).toBe(`${third.pid}\n`);
    expect(await stopMock(third)).toBe(0);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });

  it("creates the persist file readable by its owner only (0600)", async () => {
    const dir = tempDir("mode");
    const file = join(dir, "state.json");
    const mock = await startMock(persistArgs(file));
    expect((await call(mock.url, "POST", "/v1/agents", { key: KEY, body: { slug: "private", executionMode: "managed" } })).status).toBe(201);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("a path under a file (not a directory) is refused", async () => {
    const dir = tempDir("not-a-dir");
    writeFileSync(join(dir, "plain"), "");
    const file = join(dir, "plain", "state.json");
    const { code, output } = await runMock(persistArgs(file));
    expect(code).toBe(2);
    expect(output).toContain(`cannot use ${file} as the --persist file`);
    expect(output).not.toContain("listening on");
  });

  it.skipIf(!canMount)("a read-only directory is refused (EROFS), even for root", async () => {
    const dir = tmpfs("64k") as string;
    remount(dir, "ro");
    const file = join(dir, "state.json");
    const { code, output } = await runMock(persistArgs(file));
    expect(code).toBe(2);
    expect(output).toContain(`cannot use ${file} as the --persist file: EROFS`);
    expect(output).not.toContain("listening on");
  });

  it("a --data file too big for the heap is refused before it is read, with a message instead of a V8 abort", async () => {
    const dir = tempDir("huge-data");
    const json = join(dir, "huge.json");
    writeFileSync(json, "{");
    // Sparse: 3 GiB on paper, nothing on the disk; more than an eighth of any heap limit under 24 GiB.
    truncateSync(json, 3 * 1024 ** 3);
    const big = await runMock(["--port", "0", "--data", json]);
    expect(big.code).toBe(2);
    expect(big.output).toMatch(new RegExp(`${json}: 3072\\.0 MiB is too big to load as JSON .*heap limit`));
    expect(big.output).not.toMatch(/heap out of memory/i);

    const yaml = join(dir, "huge.yaml");
    writeFileSync(yaml, "format: runtools-mock/state\n");
    truncateSync(yaml, 200 * 1024 ** 2);
    const bigYaml = await runMock(["--port", "0", "--data", yaml]);
    expect(bigYaml.code).toBe(2);
    expect(bigYaml.output).toContain(`${yaml}: 200.0 MiB is too big to load as YAML`);
    expect(bigYaml.output).toContain("convert the file to JSON");
  });
});
