/**
 * Turns the raw body bytes into JSON for operations that take a body (reference Part A:
 * bodies over the limit → 413, a body that is not JSON where JSON is required → 415 for the
 * wrong media type and 400 for malformed JSON, never a 500).
 */
import { ApiError } from "./errors.ts";
import { headerValue, type PlainBody, type PlainHeaders } from "./http-types.ts";

/** `application/json` and the `+json` family, with or without parameters. */
const JSON_MEDIA_TYPE = /^application\/([a-z0-9.+-]*\+)?json\s*(;.*)?$/i;

/** Is this Content-Type JSON (`application/json`, `+json`, with or without parameters)? */
export function isJsonMediaType(contentType: string): boolean {
  return JSON_MEDIA_TYPE.test(contentType.trim());
}

/** Answers the parsed body, `undefined` when none was sent, or throws a 4xx ApiError. */
export function parseJsonBody(body: PlainBody, headers: PlainHeaders): unknown {
  if (body.kind === "too_large") {
    throw new ApiError("payload_too_large", `Request body exceeds the limit of ${body.limit} bytes`);
  }
  if (body.kind === "none" || body.bytes.length === 0) return undefined;
  const contentType = headerValue(headers, "content-type");
  if (contentType === undefined || !isJsonMediaType(contentType)) {
    throw new ApiError(
      "unsupported_media_type",
      `Content-Type must be application/json, not ${contentType === undefined ? "missing" : `'${contentType}'`}`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body.bytes);
  } catch {
    throw new ApiError("bad_request", "Request body is not valid UTF-8", [{ path: "/body", message: "is not valid UTF-8" }]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = (error as Error).message;
    throw new ApiError("bad_request", `Malformed JSON in request body: ${reason}`, [{ path: "/body", message: `is not valid JSON: ${reason}` }]);
  }
}
