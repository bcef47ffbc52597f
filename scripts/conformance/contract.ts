/**
 * The contract the conformance runner checks against, taken from spec/openapi.yaml and nothing
 * else: the operations and the (operation, status) pairs they document, the route table, the body
 * and SSE-frame validators (src/spec/validators.ts) and the response headers each status declares.
 * No schema is copied here: header schemas are compiled by the same compileValidators, through a
 * small synthetic model whose "responses" are the header schemas.
 */
import { loadSpec, resolveLocalRef, type JsonSchema, type OperationSpec, type SpecModel } from "../../src/spec/load.ts";
import { RouteTable } from "../../src/spec/routes.ts";
import { compileValidators, type Check, type OperationValidators } from "../../src/spec/validators.ts";

/** One documented (operation, status) pair. */
export interface DocumentedPair {
  operationId: string;
  status: number;
  method: string;
  path: string;
}

/** A response header the spec declares for one status. */
export interface HeaderRule {
  name: string;
  required: boolean;
  check: Check;
}

/** The loaded contract. */
export interface Contract {
  model: SpecModel;
  routes: RouteTable;
  /** Every documented (operation, status) pair, in document order. */
  pairs: readonly DocumentedPair[];
  operation(operationId: string): OperationSpec;
  validators(operationId: string): OperationValidators;
  /** The headers the spec declares for a status (empty when it declares none). */
  headers(operationId: string, status: number): readonly HeaderRule[];
  /** A named component schema's check (`ErrorResponse` for answers outside any operation). */
  component(name: string): Check;
}

/** Loads spec/openapi.yaml (or another document) into the runner's contract. */
export function loadContract(path?: string): Contract {
  const model = path === undefined ? loadSpec() : loadSpec(path);
  const validators = compileValidators(model);
  const byId = new Map(model.operations.map((op) => [op.operationId, op]));
  const headers = compileHeaderRules(model);
  const pairs: DocumentedPair[] = [];
  for (const op of model.operations) {
    for (const status of [...op.responses.keys()].sort((a, b) => a - b)) {
      // An answer no request can provoke (507 exists only when the --persist disk fails) is not a pair to cover.
      if (op.responses.get(status)?.conformanceExempt !== undefined) continue;
      pairs.push({ operationId: op.operationId, status, method: op.method, path: op.path });
    }
  }
  return {
    model,
    routes: new RouteTable(model.operations),
    pairs,
    operation(operationId) {
      const op = byId.get(operationId);
      if (!op) throw new Error(`the spec has no operation ${operationId}`);
      return op;
    },
    validators: (operationId) => validators.operation(operationId),
    headers: (operationId, status) => headers.get(`${operationId} ${status}`) ?? [],
    component: (name) => validators.component(name),
  };
}

/**
 * Compiles the schema of every response header the document declares. The schemas go through
 * compileValidators, so `$ref`s to component schemas (`RunId`, `ThreadId`) resolve exactly as
 * they do for bodies.
 */
function compileHeaderRules(model: SpecModel): Map<string, HeaderRule[]> {
  const document = model.document;
  const declared: { key: string; name: string; required: boolean; syntheticId: string }[] = [];
  const synthetic: OperationSpec[] = [];
  for (const op of model.operations) {
    const item = resolveLocalRef(document, (document.paths as Record<string, unknown>)[op.path]);
    const rawOp = resolveLocalRef(document, item[op.method.toLowerCase()]);
    for (const [status, rawResponse] of Object.entries((rawOp.responses ?? {}) as Record<string, unknown>)) {
      const response = resolveLocalRef(document, rawResponse);
      for (const [name, rawHeader] of Object.entries((response.headers ?? {}) as Record<string, unknown>)) {
        const header = resolveLocalRef(document, rawHeader);
        const syntheticId = `${op.operationId} ${status} header ${name}`;
        declared.push({ key: `${op.operationId} ${status}`, name, required: header.required === true, syntheticId });
        synthetic.push({
          operationId: syntheticId,
          method: "GET",
          path: `/__header/${synthetic.length}`,
          parameters: [],
          responses: new Map([[200, { status: 200, description: "", content: new Map([["application/json", (header.schema ?? {}) as JsonSchema]]), examples: new Map() }]]),
          requiresAuth: false,
        });
      }
    }
  }
  const compiled = compileValidators({ document, schemas: model.schemas, operations: synthetic });
  const rules = new Map<string, HeaderRule[]>();
  for (const entry of declared) {
    const bodyCheck = compiled.operation(entry.syntheticId).responses.get(200) as Check;
    const pointer = `/header/${entry.name}`;
    const check: Check = (value) => bodyCheck(value).map((d) => ({ path: pointer + d.path.replace(/^\/body/, ""), message: d.message }));
    const list = rules.get(entry.key) ?? [];
    list.push({ name: entry.name, required: entry.required, check });
    rules.set(entry.key, list);
  }
  return rules;
}
