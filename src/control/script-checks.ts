/**
 * Scripts and fault rules are checked against spec/openapi.yaml when they are set, so that an
 * override can never make the mock answer what the contract does not allow (issue 5).
 */
import { ApiError, ERROR_CATALOGUE, type ValidationDetail } from "../core/errors.ts";
import type { SpecModel } from "../spec/load.ts";
import type { SpecValidators } from "../spec/validators.ts";
import type { FaultRuleInput, ResponseScriptInput } from "./control-types.ts";

/**
 * Headers a script may not set: the mock owns the framing of its answers (a second
 * Content-Length, or Transfer-Encoding beside one, would make the message ambiguous to every
 * client and proxy: RFC 9112 §6.3), and X-Request-Id and Content-Type, which it always sends.
 */
const MOCK_OWNED_HEADERS = new Set([
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "proxy-connection",
  "upgrade",
  "te",
  "trailer",
  "content-type",
  "x-request-id",
]);

/** RFC 9110 §5.1 field names (tokens) and §5.5 values (no CR, LF or NUL), as node:http enforces them. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Statuses a rule for every operation may inject (rendered as `internal_error`). */
const ANY_OPERATION_STATUSES = new Set([500, 503]);

/** Refuses a response script the spec would not allow; fills in the documented example when no body is given. */
export function checkResponseScript(input: ResponseScriptInput, spec: SpecModel, validators: SpecValidators): ResponseScriptInput {
  checkScriptHeaders(input.headers ?? {});
  const operation = spec.operations.find((op) => op.operationId === input.operationId);
  if (!operation) throw refuse([{ path: "/body/operationId", message: `'${input.operationId}' is not an operation of spec/openapi.yaml` }]);
  const response = operation.responses.get(input.status);
  if (!response) {
    throw refuse([{ path: "/body/status", message: `${input.status} is not a documented status of ${input.operationId} (${[...operation.responses.keys()].join(", ")})` }]);
  }
  const check = validators.operation(input.operationId).responses.get(input.status);
  if (input.body === undefined) {
    const example = response.examples.values().next().value;
    return example === undefined ? input : { ...input, body: structuredClone(example) };
  }
  if (!check) throw refuse([{ path: "/body/body", message: `${input.operationId} ${input.status} has no JSON body` }]);
  const problems = check(input.body).map((d) => ({ path: d.path.replace(/^\/body/, "/body/body"), message: d.message }));
  if (problems.length > 0) throw refuse(problems);
  return input;
}

/** Refuses headers the mock owns, names given twice (in any case), and what HTTP cannot carry. */
function checkScriptHeaders(headers: Record<string, string>): void {
  const problems: ValidationDetail[] = [];
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    const at = `/body/headers/${name.replaceAll("~", "~0").replaceAll("/", "~1")}`;
    const lower = name.toLowerCase();
    if (!HEADER_NAME.test(name)) problems.push({ path: at, message: "is not a valid header name" });
    else if (MOCK_OWNED_HEADERS.has(lower)) problems.push({ path: at, message: `is set by the mock, which owns the framing and the Content-Type and X-Request-Id of its answers` });
    else if (seen.has(lower)) problems.push({ path: at, message: "is given twice (header names are case-insensitive)" });
    else if (typeof value !== "string" || !HEADER_VALUE.test(value)) problems.push({ path: at, message: "must not contain CR, LF or other control characters" });
    seen.add(lower);
  }
  if (problems.length > 0) throw refuse(problems);
}

/** Refuses fault rules for unknown operations, undocumented error statuses or inverted ranges. */
export function checkFaultRules(rules: readonly FaultRuleInput[], spec: SpecModel): void {
  const problems: ValidationDetail[] = [];
  rules.forEach((rule, i) => {
    const at = `/body/rules/${i}`;
    const operation = rule.operationId === undefined ? undefined : spec.operations.find((op) => op.operationId === rule.operationId);
    if (rule.operationId !== undefined && !operation) problems.push({ path: `${at}/operationId`, message: `'${rule.operationId}' is not an operation of spec/openapi.yaml` });
    if (rule.error) {
      const allowed = operation ? operation.responses.has(rule.error.status) && rule.error.status >= 400 : ANY_OPERATION_STATUSES.has(rule.error.status);
      if (!allowed) {
        const which = operation ? `a 4xx/5xx status ${operation.operationId} declares` : "500 or 503 for a rule on every operation";
        problems.push({ path: `${at}/error/status`, message: `must be ${which}` });
      }
      if (rule.error.code !== undefined && ERROR_CATALOGUE[rule.error.code as keyof typeof ERROR_CATALOGUE] !== rule.error.status && !ANY_OPERATION_STATUSES.has(rule.error.status)) {
        problems.push({ path: `${at}/error/code`, message: `is not a code of status ${rule.error.status}` });
      }
    }
    const latency = rule.latency;
    if (latency?.distribution === "uniform" && latency.minMs > latency.maxMs) problems.push({ path: `${at}/latency/minMs`, message: "must not exceed maxMs" });
    if (latency?.distribution === "lognormal" && latency.medianMs > latency.p99Ms) problems.push({ path: `${at}/latency/medianMs`, message: "must not exceed p99Ms" });
  });
  if (problems.length > 0) throw refuse(problems);
}

function refuse(problems: ValidationDetail[]): ApiError {
  return new ApiError("bad_request", `Refused: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`, problems);
}
