import { describe, expect, it } from "vitest";
import { splitRequestTarget } from "./request-target.ts";

describe("splitRequestTarget", () => {
  it("keeps dot segments, encoded dots and empty segments as sent, for the route table to refuse", () => {
    expect(splitRequestTarget("/v1/agents/../agents").path).toBe("/v1/agents/../agents");
    expect(splitRequestTarget("/v1/sandboxes/%2e%2e/exec").path).toBe("/v1/sandboxes/%2e%2e/exec");
    expect(splitRequestTarget("//v1/agents").path).toBe("//v1/agents");
    expect(splitRequestTarget("/v1/sandboxes/./x").path).toBe("/v1/sandboxes/./x");
  });

  it("parses the query after the first question mark", () => {
    const { path, query } = splitRequestTarget("/v1/agents?limit=5&cursor=a%3Fb?c");
    expect(path).toBe("/v1/agents");
    expect(query.get("limit")).toBe("5");
    expect(query.get("cursor")).toBe("a?b?c");
  });

  it("reduces a target in absolute form to its path", () => {
    expect(splitRequestTarget("http://example.test/v1/agents?limit=1").path).toBe("/v1/agents");
  });
});
