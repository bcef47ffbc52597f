/**
 * `runtools-mock/client`: a typed client for the RunTools API (the real one or this mock).
 *
 *   const api = createRunToolsClient({ baseUrl: mock.url, apiKey: "rt_test_demo" });
 *   const { data, error } = await api.POST("/v1/sandboxes", { body: { name: "build-runner" } });
 *   for await (const event of await api.streamRun({ agent: "code-assistant", prompt: "hi" })) …
 *
 * The requests and answers are openapi-fetch's over `paths` (src/types.ts: request bodies leave
 * documented defaults out). A streamed run is `text/event-stream`, which a generated client
 * cannot read; `streamRun` parses it with eventsource-parser and yields `RunStreamEvent`s.
 */
import createClient, { type Client } from "openapi-fetch";
import type { paths, RequestBody } from "../types.ts";
import { openRunStream, type RunStream, type StreamOptions } from "./run-stream.ts";

export { RunToolsApiError, type RunStream, type StreamOptions } from "./run-stream.ts";

/** Where the API is and who calls it. */
export interface RunToolsClientOptions {
  /** The API's base URL: the mock's (`mock.url`, `http://127.0.0.1:4010`) or `https://api.runtools.ai`. */
  baseUrl: string;
  /** Sent as `X-API-Key` on every request (the API's documented header). */
  apiKey: string;
  /** Another fetch: a `createFetchHandler()` to call the mock with no server at all, or a test double. */
  fetch?: (request: Request) => Promise<Response>;
  /** More headers for every request. */
  headers?: Record<string, string>;
}

/** openapi-fetch's client over the RunTools API, and the run streams it cannot read. */
export interface RunToolsClient extends Client<paths> {
  /** `POST /v1/run` as a stream: the run's ids, then its events as they arrive. */
  streamRun(body: RequestBody<"runAgent">, options?: StreamOptions): Promise<RunStream>;
  /** `POST /v1/agents/{slug}/run` (the older form, the agent named in the path) as a stream. */
  streamAgentRun(slug: string, body: RequestBody<"runAgentLegacy">, options?: StreamOptions): Promise<RunStream>;
}

/** A client whose every request carries the API key. */
export function createRunToolsClient(options: RunToolsClientOptions): RunToolsClient {
  const headers = { ...options.headers, "X-API-Key": options.apiKey };
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const fetcher = options.fetch ?? ((request: Request) => fetch(request));
  const client = createClient<paths>({ baseUrl, headers, fetch: fetcher });
  const stream = (path: string, body: unknown, streamOptions: StreamOptions = {}) =>
    openRunStream(fetcher, new Request(`${baseUrl}${path}`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(body),
      ...(streamOptions.signal ? { signal: streamOptions.signal } : {}),
    }));
  return Object.assign(client, {
    streamRun: (body: RequestBody<"runAgent">, streamOptions?: StreamOptions) => stream("/v1/run", { ...body, stream: true }, streamOptions),
    streamAgentRun: (slug: string, body: RequestBody<"runAgentLegacy">, streamOptions?: StreamOptions) =>
      stream(`/v1/agents/${encodeURIComponent(slug)}/run`, { ...body, stream: true }, streamOptions),
  });
}
