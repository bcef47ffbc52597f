/**
 * The request journal (WireMock's request journal, anchors §3 idea 7): what clients sent to the
 * public API and what the mock answered, newest first, in a bounded ring. Keys are shown only by
 * their prefix; bodies are cut at a bound. Size 0 turns it off (for load tests).
 */
import { maskKey } from "../core/auth.ts";
import { checkJsonShape, JSON_DEPTH_LIMITS } from "../core/request-body.ts";
import type { PlainHeaders, PlainResponse } from "../core/http-types.ts";
import type { CompletedRequest } from "../core/pipeline.ts";
import type { JournalEntry, RequestQuery } from "./control-types.ts";

/** Filters of `GET /__mock/requests` (spec/control.yaml), with the documented default limit applied. */
export type JournalFilter = RequestQuery & { limit: number };

/** Headers whose values are credentials: shown by prefix only. */
const SECRET_HEADERS = new Set(["x-api-key", "authorization"]);

/**
 * What is kept of an exchange until someone reads the journal. Recording sits on every public
 * request, reading on almost none, so the entry is built when it is first listed (README
 * "Performance"): recording only keeps references. That is safe because the core never touches
 * a request or a response again once it is answered: each response body is built for its one
 * request (stores hand out copies), and an adapter only reads it.
 */
interface PendingEntry {
  done: CompletedRequest;
  /** Filled in on first read. */
  entry?: JournalEntry;
}

/** A bounded ring of journal entries. */
export class RequestJournal {
  /** A ring: `#next` is where the next entry goes; once full, it overwrites the oldest. */
  readonly #entries: (PendingEntry | undefined)[] = [];
  #next = 0;
  #size = 0;

  constructor(
    /** How many entries are kept (0: none). */
    readonly capacity: number,
    /** Bodies longer than this many bytes are cut. */
    readonly bodyLimit: number,
  ) {}

  /** Records a completed public request. */
  record(done: CompletedRequest): void {
    if (this.capacity === 0) return;
    const { body } = done.request;
    // A body over the bound is cut now, so the ring never holds more than the bound per entry.
    const request = body.kind === "bytes" && body.bytes.length > this.bodyLimit ? { ...done.request, body: { kind: "bytes" as const, bytes: Buffer.from(body.bytes.subarray(0, this.bodyLimit + 1)) } } : done.request;
    this.#entries[this.#next] = { done: request === done.request ? done : { ...done, request } };
    this.#next = (this.#next + 1) % this.capacity;
    this.#size = Math.min(this.#size + 1, this.capacity);
  }

  /** Entries matching the filter, newest first. */
  list(filter: JournalFilter): JournalEntry[] {
    const prefix = filter.path?.endsWith("*") ? filter.path.slice(0, -1) : undefined;
    const since = filter.since === undefined ? undefined : Date.parse(filter.since);
    const out: JournalEntry[] = [];
    for (let back = 1; back <= this.#size && out.length < filter.limit; back++) {
      const pending = this.#entries[(this.#next - back + this.capacity) % this.capacity] as PendingEntry;
      const entry = (pending.entry ??= this.#build(pending.done));
      if (filter.method !== undefined && entry.method !== filter.method) continue;
      if (filter.path !== undefined && (prefix === undefined ? entry.path !== filter.path : !entry.path.startsWith(prefix))) continue;
      if (filter.operationId !== undefined && entry.operationId !== filter.operationId) continue;
      if (filter.status !== undefined && entry.status !== filter.status) continue;
      if (filter.org !== undefined && entry.orgId !== filter.org) continue;
      if (since !== undefined && Date.parse(entry.receivedAt) < since) continue;
      out.push(structuredClone(entry));
    }
    return out;
  }

  /** Forgets every entry; answers how many there were. */
  clear(): number {
    const cleared = this.#size;
    this.#entries.length = 0;
    this.#next = 0;
    this.#size = 0;
    return cleared;
  }

  #build(done: CompletedRequest): JournalEntry {
    const { request, response } = done;
    const requestBody = request.body.kind === "bytes" ? decodeBody(request.body.bytes, this.bodyLimit) : { body: null, truncated: request.body.kind === "too_large" };
    const responseBody = response.body === undefined ? { body: null, truncated: false } : truncateJson(response.body, this.bodyLimit);
    return {
      id: done.requestId,
      receivedAt: done.receivedAt.toISOString(),
      durationMs: Math.round(done.durationMs * 1000) / 1000,
      method: request.method.toUpperCase(),
      path: request.path,
      query: queryObject(request.query),
      operationId: done.operation?.operationId ?? null,
      orgId: done.caller?.orgId ?? null,
      keyPrefix: done.caller?.keyPrefix ?? null,
      status: response.reset ? 0 : response.status,
      request: { headers: maskHeaders(request.headers), body: requestBody.body, bodyTruncated: requestBody.truncated },
      response: { headers: responseHeaders(response), body: responseBody.body, bodyTruncated: responseBody.truncated, streamed: response.stream !== undefined },
    };
  }
}

/** The answer's headers as the client gets them: names in lower case, Content-Type the adapter's (src/adapters/write-response.ts). */
function responseHeaders(response: PlainResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) out[name.toLowerCase()] = value;
  if (response.reset) return out;
  if (response.stream) out["content-type"] = "text/event-stream; charset=utf-8";
  else if (response.body !== undefined) out["content-type"] = "application/json; charset=utf-8";
  return out;
}

function maskHeaders(headers: PlainHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const name = rawName.toLowerCase();
    const value = typeof raw === "string" ? raw : raw.join(", ");
    if (!SECRET_HEADERS.has(name)) out[name] = value;
    else if (name === "authorization") out[name] = value.replace(/^(\S+\s+)?(.*)$/, (_m, scheme: string | undefined, token: string) => `${scheme ?? ""}${maskKey(token)}`);
    else out[name] = maskKey(value);
  }
  return out;
}

function queryObject(query: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(query.keys())) {
    const all = query.getAll(key);
    out[key] = all.length === 1 ? (all[0] as string) : all;
  }
  return out;
}

function decodeBody(bytes: Buffer, limit: number): { body: unknown; truncated: boolean } {
  const truncated = bytes.length > limit;
  const text = bytes.subarray(0, limit).toString("utf8");
  if (!truncated) {
    try {
      const body = JSON.parse(text) as unknown;
      // A body refused for its shape (too deep to render, reserved keys) is kept as text.
      if (checkJsonShape(body, JSON_DEPTH_LIMITS.stateDocument, "") === undefined) return { body, truncated };
    } catch {
      // not JSON: kept as text
    }
  }
  return { body: text, truncated };
}

function truncateJson(body: unknown, limit: number): { body: unknown; truncated: boolean } {
  // A stream's body is the text of its frames: cut as text, not as JSON.
  if (typeof body === "string") return Buffer.byteLength(body) > limit ? { body: Buffer.from(body).subarray(0, limit).toString("utf8"), truncated: true } : { body, truncated: false };
  const text = JSON.stringify(body);
  return Buffer.byteLength(text) > limit ? { body: Buffer.from(text).subarray(0, limit).toString("utf8"), truncated: true } : { body, truncated: false };
}
