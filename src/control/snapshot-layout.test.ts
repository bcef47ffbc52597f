/**
 * The snapshot's layout (snapshot-layout.ts): what it writes is the JSON.stringify document with
 * line feeds, and what the piecewise reader makes of a laid-out file is what JSON.parse makes of
 * it, whatever the chunk and batch sizes; a file out of the layout is refused, never misread.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { StateDocument } from "../stateful/snapshot.ts";
import { layOutSnapshot, readLaidOutSnapshot, type PieceSizes } from "./snapshot-layout.ts";

const dir = mkdtempSync(join(tmpdir(), "rtm-layout-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

function fileOf(text: string): string {
  const path = join(dir, `snapshot-${files++}.json`);
  writeFileSync(path, text);
  return path;
}

/** Strings with line feeds, brackets, commas, quotes and characters of 2 to 4 UTF-8 bytes. */
const awkwardString = fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom("", "]", "[", ",", "\n", "],\n[", "é", "日本", "🦀", '"\\'));
const value = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    awkwardString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(awkwardString, tie("value"), { maxKeys: 4 }),
  ),
})).value;
const organization = fc.dictionary(awkwardString, fc.oneof(fc.array(value, { maxLength: 6 }), value), { maxKeys: 6 });
const stateDocument = fc
  .record({ exportedAt: fc.string(), organizations: fc.array(organization, { maxLength: 4 }), extra: fc.option(value, { nil: undefined }) })
  .map(({ exportedAt, organizations, extra }) => ({ format: "runtools-mock/state", version: 1, exportedAt, organizations, ...(extra === undefined ? {} : { extra }) }) as unknown as StateDocument);
const sizes = fc.record({ chunk: fc.integer({ min: 1, max: 300 }), batch: fc.integer({ min: 1, max: 200 }), firstLine: fc.constant(1 << 20) });

describe("layOutSnapshot", () => {
  it("writes what JSON.parse reads as JSON.stringify's document", () => {
    fc.assert(
      fc.property(stateDocument, (document) => {
        expect(JSON.parse(layOutSnapshot(document).join(""))).toEqual(JSON.parse(JSON.stringify(document)));
      }),
    );
  });

  it("puts each element of an organization's arrays on a line of its own, and nothing else on one", () => {
    const document = {
      format: "runtools-mock/state",
      version: 1,
      exportedAt: "t",
      organizations: [{ id: "o", agents: [{ slug: "a", prompt: "line\nbreak" }, { slug: "b" }], empty: [], billing: { history: [1, 2] }, skipped: undefined }],
    } as unknown as StateDocument;
    expect(layOutSnapshot(document).join("").split("\n")).toEqual([
      '{"format":"runtools-mock/state","version":1,"exportedAt":"t","organizations":[{"id":"o","agents":[',
      '{"slug":"a","prompt":"line\\nbreak"},',
      '{"slug":"b"}',
      '],"empty":[',
      '],"billing":{"history":[1,2]}}]}',
    ]);
  });
});

describe("readLaidOutSnapshot", () => {
  it("reads a laid-out file as JSON.parse does, with the CRC-32 and length of its bytes, whatever the piece sizes", () => {
    fc.assert(
      fc.property(stateDocument, sizes, (document, pieces: PieceSizes) => {
        const text = layOutSnapshot(document).join("");
        const bytes = Buffer.from(text);
        const read = readLaidOutSnapshot(fileOf(text), pieces);
        expect(read?.document).toEqual(JSON.parse(text));
        expect(read?.crc).toBe(crc32(bytes) >>> 0);
        expect(read?.bytes).toBe(bytes.byteLength);
      }),
      { numRuns: 300 },
    );
  });

  it("refuses a file out of the layout, or reads it as JSON.parse does: never another document", () => {
    fc.assert(
      fc.property(stateDocument, sizes, fc.constantFrom(0, 2, "\t"), (document, pieces: PieceSizes, indent) => {
        const text = JSON.stringify(document, null, indent);
        const read = readLaidOutSnapshot(fileOf(text), pieces);
        if (read !== undefined) expect(read.document).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  const agents = (...lines: string[]) => ['{"organizations":[{"id":"o","agents":[', ...lines].join("\n");
  it.each([
    ["a comma after an array's last element", agents('{"a":1},', '{"a":2},', "]}]}")],
    ["no comma between two elements", agents('{"a":1}', '{"a":2}', "]}]}")],
    ["an array left open", agents('{"a":1}')],
    ["a line feed after the document", `${agents('{"a":1}', "]}]}")}\n`],
    ["an element that is not JSON", agents("{a:1}", "]}]}")],
    ["arrays outside the organizations", '{"organizations":[],"more":[\n1\n]}'],
    ["an organization's array written inline beside one laid out", '{"organizations":[{"id":"o","inline":[1],"agents":[\n{"a":1}\n]}]}'],
  ])("refuses %s", (_case, text) => {
    expect(readLaidOutSnapshot(fileOf(text), { chunk: 16, batch: 8, firstLine: 1 << 20 })).toBeUndefined();
    expect(readLaidOutSnapshot(fileOf(text))).toBeUndefined();
  });

  it("refuses JSON.stringify's one line without reading it all into memory first; a long line later is read", () => {
    const document = { format: "runtools-mock/state", version: 1, exportedAt: "t", organizations: [{ id: "o", agents: [{ slug: "x".repeat(4000) }] }] };
    const pieces = { chunk: 256, batch: 128, firstLine: 1024 };
    expect(readLaidOutSnapshot(fileOf(JSON.stringify(document)), pieces)).toBeUndefined();
    expect(readLaidOutSnapshot(fileOf(layOutSnapshot(document as unknown as StateDocument).join("")), pieces)?.document).toEqual(document);
  });
});
