/**
 * The WHATWG fetch adapter: the stateful mock as `(request: Request) => Promise<Response>`, with
 * no port. The same core, validation and state as the node:http listener, for anything that
 * speaks fetch: MSW (`http.all("https://api.runtools.ai/*", ({ request }) => handler(request))`),
 * hono, Next.js route handlers, Bun, Deno, or openapi-fetch's own `fetch` option.
 */
import { renderError } from "../core/errors.ts";
import type { EventStream, PlainBody, PlainRequest, PlainResponse } from "../core/http-types.ts";
import { formatEvent } from "../core/sse.ts";
import { createMock, type Mock } from "../mock.ts";
import { jsonText } from "../core/json-text.ts";
import type { MockOptions } from "../config.ts";

/** What `createFetchHandler` takes besides the mock's options. */
export interface FetchHandlerOptions extends MockOptions {
  /**
   * The caller's address, when the host knows it (Bun's `server.requestIP`, a proxy header you
   * trust). Without it a request counts as in-process, which the control plane (`/__mock/`)
   * admits like a loopback client: set it, or `adminToken`, before exposing the handler publicly.
   */
  clientAddress?: (request: Request) => string | undefined;
}

/** The mock as a fetch handler; `handler.mock` is the mock itself (state, journal). */
export interface FetchHandler {
  (request: Request): Promise<Response>;
  mock: Mock;
}

/** Builds a mock and answers WHATWG Requests with it. */
export function createFetchHandler(options: FetchHandlerOptions = {}): FetchHandler {
  const { clientAddress, ...mockOptions } = options;
  const mock = createMock(mockOptions);
  const handler = async (request: Request): Promise<Response> => {
    try {
      return toResponse(await mock.handle(toPlainRequest(mock, request, clientAddress?.(request))));
    } catch (error) {
      // The core renders every error it knows of; this is the last resort, as in node-http.ts.
      mock.config.log(`unhandled error: ${(error as Error)?.stack ?? String(error)}`);
      const { status, body } = renderError(error, `req_${crypto.randomUUID().replaceAll("-", "").slice(0, 16)}`);
      return Response.json(body, { status });
    }
  };
  return Object.assign(handler, { mock });
}

/** Synchronous up to the body, which the core reads after routing and auth (docs/security.md). */
function toPlainRequest(mock: Mock, request: Request, remoteAddress: string | undefined): PlainRequest {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => (headers[name] = value));
  return {
    method: request.method,
    // URL keeps the path percent-encoded, as the core expects.
    path: url.pathname,
    query: url.searchParams,
    headers,
    body: (limit) => requestBody(request, limit),
    baseUrl: mock.config.publicUrl ?? url.origin,
    // A host that knows the caller's address says so; otherwise the caller holds the handler in process.
    peer: remoteAddress !== undefined ? { kind: "socket", address: remoteAddress } : { kind: "in-process" },
  };
}

/**
 * The request body, or the fact that it passed `limit` bytes. The one place this adapter reads
 * a body: a declared Content-Length over the limit is refused unread, and reading stops as soon
 * as the limit is passed.
 */
export async function requestBody(request: Request, limit: number): Promise<PlainBody> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return { kind: "too_large", limit };
  if (!request.body) return { kind: "none" };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: a host's stream may settle its cancel only once the answer is sent (MSW's does).
      reader.cancel().catch(() => undefined);
      return { kind: "too_large", limit };
    }
    chunks.push(value);
  }
  return size === 0 ? { kind: "none" } : { kind: "bytes", bytes: Buffer.concat(chunks, size) };
}

function toResponse(response: PlainResponse): Response {
  // An injected connection reset: fetch's network error (MSW's HttpResponse.error()).
  if (response.reset) return Response.error();
  const headers = new Headers(response.headers);
  if (response.stream) {
    headers.set("Cache-Control", "no-cache");
    return new Response(eventStream(response.stream), { status: response.status, headers });
  }
  if (response.raw) {
    headers.set("Content-Type", response.raw.contentType);
    return new Response(response.raw.bytes, { status: response.status, headers });
  }
  if (response.body === undefined) return new Response(null, { status: response.status, headers });
  return new Response(jsonText(response.body), { status: response.status, headers });
}

/** A stream of SSE frames; cancelling it (the client went away) aborts the producer. */
function eventStream(stream: EventStream): ReadableStream<Uint8Array> {
  const gone = new AbortController();
  const encoder = new TextEncoder();
  let pulled: (() => void) | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = async (event: Parameters<Parameters<EventStream>[0]>[0]) => {
        if (gone.signal.aborted) return;
        controller.enqueue(encoder.encode(formatEvent(event)));
        // Back-pressure: wait for the reader once the queue is full.
        if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (pulled = resolve));
      };
      stream(send, gone.signal).then(
        () => {
          if (!gone.signal.aborted) controller.close();
        },
        (error: unknown) => {
          // The status line has gone: cutting the stream short is the only signal left.
          if (!gone.signal.aborted) controller.error(error);
        },
      );
    },
    pull() {
      pulled?.();
      pulled = undefined;
    },
    cancel() {
      gone.abort();
      pulled?.();
    },
  });
}
