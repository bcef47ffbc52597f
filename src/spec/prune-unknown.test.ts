import { describe, expect, it } from "vitest";
import { pruneUnknown } from "./prune-unknown.ts";

const components = {
  Resources: { type: "object", properties: { vcpus: { type: "integer" } } },
  Fixed: { type: "object", required: ["distribution"], properties: { distribution: { const: "fixed" }, ms: { type: "integer" } } },
  Uniform: { type: "object", required: ["distribution"], properties: { distribution: { const: "uniform" }, minMs: { type: "integer" } } },
};
const schema = {
  type: "object",
  properties: {
    resources: { allOf: [{ $ref: "#/components/schemas/Resources" }] },
    providerOptions: { type: "object", additionalProperties: true },
    latency: { oneOf: [{ $ref: "#/components/schemas/Fixed" }, { $ref: "#/components/schemas/Uniform" }] },
    tools: { type: "array", items: { oneOf: [{ type: "string" }, { type: "object", properties: { name: { type: "string" } }, additionalProperties: true }] } },
  },
};

describe("pruneUnknown", () => {
  it("removes undeclared fields at every level, following refs, allOf, items and the oneOf branch that fits", () => {
    const body = {
      extra: 1,
      resources: { vcpus: 2, gpu: "h100" },
      latency: { distribution: "uniform", minMs: 1, jitter: 3 },
      providerOptions: { anything: { goes: true } },
      tools: ["a", { name: "x", config: { kept: true } }],
    };
    pruneUnknown(schema, components)(body);
    expect(body).toEqual({
      resources: { vcpus: 2 },
      latency: { distribution: "uniform", minMs: 1 },
      providerOptions: { anything: { goes: true } },
      tools: ["a", { name: "x", config: { kept: true } }],
    });
  });

  it("leaves an object whole when no oneOf branch, or several, fit it", () => {
    const body = { latency: { distribution: "lognormal", medianMs: 1 } };
    pruneUnknown(schema, components)(body);
    expect(body).toEqual({ latency: { distribution: "lognormal", medianMs: 1 } });
  });
});
