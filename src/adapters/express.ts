/**
 * The Express adapter: a middleware to mount in a host app (`app.use(runtoolsMock())`, or under a
 * prefix, `app.use("/runtools", runtoolsMock())`). Everything it does is translate: the behaviour
 * lives in the core, which never imports Express.
 *
 * It needs nothing from Express at run time and its types need nothing from @types/express: it
 * is a plain `(req, res, next)` function over node:http's types, reading the two things Express
 * adds (`baseUrl`, where it is mounted, and `body`, when the host parsed it first) when present.
 * So a consumer type-checks without @types/express, and Express 4 or 5 can mount it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PlainBody, PlainRequest } from "../core/http-types.ts";
import { createMock, type Mock } from "../mock.ts";
import type { MockOptions } from "../config.ts";
import { readBody, socketPeer } from "./read-body.ts";
import { splitRequestTarget } from "./request-target.ts";
import { answerUnhandled, writeResponse } from "./write-response.ts";

/** A connect-style middleware; `app.use()` of Express 4 and 5 accepts it. */
export type RunToolsMiddleware = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** What Express adds to a request, when it is there. */
interface MountedRequest extends IncomingMessage {
  baseUrl?: string;
  body?: unknown;
  protocol?: string;
}

/** A middleware that serves the RunTools API; pass options, or a mock built with createMock. */
export function runtoolsMock(options: MockOptions | Mock = {}): RunToolsMiddleware {
  const mock = "handle" in options ? options : createMock(options);
  return (req, res) => {
    // Not the host's error handler (Express's default is an HTML page with a stack trace): the
    // error envelope, as node:http's adapter answers.
    void serve(mock, req as MountedRequest, res).catch((error: unknown) => answerUnhandled(mock.config.log, res, error));
  };
}

async function serve(mock: Mock, req: MountedRequest, res: ServerResponse): Promise<void> {
  const request = toPlainRequest(req, mock);
  await writeResponse(res, await mock.handle(request));
}

/** Synchronous on purpose: the peer is taken while the socket is surely open (docs/security.md). */
function toPlainRequest(req: MountedRequest, mock: Mock): PlainRequest {
  const peer = socketPeer(req);
  // req.url is relative to where the middleware is mounted; split it as node:http's adapter does
  // (a WHATWG URL would resolve `..` and `%2e%2e` into another route, and read `//x` as a host).
  const { path, query } = splitRequestTarget(req.url ?? "/");
  const protocol = req.protocol ?? ("encrypted" in req.socket && req.socket.encrypted ? "https" : "http");
  return {
    method: req.method ?? "GET",
    path,
    query,
    headers: req.headers,
    body: (limit) => bodyOf(req, limit),
    baseUrl: mock.config.publicUrl ?? `${protocol}://${req.headers.host ?? "127.0.0.1"}${req.baseUrl ?? ""}`,
    peer,
  };
}

/** A host app may have parsed the body already (express.json() mounted first): reuse it. */
async function bodyOf(req: MountedRequest, limit: number): Promise<PlainBody> {
  const parsed: unknown = req.body;
  if (parsed !== undefined && req.readableEnded) {
    const bytes = Buffer.from(JSON.stringify(parsed));
    return bytes.length > limit ? { kind: "too_large", limit } : { kind: "bytes", bytes };
  }
  return readBody(req, limit);
}
