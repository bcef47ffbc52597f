/** Conformance cases of the `runs` tag (spec/openapi.yaml). */
import { type Case, INVALID, missing, ANY, STREAM, expectDetail, frameEvents, cleanupStreamedRun, noKey, malformedKey, bodyLimits } from "./families.ts";

export const runsCases: Case[] = [
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
];
