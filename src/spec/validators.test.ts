import { describe, expect, it } from "vitest";
import { buildSpecModel } from "./load.ts";
import { compileValidators } from "./validators.ts";

const doc = {
  openapi: "3.1.0",
  paths: {
    "/things/{id}": {
      post: {
        operationId: "postThing",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string", pattern: "^[a-z]+$" } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 10, default: 5 } },
          { name: "tag", in: "query", schema: { type: "array", items: { type: "string" } } },
        ],
        requestBody: {
          required: true,
          content: { "application/json": { schema: { $ref: "#/components/schemas/ThingInput" } } },
        },
        responses: {
          "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
          "204": { description: "none" },
        },
      },
    },
  },
  components: {
    schemas: {
      ThingInput: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string", minLength: 1, example: "x" },
          mode: { type: "string", enum: ["a", "b"], default: "a" },
          "odd/key": { type: "integer" },
        },
      },
      Thing: {
        type: "object",
        additionalProperties: false,
        required: ["name", "mode", "at"],
        properties: { name: { type: "string" }, mode: { type: "string", default: "a" }, at: { type: "string", format: "date-time" } },
      },
    },
  },
};

const validators = compileValidators(buildSpecModel(doc));
const op = validators.operation("postThing");

const params = (path: Record<string, string>, query: string) =>
  op.params({ path, query: new URLSearchParams(query), headers: {} });

describe("compileValidators", () => {
  it("coerces query strings to their declared types and fills documented defaults", () => {
    expect(params({ id: "abc" }, "limit=7").value.query).toEqual({ limit: 7 });
    expect(params({ id: "abc" }, "").value.query).toEqual({ limit: 5 });
  });

  it("collects repeated query parameters into arrays, and a single one into a one-item array", () => {
    expect(params({ id: "abc" }, "tag=a&tag=b").value.query.tag).toEqual(["a", "b"]);
    expect(params({ id: "abc" }, "tag=a").value.query.tag).toEqual(["a"]);
  });

  it("reports every parameter violation with a JSON pointer by location", () => {
    const { errors } = params({ id: "ABC" }, "limit=0");
    expect(errors).toEqual([
      { path: "/path/id", message: 'must match pattern "^[a-z]+$"' },
      { path: "/query/limit", message: "must be >= 1" },
    ]);
  });

  it("refuses a scalar query parameter given twice instead of picking one", () => {
    expect(params({ id: "abc" }, "limit=2&limit=3").errors).toEqual([{ path: "/query/limit", message: "must be integer" }]);
  });

  it("points a missing required property at the property itself", () => {
    expect(op.body?.({})).toEqual([{ path: "/body/name", message: "is required" }]);
  });

  it("escapes property names in pointers and lists allowed enum values", () => {
    expect(op.body?.({ name: "x", mode: "c", "odd/key": "no" })).toEqual([
      { path: "/body/mode", message: 'must be equal to one of the allowed values: "a", "b"' },
      { path: "/body/odd~1key", message: "must be integer" },
    ]);
  });

  it("fills request-body defaults from the spec", () => {
    const body: Record<string, unknown> = { name: "x" };
    expect(op.body?.(body)).toEqual([]);
    expect(body.mode).toBe("a");
  });

  it("validates responses exactly as sent: no default is filled in, no undeclared field passes", () => {
    const response = op.responses.get(200);
    const missing: Record<string, unknown> = { name: "x", at: "2026-11-29T10:00:00Z" };
    expect(response?.(missing)).toEqual([{ path: "/body/mode", message: "is required" }]);
    expect(missing).not.toHaveProperty("mode");
    expect(response?.({ name: "x", mode: "a", at: "yesterday", extra: 1 })).toEqual([
      { path: "/body/extra", message: "is not a declared property" },
      { path: "/body/at", message: 'must match format "date-time"' },
    ]);
  });

  it("keeps a declared status without a body as a status with no body check", () => {
    expect(op.responses.has(204)).toBe(true);
    expect(op.responses.get(204)).toBeUndefined();
  });

  it("fails at start-up, naming the operation, when a schema does not compile", () => {
    const broken = structuredClone(doc);
    (broken.components.schemas.ThingInput.properties.name as Record<string, unknown>).minLenght = 1;
    expect(() => compileValidators(buildSpecModel(broken))).toThrow(/postThing request: schema does not compile/);
  });

  it("validates a value against a named component schema", () => {
    expect(validators.component("Thing")({ name: "x", mode: "a", at: "2026-11-29T10:00:00Z" })).toEqual([]);
    expect(() => validators.component("Nope")).toThrow(/no such component/);
  });
});
