/**
 * Who may use the control plane (Counterfact's rule, anchors §3 idea 15): loopback clients
 * always; anyone else only with the admin token (`--admin-token`, sent as a Bearer token), and
 * nobody else at all when no token is set (403). A loopback client's Authorization is ignored.
 */
import { timingSafeEqual } from "node:crypto";
import { ApiError } from "../core/errors.ts";
import { headerValue, type PlainRequest } from "../core/http-types.ts";
import type { Authenticate } from "../core/pipeline.ts";

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms; an in-process request (no socket) counts too. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return true;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4.startsWith("127.") || address === "::1";
}

/** The control plane's authentication: it identifies no organization, it only admits or refuses. */
export function controlAccess(adminToken: string | undefined): Authenticate {
  return (request: PlainRequest) => {
    if (isLoopback(request.remoteAddress)) return undefined;
    if (adminToken === undefined) {
      throw new ApiError("forbidden", "The control plane answers loopback clients only; start the mock with --admin-token to open it to others");
    }
    const authorization = headerValue(request.headers, "authorization");
    const token = authorization === undefined ? undefined : /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
    if (token === undefined) throw new ApiError("unauthorized", "The control plane needs the admin token: Authorization: Bearer <token>");
    if (!sameSecret(token, adminToken)) throw new ApiError("invalid_token", "The admin token is not valid");
    return undefined;
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
