/**
 * Input rules through the real server (docs/input-rules.md): bodies nested past the limit and
 * reserved keys are refused before anything touches them, and nothing a client sends can leave
 * state that cannot be read, exported or journaled.
 */
import { afterEach, describe, expect, it } from "vitest";
import { useServer } from "../support/server.ts";
import { ControlClient, expectOk, withoutExportedAt } from "../control/control-client.ts";
import { expectBadRequest, expectError, upsertManaged } from "./helpers.ts";

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

describe("organizations are stored by their first accepted change", () => {
  it("leaves the exported state unchanged after GETs and any sequence of rejected requests from a new key", async () => {
    const c = client("neverStored");
    const before = withoutExportedAt(expectOk(await control().exportState()));
    const json = { "Content-Type": "application/json" };
    expect((await c.get("/v1/agents")).status).toBe(200);
    expect((await c.get("/v1/sandboxes")).status).toBe(200);
    expect((await c.get("/v1/threads")).status).toBe(200);
    expectError(await c.get("/v1/agents/nobody"), 404, "not_found");
    expectBadRequest(await c.post("/v1/agents", { slug: "Not A Slug" }), "/body/slug");
    expectError(await c.post("/v1/agents", { slug: "x", executionMode: "in_sandbox", sandbox: "missing" }), 404, "not_found");
    expect((await c.post("/v1/sandboxes", undefined, { rawBody: "name=x", headers: { "Content-Type": "text/plain" } })).status).toBe(415);
    expect((await c.post("/v1/sandboxes", undefined, { rawBody: "{", headers: json })).status).toBe(400);
    expectError(await c.delete("/v1/sandboxes/sandbox-none"), 404, "not_found");
    expectError(await c.post("/v1/run", { agent: "nobody", prompt: "hi", stream: false }), 404, "not_found");
    const workspaces = await c.get<{ data: { workspaces: { id: string; isPersonal: boolean }[] } }>("/v1/workspaces");
    expect(workspaces.body.data.workspaces.map((w) => w.isPersonal)).toEqual([true]);
    const personalId = workspaces.body.data.workspaces[0]?.id as string;
    expectError(await c.delete(`/v1/workspaces/${personalId}`), 400, "bad_request");
    expect(withoutExportedAt(expectOk(await control().exportState()))).toEqual(before);

    expect((await upsertManaged(c, "first")).status).toBe(201);
    const after = withoutExportedAt(expectOk(await control().exportState()));
    expect(after.organizations).toHaveLength(before.organizations.length + 1);
    const stored = after.organizations.find((o) => !before.organizations.some((b) => b.id === o.id));
    expect(stored?.workspaces.map((w) => w.id)).toEqual([personalId]);
  });
});

describe("--max-orgs", () => {
  const bounded = useServer({ maxOrgs: 2 });
  const boundedControl = () => new ControlClient(bounded.server().url);
  afterEach(() => {
    expect(bounded.violations).toEqual([]);
  });

  it("answers 403 forbidden to a change that would store one organization more, storing nothing; reads and existing organizations still work", async () => {
    expectOk(await boundedControl().reset());
    const [a, b, c] = [bounded.client("orgA"), bounded.client("orgB"), bounded.client("orgC")];
    expect((await upsertManaged(a, "one")).status).toBe(201);
    expect((await b.post("/v1/workspaces", { name: "Data" })).status).toBe(201);
    const before = withoutExportedAt(expectOk(await boundedControl().exportState()));

    const refused = await upsertManaged(c, "three");
    expectError(refused, 403, "forbidden");
    expect((refused.body as unknown as { error: { message: string } }).error.message).toContain("--max-orgs");
    expectError(await c.post("/v1/sandboxes", { name: "x" }), 403, "forbidden");
    expect((await c.get("/v1/agents")).status).toBe(200);
    expect((await upsertManaged(a, "two")).status).toBe(201);
    expect(withoutExportedAt(expectOk(await boundedControl().exportState())).organizations.map((o) => o.id)).toEqual(before.organizations.map((o) => o.id));

    expectOk(await boundedControl().reset());
    expect((await upsertManaged(c, "three")).status).toBe(201);
  });
});

describe("unknown fields inside nested objects", () => {
  it("are accepted and ignored in a sandbox's resources: never stored, answered, listed or exported", async () => {
    const c = client("unknownNested");
    const res = await c.post<{ data: { name: string; resources: Record<string, unknown> } }>("/v1/sandboxes", { name: "box", resources: { vcpus: 4, gpu: "h100", memory: "8GB" }, surprise: { x: 1 } });
    expect(res.status).toBe(201);
    expect(res.body.data.resources).toEqual({ vcpus: 4, memory: "8GB", disk: "10GB" });
    const listed = await c.get<{ data: { resources: Record<string, unknown> }[] }>("/v1/sandboxes");
    expect(listed.status).toBe(200);
    expect(listed.body.data[0]?.resources).toEqual({ vcpus: 4, memory: "8GB", disk: "10GB" });
    expect(JSON.stringify(expectOk(await control().exportState()))).not.toContain("h100");
  });

  it("are never echoed by the control plane's scripts and fault rules", async () => {
    const fault = await control().setFaults({ rules: [{ operationId: "getAgent", latency: { distribution: "fixed", ms: 0, jitter: 5 } }] });
    if (fault.status === 200) expect(JSON.stringify(fault.body)).not.toContain("jitter");
    else expect(fault.status).toBe(400);
    expectOk(await control().clearFaults());
    const script = await control().addResponseScript({ operationId: "getAgent", status: 404, match: { body: { a: 1 }, extra: true } });
    if (script.status === 201) expect(JSON.stringify(script.body)).not.toContain("extra");
    else expect(script.status).toBe(400);
    expect(JSON.stringify(expectOk(await control().listScripts()))).not.toContain("extra");
    expectOk(await control().clearScripts());
  });
});
