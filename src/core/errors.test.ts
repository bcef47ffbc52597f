import { describe, expect, it } from "vitest";
import { loadSpec } from "../spec/load.ts";
import { compileValidators } from "../spec/validators.ts";
import { ApiError, ERROR_CATALOGUE, renderError, type ErrorCode } from "./errors.ts";

const spec = loadSpec();
const errorResponse = compileValidators(spec).component("ErrorResponse");

describe("error catalogue", () => {
  it("lists exactly the codes of the spec's ErrorBody.code enum (fastify's catalogue-sync test)", () => {
    const schemas = spec.schemas as Record<string, { properties: Record<string, { enum?: string[] }> }>;
    const documented = schemas.ErrorBody?.properties.code?.enum;
    expect([...Object.keys(ERROR_CATALOGUE)].sort()).toEqual([...(documented ?? [])].sort());
  });

  it.each(Object.keys(ERROR_CATALOGUE) as ErrorCode[])("renders %s as a valid ErrorResponse with its status", (code) => {
    const rendered = renderError(new ApiError(code, `a ${code}`), "req_abc123");
    expect(rendered.status).toBe(ERROR_CATALOGUE[code]);
    expect(errorResponse(rendered.body)).toEqual([]);
    expect(rendered.body.error).toEqual({ code, message: `a ${code}`, requestId: "req_abc123" });
  });

  it("renders details and extra headers when the error has them", () => {
    const rendered = renderError(
      new ApiError("method_not_allowed", "no", [{ path: "/body/slug", message: "is required" }], { Allow: "GET" }),
      "req_x1",
    );
    expect(rendered.body.error.details).toEqual([{ path: "/body/slug", message: "is required" }]);
    expect(rendered.headers).toEqual({ Allow: "GET" });
    expect(errorResponse(rendered.body)).toEqual([]);
  });

  it("renders anything that is not an ApiError as a 500 internal_error without leaking its message", () => {
    const rendered = renderError(new TypeError("secret detail"), "req_x2");
    expect(rendered.status).toBe(500);
    expect(rendered.body.error.code).toBe("internal_error");
    expect(rendered.body.error.message).not.toContain("secret");
  });
});
