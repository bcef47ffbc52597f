/** Writes a core response onto a node:http response (shared by every node-based adapter). */
import { once } from "node:events";
import type { ServerResponse } from "node:http";
import type { EventStream, PlainResponse, ServerSentEvent } from "../core/http-types.ts";
import { formatEvent } from "../core/sse.ts";

/** Sends the status, headers and JSON body (charset declared, as Express would), or an event stream. */
export async function writeResponse(res: ServerResponse, response: PlainResponse): Promise<void> {
  if (response.reset) {
    // A connection reset, as a flaky network would do it: no status line, no body.
    res.socket?.resetAndDestroy();
    return;
  }
  res.statusCode = response.status;
  for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
  if (response.stream) return writeEventStream(res, response.stream);
  if (response.body === undefined) {
    res.end();
    return;
  }
  const payload = JSON.stringify(response.body);
  res.setHeader("Content-Length", Buffer.byteLength(payload));
  res.end(payload);
}


async function writeEventStream(res: ServerResponse, stream: EventStream): Promise<void> {
  res.setHeader("Cache-Control", "no-cache");
  // Proxies such as nginx would otherwise buffer the stream.
  res.setHeader("X-Accel-Buffering", "no");
  res.flushHeaders();
  const gone = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  const send = async (event: ServerSentEvent) => {
    if (gone.signal.aborted) return;
    if (!res.write(formatEvent(event))) await Promise.race([once(res, "drain"), once(res, "close")]);
  };
  try {
    await stream(send, gone.signal);
  } catch {
    // The status line is gone: the only honest signal left is to cut the stream short.
    res.destroy();
    return;
  }
  if (!res.destroyed) res.end();
}
