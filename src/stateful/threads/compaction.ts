/**
 * What a manual compaction writes (docs: /api-reference/threads/manually-compact-a-thread, "rolls
 * history into a summarizing snapshot"; the guide's durable `compaction_started` /
 * `compaction_completed` events). The platform asks a model for the summary; the mock writes a
 * deterministic digest of the messages instead, so that a test can assert on it.
 */
import type { ThreadEvent } from "../../api-types.ts";

/** The longest summary the mock writes, in characters. */
export const SUMMARY_MAX_CHARS = 2000;

const ROLE_OF: Partial<Record<ThreadEvent["type"], string>> = { user_message: "user", assistant_message: "assistant" };

/**
 * The messages of `events`, one `role: content` line each, in order; cut at SUMMARY_MAX_CHARS
 * (ending in "…" when cut). A history without messages summarizes to "(no messages)".
 */
export function summarize(events: readonly ThreadEvent[]): string {
  const lines: string[] = [];
  for (const event of events) {
    const role = ROLE_OF[event.type];
    const content = (event.payload as { content?: unknown }).content;
    if (role && typeof content === "string") lines.push(`${role}: ${content}`);
  }
  const text = lines.length > 0 ? lines.join("\n") : "(no messages)";
  return text.length <= SUMMARY_MAX_CHARS ? text : `${text.slice(0, SUMMARY_MAX_CHARS - 1)}…`;
}
