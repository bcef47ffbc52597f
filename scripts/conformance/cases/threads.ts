/** Conformance cases of the `threads` tag (spec/openapi.yaml). */
import { type Case, INVALID, missing, ANY, expectDetail, noKey, bodyLimits } from "./families.ts";

export const threadsCases: Case[] = [
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

  {
    name: "list-thread-rollouts",
    operationId: "listThreadRollouts",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const run = await ctx.runJson(agent.slug);
      const ex = await ctx.call("listThreadRollouts", { params: { threadId: run.threadId } });
      ctx.check(ex.body?.data?.rollouts?.length === 1, "one rollout for one run");
      return ex;
    },
  },
  { name: "list-thread-rollouts-bad-id", operationId: "listThreadRollouts", status: 400, code: "bad_request", run: (ctx) => ctx.call("listThreadRollouts", { params: { threadId: INVALID.threadId } }) },
  noKey("listThreadRollouts", { params: ANY.thread }),
  { name: "list-thread-rollouts-unknown", operationId: "listThreadRollouts", status: 404, code: "not_found", run: (ctx) => ctx.call("listThreadRollouts", { params: { threadId: missing.threadId(ctx) } }) },

  {
    name: "list-agent-threads-legacy",
    operationId: "listAgentThreadsLegacy",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const run = await ctx.runJson(agent.slug);
      const ex = await ctx.call("listAgentThreadsLegacy", { query: { agent: agent.slug } });
      ctx.check(ex.body?.data?.threads?.[0]?.id === run.threadId, "the agent's thread");
      return ex;
    },
  },
  { name: "list-agent-threads-legacy-without-agent", operationId: "listAgentThreadsLegacy", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listAgentThreadsLegacy"), "/query/agent") },
  noKey("listAgentThreadsLegacy", { query: { agent: "conformance-agent" } }),

  {
    name: "thread-events-since-compaction-and-all-rollouts",
    operationId: "listThreadEvents",
    status: 200,
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.upsertAgent()).slug);
      ctx.require(await ctx.call("compactThread", { params: { threadId: run.threadId } }), 200, "compactThread");
      const active = await ctx.call("listThreadEvents", { params: { threadId: run.threadId } });
      const types = ((active.body?.data?.events ?? []) as { type: string }[]).map((e) => e.type);
      ctx.check(types.join() === "compaction_started,compaction_completed", `the active history starts at the compaction, got ${JSON.stringify(types)}`);
      const ex = await ctx.call("listThreadEvents", { params: { threadId: run.threadId }, query: { include: "all_rollouts", rollout_id: run.rolloutId } });
      ctx.check(ex.body?.data?.events?.every((e: { rolloutId: string }) => e.rolloutId === run.rolloutId) === true, "rollout_id keeps that rollout's events only");
      return ex;
    },
  },
  {
    name: "thread-events-unknown-rollout",
    operationId: "listThreadEvents",
    status: 404,
    code: "not_found",
    run: async (ctx) => ctx.call("listThreadEvents", { params: { threadId: (await ctx.runJson((await ctx.upsertAgent()).slug)).threadId }, query: { rollout_id: "rol_notinthisthread" } }),
  },

  {
    name: "append-events-completes-dispatched-run",
    operationId: "appendThreadEvents",
    status: 200,
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.localMacAgent()).slug);
      const events = [{ type: "assistant_message", payload: { content: "done" } }, { type: "run_completed", payload: { status: "completed" } }];
      const ex = await ctx.call("appendThreadEvents", { params: { threadId: run.threadId }, body: { runId: run.runId, rolloutId: run.rolloutId, events } });
      ctx.check(ex.body?.data?.appended === 2 && ex.body?.data?.sequence === 4, `two events appended after the run's two, got ${JSON.stringify(ex.body?.data)}`);
      const runs = await ctx.call("listRuns", { query: { status: "completed", limit: 500 } });
      ctx.check(runs.body?.data?.some((r: { id: string }) => r.id === run.runId) === true, "the run is listed completed");
      return ex;
    },
  },
  {
    name: "append-events-bad-payload",
    operationId: "appendThreadEvents",
    status: 400,
    code: "bad_request",
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.localMacAgent()).slug);
      const body = { runId: run.runId, rolloutId: run.rolloutId, events: [{ type: "user_message", payload: { content: 42 } }] };
      return expectDetail(ctx, await ctx.call("appendThreadEvents", { params: { threadId: run.threadId }, body }), "/body/events/0/payload/content");
    },
  },
  noKey("appendThreadEvents", { params: ANY.thread, body: { runId: "run_x", rolloutId: "rol_x", events: [{ type: "user_message", payload: { content: "x" } }] } }),
  {
    name: "append-events-unknown-thread",
    operationId: "appendThreadEvents",
    status: 404,
    code: "not_found",
    run: (ctx) => ctx.call("appendThreadEvents", { params: { threadId: missing.threadId(ctx) }, body: { runId: "run_x", rolloutId: "rol_x", events: [{ type: "user_message", payload: { content: "x" } }] } }),
  },
  {
    name: "append-events-to-run-the-mock-carries-out",
    operationId: "appendThreadEvents",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.upsertAgent()).slug);
      return ctx.call("appendThreadEvents", { params: { threadId: run.threadId }, body: { runId: run.runId, rolloutId: run.rolloutId, events: [{ type: "user_message", payload: { content: "x" } }] } });
    },
  },
  ...bodyLimits("appendThreadEvents", async (ctx) => {
    const run = await ctx.runJson((await ctx.localMacAgent()).slug);
    return { params: { threadId: run.threadId }, body: { runId: run.runId, rolloutId: run.rolloutId, events: [{ type: "user_message", payload: { content: "x" } }] } };
  }),

  {
    name: "compact-thread",
    operationId: "compactThread",
    status: 200,
    run: async (ctx) => {
      const run = await ctx.runJson((await ctx.upsertAgent()).slug);
      const ex = await ctx.call("compactThread", { params: { threadId: run.threadId } });
      ctx.check(ex.body?.data?.thread?.activeRolloutId === ex.body?.data?.rollout?.rolloutId && ex.body?.data?.rollout?.rolloutId !== run.rolloutId, "a new rollout, made active");
      return ex;
    },
  },
  { name: "compact-thread-bad-id", operationId: "compactThread", status: 400, code: "bad_request", run: (ctx) => ctx.call("compactThread", { params: { threadId: INVALID.threadId } }) },
  noKey("compactThread", { params: ANY.thread }),
  { name: "compact-unknown-thread", operationId: "compactThread", status: 404, code: "not_found", run: (ctx) => ctx.call("compactThread", { params: { threadId: missing.threadId(ctx) } }) },
  {
    name: "compact-thread-with-run-in-flight",
    operationId: "compactThread",
    status: 409,
    code: "conflict",
    run: async (ctx) => ctx.call("compactThread", { params: { threadId: (await ctx.runJson((await ctx.localMacAgent()).slug)).threadId } }),
  },
];
