/** The wire format of server-sent events (the WHATWG EventSource framing). */
import type { ServerSentEvent } from "./http-types.ts";

/** One frame; `data` is one line of JSON, so no frame ever needs multi-line data. */
export function formatEvent(event: ServerSentEvent): string {
  return `${event.id === undefined ? "" : `id: ${event.id}\n`}event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}
