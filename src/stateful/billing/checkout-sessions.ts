/**
 * Top-up checkout sessions (docs: /api-reference/billing/create-a-stripe-checkout-session-for-a-credit-top-up).
 * There is no Stripe: a session is paid at the mock's own checkout page, once; the store credits it.
 */
import type { TopUpRequest } from "../../api-types.ts";
import type { BillingState } from "../../control/control-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";

/** One session, as kept in state documents. */
export type CheckoutSessionRecord = BillingState["checkoutSessions"][number];

export class CheckoutSessions {
  readonly #sessions = new Map<string, CheckoutSessionRecord>();

  constructor(private readonly deps: { clock: Clock; ids: IdSource }) {}

  /** Opens a session; its checkout page is on the mock's control plane, naming the organization. */
  start(input: TopUpRequest, orgId: string, baseUrl: string): { checkoutUrl: string; sessionId: string } {
    const sessionId = this.deps.ids.token("cs_test_", 24);
    this.#sessions.set(sessionId, { sessionId, amountCents: input.amountCents, status: "open", successUrl: input.successUrl ?? null, cancelUrl: input.cancelUrl ?? null, createdAt: this.deps.clock.now().toISOString() });
    return { checkoutUrl: `${baseUrl}/__mock/billing/checkout/${sessionId}?org=${encodeURIComponent(orgId)}`, sessionId };
  }

  /** Marks a session paid; `paidNow` is false when it already was (so it is credited once). */
  pay(sessionId: string): { session: CheckoutSessionRecord; paidNow: boolean } {
    const session = this.#require(sessionId);
    const paidNow = session.status === "open";
    session.status = "complete";
    return { session: cloneJson(session), paidNow };
  }

  /** A session by id; an unknown one is a 404. */
  get(sessionId: string): CheckoutSessionRecord {
    return cloneJson(this.#require(sessionId));
  }

  exportAll(): CheckoutSessionRecord[] {
    return [...this.#sessions.values()].map((session) => cloneJson(session));
  }

  /** Loads sessions into this (empty) record; an id named twice is an error. */
  importAll(sessions: readonly CheckoutSessionRecord[]): void {
    for (const session of sessions) {
      if (this.#sessions.has(session.sessionId)) throw new Error(`checkout session '${session.sessionId}' appears twice`);
      this.#sessions.set(session.sessionId, cloneJson(session));
    }
  }

  #require(sessionId: string): CheckoutSessionRecord {
    const session = this.#sessions.get(sessionId);
    if (session === undefined) throw new ApiError("not_found", `Checkout session '${sessionId}' not found`);
    return session;
  }
}
