/**
 * Sandbox files under `--persist` through the real command (docs/sandboxes.md, "Files in the
 * state"): a command's writes are acknowledged only once they are on disk, so a `kill -9` right
 * after the answer loses nothing; a change that would take the files over the documented bounds is
 * refused (507) and undone instead of being written without them; a file over the bounds stops
 * start-up with a message.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { call, runMock, startMock, stopAllChildren, stopMock, tempDir, type MockChild } from "./child.ts";

afterEach(stopAllChildren);

const KEY = "rt_test_sandboxFilesPersist";
const persistArgs = (file: string) => ["--persist", file, "--port", "0", "--seed", "7"];

async function runningSandbox(mock: MockChild): Promise<string> {
  const created = await call(mock.url, "POST", "/v1/sandboxes", { key: KEY, body: { template: "base-ubuntu" } });
  expect(created.status, created.text).toBe(201);
  const id = created.json.data.id as string;
  // Transitions settle on the next request (--boot-delay 0).
  expect((await call(mock.url, "GET", `/v1/sandboxes/${id}`, { key: KEY })).json.data.status).toBe("running");
  return id;
}

/** Large seeds and copies take seconds on a loaded machine: no request here is timed. */
const SLOW = { timeoutMs: 120_000 };

async function exec(mock: MockChild, id: string, command: string): Promise<{ status: number; stdout: string; error?: { message: string } }> {
  const answer = await call(mock.url, "POST", `/v1/sandboxes/${id}/exec`, { key: KEY, body: { command }, ...SLOW });
  return { status: answer.status, stdout: answer.json?.data?.stdout, ...(answer.json?.error ? { error: answer.json.error } : {}) };
}

async function killed(mock: MockChild): Promise<void> {
  mock.child.kill("SIGKILL");
  await mock.exited;
}

describe("sandbox files under --persist", () => {
  it("keeps what an acknowledged command wrote across a kill -9: bytes, modes, times, empty directories, symlinks", async () => {
    const file = join(tempDir("files-kill"), "state.json");
    let mock = await startMock(persistArgs(file));
    const id = await runningSandbox(mock);
    const writes = "printf 'line 1\\nline 2' > notes.txt; echo -n '/wDD' | base64 -d > blob.bin; mkdir -p cache/empty; chmod 700 cache; ln -s notes.txt current; touch -d '2021-06-07T08:09:10Z' blob.bin; echo t > /tmp/t";
    expect((await exec(mock, id, writes)).status).toBe(200);
    const listing = "ls -la /workspace /workspace/cache; find /workspace /tmp -printf '%p %m %T@ %s %y\\n'; base64 blob.bin; readlink current; cat notes.txt";
    const before = await exec(mock, id, listing);
    const filesBefore = (await call(mock.url, "GET", `/__mock/sandboxes/${id}/files`)).json.data;
    await killed(mock);

    mock = await startMock(persistArgs(file));
    expect(await exec(mock, id, listing)).toEqual(before);
    expect((await call(mock.url, "GET", `/__mock/sandboxes/${id}/files`)).json.data).toEqual(filesBefore);
    expect(filesBefore.entries).toContainEqual({ path: "/workspace/blob.bin", type: "file", mode: 420, mtime: "2021-06-07T08:09:10.000Z", content: "/wDD", encoding: "base64" });
  });

  it("keeps seeded files across a kill -9 right after the seed's answer", async () => {
    const file = join(tempDir("files-seed"), "state.json");
    let mock = await startMock(persistArgs(file));
    const id = await runningSandbox(mock);
    const seeded = await call(mock.url, "PUT", `/__mock/sandboxes/${id}/files`, { body: { entries: [{ path: "/workspace/seed.txt", type: "file", content: "seeded\n" }] } });
    expect(seeded.status, seeded.text).toBe(200);
    await killed(mock);
    mock = await startMock(persistArgs(file));
    expect((await exec(mock, id, "cat seed.txt")).stdout).toBe("seeded\n");
  });

  it("refuses a change that takes a tree over its bound with 507, undoes it, and keeps the file loadable", { timeout: 600_000 }, async () => {
    const file = join(tempDir("files-bound"), "state.json");
    let mock = await startMock(persistArgs(file));
    const id = await runningSandbox(mock);
    const tenMiB = Buffer.alloc(10 * 2 ** 20, 1).toString("base64");
    const seed = (path: string) => call(mock.url, "PUT", `/__mock/sandboxes/${id}/files`, { body: { entries: [{ path, type: "file", content: tenMiB, encoding: "base64" }] }, ...SLOW });
    expect((await seed("/workspace/first.bin")).status).toBe(200);
    const onDisk = readFileSync(file, "utf8");

    const refused = await seed("/workspace/second.bin");
    expect(refused.status).toBe(507);
    expect(refused.json.error.message).toMatch(/over the bound of 16\.0 MiB per tree/);
    expect(readFileSync(file, "utf8")).toBe(onDisk);
    expect((await exec(mock, id, "ls")).stdout).toBe("first.bin\n");

    // A command that takes the tree over the bound is undone the same way.
    const copied = await exec(mock, id, "cp first.bin copy.bin");
    expect(copied.status, JSON.stringify(copied.error)).toBe(507);
    expect((await exec(mock, id, "ls")).stdout).toBe("first.bin\n");

    await killed(mock);
    mock = await startMock(persistArgs(file));
    expect((await exec(mock, id, "wc -c first.bin")).stdout.trim()).toBe(`${10 * 2 ** 20} first.bin`);
  });

  it("refuses to start on a state file whose files are over the bounds, naming the file and the tree", async () => {
    const file = join(tempDir("files-startup"), "state.json");
    const mock = await startMock(persistArgs(file));
    const id = await runningSandbox(mock);
    expect((await exec(mock, id, "true")).status).toBe(200);
    // A clean stop folds the write-ahead log into the state file, so the file alone holds the tree.
    await stopMock(mock);
    const document = JSON.parse(readFileSync(file, "utf8"));
    document.organizations[0].files[0].entries.push({ path: "/workspace/huge.bin", type: "file", content: Buffer.alloc(17 * 2 ** 20).toString("base64"), encoding: "base64" });
    writeFileSync(file, JSON.stringify(document));
    const refused = await runMock(persistArgs(file));
    expect(refused.code).toBe(2);
    expect(refused.output).toContain(file);
    expect(refused.output).toContain("/organizations/0/files/0: the tree holds 17.0 MiB of file contents, over the bound of 16.0 MiB per tree");
  });
});
