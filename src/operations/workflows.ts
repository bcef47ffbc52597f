/**
 * Workflows (tag `workflows`): thin handlers over each organization's WorkflowStore. Statuses and
 * shapes: spec/paths/workflows.yaml. Cron triggers fire lazily: every workflow operation first
 * starts the runs whose occurrences passed on the mock's clock.
 */
import { ApiError } from "../core/errors.ts";
import type { WorkflowStore } from "../stateful/workflows/workflows.store.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler, RequestContext } from "./types.ts";

/** The caller's workflows, with every due cron occurrence fired. */
function workflows(ctx: RequestContext): WorkflowStore {
  const store = ctx.org().workflows;
  store.fireDue();
  return store;
}

export const createWorkflowTrigger: Handler<"createWorkflowTrigger"> = ({ path, body }, ctx) => ({
  status: 201,
  body: { data: workflows(ctx).create(path.workflowSlug, body, ctx.baseUrl), meta: ctx.meta },
});

export const listWorkflowTriggers: Handler<"listWorkflowTriggers"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: workflows(ctx).list(path.workflowSlug), meta: ctx.meta },
});

export const updateWorkflowTrigger: Handler<"updateWorkflowTrigger"> = ({ path, body }, ctx) => ({
  status: 200,
  body: { data: workflows(ctx).update(path.workflowSlug, path.triggerId, body), meta: ctx.meta },
});

export const deleteWorkflowTrigger: Handler<"deleteWorkflowTrigger"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: { ...workflows(ctx).delete(path.workflowSlug, path.triggerId), deleted: true }, meta: ctx.meta },
});

export const listWorkflowRuns: Handler<"listWorkflowRuns"> = ({ path, query }, ctx) => ({
  status: 200,
  body: { data: workflows(ctx).runs(path.workflowSlug, defaulted(query.limit, "limit")), meta: ctx.meta },
});

/** The public webhook: no key, so the webhook's slug leads to its organization. */
export const invokeWorkflowWebhook: Handler<"invokeWorkflowWebhook"> = ({ path, body }, ctx) => {
  const orgId = ctx.webhooks.orgOf(path.webhookSlug);
  const store = orgId === undefined ? undefined : ctx.orgs.peek(orgId)?.workflows;
  if (!store) throw new ApiError("not_found", `Webhook '${path.webhookSlug}' not found`);
  store.fireDue();
  return { status: 202, body: { data: store.invoke(path.webhookSlug, ctx.webhookSecret(), body), meta: ctx.meta } };
};
