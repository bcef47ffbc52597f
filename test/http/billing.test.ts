/**
 * Credits and billing black-box through the real server (issue 14, "Credits and billing"; spec tag
 * `billing`, docs: /api-reference/billing): usage draws the balance down by the price list, the
 * control plane sets a balance that makes sandbox create answer 402 for real, and a top-up is paid
 * at the mock's own checkout page. Every response is validated against the spec.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { CheckoutSession, CreditBalance, CreditLedgerEntry, UsageSummary } from "../../src/api-types.ts";
import type { StateDocument } from "../../src/control/control-types.ts";
import { VirtualClock } from "../../src/stateful/common/clock.ts";
import { SIGN_UP_CREDITS_CENTS } from "../../src/stateful/billing/price-list.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { createRunningSandbox, expectError } from "./helpers.ts";
import { runJson, seedOrg } from "./run-helpers.ts";

const clock = new VirtualClock(Date.UTC(2026, 10, 29, 10));
const { client, server, violations } = useServer({ streamDelayMs: 0, clock });

afterEach(() => expect(violations).toEqual([]));
afterAll(() => expect(violations).toEqual([]));

async function credits(c: ContractClient): Promise<CreditBalance> {
  const res = await c.get<{ data: CreditBalance }>("/v1/billing/credits");
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

async function history(c: ContractClient, query = ""): Promise<CreditLedgerEntry[]> {
  const res = await c.get<{ data: CreditLedgerEntry[] }>(`/v1/billing/credits/history${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

async function usage(c: ContractClient, period = "current"): Promise<UsageSummary> {
  const res = await c.get<{ data: UsageSummary }>(`/v1/billing/my-usage?period=${period}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

/** The control plane's `PUT /__mock/billing` for the client's organization. */
async function setBalance(c: ContractClient, balanceCents: number): Promise<Response> {
  return fetch(`${server().url}/__mock/billing`, { method: "PUT", headers: { "X-API-Key": c.apiKey, "Content-Type": "application/json" }, body: JSON.stringify({ balanceCents }) });
}

describe("credits and billing", () => {
  it("starts an organization with the sign-up credits on the free plan", async () => {
    const c = client("fresh");
    const orgId = (await c.get("/v1/organizations/current")).body.data.id;
    expect((await c.get("/v1/billing/plan")).body.data).toEqual({ orgId, plan: "free", balanceCents: SIGN_UP_CREDITS_CENTS, totalGrantedCents: SIGN_UP_CREDITS_CENTS, totalUsedCents: 0 });
    expect(await credits(c)).toEqual({ balanceCents: SIGN_UP_CREDITS_CENTS, totalGrantedCents: SIGN_UP_CREDITS_CENTS, totalUsedCents: 0, freeCreditsUsed: false });
    expect((await history(c)).map((e) => e.type)).toEqual(["grant"]);
  });

  it("draws the balance down by a cent per run, per execution and per minute of sandbox time", async () => {
    const c = client("usage");
    const { sandbox } = await seedOrg(c);
    await runJson(c, { agent: "code-assistant", prompt: "hello" });
    expect((await c.post("/v1/execute", { language: "bash", code: "echo hi" })).status).toBe(200);
    clock.advance(150_000);
    expect((await usage(c)).sandboxRuntime).toMatchObject({ settledSeconds: 0, activeSeconds: 150, activeCents: 2 });
    expect((await c.post(`/v1/sandboxes/${sandbox.id}/pause`)).status).toBe(200);
    expect(await credits(c)).toMatchObject({ balanceCents: SIGN_UP_CREDITS_CENTS - 4, totalUsedCents: 4 });
    const entries = await history(c, "?limit=3");
    expect(entries.map((e) => [e.resource, e.amountCents])).toEqual([
      ["sandbox_runtime", -2],
      ["code_execution", -1],
      ["agent_run", -1],
    ]);
    expect(entries[0]?.referenceId).toBe(sandbox.id);
    const summary = await usage(c, "30d");
    expect(summary).toMatchObject({ agentRuns: 1, codeExecutions: 1, sandboxRuntime: { settledSeconds: 150, settledCents: 2, activeSeconds: 0 }, balanceCents: SIGN_UP_CREDITS_CENTS - 4 });
    expect(summary.modelUsage).toEqual([expect.objectContaining({ model: "claude-sonnet-4", runs: 1 })]);
    expect(summary.tokens.totalTokens).toBeGreaterThan(0);
  });

  it("answers sandbox create with 402 once the control plane sets the balance to 0, and creates nothing", async () => {
    const c = client("broke");
    await createRunningSandbox(c, { name: "before" });
    const set = await setBalance(c, 0);
    expect(set.status).toBe(200);
    expect(((await set.json()) as { data: unknown }).data).toMatchObject({ balanceCents: 0, adjustmentCents: -SIGN_UP_CREDITS_CENTS });
    expectError(await c.post("/v1/sandboxes", { name: "after" }), 402, "insufficient_credits");
    const names = (await c.get("/v1/sandboxes")).body.data.map((s: { name: string }) => s.name);
    expect(names).toEqual(["before"]);
    // Other usage goes on (the docs credit-check sandbox create only); the balance goes below zero.
    expect((await c.post("/v1/execute", { language: "bash", code: "echo hi" })).status).toBe(200);
    expect((await credits(c)).balanceCents).toBe(-1);
    expect((await setBalance(c, 10_000)).status).toBe(200);
    expect((await c.post("/v1/sandboxes", { name: "after" })).status).toBe(201);
  });

  it("tops up through the mock's checkout page: open until paid, credited once, verified by session id", async () => {
    const c = client("topup");
    const start = await c.post<{ data: CheckoutSession }>("/v1/billing/topup", { amountCents: 2500, successUrl: "https://app.example/paid" });
    expect(start.status, JSON.stringify(start.body)).toBe(200);
    const { sessionId, checkoutUrl } = start.body.data;
    expect((await c.get(`/v1/billing/success?session_id=${sessionId}`)).body.data).toMatchObject({ status: "open", credited: false });
    for (let i = 0; i < 2; i++) {
      const paid = await fetch(checkoutUrl);
      expect(paid.status).toBe(200);
      expect(((await paid.json()) as { data: unknown }).data).toMatchObject({ sessionId, status: "complete", amountCents: 2500, successUrl: "https://app.example/paid" });
    }
    expect((await c.get(`/v1/billing/success?session_id=${sessionId}`)).body.data).toEqual({ sessionId, status: "complete", amountCents: 2500, credited: true, balanceCents: SIGN_UP_CREDITS_CENTS + 2500 });
    expect((await history(c)).filter((e) => e.type === "topup")).toHaveLength(1);
    expectError(await client("stranger").get(`/v1/billing/success?session_id=${sessionId}`), 404, "not_found");
  });

  it("refuses a top-up under the documented minimum and another organization's id, changing nothing", async () => {
    const c = client("refused");
    expectError(await c.post("/v1/billing/topup", { amountCents: 499 }), 400, "bad_request");
    expectError(await c.post("/v1/billing/topup", { amountCents: 500, orgId: "00000000-0000-4000-8000-000000000000" }), 404, "not_found");
    expectError(await c.get("/v1/billing/credits?orgId=00000000-0000-4000-8000-000000000000"), 404, "not_found");
    expect((await history(c)).map((e) => e.type)).toEqual(["grant"]);
  });

  it("keeps billing in the state document, and loads a document written before it with the sign-up credits", async () => {
    const c = client("exported");
    await setBalance(c, 1234);
    const document = (await (await fetch(`${server().url}/__mock/state`, { headers: { "X-API-Key": c.apiKey } })).json()) as StateDocument;
    expect(document.organizations[0]?.billing?.totalGrantedCents).toBe(1234);
    const put = (body: unknown) => fetch(`${server().url}/__mock/state?mode=merge`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    expect((await put(document)).status).toBe(200);
    expect((await credits(c)).balanceCents).toBe(1234);
    delete document.organizations[0]?.billing;
    expect((await put(document)).status).toBe(200);
    expect((await credits(c)).balanceCents).toBe(SIGN_UP_CREDITS_CENTS);
  });
});
