/**
 * Unknown request fields are accepted and ignored (README; reference Part A, unknown JSON fields):
 * once a body is valid, the fields its schema does not declare are removed, so that no store ever
 * keeps one where a response schema would forbid it (a sandbox's `resources`, a script's tool
 * calls, a fault rule's latency). Done here, once, from the schemas, rather than by each store
 * copying the fields it knows: a store added later, or a field added to a nested object, is
 * covered without anyone remembering to (docs/input-rules.md).
 *
 * An object is pruned where its schema declares `properties` and says nothing about other ones.
 * It is left whole where the schema says `additionalProperties` (free-form user data such as
 * `providerOptions`, `env`, tool arguments: stored as given; or `false`: the validator already
 * refused extras) or `patternProperties`. Under `oneOf`/`anyOf` the branch that fits the value
 * (by type, required fields and `const` discriminator) decides; when none or several fit, the
 * object is left whole.
 */
import type { JsonSchema } from "./load.ts";

const COMPONENT_REF = "#/components/schemas/";

/** Removes undeclared properties from a valid value, in place. */
export type Prune = (value: unknown) => void;

/** Builds the pruner of one request body schema. */
export function pruneUnknown(schema: JsonSchema, components: Record<string, JsonSchema>): Prune {
  const resolve = (node: JsonSchema): JsonSchema => {
    const ref = node.$ref;
    return typeof ref === "string" && ref.startsWith(COMPONENT_REF) ? (components[ref.slice(COMPONENT_REF.length)] ?? node) : node;
  };
  /** The schemas that apply to `value` together: the node, what it refers to, its allOf, and the one oneOf/anyOf branch that fits. */
  const views = (node: JsonSchema, value: unknown, out: JsonSchema[], depth = 0): boolean => {
    if (depth > 32) return false;
    out.push(node);
    let known = true;
    const target = resolve(node);
    if (target !== node) known = views(target, value, out, depth + 1) && known;
    if (Array.isArray(node.allOf)) for (const part of node.allOf as JsonSchema[]) known = views(part, value, out, depth + 1) && known;
    for (const keyword of ["oneOf", "anyOf"] as const) {
      const branches = node[keyword];
      if (!Array.isArray(branches)) continue;
      const fitting = (branches as JsonSchema[]).filter((branch) => fits(resolve(branch), value));
      if (fitting.length === 1) known = views(fitting[0] as JsonSchema, value, out, depth + 1) && known;
      else known = false;
    }
    return known;
  };

  // An explicit stack instead of recursion: bodies are within the nesting limit, but need not be.
  return (root) => {
    const stack: { value: unknown; schema: JsonSchema }[] = [{ value: root, schema }];
    for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
      const { value } = item;
      if (value === null || typeof value !== "object") continue;
      const all: JsonSchema[] = [];
      let open = !views(item.schema, value, all);
      if (Array.isArray(value)) {
        for (const view of all) {
          if (view.items && typeof view.items === "object") for (const element of value) stack.push({ value: element, schema: view.items as JsonSchema });
        }
        continue;
      }
      const record = value as Record<string, unknown>;
      const declared = new Map<string, JsonSchema[]>();
      for (const view of all) {
        if ("additionalProperties" in view || "patternProperties" in view) open = true;
        const properties = view.properties as Record<string, JsonSchema> | undefined;
        if (!properties) continue;
        for (const [name, property] of Object.entries(properties)) declared.set(name, [...(declared.get(name) ?? []), property]);
      }
      if (declared.size === 0) continue;
      for (const key of Object.keys(record)) {
        const schemas = declared.get(key);
        if (schemas === undefined) {
          if (!open) delete record[key];
          continue;
        }
        for (const property of schemas) stack.push({ value: record[key], schema: property });
      }
    }
  };
}

/** Whether a oneOf/anyOf branch can describe `value`: its type, its required fields and its `const` fields (a discriminator) agree. */
function fits(branch: JsonSchema, value: unknown): boolean {
  const type = branch.type;
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "object" ? "object" : typeof value;
  if (typeof type === "string" && type !== kind && !(type === "integer" && kind === "number")) return false;
  if (Array.isArray(type) && !type.includes(kind)) return false;
  if (kind !== "object") return true;
  const record = value as Record<string, unknown>;
  if (Array.isArray(branch.required) && !(branch.required as string[]).every((name) => name in record)) return false;
  const properties = (branch.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).every(([name, property]) => !("const" in property) || record[name] === property.const);
}
