/**
 * BillingStore without HTTP (issue 14, "Credits and billing"; docs: /api-reference/billing): the
 * sign-up credits, deterministic charges by the price list, the sandbox runtime meter driven by a
 * real SandboxStore, the credit check of sandbox create, top-ups and snapshots.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { SandboxStore } from "../sandboxes/sandboxes.store.ts";
import { WorkspaceStore } from "../workspaces/workspaces.store.ts";
import { BillingStore } from "./billing.store.ts";
import { SANDBOX_HOUR_CENTS, SIGN_UP_CREDITS_CENTS } from "./price-list.ts";

const validators = compileValidators(loadSpec());
const ORG = "11111111-1111-4111-8111-111111111111";
const MINUTE = 60_000;
const SANDBOX = { template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [] } as const;

let clock: ManualClock;
let billing: BillingStore;
let sandboxes: SandboxStore;

beforeEach(() => {
  clock = new ManualClock();
  const ids = new CountingIds();
  billing = new BillingStore({ orgId: ORG, clock, ids, settleSandboxes: () => sandboxes.settleAll() });
  sandboxes = new SandboxStore({ clock, ids, bootDelayMs: 0, workspaces: new WorkspaceStore({ clock, ids }), onRunning: (id, running, at) => billing.sandboxRunning(id, running, at) });
});

/** A sandbox that is running (boot delay 0: from the next request on). */
function runningSandbox(): string {
  const { id } = sandboxes.create({ ...SANDBOX, mounts: [] });
  clock.nextRequest();
  expect(sandboxes.get(id).status).toBe("running");
  return id;
}

describe("BillingStore", () => {
  it("starts every organization with the sign-up credits, as a grant in the ledger", () => {
    expect(billing.plan()).toEqual({ orgId: ORG, plan: "free", balanceCents: SIGN_UP_CREDITS_CENTS, totalGrantedCents: SIGN_UP_CREDITS_CENTS, totalUsedCents: 0 });
    const [grant] = billing.history(10);
    expect(grant).toMatchObject({ type: "grant", amountCents: SIGN_UP_CREDITS_CENTS, balanceAfterCents: SIGN_UP_CREDITS_CENTS, orgId: ORG, createdAt: "2026-01-01T00:00:00.000Z" });
    expect(validators.component("CreditLedgerEntry")(grant)).toEqual([]);
    expect(billing.credits().freeCreditsUsed).toBe(false);
  });

  it("charges a cent per run and per code execution, newest first in the history, with the balance after each", () => {
    billing.runStarted("run_1", "code-assistant");
    billing.codeExecuted("bash");
    const [execution, run] = billing.history(2);
    expect(run).toMatchObject({ type: "usage", amountCents: -1, resource: "agent_run", referenceId: "run_1", balanceAfterCents: SIGN_UP_CREDITS_CENTS - 1 });
    expect(execution).toMatchObject({ type: "usage", amountCents: -1, resource: "code_execution", balanceAfterCents: SIGN_UP_CREDITS_CENTS - 2 });
    expect(billing.credits()).toMatchObject({ balanceCents: SIGN_UP_CREDITS_CENTS - 2, totalUsedCents: 2 });
    const usage = billing.usage("current");
    expect(usage).toMatchObject({ agentRuns: 1, codeExecutions: 1 });
    expect(validators.component("UsageSummary")(usage)).toEqual([]);
  });

  it("gives ledger entries ids derived from the organization and their order, not from the id source", () => {
    const other = new BillingStore({ orgId: ORG, clock, ids: new CountingIds() });
    expect(other.history(1)[0]?.id).toBe(billing.history(1)[0]?.id);
  });

  it("meters a sandbox's running time by the clock and settles it, in whole minutes of its total, when it stops", () => {
    const id = runningSandbox();
    clock.advance(90_000);
    expect(billing.usage("current").sandboxRuntime).toEqual({ settledSeconds: 0, settledCents: 0, activeSeconds: 90, activeCents: 1 });
    expect(billing.balanceCents).toBe(SIGN_UP_CREDITS_CENTS);
    sandboxes.pause(id);
    expect(billing.history(1)[0]).toMatchObject({ type: "usage", resource: "sandbox_runtime", referenceId: id, amountCents: -1 });
    clock.nextRequest();
    sandboxes.resume(id);
    clock.nextRequest();
    sandboxes.get(id);
    clock.advance(30_000);
    sandboxes.delete(id);
    // 90 s + 30 s = 2 whole minutes in all: the second interval owes the second cent.
    expect(billing.credits()).toMatchObject({ totalUsedCents: 2, balanceCents: SIGN_UP_CREDITS_CENTS - 2 });
    expect(billing.usage("current").sandboxRuntime).toEqual({ settledSeconds: 120, settledCents: 2, activeSeconds: 0, activeCents: 0 });
  });

  it("counts a sandbox from the instant it booted, even when nobody looked at it until later", () => {
    const { id } = sandboxes.create({ ...SANDBOX, mounts: [] });
    clock.nextRequest();
    clock.advance(5 * MINUTE);
    // Nothing read the sandbox: the usage read settles its boot (at creation, delay 0) first.
    expect(billing.usage("current").sandboxRuntime.activeSeconds).toBe(300);
    sandboxes.delete(id);
    expect(billing.credits().totalUsedCents).toBe(5);
  });

  it("refuses sandbox create with 402 when the balance, less what running sandboxes owe, cannot pay an hour", () => {
    billing.setBalance(SANDBOX_HOUR_CENTS);
    expect(() => billing.requireSandboxHour()).not.toThrow();
    runningSandbox();
    clock.advance(MINUTE);
    const error = apiErrorOf(() => billing.requireSandboxHour());
    expect([error.status, error.code]).toEqual([402, "insufficient_credits"]);
    billing.setBalance(0);
    expect(apiErrorOf(() => billing.requireSandboxHour()).status).toBe(402);
  });

  it("sets a balance with one adjustment entry, and none when it already is that", () => {
    billing.runStarted("run_1", "a");
    expect(billing.setBalance(0)).toEqual({ adjustmentCents: -(SIGN_UP_CREDITS_CENTS - 1) });
    expect(billing.history(1)[0]).toMatchObject({ type: "adjustment", amountCents: -(SIGN_UP_CREDITS_CENTS - 1), balanceAfterCents: 0 });
    expect(billing.setBalance(0)).toEqual({ adjustmentCents: 0 });
    expect(billing.history(10)).toHaveLength(3);
    expect(billing.credits()).toEqual({ balanceCents: 0, totalGrantedCents: 1, totalUsedCents: 1, freeCreditsUsed: false });
  });

  it("tops up through a checkout session: open until paid, credited once however often it is paid", () => {
    const { sessionId, checkoutUrl } = billing.startTopUp({ amountCents: 1000, successUrl: "https://app.example/ok" }, "http://127.0.0.1:4010");
    expect(checkoutUrl).toBe(`http://127.0.0.1:4010/__mock/billing/checkout/${sessionId}?org=${ORG}`);
    expect(billing.verifyTopUp(sessionId)).toEqual({ sessionId, status: "open", amountCents: 1000, credited: false, balanceCents: SIGN_UP_CREDITS_CENTS });
    expect(billing.payTopUp(sessionId)).toMatchObject({ status: "complete", successUrl: "https://app.example/ok" });
    billing.payTopUp(sessionId);
    expect(billing.verifyTopUp(sessionId)).toMatchObject({ status: "complete", credited: true, balanceCents: SIGN_UP_CREDITS_CENTS + 1000 });
    expect(billing.history(10).filter((e) => e.type === "topup")).toEqual([expect.objectContaining({ amountCents: 1000, referenceId: sessionId })]);
    expect(apiErrorOf(() => billing.verifyTopUp("cs_test_unknown")).status).toBe(404);
  });

  it("sums usage over whole UTC days: 7d leaves out what is older, all_time keeps it", () => {
    billing.runStarted("run_old", "a");
    billing.runCompleted("claude-sonnet-4", { inputTokens: 2, outputTokens: 8, totalTokens: 10 });
    clock.advance(10 * 86_400_000);
    billing.runStarted("run_new", "a");
    billing.toolCalled();
    expect(billing.usage("7d")).toMatchObject({ agentRuns: 1, toolExecutions: 1, tokens: { totalTokens: 0 }, periodStart: "2026-01-05T00:00:00.000Z" });
    expect(billing.usage("all_time")).toMatchObject({ agentRuns: 2, periodStart: null, modelUsage: [{ model: "claude-sonnet-4", runs: 1, inputTokens: 2, outputTokens: 8, totalTokens: 10 }] });
  });

  it("exports and imports everything: balance, ledger, meters, usage and sessions", () => {
    const id = runningSandbox();
    billing.runStarted("run_1", "a");
    const { sessionId } = billing.startTopUp({ amountCents: 500 }, "http://x");
    const copy = new BillingStore({ orgId: ORG, clock, ids: new CountingIds() });
    copy.importAll(JSON.parse(JSON.stringify(billing.exportAll())));
    expect(copy.exportAll()).toEqual(billing.exportAll());
    clock.advance(MINUTE);
    copy.sandboxRunning(id, false, clock.now());
    expect(copy.credits().totalUsedCents).toBe(2);
    expect(copy.verifyTopUp(sessionId).status).toBe("open");
    copy.runStarted("run_2", "a");
    expect(new Set(copy.history(10).map((e) => e.id)).size).toBe(copy.history(10).length);
  });
});
