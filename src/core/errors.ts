/**
 * The one place for errors (DESIGN.md principle 6): the catalogue of codes with their HTTP
 * statuses, the one error type that handlers and stores throw, and the one renderer of the
 * spec's error envelope (`ErrorResponse` in spec/openapi.yaml).
 *
 * Codes are those seen in the RunTools docs and auth service (reference Part A, "error codes");
 * `errors.test.ts` checks that this catalogue and the spec's `ErrorBody.code` enum agree.
 */

/** Every error code the mock can send, with the HTTP status it travels with. */
export const ERROR_CATALOGUE = {
  bad_request: 400,
  unauthorized: 401,
  invalid_token: 401,
  // The documented 402 of sandbox create (/api-reference/sandboxes/create-a-sandbox).
  insufficient_credits: 402,
  // An issued API key past its expiresAt (the auth service's code, Part B §2.2).
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  // Upper case on the wire, as documented (/api-reference/workspaces/manage).
  WORKSPACE_IN_USE: 409,
  // A request whose head and body did not arrive within --request-timeout (src/client-errors.ts).
  request_timeout: 408,
  payload_too_large: 413,
  unsupported_media_type: 415,
  // A request head over node's 16 KiB limit, answered before any operation (src/client-errors.ts).
  request_header_fields_too_large: 431,
  rate_limited: 429,
  internal_error: 500,
  // Mock decision: a change --persist could not make durable (docs/persistence.md).
  insufficient_storage: 507,
  // A listening mock past its connection limit (src/connection-limits.ts), before any operation.
  service_unavailable: 503,
} as const satisfies Record<string, number>;

/** A wire error code, snake_case as on the wire. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** One violation of a 400: a JSON pointer into the request (`/body/slug`) and a message. */
export interface ValidationDetail {
  path: string;
  message: string;
}

/** The error every layer throws; the pipeline renders it, nobody else does. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: readonly ValidationDetail[],
    /** Extra response headers, e.g. `Allow` on a 405. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = "ApiError";
    this.status = ERROR_CATALOGUE[code];
  }
}

/** The body of the spec's `ErrorResponse`. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; requestId: string; details?: ValidationDetail[] };
}

/** Renders an error as the spec's envelope; anything that is not an ApiError becomes a 500. */
export function renderError(err: unknown, requestId: string): { status: number; body: ErrorEnvelope; headers: Record<string, string> } {
  const apiError = err instanceof ApiError ? err : new ApiError("internal_error", "Internal error in the mock server");
  const error: ErrorEnvelope["error"] = { code: apiError.code, message: apiError.message, requestId };
  if (apiError.details !== undefined) error.details = [...apiError.details];
  return { status: apiError.status, body: { error }, headers: { ...apiError.headers } };
}
