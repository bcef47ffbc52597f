/**
 * What every case file shares: the Case type, the values that provoke 400s and 404s, and the
 * case families (401 without a key, 413/415 bodies). The case table is one file per spec tag,
 * gathered by index.ts; each entry is a case — the operation and the documented status it provokes, a
 * short name, and how it provokes it, through the public API only. The runner checks the answer
 * (and every other answer the case gets) against spec/openapi.yaml; `code` is the error code the
 * spec's text documents for that answer. A case may add checks of its own with `ctx.check`.
 *
 * Coverage is derived from the spec, not from this table: a status the spec documents for an
 * operation and no case here provokes shows as uncovered, and fails the run.
 */
import { randomUUID } from "node:crypto";
import type { CallOptions, CaseContext } from "../context.ts";
import type { Exchange } from "../http.ts";

/** One conformance case. */
export interface Case {
  /** Unique, kebab-case; `CONTRACT_SKIP` and `CONTRACT_ONLY` take these names. */
  name: string;
  operationId: string;
  /** The documented status the case provokes. */
  status: number;
  /** For an error answer: the `error.code` it must carry. */
  code?: string;
  /** Provokes the answer and returns it; the runner checks operation, status and code. */
  run(ctx: CaseContext): Promise<Exchange>;
}

// ─── values ───────────────────────────────────────────────────────────────────────────────────────

/** Path values that fail the spec's parameter schemas (→ 400). */
export const INVALID = {
  slug: "Not_A_Slug",
  sandboxRef: "x".repeat(129),
  workspaceId: "Not_A_Workspace",
  runId: "not-a-run-id",
  threadId: "not-a-thread-id",
};

/** Path values that are valid but name nothing (→ 404). */
export const missing = {
  slug: (ctx: CaseContext) => ctx.unique("missing"),
  sandbox: (ctx: CaseContext) => ctx.unique("missing"),
  workspaceId: () => randomUUID(),
  runId: (ctx: CaseContext) => `run_${ctx.unique("missing").replace(/-/g, "")}`,
  threadId: (ctx: CaseContext) => `thr_${ctx.unique("missing").replace(/-/g, "")}`,
};

/** Placeholder path parameters for the 401 cases (the key is checked before anything else). */
export const ANY = {
  slug: { slug: "conformance-agent" },
  sandbox: { id: "conformance-sandbox" },
  workspace: { id: "8a7d2e41-3c8b-4f06-b5a1-e2d4c6f80b13" },
  run: { id: "run_conformance" },
  thread: { threadId: "thr_conformance" },
};

export const STREAM = { Accept: "text/event-stream" };

// ─── small checks ─────────────────────────────────────────────────────────────────────────────────

/** The pointers of a 400's `details`. */
export function detailPaths(ex: Exchange): string[] {
  return ((ex.body?.error?.details ?? []) as { path: string }[]).map((d) => d.path);
}

/** Checks that a 400 points at `pointer` (the spec: details carry a JSON pointer into the request). */
export function expectDetail(ctx: CaseContext, ex: Exchange, pointer: string): Exchange {
  if (ex.status === 400) ctx.check(detailPaths(ex).includes(pointer), `error.details should point at ${pointer}, got ${JSON.stringify(detailPaths(ex))}`);
  return ex;
}

/** Checks that `ex` answered a stream, and answers its frames' event names. */
export function frameEvents(ctx: CaseContext, ex: Exchange): string[] {
  ctx.check(ex.frames !== undefined, `expected a text/event-stream answer, got ${ex.contentType || "no Content-Type"}`);
  return (ex.frames ?? []).map((f) => f.event);
}

/** After a streamed run: the thread of X-Thread-ID is deleted, the run cancelled if still open. */
export function cleanupStreamedRun(ctx: CaseContext, ex: Exchange): void {
  const runId = ex.headers.get("x-run-id");
  const threadId = ex.headers.get("x-thread-id");
  if (runId && threadId) ctx.deferRunCleanup({ runId, threadId, status: ex.frames?.some((f) => f.data?.status === "completed") ? "completed" : "open" });
}

/** `upsertAgent` → `upsert-agent`. */
export function kebab(operationId: string): string {
  return operationId.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

// ─── case families ───────────────────────────────────────────────────────────────────────────────

/** 401 without any key; a body, when the operation takes one, that is otherwise valid. */
export function noKey(operationId: string, options: CallOptions = {}): Case {
  return { name: `${kebab(operationId)}-without-key`, operationId, status: 401, code: "unauthorized", run: (ctx) => ctx.call(operationId, { ...options, key: null }) };
}

/** 401 with a key that is not an `rt_live_`/`rt_test_` key, sent as `how`. */
export function malformedKey(operationId: string, how: "X-API-Key" | "Bearer", options: CallOptions = {}): Case {
  const headers = how === "Bearer" ? { Authorization: "Bearer not-a-runtools-key" } : { "X-API-Key": "not-a-runtools-key" };
  return {
    name: `${kebab(operationId)}-malformed-key-${how.toLowerCase()}`,
    operationId,
    status: 401,
    code: "invalid_token",
    run: (ctx) => ctx.call(operationId, { ...options, key: null, headers }),
  };
}

/** What a body-taking operation needs for its 413 and 415 cases: a real target and a valid body. */
export type BodyTarget = (ctx: CaseContext) => Promise<{ params?: Record<string, string>; body: Record<string, unknown> }>;

/** 413 (a body over 1 MiB) and 415 (a JSON text sent as text/plain) against a real target. */
export function bodyLimits(operationId: string, target: BodyTarget): Case[] {
  return [
    {
      name: `${kebab(operationId)}-body-over-1mib`,
      operationId,
      status: 413,
      code: "payload_too_large",
      run: async (ctx) => {
        const { params, body } = await target(ctx);
        return ctx.call(operationId, { ...(params ? { params } : {}), raw: ctx.oversized(body), headers: { "Content-Type": "application/json" } });
      },
    },
    {
      name: `${kebab(operationId)}-body-as-text-plain`,
      operationId,
      status: 415,
      code: "unsupported_media_type",
      run: async (ctx) => {
        const { params, body } = await target(ctx);
        return ctx.call(operationId, { ...(params ? { params } : {}), raw: JSON.stringify(body), headers: { "Content-Type": "text/plain" } });
      },
    },
  ];
}
