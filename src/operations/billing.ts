/**
 * Credits and billing (tag `billing`): thin handlers over BillingStore. Statuses and shapes:
 * spec/paths/billing.yaml (docs: /api-reference/billing).
 */
import { ApiError } from "../core/errors.ts";
import type { OrgState } from "../state.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler, RequestContext } from "./types.ts";

/**
 * The organization a billing request is about: the caller's; `orgId` may name it, and any other is a
 * 404 (docs: "Target organization UUID. Defaults to the authenticated org context").
 */
function billedOrg(ctx: RequestContext, orgId: string | undefined): OrgState {
  const org = ctx.org();
  if (orgId !== undefined && orgId !== org.orgId) throw new ApiError("not_found", `Organization '${orgId}' not found`);
  return org;
}

export const getBillingPlan: Handler<"getBillingPlan"> = ({ query }, ctx) => ({
  status: 200,
  body: { data: billedOrg(ctx, query.orgId).billing.plan(), meta: ctx.meta },
});

export const getCreditBalance: Handler<"getCreditBalance"> = ({ query }, ctx) => ({
  status: 200,
  body: { data: billedOrg(ctx, query.orgId).billing.credits(), meta: ctx.meta },
});

export const listCreditHistory: Handler<"listCreditHistory"> = ({ query }, ctx) => ({
  status: 200,
  body: { data: billedOrg(ctx, query.orgId).billing.history(defaulted(query.limit, "limit")), meta: ctx.meta },
});

export const getMyUsage: Handler<"getMyUsage"> = ({ query }, ctx) => ({
  status: 200,
  body: { data: billedOrg(ctx, query.orgId).billing.usage(defaulted(query.period, "period")), meta: ctx.meta },
});

export const createTopUp: Handler<"createTopUp"> = ({ body }, ctx) => ({
  status: 200,
  body: { data: billedOrg(ctx, body.orgId).billing.startTopUp(body, ctx.baseUrl), meta: ctx.meta },
});

export const verifyTopUp: Handler<"verifyTopUp"> = ({ query }, ctx) => ({
  status: 200,
  body: { data: ctx.org().billing.verifyTopUp(query.session_id), meta: ctx.meta },
});
