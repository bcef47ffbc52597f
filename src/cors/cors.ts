/**
 * CORS for browser clients of the public API (spec/openapi.yaml, "CORS"). What Prism does by
 * default, and what a front-end developer pointing an app at a local mock expects:
 *   - a preflight (`OPTIONS` with `Origin` and `Access-Control-Request-Method`) from an allowed
 *     origin is answered 204 with the methods and the requested headers allowed, without
 *     touching the state, the journal or the faults;
 *   - any other answer to an allowed origin carries `Access-Control-Allow-Origin` (the origin,
 *     echoed: the API authenticates by header, never by cookie, so no credentials mode) and
 *     exposes every response header the spec documents (`X-Request-Id`, `X-Run-ID`, …).
 * Allowed origins: every origin by default (`"*"`), or a list (`--cors-origin`); an empty list
 * turns CORS off. The control plane (`/__mock/`) never gets CORS headers: it is not for browsers.
 */
import { headerValue, type PlainRequest, type PlainResponse } from "../core/http-types.ts";

/** Origins a browser may call the public API from: all, or these exact origins. */
export type CorsOrigins = "*" | readonly string[];

/** The methods of the public API. */
const METHODS = "GET, POST, PUT, PATCH, DELETE";
/** How long a browser may cache a preflight's answer, in seconds. */
const PREFLIGHT_MAX_AGE = "600";

export interface Cors {
  /** The answer to a preflight from an allowed origin, or undefined (not a preflight, or refused). */
  preflight(request: PlainRequest): PlainResponse | undefined;
  /** The response with the CORS headers an allowed origin needs (unchanged for any other caller). */
  decorate(request: PlainRequest, response: PlainResponse): PlainResponse;
}

/** CORS for `origins`, exposing `exposedHeaders` (the spec's response headers). */
export function createCors(origins: CorsOrigins, exposedHeaders: readonly string[]): Cors {
  const allowed = (request: PlainRequest): string | undefined => {
    const origin = headerValue(request.headers, "origin");
    if (origin === undefined) return undefined;
    return origins === "*" || origins.includes(origin) ? origin : undefined;
  };
  const expose = exposedHeaders.join(", ");
  return {
    preflight(request) {
      if (request.method.toUpperCase() !== "OPTIONS" || headerValue(request.headers, "access-control-request-method") === undefined) return undefined;
      const origin = allowed(request);
      if (origin === undefined) return undefined;
      const requested = headerValue(request.headers, "access-control-request-headers");
      return {
        status: 204,
        headers: {
          "Access-Control-Allow-Origin": origin,
          "Access-Control-Allow-Methods": METHODS,
          ...(requested ? { "Access-Control-Allow-Headers": requested } : {}),
          "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
          Vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
        },
      };
    },
    decorate(request, response) {
      const origin = allowed(request);
      if (origin === undefined || response.reset) return response;
      return {
        ...response,
        headers: { ...response.headers, "Access-Control-Allow-Origin": origin, "Access-Control-Expose-Headers": expose, Vary: "Origin" },
      };
    },
  };
}

/** Every response header the document declares (operations and shared responses), in first-seen order (what a browser may read). */
export function documentedResponseHeaders(document: Record<string, unknown>): string[] {
  const names = new Set<string>();
  const objects = (node: unknown): Record<string, unknown>[] =>
    node !== null && typeof node === "object" ? (Object.values(node) as unknown[]).filter((value): value is Record<string, unknown> => value !== null && typeof value === "object") : [];
  const add = (response: Record<string, unknown>) => {
    for (const name of Object.keys((response.headers ?? {}) as object)) names.add(name);
  };
  for (const item of objects(document.paths)) for (const operation of objects(item)) objects(operation.responses).forEach(add);
  // Responses shared by `$ref` (components.responses) are declared once, there.
  objects((document.components as Record<string, unknown> | undefined)?.responses).forEach(add);
  return [...names];
}
