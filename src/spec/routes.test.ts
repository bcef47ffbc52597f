import { describe, expect, it } from "vitest";
import { buildSpecModel } from "./load.ts";
import { RouteTable } from "./routes.ts";

/** A tiny document in the shape stripe-mock tests its router with: statics and parameters side by side. */
const model = buildSpecModel({
  openapi: "3.1.0",
  paths: {
    "/v1/run/{id}": { get: { operationId: "getRun", responses: { "200": { description: "ok" } } } },
    "/v1/run/threads": { get: { operationId: "listRunThreads", responses: { "200": { description: "ok" } } } },
    "/v1/run/{id}/cancel": { post: { operationId: "cancelRun", responses: { "200": { description: "ok" } } } },
    "/v1/things/{a}/x": { get: { operationId: "getThingX", responses: { "200": { description: "ok" } } } },
    "/v1/things/fixed/y": { get: { operationId: "getFixedY", responses: { "200": { description: "ok" } } } },
    "/v1/agents": {
      get: { operationId: "listAgents", responses: { "200": { description: "ok" } } },
      post: { operationId: "upsertAgent", responses: { "201": { description: "created" } } },
    },
  },
});
const table = new RouteTable(model.operations);

const opOf = (method: string, path: string) => {
  const match = table.match(method, path);
  return match.kind === "found" ? match.operation.operationId : match.kind;
};

describe("RouteTable", () => {
  it("prefers a static segment over a parameter at the same position", () => {
    expect(opOf("GET", "/v1/run/threads")).toBe("listRunThreads");
    expect(opOf("GET", "/v1/run/run_123")).toBe("getRun");
  });

  it("backtracks to the parameter when the static branch dead-ends", () => {
    expect(opOf("GET", "/v1/things/fixed/x")).toBe("getThingX");
    expect(opOf("GET", "/v1/things/fixed/y")).toBe("getFixedY");
  });

  it("captures path parameters, percent-decoded", () => {
    const match = table.match("POST", "/v1/run/run%2F1/cancel");
    expect(match).toMatchObject({ kind: "found", params: { id: "run/1" } });
  });

  it("answers method_not_allowed with the template's methods for a known path", () => {
    expect(table.match("DELETE", "/v1/agents")).toEqual({ kind: "method_not_allowed", allow: ["GET", "POST"] });
  });

  it("answers not_found for unknown paths, prefixes of known paths and empty segments", () => {
    expect(opOf("GET", "/v2/agents")).toBe("not_found");
    expect(opOf("GET", "/v1")).toBe("not_found");
    expect(opOf("GET", "/v1//agents")).toBe("not_found");
    expect(opOf("GET", "/v1/run/%E0%A4%A")).toBe("not_found");
  });

  it("ignores one trailing slash", () => {
    expect(opOf("GET", "/v1/agents/")).toBe("listAgents");
  });

  it("matches methods case-insensitively", () => {
    expect(opOf("get", "/v1/agents")).toBe("listAgents");
  });

  it("refuses two templates that name the same position differently", () => {
    const clash = buildSpecModel({
      openapi: "3.1.0",
      paths: {
        "/a/{x}": { get: { operationId: "one", responses: { "200": { description: "ok" } } } },
        "/a/{y}/b": { get: { operationId: "two", responses: { "200": { description: "ok" } } } },
      },
    });
    expect(() => new RouteTable(clash.operations)).toThrow(/conflicts/);
  });
});

describe("RouteTable rest-of-path parameters", () => {
  it("gives an x-rest-of-path parameter the rest of the path, slashes included, and keeps static routes first", () => {
    const op = (operationId: string, path: string, rest = false) => ({
      operationId,
      method: "GET",
      path,
      parameters: rest ? [{ name: "path", in: "path" as const, required: true, schema: {}, restOfPath: true }] : [],
      responses: new Map(),
      requiresAuth: true,
    });
    const table = new RouteTable([op("root", "/v1/w/{id}/files"), op("sub", "/v1/w/{id}/files/{path}", true)]);
    expect(table.match("GET", "/v1/w/1/files/a/b%2Fc/d.txt")).toMatchObject({ kind: "found", params: { id: "1", path: "a/b/c/d.txt" } });
    expect(table.match("GET", "/v1/w/1/files")).toMatchObject({ kind: "found", operation: { operationId: "root" } });
    expect(table.match("GET", "/v1/w/1/files/a//b").kind).toBe("not_found");
  });
});
