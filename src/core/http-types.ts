/**
 * The plain request and response the core works on (DESIGN.md principle 5): no framework types,
 * so any adapter (Express, bare node:http, an in-process test client) is a small file.
 */

/** Header values as Node gives them: lower-cased names, repeated headers as arrays. */
export type PlainHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The request body as read by the adapter, or the fact that it passed the size limit. */
export type PlainBody = { kind: "bytes"; bytes: Buffer } | { kind: "too_large"; limit: number } | { kind: "none" };

/**
 * Reads the body when the core asks for it: only after routing and authentication, only for an
 * operation that takes a body, and only up to that operation's limit (docs/security.md
 * "Request bodies"). Nothing is buffered before then, so an unauthenticated client cannot make
 * the mock hold its upload. A limit of 0 keeps nothing: the body is drained without being
 * buffered (what the pipeline asks for an operation that takes no body).
 */
export type BodyReader = (limit: number) => Promise<PlainBody>;

/**
 * Where a request came from, taken from the socket when the request arrived (never later: a
 * destroyed socket has no address). `in-process` is a caller that holds the mock itself and has
 * no socket at all (a test calling `mock.handle`); it must say so, an unknown address is not it.
 */
export type Peer = { kind: "socket"; address: string | undefined } | { kind: "in-process" };

/** What an adapter hands to the core. */
export interface PlainRequest {
  method: string;
  /** The path below the mount point, without the query string, still percent-encoded. */
  path: string;
  query: URLSearchParams;
  headers: PlainHeaders;
  body: BodyReader;
  /** Base URL the client called (scheme, host and mount path), used for self-links. */
  baseUrl: string;
  /** Who sent it (the control plane answers loopback peers, and in-process callers, only). */
  peer: Peer;
}

/** A body already in memory (an in-process caller, a test), read like an adapter's: over the limit is `too_large`. */
export function bufferedBody(bytes: Buffer | string | undefined): BodyReader {
  const buffer = typeof bytes === "string" ? Buffer.from(bytes) : bytes;
  return (limit) => {
    if (buffer === undefined || buffer.length === 0) return Promise.resolve({ kind: "none" });
    return Promise.resolve(buffer.length > limit ? { kind: "too_large", limit } : { kind: "bytes", bytes: buffer });
  };
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
