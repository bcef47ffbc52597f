/**
 * Black-box tests left out of the Prism-proxied run only (they all run, unchanged, in the normal
 * run). Each one asserts something a Prism 5.14.2 proxy in the middle makes impossible; the reason
 * names the Prism behaviour, observed on this machine (README.md next to this file).
 *
 * `name` is the test's full name as vitest builds it: describe blocks and test title joined by
 * spaces, it.each titles formatted, the file left out. test/contract/prism.test.ts checks that each
 * one left out exactly one test, of that file.
 */

export interface Exclusion {
  file: string;
  name: string;
  reason: string;
}

/** Prism reads and parses the request body, answers a malformed one itself, forwards a re-serialisation. */
const PRISM_PARSES_BODY =
  "Prism parses the JSON request body itself: malformed JSON never reaches the mock, Prism answers its own " +
  '400 {"error":{"code":"invalid_json"}} (no X-Request-Id, not our envelope; stoplightio/prism#2664)';
const PRISM_BREAKS_CHUNKED =
  "Prism forwards a chunked request with both the client's `Transfer-Encoding: chunked` and a Content-Length " +
  "of its own (it re-serialises the parsed body); Node's HTTP parser refuses that pair with a bare 400, so the " +
  "mock never sees the request";
const PRISM_BUFFERS_STREAMS =
  "Prism buffers the whole text/event-stream answer before sending it on (it adds Content-Length), and keeps " +
  "reading the upstream when its client disconnects: no frame reaches the client while the run is open, and " +
  "the mock never sees the disconnect";

const PRISM_READS_WHOLE_BODY =
  "Prism reads the whole request body before it forwards anything, so the mock sees the request only once " +
  "its body has arrived: an answer from the request's head (before or without its body) cannot be observed through it";
const PRISM_NORMALISES_TARGET =
  "Prism parses the request URL and forwards a normalised path (dot segments resolved, `//` collapsed), so the " +
  "request target as the client sent it never reaches the mock";
const PRISM_DEEP_JSON =
  "Prism parses the JSON body itself with recursive code: a body nested 8,000 levels overflows its stack, and " +
  "the proxy process dies, so the mock never sees the request";

export const PRISM_EXCLUSIONS: readonly Exclusion[] = [
  ...[
    "answers 401 to an unauthenticated 16 MiB upload from its head, before the body has arrived",
    "answers 404 to an upload to an unknown path from its head",
    "answers 413 to a body declared over the public limit (1 MiB) without reading it",
    "holds the control plane's scripts to 1 MiB: only PUT /__mock/state takes 16 MiB",
    "answers 40 unauthenticated 16 MiB uploads at once, each from its head",
    "ignores a body sent to an operation that takes none, and answers it normally",
  ].map((title) => ({ file: "test/http/request-bodies.test.ts", name: `request bodies are read after routing and authentication ${title}`, reason: PRISM_READS_WHOLE_BODY })),
  ...[
    "answers 404 to a path with dot segments instead of the route they would resolve to",
    "reads an encoded dot-dot as a path parameter, not as a step up the path",
    "does not read a leading double slash as a host name",
  ].map((name) => ({ file: "test/http/request-target.test.ts", name, reason: PRISM_NORMALISES_TARGET })),
  {
    file: "test/http/input-rules.test.ts",
    name: "organizations are stored by their first accepted change leaves the exported state unchanged after GETs and any sequence of rejected requests from a new key",
    reason: PRISM_PARSES_BODY,
  },
  {
    file: "test/http/input-rules.test.ts",
    name: "JSON nesting limit refuses providerOptions nested 8000 levels with 400 at the level past the limit; nothing is stored and state, agents and the journal still read",
    reason: PRISM_DEEP_JSON,
  },
  {
    file: "test/http/account.test.ts",
    name: "secrets refuses a name nested too deep with a 400, and the journal still lists it with nothing of the value",
    reason: PRISM_DEEP_JSON,
  },
  {
    file: "test/http/agents.test.ts",
    name: "the upsert's endpoint points at the host the client called, taken from the Host header",
    reason:
      "Prism rewrites `Host` to the upstream's (127.0.0.1:<mock port>) and sends no X-Forwarded-Host, so the " +
      "client's Host header cannot reach the mock (the proxied run sets the mock's public URL to the proxy's instead)",
  },
  {
    file: "test/http/errors.test.ts",
    name: "request bodies over 1 MiB: 413 payload_too_large, state unchanged refuses a ~1.1 MB body sent chunked, without a Content-Length, and creates nothing",
    reason: PRISM_BREAKS_CHUNKED,
  },
  {
    file: "test/http/errors.test.ts",
    name: "request bodies over 1 MiB: 413 payload_too_large, state unchanged accepts a small body sent chunked",
    reason: PRISM_BREAKS_CHUNKED,
  },
  ...["an unclosed object", "a trailing comma", "a truncated document", "single quotes", "two documents"].map((label) => ({
    file: "test/http/errors.test.ts",
    name: `request bodies malformed or wrongly shaped JSON: 400 bad_request answers ${label} with a details entry at /body, and creates nothing`,
    reason: PRISM_PARSES_BODY,
  })),
  {
    file: "test/http/errors.test.ts",
    name: "request bodies malformed or wrongly shaped JSON: 400 bad_request answers a body that is not valid UTF-8 with a details entry at /body",
    reason:
      "Prism decodes the body as UTF-8 and forwards a re-serialisation: the invalid bytes arrive as U+FFFD in " +
      "valid UTF-8, so the mock sees a different (valid) document",
  },
  {
    file: "test/http/errors.test.ts",
    name: "request bodies malformed or wrongly shaped JSON: 400 bad_request answers a JSON null body to POST /v1/sandboxes with 400, and creates nothing",
    reason:
      "Prism forwards a JSON `null` body as an empty body (Content-Length: 0); an empty body is a valid " +
      "sandbox create (the body is optional), so the mock rightly answers 201",
  },
  {
    file: "test/http/errors.test.ts",
    name: "request bodies never answers a bad body with a 500, on any operation that takes one",
    reason: `sends "{" and other raw bodies: ${PRISM_PARSES_BODY}`,
  },
  {
    file: "test/http/runs.test.ts",
    name: "rejected runs answers 404, 400, 401, 413 and 415 and records no run and no thread",
    reason: `sends "{not json": ${PRISM_PARSES_BODY}`,
  },
  {
    file: "test/http/runs.test.ts",
    name: "a stream that ends early (frames 30 ms apart) leaves the run cancelled when the client disconnects after the first frame",
    reason: PRISM_BUFFERS_STREAMS,
  },
  {
    file: "test/http/runs.test.ts",
    name: "a stream that ends early (frames 30 ms apart) ends an open stream with run_completed {status: cancelled} when the run is cancelled",
    reason: PRISM_BUFFERS_STREAMS,
  },
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A vitest `testNamePattern` that matches every test except the excluded ones. vitest matches it
 * against "<describe…> <title>" (no file name), so each exclusion is anchored at both ends.
 */
export function exclusionPattern(exclusions: readonly Exclusion[] = PRISM_EXCLUSIONS): RegExp {
  const alternatives = exclusions.map((e) => escapeRegExp(e.name));
  return new RegExp(`^(?!(?:${alternatives.join("|")})$)`);
}
