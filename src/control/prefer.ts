/**
 * Prism's `Prefer` request header on the public API (anchors §3 idea 10):
 * `Prefer: code=404` answers the operation's documented 404 with its first example;
 * `Prefer: code=200, example=localMac` picks a named example; `example=` alone names an example
 * of the operation's lowest 2xx status. A status or example the spec does not document is a
 * 400. Such an answer touches no state.
 *
 * No header may make an operation answer a status its spec does not declare. An operation that
 * declares no 400 (`GET /health`) therefore ignores a `Prefer` it cannot satisfy and answers as
 * if the header were absent, which RFC 7240 §2 allows ("a server may ignore a preference").
 */
import { ApiError } from "../core/errors.ts";
import { headerValue, type PlainHeaders } from "../core/http-types.ts";
import type { OperationResult } from "../core/pipeline.ts";
import type { OperationSpec } from "../spec/load.ts";

/** The documented answer the client asked for, or undefined when it sent no `Prefer: code/example`. */
export function preferredResponse(headers: PlainHeaders, operation: OperationSpec, requestId: string): OperationResult | undefined {
  const prefer = parsePrefer(headerValue(headers, "prefer"));
  if (prefer.code === undefined && prefer.example === undefined) return undefined;
  try {
    return answer(prefer, operation, requestId);
  } catch (error) {
    if (error instanceof ApiError && !operation.responses.has(error.status)) return undefined;
    throw error;
  }
}

function answer(prefer: { code?: string; example?: string }, operation: OperationSpec, requestId: string): OperationResult {
  const refuse = (message: string) => new ApiError("bad_request", message, [{ path: "/header/prefer", message }]);

  let status: number;
  if (prefer.code !== undefined) {
    status = Number(prefer.code);
    if (!operation.responses.has(status)) throw refuse(`code=${prefer.code} is not a documented status of ${operation.operationId}`);
  } else {
    // `example` alone names an example of the operation's lowest 2xx status (spec/control.yaml, as Prism does).
    const success = [...operation.responses.keys()].filter((s) => s >= 200 && s < 300).sort((a, b) => a - b)[0];
    if (success === undefined) throw refuse(`${operation.operationId} documents no 2xx status for example=${prefer.example}`);
    status = success;
  }
  const response = operation.responses.get(status);
  const examples = response?.examples ?? new Map<string, unknown>();
  if (prefer.example !== undefined && !examples.has(prefer.example)) {
    // Name the valid ones, so a wrong name in a copied command is fixed without opening the spec.
    const valid = examples.size === 0 ? "it documents none" : `documented: ${[...examples.keys()].join(", ")}`;
    throw refuse(`example=${prefer.example} is not a documented example of ${operation.operationId} ${status} (${valid})`);
  }
  const example = prefer.example !== undefined ? examples.get(prefer.example) : examples.values().next().value;
  if (example === undefined) return { status };
  return { status, body: withRequestId(structuredClone(example), requestId) };
}

/** `code=404, example=notFound` (commas or semicolons, as Prism accepts) → its parts. */
function parsePrefer(header: string | undefined): { code?: string; example?: string } {
  const out: { code?: string; example?: string } = {};
  for (const part of (header ?? "").split(/[,;]/)) {
    const [key, ...rest] = part.split("=");
    const name = key?.trim().toLowerCase();
    const value = rest.join("=").trim().replace(/^"(.*)"$/, "$1");
    if (name === "code" && value !== "") out.code = value;
    if (name === "example" && value !== "") out.example = value;
  }
  return out;
}

/** Examples and scripts carry a sample request id; the answer carries the real one (as X-Request-Id does). */
export function withRequestId(body: unknown, requestId: string): unknown {
  if (body && typeof body === "object") {
    const envelope = body as { meta?: { requestId?: string }; error?: { requestId?: string } };
    if (envelope.meta && typeof envelope.meta === "object") envelope.meta.requestId = requestId;
    if (envelope.error && typeof envelope.error === "object") envelope.error.requestId = requestId;
  }
  return body;
}
