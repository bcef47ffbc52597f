/**
 * One line per request on stderr, as Prism prints them: method, path, status, duration,
 * operationId, request id, and the contract violations a 400 reported (the client's mistakes,
 * the `details` of the error envelope). `--log-level`:
 *   - `silent`: nothing (the default of the library API and of anything under a test runner);
 *   - `info`: the line (the default of the command);
 *   - `debug`: the line with the request and response bodies. Headers are never logged (they
 *     carry the API key), and body fields whose name says secret (key, token, secret, password,
 *     authorization) are written as "[redacted]".
 * `--log-format json` writes each line as one JSON object instead, for log collectors.
 */
import type { CompletedRequest } from "../core/pipeline.ts";

export type LogLevel = "silent" | "info" | "debug";
export type LogFormat = "text" | "json";
export const LOG_LEVELS: readonly LogLevel[] = ["silent", "info", "debug"];
export const LOG_FORMATS: readonly LogFormat[] = ["text", "json"];

/** A debug body is cut after this many characters. */
const BODY_LIMIT = 2048;
const SECRET_NAME = /(key|token|secret|password|authorization|credentials?)$/i;

/** The logger of finished requests, or undefined when the level is `silent`. */
export function createRequestLog(level: LogLevel, format: LogFormat, write: (line: string) => void): ((done: CompletedRequest) => void) | undefined {
  if (level === "silent") return undefined;
  return (done) => {
    const entry = {
      time: new Date().toISOString(),
      method: done.request.method,
      path: done.request.path,
      status: done.response.status,
      durationMs: Math.round(done.durationMs * 10) / 10,
      operationId: done.operation?.operationId ?? null,
      requestId: done.requestId,
      violations: violationsOf(done.response.body),
      ...(level === "debug" ? { requestBody: requestBodyOf(done), responseBody: redact(done.response.body ?? null) } : {}),
    };
    write(format === "json" ? JSON.stringify(entry) : textLine(entry));
  };
}

type Entry = {
  time: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  operationId: string | null;
  requestId: string;
  violations: string[];
  requestBody?: unknown;
  responseBody?: unknown;
};

function textLine(entry: Entry): string {
  let line = `${entry.time} ${entry.method} ${entry.path} ${entry.status} ${entry.durationMs}ms ${entry.operationId ?? "-"} ${entry.requestId}`;
  if (entry.violations.length > 0) line += ` violations: ${entry.violations.join("; ")}`;
  if ("requestBody" in entry) line += ` request: ${cut(JSON.stringify(entry.requestBody))} response: ${cut(JSON.stringify(entry.responseBody))}`;
  return line;
}

/** The `details` of a 400's error envelope, as `pointer message`. */
function violationsOf(body: unknown): string[] {
  const details = (body as { error?: { details?: unknown } } | undefined)?.error?.details;
  if (!Array.isArray(details)) return [];
  return details.map((detail: { path?: unknown; message?: unknown }) => `${String(detail.path)} ${String(detail.message)}`);
}

function requestBodyOf(done: CompletedRequest): unknown {
  // The body as the core read it (undefined: the operation takes none, or it was refused first).
  const { body } = done;
  if (body === undefined || body.kind === "none") return null;
  if (body.kind === "too_large") return `[over ${body.limit} bytes]`;
  const text = body.bytes.toString("utf8");
  try {
    return redact(JSON.parse(text));
  } catch {
    return cut(text);
  }
}

/** A copy of a JSON value with the values of secret-named fields replaced. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== "object") return typeof value === "string" ? cut(value) : value;
  return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, SECRET_NAME.test(name) ? "[redacted]" : redact(field)]));
}

function cut(text: string): string {
  return text.length > BODY_LIMIT ? `${text.slice(0, BODY_LIMIT)}…` : text;
}
