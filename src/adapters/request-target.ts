/**
 * Splits an HTTP request target into the path and the query, the same way for every adapter.
 * The path stays exactly as sent (percent-encoded, dot segments and empty segments kept): the
 * route table decides what it means, so `/v1/agents/../agents` or `/v1/sandboxes/%2e%2e/exec`
 * is the same unknown path through node:http and Express, never resolved into another route.
 * Only a target in absolute form (`GET http://host/v1/agents`, proxy form) is reduced to its path.
 */

/** The path (still percent-encoded) and the parsed query of a request target. */
export function splitRequestTarget(target: string): { path: string; query: URLSearchParams } {
  const queryAt = target.indexOf("?");
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  return {
    path: path.startsWith("/") ? path : new URL(path, "http://mock.invalid").pathname,
    query: new URLSearchParams(queryAt === -1 ? "" : target.slice(queryAt + 1)),
  };
}
