/**
 * The mock's price list: what usage costs, in US cents (the docs' unit: `balanceCents`, `amountCents`).
 * The docs publish no prices, so these are the mock's own, chosen to be easy to assert on and small
 * next to the sign-up credits, so that a client that never thinks about billing never runs out
 * (docs/billing.md).
 */

/** Credits every new organization starts with: $10,000 (the docs: "grants sign-up credits"). */
export const SIGN_UP_CREDITS_CENTS = 1_000_000;

/** Cents per agent run started (any execution mode, however it ends). */
export const AGENT_RUN_CENTS = 1;

/** Cents per `POST /v1/execute`. */
export const CODE_EXECUTION_CENTS = 1;

/** Cents per whole minute of a sandbox's running time, by the mock's clock. */
export const SANDBOX_MINUTE_CENTS = 1;

/**
 * What sandbox create requires the balance to cover: "returns 402 insufficient_credits if the org
 * cannot afford ~1 hour of runtime" (docs: /api-reference/sandboxes/create-a-sandbox).
 */
export const SANDBOX_HOUR_CENTS = 60 * SANDBOX_MINUTE_CENTS;

/** The most ledger entries an organization keeps; older ones drop off (totals never do). */
export const LEDGER_CAP = 10_000;

/**
 * What a sandbox's total running time costs: whole minutes of its total, so that charging each
 * running interval as the difference of totals loses nothing to rounding.
 */
export function sandboxRuntimeCents(ranMs: number): number {
  return Math.floor(ranMs / 60_000) * SANDBOX_MINUTE_CENTS;
}
