/**
 * One organization's credits (docs: /api-reference/billing): the balance and its totals, the ledger,
 * usage by day, the sandbox runtime meters and top-up checkout sessions.
 *
 * Usage draws the balance down by the price list (./price-list.ts), deterministically: a run when it
 * starts, a code execution when it answers, a sandbox's running time when an interval of `running`
 * ends (pause, delete), in whole minutes of its total. A sandbox still running shows as an active
 * estimate, which the credit check of sandbox create counts too.
 */
import type { BillingPlan, CreditBalance, CreditLedgerEntry, TopUpRequest, TopUpVerification, UsagePeriod, UsageSummary } from "../../api-types.ts";
import type { BillingState } from "../../control/control-types.ts";
import { ApiError } from "../../core/errors.ts";
import { stableUuid, type Clock, type IdSource } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";
import { AGENT_RUN_CENTS, CODE_EXECUTION_CENTS, LEDGER_CAP, SANDBOX_HOUR_CENTS, SIGN_UP_CREDITS_CENTS, sandboxRuntimeCents } from "./price-list.ts";
import { periodStart, UsageDays } from "./usage-days.ts";
import { CheckoutSessions, type CheckoutSessionRecord } from "./checkout-sessions.ts";

/** What the store is built from. */
export interface BillingStoreDeps {
  orgId: string;
  clock: Clock;
  ids: IdSource;
  /** Brings sandboxes' due transitions up to now, so that the meters see every interval (reads call it). */
  settleSandboxes?: () => void;
}

type Meter = { ranMs: number; runningSince: number | null };
type LedgerInput = Pick<CreditLedgerEntry, "type" | "amountCents"> & Partial<Pick<CreditLedgerEntry, "resource" | "description" | "referenceId">>;

/** The token a run's tokens count under when its agent is gone. */
const UNKNOWN_MODEL = "unknown";

export class BillingStore {
  #granted = 0;
  #used = 0;
  #seq = 0;
  /** Oldest first; trimmed to LEDGER_CAP in batches. */
  #ledger: CreditLedgerEntry[] = [];
  readonly #meters = new Map<string, Meter>();
  #days = new UsageDays();
  #sessions: CheckoutSessions;

  constructor(private readonly deps: BillingStoreDeps) {
    this.#sessions = new CheckoutSessions(deps);
    this.#write({ type: "grant", amountCents: SIGN_UP_CREDITS_CENTS, description: "Sign-up credits" });
  }

  /** The balance: granted (sign-up, top-ups, adjustments) minus settled usage. */
  get balanceCents(): number {
    return this.#granted - this.#used;
  }

  /** `GET /v1/billing/plan`. */
  plan(): BillingPlan {
    return { orgId: this.deps.orgId, plan: "free", balanceCents: this.balanceCents, totalGrantedCents: this.#granted, totalUsedCents: this.#used };
  }

  /** `GET /v1/billing/credits`. */
  credits(): CreditBalance {
    return { balanceCents: this.balanceCents, totalGrantedCents: this.#granted, totalUsedCents: this.#used, freeCreditsUsed: this.#used >= SIGN_UP_CREDITS_CENTS };
  }

  /** `GET /v1/billing/credits/history`: the newest `limit` entries, newest first. */
  history(limit: number): CreditLedgerEntry[] {
    return this.#ledger.slice(-Math.min(limit, LEDGER_CAP)).reverse().map((entry) => cloneJson(entry));
  }

  /** `GET /v1/billing/my-usage`. */
  usage(period: UsagePeriod): UsageSummary {
    const now = this.deps.clock.now();
    const start = periodStart(period, now);
    const totals = this.#days.totals(start);
    const active = this.#active(now.getTime());
    return {
      orgId: this.deps.orgId,
      period,
      periodStart: start === null ? null : start.toISOString(),
      periodEnd: now.toISOString(),
      tokens: totals.tokens,
      modelUsage: totals.modelUsage,
      agentRuns: totals.agentRuns,
      codeExecutions: totals.codeExecutions,
      sandboxRuntime: { settledSeconds: totals.sandboxSeconds, settledCents: totals.sandboxCents, activeSeconds: active.seconds, activeCents: active.cents },
      storageUsage: { byteSeconds: 0 },
      toolExecutions: totals.toolExecutions,
      resourceCharges: [
        { resource: "agent_run", quantity: totals.agentRuns, unit: "run", amountCents: totals.runCents },
        { resource: "code_execution", quantity: totals.codeExecutions, unit: "execution", amountCents: totals.executionCents },
        { resource: "sandbox_runtime", quantity: totals.sandboxSeconds, unit: "second", amountCents: totals.sandboxCents },
      ],
      balanceCents: this.balanceCents,
    };
  }

  /**
   * The credit check of sandbox create: the balance, less what running sandboxes owe, must pay an
   * hour of runtime, else 402 `insufficient_credits` (and the caller changes nothing).
   */
  requireSandboxHour(): void {
    const available = this.balanceCents - this.#active(this.deps.clock.now().getTime()).cents;
    if (available < SANDBOX_HOUR_CENTS) {
      throw new ApiError("insufficient_credits", `Insufficient credits to create a sandbox: ${available} cents available, an hour of runtime needs ${SANDBOX_HOUR_CENTS}`);
    }
  }

  // ─── usage ─────────────────────────────────────────────────────────────────────────────────────

  /** A run started: one charge. */
  runStarted(runId: string, agentSlug: string, at: Date = this.deps.clock.now()): void {
    this.#days.count(at, (day) => {
      day.agentRuns += 1;
      day.runCents += AGENT_RUN_CENTS;
    });
    this.#charge("agent_run", AGENT_RUN_CENTS, `Agent run of ${agentSlug}`, runId, at);
  }

  /** A run ended with its token usage: counted under its agent's model, not charged (the run was). */
  runCompleted(model: string | undefined, tokens: { inputTokens: number; outputTokens: number; totalTokens: number }, at: Date = this.deps.clock.now()): void {
    this.#days.countTokens(at, model ?? UNKNOWN_MODEL, tokens);
  }

  /** A run called a tool: counted, not charged. */
  toolCalled(at: Date = this.deps.clock.now()): void {
    this.#days.count(at, (day) => (day.toolExecutions += 1));
  }

  /** `POST /v1/execute` answered: one charge. */
  codeExecuted(language: string, at: Date = this.deps.clock.now()): void {
    this.#days.count(at, (day) => {
      day.codeExecutions += 1;
      day.executionCents += CODE_EXECUTION_CENTS;
    });
    this.#charge("code_execution", CODE_EXECUTION_CENTS, `Code execution (${language})`, null, at);
  }

  /** A sandbox became `running` at `at`, or stopped running (pausing, destroyed): the meter's hook. */
  sandboxRunning(sandboxId: string, running: boolean, at: Date): void {
    const meter = this.#meters.get(sandboxId) ?? { ranMs: 0, runningSince: null };
    this.#meters.set(sandboxId, meter);
    if (running) {
      meter.runningSince ??= at.getTime();
      return;
    }
    if (meter.runningSince === null) return;
    const before = meter.ranMs;
    meter.ranMs += Math.max(0, at.getTime() - meter.runningSince);
    meter.runningSince = null;
    const seconds = Math.floor(meter.ranMs / 1000) - Math.floor(before / 1000);
    const cents = sandboxRuntimeCents(meter.ranMs) - sandboxRuntimeCents(before);
    this.#days.count(at, (day) => {
      day.sandboxSeconds += seconds;
      day.sandboxCents += cents;
    });
    if (cents > 0) this.#charge("sandbox_runtime", cents, `Sandbox runtime: ${seconds} s`, sandboxId, at);
  }

  // ─── credits ───────────────────────────────────────────────────────────────────────────────────

  /** The control plane's `PUT /__mock/billing`: an adjustment to the balance asked for. */
  setBalance(balanceCents: number): { adjustmentCents: number } {
    const adjustmentCents = balanceCents - this.balanceCents;
    if (adjustmentCents !== 0) this.#write({ type: "adjustment", amountCents: adjustmentCents, description: "Balance set through the mock's control plane" });
    return { adjustmentCents };
  }

  /** `POST /v1/billing/topup`: an open checkout session, paid at the mock's own checkout page. */
  startTopUp(input: TopUpRequest, baseUrl: string): { checkoutUrl: string; sessionId: string } {
    return this.#sessions.start(input, this.deps.orgId, baseUrl);
  }

  /** The checkout page: pays an open session (a `topup` entry); paying again credits nothing more. */
  payTopUp(sessionId: string): CheckoutSessionRecord {
    const { session, paidNow } = this.#sessions.pay(sessionId);
    if (paidNow) this.#write({ type: "topup", amountCents: session.amountCents, description: "Credit top-up", referenceId: sessionId });
    return session;
  }

  /** `GET /v1/billing/success`: the session, and whether it was credited. */
  verifyTopUp(sessionId: string): TopUpVerification {
    const session = this.#sessions.get(sessionId);
    return { sessionId, status: session.status, amountCents: session.amountCents, credited: session.status === "complete", balanceCents: this.balanceCents };
  }

  // ─── snapshots ─────────────────────────────────────────────────────────────────────────────────

  /** The whole billing state, for a state snapshot. */
  exportAll(): BillingState {
    return {
      totalGrantedCents: this.#granted,
      totalUsedCents: this.#used,
      ledgerSeq: this.#seq,
      ledger: this.#ledger.slice(-LEDGER_CAP).map((entry) => cloneJson(entry)),
      sandboxMeters: [...this.#meters].map(([sandboxId, meter]) => ({ sandboxId, ranMs: meter.ranMs, runningSince: meter.runningSince === null ? null : new Date(meter.runningSince).toISOString() })),
      usageDays: this.#days.exportAll(),
      checkoutSessions: this.#sessions.exportAll(),
    };
  }

  /** Replaces this store's state with a snapshot's (built aside first: a bad one changes nothing). */
  importAll(state: BillingState): void {
    const days = new UsageDays();
    days.importAll(state.usageDays);
    const meters = new Map<string, Meter>();
    for (const meter of state.sandboxMeters) {
      if (meters.has(meter.sandboxId)) throw new Error(`sandbox meter '${meter.sandboxId}' appears twice`);
      meters.set(meter.sandboxId, { ranMs: meter.ranMs, runningSince: meter.runningSince === null ? null : Date.parse(meter.runningSince) });
    }
    const sessions = new CheckoutSessions(this.deps);
    sessions.importAll(state.checkoutSessions);
    this.#granted = state.totalGrantedCents;
    this.#used = state.totalUsedCents;
    this.#seq = Math.max(state.ledgerSeq, state.ledger.length);
    this.#ledger = state.ledger.map((entry) => cloneJson(entry) as CreditLedgerEntry);
    this.#days = days;
    this.#meters.clear();
    for (const [id, meter] of meters) this.#meters.set(id, meter);
    this.#sessions = sessions;
  }

  // ─── internals ─────────────────────────────────────────────────────────────────────────────────

  /** What running sandboxes owe at `now`, settled or not yet (their transitions brought up to date first). */
  #active(now: number): { seconds: number; cents: number } {
    this.deps.settleSandboxes?.();
    let seconds = 0;
    let cents = 0;
    for (const meter of this.#meters.values()) {
      if (meter.runningSince === null) continue;
      const total = meter.ranMs + Math.max(0, now - meter.runningSince);
      seconds += Math.floor(total / 1000) - Math.floor(meter.ranMs / 1000);
      cents += sandboxRuntimeCents(total) - sandboxRuntimeCents(meter.ranMs);
    }
    return { seconds, cents };
  }

  #charge(resource: string, cents: number, description: string, referenceId: string | null, at: Date): void {
    this.#write({ type: "usage", amountCents: -cents, resource, description, referenceId }, at);
  }

  #write(input: LedgerInput, at: Date = this.deps.clock.now()): void {
    if (input.type === "usage") this.#used -= input.amountCents;
    else this.#granted += input.amountCents;
    const seq = this.#seq++;
    this.#ledger.push({
      id: stableUuid("runtools-mock/billing-ledger", `${this.deps.orgId}/${seq}`),
      orgId: this.deps.orgId,
      type: input.type,
      amountCents: input.amountCents,
      resource: input.resource ?? null,
      description: input.description ?? null,
      referenceId: input.referenceId ?? null,
      balanceAfterCents: this.balanceCents,
      createdAt: at.toISOString(),
    });
    // Trim in batches: one copy per thousand writes, not one per write.
    if (this.#ledger.length > LEDGER_CAP + 1000) this.#ledger = this.#ledger.slice(-LEDGER_CAP);
  }
}
