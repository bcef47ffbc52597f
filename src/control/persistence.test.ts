/**
 * The persist file without a server (issue 5: "`--persist <file>`: every acknowledged change is on
 * disk before its response is sent …, loaded at the next start. A `kill -9` at any moment loses no
 * acknowledged change and never leaves a file that fails to load"). The kill -9 property itself is
 * tested black-box with a child process; here, the file's own guarantees.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StateDocument } from "../stateful/snapshot.ts";
import { StateFile } from "./persistence.ts";

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
    new StateFile(path);
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
});
