/**
 * Input rules through the real server (docs/input-rules.md): bodies nested past the limit and
 * reserved keys are refused before anything touches them, and nothing a client sends can leave
 * state that cannot be read, exported or journaled.
 */
import { afterEach, describe, expect, it } from "vitest";
import { useServer } from "../support/server.ts";
import { ControlClient, expectOk, withoutExportedAt } from "../control/control-client.ts";
import { expectBadRequest, upsertManaged } from "./helpers.ts";

const { client, server, violations } = useServer();
const control = () => new ControlClient(server().url);

afterEach(() => {
  expect(violations).toEqual([]);
});

/** `{"a":{"a":…{}…}}` nested `depth` objects deep, as JSON text. */
const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${"}".repeat(depth - 1)}`;

describe("JSON nesting limit", () => {
  for (const depth of [3000, 8000]) {
    it(`refuses providerOptions nested ${depth} levels with 400 at the level past the limit; nothing is stored and state, agents and the journal still read`, async () => {
      const c = client(`deep${depth}`);
      expect((await upsertManaged(c, "kept")).status).toBe(201);
      const before = withoutExportedAt(expectOk(await control().exportState()));

      const rawBody = `{"slug":"deep","executionMode":"managed","providerOptions":${nested(depth)}}`;
      const res = await c.post("/v1/agents", undefined, { rawBody, headers: { "Content-Type": "application/json" } });
      expectBadRequest(res, `/body/providerOptions${"/a".repeat(63)}`);
      const patch = await c.request("PATCH", "/v1/agents/kept", { rawBody, headers: { "Content-Type": "application/json" } });
      expect(patch.status).toBe(400);

      expect(withoutExportedAt(expectOk(await control().exportState()))).toEqual(before);
      expect((await c.get("/v1/agents/deep")).status).toBe(404);
      expect((await c.get("/v1/agents/kept")).status).toBe(200);
      expect((await control().requests({ limit: 5 })).status).toBe(200);
    });
  }

  it("accepts and stores providerOptions as deep as the limit allows, and the state document loads again", async () => {
    const c = client("deepEnough");
    const rawBody = `{"slug":"deep","executionMode":"managed","providerOptions":${nested(63)}}`;
    expect((await c.post("/v1/agents", undefined, { rawBody, headers: { "Content-Type": "application/json" } })).status).toBe(201);
    const exported = expectOk(await control().exportState());
    expectOk(await control().importState(exported));
    expect((await c.get("/v1/agents/deep")).status).toBe(200);
  });
});

describe("reserved keys", () => {
  it("refuses __proto__, constructor or prototype anywhere in a public or control body with 400 at the key, changing nothing", async () => {
    const c = client("protoKeys");
    const before = withoutExportedAt(expectOk(await control().exportState()));
    const send = (rawBody: string) => c.post("/v1/sandboxes", undefined, { rawBody, headers: { "Content-Type": "application/json" } });
    expectBadRequest(await send('{"name":"a","__proto__":{"polluted":true}}'), "/body/__proto__");
    expectBadRequest(await send('{"name":"b","resources":{"constructor":{"prototype":{"x":1}}}}'), "/body/resources/constructor");
    expectBadRequest(await send('{"name":"c","metadata":{"prototype":"x"}}'), "/body/metadata/prototype");
    const script = await control().request("POST", "/__mock/scripts/replies", {
      rawBody: '{"agent":"x","text":"y","toolCalls":[{"name":"t","arguments":{"__proto__":{"isAdmin":true}}}]}',
      headers: { "Content-Type": "application/json" },
    });
    expect(script.status).toBe(400);
    expect(script.body.error.details[0].path).toBe("/body/toolCalls/0/arguments/__proto__");
    expect(withoutExportedAt(expectOk(await control().exportState()))).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
