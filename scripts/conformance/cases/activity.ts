/** Conformance cases of the `activity` tag (spec/paths/activity.yaml). */
import { type Case, ANY, INVALID, expectDetail, missing, noKey } from "./families.ts";

export const activityCases: Case[] = [
  {
    name: "list-activity-records-a-sandbox",
    operationId: "listActivity",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      const ex = await ctx.call("listActivity", { query: { sandbox_id: sandbox.id, event_type: "sandbox.created" } });
      ctx.check((ex.body?.data?.events ?? []).length === 1, "one sandbox.created event for the new sandbox");
      return ex;
    },
  },
  { name: "list-activity-unknown-severity", operationId: "listActivity", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listActivity", { query: { severity: "fatal" } }), "/query/severity") },
  noKey("listActivity"),

  {
    name: "list-sandbox-activity",
    operationId: "listSandboxActivity",
    status: 200,
    run: async (ctx) => {
      const sandbox = await ctx.createSandbox();
      const ex = await ctx.call("listSandboxActivity", { params: { id: sandbox.id } });
      ctx.check((ex.body?.data?.events ?? []).every((e: { sandboxId: string }) => e.sandboxId === sandbox.id), "only the sandbox's events");
      return ex;
    },
  },
  { name: "list-sandbox-activity-bad-ref", operationId: "listSandboxActivity", status: 400, code: "bad_request", run: (ctx) => ctx.call("listSandboxActivity", { params: { id: INVALID.sandboxRef } }) },
  noKey("listSandboxActivity", { params: ANY.sandbox }),
  { name: "list-sandbox-activity-unknown", operationId: "listSandboxActivity", status: 404, code: "not_found", run: (ctx) => ctx.call("listSandboxActivity", { params: { id: missing.sandbox(ctx) } }) },

  {
    name: "list-thread-activity",
    operationId: "listThreadActivity",
    status: 200,
    run: async (ctx) => {
      const agent = await ctx.upsertAgent();
      const run = await ctx.runJson(agent.slug);
      const ex = await ctx.call("listThreadActivity", { params: { threadId: run.threadId } });
      ctx.check((ex.body?.data?.events ?? []).some((e: { eventType: string }) => e.eventType === "agent.run.completed"), "the run's completion is in its thread's feed");
      return ex;
    },
  },
  { name: "list-thread-activity-bad-id", operationId: "listThreadActivity", status: 400, code: "bad_request", run: (ctx) => ctx.call("listThreadActivity", { params: { threadId: INVALID.threadId } }) },
  noKey("listThreadActivity", { params: ANY.thread }),
  { name: "list-thread-activity-unknown", operationId: "listThreadActivity", status: 404, code: "not_found", run: (ctx) => ctx.call("listThreadActivity", { params: { threadId: missing.threadId(ctx) } }) },
];
