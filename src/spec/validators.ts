/**
 * Request and response validators, compiled once per operation at start-up (DESIGN.md
 * principle 8), with ajv's JSON Schema 2020-12 dialect, the dialect of OpenAPI 3.1.
 *
 * Three ajv instances, each configured for one direction (Prism keeps two for the same reason):
 *   - parameters arrive as strings: coerced to their declared types, documented defaults filled;
 *   - request bodies: never coerced, documented defaults filled (the spec is the one source of
 *     defaults, and the generated types of request bodies already say the fields are present);
 *   - responses: validated exactly as sent, never changed, so a missing field is a violation.
 */
import type { Ajv2020, CodeOptions, ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import { addFormats, ajv2020 } from "../lazy-modules.ts";
import { pointerSegment, type ValidationDetail } from "../core/errors.ts";
import type { JsonSchema, OperationSpec, ParameterSpec, SpecModel } from "./load.ts";
import { pruneUnknown, type Prune } from "./prune-unknown.ts";

/** The id under which `components.schemas` is registered; refs are rewritten to point here. */
const COMPONENTS_ID = "urn:runtools-mock:components";
const COMPONENT_REF = "#/components/schemas/";

/** Validates one value; answers the violations, empty when valid. */
export type Check = (value: unknown) => ValidationDetail[];

/** The parameters of a request, already split by location (all values still strings). */
export interface RawParams {
  path: Record<string, string>;
  query: URLSearchParams;
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
}

/** The coerced, defaulted parameters, as the handlers receive them. */
export interface CoercedParams {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  header: Record<string, unknown>;
}

/** Everything needed to validate one operation's traffic. */
export interface OperationValidators {
  /** Coerces and validates path, query and header parameters. */
  params(raw: RawParams): { value: CoercedParams; errors: ValidationDetail[] };
  /** Validates the parsed JSON body, when the operation takes one; a valid body loses the fields its schema does not declare (prune-unknown.ts). */
  body?: Check;
  /** One validator per declared status for its `application/json` body (undefined: no JSON body). */
  responses: ReadonlyMap<number, Check | undefined>;
  /** For statuses that stream `text/event-stream`: the validator of each frame's data. */
  events: ReadonlyMap<number, Check>;
}

/** All validators of a document, built once. */
export interface SpecValidators {
  operation(operationId: string): OperationValidators;
  /** Validates an arbitrary value against a named component schema (e.g. `ErrorResponse`). */
  component(name: string): Check;
}

/** OpenAPI keywords that may sit in a schema and mean nothing to JSON Schema validation. */
const OPENAPI_ANNOTATIONS = ["example", "discriminator", "xml", "externalDocs"];

function newAjv(options: { coerce: boolean; defaults: boolean; code: CodeOptions | undefined }): Ajv2020 {
  const { Ajv2020 } = ajv2020();
  const ajv = new Ajv2020({
    ...(options.code ? { code: options.code } : {}),
    allErrors: true,
    strict: true,
    // `type: [string, "null"]` unions are how 3.1 writes nullability.
    allowUnionTypes: true,
    coerceTypes: options.coerce ? "array" : false,
    useDefaults: options.defaults,
  });
  addFormats()(ajv);
  ajv.addVocabulary(OPENAPI_ANNOTATIONS);
  return ajv;
}

/** Deep-copies a schema, pointing `#/components/schemas/X` refs at the registered components. */
export function rewriteRefs<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item)) as T;
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "$ref" && typeof value === "string" && value.startsWith(COMPONENT_REF)) {
      out[key] = `${COMPONENTS_ID}#/$defs/${value.slice(COMPONENT_REF.length)}`;
    } else {
      out[key] = rewriteRefs(value);
    }
  }
  return out as T;
}

/** Turns ajv's errors into `{path, message}` pairs, paths being JSON pointers under `prefix`. */
export function toDetails(errors: readonly ErrorObject[] | null | undefined, prefix: string): ValidationDetail[] {
  if (!errors) return [];
  const details: ValidationDetail[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    let path = prefix + error.instancePath;
    let message = error.message ?? "is invalid";
    if (error.keyword === "required") {
      path += `/${pointerSegment(String((error.params as { missingProperty: string }).missingProperty))}`;
      message = "is required";
    } else if (error.keyword === "additionalProperties") {
      path += `/${pointerSegment(String((error.params as { additionalProperty: string }).additionalProperty))}`;
      message = "is not a declared property";
    } else if (error.keyword === "enum") {
      message += `: ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
    }
    // allErrors can report one problem through several branches (oneOf): keep each once.
    const key = `${path}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      details.push({ path, message });
    }
  }
  return details;
}

function isArraySchema(schema: JsonSchema): boolean {
  return schema.type === "array";
}

/** The three ajv configurations of the header comment, one per kind of value validated. */
export type Direction = "params" | "requests" | "responses";

/** One schema the document needs compiled, under a key unique within the document. */
export interface PlannedSchema {
  key: string;
  direction: Direction;
  /** As written in the document: component refs not yet rewritten. */
  schema: JsonSchema;
  /** Names the schema in a compile error. */
  label: string;
}

/** Hands out the compiled function of a planned schema (compiled now, or loaded precompiled). */
export type ValidatorSource = (planned: PlannedSchema) => ValidateFunction;

const PARAM_LOCATIONS = ["path", "query", "header"] as const;

/**
 * Every schema of a document that gets a validator, in document order: the parameters of each
 * location, the request body, each JSON response, each stream's frames, and every component (for
 * `component()`). The keys name the validators in a precompiled cache (contract-cache.ts).
 */
export function planSchemas(model: SpecModel): PlannedSchema[] {
  const plan: PlannedSchema[] = [];
  for (const op of model.operations) {
    for (const location of PARAM_LOCATIONS) {
      const params = op.parameters.filter((p) => p.in === location);
      if (params.length === 0) continue;
      const schema: JsonSchema = {
        type: "object",
        properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
        required: params.filter((p) => p.required).map((p) => p.name),
      };
      plan.push({ key: `${op.operationId}.params.${location}`, direction: "params", schema, label: `${op.operationId} ${location} parameters` });
    }
    if (op.requestBody && op.requestBody.mediaType !== "*/*") plan.push({ key: `${op.operationId}.request`, direction: "requests", schema: op.requestBody.schema, label: `${op.operationId} request` });
    for (const [status, response] of op.responses) {
      const json = response.content.get("application/json");
      if (json) plan.push({ key: `${op.operationId}.response.${status}`, direction: "responses", schema: json, label: `${op.operationId} ${status}` });
      if (response.eventSchema) plan.push({ key: `${op.operationId}.events.${status}`, direction: "responses", schema: response.eventSchema, label: `${op.operationId} ${status} events` });
    }
  }
  for (const name of Object.keys(model.schemas)) {
    plan.push({ key: `component.${name}`, direction: "responses", schema: { $ref: `${COMPONENT_REF}${name}` }, label: name });
  }
  return plan;
}

/** Three ajv instances with the components registered, compiling planned schemas on demand. */
export interface AjvCompiler {
  instances: Record<Direction, Ajv2020>;
  source: ValidatorSource;
}

/**
 * Compiles with ajv at run time. `emitSource` keeps each function's source, which ajv's
 * standalone code generation needs (contract-cache.ts writes it to disk).
 */
export function ajvCompiler(model: SpecModel, options: { emitSource?: boolean } = {}): AjvCompiler {
  const { _ } = ajv2020();
  const code = options.emitSource ? { source: true, formats: _`require("ajv-formats/dist/formats").fullFormats` } : undefined;
  const instances: Record<Direction, Ajv2020> = {
    params: newAjv({ coerce: true, defaults: true, code }),
    requests: newAjv({ coerce: false, defaults: true, code }),
    responses: newAjv({ coerce: false, defaults: false, code }),
  };
  const components = { $id: COMPONENTS_ID, $defs: rewriteRefs(model.schemas) };
  for (const ajv of Object.values(instances)) ajv.addSchema(structuredClone(components));
  return {
    instances,
    source(planned) {
      const ajv = instances[planned.direction];
      try {
        const known = ajv.getSchema(planned.key);
        if (known) return known;
        ajv.addSchema(rewriteRefs(planned.schema), planned.key);
        return ajv.getSchema(planned.key) as ValidateFunction;
      } catch (error) {
        throw new Error(`${planned.label}: schema does not compile: ${(error as Error).message}`);
      }
    },
  };
}

/**
 * Builds every validator the document needs; throws if any schema fails to compile. Component
 * validators are built on first use; all others before this returns (DESIGN.md principle 8).
 */
export function compileValidators(model: SpecModel, source: ValidatorSource = ajvCompiler(model).source): SpecValidators {
  const planned = new Map(planSchemas(model).map((entry) => [entry.key, entry]));
  const check = (key: string, prefix: string): Check => {
    const validate = source(planned.get(key) as PlannedSchema);
    return (value) => (validate(value) ? [] : toDetails(validate.errors, prefix));
  };

  const byOperation = new Map<string, OperationValidators>();
  for (const op of model.operations) {
    const id = op.operationId;
    byOperation.set(id, {
      params: paramsValidator(op, (location) => (planned.has(`${id}.params.${location}`) ? source(planned.get(`${id}.params.${location}`) as PlannedSchema) : undefined)),
      ...(op.requestBody && op.requestBody.mediaType !== "*/*" ? { body: prunedAfter(check(`${id}.request`, "/body"), pruneUnknown(op.requestBody.schema, model.schemas)) } : {}),
      responses: new Map([...op.responses.keys()].map((status) => [status, planned.has(`${id}.response.${status}`) ? check(`${id}.response.${status}`, "/body") : undefined])),
      events: new Map([...op.responses].filter(([, response]) => response.eventSchema !== undefined).map(([status]) => [status, check(`${id}.events.${status}`, "/data")])),
    });
  }

  const componentChecks = new Map<string, Check>();
  return {
    operation(operationId) {
      const found = byOperation.get(operationId);
      if (!found) throw new Error(`no such operation: ${operationId}`);
      return found;
    },
    component(name) {
      let found = componentChecks.get(name);
      if (!found) {
        if (!(name in model.schemas)) throw new Error(`no such component schema: ${name}`);
        found = check(`component.${name}`, "/body");
        componentChecks.set(name, found);
      }
      return found;
    },
  };
}

/** A body check that, once the body is valid, removes the fields its schema does not declare. */
function prunedAfter(check: Check, prune: Prune): Check {
  return (value) => {
    const details = check(value);
    if (details.length === 0) prune(value);
    return details;
  };
}

/**
 * Parameters are validated as one object per location, so that ajv coerces `"25"` to 25 and
 * fills documented defaults (`limit`), and reports every violation at once.
 */
function paramsValidator(op: OperationSpec, validatorOf: (location: (typeof PARAM_LOCATIONS)[number]) => ValidateFunction | undefined): OperationValidators["params"] {
  const checks = PARAM_LOCATIONS.map((location) => {
    const validate = validatorOf(location);
    return validate && { location, params: op.parameters.filter((p) => p.in === location), validate };
  });

  return (raw) => {
    const value: CoercedParams = { path: {}, query: {}, header: {} };
    const errors: ValidationDetail[] = [];
    for (const check of checks) {
      if (!check) continue;
      const target = check.location === "header" ? value.header : value[check.location];
      for (const param of check.params) collectParam(param, raw, target);
      if (!check.validate(target)) errors.push(...toDetails(check.validate.errors, `/${check.location}`));
    }
    return { value, errors };
  };
}

function collectParam(param: ParameterSpec, raw: RawParams, target: Record<string, unknown>): void {
  if (param.in === "path") {
    const v = raw.path[param.name];
    if (v !== undefined) target[param.name] = v;
  } else if (param.in === "query") {
    const all = raw.query.getAll(param.name);
    if (all.length === 0) return;
    // A scalar parameter given twice is ambiguous: keep both so the validator reports it.
    target[param.name] = isArraySchema(param.schema) || all.length > 1 ? all : all[0];
  } else if (param.in === "header") {
    // Node lower-cases header names; handlers see them under the name the spec declares.
    const v = raw.headers[param.name.toLowerCase()];
    if (v !== undefined) target[param.name] = typeof v === "string" ? v : v[0];
  }
}
