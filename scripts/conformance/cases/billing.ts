/**
 * Conformance cases of the `billing` tag (spec/paths/billing.yaml; docs: /api-reference/billing).
 * Public API only, like every case: the 402 of sandbox create stays asked for with `Prefer` there
 * (cases/sandboxes.ts), since emptying a balance takes the mock's control plane.
 */
import type { CaseContext } from "../context.ts";
import { type Case, bodyLimits, expectDetail, noKey } from "./families.ts";

/** A well-formed organization id that is not the caller's. */
const OTHER_ORG = "00000000-0000-4000-8000-000000000000";

/** Starts a top-up of the documented minimum; answers its session id. */
async function startTopUp(ctx: CaseContext): Promise<string> {
  const ex = await ctx.call("createTopUp", { body: { amountCents: 500 } });
  ctx.require(ex, 200, "createTopUp");
  return ex.body.data.sessionId as string;
}

/** The 400, 401 and 404 every billing read shares: a malformed and a foreign `orgId`, no key. */
function orgScopedErrors(operationId: string): Case[] {
  return [
    { name: `${operationId}-malformed-org-id`, operationId, status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call(operationId, { query: { orgId: "not-a-uuid" } }), "/query/orgId") },
    { name: `${operationId}-another-org`, operationId, status: 404, code: "not_found", run: (ctx) => ctx.call(operationId, { query: { orgId: OTHER_ORG } }) },
    noKey(operationId),
  ];
}

/** The 200 of a read that answers the totals: the balance is what was granted less what was used. */
function balanceAdds(name: string, operationId: string): Case {
  return {
    name,
    operationId,
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call(operationId);
      const totals = ex.body?.data ?? {};
      ctx.check(totals.balanceCents === totals.totalGrantedCents - totals.totalUsedCents, "balance = granted − used");
      return ex;
    },
  };
}

export const billingCases: Case[] = [
  balanceAdds("billing-plan-balances", "getBillingPlan"),
  ...orgScopedErrors("getBillingPlan"),

  balanceAdds("credit-balance-adds-up", "getCreditBalance"),
  ...orgScopedErrors("getCreditBalance"),

  {
    name: "credit-history-newest-first",
    operationId: "listCreditHistory",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("listCreditHistory", { query: { limit: 5 } });
      const times = ((ex.body?.data ?? []) as { createdAt: string }[]).map((e) => Date.parse(e.createdAt));
      ctx.check(times.length <= 5 && times.every((t, i) => i === 0 || (times[i - 1] as number) >= t), "at most 5 entries, newest first");
      return ex;
    },
  },
  { name: "credit-history-limit-zero", operationId: "listCreditHistory", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listCreditHistory", { query: { limit: 0 } }), "/query/limit") },
  { name: "credit-history-another-org", operationId: "listCreditHistory", status: 404, code: "not_found", run: (ctx) => ctx.call("listCreditHistory", { query: { orgId: OTHER_ORG } }) },
  noKey("listCreditHistory"),

  {
    name: "my-usage-seven-days",
    operationId: "getMyUsage",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("getMyUsage", { query: { period: "7d" } });
      ctx.check(ex.body?.data?.period === "7d", "the period asked for");
      return ex;
    },
  },
  { name: "my-usage-unknown-period", operationId: "getMyUsage", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getMyUsage", { query: { period: "yearly" } }), "/query/period") },
  { name: "my-usage-another-org", operationId: "getMyUsage", status: 404, code: "not_found", run: (ctx) => ctx.call("getMyUsage", { query: { orgId: OTHER_ORG } }) },
  noKey("getMyUsage"),

  {
    name: "top-up-checkout-session",
    operationId: "createTopUp",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("createTopUp", { body: { amountCents: 500, successUrl: "https://example.com/paid", cancelUrl: "https://example.com/cancelled" } });
      ctx.check(typeof ex.body?.data?.checkoutUrl === "string" && ex.body.data.checkoutUrl.length > 0, "a checkout URL");
      return ex;
    },
  },
  { name: "top-up-under-minimum", operationId: "createTopUp", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("createTopUp", { body: { amountCents: 499 } }), "/body/amountCents") },
  { name: "top-up-another-org", operationId: "createTopUp", status: 404, code: "not_found", run: (ctx) => ctx.call("createTopUp", { body: { amountCents: 500, orgId: OTHER_ORG } }) },
  noKey("createTopUp", { body: { amountCents: 500 } }),
  ...bodyLimits("createTopUp", async () => ({ body: { amountCents: 500 } })),

  {
    name: "verify-open-top-up",
    operationId: "verifyTopUp",
    status: 200,
    run: async (ctx) => {
      const sessionId = await startTopUp(ctx);
      const ex = await ctx.call("verifyTopUp", { query: { session_id: sessionId } });
      ctx.check(ex.body?.data?.sessionId === sessionId && ex.body.data.amountCents === 500, "the session started");
      return ex;
    },
  },
  { name: "verify-top-up-without-session", operationId: "verifyTopUp", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("verifyTopUp"), "/query/session_id") },
  { name: "verify-unknown-top-up", operationId: "verifyTopUp", status: 404, code: "not_found", run: (ctx) => ctx.call("verifyTopUp", { query: { session_id: "cs_test_NoSuchSession0000" } }) },
  noKey("verifyTopUp", { query: { session_id: "cs_test_NoSuchSession0000" } }),
];
