/**
 * What a listening mock answers when node:http cannot read a request at all: a malformed request
 * line or header, a head over node's 16 KiB limit, a request that did not arrive within
 * `--request-timeout`. node's default is a bare status line with no body (`431` with nothing to
 * say what was too large); a client that reads the error envelope of every other answer would see
 * an empty body and a missing `X-Request-Id`. These answers carry the envelope too
 * (spec/openapi.yaml, "Mock decisions outside the operations").
 *
 * There is no request object at this point (node's `clientError` event), so the answer is written
 * to the socket by hand, and only when no answer has started on it.
 */
import { randomBytes } from "node:crypto";
import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { ApiError, renderError, type ErrorCode } from "./core/errors.ts";

interface ClientError extends Error {
  code?: string;
}

/** The code and message a parser or timeout error is answered with. */
export function describeClientError(error: ClientError): { code: ErrorCode; message: string } {
  switch (error.code) {
    case "HPE_HEADER_OVERFLOW":
      return {
        code: "request_header_fields_too_large",
        message: "The request's head (request line and headers) is over 16 KiB, the most the mock reads: send fewer or shorter headers",
      };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return { code: "request_timeout", message: "The request did not arrive in time (--request-timeout): its head and body must arrive within the limit" };
    default:
      return { code: "bad_request", message: `The request is not valid HTTP/1.1 (${error.code ?? "unreadable"}): it was not processed` };
  }
}

/** A `clientError` listener for a node:http server. */
export function answerClientError(error: ClientError, socket: Duplex): void {
  // A reset, or a socket already answering (a response started before the timeout): nothing to say.
  const answering = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || answering?.headersSent) {
    socket.destroy();
    return;
  }
  const requestId = `req_${randomBytes(8).toString("hex")}`;
  const { code, message } = describeClientError(error);
  const { status, body } = renderError(new ApiError(code, message), requestId);
  const payload = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\n` +
      "Content-Type: application/json; charset=utf-8\r\n" +
      `Content-Length: ${Buffer.byteLength(payload)}\r\n` +
      `X-Request-Id: ${requestId}\r\n` +
      "Connection: close\r\n\r\n" +
      payload,
  );
}
