/**
 * How the Prism-proxied run judges what Prism reports. Prism's validation proxy (5.14.2), run
 * WITHOUT `--errors`, forwards every request and every response unchanged and lists what it found
 * wrong in an `sl-violations` response header: a JSON array of
 * `{location: ["request" | "response", …], severity, code?, message}` (toolchain notes §6.3;
 * observed again here, see README.md next to this file).
 *
 * The rule (`judge`):
 * - any entry located in the **response** fails the run: the mock answered something the contract
 *   does not allow (except an exactly described known false positive of Prism, `KNOWN_FALSE_POSITIVES`);
 * - an entry located in the **request** fails the run only when the mock answered **2xx**: Prism
 *   calls the request invalid but the mock accepted it, a real disagreement with the contract.
 *   On a 4xx/5xx it is the test's deliberate bad input (no key, a schema violation, an unknown
 *   route, text/plain…) that the mock refused, as it should; those are recorded, not failed.
 *
 * This module has no side effects beyond `record` (an append to the file CONTRACT_PROXY_RECORD
 * names), so the contract client can import it in both modes.
 */
import { appendFileSync } from "node:fs";

/** The env switch: `CONTRACT_PROXY=prism` puts Prism's validation proxy in front of every test server. */
export function prismProxyMode(): boolean {
  return process.env.CONTRACT_PROXY === "prism";
}

/** One entry of Prism's `sl-violations` header. */
export interface PrismViolation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

/** What `judge` knows of the exchange besides the violations. */
export interface ExchangeContext {
  method: string;
  path: string;
  status: number;
  /** The request's headers, when the caller has them (the contract client does). */
  requestHeaders?: Record<string, string> | undefined;
}

/**
 * A Prism report that is wrong about this exchange and is therefore tolerated. Each entry names the
 * Prism issue or limitation and matches one exact report, never a whole class of them.
 */
export interface KnownFalsePositive {
  reason: string;
  matches(violation: PrismViolation, context: ExchangeContext): boolean;
}

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value;
  return undefined;
}

/**
 * Checked against the whole black-box suite. Prism 5.14.2 validates this OAS 3.1 document with
 * draft-07 Ajv (Prism #2797), but the 3.1 constructs the mock's responses use (type arrays such as
 * `[string, 'null']`, `const`, formats uuid / date-time / uri, `additionalProperties: false`) gave
 * no false report on ~1,500 exchanges; `oneOf` + `discriminator` only describes SSE frames, which
 * Prism does not look into (the stream is `type: string` to it). One false report was found:
 */
export const KNOWN_FALSE_POSITIVES: readonly KnownFalsePositive[] = [
  {
    reason:
      "Prism 5.14.2 matches the HTTP Bearer scheme case-sensitively (/^Bearer\\s.+$/ in " +
      "@stoplight/prism-http dist/validator/validators/security/handlers/bearer.js), whereas RFC 9110 §11.1 " +
      "makes auth-scheme names case-insensitive: `Authorization: bearer <key>` is reported as " +
      "'Invalid security scheme used' (stoplightio/prism#2722, fix PR #2832 still open)",
    matches(violation, { requestHeaders }) {
      const authorization = header(requestHeaders, "authorization");
      return (
        violation.location.length === 1 &&
        violation.location[0] === "request" &&
        violation.code === 401 &&
        violation.message === "Invalid security scheme used" &&
        authorization !== undefined &&
        /^bearer\s.+$/i.test(authorization) &&
        !/^Bearer\s.+$/.test(authorization) &&
        header(requestHeaders, "x-api-key") === undefined
      );
    },
  },
];

/** The header's entries; a header that is not a JSON array is itself a failure. */
export function parseViolations(header: string | null): PrismViolation[] {
  if (header === null || header === "") return [];
  const parsed: unknown = JSON.parse(header);
  if (!Array.isArray(parsed)) throw new Error(`sl-violations is not a JSON array: ${header}`);
  return parsed as PrismViolation[];
}

/** The verdict on one response. */
export interface Verdict {
  /** Violations that fail the run. */
  failures: PrismViolation[];
  /** Violations that do not, each with why. */
  tolerated: { violation: PrismViolation; why: string }[];
}

/** Applies the rule above to the violations Prism reported for one exchange. */
export function judge(context: ExchangeContext, violations: readonly PrismViolation[]): Verdict {
  const { status } = context;
  const verdict: Verdict = { failures: [], tolerated: [] };
  for (const violation of violations) {
    const known = KNOWN_FALSE_POSITIVES.find((k) => k.matches(violation, context));
    if (known) {
      verdict.tolerated.push({ violation, why: `known false positive: ${known.reason}` });
      continue;
    }
    const where = violation.location?.[0];
    if (where === "request" && (status < 200 || status >= 300)) {
      verdict.tolerated.push({ violation, why: `invalid request refused by the mock with ${status}` });
    } else {
      verdict.failures.push(violation);
    }
  }
  return verdict;
}

/** One line of the proxied run's record (NDJSON). */
export interface RecordLine {
  method: string;
  path: string;
  status: number;
  /** The response carried Prism's CORS headers, which the mock never sends: it went through Prism. */
  viaPrism: boolean;
  failures: PrismViolation[];
  tolerated: { violation: PrismViolation; why: string }[];
}

/** Appends one line to the file CONTRACT_PROXY_RECORD names (no-op without it). */
export function record(line: RecordLine): void {
  const file = process.env.CONTRACT_PROXY_RECORD;
  if (file) appendFileSync(file, JSON.stringify(line) + "\n");
}

/**
 * Whether a response went through Prism: Prism's proxy (with its default `--cors`) adds
 * `Access-Control-Allow-Origin`/`-Expose-Headers` to every answer, and the mock sends no CORS header.
 */
export function cameThroughPrism(headers: Headers): boolean {
  return headers.get("access-control-expose-headers") === "*" && headers.has("access-control-allow-origin");
}
