/**
 * JSON Schema → fast-check arbitrary, for the values the spec accepts (request bodies and
 * parameters of spec/openapi.yaml and spec/control.yaml). It covers the keywords the two
 * documents use (type and type unions, enum, const, properties/required/additionalProperties,
 * items, lengths and bounds, pattern through fc.stringMatching, the formats date-time, uuid and
 * uri, allOf/oneOf/anyOf, component $refs, `not` of a const or an enum); an unknown keyword is an error, so a spec change
 * that this cannot follow fails the fuzzer's own test instead of generating wrong "valid" input.
 *
 * Values come out of fast-check, so they are seeded and shrink (docs/fuzzing.md, "Why fast-check").
 */
import fc from "fast-check";
import type { JsonSchema } from "../../src/spec/load.ts";

/** Keywords that say nothing about which values are valid. */
const ANNOTATIONS = new Set(["description", "title", "example", "examples", "default", "deprecated", "readOnly", "writeOnly", "discriminator", "externalDocs", "xml", "$comment"]);
const UNDERSTOOD = new Set([
  "type", "enum", "const", "properties", "required", "additionalProperties", "items", "minItems", "maxItems", "uniqueItems",
  "minLength", "maxLength", "pattern", "format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
  "minProperties", "maxProperties", "allOf", "oneOf", "anyOf", "$ref", "not",
]);
const COMPONENT_REF = "#/components/schemas/";

/** The values a `not` excludes: `{const}` or `{enum}` only; anything else is an error, as for an unknown keyword. */
function excludedValues(not: JsonSchema): unknown[] {
  const keys = Object.keys(not).filter((k) => !ANNOTATIONS.has(k));
  if (keys.length === 1 && "const" in not) return [not.const];
  if (keys.length === 1 && Array.isArray(not.enum)) return not.enum as unknown[];
  throw new Error(`schema-arbitrary understands not only of a const or an enum, not ${JSON.stringify(not).slice(0, 200)}`);
}

/** Builds arbitraries over one document's component schemas. */
export class SchemaArbitraries {
  readonly #cache = new Map<string, fc.Arbitrary<unknown>>();

  constructor(private readonly components: Record<string, JsonSchema>) {}

  /** Valid values of `schema`; recursion through refs stops growing after `depth` levels. */
  of(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
    const unknown = Object.keys(schema).filter((k) => !UNDERSTOOD.has(k) && !ANNOTATIONS.has(k) && !k.startsWith("x-"));
    if (unknown.length > 0) throw new Error(`schema-arbitrary does not understand ${unknown.join(", ")} in ${JSON.stringify(schema).slice(0, 200)}`);
    if (typeof schema.$ref === "string") return this.#ref(schema.$ref, depth);
    if (schema.not !== undefined) {
      // Only the form the spec uses: a value left out (`not: {const}`, a reserved slug) or a set of them.
      const { not, ...rest } = schema;
      const excluded = excludedValues(not as JsonSchema);
      return this.of(rest, depth).filter((value) => !excluded.some((x) => JSON.stringify(x) === JSON.stringify(value)));
    }
    if ("const" in schema) return fc.constant(schema.const);
    if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
    if (Array.isArray(schema.allOf)) return this.of(mergeAllOf(schema, this.components), depth);
    for (const key of ["oneOf", "anyOf"] as const) {
      const branches = schema[key];
      if (Array.isArray(branches)) return fc.oneof(...(branches as JsonSchema[]).map((b) => this.of(withSiblings(schema, key, b), depth + 1)));
    }
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type === undefined ? inferTypes(schema) : [schema.type as string];
    return types.length === 1 ? this.#ofType(types[0] as string, schema, depth) : fc.oneof(...types.map((t) => this.#ofType(t, schema, depth)));
  }

  /** A named component schema's arbitrary. */
  component(name: string): fc.Arbitrary<unknown> {
    return this.#ref(COMPONENT_REF + name, 0);
  }

  /** The component schema a `$ref` names, resolved. */
  resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref;
    if (typeof ref !== "string") return schema;
    const target = this.components[ref.slice(COMPONENT_REF.length)];
    if (!ref.startsWith(COMPONENT_REF) || target === undefined) throw new Error(`unresolvable $ref ${ref}`);
    return this.resolve(target);
  }

  #ref(ref: string, depth: number): fc.Arbitrary<unknown> {
    const name = ref.slice(COMPONENT_REF.length);
    const target = this.components[name];
    if (!ref.startsWith(COMPONENT_REF) || target === undefined) throw new Error(`unresolvable $ref ${ref}`);
    const key = `${name}@${Math.min(depth, 4)}`;
    let found = this.#cache.get(key);
    if (!found) {
      // Built on first use (recursive schemas refer to themselves), then kept.
      let built: fc.Arbitrary<unknown> | undefined;
      found = fc.constant(null).chain(() => (built ??= this.of(target, depth + 1)));
      this.#cache.set(key, found);
    }
    return found;
  }

  #ofType(type: string, schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    switch (type) {
      case "null":
        return fc.constant(null);
      case "boolean":
        return fc.boolean();
      case "integer":
      case "number":
        return numbers(type, schema);
      case "string":
        return strings(schema);
      case "array": {
        const items = schema.items === undefined ? fc.jsonValue({ maxDepth: 2 }) : this.of(schema.items as JsonSchema, depth + 1);
        const constraints = { minLength: (schema.minItems as number) ?? 0, maxLength: Math.min((schema.maxItems as number) ?? 4, depth > 2 ? 1 : 4) };
        return schema.uniqueItems === true ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(items, constraints);
      }
      case "object":
        return this.#object(schema, depth);
      default:
        throw new Error(`schema-arbitrary: unknown type ${type}`);
    }
  }

  #object(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, property] of Object.entries(properties)) {
      // Past a few levels only what is required is generated, so recursive schemas stay finite.
      if (depth > 3 && !required.has(name)) continue;
      record[name] = this.of(property, depth + 1);
    }
    const optional = Object.keys(record).filter((name) => !required.has(name));
    const declared = fc.record(record, { requiredKeys: Object.keys(record).filter((name) => required.has(name)) });
    const extra = schema.additionalProperties;
    if (extra === undefined || extra === false || Object.keys(properties).length > 0) {
      const minProperties = (schema.minProperties as number) ?? 0;
      return minProperties > 0 && optional.length > 0 ? declared.filter((v) => Object.keys(v as object).length >= minProperties) : declared;
    }
    // A map (`additionalProperties: {schema}` or true) with no declared properties.
    const values = extra === true ? fc.jsonValue({ maxDepth: 1 }) : this.of(extra as JsonSchema, depth + 1);
    return fc.dictionary(fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,15}$/), values, {
      minKeys: (schema.minProperties as number) ?? 0,
      maxKeys: Math.min((schema.maxProperties as number) ?? 4, 4),
    });
  }
}

function inferTypes(schema: JsonSchema): string[] {
  if (schema.properties !== undefined || schema.additionalProperties !== undefined) return ["object"];
  if (schema.items !== undefined) return ["array"];
  if (schema.pattern !== undefined || schema.format !== undefined || schema.minLength !== undefined) return ["string"];
  // `{}`: any JSON value.
  return ["null", "boolean", "number", "string", "array", "object"];
}

function numbers(type: string, schema: JsonSchema): fc.Arbitrary<number> {
  let min = (schema.minimum as number | undefined) ?? (type === "integer" ? -1_000_000 : -1e6);
  let max = (schema.maximum as number | undefined) ?? 1_000_000;
  if (typeof schema.exclusiveMinimum === "number") min = type === "integer" ? schema.exclusiveMinimum + 1 : schema.exclusiveMinimum + 1e-6;
  if (typeof schema.exclusiveMaximum === "number") max = type === "integer" ? schema.exclusiveMaximum - 1 : schema.exclusiveMaximum - 1e-6;
  if (type === "integer") return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

function strings(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = (schema.maxLength as number | undefined) ?? Math.max(minLength, 24);
  switch (schema.format) {
    case "date-time":
      return fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString());
    case "uuid":
      return fc.uuid();
    case "uri":
      return fc.webUrl();
    case undefined:
      break;
    default:
      // A format only the mock knows (`runtools-mock`, say): the pattern or length decides.
      break;
  }
  if (typeof schema.pattern === "string") {
    const pattern = new RegExp(schema.pattern, "u");
    return fc.stringMatching(pattern).filter((s) => s.length >= minLength && s.length <= maxLength);
  }
  return fc.string({ unit: "grapheme", minLength, maxLength: Math.min(maxLength, minLength + 24) }).filter((s) => [...s].length >= minLength && [...s].length <= maxLength);
}

/** Folds `allOf` into one schema (the documents use it to extend a base object). */
function mergeAllOf(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  const { allOf, ...rest } = schema;
  let merged: JsonSchema = { ...rest };
  for (const part of allOf as JsonSchema[]) {
    let resolved = part;
    while (typeof resolved.$ref === "string") resolved = components[(resolved.$ref as string).slice(COMPONENT_REF.length)] as JsonSchema;
    if (Array.isArray(resolved.allOf)) resolved = mergeAllOf(resolved, components);
    merged = {
      ...resolved,
      ...merged,
      properties: { ...(resolved.properties as object), ...(merged.properties as object) },
      required: [...new Set([...((resolved.required as string[]) ?? []), ...((merged.required as string[]) ?? [])])],
    };
  }
  return merged;
}

/** A oneOf/anyOf branch, with the keywords written beside the `oneOf` applied to it too. */
function withSiblings(schema: JsonSchema, key: string, branch: JsonSchema): JsonSchema {
  const { [key]: _branches, ...siblings } = schema;
  const meaningful = Object.keys(siblings).filter((k) => !ANNOTATIONS.has(k) && !k.startsWith("x-"));
  return meaningful.length === 0 ? branch : { allOf: [siblings, branch] };
}
