/**
 * Reads a request body up to a limit, for any adapter built on node:http, when the core asks for it. A declared
 * Content-Length over the limit is refused before a byte is read; a body that grows past the
 * limit stops being buffered and the rest is drained, so the 413 still reaches the client.
 * (Listeners, not `for await`: leaving an async iterator early destroys the socket.)
 */
import type { IncomingMessage } from "node:http";
import type { PlainBody, Peer } from "../core/http-types.ts";

/**
 * The peer of a request, read from its socket. Call it as the request arrives, before any await:
 * once a socket is destroyed (a reset, junk after the request) its address reads as undefined,
 * which the control plane refuses (docs/security.md "Who may use the control plane").
 */
export function socketPeer(req: IncomingMessage): Peer {
  return { kind: "socket", address: req.socket.remoteAddress };
}

/** Buffers the body of `req`, or reports that it passed `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<PlainBody> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve({ kind: "too_large", limit });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (tooLarge) resolve({ kind: "too_large", limit });
      else resolve(size === 0 ? { kind: "none" } : { kind: "bytes", bytes: Buffer.concat(chunks, size) });
    });
    req.on("error", reject);
  });
}
