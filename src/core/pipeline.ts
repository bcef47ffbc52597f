/**
 * The request pipeline: one ordered list, readable in one screen (DESIGN.md "Request flow").
 *
 *   1. request id            every response carries it (`X-Request-Id` = meta/error requestId)
 *   2. route                 spec path + method → operation (404, 405 with Allow)
 *   3. auth                  key → organization (401), unless the operation has `security: []`
 *   4. body                  size limit and JSON (413, 415, 400)
 *   5. validate request      ajv, compiled per operation at start-up (400 with details)
 *   6. dispatch              the operation's handler, over the caller's organization
 *   7. validate response     against the declared status; an off-spec answer becomes a 500
 *   8. render                errors through the one renderer, headers
 *
 * Routing comes before auth so that `GET /health` (security: []) needs no key; an unknown path
 * is a 404 whoever asks, which tells nothing about any organization.
 */
import type { SpecValidators } from "../spec/validators.ts";
import type { OperationSpec } from "../spec/load.ts";
import type { RouteTable } from "../spec/routes.ts";
import { authenticate, type Caller, type IssuedKeyLookup, type Keyring } from "./auth.ts";
import { ApiError, renderError, type ValidationDetail } from "./errors.ts";
import type { EventStream, PlainRequest, PlainResponse } from "./http-types.ts";
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
  baseUrl: string;
}

/** Runs the handler of an operation. */
export type Dispatch = (input: OperationInput, request: RequestEnvelope) => OperationResult | Promise<OperationResult>;

/** Reports a response that broke the contract (always a bug in the mock or its overrides). */
export type ViolationReporter = (operationId: string, status: number, violations: readonly ValidationDetail[]) => void;

/** Everything known about a request once it is answered (for the request journal). */
export interface CompletedRequest {
  request: PlainRequest;
  response: PlainResponse;
  requestId: string;
  operation: OperationSpec | undefined;
  caller: Caller | undefined;
  receivedAt: Date;
  durationMs: number;
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
  /** Validate every response against the spec (always on under test). */
  validateResponses: boolean;
  newRequestId(): string;
  /** The mock's clock, for when a request was received (default: the wall clock). */
  now?: () => Date;
  onViolation?: ViolationReporter;
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
    let result: OperationResult;
    try {
      const route = routes.match(request.method, request.path);
      if (route.kind === "not_found") throw new ApiError("not_found", `No route for ${request.method} ${request.path}`);
      if (route.kind === "method_not_allowed") {
        throw new ApiError("method_not_allowed", `${request.method} is not allowed on ${request.path}`, undefined, {
          Allow: route.allow.join(", "),
        });
      }
      operation = route.operation;
      caller = authenticateCaller(request, operation);
      const input = validateRequest(operation, validators, request, route.params);
      const envelope = { operation, requestId, caller, baseUrl: request.baseUrl };
      result = (await options.intercept?.(input, { ...envelope, headers: request.headers })) ?? (await dispatch(input, envelope));
    } catch (error) {
      result = renderError(error, requestId);
    }
    const response = finish(result, operation, requestId);
    const complete = (final: PlainResponse) =>
      options.onComplete?.({ request, response: final, requestId, operation, caller, receivedAt, durationMs: performance.now() - started });
    const { stream } = response;
    if (!stream || !options.onComplete) {
      await complete(response);
      return response;
    }
    // A stream is complete when it ends: its frames, as sent, are its body.
    return {
      ...response,
      stream: async (send, signal) => {
        let text = "";
        try {
          await stream(async (event) => {
            text += formatEvent(event);
            await send(event);
          }, signal);
        } finally {
          await complete({ status: response.status, headers: response.headers, body: text, stream });
        }
      },
    };
  };

  function finish(result: OperationResult, operation: OperationSpec | undefined, requestId: string): PlainResponse {
    if (result.reset) return { status: 0, headers: {}, reset: true };
    if (options.validateResponses && !result.injected) {
      const violations = checkResponse(result, operation);
      if (violations.length > 0) {
        options.onViolation?.(operation?.operationId ?? "(no operation)", result.status, violations);
        result = renderError(
          new ApiError("internal_error", `The mock produced a response that violates its spec (${result.status}): ${describe(violations)}`),
          requestId,
        );
      }
    }
    const headers: Record<string, string> = { ...result.headers, "X-Request-Id": requestId };
    if (result.stream) {
      const stream = options.validateResponses && operation ? checkedStream(result.stream, operation, result.status) : result.stream;
      return { status: result.status, headers: { ...headers, "Content-Type": "text/event-stream; charset=utf-8" }, stream };
    }
    if (result.body === undefined) return { status: result.status, headers };
    return { status: result.status, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" }, body: result.body };
  }

  /**
   * Validates each frame of a stream as it goes. The status line has left by then, so a frame
   * that breaks the contract is reported (and fails the tests), not turned into a 500.
   */
  function checkedStream(stream: EventStream, operation: OperationSpec, status: number): EventStream {
    const check = validators.operation(operation.operationId).events.get(status) as (value: unknown) => ValidationDetail[];
    return (send, signal) =>
      stream(async (event) => {
        const violations = check(event.data);
        const type = (event.data as { type?: unknown } | null)?.type;
        if (type !== event.event) violations.push({ path: "/data/type", message: `must equal the event name '${event.event}'` });
        if (violations.length > 0) options.onViolation?.(operation.operationId, status, violations);
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
): OperationInput {
  const checks = validators.operation(operation.operationId);
  const params = checks.params({ path: pathParams, query: request.query, headers: request.headers });
  const errors = [...params.errors];
  let body: unknown;
  if (operation.requestBody && checks.body) {
    body = parseJsonBody(request.body, request.headers);
    if (body === undefined && operation.requestBody.required) {
      errors.push({ path: "/body", message: "a JSON request body is required" });
    } else {
      // An optional body left out reads as `{}`, so that its documented defaults still apply
      // (an explicit JSON null is a body, and the schema judges it).
      if (body === undefined) body = {};
      errors.push(...checks.body(body));
    }
  }
  if (errors.length > 0) throw new ApiError("bad_request", `Invalid request: ${describe(errors)}`, errors);
  return { ...params.value, body };
}

function describe(details: readonly ValidationDetail[]): string {
  const shown = details.slice(0, 3).map((d) => `${d.path || "/"} ${d.message}`);
  return details.length > 3 ? `${shown.join("; ")}; and ${details.length - 3} more` : shown.join("; ");
}
