/**
 * The request journal (WireMock's request journal, anchors §3 idea 7): what clients sent to the
 * public API and what the mock answered, newest first, in a bounded ring. Size 0 turns it off
 * (for load tests). docs/security.md "The request journal" gives the rules this file keeps:
 *
 * - Nothing recoverable of a credential is kept: `X-API-Key`, `Authorization`,
 *   `Proxy-Authorization`, `Cookie` (and any other credential header) are redacted when the entry
 *   is recorded, the key shows only its kind (`rt_test_…`), and the organization is shown by a
 *   pseudonym (an HMAC under a secret drawn at start), because the organization id of a key is a
 *   plain hash of the key, from which a short key can be found again by trying candidates. The
 *   caller's organization and user ids are replaced by their pseudonyms inside bodies too.
 * - An entry keeps at most `bodyLimit` bytes of each body, as bytes or text, never as a graph of
 *   objects (a crafted body of 64 KiB parses into megabytes of them).
 * - One read builds at most READ_BODY_BUDGET bytes of bodies; later entries of the same read show
 *   their bodies as omitted (null, `bodyTruncated: true`). Nothing built for a read is kept.
 */
import { createHmac, randomBytes } from "node:crypto";
import { checkJsonShape, JSON_DEPTH_LIMITS } from "../core/request-body.ts";
import type { PlainHeaders, PlainResponse } from "../core/http-types.ts";
import { jsonText } from "../core/json-text.ts";
import type { CompletedRequest } from "../core/pipeline.ts";
import type { JournalEntry, RequestQuery } from "./control-types.ts";

/** Pseudonyms kept by a journal (see RequestJournal.#pseudonyms). */
const PSEUDONYMS_KEPT = 4096;

/** Filters of `GET /__mock/requests` (spec/control.yaml), with the documented default limit applied. */
export type JournalFilter = RequestQuery & { limit: number };

/** The bytes of bodies one read of the journal may show, in all (spec/control.yaml, listRequests). */
export const READ_BODY_BUDGET = 4 * 1024 * 1024;
/** What one JSON value (an array, an object, an element) is counted as when a body is parsed for a read. */
const VALUE_COST = 24;

/** Headers that carry credentials: recorded as `[redacted]` (a scheme such as `Bearer` is kept). */
const SECRET_HEADERS = new Set(["x-api-key", "authorization", "proxy-authorization", "cookie", "set-cookie", "x-admin-token"]);
const REDACTED = "[redacted]";

/** What an entry keeps: plain values and two bounded bodies, nothing that names a credential. */
interface Recorded {
  id: string;
  receivedAt: string;
  durationMs: number;
  method: string;
  path: string;
  /** The query string as sent (rebuilt into an object per read, so that a reader's copy is its own). */
  query: string;
  operationId: string | null;
  /** Kept for the `org` filter; never shown. */
  orgId: string | null;
  keyPrefix: string | null;
  status: number;
  requestHeaders: Record<string, string>;
  request: KeptBody;
  responseHeaders: Record<string, string>;
  response: KeptBody;
  streamed: boolean;
  violations: JournalEntry["violations"];
}

/** A body cut at the bound: `json` is text to parse when read, `text` is shown as a string. */
type KeptBody = { kind: "none"; truncated: boolean } | { kind: "json" | "text"; text: string; truncated: boolean };

/** A bounded ring of journal entries. */
export class RequestJournal {
  /** A ring: `#next` is where the next entry goes; once full, it overwrites the oldest. */
  readonly #entries: (Recorded | undefined)[] = [];
  #next = 0;
  #size = 0;
  /** Drawn per process: pseudonyms cannot be computed from an organization id elsewhere. */
  readonly #secret = randomBytes(32);
  /**
   * Pseudonyms already computed: each request names its organization and user, and two HMACs per
   * request were ~5% of the mock's CPU under load. Bounded (emptied when full), as ids are many.
   */
  readonly #pseudonyms = new Map<string, string>();
  /** Who follows the journal live (`GET /__mock/requests/stream`). */
  readonly #followers = new Set<(entry: JournalEntry) => void>();

  constructor(
    /** How many entries are kept (0: none). */
    readonly capacity: number,
    /** Bodies longer than this many bytes are cut. */
    readonly bodyLimit: number,
  ) {}

  /** Records a completed public request: redacted and cut now, so the ring holds nothing more. */
  record(done: CompletedRequest): void {
    if (this.capacity === 0) return;
    const { request, response, body, caller } = done;
    // The caller's ids derive from its key: inside bodies too they become their pseudonyms.
    const hide = caller ? (text: string) => text.replaceAll(caller.orgId, this.pseudonym(caller.orgId) as string).replaceAll(caller.userId, this.pseudonym(caller.userId) as string) : (text: string) => text;
    const kept: Recorded = {
      id: done.requestId,
      receivedAt: done.receivedAt.toISOString(),
      durationMs: Math.round(done.durationMs * 1000) / 1000,
      method: request.method.toUpperCase(),
      path: request.path,
      query: request.query.toString(),
      operationId: done.operation?.operationId ?? null,
      orgId: done.caller?.orgId ?? null,
      keyPrefix: done.caller ? keyKind(done.caller.keyPrefix) : null,
      status: response.reset ? 0 : response.status,
      requestHeaders: redactHeaders(request.headers),
      request: body?.kind === "bytes" ? hidden(keepBytes(body.bytes, this.bodyLimit), hide) : { kind: "none", truncated: body?.kind === "too_large" },
      responseHeaders: responseHeaders(response),
      response: hidden(keepResponse(response, this.bodyLimit), hide),
      streamed: response.stream !== undefined,
      violations: done.violations.map(({ source, path, message }) => ({ source, path, message })),
    };
    this.#entries[this.#next] = kept;
    this.#next = (this.#next + 1) % this.capacity;
    this.#size = Math.min(this.#size + 1, this.capacity);
    // Each follower gets its own copy, built within one read's budget.
    for (const follower of this.#followers) follower(this.#show(kept, READ_BODY_BUDGET).entry);
  }

  /** Calls `follower` with each entry recorded from now on; returns how to stop. */
  follow(follower: (entry: JournalEntry) => void): () => void {
    this.#followers.add(follower);
    return () => this.#followers.delete(follower);
  }

  /** Entries matching the filter, newest first; `org` takes an organization id or its pseudonym. */
  list(filter: JournalFilter): JournalEntry[] {
    const prefix = filter.path?.endsWith("*") ? filter.path.slice(0, -1) : undefined;
    const since = filter.since === undefined ? undefined : Date.parse(filter.since);
    const out: JournalEntry[] = [];
    let budget = READ_BODY_BUDGET;
    for (let back = 1; back <= this.#size && out.length < filter.limit; back++) {
      const kept = this.#entries[(this.#next - back + this.capacity) % this.capacity] as Recorded;
      if (filter.method !== undefined && kept.method !== filter.method) continue;
      if (filter.path !== undefined && (prefix === undefined ? kept.path !== filter.path : !kept.path.startsWith(prefix))) continue;
      if (filter.operationId !== undefined && kept.operationId !== filter.operationId) continue;
      if (filter.status !== undefined && kept.status !== filter.status) continue;
      if (filter.org !== undefined && kept.orgId !== filter.org && this.pseudonym(kept.orgId) !== filter.org) continue;
      if (since !== undefined && Date.parse(kept.receivedAt) < since) continue;
      const { entry, cost } = this.#show(kept, budget);
      budget -= cost;
      out.push(entry);
    }
    return out;
  }

  /** An entry as a read shows it, its bodies within `budget`; the copy is the reader's own. */
  #show(kept: Recorded, budget: number): { entry: JournalEntry; cost: number } {
    const request = shown(kept.request, budget);
    const response = shown(kept.response, budget - request.cost);
    return {
      cost: request.cost + response.cost,
      entry: {
        id: kept.id,
        receivedAt: kept.receivedAt,
        durationMs: kept.durationMs,
        method: kept.method,
        path: kept.path,
        query: queryObject(new URLSearchParams(kept.query)),
        operationId: kept.operationId,
        org: this.pseudonym(kept.orgId),
        keyPrefix: kept.keyPrefix,
        status: kept.status,
        request: { headers: { ...kept.requestHeaders }, body: request.body, bodyTruncated: request.truncated },
        response: { headers: { ...kept.responseHeaders }, body: response.body, bodyTruncated: response.truncated, streamed: kept.streamed },
        violations: kept.violations.map((violation) => ({ ...violation })),
      },
    };
  }

  /** The bytes of bodies the ring holds (each at most `bodyLimit`). */
  retainedBodyBytes(): number {
    let total = 0;
    for (let i = 0; i < this.#size; i++) {
      const kept = this.#entries[i] as Recorded;
      for (const body of [kept.request, kept.response]) if (body.kind !== "none") total += Buffer.byteLength(body.text);
    }
    return total;
  }

  /** Forgets every entry; answers how many there were. */
  clear(): number {
    const cleared = this.#size;
    this.#entries.length = 0;
    this.#next = 0;
    this.#size = 0;
    return cleared;
  }

  /** Stands for an organization (or a user) in this process's journal: UUID-shaped, stable until restart, not reversible. */
  pseudonym(id: string | null): string | null {
    if (id === null) return null;
    const known = this.#pseudonyms.get(id);
    if (known !== undefined) return known;
    const hex = createHmac("sha256", this.#secret).update(id).digest("hex");
    const pseudonym = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    if (this.#pseudonyms.size >= PSEUDONYMS_KEPT) this.#pseudonyms.clear();
    this.#pseudonyms.set(id, pseudonym);
    return pseudonym;
  }
}

/** `rt_test_…` or `rt_live_…`: which kind of key, and nothing of the key itself. */
function keyKind(keyPrefix: string): string {
  return `${/^rt_(live|test)_/.exec(keyPrefix)?.[0] ?? "rt_"}…`;
}

function redactHeaders(headers: PlainHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [rawName, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const name = rawName.toLowerCase();
    const value = typeof raw === "string" ? raw : raw.join(", ");
    if (!SECRET_HEADERS.has(name)) out[name] = value;
    else out[name] = name.endsWith("authorization") && /^[A-Za-z][\w-]*\s+\S/.test(value.trim()) ? `${value.trim().split(/\s+/)[0]} ${REDACTED}` : REDACTED;
  }
  return out;
}

/** The answer's headers as the client gets them: names in lower case, Content-Type the adapter's (src/adapters/write-response.ts). */
function responseHeaders(response: PlainResponse): Record<string, string> {
  const out = redactHeaders(response.headers);
  if (response.reset) return out;
  if (response.stream) out["content-type"] = "text/event-stream; charset=utf-8";
  else if (response.body !== undefined) out["content-type"] = "application/json; charset=utf-8";
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

/** A request body: JSON when it is whole, else its first bytes as text. */
function keepBytes(bytes: Buffer, limit: number): KeptBody {
  const truncated = bytes.length > limit;
  return { kind: truncated ? "text" : "json", text: bytes.subarray(0, limit).toString("utf8"), truncated };
}

/** A response body, serialised now: a stream's frames are text, a JSON body is kept as its JSON text. */
function keepResponse(response: PlainResponse, limit: number): KeptBody {
  if (response.body === undefined) return { kind: "none", truncated: false };
  const text = typeof response.body === "string" ? response.body : jsonText(response.body);
  // A UTF-16 unit is at most 3 bytes of UTF-8: a text that short fits whatever it holds, uncounted.
  const cut = text.length * 3 <= limit ? { kind: "json" as const, text, truncated: false } : keepBytes(Buffer.from(text), limit);
  return typeof response.body === "string" && cut.kind !== "none" ? { ...cut, kind: "text" } : cut;
}

function hidden(body: KeptBody, hide: (text: string) => string): KeptBody {
  return body.kind === "none" ? body : { ...body, text: hide(body.text) };
}

/**
 * What a read shows of a body, within what is left of its budget. A body shown as JSON costs more
 * than its text: every array, object and element becomes a value of its own, so each `[`, `{` and
 * `,` is counted as VALUE_COST bytes (a 64 KiB body of `[[],[],…]` counts as about 1 MB).
 */
function shown(body: KeptBody, budget: number): { body: unknown; truncated: boolean; cost: number } {
  if (body.kind === "none") return { body: null, truncated: body.truncated, cost: 0 };
  const cost = body.kind === "json" ? jsonCost(body.text) : Buffer.byteLength(body.text);
  if (cost > budget) return { body: null, truncated: true, cost: 0 };
  if (body.kind === "text") return { body: body.text, truncated: body.truncated, cost };
  try {
    const parsed = JSON.parse(body.text) as unknown;
    // A body refused for its shape (too deep to render, reserved keys) is shown as its text.
    if (checkJsonShape(parsed, JSON_DEPTH_LIMITS.stateDocument, "") !== undefined) return { body: body.text, truncated: false, cost };
    return { body: parsed, truncated: false, cost };
  } catch {
    // not JSON: shown as text
    return { body: body.text, truncated: false, cost };
  }
}

function jsonCost(text: string): number {
  let values = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b || c === 0x2c) values++;
  }
  return Buffer.byteLength(text) + values * VALUE_COST;
}
