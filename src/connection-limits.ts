/**
 * What a listening mock does about slow and numerous clients (docs/security.md "Slow clients and
 * many connections"). node:http's own timeouts bound how long a request may take to arrive, head
 * and body together; a connection past the limit is answered 503 with the error envelope and
 * closed, rather than dropped without a word (node's `maxConnections` destroys the socket).
 */
import { randomBytes } from "node:crypto";
import type { RequestListener, Server } from "node:http";
import type { Socket } from "node:net";
import { ApiError, renderError } from "./core/errors.ts";

/** The defaults, chosen for a mock in CI: generous for any honest client, short for a stalled one. */
export const DEFAULT_LIMITS = {
  /** Open connections at once; the next one is answered 503 and closed. */
  maxConnections: 4096,
  /** The whole request, head and body, must arrive within this (node answers 408 and closes). */
  requestTimeoutMs: 30_000,
  /** The head alone must arrive within this (or within requestTimeoutMs, if shorter). */
  headersTimeoutMs: 10_000,
} as const;

export interface ConnectionLimits {
  maxConnections?: number;
  requestTimeoutMs?: number;
}

/** Applies the timeouts to the server and wraps the listener with the connection limit. */
export function limitConnections(server: Server, listener: RequestListener, limits: ConnectionLimits): RequestListener {
  const maxConnections = positive("maxConnections", limits.maxConnections ?? DEFAULT_LIMITS.maxConnections);
  const requestTimeoutMs = positive("requestTimeoutMs", limits.requestTimeoutMs ?? DEFAULT_LIMITS.requestTimeoutMs);
  server.requestTimeout = requestTimeoutMs;
  server.headersTimeout = Math.min(DEFAULT_LIMITS.headersTimeoutMs, requestTimeoutMs);

  const open = new Set<Socket>();
  const refused = new WeakSet<Socket>();
  server.on("connection", (socket: Socket) => {
    if (open.size >= maxConnections) {
      refused.add(socket);
      return;
    }
    open.add(socket);
    socket.once("close", () => open.delete(socket));
  });

  return (req, res) => {
    if (!refused.has(req.socket)) return listener(req, res);
    const requestId = `req_${randomBytes(8).toString("hex")}`;
    const { status, body } = renderError(new ApiError("service_unavailable", `Too many open connections (the limit is ${maxConnections}, --max-connections): try again`), requestId);
    const payload = JSON.stringify(body);
    res.writeHead(status, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": String(Buffer.byteLength(payload)),
      "X-Request-Id": requestId,
      "Retry-After": "1",
      Connection: "close",
    });
    res.end(payload);
  };
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1, not ${value}`);
  return value;
}
