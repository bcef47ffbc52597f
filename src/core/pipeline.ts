/**
 * The request pipeline: one ordered list, readable in one screen (DESIGN.md "Request flow").
 *
 *   1. request id            every response carries it (`X-Request-Id` = meta/error requestId)
 *   2. admit                 Host, Origin and the like, from the head alone (403, 415)
 *   3. route                 spec path + method → operation (404, 405 with Allow)
 *   4. auth                  key → organization (401), unless the operation has `security: []`;
 *                            a webhook secret's presence (401), where that is the operation's credential
 *   5. body                  read now, and only if the operation takes one, up to its limit (413, 415, 400)
 *   6. validate request      ajv, compiled per operation at start-up (400 with details)
 *   7. dispatch              the operation's handler, over the caller's organization
 *   8. validate response     against the declared status; an off-spec answer becomes a 500
 *   9. render                errors through the one renderer, headers
 *
 * Routing comes before auth so that `GET /health` (security: []) needs no key; an unknown path
 * is a 404 whoever asks, which tells nothing about any organization. Nothing of the body is read
 * before step 5, so a client that is refused never gets a byte of its upload buffered
 * (docs/security.md "Request bodies").
 */
import type { SpecValidators } from "../spec/validators.ts";
import type { OperationSpec } from "../spec/load.ts";
import type { RouteTable } from "../spec/routes.ts";
import { authenticate, webhookSecretOf, type Caller, type IssuedKeyLookup, type Keyring } from "./auth.ts";
import { ApiError, renderError, type ValidationDetail } from "./errors.ts";
import type { EventStream, PlainBody, PlainRequest, PlainResponse, RawBody } from "./http-types.ts";
import { parseMultipartBody } from "./multipart.ts";
import { parseJsonBody } from "./request-body.ts";
import { formatEvent } from "./sse.ts";

/** A request as a handler sees it: validated, coerced and defaulted. */
export interface OperationInput {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
  body: unknown;
}

/** What a handler answers: a declared status and its JSON body, or an event stream. */
export interface OperationResult {
  status: number;
  body?: unknown;
  stream?: EventStream;
  /** Bytes sent as they are (a downloaded file), for a status that declares a non-JSON media type. */
  raw?: RawBody;
  headers?: Record<string, string>;
  /** Close the connection without an answer (a fault the control plane injects). */
  reset?: boolean;
  /** A fault the control plane injected on purpose: sent as is, outside the contract. */
  injected?: boolean;
}

/** Facts about the request that are not part of the operation's input. */
export interface RequestEnvelope {
  operation: OperationSpec;
  requestId: string;
  /** Undefined only for operations that declare `security: []`. */
  caller: Caller | undefined;
  /** The `X-Webhook-Secret` presented, for the operations it authenticates (a workflow webhook). */
  webhookSecret?: string;
  baseUrl: string;
}

/** Runs the handler of an operation. */
export type Dispatch = (input: OperationInput, request: RequestEnvelope) => OperationResult | Promise<OperationResult>;

/** Reports a response that broke the contract (always a bug in the mock or its overrides). */
export type ViolationReporter = (operationId: string, status: number, violations: readonly ValidationDetail[]) => void;

/** A place where an exchange broke a contract: the client's request, or the mock's answer. */
export interface ContractViolation extends ValidationDetail {
  source: "request" | "response";
}

/** Everything known about a request once it is answered (for the request journal). */
export interface CompletedRequest {
  request: PlainRequest;
  /** The body as the pipeline read it; undefined when it was not read (no body taken, or refused first). */
  body: PlainBody | undefined;
  response: PlainResponse;
  requestId: string;
  operation: OperationSpec | undefined;
  caller: Caller | undefined;
  receivedAt: Date;
  durationMs: number;
  /** The request's validation errors (its 400's details) and the answer's, frames included. */
  violations: readonly ContractViolation[];
}

/** Identifies the caller of an operation that requires it; throws a 401 or 403 ApiError. */
export type Authenticate = (request: PlainRequest, operation: OperationSpec) => Caller | undefined;

/** Answers instead of the handler (scripted responses, faults, Prefer), or returns undefined. */
export type Intercept = (input: OperationInput, request: RequestEnvelope & { headers: PlainRequest["headers"] }) => Promise<OperationResult | undefined>;

/** What the pipeline is built from; everything is compiled before the first request. */
export interface PipelineOptions {
  routes: RouteTable;
  validators: SpecValidators;
  dispatch: Dispatch;
  /** Default: the API key of the public API (reference Part A, auth). */
  authenticate?: Authenticate;
  keyring: Keyring;
  /** Keys issued through `POST /v1/api-keys`, consulted before the keyring. */
  issuedKeys?: IssuedKeyLookup;
  intercept?: Intercept;
  onComplete?: (completed: CompletedRequest) => void | Promise<void>;
  /** The largest body an operation accepts, in bytes (413 beyond it). */
  bodyLimit: (operation: OperationSpec) => number;
  /** Refuses a request from its head alone, before routing (throws an ApiError). */
  admit?: (request: PlainRequest) => void;
  /** How much of a stream's text is kept for onComplete; the rest is counted, not kept. */
  streamTextLimit?: number;
  /** Validate every response against the spec (always on under test). */
  validateResponses: boolean;
  newRequestId(): string;
  /** The mock's clock, for when a request was received (default: the wall clock). */
  now?: () => Date;
  onViolation?: ViolationReporter;
  /** How deep an operation's JSON body may nest (default: the public API's limit, request-body.ts). */
  maxBodyDepth?: (operation: OperationSpec) => number;
}

/** Builds the function from a plain request to a plain response. */
export function createPipeline(options: PipelineOptions): (request: PlainRequest) => Promise<PlainResponse> {
  const { routes, validators, dispatch, keyring } = options;
  const errorEnvelope = validators.component("ErrorResponse");

  const authenticateCaller: Authenticate =
    options.authenticate ?? ((request, operation) => (operation.requiresAuth ? authenticate(request.headers, keyring, options.issuedKeys) : undefined));

  return async function handle(request) {
    const receivedAt = options.now?.() ?? new Date();
    const started = performance.now();
    const requestId = options.newRequestId();
    let operation: OperationSpec | undefined;
    let caller: Caller | undefined;
    let body: PlainBody | undefined;
    let result: OperationResult;
    const violations: ContractViolation[] = [];
    const report: ViolationReporter = (operationId, status, found) => {
      for (const violation of found) violations.push({ source: "response", ...violation });
      options.onViolation?.(operationId, status, found);
    };
    try {
      options.admit?.(request);
      const route = routes.match(request.method, request.path);
      if (route.kind === "not_found") throw new ApiError("not_found", `No route for ${request.method} ${request.path}`);
      if (route.kind === "method_not_allowed") {
        throw new ApiError("method_not_allowed", `${request.method} is not allowed on ${request.path}`, undefined, {
          Allow: route.allow.join(", "),
        });
      }
      operation = route.operation;
      caller = authenticateCaller(request, operation);
      const webhookSecret = operation.webhookSecret ? webhookSecretOf(request.headers) : undefined;
      if (operation.requestBody) body = await request.body(options.bodyLimit(operation));
      else request.body(0).catch(() => undefined); // a body nobody wants is drained, never buffered
      const input = validateRequest(operation, validators, request, route.params, body, violations, options.maxBodyDepth?.(operation));
      if (operation.requestBody?.mediaType === "multipart/form-data") input.body = await parseMultipartBody(body ?? { kind: "none" }, request.headers);
      const envelope = { operation, requestId, caller, baseUrl: request.baseUrl, ...(webhookSecret === undefined ? {} : { webhookSecret }) };
      result = (await options.intercept?.(input, { ...envelope, headers: request.headers })) ?? (await dispatch(input, envelope));
    } catch (error) {
      result = renderError(error, requestId);
    }
    const response = finish(result, operation, requestId, report);
    const complete = (final: PlainResponse) =>
      options.onComplete?.({ request, body, response: final, requestId, operation, caller, receivedAt, durationMs: performance.now() - started, violations });
    const { stream } = response;
    if (!stream || !options.onComplete) {
      await complete(response);
      return response;
    }
    // A stream is complete when it ends: its frames, as sent, are its body (kept up to a bound).
    const keep = options.streamTextLimit ?? Number.POSITIVE_INFINITY;
    return {
      ...response,
      stream: async (send, signal) => {
        let text = "";
        try {
          await stream(async (event) => {
            if (text.length <= keep) text += formatEvent(event);
            await send(event);
          }, signal);
        } finally {
          await complete({ status: response.status, headers: response.headers, body: text, stream });
        }
      },
    };
  };

  function finish(result: OperationResult, operation: OperationSpec | undefined, requestId: string, report: ViolationReporter): PlainResponse {
    if (result.reset) return { status: 0, headers: {}, reset: true };
    if (options.validateResponses && !result.injected) {
      const violations = checkResponse(result, operation);
      if (violations.length > 0) {
        report(operation?.operationId ?? "(no operation)", result.status, violations);
        result = renderError(
          new ApiError("internal_error", `The mock produced a response that violates its spec (${result.status}): ${describe(violations)}`),
          requestId,
        );
      }
    }
    // Copied, then added to: on Node 20's V8 `{ ...result.headers, "X-Request-Id": id }` gives
    // every response's headers a hidden class of its own (docs/performance.md, "Memory").
    const headers: Record<string, string> = Object.assign({}, result.headers);
    headers["X-Request-Id"] = requestId;
    if (result.stream) {
      const stream = options.validateResponses && operation ? checkedStream(result.stream, operation, result.status, report) : result.stream;
      headers["Content-Type"] = "text/event-stream; charset=utf-8";
      return { status: result.status, headers, stream };
    }
    if (result.raw) return { status: result.status, headers, raw: result.raw };
    if (result.body === undefined) return { status: result.status, headers };
    headers["Content-Type"] = "application/json; charset=utf-8";
    return { status: result.status, headers, body: result.body };
  }

  /**
   * Validates each frame of a stream as it goes. The status line has left by then, so a frame
   * that breaks the contract is reported (and fails the tests), not turned into a 500.
   */
  function checkedStream(stream: EventStream, operation: OperationSpec, status: number, report: ViolationReporter): EventStream {
    const check = validators.operation(operation.operationId).events.get(status) as (value: unknown) => ValidationDetail[];
    return (send, signal) =>
      stream(async (event) => {
        const violations = check(event.data);
        const type = (event.data as { type?: unknown } | null)?.type;
        if (type !== event.event) violations.push({ path: "/data/type", message: `must equal the event name '${event.event}'` });
        if (violations.length > 0) report(operation.operationId, status, violations);
        await send(event);
      }, signal);
  }

  function checkResponse(result: OperationResult, operation: OperationSpec | undefined): ValidationDetail[] {
    // Before an operation is known (404, 405) the only contract is the error envelope.
    if (!operation) return errorEnvelope(result.body);
    const declared = validators.operation(operation.operationId).responses;
    if (!declared.has(result.status)) {
      return [{ path: "/status", message: `${result.status} is not a declared response of ${operation.operationId}` }];
    }
    if (result.stream) {
      const streams = validators.operation(operation.operationId).events.has(result.status);
      return streams ? [] : [{ path: "/body", message: `${result.status} of ${operation.operationId} does not declare text/event-stream` }];
    }
    if (result.raw) {
      const media = operation.responses.get(result.status)?.content;
      const declared = media !== undefined && [...media.keys()].some((type) => type !== "application/json" && type !== "text/event-stream");
      return declared ? [] : [{ path: "/body", message: `${result.status} of ${operation.operationId} declares no raw media type` }];
    }
    const check = declared.get(result.status);
    if (!check) return result.body === undefined ? [] : [{ path: "/body", message: "the declared response has no body" }];
    return check(result.body);
  }
}

function validateRequest(
  operation: OperationSpec,
  validators: SpecValidators,
  request: PlainRequest,
  pathParams: Record<string, string>,
  received: PlainBody | undefined,
  violations: ContractViolation[],
  maxBodyDepth: number | undefined,
): OperationInput {
  const checks = validators.operation(operation.operationId);
  const params = checks.params({ path: pathParams, query: request.query, headers: request.headers });
  const errors = [...params.errors];
  let body: unknown;
  if (operation.requestBody?.mediaType === "*/*") {
    body = binaryBody(received);
  } else if (operation.requestBody?.mediaType === "application/json" && checks.body) {
    body = parseJsonBody(received ?? { kind: "none" }, request.headers, maxBodyDepth);
    if (body === undefined && operation.requestBody.required) {
      errors.push({ path: "/body", message: "a JSON request body is required" });
    } else {
      // An optional body left out reads as `{}`, so that its documented defaults still apply
      // (an explicit JSON null is a body, and the schema judges it).
      if (body === undefined) body = {};
      errors.push(...checks.body(body));
    }
  }
  if (errors.length > 0) {
    for (const error of errors) violations.push({ source: "request", ...error });
    throw new ApiError("bad_request", `Invalid request: ${describe(errors)}`, errors);
  }
  return { ...params.value, body };
}

/** An upload's bytes (an empty body is zero bytes); over the operation's limit is a 413. */
function binaryBody(received: PlainBody | undefined): Buffer {
  if (received?.kind === "too_large") throw new ApiError("payload_too_large", `Request body exceeds the limit of ${received.limit} bytes`);
  return received?.kind === "bytes" ? received.bytes : Buffer.alloc(0);
}

function describe(details: readonly ValidationDetail[]): string {
  const shown = details.slice(0, 3).map((d) => `${d.path || "/"} ${d.message}`);
  return details.length > 3 ? `${shown.join("; ")}; and ${details.length - 3} more` : shown.join("; ");
}
