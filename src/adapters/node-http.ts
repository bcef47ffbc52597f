/**
 * The lean adapter: a `node:http` request listener straight onto the core, with no framework in
 * between. The standalone server (`npm start`, `listen()`, `startMockServer()`) uses it because a
 * framework's per-request work costs more than the whole core: measured here, Express 5 alone
 * serves 15–25% of what bare node:http does (docs/performance.md). The Express adapter stays the
 * way to mount the mock inside a host app; both pass the same black-box suite (vitest.config.ts).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { PlainRequest } from "../core/http-types.ts";
import { createMock, type Mock } from "../mock.ts";
import type { MockOptions } from "../config.ts";
import { readBody, socketPeer } from "./read-body.ts";
import { splitRequestTarget } from "./request-target.ts";
import { answerUnhandled, writeResponse } from "./write-response.ts";

/** A request listener for `http.createServer()` that serves the RunTools API. */
export function createRequestListener(options: MockOptions | Mock = {}): RequestListener {
  const mock = "handle" in options ? options : createMock(options);
  return (req, res) => {
    serve(mock, req, res).catch((error: unknown) => answerUnhandled(mock.config.log, res, error));
  };
}

async function serve(mock: Mock, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const request = toPlainRequest(mock, req);
  await writeResponse(res, await mock.handle(request));
}

/** Synchronous on purpose: the peer is taken while the socket is surely open (docs/security.md). */
function toPlainRequest(mock: Mock, req: IncomingMessage): PlainRequest {
  const peer = socketPeer(req);
  const { path, query } = splitRequestTarget(req.url ?? "/");
  return {
    method: req.method ?? "GET",
    path,
    query,
    headers: req.headers,
    body: (limit) => readBody(req, limit),
    baseUrl: mock.config.publicUrl ?? `http://${req.headers.host ?? "127.0.0.1"}`,
    peer,
  };
}
