/**
 * The fuzzer's requests, as fast-check arbitraries built from spec/openapi.yaml and
 * spec/control.yaml (loaded through src/spec/load.ts, which bundles the multi-file public spec).
 *
 * Each request aims at one operation and is either valid for it (parameters and body drawn from
 * the schemas by schema-arbitrary.ts) or valid with one deliberate fault (a mutation): wrong
 * types, missing fields, huge and unicode strings, nulls, deep nesting, prototype keys, bad or
 * duplicate query parameters, bad path ids, wrong or missing Content-Type, invalid UTF-8, bodies
 * on GET, bad keys, `Prefer` headers, undeclared methods and unknown paths.
 *
 * `mustReject` marks the mutations that no reading of the spec can accept (malformed JSON, a
 * required field missing, a declared field of the wrong type, no API key…): the oracle reports
 * a 2xx to one of them. Control-plane operations that change the mock (reset, import, scripts,
 * faults) get only such mutations, so the fuzzer never turns faults on or wipes state itself.
 */
import fc from "fast-check";
import { CONTROL_PATH, loadSpec, type JsonSchema, type OperationSpec, type ParameterSpec } from "../../src/spec/load.ts";
import { SchemaArbitraries } from "./schema-arbitrary.ts";

/** A path parameter: a literal, or "the n-th id the fuzzer has seen for this kind of object". */
export type PathValue = { raw: string } | { pool: string; pick: number; fallback: string };

/** A request before pooled ids are filled in (the runner does that: ids come from responses). */
export interface RequestPlan {
  api: "public" | "control";
  /** The operation the request aims at. */
  operationId: string;
  /** "valid", or the mutation applied. */
  variant: string;
  mustReject: boolean;
  method: string;
  /** The path template, e.g. `/v1/agents/{slug}`, or a literal path. */
  template: string;
  pathParams: Record<string, PathValue>;
  /** `[name, value]` pairs, percent-encoded on send unless `rawQuery` is set. */
  query: [string, string][];
  /** A query string sent as is (bad percent-encoding). */
  rawQuery?: string;
  headers: Record<string, string>;
  /** The body: text (UTF-8) or bytes (invalid UTF-8). */
  body?: string | Uint8Array;
  /** Which API key the request carries. */
  key: KeyChoice;
}

/** `org:n` is one of the fuzzer's organizations; `fresh:…` a well-formed key never used before. */
export type KeyChoice = { kind: "org"; index: number } | { kind: "fresh"; suffix: string } | { kind: "none" } | { kind: "raw"; value: string };

/** How many organizations the fuzzer's valid traffic spreads over. */
export const ORGANIZATIONS = 3;

/** The API key of the fuzzer's n-th organization. */
export function orgKey(index: number): string {
  return `rt_test_fuzzorg${index}`;
}

/** The objects whose ids the fuzzer pools, by the collection path that owns them. */
export function poolOf(template: string): string {
  return template.slice(0, template.indexOf("/{"));
}

const CONTROL_SAFE = new Set(["exportState", "listRequests", "listScripts", "getFaults", "clearRequests"]);
const UNICODE = ["é", "日本語", "👩‍👩‍👧‍👦", "\u202Eevil", "\u200B", "\u0000", "\uFEFF", "\uD800", "\uDFFF", "𝕏", "ﷺ", "\\", "\"", "%00", "../", "<script>"];
const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype"];
const WRONG_CONTENT_TYPES = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "json", "*/*"];
const BAD_KEYS = ["rt_test_", "rt_live_", "Bearer", "rt_prod_abc", "rt_test_with_underscore", "rt_test_日本", "x".repeat(5000), "rt_test_a b", ""];
const BAD_IDS = ["..", ".", "%2F", "%2e%2e", "%00", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "x".repeat(3000), "%F0%9F%92%A9", "sandbox-", "thr_", "run_", "-", "0", "null", "undefined", "%E0%A4%A", "a%20b"];
const BAD_QUERY_VALUES = ["", "-1", "0", "abc", "1e309", "NaN", "999999999999999999999", "true", "[]", "{}", "%00", "x".repeat(5000), "日本"];
const RAW_QUERIES = ["%", "%zz", "%C0%80", "%FF%FE", "limit=%", "&&&", "=", "limit[]=1&limit[]=2", "__proto__[x]=1", "constructor=1"];
const EXTRA_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
// Built once: building a string arbitrary costs far more than drawing from it, and mutations
// are built on every draw.
const KEY_SUFFIX = fc.stringMatching(/^[A-Za-z0-9]{8}$/);
const UNKNOWN_KEY = fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9]{0,11}$/);
const ANY_JSON = fc.jsonValue({ maxDepth: 2 });

/** Everything the generator derives from the two documents, built once. */
export interface Catalog {
  operations: readonly { api: "public" | "control"; op: OperationSpec; schemas: SchemaArbitraries; body?: JsonSchema }[];
}

/** Loads both documents. */
export function loadCatalog(): Catalog {
  const operations: Catalog["operations"][number][] = [];
  for (const [api, path] of [["public", undefined], ["control", CONTROL_PATH]] as const) {
    const model = loadSpec(path);
    const schemas = new SchemaArbitraries(model.schemas);
    for (const op of model.operations) {
      operations.push({ api, op, schemas, ...(op.requestBody ? { body: schemas.resolve(op.requestBody.schema) } : {}) });
    }
  }
  return { operations };
}

/** One request: an operation, then a valid request for it, then (mostly) a mutation. */
export function requestArbitrary(catalog: Catalog): fc.Arbitrary<RequestPlan> {
  // A control operation that changes the mock and has no input to get surely wrong is left out.
  const aimed = catalog.operations.filter((entry) => mutationsFor(entry, entry.api === "control" && !CONTROL_SAFE.has(entry.op.operationId)).length > 0);
  // Built once per operation: a chain's function runs on every draw.
  const built = new Map(aimed.map((entry) => {
    const mutatesState = entry.api === "control" && !CONTROL_SAFE.has(entry.op.operationId);
    return [entry, { valid: validPlan(entry), mutatesState, mutations: mutationsFor(entry, mutatesState) }] as const;
  }));
  return fc.constantFrom(...aimed).chain((entry) => {
    const { valid, mutatesState, mutations } = built.get(entry) as { valid: fc.Arbitrary<RequestPlan>; mutatesState: boolean; mutations: (keyof typeof MUTATIONS)[] };
    // A quarter valid (so state builds up and ids are found), the rest one mutation each.
    const pick = mutatesState ? fc.constantFrom(...mutations) : fc.oneof({ arbitrary: fc.constant(undefined), weight: 1 }, { arbitrary: fc.constantFrom(...mutations), weight: 3 });
    return fc.tuple(valid, pick, fc.integer({ min: 0, max: 19 }), KEY_SUFFIX).chain(([plan, mutation, keyDie, suffix]) => {
      // One request in twenty comes from an organization never seen before.
      const withKey: RequestPlan = keyDie === 0 && entry.api === "public" ? { ...plan, key: { kind: "fresh", suffix } } : plan;
      return mutation ? MUTATIONS[mutation](withKey, entry).map((mutated) => ({ ...mutated, variant: mutation })) : fc.constant(withKey);
    });
  });
}

function validPlan(entry: Catalog["operations"][number]): fc.Arbitrary<RequestPlan> {
  const { api, op, schemas } = entry;
  const pathParams = fc.record(
    Object.fromEntries(
      op.parameters.filter((p) => p.in === "path").map((p) => [p.name, fc.tuple(fc.nat(63), schemas.of(p.schema)).map(([pick, fallback]): PathValue => ({ pool: poolOf(op.path), pick, fallback: String(fallback) }))]),
    ) as Record<string, fc.Arbitrary<PathValue>>,
  );
  const query = fc.tuple(...op.parameters.filter((p) => p.in === "query").map((p) => optionalParam(p, schemas))).map((pairs) => pairs.flat());
  const body = entry.body ? schemas.of(op.requestBody?.schema as JsonSchema).map((v) => JSON.stringify(v)) : fc.constant(undefined);
  return fc.record({ pathParams, query, body, org: fc.nat(ORGANIZATIONS - 1) }).map(({ pathParams, query, body, org }) => ({
    api,
    operationId: op.operationId,
    variant: "valid",
    mustReject: false,
    method: op.method,
    template: op.path,
    pathParams,
    query,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body }),
    key: api === "public" ? { kind: "org", index: org } : { kind: "none" },
  }));
}

function optionalParam(param: ParameterSpec, schemas: SchemaArbitraries): fc.Arbitrary<[string, string][]> {
  const value = schemas.of(param.schema).map((v): [string, string][] => (Array.isArray(v) ? v.map((item) => [param.name, String(item)]) : [[param.name, String(v)]]));
  return param.required ? value : fc.option(value, { nil: [] as [string, string][] });
}

type Mutation = (plan: RequestPlan, entry: Catalog["operations"][number]) => fc.Arbitrary<RequestPlan>;

function mutationsFor(entry: Catalog["operations"][number], onlyRejected: boolean): (keyof typeof MUTATIONS)[] {
  const { op, body } = entry;
  const names: (keyof typeof MUTATIONS)[] = [];
  if (body) {
    names.push("bodyMalformedJson", "bodyInvalidUtf8", "contentTypeWrong", "contentTypeMissing", "bodyNotObject");
    if (((body.required as string[] | undefined) ?? []).length > 0) names.push("bodyMissingRequired");
    if (Object.keys((body.properties as object | undefined) ?? {}).length > 0) names.push("bodyWrongType");
    if (!onlyRejected) names.push("bodyFieldNull", "bodyHugeString", "bodyUnicode", "bodyDeepNesting", "bodyPrototypeKeys", "bodyUnknownKeys");
  }
  if (op.parameters.some((p) => p.in === "query" && (p.schema.enum !== undefined || p.schema.type === "integer" || p.schema.type === "boolean"))) names.push("queryBadValue");
  if (onlyRejected) return names;
  if (!body) names.push("bodyOnBodiless");
  if (op.parameters.some((p) => p.in === "query")) names.push("queryDuplicate", "queryHuge");
  names.push("queryUnknown", "queryBadEncoding", "preferHeader", "methodUndeclared", "pathUnknown", "oddHeaders");
  if (op.parameters.some((p) => p.in === "path")) names.push("pathBadId", "pathValidLookingId");
  if (op.requiresAuth && entry.api === "public") names.push("authMissing", "authMalformed");
  return names;
}

const MUTATIONS = {
  bodyMalformedJson: (plan) =>
    fc.constantFrom("{", '{"a":', "[1,2", "{'a':1}", '{"a":1,}', "nul", '{"a":"\\x"}', "\u0000", '{"a":1}}').map((body) => ({ ...plan, body, mustReject: true })),
  bodyInvalidUtf8: (plan) =>
    fc.constantFrom([0xff], [0xc3, 0x28], [0xe2, 0x28, 0xa1], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc0, 0xaf]).map((bad) => {
      const text = typeof plan.body === "string" ? plan.body : "{}";
      const at = Math.max(1, text.indexOf('"') + 1);
      const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from(bad), Buffer.from(text.slice(at))]);
      return { ...plan, body: new Uint8Array(bytes), mustReject: true };
    }),
  contentTypeWrong: (plan) => fc.constantFrom(...WRONG_CONTENT_TYPES).map((type) => ({ ...plan, headers: { ...plan.headers, "Content-Type": type }, body: plan.body ?? "{}", mustReject: true })),
  contentTypeMissing: (plan) => {
    const { "Content-Type": _dropped, ...headers } = plan.headers;
    return fc.constant({ ...plan, headers, body: plan.body ?? "{}", mustReject: true });
  },
  bodyNotObject: (plan) => fc.constantFrom("[]", "[{}]", '"text"', "42", "true", "null").map((body) => ({ ...plan, body, mustReject: true })),
  bodyMissingRequired: (plan, entry) =>
    fc.constantFrom(...((entry.body?.required as string[]) ?? [])).map((name) => {
      const value = parsedBody(plan);
      delete value[name];
      // A required field with a documented default is filled in, not missing (validators.ts).
      const property = (entry.body?.properties as Record<string, JsonSchema> | undefined)?.[name];
      const defaulted = property !== undefined && "default" in entry.schemas.resolve(property);
      return { ...plan, body: JSON.stringify(value), mustReject: !defaulted };
    }),
  bodyWrongType: (plan, entry) => {
    const properties = (entry.body?.properties ?? {}) as Record<string, JsonSchema>;
    return fc.tuple(fc.constantFrom(...Object.keys(properties)), fc.constantFrom<unknown>(12345, -1.5, "a string", true, false, [], [1, "two"], {}, { nested: {} })).map(([name, wrong]) => {
      const allowed = jsonTypes(entry.schemas.resolve(properties[name] as JsonSchema));
      const value = parsedBody(plan);
      value[name] = wrong;
      // Only a value of a JSON type the schema does not allow is surely invalid.
      return { ...plan, body: JSON.stringify(value), mustReject: allowed !== undefined && !allowed.includes(jsonType(wrong)) };
    });
  },
  bodyFieldNull: (plan) => fc.nat(100).map((pick) => ({ ...plan, body: JSON.stringify(replaceAt(parsedBody(plan), pick, () => null)) })),
  bodyHugeString: (plan) =>
    fc.tuple(fc.nat(100), fc.constantFrom(10_000, 100_000, 1_100_000), fc.constantFrom("x", "é", "👩‍👩‍👧")).map(([pick, size, unit]) => ({
      ...plan,
      body: JSON.stringify(replaceAt(parsedBody(plan), pick, () => unit.repeat(Math.ceil(size / Buffer.byteLength(unit))))),
    })),
  bodyUnicode: (plan) =>
    fc.tuple(fc.nat(100), fc.array(fc.constantFrom(...UNICODE), { minLength: 1, maxLength: 6 })).map(([pick, parts]) => ({
      ...plan,
      body: JSON.stringify(replaceAt(parsedBody(plan), pick, (old) => (typeof old === "string" ? old + parts.join("") : parts.join("")))),
    })),
  bodyDeepNesting: (plan) =>
    fc.tuple(fc.nat(100), fc.constantFrom(64, 500, 3_000, 10_000), fc.constantFrom("[", "{")).map(([pick, depth, open]) => {
      const marker = "\u0001deep\u0001";
      const text = JSON.stringify(replaceAt(parsedBody(plan), pick, () => marker, true));
      const nest = open === "[" ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth);
      return { ...plan, body: text.replace(JSON.stringify(marker), nest) };
    }),
  bodyPrototypeKeys: (plan) =>
    fc.tuple(fc.nat(100), fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom<unknown>({}, { polluted: true }, null, "x", { toString: 1 })).map(([pick, key, value]) => {
      const body = parsedBody(plan);
      const target = objectAt(body, pick);
      Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      return { ...plan, body: JSON.stringify(body) };
    }),
  bodyUnknownKeys: (plan) =>
    fc.tuple(fc.nat(100), UNKNOWN_KEY, ANY_JSON).map(([pick, key, value]) => {
      const body = parsedBody(plan);
      objectAt(body, pick)[`fuzz${key}`] = value;
      return { ...plan, body: JSON.stringify(body) };
    }),
  bodyOnBodiless: (plan) => fc.constantFrom('{"a":1}', "[]", "not json", "x".repeat(2_000_000)).map((body) => ({ ...plan, body, headers: { ...plan.headers, "Content-Type": "application/json" } })),
  queryBadValue: (plan, entry) => {
    const typed = entry.op.parameters.filter((p) => p.in === "query" && (p.schema.enum !== undefined || p.schema.type === "integer" || p.schema.type === "boolean"));
    return fc.tuple(fc.constantFrom(...typed), fc.constantFrom("abc", "maybe", "-", "1.5x", "日本")).map(([param, value]) => ({
      ...plan,
      query: [...plan.query.filter(([name]) => name !== param.name), [param.name, value] as [string, string]],
      mustReject: true,
    }));
  },
  queryDuplicate: (plan, entry) =>
    fc.tuple(fc.constantFrom(...entry.op.parameters.filter((p) => p.in === "query")), fc.constantFrom(...BAD_QUERY_VALUES), fc.constantFrom(...BAD_QUERY_VALUES)).map(([param, a, b]) => ({
      ...plan,
      query: [...plan.query.filter(([name]) => name !== param.name), [param.name, a], [param.name, b]],
    })),
  queryHuge: (plan, entry) =>
    fc.tuple(fc.constantFrom(...entry.op.parameters.filter((p) => p.in === "query")), fc.constantFrom(...BAD_QUERY_VALUES)).map(([param, value]) => ({
      ...plan,
      query: [...plan.query.filter(([name]) => name !== param.name), [param.name, value]],
    })),
  queryUnknown: (plan) => fc.tuple(fc.constantFrom("foo", "__proto__", "constructor", "limit[0]", "日本"), fc.constantFrom(...BAD_QUERY_VALUES)).map(([name, value]) => ({ ...plan, query: [...plan.query, [name, value]] })),
  queryBadEncoding: (plan) => fc.constantFrom(...RAW_QUERIES).map((rawQuery) => ({ ...plan, rawQuery })),
  preferHeader: (plan) =>
    fc.constantFrom("code=404", "code=500", "code=999", "code=abc", "code=200, example=nope", "example=", "dynamic=true", "code=201", "code=400", "code=409").map((prefer) => ({ ...plan, headers: { ...plan.headers, Prefer: prefer } })),
  methodUndeclared: (plan) => fc.constantFrom(...EXTRA_METHODS).map((method) => ({ ...plan, method })),
  pathUnknown: (plan) =>
    fc.constantFrom("/v1/agentz", "/v1", "/v2/agents", "/__mock", "/__mock/nope", "/v1/agents/a/b/c", "/%", "/v1/%E0%A4%A", "//v1/agents", "/v1/agents/../agents", "/__proto__", "/v1/sandboxes/x/y").map((template) => ({
      ...plan,
      template,
      pathParams: {},
    })),
  oddHeaders: (plan) =>
    fc.constantFrom<Record<string, string>>(
      { Accept: "text/event-stream" },
      { Accept: "application/xml" },
      { "X-Request-Id": "req_client" },
      { "X-Custom": "x".repeat(6000) },
      { "Content-Encoding": "gzip" },
      { "Accept-Encoding": "br" },
      { "X-Forwarded-For": "203.0.113.9" },
    ).map((extra) => ({ ...plan, headers: { ...plan.headers, ...extra } })),
  pathBadId: (plan) =>
    fc.constantFrom(...BAD_IDS).map((raw) => ({ ...plan, pathParams: Object.fromEntries(Object.keys(plan.pathParams).map((name) => [name, { raw }])) })),
  pathValidLookingId: (plan) => fc.constant({ ...plan, pathParams: Object.fromEntries(Object.entries(plan.pathParams).map(([name, v]) => [name, { raw: "fallback" in v ? encodeURIComponent(v.fallback) : v.raw }])) }),
  authMissing: (plan) => fc.constant({ ...plan, key: { kind: "none" } as KeyChoice, mustReject: true }),
  authMalformed: (plan) => fc.constantFrom(...BAD_KEYS).map((value) => ({ ...plan, key: { kind: "raw", value } as KeyChoice, mustReject: true })),
} satisfies Record<string, Mutation>;

/** The mutation names, for the docs and the report. */
export const MUTATION_NAMES = Object.keys(MUTATIONS);

function parsedBody(plan: RequestPlan): Record<string, unknown> {
  const parsed: unknown = typeof plan.body === "string" ? JSON.parse(plan.body) : {};
  return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** Every object inside a value (the value first), so a mutation can reach nested ones too. */
function objects(value: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) value.forEach((item) => objects(item, out));
  else if (value !== null && typeof value === "object") {
    out.push(value as Record<string, unknown>);
    Object.values(value).forEach((item) => objects(item, out));
  }
  return out;
}

function objectAt(body: Record<string, unknown>, pick: number): Record<string, unknown> {
  const all = objects(body);
  return all[pick % all.length] as Record<string, unknown>;
}

/** Replaces one field (of any object in the body, chosen by `pick`), or adds one when there is none. */
function replaceAt(body: Record<string, unknown>, pick: number, make: (old: unknown) => unknown, preferFreeForm = false): Record<string, unknown> {
  const slots = objects(body).flatMap((object) => Object.keys(object).map((key) => ({ object, key })));
  if (preferFreeForm) {
    // Free-form objects (providerOptions, metadata…) are where deep values get in.
    const free = slots.filter(({ key }) => /options|metadata|env|tags|labels|config/i.test(key));
    if (free.length > 0 && pick % 2 === 0) {
      const slot = free[pick % free.length] as { object: Record<string, unknown>; key: string };
      slot.object[slot.key] = make(slot.object[slot.key]);
      return body;
    }
  }
  const slot = slots[pick % Math.max(1, slots.length)];
  if (slot) slot.object[slot.key] = make(slot.object[slot.key]);
  else body.fuzz = make(undefined);
  return body;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value === "number" ? (Number.isInteger(value) ? "integer" : "number") : typeof value;
}

/** The JSON types a schema allows, when it says so plainly (undefined: cannot tell). */
function jsonTypes(schema: JsonSchema): string[] | undefined {
  if (schema.type === undefined) {
    if (Array.isArray(schema.enum)) return [...new Set((schema.enum as unknown[]).map(jsonType))];
    if ("const" in schema) return [jsonType(schema.const)];
    return undefined;
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  // An integer is a number too.
  return types.includes("number") ? [...types, "integer"] : types;
}
