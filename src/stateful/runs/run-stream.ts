/**
 * Streams a run as server-sent events (docs: /api-reference/agents/stream). Each step of the
 * script is sent as one frame, with a pause between frames. The stream stops early when the
 * client goes away or the run is cancelled (`POST /v1/run/{id}/cancel`); either way the run
 * ends `cancelled` and its thread records it, so nothing is left running.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { RunStreamEvent, RunUsage } from "../../api-types.ts";
import type { ServerSentEvent } from "../../core/http-types.ts";
import type { RunStore } from "./runs.store.ts";

/**
 * The frames that end a run's stream: nothing is sent after them. Whatever acknowledges a run
 * (`--persist` writes the state before sending one of them) keys on this set.
 */
export const LAST_RUN_FRAMES: ReadonlySet<string> = new Set(["run_completed", "run_dispatched"]);

/** What streaming a run needs. */
export interface StreamRunOptions {
  script: AsyncIterator<RunStreamEvent>;
  send: (event: ServerSentEvent) => Promise<void>;
  /** Aborts when the client disconnects. */
  clientGone: AbortSignal;
  runs: RunStore;
  runId: string;
  delayMs: number;
  record: (type: "run_completed", payload: Record<string, unknown>) => unknown;
  /** Usage reported when the run is cancelled before it answers. */
  usage: RunUsage;
}

/** Sends the script's frames until it ends, the client goes away, or the run is cancelled. */
export async function streamRun(options: StreamRunOptions): Promise<void> {
  const { script, send, clientGone, runs, runId } = options;
  const stop = AbortSignal.any([clientGone, runs.signal(runId)]);
  let frames = 0;
  for (;;) {
    if (stop.aborted) break;
    const step = await script.next();
    if (step.done) return;
    await send({ id: String(++frames), event: step.value.type, data: step.value });
    // A run's last frame ends the stream at once: no pause in which a client that stops reading
    // (as it may) could turn a dispatched run into a cancelled one.
    if (LAST_RUN_FRAMES.has(step.value.type)) return;
    if (options.delayMs > 0) {
      try {
        await sleep(options.delayMs, undefined, { signal: stop });
      } catch {
        // aborted: handled at the top of the loop
      }
    }
  }
  // Stopped early. A run that finished with its last frame stays as it is; any other ends
  // cancelled (a cancel request may already have said so) and its thread records it.
  const { status } = runs.get(runId);
  if (status === "completed" || status === "failed") return;
  runs.finish(runId, "cancelled");
  options.record("run_completed", { status: "cancelled" });
  if (!clientGone.aborted) {
    await send({ id: String(++frames), event: "run_completed", data: { type: "run_completed", runId, status: "cancelled", usage: options.usage, iterations: 0 } });
  }
}
