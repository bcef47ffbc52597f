/**
 * Who may use the control plane (Counterfact's rule, anchors §3 idea 15; docs/security.md):
 * loopback peers always; anyone else only with the admin token (`--admin-token`, sent as a Bearer
 * token), and nobody else at all when no token is set (403). A loopback client's Authorization is
 * ignored. The peer is the one the adapter read from the socket when the request arrived; a peer
 * whose address is unknown (its socket was already gone) is not loopback.
 *
 * A loopback peer may still be a browser running someone else's page: `browserGuard` refuses
 * what only a browser sends for another site (an `Origin` that is not this server's loopback
 * origin, `Sec-Fetch-Site` other than same-origin or none) and a body type a page can send
 * without asking (anything but JSON), before routing.
 */
import { timingSafeEqual } from "node:crypto";
import { ApiError } from "../core/errors.ts";
import { allowedHostName, hostNameOf, isLoopbackHostName, type HostPolicy } from "../core/hosts.ts";
import { headerValue, type Peer, type PlainRequest } from "../core/http-types.ts";
import type { Authenticate } from "../core/pipeline.ts";
import { isJsonMediaType } from "../core/request-body.ts";

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms; an unknown address is never loopback. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return /^127\.\d+\.\d+\.\d+$/.test(v4) || address === "::1";
}

/** A caller that needs no token: one in this process, or a loopback peer. */
function trusted(peer: Peer): boolean {
  return peer.kind === "in-process" || isLoopback(peer.address);
}

/** The control plane's authentication: it identifies no organization, it only admits or refuses. */
export function controlAccess(adminToken: string | undefined): Authenticate {
  return (request: PlainRequest) => {
    if (trusted(request.peer)) return undefined;
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

/**
 * Refuses a control request that a web page of another origin made a browser send. Scripts and
 * curl send no `Origin` and no `Sec-Fetch-Site`, and pass untouched.
 */
export function browserGuard(hosts: HostPolicy): (request: PlainRequest) => void {
  return (request) => {
    const origin = headerValue(request.headers, "origin");
    if (origin !== undefined && !ownLoopbackOrigin(origin, headerValue(request.headers, "host"), hosts)) {
      throw new ApiError("forbidden", `Cross-origin control requests are refused (Origin '${origin}'): the control plane answers pages of its own loopback origin only`);
    }
    const site = headerValue(request.headers, "sec-fetch-site");
    if (site !== undefined && site !== "same-origin" && site !== "none") {
      throw new ApiError("forbidden", `Control requests from another site are refused (Sec-Fetch-Site: ${site})`);
    }
    // text/plain, forms and multipart are what a page may POST anywhere without a preflight.
    const contentType = headerValue(request.headers, "content-type");
    if (contentType !== undefined && !isJsonMediaType(contentType)) {
      throw new ApiError("unsupported_media_type", `The control plane takes application/json only, not '${contentType}'`);
    }
  };
}

/** `http://<loopback or listed name>[:port]`, naming the very host the request was sent to. */
function ownLoopbackOrigin(origin: string, host: string | undefined, hosts: HostPolicy): boolean {
  const match = /^https?:\/\/([^/]+)$/i.exec(origin.trim());
  if (!match || host === undefined) return false;
  const name = hostNameOf(match[1] as string);
  if (name === undefined || hostNameOf(host.trim()) !== name) return false;
  if (!isLoopbackHostName(name) && !(hosts !== "any" && allowedHostName(name, hosts))) return false;
  return portOf(match[1] as string, origin) === portOf(host.trim(), "http:");
}

function portOf(host: string, scheme: string): string {
  const port = /:(\d+)$/.exec(host)?.[1];
  if (port !== undefined && !host.endsWith("]")) return String(Number(port));
  return scheme.toLowerCase().startsWith("https") ? "443" : "80";
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
