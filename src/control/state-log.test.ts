/**
 * When the --persist files seal their snapshot (state-log.ts): start-up skips checking a state
 * only when the snapshot is, byte for byte, what this writer wrote and nothing is to be replayed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { StateDocument } from "../stateful/snapshot.ts";
import { StateFile } from "./persistence.ts";
import { StateLog } from "./state-log.ts";

let dir: string;
let path: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "rtm-state-log-"));
  path = join(dir, "state.json");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const document = (exportedAt: string): StateDocument => ({ format: "runtools-mock/state", version: 1, exportedAt, organizations: [] }) as unknown as StateDocument;
const logOf = (writer = "mock 1 abc def") => new StateLog(new StateFile(path), undefined, undefined, writer);
/** A change record that replaces the whole state (the kind a compaction logs). */
const wholeState = (exportedAt: string) => JSON.stringify({ state: document(exportedAt) });

describe("StateLog sealing", () => {
  it("a snapshot it wrote, with an empty log naming it, is sealed for the same writer only", () => {
    logOf().writeStateNow(document("2026-01-01T00:00:00.000Z"));
    expect(logOf().load()).toMatchObject({ sealed: true, records: 0, document: document("2026-01-01T00:00:00.000Z") });
    // Another version of the mock, or other contracts, check the state again.
    expect(logOf("mock 2 abc def").load().sealed).toBe(false);
    // A writer that names nothing (a tool reading the files) never takes a snapshot as sealed.
    expect(logOf("").load().sealed).toBe(false);
  });

  it("records to replay unseal it; a clean stop folds them in and seals the new snapshot", async () => {
    const log = logOf();
    log.writeStateNow(document("2026-01-01T00:00:00.000Z"));
    log.openForAppend();
    await log.append([wholeState("2026-02-02T00:00:00.000Z")]);
    expect(logOf().load()).toMatchObject({ sealed: false, records: 1 });

    log.closeNow(() => document("2026-03-03T00:00:00.000Z"));
    const reopened = logOf().load();
    expect(reopened).toMatchObject({ sealed: true, records: 0, document: document("2026-03-03T00:00:00.000Z") });
    expect(readFileSync(`${path}.wal`, "utf8").trim().split("\n")).toHaveLength(1);
  });

  it("an edited snapshot is not sealed: the log names other bytes and is set aside", () => {
    logOf().writeStateNow(document("2026-01-01T00:00:00.000Z"));
    writeFileSync(path, JSON.stringify(document("2030-01-01T00:00:00.000Z")));
    const loaded = logOf().load();
    expect(loaded.sealed).toBe(false);
    expect(loaded.document).toEqual(document("2030-01-01T00:00:00.000Z"));
    expect(loaded.notes.join("\n")).toContain("set aside");
  });

  it("a log from before writers were named (no writer in its header) does not seal", () => {
    new StateLog(new StateFile(path)).writeStateNow(document("2026-01-01T00:00:00.000Z"));
    expect(logOf().load().sealed).toBe(false);
  });

  it("nothing on disk: no document, nothing sealed", () => {
    expect(logOf().load()).toMatchObject({ document: undefined, sealed: false, records: 0 });
  });
});

describe("StateLog snapshot layout", () => {
  const withAgents = (exportedAt: string, slugs: string[]) =>
    ({ ...document(exportedAt), organizations: [{ id: "o", agents: slugs.map((slug) => ({ slug, prompt: "two\nlines" })), threads: [] }] }) as unknown as StateDocument;
  /** A log header naming `text` as its snapshot, as state-log.ts writes one. */
  const headerNaming = (text: string, writer: string) => {
    const bytes = Buffer.from(text);
    const json = JSON.stringify({ format: "runtools-mock/log", version: 1, snapshot: `${(crc32(bytes) >>> 0).toString(16).padStart(8, "0")}:${bytes.byteLength}`, writer });
    return `${(crc32(json) >>> 0).toString(16).padStart(8, "0")} ${json}\n`;
  };

  it("writes the snapshot with each agent on its line, and reads it back as written", () => {
    logOf().writeStateNow(withAgents("2026-01-01T00:00:00.000Z", ["a", "b", "c"]));
    // The head, three agents, the threads' opening, the end.
    expect(readFileSync(path, "utf8").split("\n").map((line) => line.slice(0, 9))).toEqual(['{"format"', '{"slug":"', '{"slug":"', '{"slug":"', '],"thread', "]}]}"]);
    expect(logOf().load()).toMatchObject({ sealed: true, document: withAgents("2026-01-01T00:00:00.000Z", ["a", "b", "c"]) });
  });

  it("a snapshot an older mock wrote on one line, with its log, still loads and stays sealed", () => {
    const text = JSON.stringify(withAgents("2026-01-01T00:00:00.000Z", ["a", "b"]));
    writeFileSync(path, text);
    writeFileSync(`${path}.wal`, headerNaming(text, "mock 1 abc def"));
    expect(logOf().load()).toMatchObject({ sealed: true, records: 0, document: withAgents("2026-01-01T00:00:00.000Z", ["a", "b"]), notes: [] });
  });

  it("a laid-out snapshot edited to the same length is read whole, as edited, and not sealed", () => {
    logOf().writeStateNow(withAgents("2026-01-01T00:00:00.000Z", ["a", "b"]));
    writeFileSync(path, readFileSync(path, "utf8").replace('"slug":"b"', '"slug":"z"'));
    const loaded = logOf().load();
    expect(loaded).toMatchObject({ sealed: false, document: withAgents("2026-01-01T00:00:00.000Z", ["a", "z"]) });
    expect(loaded.notes.join("\n")).toContain("set aside");
  });
});
