/**
 * The plain request and response the core works on (DESIGN.md principle 5): no framework types,
 * so any adapter (Express, bare node:http, an in-process test client) is a small file.
 */

/** Header values as Node gives them: lower-cased names, repeated headers as arrays. */
export type PlainHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The request body as read by the adapter, or the fact that it passed the size limit. */
export type PlainBody = { kind: "bytes"; bytes: Buffer } | { kind: "too_large"; limit: number } | { kind: "none" };

/** What an adapter hands to the core. */
export interface PlainRequest {
  method: string;
  /** The path below the mount point, without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: PlainHeaders;
  body: PlainBody;
  /** Base URL the client called (scheme, host and mount path), used for self-links. */
  baseUrl: string;
  /** The peer's address, when the adapter knows it (the control plane answers loopback only). */
  remoteAddress?: string;
}

/** One server-sent event: `id:`, `event:` and a JSON `data:` line. */
export interface ServerSentEvent {
  id?: string;
  event: string;
  data: unknown;
}

/**
 * A response body produced over time (text/event-stream). The producer calls `send` for each
 * event (awaiting it applies back-pressure) and stops when `signal` aborts, which is how it
 * learns that the client went away.
 */
export type EventStream = (send: (event: ServerSentEvent) => Promise<void>, signal: AbortSignal) => Promise<void>;

/** Bytes sent as they are (a page, a script, a style sheet), with the media type that names them. */
export interface RawBody {
  contentType: string;
  bytes: Uint8Array;
}

/**
 * What the core hands back: a JSON body, an event stream, raw bytes, or none of them. JSON and
 * streams are validated against the spec; raw bytes belong to no contract (the inspector's files).
 */
export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  stream?: EventStream;
  raw?: RawBody;
  /** Close the connection without answering (an injected fault); status and headers are unused. */
  reset?: boolean;
}

/** Reads one header as a single string (the first value of a repeated header). */
export function headerValue(headers: PlainHeaders, name: string): string | undefined {
  const value = headers[name];
  return typeof value === "string" ? value : value?.[0];
}
