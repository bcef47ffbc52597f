/**
 * One HTTP exchange with the server under test, and its check against the contract: the route
 * names the operation, the status must be one the operation documents, the declared headers
 * must be present and valid, the content type must be a declared media type, and the body must
 * validate against the status's schema — for `text/event-stream`, every frame's `data` against
 * the operation's event schema, and the stream must end.
 */
import type { Contract } from "./contract.ts";

/** One parsed server-sent event. */
export interface SseFrame {
  id: string | undefined;
  event: string;
  /** The frame's `data:` lines joined. */
  rawData: string;
  /** `rawData` parsed as JSON (undefined when it is not JSON). */
  data: any;
}

/** A request as a case describes it. */
export interface RequestOptions {
  /** A JSON body (sent with `Content-Type: application/json` unless headers say otherwise). */
  body?: unknown;
  /** A body sent as is; a stream goes out chunked, without a Content-Length (the server counts it as it comes). */
  raw?: string | Uint8Array | ReadableStream<Uint8Array>;
  headers?: Record<string, string>;
  /** The API key: undefined → the run's key, null → no key at all. */
  key?: string | null;
}

/** A response as the cases see it, with what the contract check found. */
export interface Exchange {
  method: string;
  path: string;
  /** The operation the path and method route to (undefined: not an operation of the spec). */
  operationId: string | undefined;
  status: number;
  headers: Headers;
  contentType: string;
  /** The JSON body (undefined for a stream or an empty body). */
  body: any;
  /** The bytes, for an application/octet-stream answer (a download). */
  bytes?: Uint8Array;
  /** The frames, for a text/event-stream answer. */
  frames?: SseFrame[];
  /** Contract violations of this response (empty when it conforms). */
  violations: string[];
  durationMs: number;
}

/** What every exchange needs to know. */
export interface HttpSettings {
  baseUrl: string;
  apiKey: string;
  /** Longest wait for a whole response, a stream included. */
  timeoutMs: number;
}

/** Sends one request and checks its response against the contract. */
export async function exchange(contract: Contract, settings: HttpSettings, method: string, path: string, options: RequestOptions = {}): Promise<Exchange> {
  const headers: Record<string, string> = { ...options.headers };
  const has = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
  const key = options.key === undefined ? settings.apiKey : options.key;
  if (key !== null && !has("x-api-key") && !has("authorization")) headers["X-API-Key"] = key;
  let body: string | Uint8Array | ReadableStream<Uint8Array> | undefined = options.raw;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!has("content-type")) headers["Content-Type"] = "application/json";
  }
  const started = Date.now();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), settings.timeoutMs);
  const violations: string[] = [];
  try {
    const streamed = body instanceof ReadableStream ? { duplex: "half" } : {};
    const response = await fetch(new URL(path, settings.baseUrl), { method, headers, signal: abort.signal, ...(body !== undefined ? { body } : {}), ...streamed } as RequestInit);
    const contentType = response.headers.get("content-type") ?? "";
    let parsed: unknown;
    let frames: SseFrame[] | undefined;
    let bytes: Uint8Array | undefined;
    if (mediaType(contentType) === "application/octet-stream") {
      // Raw bytes (a downloaded file): kept as they are, never read as JSON.
      bytes = new Uint8Array(await response.arrayBuffer());
    } else if (mediaType(contentType) === "text/event-stream") {
      const read = await readFrames(response, abort.signal, settings.timeoutMs);
      frames = read.frames;
      violations.push(...read.problems);
    } else {
      let text = "";
      try {
        text = await response.text();
      } catch (error) {
        violations.push(abort.signal.aborted ? `the body did not arrive within ${settings.timeoutMs} ms` : `the body broke off: ${(error as Error).message}`);
      }
      if (text !== "") {
        try {
          parsed = JSON.parse(text);
        } catch (error) {
          violations.push(`the body is not JSON (${(error as Error).message}): ${text.slice(0, 200)}`);
        }
      }
    }
    const result: Exchange = {
      method,
      path,
      operationId: undefined,
      status: response.status,
      headers: response.headers,
      contentType,
      body: parsed,
      ...(frames ? { frames } : {}),
      ...(bytes ? { bytes } : {}),
      violations,
      durationMs: Date.now() - started,
    };
    checkAgainstContract(contract, result);
    return result;
  } catch (error) {
    throw new Error(`${method} ${path}: ${abort.signal.aborted ? `no response within ${settings.timeoutMs} ms` : (error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The media type of a Content-Type value, lower-cased, without parameters. */
export function mediaType(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

/** Adds to `ex.violations` everything in the response that the contract does not allow. */
export function checkAgainstContract(contract: Contract, ex: Exchange): void {
  const v = ex.violations;
  const route = contract.routes.match(ex.method, new URL(ex.path, "http://x").pathname);
  if (route.kind !== "found") {
    v.push(`${ex.method} ${ex.path} is not an operation of the spec`);
    return;
  }
  const op = route.operation;
  ex.operationId = op.operationId;
  const response = op.responses.get(ex.status);
  if (!response) {
    v.push(`${op.operationId} answered ${ex.status}, a status the spec does not document (documented: ${[...op.responses.keys()].join(", ")})`);
    return;
  }

  // Headers the status declares.
  for (const rule of contract.headers(op.operationId, ex.status)) {
    const value = ex.headers.get(rule.name);
    if (value === null) {
      if (rule.required) v.push(`/header/${rule.name} is required`);
      continue;
    }
    for (const d of rule.check(value)) v.push(`${d.path} ${d.message} (got ${JSON.stringify(value)})`);
  }

  // Media type and body.
  const declaredTypes = [...response.content.keys()];
  const type = mediaType(ex.contentType);
  if (declaredTypes.length === 0) {
    if (ex.body !== undefined) v.push(`${op.operationId} ${ex.status} declares no body, but one was sent`);
    return;
  }
  if (!declaredTypes.includes(type)) {
    v.push(`Content-Type '${ex.contentType}' is not a declared media type of ${op.operationId} ${ex.status} (${declaredTypes.join(", ")})`);
    return;
  }
  const validators = contract.validators(op.operationId);
  if (type === "application/json") {
    if (ex.body === undefined) {
      if (!v.some((m) => m.startsWith("the body"))) v.push("the JSON body is empty");
      return;
    }
    const check = validators.responses.get(ex.status);
    if (check) for (const d of check(ex.body)) v.push(`${d.path} ${d.message}`);
    checkCorrelation(ex);
  } else if (type === "text/event-stream") {
    const check = validators.events.get(ex.status);
    if (!check) {
      v.push(`${op.operationId} ${ex.status} declares text/event-stream without an event schema`);
      return;
    }
    checkFrames(ex, check, STREAM_BOUNDS[op.operationId] ?? RUN_STREAM);
  }
}

/** The ids the headers repeat from the body (spec: X-Request-Id, X-Run-ID, X-Thread-ID). */
function checkCorrelation(ex: Exchange): void {
  const body = ex.body as { meta?: { requestId?: unknown }; error?: { requestId?: unknown }; data?: { runId?: unknown; threadId?: unknown } };
  const requestId = ex.headers.get("x-request-id");
  const bodyRequestId = body?.meta?.requestId ?? body?.error?.requestId;
  if (requestId !== null && bodyRequestId !== undefined && bodyRequestId !== requestId) {
    v(ex, `/header/X-Request-Id '${requestId}' differs from the body's requestId '${String(bodyRequestId)}'`);
  }
  const runId = ex.headers.get("x-run-id");
  if (runId !== null && body?.data?.runId !== undefined && body.data.runId !== runId) v(ex, `/header/X-Run-ID '${runId}' differs from /body/data/runId '${String(body.data.runId)}'`);
  const threadId = ex.headers.get("x-thread-id");
  if (threadId !== null && body?.data?.threadId !== undefined && body.data.threadId !== threadId) {
    v(ex, `/header/X-Thread-ID '${threadId}' differs from /body/data/threadId '${String(body.data.threadId)}'`);
  }
}

function v(ex: Exchange, message: string): void {
  ex.violations.push(message);
}

/** The documented first frame and possible last frames of a stream. */
interface StreamBounds {
  first: string;
  last: readonly string[];
}

/** A run's stream (spec RunAnswer); the default for every streaming operation not listed below. */
const RUN_STREAM: StreamBounds = { first: "run_started", last: ["run_completed", "run_dispatched"] };

/** Streams of other shapes, by operation (spec/paths/installable-agents.yaml chatWithInstall). */
const STREAM_BOUNDS: Record<string, StreamBounds> = { chatWithInstall: { first: "chat_started", last: ["chat_completed"] } };

/** The frames of a stream: each `data` valid, `type` = `event:`, ids 1…n, documented first and last frames. */
function checkFrames(ex: Exchange, check: (value: unknown) => { path: string; message: string }[], bounds: StreamBounds): void {
  const frames = ex.frames ?? [];
  if (frames.length === 0) {
    v(ex, "the stream sent no frame");
    return;
  }
  const runId = ex.headers.get("x-run-id");
  frames.forEach((frame, index) => {
    const where = `frame ${index + 1} (${frame.event})`;
    if (frame.data === undefined) {
      v(ex, `${where}: data is not JSON: ${frame.rawData.slice(0, 200)}`);
      return;
    }
    for (const d of check(frame.data)) v(ex, `${where}: ${d.path} ${d.message}`);
    if (frame.data?.type !== frame.event) v(ex, `${where}: data.type '${String(frame.data?.type)}' differs from the event name '${frame.event}'`);
    if (frame.id !== String(index + 1)) v(ex, `${where}: id is '${String(frame.id)}', expected '${index + 1}' (frames count from 1)`);
    if (runId !== null && frame.data?.runId !== undefined && frame.data.runId !== runId) v(ex, `${where}: runId '${String(frame.data.runId)}' differs from X-Run-ID '${runId}'`);
  });
  const first = frames[0]?.event;
  const last = frames[frames.length - 1]?.event;
  if (first !== bounds.first) v(ex, `the first frame is '${String(first)}', expected ${bounds.first}`);
  if (!bounds.last.includes(String(last))) v(ex, `the last frame is '${String(last)}', expected ${bounds.last.join(" or ")}`);
}

/** Reads a whole event stream; the problems say why it did not end properly. */
async function readFrames(response: Response, signal: AbortSignal, timeoutMs: number): Promise<{ frames: SseFrame[]; problems: string[] }> {
  const frames: SseFrame[] = [];
  const problems: string[] = [];
  if (!response.body) return { frames, problems: ["the stream has no body"] };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
      const parsed = parseFrames(buffer);
      buffer = parsed.rest;
      frames.push(...parsed.frames);
    }
  } catch (error) {
    problems.push(signal.aborted ? `the stream did not end within ${timeoutMs} ms` : `the stream broke off: ${(error as Error).message}`);
    await reader.cancel().catch(() => undefined);
    return { frames, problems };
  }
  if (buffer.trim() !== "") problems.push(`the stream ends inside a frame: ${JSON.stringify(buffer.slice(0, 200))}`);
  return { frames, problems };
}

/** Parses the complete frames out of a buffer (comment-only blocks are skipped). */
export function parseFrames(buffer: string): { frames: SseFrame[]; rest: string } {
  const frames: SseFrame[] = [];
  let rest = buffer;
  for (let end = rest.indexOf("\n\n"); end !== -1; end = rest.indexOf("\n\n")) {
    const block = rest.slice(0, end);
    rest = rest.slice(end + 2);
    let id: string | undefined;
    let event = "message";
    const data: string[] = [];
    let fields = 0;
    for (const line of block.split("\n")) {
      if (line === "" || line.startsWith(":")) continue;
      fields += 1;
      const colon = line.indexOf(":");
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") id = value;
      else if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (fields === 0) continue;
    const rawData = data.join("\n");
    let parsed: unknown;
    try {
      parsed = JSON.parse(rawData);
    } catch {
      parsed = undefined;
    }
    frames.push({ id, event, rawData, data: parsed });
  }
  return { frames, rest };
}
