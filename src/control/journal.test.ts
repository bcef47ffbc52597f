/**
 * The request journal without HTTP (issue 5: "entries hold the request and response (bodies
 * truncated at a bound), keys shown only by their prefix, never whole; a bounded ring (size
 * configurable, 0 disables it)"; spec/control.yaml `GET /__mock/requests`, `JournalEntry`).
 * CompletedRequest objects are built by hand, as the pipeline would hand them over.
 */
import { describe, expect, it } from "vitest";
import type { Caller } from "../core/auth.ts";
import { bufferedBody, type PlainBody, type PlainResponse } from "../core/http-types.ts";
import type { CompletedRequest } from "../core/pipeline.ts";
import { CONTROL_PATH, loadSpec, type OperationSpec } from "../spec/load.ts";
import { compileValidators } from "../spec/validators.ts";
import type { JournalEntry } from "./control-types.ts";
import { READ_BODY_BUDGET, RequestJournal, type JournalFilter } from "./journal.ts";

const spec = loadSpec();
const entrySchema = compileValidators(loadSpec(CONTROL_PATH)).component("JournalEntry");

function operation(operationId: string): OperationSpec {
  const found = spec.operations.find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

const ORG_A = "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b";
const ORG_B = "5d2a8e7f-1b3c-4d6e-9f0a-2b4c6d8e0f1a";
const KEY_A = "rt_test_alice0123456789secret";
const KEY_B = "rt_test_bob9876543210hidden";

function caller(orgId: string, key: string): Caller {
  return { orgId, userId: "7c9e6679-7425-40de-944b-e07fc1f90ae7", keyPrefix: `${key.slice(0, 12)}…` };
}

interface Spec {
  id?: string;
  method?: string;
  path?: string;
  query?: string;
  headers?: Record<string, string | string[]>;
  body?: PlainBody;
  response?: Partial<PlainResponse>;
  operationId?: string | undefined;
  caller?: Caller | undefined;
  receivedAt?: string;
  durationMs?: number;
  violations?: CompletedRequest["violations"];
}

let counter = 0;

/** A completed request with sensible defaults: `GET /v1/agents` answered 200 with `{data: []}`. */
function done(spec: Spec = {}): CompletedRequest {
  counter += 1;
  const operationId = "operationId" in spec ? spec.operationId : "listAgents";
  return {
    request: {
      method: spec.method ?? "GET",
      path: spec.path ?? "/v1/agents",
      query: new URLSearchParams(spec.query ?? ""),
      headers: spec.headers ?? { accept: "application/json" },
      body: bufferedBody(spec.body?.kind === "bytes" ? spec.body.bytes : undefined),
      baseUrl: "http://127.0.0.1:4010",
      peer: { kind: "socket", address: "127.0.0.1" },
    },
    body: spec.body ?? { kind: "none" },
    response: { status: 200, headers: { "X-Request-Id": `req_${counter}` }, body: { data: [] }, ...spec.response },
    requestId: spec.id ?? `req_${counter}`,
    operation: operationId === undefined ? undefined : operation(operationId),
    caller: "caller" in spec ? spec.caller : caller(ORG_A, KEY_A),
    receivedAt: new Date(spec.receivedAt ?? "2026-11-29T10:00:00.000Z"),
    durationMs: spec.durationMs ?? 1.5,
    violations: spec.violations ?? [],
  };
}

function json(value: unknown): PlainBody {
  return { kind: "bytes", bytes: Buffer.from(JSON.stringify(value)) };
}

const ALL: JournalFilter = { limit: 1000 };

function ids(journal: RequestJournal, filter: Partial<JournalFilter> = {}): string[] {
  return journal.list({ ...ALL, ...filter }).map((e) => e.id);
}

describe("RequestJournal: the ring", () => {
  it("keeps the newest `capacity` entries, dropping the oldest first", () => {
    const journal = new RequestJournal(3, 65536);
    for (const id of ["req_1", "req_2", "req_3", "req_4", "req_5"]) journal.record(done({ id }));
    expect(ids(journal)).toEqual(["req_5", "req_4", "req_3"]);
  });

  it("stays in order after wrapping round many times, and after a clear mid-ring", () => {
    const journal = new RequestJournal(3, 65536);
    for (let i = 1; i <= 11; i++) journal.record(done({ id: `req_${i}` }));
    expect(ids(journal)).toEqual(["req_11", "req_10", "req_9"]);
    expect(journal.clear()).toBe(3);
    journal.record(done({ id: "req_a" }));
    journal.record(done({ id: "req_b" }));
    expect(ids(journal)).toEqual(["req_b", "req_a"]);
    for (const id of ["req_c", "req_d"]) journal.record(done({ id }));
    expect(ids(journal)).toEqual(["req_d", "req_c", "req_b"]);
  });

  it("records nothing with capacity 0", () => {
    const journal = new RequestJournal(0, 65536);
    journal.record(done({ id: "req_1" }));
    journal.record(done({ id: "req_2" }));
    expect(journal.list(ALL)).toEqual([]);
    expect(journal.clear()).toBe(0);
  });

  it("lists newest first", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ id: "req_a" }));
    journal.record(done({ id: "req_b" }));
    journal.record(done({ id: "req_c" }));
    expect(ids(journal)).toEqual(["req_c", "req_b", "req_a"]);
  });

  it("clear answers how many entries there were and empties the journal", () => {
    const journal = new RequestJournal(10, 65536);
    for (let i = 0; i < 4; i++) journal.record(done());
    expect(journal.clear()).toBe(4);
    expect(journal.list(ALL)).toEqual([]);
    expect(journal.clear()).toBe(0);
    journal.record(done({ id: "req_after" }));
    expect(ids(journal)).toEqual(["req_after"]);
  });

  it("answers copies: changing a listed entry does not change the journal", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ id: "req_1", path: "/v1/agents" }));
    const [entry] = journal.list(ALL);
    if (!entry) throw new Error("no entry");
    entry.path = "/changed";
    expect(journal.list(ALL)[0]?.path).toBe("/v1/agents");
  });
});

describe("RequestJournal: filters", () => {
  function filled(): RequestJournal {
    const journal = new RequestJournal(100, 65536);
    journal.record(done({ id: "req_1", method: "POST", path: "/v1/agents", operationId: "upsertAgent", response: { status: 201 }, receivedAt: "2026-11-29T10:00:00.000Z" }));
    journal.record(done({ id: "req_2", method: "GET", path: "/v1/agents/code-assistant", operationId: "getAgent", receivedAt: "2026-11-29T10:00:01.000Z" }));
    journal.record(
      done({ id: "req_3", method: "get", path: "/v1/agents/missing", operationId: "getAgent", response: { status: 404 }, caller: caller(ORG_B, KEY_B), receivedAt: "2026-11-29T10:00:02.000Z" }),
    );
    journal.record(done({ id: "req_4", method: "GET", path: "/v1/sandboxes", operationId: "listSandboxes", receivedAt: "2026-11-29T10:00:03.000Z" }));
    journal.record(
      done({ id: "req_5", method: "GET", path: "/v2/agents", operationId: undefined, caller: undefined, response: { status: 404 }, receivedAt: "2026-11-29T10:00:04.000Z" }),
    );
    return journal;
  }

  it("method (upper case; a lower-case request method is recorded upper case)", () => {
    const journal = filled();
    expect(ids(journal, { method: "POST" })).toEqual(["req_1"]);
    expect(ids(journal, { method: "GET" })).toEqual(["req_5", "req_4", "req_3", "req_2"]);
    expect(journal.list(ALL).find((e) => e.id === "req_3")?.method).toBe("GET");
  });

  it("path, exact", () => {
    const journal = filled();
    expect(ids(journal, { path: "/v1/agents" })).toEqual(["req_1"]);
    expect(ids(journal, { path: "/v1/agents/missing" })).toEqual(["req_3"]);
    expect(ids(journal, { path: "/v1/agent" })).toEqual([]);
  });

  it("path ending with * is a prefix", () => {
    const journal = filled();
    expect(ids(journal, { path: "/v1/agents*" })).toEqual(["req_3", "req_2", "req_1"]);
    expect(ids(journal, { path: "/v1/agents/*" })).toEqual(["req_3", "req_2"]);
    expect(ids(journal, { path: "/v2*" })).toEqual(["req_5"]);
    expect(ids(journal, { path: "*" })).toEqual(["req_5", "req_4", "req_3", "req_2", "req_1"]);
  });

  it("operationId (null for an unknown path)", () => {
    const journal = filled();
    expect(ids(journal, { operationId: "getAgent" })).toEqual(["req_3", "req_2"]);
    expect(ids(journal, { operationId: "deleteAgent" })).toEqual([]);
    expect(journal.list(ALL).find((e) => e.id === "req_5")?.operationId).toBeNull();
  });

  it("status", () => {
    const journal = filled();
    expect(ids(journal, { status: 404 })).toEqual(["req_5", "req_3"]);
    expect(ids(journal, { status: 201 })).toEqual(["req_1"]);
    expect(ids(journal, { status: 500 })).toEqual([]);
  });

  it("org (null without a caller)", () => {
    const journal = filled();
    expect(ids(journal, { org: ORG_B })).toEqual(["req_3"]);
    expect(ids(journal, { org: ORG_A })).toEqual(["req_4", "req_2", "req_1"]);
    const anonymous = journal.list(ALL).find((e) => e.id === "req_5");
    expect(anonymous?.org).toBeNull();
    expect(anonymous?.keyPrefix).toBeNull();
  });

  it("since: received at or after the instant", () => {
    const journal = filled();
    expect(ids(journal, { since: "2026-11-29T10:00:03.000Z" })).toEqual(["req_5", "req_4"]);
    expect(ids(journal, { since: "2026-11-29T10:00:02.500Z" })).toEqual(["req_5", "req_4"]);
    expect(ids(journal, { since: "2026-11-29T10:00:05.000Z" })).toEqual([]);
    expect(ids(journal, { since: "2026-11-29T09:00:00.000Z" })).toHaveLength(5);
  });

  it("limit keeps the newest matching entries", () => {
    const journal = filled();
    expect(ids(journal, { limit: 2 })).toEqual(["req_5", "req_4"]);
    expect(ids(journal, { limit: 1, operationId: "getAgent" })).toEqual(["req_3"]);
  });

  it("filters combine with AND", () => {
    const journal = filled();
    expect(ids(journal, { method: "GET", path: "/v1/agents*", status: 200 })).toEqual(["req_2"]);
    expect(ids(journal, { operationId: "getAgent", org: ORG_A, status: 404 })).toEqual([]);
  });
});

describe("RequestJournal: what an entry holds", () => {
  it("records the request, the caller and the answer, valid against JournalEntry", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(
      done({
        id: "req_9Pz4Bq7Ke",
        method: "POST",
        path: "/v1/agents",
        query: "limit=10&tag=a&tag=b",
        operationId: "upsertAgent",
        body: json({ slug: "code-assistant", name: "Code Assistant" }),
        response: { status: 201, headers: { "content-type": "application/json; charset=utf-8" }, body: { data: { id: "agt_abc123" }, meta: { requestId: "req_9Pz4Bq7Ke" } } },
        durationMs: 3.14159,
      }),
    );
    const [entry] = journal.list(ALL);
    expect(entrySchema(entry)).toEqual([]);
    expect(entry).toMatchObject({
      id: "req_9Pz4Bq7Ke",
      receivedAt: "2026-11-29T10:00:00.000Z",
      durationMs: 3.142,
      method: "POST",
      path: "/v1/agents",
      query: { limit: "10", tag: ["a", "b"] },
      operationId: "upsertAgent",
      org: journal.pseudonym(ORG_A),
      keyPrefix: "rt_test_…",
      status: 201,
      request: { body: { slug: "code-assistant", name: "Code Assistant" }, bodyTruncated: false },
      response: {
        headers: { "content-type": "application/json; charset=utf-8" },
        body: { data: { id: "agt_abc123" }, meta: { requestId: "req_9Pz4Bq7Ke" } },
        bodyTruncated: false,
        streamed: false,
      },
    });
  });

  it("header names are lower case; the response's content-type is the one the client gets", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(
      done({
        id: "req_json",
        headers: { "Content-Type": "application/json", "X-API-Key": KEY_A },
        response: { status: 200, headers: { "X-Request-Id": "req_json", "Content-Type": "text/plain", "X-Custom": "1" }, body: { data: [] } },
      }),
    );
    journal.record(
      done({
        id: "req_stream",
        response: { status: 200, headers: { "X-Request-Id": "req_stream", "X-Run-Id": "run_1" }, body: undefined, stream: async () => undefined },
      }),
    );
    journal.record(done({ id: "req_empty", response: { status: 200, headers: { "X-Request-Id": "req_empty" }, body: undefined } }));
    const byId = new Map(journal.list(ALL).map((e) => [e.id, e]));
    expect(byId.get("req_json")?.request.headers).toEqual({ "content-type": "application/json", "x-api-key": "[redacted]" });
    expect(byId.get("req_json")?.response.headers).toEqual({ "x-request-id": "req_json", "content-type": "application/json; charset=utf-8", "x-custom": "1" });
    expect(byId.get("req_stream")?.response.headers).toEqual({ "x-request-id": "req_stream", "x-run-id": "run_1", "content-type": "text/event-stream; charset=utf-8" });
    expect(byId.get("req_empty")?.response.headers).toEqual({ "x-request-id": "req_empty" });
    expect(JSON.stringify([...byId.values()])).not.toContain(KEY_A);
  });

  it("redacts X-API-Key and Authorization: nothing of the key, the scheme kept", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ id: "req_key", headers: { "x-api-key": KEY_A, accept: "application/json" } }));
    journal.record(done({ id: "req_bearer", headers: { authorization: `Bearer ${KEY_B}` }, caller: caller(ORG_A, KEY_B) }));
    const byId = new Map(journal.list(ALL).map((e) => [e.id, e]));
    const keyed = byId.get("req_key");
    const bearer = byId.get("req_bearer");
    expect(keyed?.request.headers).toEqual({ "x-api-key": "[redacted]", accept: "application/json" });
    expect(bearer?.request.headers).toEqual({ authorization: "Bearer [redacted]" });
    for (const entry of [keyed, bearer]) {
      const text = JSON.stringify(entry);
      expect(text).not.toContain(KEY_A);
      expect(text).not.toContain(KEY_B);
      // Not even a part of it.
      expect(text).not.toContain("alic");
      expect(text).not.toContain("bob9");
    }
  });

  it("masks a repeated secret header and a bare Authorization token too", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ id: "req_1", headers: { authorization: KEY_A, "x-api-key": [KEY_B, KEY_A] } }));
    const [entry] = journal.list(ALL);
    const text = JSON.stringify(entry);
    expect(text).not.toContain(KEY_A);
    expect(text).not.toContain(KEY_B);
    expect(entry?.request.headers.authorization).toBe("[redacted]");
    expect(entry?.request.headers["x-api-key"]).toBe("[redacted]");
  });

  it("keeps a request body that is not JSON as text", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ method: "POST", body: { kind: "bytes", bytes: Buffer.from("name=code-assistant&x={") } }));
    const [entry] = journal.list(ALL);
    expect(entry?.request).toMatchObject({ body: "name=code-assistant&x={", bodyTruncated: false });
  });

  it("null without a request body", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ body: { kind: "none" } }));
    expect(journal.list(ALL)[0]?.request).toMatchObject({ body: null, bodyTruncated: false });
  });

  it("cuts a request body longer than the bound: its first bytes, as a string, bodyTruncated", () => {
    const journal = new RequestJournal(10, 16);
    const full = JSON.stringify({ prompt: "a".repeat(100) });
    journal.record(done({ method: "POST", body: { kind: "bytes", bytes: Buffer.from(full) } }));
    const [entry] = journal.list(ALL);
    expect(entry?.request.bodyTruncated).toBe(true);
    expect(entry?.request.body).toBe(full.slice(0, 16));
    expect(entrySchema(entry)).toEqual([]);
  });

  it("keeps a body of exactly the bound whole, parsed", () => {
    const text = JSON.stringify({ ab: "cdefgh" });
    const journal = new RequestJournal(10, Buffer.byteLength(text));
    journal.record(done({ method: "POST", body: { kind: "bytes", bytes: Buffer.from(text) } }));
    expect(journal.list(ALL)[0]?.request).toMatchObject({ body: { ab: "cdefgh" }, bodyTruncated: false });
  });

  it("marks a request body the adapter refused as too large", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ method: "POST", body: { kind: "too_large", limit: 1024 }, response: { status: 413 } }));
    expect(journal.list(ALL)[0]?.request).toMatchObject({ body: null, bodyTruncated: true });
  });

  it("cuts a response body longer than the bound", () => {
    const journal = new RequestJournal(10, 20);
    const body = { data: [{ slug: "x".repeat(50) }], meta: { requestId: "req_1" } };
    journal.record(done({ response: { status: 200, headers: {}, body } }));
    const [entry] = journal.list(ALL);
    expect(entry?.response.bodyTruncated).toBe(true);
    expect(entry?.response.body).toBe(JSON.stringify(body).slice(0, 20));
    expect(entrySchema(entry)).toEqual([]);
  });

  it("marks a streamed answer", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ id: "req_json" }));
    journal.record(
      done({
        id: "req_stream",
        method: "POST",
        path: "/v1/run",
        operationId: "runAgent",
        response: { status: 200, headers: { "content-type": "text/event-stream" }, body: undefined, stream: async () => undefined },
      }),
    );
    const byId = new Map(journal.list(ALL).map((e) => [e.id, e]));
    expect(byId.get("req_stream")?.response.streamed).toBe(true);
    expect(byId.get("req_json")?.response.streamed).toBe(false);
  });

  it("a reset answer is recorded with status 0 and no body", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ id: "req_reset", response: { status: 0, headers: {}, body: undefined, reset: true } }));
    const [entry] = journal.list(ALL);
    expect(entry?.status).toBe(0);
    expect(entry?.response.body).toBeNull();
    expect(entrySchema(entry)).toEqual([]);
    expect(ids(journal, { status: 0 })).toEqual(["req_reset"]);
  });
});

describe("RequestJournal: memory bounds (docs/security.md)", () => {
  const LIMIT = 64 * 1024;
  /** 64 KiB that parses into ~22,000 empty arrays: the crafted body that made a read 14 times larger than the ring. */
  const crafted = `[${Array.from({ length: (LIMIT - 2) / 3 }, () => "[]").join(",")}]`.slice(0, LIMIT);

  it("keeps at most the bound of each body, as text: a response body is not kept by reference", () => {
    const journal = new RequestJournal(100, LIMIT);
    const huge = { data: Array.from({ length: 2000 }, (_, i) => ({ id: `agt_${i}`, text: "x".repeat(1000) })) };
    for (let i = 0; i < 100; i++) journal.record(done({ method: "POST", body: { kind: "bytes", bytes: Buffer.from(crafted) }, response: { status: 200, headers: {}, body: huge } }));
    expect(journal.retainedBodyBytes()).toBeLessThanOrEqual(100 * 2 * LIMIT);
    huge.data.length = 0;
    expect(journal.list({ limit: 1 })[0]?.response.bodyTruncated).toBe(true);
  });

  it("builds at most the read budget of bodies in one read of 1000 crafted entries, the rest shown as omitted", () => {
    const journal = new RequestJournal(1000, LIMIT);
    for (let i = 0; i < 1000; i++) journal.record(done({ method: "POST", body: { kind: "bytes", bytes: Buffer.from(crafted) } }));
    const entries = journal.list({ limit: 1000 });
    expect(entries).toHaveLength(1000);
    const shown = entries.filter((e) => e.request.body !== null);
    // Each crafted body counts as its text plus 24 bytes per value: about 1 MB, so 3 fit in 4 MiB.
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThanOrEqual(4);
    expect(entries.filter((e) => e.request.body === null).every((e) => e.request.bodyTruncated)).toBe(true);
    expect(JSON.stringify(entries).length).toBeLessThan(READ_BODY_BUDGET + 1000 * 1024);
  });

  it("shows plain JSON bodies up to the budget: 1000 small entries are shown whole", () => {
    const journal = new RequestJournal(1000, LIMIT);
    for (let i = 0; i < 1000; i++) journal.record(done({ method: "POST", body: json({ slug: `agent-${i}`, description: "d".repeat(500) }) }));
    const entries = journal.list({ limit: 1000 });
    expect(entries.every((e) => e.request.body !== null && e.request.bodyTruncated === false)).toBe(true);
  });

  it("keeps no built entry between reads: each read builds its own copies", () => {
    const journal = new RequestJournal(10, LIMIT);
    journal.record(done({ method: "POST", query: "tag=a&tag=b", body: json({ nested: { a: 1 } }) }));
    const first = journal.list(ALL)[0] as JournalEntry;
    (first.request.body as { nested: { a: number } }).nested.a = 2;
    (first.query.tag as string[]).push("c");
    expect(journal.list(ALL)[0]).toMatchObject({ query: { tag: ["a", "b"] }, request: { body: { nested: { a: 1 } } } });
  });
});

describe("RequestJournal: violations and followers", () => {
  it("keeps the exchange's contract violations, request and response side", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ id: "req_clean" }));
    journal.record(done({ id: "req_bad", violations: [{ source: "request", path: "/body/slug", message: "must match pattern" }, { source: "response", path: "/body/data", message: "must be array" }] }));
    const [bad, clean] = journal.list(ALL);
    expect(entrySchema(bad)).toEqual([]);
    expect(bad?.violations).toEqual([
      { source: "request", path: "/body/slug", message: "must match pattern" },
      { source: "response", path: "/body/data", message: "must be array" },
    ]);
    expect(clean?.violations).toEqual([]);
  });

  it("hands a follower each entry recorded after it started following, until it stops", () => {
    const journal = new RequestJournal(10, 65536);
    journal.record(done({ id: "req_before" }));
    const seen: string[] = [];
    const stop = journal.follow((entry) => seen.push(entry.id));
    journal.record(done({ id: "req_during" }));
    stop();
    journal.record(done({ id: "req_after" }));
    expect(seen).toEqual(["req_during"]);
  });

  it("hands followers nothing when the journal is off", () => {
    const journal = new RequestJournal(0, 65536);
    const seen: string[] = [];
    journal.follow((entry) => seen.push(entry.id));
    journal.record(done());
    expect(seen).toEqual([]);
  });
});


describe("RequestJournal.pseudonym", () => {
  it("names an id by the same pseudonym every time, however many other ids it named between", () => {
    const journal = new RequestJournal(10, 1024);
    const first = journal.pseudonym("11111111-1111-4111-8111-111111111111");
    for (let i = 0; i < 5000; i++) journal.pseudonym(`id-${i}`);
    expect(journal.pseudonym("11111111-1111-4111-8111-111111111111")).toBe(first);
    expect(journal.pseudonym("id-1")).not.toBe(first);
    expect(new RequestJournal(10, 1024).pseudonym("11111111-1111-4111-8111-111111111111")).not.toBe(first);
  });
});
