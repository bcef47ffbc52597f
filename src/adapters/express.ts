/**
 * The Express 5 adapter: a mountable router (`app.use(runtoolsMock())`, or under a prefix,
 * `app.use("/runtools", runtoolsMock())`) and the app the CLI serves. Everything it does is
 * translate: the behaviour lives in the core, which never imports Express.
 */
import express, { type Express, type Request, type Response, type Router } from "express";
import type { PlainBody, PlainRequest } from "../core/http-types.ts";
import { createMock, type Mock } from "../mock.ts";
import type { MockOptions } from "../config.ts";
import { readBody, socketPeer } from "./read-body.ts";
import { splitRequestTarget } from "./request-target.ts";
import { answerUnhandled, writeResponse } from "./write-response.ts";

/** A router that serves the RunTools API; pass options, or a mock built with createMock. */
export function runtoolsMock(options: MockOptions | Mock = {}): Router {
  const mock = "handle" in options ? options : createMock(options);
  const router = express.Router();
  router.use(async (req: Request, res: Response) => {
    try {
      const plain = toPlainRequest(req, mock);
      await writeResponse(res, await mock.handle(plain));
    } catch (error) {
      // Not Express's default handler: its HTML page (with a stack trace) is no error envelope.
      answerUnhandled(mock.config.log, res, error);
    }
  });
  return router;
}

/** An Express app that serves only the mock (what `npm start` runs). */
export function createApp(options: MockOptions | Mock = {}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.disable("etag");
  app.use(runtoolsMock(options));
  return app;
}

/** Synchronous on purpose: the peer is taken while the socket is surely open (docs/security.md). */
function toPlainRequest(req: Request, mock: Mock): PlainRequest {
  const peer = socketPeer(req);
  // req.url is relative to where the router is mounted; split it as node:http's adapter does
  // (a WHATWG URL would resolve `..` and `%2e%2e` into another route, and read `//x` as a host).
  const { path, query } = splitRequestTarget(req.url);
  return {
    method: req.method,
    path,
    query,
    headers: req.headers,
    body: (limit) => bodyOf(req, limit),
    baseUrl: mock.config.publicUrl ?? `${req.protocol}://${req.get("host") ?? "127.0.0.1"}${req.baseUrl}`,
    peer,
  };
}

/** A host app may have parsed the body already (express.json() mounted first): reuse it. */
async function bodyOf(req: Request, limit: number): Promise<PlainBody> {
  const parsed: unknown = req.body;
  if (parsed !== undefined && req.readableEnded) {
    const bytes = Buffer.from(JSON.stringify(parsed));
    return bytes.length > limit ? { kind: "too_large", limit } : { kind: "bytes", bytes };
  }
  return readBody(req, limit);
}
