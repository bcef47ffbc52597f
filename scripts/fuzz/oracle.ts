/**
 * What the fuzzer asserts about every answer, reusing the conformance runner's contract check
 * (scripts/conformance/http.ts `checkAgainstContract`: declared status, declared headers, media
 * type, body schema, SSE frames, request-id correlation) for both documents:
 *   - no 5xx and no connection reset, ever;
 *   - every answer valid for its operation and status (an unrouted path: the error envelope);
 *   - a request that no reading of the spec accepts (`mustReject`) is not answered 2xx;
 *   - a rejected request leaves the exported state as it was (the runner compares the exports);
 *   - `/health` answers 200 throughout.
 * Each finding has a signature (kind, operation, normalized reason), the same for the same defect
 * whatever the ids, sizes and mutation, so that
 * a run reports each defect once and known-findings.ts can name the ones other work fixes.
 */
import { checkAgainstContract, parseFrames, type Exchange } from "../conformance/http.ts";
import { loadContract, type Contract } from "../conformance/contract.ts";
import { CONTROL_PATH } from "../../src/spec/load.ts";
import type { RequestPlan } from "./generator.ts";

/** A request as sent on the wire. */
export interface WireRequest {
  method: string;
  /** Path and query, exactly as sent. */
  target: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** What came back: a response, or a broken connection. */
export interface WireResponse {
  status?: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Set when the connection broke (reset, hang-up, timeout). */
  error?: string;
}

export type FindingKind = "server-error" | "connection-broken" | "off-spec" | "accepted-invalid" | "state-changed" | "health-down";

/** One thing found wrong. */
export interface Finding {
  kind: FindingKind;
  /** Stable across runs for the same defect: kind, operation, variant and the normalized reason. */
  signature: string;
  detail: string;
}

/** The two contracts, loaded once. */
export class Oracle {
  readonly #public: Contract = loadContract();
  readonly #control: Contract = loadContract(CONTROL_PATH);

  /** The operation a method and raw path route to, in the document that serves the path. */
  route(method: string, rawPath: string): { contract: Contract; operationId: string | undefined; template: string | undefined } {
    const contract = isControlPath(rawPath) ? this.#control : this.#public;
    const match = contract.routes.match(method, rawPath);
    return match.kind === "found" ? { contract, operationId: match.operation.operationId, template: match.operation.path } : { contract, operationId: undefined, template: undefined };
  }

  /** Everything wrong with one answer. */
  judge(plan: RequestPlan, request: WireRequest, response: WireResponse): Finding[] {
    const rawPath = pathOf(request.target);
    const { contract, operationId, template } = this.route(request.method, rawPath);
    const where = operationId ?? `${request.method} (unrouted)`;
    // The mutation is left out of the signature: a defect that earlier requests stored (a body
    // too deep to render, say) breaks every later request to an operation, whatever its mutation.
    const finding = (kind: FindingKind, reason: string, detail: string): Finding => ({ kind, signature: `${kind} ${where}: ${normalize(reason)}`, detail: `[${plan.variant}] ${detail}` });

    if (response.error !== undefined || response.status === undefined) {
      return [finding("connection-broken", response.error ?? "no status", response.error ?? "no status")];
    }
    const status = response.status;
    const findings: Finding[] = [];
    const body = parseJson(response.text);
    if (status >= 500) {
      const message = (body.value as { error?: { message?: string } } | undefined)?.error?.message ?? response.text.slice(0, 200);
      return [finding("server-error", `${status} ${message}`, `${status} ${message}`)];
    }
    if (plan.mustReject && status < 300) findings.push(finding("accepted-invalid", `${status}`, `answered ${status} to a request the spec cannot accept`));

    const headers = toHeaders(response.headers);
    const contentType = headers.get("content-type") ?? "";
    const violations: string[] = [];
    if (!/^req_[A-Za-z0-9]+$/.test(headers.get("x-request-id") ?? "")) violations.push("/header/X-Request-Id is missing or malformed");
    const streamed = contentType.startsWith("text/event-stream");
    if (!body.ok && !streamed) violations.push(`the body is not JSON: ${response.text.slice(0, 120)}`);
    if (template === undefined || status === 431) {
      // 404/405 outside any operation, and a 431 for a head node:http would not read (before any
      // routing, src/client-errors.ts): the error envelope is the whole contract.
      const errors = contract.component("ErrorResponse")(body.value);
      violations.push(...errors.map((d) => `${d.path} ${d.message}`));
      if (![404, 405, 431].includes(status)) violations.push(`an unrouted request answered ${status}`);
    } else {
      const exchange: Exchange = {
        method: request.method,
        // A path that routes as the wire path did (the contract check parses it as a URL).
        path: template.replace(/\{[^}]+\}/g, "p"),
        operationId: undefined,
        status,
        headers,
        contentType,
        body: streamed ? undefined : body.value,
        violations,
        durationMs: 0,
      };
      if (streamed) exchange.frames = parseFrames(response.text.replace(/\r\n?/g, "\n")).frames;
      checkAgainstContract(contract, exchange);
    }
    if (violations.length > 0) findings.push(finding("off-spec", `${status} ${violations[0]}`, `${status}: ${violations.slice(0, 5).join("; ")}`));
    return findings;
  }

  /** A `/health` probe's answer must be 200 and valid. */
  judgeHealth(response: WireResponse): Finding[] {
    const body = parseJson(response.text);
    const ok = response.status === 200 && body.ok && this.#public.validators("getHealth").responses.get(200)?.(body.value).length === 0;
    return ok ? [] : [{ kind: "health-down", signature: "health-down getHealth", detail: `${response.status ?? response.error}: ${response.text.slice(0, 200)}` }];
  }
}

/** True for the control plane's paths (src/mock.ts routes them the same way). */
export function isControlPath(rawPath: string): boolean {
  return rawPath === "/__mock" || rawPath.startsWith("/__mock/");
}

export function pathOf(target: string): string {
  const at = target.indexOf("?");
  return at === -1 ? target : target.slice(0, at);
}

/** A reason without the parts that change from run to run (ids, numbers, quoted values). */
export function normalize(reason: string): string {
  return reason
    .replace(/\b(req|run|thr|agt|rol|scr|sandbox|ws|wsp)[_-][A-Za-z0-9]+/g, "<$1>")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, "<uuid>")
    // Keys the fuzzer made up (generator.ts `bodyUnknownKeys`).
    .replace(/\bfuzz[A-Za-z0-9]+/g, "fuzz…")
    .replace(/'[^']*'/g, "'…'")
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\/\d+(?=\/|\s|$)/g, "/N")
    .replace(/\b\d+\b/g, (n) => (n.length === 3 ? n : "N"))
    .slice(0, 160);
}

function parseJson(text: string): { ok: boolean; value: unknown } {
  if (text === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, value: undefined };
  }
}

function toHeaders(raw: WireResponse["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}
