/**
 * Cursor pagination as the generated reference pages show it (reference Part A, "list
 * pagination"): `limit` + an opaque `cursor`; the answer carries `hasMore` and `nextCursor`.
 * A cursor encodes the position after the last item served, so records created or deleted
 * between pages never shift the pages that follow.
 */
import { ApiError } from "../../core/errors.ts";

/** One page of a list. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
  nextCursor: string | null;
}

const CURSOR_VERSION = 1;

/** Encodes a position (the creation sequence number of the last item served). */
export function encodeCursor(after: number): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, after })).toString("base64url");
}

/** Decodes a cursor, or throws a 400 naming the query parameter. */
export function decodeCursor(cursor: string): number {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { v?: unknown; after?: unknown };
    if (decoded.v === CURSOR_VERSION && Number.isSafeInteger(decoded.after)) return decoded.after as number;
  } catch {
    // fall through to the 400 below
  }
  throw new ApiError("bad_request", "Invalid cursor: pass back the nextCursor of a previous page", [
    { path: "/query/cursor", message: "is not a cursor this server issued" },
  ]);
}

/**
 * Serves one page of `items`, which must come in ascending `sequenceOf` order. Items are read
 * lazily and reading stops one past the page, so a store can hand over its live iterator: the
 * first page of 100,000 agents costs what the first page of ten does (docs/performance.md);
 * a later page costs the items before its cursor.
 */
export function paginate<T>(items: Iterable<T>, sequenceOf: (item: T) => number, limit: number, cursor?: string): Page<T> {
  const after = cursor === undefined ? -Infinity : decodeCursor(cursor);
  const page: T[] = [];
  let hasMore = false;
  for (const item of items) {
    if (sequenceOf(item) <= after) continue;
    if (page.length === limit) {
      hasMore = true;
      break;
    }
    page.push(item);
  }
  const last = page.at(-1);
  return { items: page, hasMore, nextCursor: hasMore && last !== undefined ? encodeCursor(sequenceOf(last)) : null };
}
