/**
 * Every example in spec/openapi.yaml validates against its own schema: request bodies, each
 * response, parameters and `default` values. An example that drifts from its schema would feed
 * Dredd, Prism and client authors a contract that contradicts itself.
 */
import { describe, expect, it } from "vitest";
import type { ErrorObject } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsMod from "ajv-formats";
import { readSpecDocument, resolveLocalRef, type JsonSchema } from "./load.ts";
import { rewriteRefs, toDetails } from "./validators.ts";

const document = readSpecDocument();
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormatsMod.default(ajv);
ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
ajv.addSchema({ $id: "urn:runtools-mock:components", $defs: rewriteRefs((document.components as { schemas: JsonSchema }).schemas) });

interface ExampleCase {
  where: string;
  schema: JsonSchema;
  value: unknown;
}

/** Collects the examples of one media-type object, parameter or header. */
function examplesOf(node: Record<string, unknown>, schema: JsonSchema, where: string): ExampleCase[] {
  const cases: ExampleCase[] = [];
  if ("example" in node) cases.push({ where: `${where} example`, schema, value: node.example });
  for (const [name, raw] of Object.entries((node.examples ?? {}) as Record<string, unknown>)) {
    const example = resolveLocalRef(document, raw);
    if ("value" in example) cases.push({ where: `${where} examples.${name}`, schema, value: example.value });
  }
  return cases;
}

function collectCases(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const [path, rawItem] of Object.entries(document.paths as Record<string, unknown>)) {
    const item = resolveLocalRef(document, rawItem);
    for (const [method, rawOp] of Object.entries(item)) {
      if (!["get", "post", "put", "patch", "delete"].includes(method)) continue;
      const op = resolveLocalRef(document, rawOp);
      const name = `${String(op.operationId)}`;
      for (const rawParam of [...((item.parameters ?? []) as unknown[]), ...((op.parameters ?? []) as unknown[])]) {
        const param = resolveLocalRef(document, rawParam);
        cases.push(...examplesOf(param, param.schema as JsonSchema, `${name} parameter ${String(param.name)}`));
      }
      if (op.requestBody) {
        const body = resolveLocalRef(document, op.requestBody);
        for (const [type, media] of Object.entries(body.content as Record<string, Record<string, unknown>>)) {
          cases.push(...examplesOf(media, media.schema as JsonSchema, `${name} request ${type}`));
        }
      }
      for (const [status, rawResponse] of Object.entries(op.responses as Record<string, unknown>)) {
        const response = resolveLocalRef(document, rawResponse);
        for (const [type, media] of Object.entries((response.content ?? {}) as Record<string, Record<string, unknown>>)) {
          cases.push(...examplesOf(media, media.schema as JsonSchema, `${name} ${status} ${type}`));
        }
      }
      void path;
    }
  }
  return cases;
}

/** Every `default` in a component schema is itself valid for the schema it sits in. */
function collectDefaults(node: unknown, where: string, out: ExampleCase[]): ExampleCase[] {
  if (node === null || typeof node !== "object") return out;
  if (!Array.isArray(node) && "default" in node) {
    const { default: value, ...schema } = node as Record<string, unknown>;
    out.push({ where: `${where} default`, schema, value });
  }
  for (const [key, child] of Object.entries(node)) collectDefaults(child, `${where}/${key}`, out);
  return out;
}

const cases = collectCases();

describe("spec/openapi.yaml examples", () => {
  it("has at least one request example per body and one example per response", () => {
    expect(cases.filter((c) => c.where.includes(" request ")).length).toBeGreaterThanOrEqual(4);
    expect(cases.length).toBeGreaterThan(40);
  });

  it.each(cases.map((c) => [c.where, c] as const))("%s validates against its schema", (_where, example) => {
    const validate = ajv.compile(rewriteRefs(example.schema));
    const valid = validate(example.value);
    expect(valid ? [] : toDetails(validate.errors as ErrorObject[], "")).toEqual([]);
  });

  it.each(collectDefaults(document.components, "#/components", []).map((c) => [c.where, c] as const))(
    "%s is valid for its own schema",
    (_where, example) => {
      const validate = ajv.compile(rewriteRefs(example.schema));
      expect(validate(example.value)).toBe(true);
    },
  );
});
