/**
 * The persist file without a server (issue 5: "`--persist <file>`: every acknowledged change is on
 * disk before its response is sent …, loaded at the next start. A `kill -9` at any moment loses no
 * acknowledged change and never leaves a file that fails to load"). The kill -9 property itself is
 * tested black-box with a child process; here, the file's own guarantees.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import * as fsPromises from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StateDocument } from "../stateful/snapshot.ts";
import { maxDocumentBytes } from "./document-size.ts";
import { openStateFile, StateFile, type WriteFileSystem } from "./persistence.ts";
import { LockHeldError } from "./state-lock.ts";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "runtools-mock-persist-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ORG = "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b";

/** A small document, told apart by `n`. */
function doc(n: number): StateDocument {
  return {
    format: "runtools-mock/state",
    version: 1,
    exportedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    organizations: [{ id: ORG, workspaces: [], sandboxes: [], agents: [], threads: [], runs: [] }],
  };
}

describe("StateFile", () => {
  it("read() of a file that does not exist answers undefined", () => {
    expect(new StateFile(join(dir, "state.json")).read()).toBeUndefined();
  });

  it("write then read gives the document back, and the file is plain JSON", async () => {
    const path = join(dir, "state.json");
    const file = new StateFile(path);
    await file.write(doc(1));
    expect(file.read()).toEqual(doc(1));
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(doc(1));
    // Another StateFile on the same path (the next start) reads it too.
    expect(new StateFile(path).read()).toEqual(doc(1));
  });

  it("a write replaces the previous document", async () => {
    const file = new StateFile(join(dir, "state.json"));
    await file.write(doc(1));
    await file.write(doc(2));
    expect(file.read()).toEqual(doc(2));
  });

  it("the document is on disk when write() resolves", async () => {
    const path = join(dir, "state.json");
    const file = new StateFile(path);
    const pending = file.write(doc(7));
    await pending;
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual(doc(7));
  });

  it("concurrent writes are applied in the order they were asked for: the last one wins on disk", async () => {
    const file = new StateFile(join(dir, "state.json"));
    const order: number[] = [];
    const writes = Array.from({ length: 25 }, (_, i) => file.write(doc(i)).then(() => order.push(i)));
    await Promise.all(writes);
    expect(order).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(file.read()).toEqual(doc(24));
  });

  it("the document is captured when write() is called, not when it runs", async () => {
    const file = new StateFile(join(dir, "state.json"));
    const first = doc(1);
    const pending = [file.write(doc(0)), file.write(first)];
    first.exportedAt = "2030-01-01T00:00:00.000Z";
    await Promise.all(pending);
    expect(file.read()).toEqual(doc(1));
  });

  it("leaves no temporary file behind once the writes are done", async () => {
    const file = new StateFile(join(dir, "state.json"));
    await Promise.all([file.write(doc(1)), file.write(doc(2)), file.write(doc(3))]);
    expect(readdirSync(dir)).toEqual(["state.json"]);
  });

  it("creates the directory that does not exist yet, in the constructor", async () => {
    const path = join(dir, "nested", "deeper", "state.json");
    const file = new StateFile(path);
    expect(readdirSync(join(dir, "nested"))).toEqual(["deeper"]);
    expect(file.read()).toBeUndefined();
    await file.write(doc(3));
    expect(new StateFile(path).read()).toEqual(doc(3));
    expect(readdirSync(join(dir, "nested", "deeper"))).toEqual(["state.json"]);
  });

  it("a file that is not JSON makes read() throw, naming the file (start-up stops instead of losing state)", () => {
    const path = join(dir, "state.json");
    writeFileSync(path, "{ torn");
    expect(() => new StateFile(path).read()).toThrow(`${path}: not a JSON state document`);
  });

  it("removes temporaries a killed writer of this file left behind, and only those", () => {
    const path = join(dir, "state.json");
    writeFileSync(join(dir, ".state.json.4242.7.tmp"), "{ half");
    writeFileSync(join(dir, ".other.json.4242.7.tmp"), "{ someone else's");
    new StateFile(path).removeLeftovers();
    expect(readdirSync(dir).sort()).toEqual([".other.json.4242.7.tmp"]);
  });

  it("a failed write rejects, and does not block the writes after it", async () => {
    const sub = join(dir, "sub");
    const file = new StateFile(join(sub, "state.json"));
    // Make the directory unusable for the first write only: a file stands where it should be.
    rmSync(sub, { recursive: true, force: true });
    writeFileSync(sub, "not a directory");
    await expect(file.write(doc(1))).rejects.toThrow();
    rmSync(sub, { force: true });
    mkdirSync(sub);
    await file.write(doc(2));
    expect(file.read()).toEqual(doc(2));
  });

  it("creates the file readable and writable by its owner only (0600)", async () => {
    const path = join(dir, "state.json");
    await new StateFile(path).write(doc(1));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    new StateFile(path).writeNow(doc(2));
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });

/** node:fs/promises, except for the step told to fail; records the temporaries it opened and their modes. */
function failingFs(step: "writeFile" | "sync" | "rename" | "directory" | undefined, opened: { path: string; mode: number }[] = []): WriteFileSystem {
  return {
    rm: fsPromises.rm,
    rename: (async (from: string, to: string) => {
      if (step === "rename") throw Object.assign(new Error("EACCES: permission denied, rename"), { code: "EACCES" });
      return fsPromises.rename(from, to);
    }) as WriteFileSystem["rename"],
    open: (async (path: string, flags: string, mode?: number) => {
      const handle = await fsPromises.open(path, flags, mode);
      if (flags === "r") {
        if (step !== "directory") return handle;
        await handle.close();
        throw Object.assign(new Error("EINVAL: invalid argument, fsync"), { code: "EINVAL" });
      }
      opened.push({ path, mode: statSync(path).mode & 0o777 });
      return {
        // Part of the text reaches the disk before the disk fills up, as it would.
        writeFile: async (text: string) => {
          if (step !== "writeFile") return handle.writeFile(text);
          await handle.writeFile(text.slice(0, 10));
          throw enospc();
        },
        sync: async () => {
          if (step === "sync") throw Object.assign(new Error("EIO: i/o error, fsync"), { code: "EIO" });
          return handle.sync();
        },
        close: () => handle.close(),
      };
    }) as unknown as WriteFileSystem["open"],
  };
}

describe("StateFile when a write fails", () => {
  it.each(["writeFile", "sync", "rename"] as const)("a failed %s rejects with the file system's error, leaves the previous file whole and no temporary behind", async (step) => {
    const path = join(dir, "state.json");
    await new StateFile(path).write(doc(1));
    const file = new StateFile(path, { fs: failingFs(step) });
    await expect(file.write(doc(2))).rejects.toHaveProperty("code", step === "writeFile" ? "ENOSPC" : step === "sync" ? "EIO" : "EACCES");
    expect(readdirSync(dir)).toEqual(["state.json"]);
    expect(file.read()).toEqual(doc(1));
  });

  it("opens every temporary with mode 0600, so no other user can read it even for a moment", async () => {
    const opened: { path: string; mode: number }[] = [];
    const file = new StateFile(join(dir, "state.json"), { fs: failingFs(undefined, opened) });
    await file.write(doc(1));
    expect(opened).toHaveLength(1);
    expect(opened[0]?.path).toMatch(/\.state\.json\.\d+\.\d+\.tmp$/);
    expect(opened[0]?.mode).toBe(0o600);
  });

  it("a directory that cannot be flushed after the rename is a warning, not a failure: the file already holds the change", async () => {
    const warnings: string[] = [];
    const file = new StateFile(join(dir, "state.json"), { fs: failingFs("directory"), warn: (line) => warnings.push(line) });
    await file.write(doc(4));
    expect(file.read()).toEqual(doc(4));
    expect(warnings).toEqual([expect.stringMatching(/could not be flushed.*EINVAL/)]);
  });
});

describe("openStateFile (start-up)", () => {
  it("locks the file: a second open of the same path refuses while the first holds it, and opens once it is released", () => {
    const path = join(dir, "state.json");
    const first = openStateFile(path);
    expect(() => openStateFile(path)).toThrow(LockHeldError);
    expect(readFileSync(`${path}.lock`, "utf8")).toBe(`${process.pid}\n`);
    first.lock.release();
    openStateFile(path).lock.release();
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it("makes an existing world-readable file 0600", () => {
    const path = join(dir, "state.json");
    writeFileSync(path, JSON.stringify(doc(1)), { mode: 0o644 });
    chmodSync(path, 0o644);
    openStateFile(path).lock.release();
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it("removes leftovers only once it holds the lock", () => {
    const path = join(dir, "state.json");
    const first = openStateFile(path);
    const live = join(dir, ".state.json.4242.1.tmp");
    writeFileSync(live, "{ a live writer's temporary");
    expect(() => openStateFile(path)).toThrow(LockHeldError);
    expect(existsSync(live)).toBe(true);
    first.lock.release();
    openStateFile(path).lock.release();
    expect(existsSync(live)).toBe(false);
  });

  it("refuses a path it cannot write beside, naming the path and the reason", () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "");
    expect(() => openStateFile(join(blocker, "state.json"))).toThrow(`cannot use ${join(blocker, "state.json")} as the --persist file: EEXIST: file already exists, mkdir '${blocker}'`);
  });

  it("refuses a file too big for this process's heap before reading it", () => {
    const path = join(dir, "state.json");
    writeFileSync(path, "");
    // Sparse: as big as the bound says, without using the disk.
    truncateSync(path, maxDocumentBytes("json") + 1);
    expect(() => new StateFile(path).read()).toThrow(/state\.json: .* MiB is too big to load as JSON/);
  });
});
