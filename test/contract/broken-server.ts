/**
 * A deliberately non-conforming server for the referees' negative tests (issue 6, point 4): a small
 * node:http proxy that forwards every request to a real mock and corrupts some of its answers, so
 * that Dredd, the Prism proxy and the conformance runner can each be shown to REPORT a broken
 * contract. A referee that cannot fail proves nothing.
 *
 * Everything is forwarded as is (method, path, query, headers, body, streaming), except:
 *  - answers the chosen corruptions apply to are buffered, changed and re-sent (Content-Length fixed);
 *  - the control plane (`/__mock/…`) is never corrupted, so test set-up through it keeps working.
 *
 * Usage:
 *   const broken = await startBrokenServer(mock.url);                      // default: "agent-fields"
 *   const broken = await startBrokenServer(mock.url, { corruptions: ["error-code"] });
 *   … point the referee at broken.url …
 *   await broken.close();
 */
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The corruptions on offer. Each breaks the contract of spec/openapi.yaml in one precise place:
 *
 * - `agent-fields`: agent answers (`/v1/agents`, `/v1/agents/{slug}`, not `/run`): drops `data.version`
 *   (of each agent in a list, too) and turns the upsert's `data.action` into `"made"` (not in the enum).
 * - `error-code`: every error answer's `error.code` becomes `"oops"` (not in the enum).
 * - `request-id-header`: drops the `X-Request-Id` header (required on every answer).
 * - `content-type`: JSON answers are labelled `text/plain`.
 * - `sse-frames`: in `text/event-stream` answers, drops `runId` from the `data:` JSON of every frame.
 */
export type Corruption = "agent-fields" | "error-code" | "request-id-header" | "content-type" | "sse-frames";

export const CORRUPTIONS: readonly Corruption[] = ["agent-fields", "error-code", "request-id-header", "content-type", "sse-frames"];

export interface BrokenServerOptions {
  /** Which corruptions to apply; default `["agent-fields"]`. */
  corruptions?: readonly Corruption[];
  /** Address to listen on; default 127.0.0.1, port 0 (any free port). */
  host?: string;
  port?: number;
}

export interface BrokenServer {
  /** `http://127.0.0.1:<port>`: point the referee here. */
  url: string;
  /** How many answers were corrupted so far (so a test can check the corruption really happened). */
  corrupted(): number;
  close(): Promise<void>;
}

/** The parts of an answer a corruption may change. */
interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"]);

function mediaType(headers: IncomingHttpHeaders): string {
  return String(headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
}

function isAgentPath(pathname: string): boolean {
  return /^\/v1\/agents(\/[^/]+)?\/?$/.test(pathname);
}

/** Does `corruption` apply to this answer at all (decides whether the answer is buffered)? */
function applies(corruption: Corruption, pathname: string, headers: IncomingHttpHeaders, status: number): boolean {
  const type = mediaType(headers);
  switch (corruption) {
    case "agent-fields":
      return type === "application/json" && status < 300 && isAgentPath(pathname);
    case "error-code":
      return type === "application/json" && status >= 400;
    case "request-id-header":
      return headers["x-request-id"] !== undefined;
    case "content-type":
      return type === "application/json";
    case "sse-frames":
      return type === "text/event-stream";
  }
}

/** Applies one corruption in place; answers whether it changed anything. */
function corrupt(corruption: Corruption, answer: Answer): boolean {
  switch (corruption) {
    case "agent-fields":
      return editJson(answer, (json) => {
        const data = (json as { data?: unknown }).data;
        let changed = false;
        for (const agent of Array.isArray(data) ? data : [data]) {
          if (!agent || typeof agent !== "object") continue;
          const record = agent as Record<string, unknown>;
          if ("version" in record) {
            delete record.version;
            changed = true;
          }
          if ("action" in record) {
            record.action = "made";
            changed = true;
          }
        }
        return changed;
      });
    case "error-code":
      return editJson(answer, (json) => {
        const error = (json as { error?: { code?: unknown } }).error;
        if (!error || typeof error !== "object") return false;
        error.code = "oops";
        return true;
      });
    case "request-id-header":
      delete answer.headers["x-request-id"];
      return true;
    case "content-type":
      answer.headers["content-type"] = "text/plain; charset=utf-8";
      return true;
    case "sse-frames": {
      let changed = false;
      const text = answer.body.toString("utf8").replace(/^data: ?(.*)$/gm, (line, payload: string) => {
        try {
          const data = JSON.parse(payload) as Record<string, unknown>;
          if (!("runId" in data)) return line;
          delete data.runId;
          changed = true;
          return `data: ${JSON.stringify(data)}`;
        } catch {
          return line;
        }
      });
      answer.body = Buffer.from(text, "utf8");
      return changed;
    }
  }
}

function editJson(answer: Answer, edit: (json: unknown) => boolean): boolean {
  let json: unknown;
  try {
    json = JSON.parse(answer.body.toString("utf8"));
  } catch {
    return false;
  }
  if (!edit(json)) return false;
  answer.body = Buffer.from(JSON.stringify(json), "utf8");
  return true;
}

function forwardHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
  return out;
}

/** Starts the proxy in front of `upstreamUrl` (e.g. a mock's `http://127.0.0.1:<port>`). */
export async function startBrokenServer(upstreamUrl: string, options: BrokenServerOptions = {}): Promise<BrokenServer> {
  const upstream = new URL(upstreamUrl);
  const corruptions = [...(options.corruptions ?? ["agent-fields"])];
  for (const c of corruptions) if (!CORRUPTIONS.includes(c)) throw new Error(`unknown corruption '${c}' (known: ${CORRUPTIONS.join(", ")})`);
  let corruptedCount = 0;

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? "/", "http://proxy").pathname;
    const control = pathname.startsWith("/__mock/");
    // The client's Host is kept, so self-links the upstream builds from it (an agent's `endpoint`)
    // point at this proxy, as they would behind any reverse proxy.
    const headers = forwardHeaders(req.headers);
    const outgoing = httpRequest(
      { protocol: upstream.protocol, hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        const status = answer.statusCode ?? 502;
        const active = control ? [] : corruptions.filter((c) => applies(c, pathname, answer.headers, status));
        if (active.length === 0) {
          // Untouched: stream it through (server-sent events keep flowing frame by frame).
          res.writeHead(status, answer.statusMessage, forwardHeaders(answer.headers));
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("error", () => res.destroy());
        answer.on("end", () => {
          const buffered: Answer = { status, headers: forwardHeaders(answer.headers), body: Buffer.concat(chunks) };
          let changed = false;
          for (const c of active) changed = corrupt(c, buffered) || changed;
          if (changed) corruptedCount += 1;
          buffered.headers["content-length"] = String(buffered.body.length);
          res.writeHead(buffered.status, buffered.headers);
          res.end(buffered.body);
        });
      },
    );
    outgoing.on("error", (error) => {
      if (!res.headersSent) {
        res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
        res.end(`broken-server: upstream ${upstreamUrl} failed: ${error.message}\n`);
      } else res.destroy();
    });
    // A client that goes away mid-answer (e.g. a cancelled stream) takes the upstream request with it.
    res.on("close", () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    // The request is read whole before it is forwarded, as Prism's proxy does: this proxy corrupts
    // answers, and an upstream that answers early (a 401 or 413 from the request's head) must not
    // race the rest of a body still being written to it.
    // It goes on with the client's own framing: `end(body)` alone would add a Content-Length the
    // client never sent, and an upstream that refuses a declared length at once (413) then closes
    // while the rest of the body is still being written to it (the upload limit's case read a 502).
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      if (body.length > 0) outgoing.write(body);
      outgoing.end();
    });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    corrupted: () => corruptedCount,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
