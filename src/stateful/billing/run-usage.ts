/**
 * What a durable run event means for billing (the thread store's append hook, as for the activity
 * feed): a run started is charged once, however it goes on (JSON, stream, dispatched, cancelled);
 * its end counts its tokens under its agent's model; a tool call is counted.
 */
import type { RunSummary, ThreadEvent } from "../../api-types.ts";
import type { BillingStore } from "./billing.store.ts";

/** Bills one appended thread event; `modelOf` finds an agent's model by slug (undefined once deleted). */
export function billRunEvent(billing: BillingStore, event: ThreadEvent, run: Readonly<RunSummary> | undefined, modelOf: (agentSlug: string) => string | undefined): void {
  // A thread's own events (a compaction) belong to no run: nothing to bill.
  if (event.runId === null) return;
  const at = new Date(event.createdAt);
  if (event.type === "run_started") {
    billing.runStarted(event.runId, run?.agentSlug ?? "an agent", at);
  } else if (event.type === "run_completed") {
    const usage = (event.payload as { usage?: { inputTokens?: unknown; outputTokens?: unknown; totalTokens?: unknown } }).usage;
    const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0);
    billing.runCompleted(run ? modelOf(run.agentSlug) : undefined, { inputTokens: count(usage?.inputTokens), outputTokens: count(usage?.outputTokens), totalTokens: count(usage?.totalTokens) }, at);
  } else if (event.type === "tool_call") {
    billing.toolCalled(at);
  }
}
