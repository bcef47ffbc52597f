/**
 * The case table: one entry per case — the operation and the documented status it provokes, a
 * short name, and how it provokes it, through the public API only. The runner checks the answer
 * (and every other answer the case gets) against spec/openapi.yaml; `code` is the error code the
 * spec's text documents for that answer. A case may add checks of its own with `ctx.check`.
 *
 * Coverage is derived from the spec, not from this table: a status the spec documents for an
 * operation and no case here provokes shows as uncovered, and fails the run.
 */
import { randomUUID } from "node:crypto";
import type { CallOptions, CaseContext } from "./context.ts";
import type { Exchange } from "./http.ts";

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
const INVALID = {
  slug: "Not_A_Slug",
  sandboxRef: "x".repeat(129),
  workspaceId: "not-a-uuid",
  runId: "not-a-run-id",
  threadId: "not-a-thread-id",
};

/** Path values that are valid but name nothing (→ 404). */
const missing = {
  slug: (ctx: CaseContext) => ctx.unique("missing"),
  sandbox: (ctx: CaseContext) => ctx.unique("missing"),
  workspaceId: () => randomUUID(),
  runId: (ctx: CaseContext) => `run_${ctx.unique("missing").replace(/-/g, "")}`,
  threadId: (ctx: CaseContext) => `thr_${ctx.unique("missing").replace(/-/g, "")}`,
};

/** Placeholder path parameters for the 401 cases (the key is checked before anything else). */
const ANY = {
  slug: { slug: "conformance-agent" },
  sandbox: { id: "conformance-sandbox" },
  workspace: { id: "8a7d2e41-3c8b-4f06-b5a1-e2d4c6f80b13" },
  run: { id: "run_conformance" },
  thread: { threadId: "thr_conformance" },
};

const STREAM = { Accept: "text/event-stream" };

// ─── small checks ─────────────────────────────────────────────────────────────────────────────────

/** The pointers of a 400's `details`. */
function detailPaths(ex: Exchange): string[] {
  return ((ex.body?.error?.details ?? []) as { path: string }[]).map((d) => d.path);
}

/** Checks that a 400 points at `pointer` (the spec: details carry a JSON pointer into the request). */
function expectDetail(ctx: CaseContext, ex: Exchange, pointer: string): Exchange {
  if (ex.status === 400) ctx.check(detailPaths(ex).includes(pointer), `error.details should point at ${pointer}, got ${JSON.stringify(detailPaths(ex))}`);
  return ex;
}

/** Checks that `ex` answered a stream, and answers its frames' event names. */
function frameEvents(ctx: CaseContext, ex: Exchange): string[] {
  ctx.check(ex.frames !== undefined, `expected a text/event-stream answer, got ${ex.contentType || "no Content-Type"}`);
  return (ex.frames ?? []).map((f) => f.event);
}

/** After a streamed run: the thread of X-Thread-ID is deleted, the run cancelled if still open. */
function cleanupStreamedRun(ctx: CaseContext, ex: Exchange): void {
  const runId = ex.headers.get("x-run-id");
  const threadId = ex.headers.get("x-thread-id");
  if (runId && threadId) ctx.deferRunCleanup({ runId, threadId, status: ex.frames?.some((f) => f.data?.status === "completed") ? "completed" : "open" });
}

/** `upsertAgent` → `upsert-agent`. */
function kebab(operationId: string): string {
  return operationId.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

// ─── case families ───────────────────────────────────────────────────────────────────────────────

/** 401 without any key; a body, when the operation takes one, that is otherwise valid. */
function noKey(operationId: string, options: CallOptions = {}): Case {
  return { name: `${kebab(operationId)}-without-key`, operationId, status: 401, code: "unauthorized", run: (ctx) => ctx.call(operationId, { ...options, key: null }) };
}

/** 401 with a key that is not an `rt_live_`/`rt_test_` key, sent as `how`. */
function malformedKey(operationId: string, how: "X-API-Key" | "Bearer", options: CallOptions = {}): Case {
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
type BodyTarget = (ctx: CaseContext) => Promise<{ params?: Record<string, string>; body: Record<string, unknown> }>;

/** 413 (a body over 1 MiB) and 415 (a JSON text sent as text/plain) against a real target. */
function bodyLimits(operationId: string, target: BodyTarget): Case[] {
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

// ─── the table ───────────────────────────────────────────────────────────────────────────────────

export const cases: Case[] = [
  // ── health ──
  {
    name: "health-without-key",
    operationId: "getHealth",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("getHealth", { key: null });
      ctx.check(ex.body?.status === "ok", `status should be ok, got ${JSON.stringify(ex.body?.status)}`);
      return ex;
    },
  },

  // ── agents ──
  {
    name: "list-agents-two-pages",
    operationId: "listAgents",
    status: 200,
    run: async (ctx) => {
      await ctx.upsertAgent();
      await ctx.upsertAgent();
      const first = await ctx.call("listAgents", { query: { limit: 1 } });
      ctx.check(first.body?.data?.length === 1, "limit=1 should answer one agent");
      ctx.check(first.body?.hasMore === true && typeof first.body?.nextCursor === "string", "two agents and limit=1: hasMore and a nextCursor");
      if (typeof first.body?.nextCursor !== "string") return first;
      const second = await ctx.call("listAgents", { query: { limit: 1, cursor: first.body.nextCursor } });
      ctx.check(second.body?.data?.[0]?.id !== first.body.data[0]?.id, "the second page should hold another agent");
      return second;
    },
  },
  { name: "list-agents-limit-zero", operationId: "listAgents", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listAgents", { query: { limit: 0 } }), "/query/limit") },
  { name: "list-agents-unknown-cursor", operationId: "listAgents", status: 400, code: "bad_request", run: (ctx) => ctx.call("listAgents", { query: { cursor: "not-a-cursor-it-issued" } }) },
  noKey("listAgents"),
  {
    name: "list-agents-bearer-key",
    operationId: "listAgents",
    status: 200,
    run: (ctx) => ctx.call("listAgents", { key: null, headers: { Authorization: `Bearer ${ctx.settings.apiKey}` } }),
  },

  {
    name: "upsert-agent-new-slug",
    operationId: "upsertAgent",
    status: 201,
    run: async (ctx) => {
      const slug = ctx.unique("agent");
      const ex = await ctx.call("upsertAgent", { body: { slug, executionMode: "managed", model: "gpt-5", temperature: 0.3 } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteAgent", { params: { slug } }));
      ctx.check(ex.body?.data?.action === "created" && ex.body?.data?.version === 1, "a new slug: action created, version 1");
      ctx.check(ex.body?.data?.slug === slug, "the answer names the slug");
      return ex;
    },
  },
  {
    name: "upsert-agent-in-sandbox-by-sandbox-name",
    operationId: "upsertAgent",
    status: 201,
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      const slug = ctx.unique("agent");
      const ex = await ctx.call("upsertAgent", { body: { slug, executionMode: "in_sandbox", sandbox: sandbox.name, tools: ["exec_command"], maxIterations: 25 } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteAgent", { params: { slug } }));
      ctx.check(ex.body?.data?.sandboxId === sandbox.id, "sandboxId should be the named sandbox's id");
      return ex;
    },
  },
  {
    name: "upsert-agent-existing-slug",
    operationId: "upsertAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const ex = await ctx.call("upsertAgent", { body: { slug: agent.slug, executionMode: "managed", description: "second" } });
      ctx.check(ex.body?.data?.action === "updated" && ex.body?.data?.version === 2, "a second upsert: action updated, version 2");
      ctx.check(ex.body?.data?.id === agent.id, "a second upsert keeps the id");
      return ex;
    },
  },
  { name: "upsert-agent-bad-slug", operationId: "upsertAgent", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("upsertAgent", { body: { slug: "Not A Slug", executionMode: "managed" } }), "/body/slug") },
  {
    name: "upsert-agent-in-sandbox-without-sandbox",
    operationId: "upsertAgent",
    status: 400,
    code: "bad_request",
    run: async (ctx) => expectDetail(ctx, await ctx.call("upsertAgent", { body: { slug: ctx.unique("agent"), executionMode: "in_sandbox" } }), "/body/sandbox"),
  },
  noKey("upsertAgent", { body: { slug: "conformance-agent", executionMode: "managed" } }),
  {
    name: "upsert-agent-unknown-sandbox",
    operationId: "upsertAgent",
    status: 404,
    code: "not_found",
    run: (ctx) => ctx.call("upsertAgent", { body: { slug: ctx.unique("agent"), executionMode: "in_sandbox", sandbox: missing.sandbox(ctx) } }),
  },
  {
    name: "upsert-agent-unknown-workspace-resource",
    operationId: "upsertAgent",
    status: 404,
    code: "not_found",
    run: (ctx) => ctx.call("upsertAgent", { body: { slug: ctx.unique("agent"), executionMode: "managed", resources: [{ type: "workspace", resourceId: missing.workspaceId() }] } }),
  },
  ...bodyLimits("upsertAgent", async (ctx) => ({ body: { slug: ctx.unique("agent"), executionMode: "managed" } })),
  {
    name: "upsert-agent-json-with-charset",
    operationId: "upsertAgent",
    status: 201,
    run: async (ctx) => {
      const slug = ctx.unique("agent");
      const ex = await ctx.call("upsertAgent", { raw: JSON.stringify({ slug, executionMode: "managed" }), headers: { "Content-Type": "application/json; charset=utf-8" } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteAgent", { params: { slug } }));
      return ex;
    },
  },
  {
    name: "upsert-agent-in-sandbox-with-resources",
    operationId: "upsertAgent",
    status: 400,
    code: "bad_request",
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      const workspace = await ctx.createWorkspace();
      const body = { slug: ctx.unique("agent"), executionMode: "in_sandbox", sandbox: sandbox.id, resources: [{ type: "workspace", resourceId: workspace.id }] };
      return expectDetail(ctx, await ctx.call("upsertAgent", { body }), "/body/resources");
    },
  },

  {
    name: "get-agent",
    operationId: "getAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent({ description: "read me" });
      const ex = await ctx.call("getAgent", { params: { slug: agent.slug } });
      ctx.check(ex.body?.data?.id === agent.id && ex.body?.data?.description === "read me", "the agent as upserted");
      return ex;
    },
  },
  { name: "get-agent-invalid-slug", operationId: "getAgent", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getAgent", { params: { slug: INVALID.slug } }), "/path/slug") },
  noKey("getAgent", { params: ANY.slug }),
  malformedKey("getAgent", "X-API-Key", { params: ANY.slug }),
  { name: "get-agent-unknown-slug", operationId: "getAgent", status: 404, code: "not_found", run: (ctx) => ctx.call("getAgent", { params: { slug: missing.slug(ctx) } }) },

  {
    name: "delete-agent",
    operationId: "deleteAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const ex = await ctx.call("deleteAgent", { params: { slug: agent.slug } });
      ctx.check(ex.body?.data?.deleted === true, "deleted: true");
      const after = await ctx.call("getAgent", { params: { slug: agent.slug } });
      ctx.check(after.status === 404, `a deleted agent should answer 404, got ${after.status}`);
      return ex;
    },
  },
  { name: "delete-agent-invalid-slug", operationId: "deleteAgent", status: 400, code: "bad_request", run: (ctx) => ctx.call("deleteAgent", { params: { slug: INVALID.slug } }) },
  noKey("deleteAgent", { params: ANY.slug }),
  { name: "delete-agent-unknown-slug", operationId: "deleteAgent", status: 404, code: "not_found", run: (ctx) => ctx.call("deleteAgent", { params: { slug: missing.slug(ctx) } }) },

  {
    name: "update-agent-tune",
    operationId: "updateAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent({ maxIterations: 25 });
      const ex = await ctx.call("updateAgent", { params: { slug: agent.slug }, body: { maxIterations: 40, temperature: 0.2 } });
      ctx.check(ex.body?.data?.version === 2, "a PATCH adds 1 to version");
      ctx.check(ex.body?.data?.configJson?.maxIterations === 40, "configJson.maxIterations should be 40");
      return ex;
    },
  },
  {
    name: "update-agent-empty-body",
    operationId: "updateAgent",
    status: 400,
    code: "bad_request",
    run: async (ctx) => ctx.call("updateAgent", { params: { slug: (await ctx.upsertAgent()).slug }, body: {} }),
  },
  {
    name: "update-agent-slug-mismatch",
    operationId: "updateAgent",
    status: 400,
    code: "bad_request",
    run: async (ctx) => ctx.call("updateAgent", { params: { slug: (await ctx.upsertAgent()).slug }, body: { slug: ctx.unique("other") } }),
  },
  noKey("updateAgent", { params: ANY.slug, body: { description: "x" } }),
  {
    name: "update-agent-make-managed",
    operationId: "updateAgent",
    status: 200,
    run: async (ctx) => {
      const { agent } = await ctx.sandboxAgent();
      const ex = await ctx.call("updateAgent", { params: { slug: agent.slug }, body: { executionMode: "managed", sandbox: null } });
      ctx.check(ex.body?.data?.executionMode === "managed" && ex.body?.data?.sandboxId === null, "sandbox: null unlinks the sandbox");
      return ex;
    },
  },
  { name: "update-agent-unknown-slug", operationId: "updateAgent", status: 404, code: "not_found", run: (ctx) => ctx.call("updateAgent", { params: { slug: missing.slug(ctx) }, body: { description: "x" } }) },
  {
    name: "update-agent-unknown-sandbox",
    operationId: "updateAgent",
    status: 404,
    code: "not_found",
    run: async (ctx) => ctx.call("updateAgent", { params: { slug: (await ctx.upsertAgent()).slug }, body: { executionMode: "in_sandbox", sandbox: missing.sandbox(ctx) } }),
  },
  ...bodyLimits("updateAgent", async (ctx) => ({ params: { slug: (await ctx.upsertAgent()).slug }, body: { description: "x" } })),

  // ── sandboxes ──
  {
    name: "list-sandboxes-by-tag",
    operationId: "listSandboxes",
    status: 200,
    run: async (ctx) => {
      const tag = ctx.unique("tag");
      const sandbox = await ctx.createSandbox({ tags: [tag] });
      const ex = await ctx.call("listSandboxes", { query: { tag } });
      const ids = ((ex.body?.data ?? []) as { id: string }[]).map((s) => s.id);
      ctx.check(ids.length === 1 && ids[0] === sandbox.id, `tag=${tag} should list exactly the tagged sandbox, got ${JSON.stringify(ids)}`);
      return ex;
    },
  },
  { name: "list-sandboxes-unknown-status", operationId: "listSandboxes", status: 400, code: "bad_request", run: (ctx) => ctx.call("listSandboxes", { query: { status: "sleeping" } }) },
  { name: "list-sandboxes-unknown-cursor", operationId: "listSandboxes", status: 400, code: "bad_request", run: (ctx) => ctx.call("listSandboxes", { query: { cursor: "not-a-cursor-it-issued" } }) },
  noKey("listSandboxes"),
  malformedKey("listSandboxes", "Bearer"),

  {
    name: "create-sandbox",
    operationId: "createSandbox",
    status: 201,
    run: async (ctx) => {
      const name = ctx.unique("sbx");
      const ex = await ctx.call("createSandbox", { body: { name, template: "base-ubuntu", tags: ["ci"], resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, env: { CI: "true" } } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteSandbox", { params: { id: ex.body.data.id } }));
      ctx.check(ex.body?.data?.name === name && ex.body?.data?.status === "creating", "a new sandbox: the name given, status creating");
      return ex;
    },
  },
  {
    name: "create-sandbox-with-workspace-mount",
    operationId: "createSandbox",
    status: 201,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const ex = await ctx.call("createSandbox", { body: { name: ctx.unique("sbx"), mounts: [{ workspaceId: workspace.id, path: "/workspace/data" }] } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteSandbox", { params: { id: ex.body.data.id } }));
      ctx.check(ex.body?.data?.hasWritableWorkspaceMount === true, "a writable mount: hasWritableWorkspaceMount");
      return ex;
    },
  },
  { name: "create-sandbox-unknown-template", operationId: "createSandbox", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("createSandbox", { body: { template: "windows-11" } }), "/body/template") },
  {
    name: "create-sandbox-mount-personal-workspace",
    operationId: "createSandbox",
    status: 400,
    code: "bad_request",
    run: async (ctx) => {
      const personal = await ctx.personalWorkspace();
      return expectDetail(ctx, await ctx.call("createSandbox", { body: { name: ctx.unique("sbx"), mounts: [{ workspaceId: personal.id, path: "/workspace/me" }] } }), "/body/mounts/0/workspaceId");
    },
  },
  noKey("createSandbox", { body: {} }),
  {
    name: "create-sandbox-mount-unknown-workspace",
    operationId: "createSandbox",
    status: 404,
    code: "not_found",
    run: (ctx) => ctx.call("createSandbox", { body: { name: ctx.unique("sbx"), mounts: [{ workspaceId: missing.workspaceId(), path: "/workspace/data" }] } }),
  },
  {
    name: "create-sandbox-duplicate-name",
    operationId: "createSandbox",
    status: 409,
    code: "conflict",
    run: async (ctx) => ctx.call("createSandbox", { body: { name: (await ctx.createSandbox()).name } }),
  },
  ...bodyLimits("createSandbox", async (ctx) => ({ body: { name: ctx.unique("sbx") } })),
  {
    name: "create-sandbox-without-body",
    operationId: "createSandbox",
    status: 201,
    run: async (ctx) => {
      const ex = await ctx.call("createSandbox");
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteSandbox", { params: { id: ex.body.data.id } }));
      ctx.check(ex.body?.data?.name === ex.body?.data?.id && ex.body?.data?.template === "base-ubuntu", "no body: the name defaults to the id, the template to base-ubuntu");
      return ex;
    },
  },

  {
    name: "get-sandbox-by-name",
    operationId: "getSandbox",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      const ex = await ctx.call("getSandbox", { params: { id: sandbox.name } });
      ctx.check(ex.body?.data?.id === sandbox.id, "the sandbox named");
      return ex;
    },
  },
  { name: "get-sandbox-ref-too-long", operationId: "getSandbox", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getSandbox", { params: { id: INVALID.sandboxRef } }), "/path/id") },
  noKey("getSandbox", { params: ANY.sandbox }),
  { name: "get-sandbox-unknown", operationId: "getSandbox", status: 404, code: "not_found", run: (ctx) => ctx.call("getSandbox", { params: { id: missing.sandbox(ctx) } }) },

  {
    name: "delete-sandbox",
    operationId: "deleteSandbox",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      const ex = await ctx.call("deleteSandbox", { params: { id: sandbox.id } });
      ctx.check(ex.body?.data?.id === sandbox.id && ex.body?.data?.deleted === true, "deleted: true, with the id");
      const after = await ctx.call("getSandbox", { params: { id: sandbox.id } });
      ctx.check(after.body?.data?.status === "destroyed", `a destroyed sandbox stays readable by id with status destroyed, got ${after.status} ${JSON.stringify(after.body?.data?.status)}`);
      return ex;
    },
  },
  { name: "delete-sandbox-ref-too-long", operationId: "deleteSandbox", status: 400, code: "bad_request", run: (ctx) => ctx.call("deleteSandbox", { params: { id: INVALID.sandboxRef } }) },
  noKey("deleteSandbox", { params: ANY.sandbox }),
  {
    name: "delete-sandbox-already-destroyed",
    operationId: "deleteSandbox",
    status: 404,
    code: "not_found",
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      ctx.require(await ctx.call("deleteSandbox", { params: { id: sandbox.id } }), 200, "deleteSandbox");
      return ctx.call("deleteSandbox", { params: { id: sandbox.id } });
    },
  },

  {
    name: "pause-running-sandbox",
    operationId: "pauseSandbox",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      const ex = await ctx.call("pauseSandbox", { params: { id: sandbox.id } });
      ctx.check(["pausing", "paused"].includes(ex.body?.data?.status), `pausing a running sandbox answers pausing (or paused), got ${JSON.stringify(ex.body?.data?.status)}`);
      return ex;
    },
  },
  { name: "pause-sandbox-ref-too-long", operationId: "pauseSandbox", status: 400, code: "bad_request", run: (ctx) => ctx.call("pauseSandbox", { params: { id: INVALID.sandboxRef } }) },
  noKey("pauseSandbox", { params: ANY.sandbox }),
  { name: "pause-unknown-sandbox", operationId: "pauseSandbox", status: 404, code: "not_found", run: (ctx) => ctx.call("pauseSandbox", { params: { id: missing.sandbox(ctx) } }) },
  {
    name: "pause-destroyed-sandbox",
    operationId: "pauseSandbox",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      ctx.require(await ctx.call("deleteSandbox", { params: { id: sandbox.id } }), 200, "deleteSandbox");
      return ctx.call("pauseSandbox", { params: { id: sandbox.id } });
    },
  },

  {
    name: "resume-paused-sandbox",
    operationId: "resumeSandbox",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.pausedSandbox();
      const ex = await ctx.call("resumeSandbox", { params: { id: sandbox.id } });
      ctx.check(ex.body?.data?.status === "resuming", `resuming a paused sandbox answers resuming, got ${JSON.stringify(ex.body?.data?.status)}`);
      return ex;
    },
  },
  { name: "resume-sandbox-ref-too-long", operationId: "resumeSandbox", status: 400, code: "bad_request", run: (ctx) => ctx.call("resumeSandbox", { params: { id: INVALID.sandboxRef } }) },
  noKey("resumeSandbox", { params: ANY.sandbox }),
  { name: "resume-unknown-sandbox", operationId: "resumeSandbox", status: 404, code: "not_found", run: (ctx) => ctx.call("resumeSandbox", { params: { id: missing.sandbox(ctx) } }) },
  { name: "resume-running-sandbox", operationId: "resumeSandbox", status: 409, code: "conflict", run: async (ctx) => ctx.call("resumeSandbox", { params: { id: (await ctx.runningSandbox()).id } }) },

  {
    name: "exec-echo",
    operationId: "execSandboxCommand",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      const ex = await ctx.call("execSandboxCommand", { params: { id: sandbox.id }, body: { command: "echo hello" } });
      ctx.check(ex.body?.data?.stdout === "hello\n" && ex.body?.data?.exitCode === 0, `echo hello: stdout "hello\\n", exit code 0; got ${JSON.stringify(ex.body?.data)}`);
      return ex;
    },
  },
  { name: "exec-without-command", operationId: "execSandboxCommand", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("execSandboxCommand", { params: { id: (await ctx.runningSandbox()).id }, body: { cwd: "/workspace" } }), "/body/command") },
  noKey("execSandboxCommand", { params: ANY.sandbox, body: { command: "echo hi" } }),
  { name: "exec-unknown-sandbox", operationId: "execSandboxCommand", status: 404, code: "not_found", run: (ctx) => ctx.call("execSandboxCommand", { params: { id: missing.sandbox(ctx) }, body: { command: "echo hi" } }) },
  { name: "exec-paused-sandbox", operationId: "execSandboxCommand", status: 409, code: "conflict", run: async (ctx) => ctx.call("execSandboxCommand", { params: { id: (await ctx.pausedSandbox()).id }, body: { command: "echo hi" } }) },
  ...bodyLimits("execSandboxCommand", async (ctx) => ({ params: { id: (await ctx.runningSandbox()).id }, body: { command: "echo hi" } })),

  // ── workspaces ──
  {
    name: "list-workspaces-personal-first",
    operationId: "listWorkspaces",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("listWorkspaces");
      ctx.check(ex.body?.data?.workspaces?.[0]?.isPersonal === true, "the personal workspace comes first");
      return ex;
    },
  },
  { name: "list-workspaces-limit-over-500", operationId: "listWorkspaces", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listWorkspaces", { query: { limit: 501 } }), "/query/limit") },
  noKey("listWorkspaces"),

  {
    name: "create-workspace-derived-slug",
    operationId: "createWorkspace",
    status: 201,
    run: async (ctx) => {
      const label = ctx.unique("ws");
      const ex = await ctx.call("createWorkspace", { body: { name: `Conformance ${label} Exports!` } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteWorkspace", { params: { id: ex.body.data.id }, query: { force: true } }));
      ctx.check(ex.body?.data?.slug === `conformance-${label}-exports`, `slug derived from the name, got ${JSON.stringify(ex.body?.data?.slug)}`);
      return ex;
    },
  },
  { name: "create-workspace-underivable-slug", operationId: "createWorkspace", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("createWorkspace", { body: { name: "!!!" } }), "/body/slug") },
  noKey("createWorkspace", { body: { name: "Conformance" } }),
  { name: "create-workspace-duplicate-slug", operationId: "createWorkspace", status: 409, code: "conflict", run: async (ctx) => ctx.call("createWorkspace", { body: { name: "Again", slug: (await ctx.createWorkspace()).slug } }) },
  ...bodyLimits("createWorkspace", async (ctx) => ({ body: { name: "Conformance", slug: ctx.unique("ws") } })),
  { name: "create-workspace-slug-personal", operationId: "createWorkspace", status: 409, code: "conflict", run: (ctx) => ctx.call("createWorkspace", { body: { name: "Not personal", slug: "personal" } }) },

  {
    name: "get-workspace",
    operationId: "getWorkspace",
    status: 200,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const ex = await ctx.call("getWorkspace", { params: { id: workspace.id } });
      ctx.check(ex.body?.data?.slug === workspace.slug, "the workspace created");
      return ex;
    },
  },
  { name: "get-workspace-not-a-uuid", operationId: "getWorkspace", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getWorkspace", { params: { id: INVALID.workspaceId } }), "/path/id") },
  noKey("getWorkspace", { params: ANY.workspace }),
  { name: "get-workspace-unknown", operationId: "getWorkspace", status: 404, code: "not_found", run: (ctx) => ctx.call("getWorkspace", { params: { id: missing.workspaceId() } }) },

  {
    name: "delete-unused-workspace",
    operationId: "deleteWorkspace",
    status: 200,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const ex = await ctx.call("deleteWorkspace", { params: { id: workspace.id } });
      ctx.check(ex.body?.data?.deleted === true, "deleted: true");
      return ex;
    },
  },
  {
    name: "delete-attached-workspace-with-force",
    operationId: "deleteWorkspace",
    status: 200,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const agent = await ctx.upsertAgent({ resources: [{ type: "workspace", resourceId: workspace.id, alias: "data" }] });
      const ex = await ctx.call("deleteWorkspace", { params: { id: workspace.id }, query: { force: true } });
      const after = await ctx.call("getAgent", { params: { slug: agent.slug } });
      ctx.check(Array.isArray(after.body?.data?.attachedResources) && after.body.data.attachedResources.length === 0, "a forced delete removes the workspace from attachedResources");
      return ex;
    },
  },
  { name: "delete-workspace-not-a-uuid", operationId: "deleteWorkspace", status: 400, code: "bad_request", run: (ctx) => ctx.call("deleteWorkspace", { params: { id: INVALID.workspaceId } }) },
  noKey("deleteWorkspace", { params: ANY.workspace }),
  {
    name: "delete-attached-workspace-force-false",
    operationId: "deleteWorkspace",
    status: 409,
    code: "WORKSPACE_IN_USE",
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      await ctx.upsertAgent({ resources: [{ type: "workspace", resourceId: workspace.id }] });
      return ctx.call("deleteWorkspace", { params: { id: workspace.id }, query: { force: false } });
    },
  },
  { name: "delete-workspace-unknown", operationId: "deleteWorkspace", status: 404, code: "not_found", run: (ctx) => ctx.call("deleteWorkspace", { params: { id: missing.workspaceId() } }) },
  {
    name: "delete-mounted-workspace",
    operationId: "deleteWorkspace",
    status: 409,
    code: "WORKSPACE_IN_USE",
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      await ctx.createSandbox({ mounts: [{ workspaceId: workspace.id, path: "/workspace/data", readOnly: true }] });
      return ctx.call("deleteWorkspace", { params: { id: workspace.id } });
    },
  },

  {
    name: "rename-workspace",
    operationId: "updateWorkspace",
    status: 200,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const ex = await ctx.call("updateWorkspace", { params: { id: workspace.id }, body: { name: "Renamed by conformance" } });
      ctx.check(ex.body?.data?.name === "Renamed by conformance" && ex.body?.data?.slug === workspace.slug, "the new name, the same slug");
      return ex;
    },
  },
  { name: "rename-workspace-without-name", operationId: "updateWorkspace", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("updateWorkspace", { params: { id: (await ctx.createWorkspace()).id }, body: {} }), "/body/name") },
  noKey("updateWorkspace", { params: ANY.workspace, body: { name: "x" } }),
  { name: "rename-unknown-workspace", operationId: "updateWorkspace", status: 404, code: "not_found", run: (ctx) => ctx.call("updateWorkspace", { params: { id: missing.workspaceId() }, body: { name: "x" } }) },
  ...bodyLimits("updateWorkspace", async (ctx) => ({ params: { id: (await ctx.createWorkspace()).id }, body: { name: "x" } })),

  {
    name: "workspace-usage-mounted",
    operationId: "getWorkspaceUsage",
    status: 200,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const sandbox = await ctx.createSandbox({ mounts: [{ workspaceId: workspace.id, path: "/workspace/data" }] });
      const ex = await ctx.call("getWorkspaceUsage", { params: { id: workspace.id } });
      const data = ex.body?.data;
      ctx.check(data?.inUse === true && data?.counts?.mountedSandboxes === 1 && data?.mountedSandboxes?.[0]?.sandboxId === sandbox.id, "a mounted workspace: inUse, one mounted sandbox");
      return ex;
    },
  },
  { name: "workspace-usage-not-a-uuid", operationId: "getWorkspaceUsage", status: 400, code: "bad_request", run: (ctx) => ctx.call("getWorkspaceUsage", { params: { id: INVALID.workspaceId } }) },
  noKey("getWorkspaceUsage", { params: ANY.workspace }),
  { name: "workspace-usage-unknown", operationId: "getWorkspaceUsage", status: 404, code: "not_found", run: (ctx) => ctx.call("getWorkspaceUsage", { params: { id: missing.workspaceId() } }) },

  // ── runs ──
  {
    name: "list-runs-of-agent",
    operationId: "listRuns",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const run = await ctx.runJson(agent.slug);
      const ex = await ctx.call("listRuns", { query: { agent: agent.slug } });
      const ids = ((ex.body?.data ?? []) as { id: string }[]).map((r) => r.id);
      ctx.check(ids.length === 1 && ids[0] === run.runId, `agent=${agent.slug} should list its one run, got ${JSON.stringify(ids)}`);
      return ex;
    },
  },
  { name: "list-runs-unknown-status", operationId: "listRuns", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listRuns", { query: { status: "sleeping" } }), "/query/status") },
  noKey("listRuns"),
  malformedKey("listRuns", "X-API-Key"),

  {
    name: "run-managed-agent-json",
    operationId: "runAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const ex = await ctx.call("runAgent", { body: { agent: agent.slug, prompt: "hello", stream: false, config: { maxTokens: 2048, maxTurns: 5 }, metadata: { ticket: "OPS-42" } } });
      if (ex.status === 200) ctx.deferRunCleanup(ex.body.data);
      ctx.check(ex.body?.data?.status === "completed" && ex.body?.data?.sandboxId === null, "a managed agent's run completes, without a sandbox");
      return ex;
    },
  },
  {
    name: "run-agent-by-id-with-messages-json",
    operationId: "runAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const messages = [
        { role: "system", content: "Answer briefly." },
        { role: "user", parts: [{ type: "text", text: "hello" }] },
      ];
      const ex = await ctx.call("runAgent", { body: { agent: agent.id, messages, stream: false } });
      if (ex.status === 200) ctx.deferRunCleanup(ex.body.data);
      return ex;
    },
  },
  {
    name: "run-sandbox-agent-streamed-with-tool-call",
    operationId: "runAgent",
    status: 200,
    run: async (ctx) => {
      const { agent } = await ctx.sandboxAgent();
      const ex = await ctx.call("runAgent", { body: { agent: agent.slug, prompt: "run `echo hi`" }, headers: STREAM });
      cleanupStreamedRun(ctx, ex);
      const events = frameEvents(ctx, ex);
      ctx.check(events.includes("tool_call_started") && events.includes("tool_call_completed"), `a command in backticks: a tool call, got ${events.join(", ")}`);
      const deltas = (ex.frames ?? []).filter((f) => f.event === "assistant_message_delta").map((f) => f.data?.delta as string).join("");
      const message = ex.frames?.find((f) => f.event === "assistant_message")?.data?.content;
      ctx.check(message === deltas, "assistant_message.content equals the deltas concatenated");
      return ex;
    },
  },
  {
    name: "run-local-mac-agent-streamed-dispatch",
    operationId: "runAgent",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.localMacAgent();
      const ex = await ctx.call("runAgent", { body: { agent: agent.slug, prompt: "hello" }, headers: STREAM });
      cleanupStreamedRun(ctx, ex);
      const events = frameEvents(ctx, ex);
      ctx.check(events.join(",") === "run_started,run_dispatched", `a local-mac run streams run_started, run_dispatched; got ${events.join(", ")}`);
      return ex;
    },
  },
  { name: "run-agent-without-prompt-or-messages", operationId: "runAgent", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("runAgent", { body: { agent: (await ctx.upsertAgent()).slug, stream: false } }), "/body/prompt") },
  {
    name: "run-agent-messages-without-user",
    operationId: "runAgent",
    status: 400,
    code: "bad_request",
    run: async (ctx) => expectDetail(ctx, await ctx.call("runAgent", { body: { agent: (await ctx.upsertAgent()).slug, messages: [{ role: "system", content: "Be brief." }], stream: false } }), "/body/messages"),
  },
  noKey("runAgent", { body: { agent: "conformance-agent", prompt: "hello", stream: false } }),
  { name: "run-unknown-agent", operationId: "runAgent", status: 404, code: "not_found", run: (ctx) => ctx.call("runAgent", { body: { agent: missing.slug(ctx), prompt: "hello", stream: false } }) },
  { name: "run-agent-unknown-thread", operationId: "runAgent", status: 404, code: "not_found", run: async (ctx) => ctx.call("runAgent", { body: { agent: (await ctx.upsertAgent()).slug, prompt: "hello", threadId: missing.threadId(ctx), stream: false } }) },
  {
    name: "run-agent-deleted-thread",
    operationId: "runAgent",
    status: 404,
    code: "not_found",
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const run = await ctx.runJson(agent.slug);
      ctx.require(await ctx.call("deleteThread", { params: { threadId: run.threadId } }), 200, "deleteThread");
      return ctx.call("runAgent", { body: { agent: agent.slug, prompt: "again", threadId: run.threadId, stream: false } });
    },
  },
  {
    name: "run-agent-thread-of-another-agent",
    operationId: "runAgent",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const first = await ctx.upsertAgent();
      const other = await ctx.upsertAgent();
      const run = await ctx.runJson(first.slug);
      return ctx.call("runAgent", { body: { agent: other.slug, prompt: "hello", threadId: run.threadId, stream: false } });
    },
  },
  {
    name: "run-agent-sandbox-paused",
    operationId: "runAgent",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const { agent, sandbox } = await ctx.sandboxAgent();
      ctx.require(await ctx.call("pauseSandbox", { params: { id: sandbox.id } }), 200, "pauseSandbox");
      await ctx.waitForSandbox(sandbox.id, "paused");
      return ctx.call("runAgent", { body: { agent: agent.slug, prompt: "hello", stream: false } });
    },
  },
  ...bodyLimits("runAgent", async (ctx) => ({ body: { agent: (await ctx.upsertAgent()).slug, prompt: "hello", stream: false } })),

  {
    name: "cancel-dispatched-run",
    operationId: "cancelRun",
    status: 200,
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.localMacAgent()).slug);
      ctx.check(run.status === "dispatched", `a local-mac run is dispatched, got ${run.status}`);
      const ex = await ctx.call("cancelRun", { params: { id: run.runId } });
      ctx.check(ex.body?.data?.id === run.runId && ex.body?.data?.status === "cancelled", "the run, cancelled");
      return ex;
    },
  },
  { name: "cancel-run-invalid-id", operationId: "cancelRun", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("cancelRun", { params: { id: INVALID.runId } }), "/path/id") },
  noKey("cancelRun", { params: ANY.run }),
  { name: "cancel-unknown-run", operationId: "cancelRun", status: 404, code: "not_found", run: (ctx) => ctx.call("cancelRun", { params: { id: missing.runId(ctx) } }) },
  {
    name: "cancel-completed-run",
    operationId: "cancelRun",
    status: 409,
    code: "conflict",
    run: async (ctx) => ctx.call("cancelRun", { params: { id: (await ctx.runJson((await ctx.upsertAgent()).slug)).runId } }),
  },

  {
    name: "legacy-run-json",
    operationId: "runAgentLegacy",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const ex = await ctx.call("runAgentLegacy", { params: { slug: agent.slug }, body: { prompt: "hello", stream: false } });
      if (ex.status === 200) ctx.deferRunCleanup(ex.body.data);
      ctx.check(ex.body?.data?.status === "completed", "the run completes");
      return ex;
    },
  },
  {
    name: "legacy-run-streamed",
    operationId: "runAgentLegacy",
    status: 200,
    run: async (ctx) => {
      const { agent } = await ctx.sandboxAgent();
      // No Accept header: leaving `stream` out is what asks for the stream.
      const ex = await ctx.call("runAgentLegacy", { params: { slug: agent.slug }, body: { prompt: "run `echo hi`" } });
      cleanupStreamedRun(ctx, ex);
      const events = frameEvents(ctx, ex);
      ctx.check(events.at(-1) === "run_completed", `the stream ends with run_completed, got ${events.join(", ")}`);
      return ex;
    },
  },
  { name: "legacy-run-without-prompt", operationId: "runAgentLegacy", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("runAgentLegacy", { params: { slug: (await ctx.upsertAgent()).slug }, body: { stream: false } }), "/body/prompt") },
  noKey("runAgentLegacy", { params: ANY.slug, body: { prompt: "hello", stream: false } }),
  { name: "legacy-run-unknown-agent", operationId: "runAgentLegacy", status: 404, code: "not_found", run: (ctx) => ctx.call("runAgentLegacy", { params: { slug: missing.slug(ctx) }, body: { prompt: "hello", stream: false } }) },
  {
    name: "legacy-run-sandbox-paused",
    operationId: "runAgentLegacy",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      const { agent } = await ctx.sandboxAgent(sandbox);
      ctx.require(await ctx.call("pauseSandbox", { params: { id: sandbox.id } }), 200, "pauseSandbox");
      await ctx.waitForSandbox(sandbox.id, "paused");
      return ctx.call("runAgentLegacy", { params: { slug: agent.slug }, body: { prompt: "hello", stream: false } });
    },
  },
  {
    name: "legacy-run-thread-of-another-agent",
    operationId: "runAgentLegacy",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.upsertAgent()).slug);
      const other = await ctx.upsertAgent();
      return ctx.call("runAgentLegacy", { params: { slug: other.slug }, body: { prompt: "hello", threadId: run.threadId, stream: false } });
    },
  },
  ...bodyLimits("runAgentLegacy", async (ctx) => ({ params: { slug: (await ctx.upsertAgent()).slug }, body: { prompt: "hello", stream: false } })),

  // ── threads ──
  {
    name: "list-threads-of-agent",
    operationId: "listThreads",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const run = await ctx.runJson(agent.slug);
      const ex = await ctx.call("listThreads", { query: { agent: agent.slug } });
      const ids = ((ex.body?.data?.threads ?? []) as { id: string }[]).map((t) => t.id);
      ctx.check(ids.length === 1 && ids[0] === run.threadId, `agent=${agent.slug} should list its one thread, got ${JSON.stringify(ids)}`);
      return ex;
    },
  },
  { name: "list-threads-archived-not-boolean", operationId: "listThreads", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listThreads", { query: { archived: "maybe" } }), "/query/archived") },
  noKey("listThreads"),
  {
    name: "list-archived-threads",
    operationId: "listThreads",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const run = await ctx.runJson(agent.slug);
      ctx.require(await ctx.call("updateThread", { params: { threadId: run.threadId }, body: { archived: true } }), 200, "updateThread");
      const active = await ctx.call("listThreads", { query: { agent: agent.slug } });
      ctx.check(active.body?.data?.threads?.length === 0, "an archived thread is left out by default");
      const ex = await ctx.call("listThreads", { query: { agent: agent.slug, archived: true } });
      ctx.check(ex.body?.data?.threads?.[0]?.id === run.threadId, "archived=true lists the archived thread");
      return ex;
    },
  },

  {
    name: "get-thread-snapshot",
    operationId: "getThread",
    status: 200,
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.upsertAgent()).slug);
      const ex = await ctx.call("getThread", { params: { threadId: run.threadId } });
      const sequences = ((ex.body?.data?.events ?? []) as { sequence: number }[]).map((e) => e.sequence);
      ctx.check(sequences.length >= 4 && sequences.every((s, i) => s === i + 1), `events in increasing sequence from 1, got ${JSON.stringify(sequences)}`);
      return ex;
    },
  },
  { name: "get-thread-invalid-id", operationId: "getThread", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getThread", { params: { threadId: INVALID.threadId } }), "/path/threadId") },
  noKey("getThread", { params: ANY.thread }),
  { name: "get-unknown-thread", operationId: "getThread", status: 404, code: "not_found", run: (ctx) => ctx.call("getThread", { params: { threadId: missing.threadId(ctx) } }) },

  {
    name: "delete-thread",
    operationId: "deleteThread",
    status: 200,
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.upsertAgent()).slug);
      const ex = await ctx.call("deleteThread", { params: { threadId: run.threadId } });
      ctx.check(ex.body?.data?.id === run.threadId && ex.body?.data?.deleted === true, "deleted: true, with the id");
      const after = await ctx.call("getThread", { params: { threadId: run.threadId } });
      ctx.check(after.status === 404, `a deleted thread answers 404, got ${after.status}`);
      return ex;
    },
  },
  { name: "delete-thread-invalid-id", operationId: "deleteThread", status: 400, code: "bad_request", run: (ctx) => ctx.call("deleteThread", { params: { threadId: INVALID.threadId } }) },
  noKey("deleteThread", { params: ANY.thread }),
  { name: "delete-unknown-thread", operationId: "deleteThread", status: 404, code: "not_found", run: (ctx) => ctx.call("deleteThread", { params: { threadId: missing.threadId(ctx) } }) },

  {
    name: "rename-and-archive-thread",
    operationId: "updateThread",
    status: 200,
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.upsertAgent()).slug);
      const ex = await ctx.call("updateThread", { params: { threadId: run.threadId }, body: { title: "Build questions", archived: true } });
      ctx.check(ex.body?.data?.title === "Build questions" && ex.body?.data?.archived === true, "the new title, archived");
      return ex;
    },
  },
  {
    name: "update-thread-empty-body",
    operationId: "updateThread",
    status: 400,
    code: "bad_request",
    run: async (ctx) => ctx.call("updateThread", { params: { threadId: (await ctx.runJson((await ctx.upsertAgent()).slug)).threadId }, body: {} }),
  },
  noKey("updateThread", { params: ANY.thread, body: { title: "x" } }),
  { name: "update-unknown-thread", operationId: "updateThread", status: 404, code: "not_found", run: (ctx) => ctx.call("updateThread", { params: { threadId: missing.threadId(ctx) }, body: { title: "x" } }) },
  ...bodyLimits("updateThread", async (ctx) => ({ params: { threadId: (await ctx.runJson((await ctx.upsertAgent()).slug)).threadId }, body: { title: "x" } })),

  {
    name: "thread-events-two-pages",
    operationId: "listThreadEvents",
    status: 200,
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.upsertAgent()).slug);
      const first = await ctx.call("listThreadEvents", { params: { threadId: run.threadId }, query: { limit: 2 } });
      ctx.check(first.body?.hasMore === true && typeof first.body?.nextCursor === "string", "a run records more than two events: hasMore and a nextCursor");
      if (typeof first.body?.nextCursor !== "string") return first;
      const second = await ctx.call("listThreadEvents", { params: { threadId: run.threadId }, query: { limit: 2, cursor: first.body.nextCursor } });
      ctx.check(second.body?.data?.events?.[0]?.sequence === 3, "the second page starts at sequence 3");
      return second;
    },
  },
  {
    name: "thread-events-limit-zero",
    operationId: "listThreadEvents",
    status: 400,
    code: "bad_request",
    run: async (ctx) => expectDetail(ctx, await ctx.call("listThreadEvents", { params: { threadId: (await ctx.runJson((await ctx.upsertAgent()).slug)).threadId }, query: { limit: 0 } }), "/query/limit"),
  },
  noKey("listThreadEvents", { params: ANY.thread }),
  {
    name: "thread-events-unknown-cursor",
    operationId: "listThreadEvents",
    status: 400,
    code: "bad_request",
    run: async (ctx) => ctx.call("listThreadEvents", { params: { threadId: (await ctx.runJson((await ctx.upsertAgent()).slug)).threadId }, query: { cursor: "not-a-cursor-it-issued" } }),
  },
  { name: "thread-events-unknown-thread", operationId: "listThreadEvents", status: 404, code: "not_found", run: (ctx) => ctx.call("listThreadEvents", { params: { threadId: missing.threadId(ctx) } }) },
];
