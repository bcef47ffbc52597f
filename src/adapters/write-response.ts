/** Writes a core response onto a node:http response (shared by every node-based adapter). */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import type { ServerResponse } from "node:http";
import { renderError } from "../core/errors.ts";
import type { EventStream, PlainResponse, ServerSentEvent } from "../core/http-types.ts";
import { formatEvent } from "../core/sse.ts";
import { jsonText } from "../core/json-text.ts";

/** Sends the status, headers and JSON body (charset declared, as Express would), raw bytes, or an event stream. */
export async function writeResponse(res: ServerResponse, response: PlainResponse): Promise<void> {
  if (response.reset) {
    // A connection reset, as a flaky network would do it: no status line, no body.
    res.socket?.resetAndDestroy();
    return;
  }
  if (response.stream) {
    res.statusCode = response.status;
    for (const [name, value] of Object.entries(response.headers)) res.setHeader(name, value);
    return writeEventStream(res, response.stream);
  }
  // One writeHead with every header, rather than a setHeader each: node:http's short path.
  const headers: string[] = [];
  for (const name in response.headers) headers.push(name, response.headers[name] as string);
  if (response.raw) {
    headers.push("Content-Type", response.raw.contentType, "Content-Length", String(response.raw.bytes.byteLength));
    res.writeHead(response.status, headers).end(response.raw.bytes);
    return;
  }
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const payload = jsonText(response.body);
  headers.push("Content-Length", String(Buffer.byteLength(payload)));
  res.writeHead(response.status, headers).end(payload);
}


/**
 * The core renders every error it knows of; reaching here means the socket failed mid-answer
 * or a bug escaped the core. Every adapter answers it the same way: a 500 in the error envelope
 * if nothing has been sent yet (never a framework's HTML error page), else the line is cut.
 */
export function answerUnhandled(log: (line: string) => void, res: ServerResponse, error: unknown): void {
  log(`unhandled error: ${(error as Error)?.stack ?? String(error)}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const requestId = `req_${randomBytes(8).toString("hex")}`;
  const { status, body } = renderError(error, requestId);
  void writeResponse(res, { status, headers: { "X-Request-Id": requestId, "Content-Type": "application/json; charset=utf-8" }, body });
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
