/**
 * Reads a run's `text/event-stream` answer (POST /v1/run, docs: /api-reference/agents/stream)
 * into typed events. The framing is eventsource-parser's (the WHATWG EventSource rules: CRLF,
 * comments, multi-line data, retry), not a hand-written split on blank lines.
 */
import { EventSourceParserStream } from "eventsource-parser/stream";
import type { ErrorResponse, RunStreamEvent } from "../types.ts";

/** Options of a streamed run. */
export interface StreamOptions {
  /** Aborting it closes the stream; the mock then records the run as `cancelled`. */
  signal?: AbortSignal;
}

/** A run being streamed: its ids (from the answer's headers), then its events. */
export interface RunStream extends AsyncIterable<RunStreamEvent> {
  /** `X-Run-ID`: the run, for `POST /v1/run/{id}/cancel`. */
  runId: string | undefined;
  /** `X-Thread-ID`: the thread the run belongs to. */
  threadId: string | undefined;
  /** `X-Request-Id`. */
  requestId: string | undefined;
  response: Response;
}

/** A refused request: the status and the API's error envelope. */
export class RunToolsApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse | undefined,
  ) {
    super(`RunTools API answered ${status}${body?.error ? `: ${body.error.code}: ${body.error.message}` : ""}`);
    this.name = "RunToolsApiError";
  }
}

/** Sends the request; a non-2xx answer or a non-stream body rejects with RunToolsApiError. */
export async function openRunStream(fetcher: (request: Request) => Promise<Response>, request: Request): Promise<RunStream> {
  const response = await fetcher(request);
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok || !type.startsWith("text/event-stream") || !response.body) {
    const body = type.includes("json") ? ((await response.json()) as ErrorResponse) : undefined;
    throw new RunToolsApiError(response.status, body);
  }
  const body = response.body;
  return {
    runId: response.headers.get("x-run-id") ?? undefined,
    threadId: response.headers.get("x-thread-id") ?? undefined,
    requestId: response.headers.get("x-request-id") ?? undefined,
    response,
    [Symbol.asyncIterator]: () => events(body),
  };
}

async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<RunStreamEvent> {
  const messages = body.pipeThrough(new TextDecoderStream()).pipeThrough(new EventSourceParserStream());
  const reader = messages.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      // Every frame's `data:` is one RunStreamEvent whose `type` is the frame's `event:` name.
      yield JSON.parse(value.data) as RunStreamEvent;
    }
  } finally {
    // Leaving the loop early (break, an exception) closes the stream, as a client disconnecting.
    await reader.cancel().catch(() => undefined);
  }
}
