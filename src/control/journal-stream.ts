/**
 * `GET /__mock/requests/stream` (spec/control.yaml): the journal as it grows, one `request` frame
 * per journaled exchange. Recording never waits for a reader: entries queue per follower, and a
 * follower that falls more than `limit` entries behind loses the oldest, as the ring itself does.
 */
import type { EventStream } from "../core/http-types.ts";
import type { JournalEntry } from "./control-types.ts";
import type { RequestJournal } from "./journal.ts";

/** An event stream of the entries `journal` records from the moment the stream starts. */
export function followJournal(journal: RequestJournal, limit = Math.max(journal.capacity, 1)): EventStream {
  return async (send, signal) => {
    const waiting: JournalEntry[] = [];
    let wake: (() => void) | undefined;
    const stop = journal.follow((entry) => {
      waiting.push(entry);
      if (waiting.length > limit) waiting.shift();
      wake?.();
    });
    const onAbort = () => wake?.();
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      while (!signal.aborted) {
        const entry = waiting.shift();
        if (entry) {
          await send({ event: "request", data: { type: "request", entry } });
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    } finally {
      stop();
      signal.removeEventListener("abort", onAbort);
    }
  };
}
