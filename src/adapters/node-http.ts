/**
 * The lean adapter: a `node:http` request listener straight onto the core, with no framework in
 * between. The standalone server (`npm start`, `listen()`, `startMockServer()`) uses it because a
 * framework's per-request work costs more than the whole core: measured here, Express 5 alone
 * serves 15–25% of what bare node:http does (README "Performance"). The Express adapter stays the
 * way to mount the mock inside a host app; both pass the same black-box suite (vitest.config.ts).
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { renderError } from "../core/errors.ts";
import type { PlainRequest } from "../core/http-types.ts";
import { createMock, type Mock } from "../mock.ts";
import type { MockOptions } from "../config.ts";
import { readBody, socketPeer } from "./read-body.ts";
import { writeResponse } from "./write-response.ts";

/** A request listener for `http.createServer()` that serves the RunTools API. */
export function createRequestListener(options: MockOptions | Mock = {}): RequestListener {
  const mock = "handle" in options ? options : createMock(options);
  return (req, res) => {
    serve(mock, req, res).catch((error: unknown) => fail(mock, res, error));
  };
}

async function serve(mock: Mock, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = toPlainRequest(mock, req);
  await writeResponse(res, await mock.handle(request));
}

/** Synchronous on purpose: the peer is taken while the socket is surely open (docs/security.md). */
function toPlainRequest(mock: Mock, req: IncomingMessage): PlainRequest {
  const peer = socketPeer(req);
  const target = req.url ?? "/";
  const queryAt = target.indexOf("?");
  // The path stays percent-encoded, as the core expects; a target that is a full URL
  // (`GET http://host/v1/agents`, proxy form) is reduced to its path.
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  return {
    method: req.method ?? "GET",
    path: path.startsWith("/") ? path : new URL(path, "http://mock.invalid").pathname,
    query: new URLSearchParams(queryAt === -1 ? "" : target.slice(queryAt + 1)),
    headers: req.headers,
    body: (limit) => readBody(req, limit),
    baseUrl: mock.config.publicUrl ?? `http://${req.headers.host ?? "127.0.0.1"}`,
    peer,
  };
}

/**
 * The core renders every error it knows of; reaching here means the socket failed mid-answer
 * (or a bug escaped the core). Answer a bare 500 if nothing has been sent yet, else cut the line.
 */
function fail(mock: Mock, res: ServerResponse, error: unknown): void {
  mock.config.log(`unhandled error: ${(error as Error)?.stack ?? String(error)}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const requestId = `req_${randomBytes(8).toString("hex")}`;
  const { status, body } = renderError(error, requestId);
  void writeResponse(res, { status, headers: { "X-Request-Id": requestId, "Content-Type": "application/json; charset=utf-8" }, body });
}
