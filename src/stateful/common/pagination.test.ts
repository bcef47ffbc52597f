/**
 * Cursor pagination (reference Part A, "list pagination"): opaque cursors that encode a
 * position, so that records created or deleted between pages never shift the later pages.
 */
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, paginate } from "./pagination.ts";
import { apiErrorOf } from "./test-support.ts";

interface Item {
  seq: number;
  name: string;
}

const items = (...names: string[]): Item[] => names.map((name, seq) => ({ seq, name }));
const seqOf = (item: Item) => item.seq;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("encodeCursor and decodeCursor", () => {
  it.each([0, 1, 41, 2 ** 40, -1])("round-trips the position %d", (after) => {
    expect(decodeCursor(encodeCursor(after))).toBe(after);
  });

  it("encodes a position as an opaque url-safe string", () => {
    const cursor = encodeCursor(12345);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(cursor).not.toContain("12345");
  });

  it.each([
    ["an empty string", ""],
    ["plain text", "not-a-cursor"],
    ["base64 of something that is not JSON", Buffer.from("hello").toString("base64url")],
    ["JSON without a version", b64({ after: 3 })],
    ["JSON of another version", b64({ v: 2, after: 3 })],
    ["a position that is not an integer", b64({ v: 1, after: 1.5 })],
    ["a position that is a string", b64({ v: 1, after: "3" })],
    ["JSON null", b64(null)],
    ["a JSON array", b64([1, 3])],
  ])("rejects %s with bad_request at /query/cursor", (_case, cursor) => {
    const error = apiErrorOf(() => decodeCursor(cursor));
    expect(error.code).toBe("bad_request");
    expect(error.status).toBe(400);
    expect(error.details).toEqual([{ path: "/query/cursor", message: "is not a cursor this server issued" }]);
  });

  it("rejects a cursor whose payload was tampered with", () => {
    const genuine = encodeCursor(7);
    const payload = Buffer.from(genuine, "base64url").toString("utf8");
    const tampered = Buffer.from(payload.replace('"after":7', '"after":"7; drop"')).toString("base64url");
    expect(decodeCursor(genuine)).toBe(7);
    expect(apiErrorOf(() => decodeCursor(tampered)).code).toBe("bad_request");
  });

  it("rejects a cursor truncated in transit", () => {
    const truncated = encodeCursor(7).slice(0, -4);
    expect(apiErrorOf(() => decodeCursor(truncated)).details?.[0]?.path).toBe("/query/cursor");
  });
});

describe("paginate", () => {
  it("answers the first `limit` items, hasMore and a cursor when more remain", () => {
    const page = paginate(items("a", "b", "c"), seqOf, 2);
    expect(page.items.map((i) => i.name)).toEqual(["a", "b"]);
    expect(page.hasMore).toBe(true);
    expect(page.nextCursor).not.toBeNull();
    expect(decodeCursor(page.nextCursor ?? "")).toBe(1);
  });

  it("walks every item exactly once, ending with hasMore false and a null nextCursor", () => {
    const all = items("a", "b", "c", "d", "e", "f", "g");
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    for (;;) {
      const page = paginate(all, seqOf, 3, cursor);
      pages += 1;
      seen.push(...page.items.map((i) => i.name));
      if (!page.hasMore) {
        expect(page.nextCursor).toBeNull();
        break;
      }
      cursor = page.nextCursor ?? undefined;
    }
    expect(seen).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
    expect(pages).toBe(3);
  });

  it("answers hasMore false and a null cursor when the page holds exactly the rest", () => {
    expect(paginate(items("a", "b"), seqOf, 2)).toEqual({ items: items("a", "b"), hasMore: false, nextCursor: null });
  });

  it("answers an empty last page for an empty list", () => {
    expect(paginate([], seqOf, 10)).toEqual({ items: [], hasMore: false, nextCursor: null });
  });

  it("shows items created after a cursor was issued on the later pages", () => {
    const list = items("a", "b", "c");
    const first = paginate(list, seqOf, 2);
    list.push({ seq: 3, name: "d" }, { seq: 4, name: "e" });
    const second = paginate(list, seqOf, 2, first.nextCursor ?? undefined);
    expect(second.items.map((i) => i.name)).toEqual(["c", "d"]);
    expect(second.hasMore).toBe(true);
    const third = paginate(list, seqOf, 2, second.nextCursor ?? undefined);
    expect(third.items.map((i) => i.name)).toEqual(["e"]);
  });

  it("does not shift later pages when an item already served is removed", () => {
    const list = items("a", "b", "c", "d");
    const first = paginate(list, seqOf, 2);
    list.splice(0, 1);
    expect(paginate(list, seqOf, 2, first.nextCursor ?? undefined).items.map((i) => i.name)).toEqual(["c", "d"]);
  });

  it("skips gaps in the sequence (items deleted before they were served)", () => {
    const list = [
      { seq: 0, name: "a" },
      { seq: 5, name: "f" },
      { seq: 9, name: "j" },
    ];
    const first = paginate(list, seqOf, 1);
    expect(decodeCursor(first.nextCursor ?? "")).toBe(0);
    const second = paginate(list, seqOf, 1, first.nextCursor ?? undefined);
    expect(second.items.map((i) => i.name)).toEqual(["f"]);
    expect(decodeCursor(second.nextCursor ?? "")).toBe(5);
  });

  it("rejects an invalid cursor with bad_request at /query/cursor", () => {
    const error = apiErrorOf(() => paginate(items("a"), seqOf, 1, "%%%"));
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/query/cursor"]);
  });
});

describe("paginate over a live iterator", () => {
  it("reads only as far as one item past the page", () => {
    let read = 0;
    function* counted(): Generator<Item> {
      for (let seq = 0; seq < 100_000; seq++) {
        read++;
        yield { seq, name: `item-${seq}` };
      }
    }
    const page = paginate(counted(), seqOf, 20);
    expect(page.items.map((item) => item.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(page.hasMore).toBe(true);
    expect(read).toBe(21);

    read = 0;
    const next = paginate(counted(), seqOf, 20, page.nextCursor ?? undefined);
    expect(next.items[0]?.seq).toBe(20);
    expect(read).toBe(41);
  });
});
