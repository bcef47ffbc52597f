/**
 * Scripts and fault rules are checked against spec/openapi.yaml when they are set, so that an
 * override can never make the mock answer what the contract does not allow (issue 5).
 */
import { ApiError, ERROR_CATALOGUE, type ValidationDetail } from "../core/errors.ts";
import type { SpecModel } from "../spec/load.ts";
import type { SpecValidators } from "../spec/validators.ts";
import type { FaultRuleInput, ResponseScriptInput } from "./control-types.ts";

/** Statuses a rule for every operation may inject (rendered as `internal_error`). */
const ANY_OPERATION_STATUSES = new Set([500, 503]);

/** Refuses a response script the spec would not allow; fills in the documented example when no body is given. */
export function checkResponseScript(input: ResponseScriptInput, spec: SpecModel, validators: SpecValidators): ResponseScriptInput {
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
