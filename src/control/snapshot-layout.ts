/**
 * How `--persist` lays a snapshot out on disk, so that start-up can read it in small pieces.
 *
 * The snapshot stays a plain state document (docs/persistence.md: to copy, read, pass as `--data`):
 * JSON.parse reads it as it reads JSON.stringify's text. It differs only in whitespace: each
 * element of an organization's top-level arrays (its agents, threads, activity, file trees, …)
 * sits on a line of its own.
 *
 *     {"format":"runtools-mock/state",…,"organizations":[{"id":"…","workspaces":[
 *     {…a workspace…}
 *     ],"sandboxes":[
 *     ],"agents":[
 *     {…an agent…},
 *     {…an agent…}
 *     ],"threads":[
 *     …
 *     ]}]}
 *
 * JSON.stringify never writes a raw line break (a string's is escaped), so the line breaks are
 * exactly the layout's. Why it matters: parsing one 70 MB text (100k agents) means holding the
 * file's bytes and then its decoded text, 140 MB of memory touched once, and on a machine whose
 * fresh pages are slow (every virtual machine this was measured on) that was a third of start-up.
 * Read a mebibyte at a time and parsed a few dozen kilobytes at a time, the same snapshot touches
 * only what it parses into (docs/persistence.md, "Start-up").
 */
import { closeSync, openSync, readSync } from "node:fs";
import { crc32 } from "node:zlib";
import type { StateDocument } from "../stateful/snapshot.ts";

const LINE_FEED = 0x0a;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * A snapshot's text, in pieces of about a mebibyte (more for a single larger element): written
 * and checksummed a piece at a time, the text is never one string, nor encoded whole. (A clean
 * stop at 100k agents spent ~0.4 s joining, ~0.4 s encoding to checksum and ~0.4 s encoding to
 * write one 70 MB string.)
 */
export type SnapshotText = readonly string[];

const PIECE_CHARS = 1024 * 1024;

/** The document's text in the layout above; JSON.parse reads its pieces, joined, as JSON.stringify(document). */
export function layOutSnapshot(document: StateDocument): SnapshotText {
  const text = new PieceWriter();
  writeObject(document as unknown as Record<string, unknown>, text, (key, value) => {
    if (key !== "organizations" || !Array.isArray(value)) return false;
    text.push("[");
    value.forEach((org: Record<string, unknown>, index) => {
      if (index > 0) text.push(",");
      writeObject(org, text, (_key, field) => {
        if (!Array.isArray(field)) return false;
        text.push("[\n");
        for (let i = 0; i < field.length; i++) text.push(`${JSON.stringify(field[i]) ?? "null"}${i < field.length - 1 ? "," : ""}\n`);
        text.push("]");
        return true;
      });
    });
    text.push("]");
    return true;
  });
  return text.end();
}

/** Collects small strings into pieces of about PIECE_CHARS characters. */
class PieceWriter {
  readonly #pieces: string[] = [];
  #current: string[] = [];
  #length = 0;

  push(part: string): void {
    this.#current.push(part);
    this.#length += part.length;
    if (this.#length >= PIECE_CHARS) this.#cut();
  }

  end(): SnapshotText {
    if (this.#current.length > 0) this.#cut();
    return this.#pieces;
  }

  #cut(): void {
    this.#pieces.push(this.#current.join(""));
    this.#current = [];
    this.#length = 0;
  }
}

/** An object as JSON.stringify writes it, but for the fields `special` writes itself (answering true). */
function writeObject(object: Record<string, unknown>, parts: PieceWriter, special: (key: string, value: unknown) => boolean): void {
  parts.push("{");
  let first = true;
  for (const key of Object.keys(object)) {
    const value = object[key];
    // What JSON.stringify leaves out of an object; a state document holds none of it, but the
    // text must stay what JSON.stringify would write whatever it is given.
    if (value === undefined || typeof value === "function" || typeof value === "symbol") continue;
    parts.push(`${first ? "" : ","}${JSON.stringify(key)}:`);
    first = false;
    if (!special(key, value)) parts.push(JSON.stringify(value));
  }
  parts.push("}");
}

/** A snapshot read in the layout: its document, and the CRC-32 and length of its bytes. */
export interface LaidOutSnapshot {
  document: unknown;
  crc: number;
  bytes: number;
}

/** Sizes of the pieces; tests make them tiny to put every boundary somewhere awkward. */
export interface PieceSizes {
  /** Bytes read at a time (the buffer grows for a longer line). */
  chunk: number;
  /**
   * Bytes of elements parsed at a time. Under V8's largest young-generation object (128 KiB), so
   * that each piece of text is dropped young, in memory already touched, rather than mapped afresh.
   */
  batch: number;
  /** The longest first line taken for the layout's (see read()). */
  firstLine: number;
}

const SIZES: PieceSizes = { chunk: 1024 * 1024, batch: 48 * 1024, firstLine: 1024 * 1024 };

/**
 * Reads and parses the snapshot at `path` a piece at a time, with the CRC-32 of its bytes.
 * Undefined when the file is not in the layout (another writer, a hand edit, damage): the caller
 * then reads it whole, as JSON, which reports what is wrong with it. A document it does return
 * is what JSON.parse makes of the text, provided the text is in the layout; callers use it only
 * for a snapshot whose log names these very bytes (so this mock wrote them, in the layout).
 */
export function readLaidOutSnapshot(path: string, sizes: PieceSizes = SIZES): LaidOutSnapshot | undefined {
  const fd = openSync(path, "r");
  try {
    return new LayoutReader(sizes).read(fd);
  } finally {
    closeSync(fd);
  }
}

/** Thrown inside the reader when the text leaves the layout; read() answers undefined for it. */
class OutOfLayout extends Error {}

class LayoutReader {
  #buffer: Buffer;
  /** The text outside the arrays, in order: with the arrays' elements left out, the skeleton to parse. */
  readonly #skeleton: string[] = [];
  /** Each array's opening line (`…"agents":[`) and its elements, in the order of the file. */
  readonly #arrays: { opener: string; elements: unknown[] }[] = [];
  #open: unknown[] | undefined;
  /** What the last line of the open array was: its opening, an element with a comma, or one without. */
  #after: "opener" | "comma" | "last" = "opener";
  /** Byte range [from, to) of element lines read but not parsed yet. */
  #batchFrom = -1;
  #batchTo = -1;

  constructor(private readonly sizes: PieceSizes) {
    this.#buffer = Buffer.allocUnsafe(sizes.chunk);
  }

  read(fd: number): LaidOutSnapshot | undefined {
    let crc = 0;
    let bytes = 0;
    let start = 0;
    let end = 0;
    try {
      for (;;) {
        if (start === end) start = end = 0;
        if (end === this.#buffer.length) {
          // Full: move the unread part to the front, or make room for a line longer than the buffer.
          const target = start > 0 ? this.#buffer : Buffer.allocUnsafe(this.#buffer.length * 2);
          this.#buffer.copy(target, 0, start, end);
          this.#buffer = target;
          end -= start;
          start = 0;
        }
        const read = readSync(fd, this.#buffer, end, this.#buffer.length - end, bytes);
        crc = crc32(this.#buffer.subarray(end, end + read), crc);
        bytes += read;
        end += read;
        const view = this.#buffer.subarray(0, end);
        for (let lf = view.indexOf(LINE_FEED, start); lf >= 0; lf = view.indexOf(LINE_FEED, start)) {
          this.#line(start, lf);
          start = lf + 1;
        }
        // The layout's first line is the document's head, up to the first organization's first
        // array: a file with no line feed that early was written by JSON.stringify (an older
        // mock, a hand, a copy of an export), and is better read whole at once.
        if (this.#skeleton.length === 0 && end - start >= this.sizes.firstLine) throw new OutOfLayout("no line feed near the start");
        // The buffer's contents move before the next read: what is batched is parsed now.
        this.#flush();
        if (read === 0) {
          // The last line has no line feed (the layout ends with the document's closing brace).
          if (start === end) throw new OutOfLayout("a line feed at the end");
          this.#line(start, end);
          this.#flush();
          return { document: this.#assemble(), crc: crc >>> 0, bytes };
        }
      }
    } catch (error) {
      if (error instanceof OutOfLayout || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  /** One line, bytes [from, to) of the buffer (without its line feed). */
  #line(from: number, to: number): void {
    const open = this.#open !== undefined;
    if (open && this.#buffer[from] !== CLOSE_BRACKET) {
      // An element: after the opening line or an element with its comma.
      if (this.#after === "last") throw new OutOfLayout("an element after an array's last");
      this.#after = to > from && this.#buffer[to - 1] === COMMA ? "comma" : "last";
      if (this.#batchFrom < 0) this.#batchFrom = from;
      this.#batchTo = to;
      if (this.#batchTo - this.#batchFrom >= this.sizes.batch) this.#flush();
      return;
    }
    if (open && this.#after === "comma") throw new OutOfLayout("a comma before an array's end");
    this.#flush();
    const text = this.#buffer.toString("utf8", from, to);
    this.#skeleton.push(text);
    if (text.endsWith("[")) {
      this.#open = [];
      this.#after = "opener";
      this.#arrays.push({ opener: text, elements: this.#open });
    } else {
      this.#open = undefined;
    }
  }

  /** Parses the batched element lines into the open array. */
  #flush(): void {
    if (this.#batchFrom < 0 || this.#open === undefined) return;
    let text = this.#buffer.toString("utf8", this.#batchFrom, this.#batchTo);
    this.#batchFrom = -1;
    // Every element line but an array's last ends with a comma (#line checks it); a batch may stop before the last.
    if (text.endsWith(",")) text = text.slice(0, -1);
    const elements = JSON.parse(`[${text}]`) as unknown[];
    for (const element of elements) this.#open.push(element);
  }

  /** Parses the skeleton and puts each array's elements back where the layout took them from. */
  #assemble(): unknown {
    if (this.#open !== undefined) throw new OutOfLayout("an array is not closed");
    const document = JSON.parse(this.#skeleton.join("")) as { organizations?: unknown };
    const arrays = this.#arrays.values();
    if (!Array.isArray(document.organizations)) throw new OutOfLayout("no organizations");
    for (const org of document.organizations as Record<string, unknown>[]) {
      if (org === null || typeof org !== "object") throw new OutOfLayout("an organization is not an object");
      for (const key of Object.keys(org)) {
        if (!Array.isArray(org[key])) continue;
        const array = arrays.next().value;
        if (array === undefined || (org[key] as unknown[]).length > 0 || !array.opener.endsWith(`${JSON.stringify(key)}:[`)) throw new OutOfLayout(`organizations' ${key} is not where the layout puts it`);
        org[key] = array.elements;
      }
    }
    if (!arrays.next().done) throw new OutOfLayout("an array outside the organizations");
    return document;
  }
}
