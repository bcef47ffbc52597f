/** Conformance cases of the `workflows` tag (spec/paths/workflows.yaml). */
import { randomUUID } from "node:crypto";
import type { CaseContext } from "../context.ts";
import { type Case, bodyLimits, expectDetail, noKey } from "./families.ts";

const SECRET = "conformance-webhook-secret";
const ANY_WORKFLOW = { workflowSlug: "conformance-workflow" };
const ANY_TRIGGER = { ...ANY_WORKFLOW, triggerId: "8a7d2e41-3c8b-4f06-b5a1-e2d4c6f80b13" };

/** A webhook trigger of a fresh workflow (deleted afterwards). */
async function webhookTrigger(ctx: CaseContext): Promise<{ workflowSlug: string; triggerId: string; webhookSlug: string }> {
  const workflowSlug = ctx.unique("wf");
  const ex = await ctx.call("createWorkflowTrigger", { params: { workflowSlug }, body: { type: "webhook", secret: SECRET } });
  ctx.require(ex, 201, "createWorkflowTrigger");
  const triggerId = ex.body.data.id as string;
  ctx.defer(() => ctx.call("deleteWorkflowTrigger", { params: { workflowSlug, triggerId } }));
  return { workflowSlug, triggerId, webhookSlug: ex.body.data.webhookSlug as string };
}

const invoke = (ctx: CaseContext, webhookSlug: string, secret: string | null, body: unknown = { event: "conformance" }) =>
  ctx.call("invokeWorkflowWebhook", { params: { webhookSlug }, body, key: null, headers: secret === null ? {} : { "X-Webhook-Secret": secret } });

export const workflowsCases: Case[] = [
  {
    name: "create-webhook-trigger",
    operationId: "createWorkflowTrigger",
    status: 201,
    run: async (ctx) => {
      const workflowSlug = ctx.unique("wf");
      const ex = await ctx.call("createWorkflowTrigger", { params: { workflowSlug }, body: { type: "webhook", name: "Lead capture", secret: SECRET } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteWorkflowTrigger", { params: { workflowSlug, triggerId: ex.body.data.id } }));
      ctx.check(ex.body?.data?.secret === SECRET, "the create answers the secret");
      return ex;
    },
  },
  { name: "create-cron-trigger-without-schedule", operationId: "createWorkflowTrigger", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("createWorkflowTrigger", { params: { workflowSlug: ctx.unique("wf") }, body: { type: "cron" } }), "/body/schedule") },
  noKey("createWorkflowTrigger", { params: ANY_WORKFLOW, body: { type: "webhook" } }),
  ...bodyLimits("createWorkflowTrigger", async (ctx) => ({ params: { workflowSlug: ctx.unique("wf") }, body: { type: "webhook" } })),

  {
    name: "list-workflow-triggers",
    operationId: "listWorkflowTriggers",
    status: 200,
    run: async (ctx) => {
      const { workflowSlug, triggerId } = await webhookTrigger(ctx);
      const ex = await ctx.call("listWorkflowTriggers", { params: { workflowSlug } });
      ctx.check((ex.body?.data ?? []).some((t: { id: string; secret: unknown }) => t.id === triggerId && t.secret === null), "listed, without its secret");
      return ex;
    },
  },
  { name: "list-workflow-triggers-bad-slug", operationId: "listWorkflowTriggers", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listWorkflowTriggers", { params: { workflowSlug: "Not_A_Slug" } }), "/path/workflowSlug") },
  noKey("listWorkflowTriggers", { params: ANY_WORKFLOW }),

  { name: "disable-workflow-trigger", operationId: "updateWorkflowTrigger", status: 200, run: async (ctx) => ctx.call("updateWorkflowTrigger", { params: await webhookTrigger(ctx), body: { enabled: false } }) },
  { name: "update-workflow-trigger-empty-name", operationId: "updateWorkflowTrigger", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("updateWorkflowTrigger", { params: ANY_TRIGGER, body: { name: "" } }), "/body/name") },
  noKey("updateWorkflowTrigger", { params: ANY_TRIGGER, body: { enabled: false } }),
  { name: "update-workflow-trigger-unknown", operationId: "updateWorkflowTrigger", status: 404, code: "not_found", run: (ctx) => ctx.call("updateWorkflowTrigger", { params: { workflowSlug: ctx.unique("wf"), triggerId: randomUUID() }, body: { enabled: false } }) },
  ...bodyLimits("updateWorkflowTrigger", async (ctx) => ({ params: await webhookTrigger(ctx), body: { enabled: false } })),

  { name: "delete-workflow-trigger", operationId: "deleteWorkflowTrigger", status: 200, run: async (ctx) => ctx.call("deleteWorkflowTrigger", { params: await webhookTrigger(ctx) }) },
  { name: "delete-workflow-trigger-bad-id", operationId: "deleteWorkflowTrigger", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("deleteWorkflowTrigger", { params: { ...ANY_WORKFLOW, triggerId: "not-a-uuid" } }), "/path/triggerId") },
  noKey("deleteWorkflowTrigger", { params: ANY_TRIGGER }),
  { name: "delete-workflow-trigger-unknown", operationId: "deleteWorkflowTrigger", status: 404, code: "not_found", run: (ctx) => ctx.call("deleteWorkflowTrigger", { params: { workflowSlug: ctx.unique("wf"), triggerId: randomUUID() } }) },

  {
    name: "list-workflow-runs-after-a-webhook",
    operationId: "listWorkflowRuns",
    status: 200,
    run: async (ctx) => {
      const trigger = await webhookTrigger(ctx);
      ctx.require(await invoke(ctx, trigger.webhookSlug, SECRET), 202, "invokeWorkflowWebhook");
      const ex = await ctx.call("listWorkflowRuns", { params: { workflowSlug: trigger.workflowSlug }, query: { limit: 25 } });
      ctx.check(ex.body?.data?.[0]?.triggerType === "webhook", "the webhook's run is listed");
      return ex;
    },
  },
  { name: "list-workflow-runs-limit-zero", operationId: "listWorkflowRuns", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listWorkflowRuns", { params: ANY_WORKFLOW, query: { limit: 0 } }), "/query/limit") },
  noKey("listWorkflowRuns", { params: ANY_WORKFLOW }),

  { name: "invoke-webhook", operationId: "invokeWorkflowWebhook", status: 202, run: async (ctx) => invoke(ctx, (await webhookTrigger(ctx)).webhookSlug, SECRET) },
  { name: "invoke-webhook-slug-too-long", operationId: "invokeWorkflowWebhook", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await invoke(ctx, "x".repeat(101), SECRET), "/path/webhookSlug") },
  { name: "invoke-webhook-wrong-secret", operationId: "invokeWorkflowWebhook", status: 401, code: "unauthorized", run: async (ctx) => invoke(ctx, (await webhookTrigger(ctx)).webhookSlug, "not-the-secret") },
  { name: "invoke-webhook-unknown", operationId: "invokeWorkflowWebhook", status: 404, code: "not_found", run: (ctx) => invoke(ctx, `whk_${ctx.unique("missing").replace(/-/g, "")}`, SECRET) },
  {
    name: "invoke-webhook-disabled",
    operationId: "invokeWorkflowWebhook",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const trigger = await webhookTrigger(ctx);
      ctx.require(await ctx.call("updateWorkflowTrigger", { params: trigger, body: { enabled: false } }), 200, "updateWorkflowTrigger");
      return invoke(ctx, trigger.webhookSlug, SECRET);
    },
  },
  // The webhook's credential is its secret, not a key: its 413 and 415 are sent behind the right secret.
  {
    name: "invoke-webhook-body-over-1mib",
    operationId: "invokeWorkflowWebhook",
    status: 413,
    code: "payload_too_large",
    run: async (ctx) => {
      const { webhookSlug } = await webhookTrigger(ctx);
      return ctx.call("invokeWorkflowWebhook", { params: { webhookSlug }, key: null, raw: ctx.oversized({ event: "x" }), headers: { "Content-Type": "application/json", "X-Webhook-Secret": SECRET } });
    },
  },
  {
    name: "invoke-webhook-body-as-text-plain",
    operationId: "invokeWorkflowWebhook",
    status: 415,
    code: "unsupported_media_type",
    run: async (ctx) => {
      const { webhookSlug } = await webhookTrigger(ctx);
      return ctx.call("invokeWorkflowWebhook", { params: { webhookSlug }, key: null, raw: '{"event":"x"}', headers: { "Content-Type": "text/plain", "X-Webhook-Secret": SECRET } });
    },
  },
];
