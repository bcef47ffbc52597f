/**
 * The `Host` names a mock answers to, against DNS rebinding (docs/security.md "Browsers"): a web
 * page whose own name is made to resolve to 127.0.0.1 reaches a loopback mock as a same-origin
 * page, and could then read anything it serves with a guessable key such as the README's
 * `rt_test_local123`. Its requests still carry the page's name in `Host`, so a mock that listens on
 * loopback answers only loopback names, and the names it is told of, on every path.
 */
import { ApiError } from "./errors.ts";
import { headerValue, type PlainRequest } from "./http-types.ts";

/**
 * Which `Host` names are answered: `any` (no check: a mock mounted in a host app, or listening on
 * 0.0.0.0), or the loopback names plus the listed ones (a name, or `.example.test` for its subdomains).
 */
export type HostPolicy = "any" | { also: readonly string[] };

/** A Host header may only hold a host name or address and a port (RFC 9110 §7.2): no userinfo, no path. */
const HOST_SHAPE = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;

/**
 * The host name of a Host header (or of an origin's host), lower case and with IPv4 shorthand
 * normalised as a browser would (`127.1` → `127.0.0.1`); undefined when it is not a host.
 */
export function hostNameOf(host: string): string | undefined {
  if (!HOST_SHAPE.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/** localhost and *.localhost (RFC 6761 §6.3), 127.0.0.0/8 and [::1]. */
export function isLoopbackHostName(name: string): boolean {
  return name === "localhost" || name.endsWith(".localhost") || /^127\.\d+\.\d+\.\d+$/.test(name) || name === "[::1]";
}

/** Is this host name one the policy answers (a loopback name, or one it lists)? */
export function allowedHostName(name: string, policy: HostPolicy): boolean {
  if (policy === "any" || isLoopbackHostName(name)) return true;
  return policy.also.some((entry) => {
    const wanted = entry.toLowerCase();
    return wanted.startsWith(".") ? name.endsWith(wanted) : name === wanted;
  });
}

/**
 * Refuses a request whose Host is not answered, with 403 before routing. A request without Host
 * (HTTP/1.0, an in-process call) passes: no browser sends one.
 */
export function checkHost(request: PlainRequest, policy: HostPolicy): void {
  if (policy === "any") return;
  const host = headerValue(request.headers, "host");
  if (host === undefined) return;
  const name = hostNameOf(host.trim());
  if (name !== undefined && allowedHostName(name, policy)) return;
  throw new ApiError(
    "forbidden",
    `Host '${host}' is not a loopback name: this mock listens on loopback and answers localhost, *.localhost, 127.0.0.0/8 and [::1] only (DNS-rebinding defence; add names with --allowed-host)`,
  );
}
