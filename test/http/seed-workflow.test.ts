/**
 * The seed page's whole workflow, through the real server: create the sandbox `build-runner`,
 * send the seed's exact curl body to POST /v1/agents, read the agent back, upsert it again,
 * patch it. (Issue 2, "Done when", first bullet; reference seed-agents-upsert.md.)
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Agent, Sandbox } from "../../src/api-types.ts";
import { useServer } from "../support/server.ts";
import { AGENT_KEYS, SEED_BODY, UPSERT_RESULT_KEYS, createSandbox } from "./helpers.ts";

const { server, client, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

describe("the seed workflow (sandbox, upsert, read back, upsert again, patch)", () => {
  it("creates build-runner, upserts the seed agent, and reads it back exactly as documented", async () => {
    const c = client("seed");

    const sandbox = await createSandbox(c, { name: "build-runner" });
    expect(sandbox.id).toMatch(/^sandbox-[a-z0-9]+$/);
    expect(sandbox.name).toBe("build-runner");
    expect(sandbox.template).toBe("base-ubuntu");

    // The seed's curl: X-API-Key, Content-Type application/json, the exact body.
    const created = await c.request("POST", "/v1/agents", {
      rawBody: `{
    "slug": "code-assistant",
    "name": "Code Assistant",
    "model": "claude-sonnet-4",
    "systemPrompt": "You are a careful software engineering assistant.",
    "tools": ["exec_command", "write_stdin", "apply_patch", "web_search", "get_dev_url"],
    "sandbox": "build-runner",
    "executionMode": "in_sandbox",
    "maxIterations": 25,
    "maxTokens": 16384
  }`,
      headers: { "X-API-Key": c.apiKey, "Content-Type": "application/json" },
    });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(["data", "meta"]);
    expect(Object.keys(created.body.data).sort()).toEqual(UPSERT_RESULT_KEYS);
    expect(created.body.data).toEqual({
      id: expect.stringMatching(/^agt_[A-Za-z0-9]+$/),
      slug: "code-assistant",
      action: "created",
      version: 1,
      sandboxId: sandbox.id,
      targetDeviceId: null,
      endpoint: `${server().url}/v1/agents/code-assistant/run`,
    });
    expect(created.body.meta.requestId).toBe(created.headers.get("x-request-id"));
    const agentId: string = created.body.data.id;

    const read = await c.get<{ data: Agent }>("/v1/agents/code-assistant");
    expect(read.status).toBe(200);
    expect(Object.keys(read.body.data).sort()).toEqual(AGENT_KEYS);
    expect(read.body.data).toMatchObject({
      id: agentId,
      slug: "code-assistant",
      name: "Code Assistant",
      description: null,
      model: "claude-sonnet-4",
      systemPrompt: "You are a careful software engineering assistant.",
      executionMode: "in_sandbox",
      visibility: "private",
      status: "draft",
      toolsJson: ["exec_command", "write_stdin", "apply_patch", "web_search", "get_dev_url"],
      sandboxId: sandbox.id,
      sandboxSlug: "build-runner",
      targetDeviceId: null,
      providerOptions: {},
      envJson: {},
      attachedResources: [],
      version: 1,
    });
    expect(read.body.data.configJson).toEqual({ maxIterations: 25, maxTokens: 16384 });
    expect(read.body.data.createdAt).toBe(read.body.data.updatedAt);
  });

  it("answers a second identical upsert with 200 updated, version 2 and the same id", async () => {
    const c = client("seed2");
    const sandbox = await createSandbox(c, { name: "build-runner" });
    const first = await c.post("/v1/agents", SEED_BODY);
    expect(first.status).toBe(201);

    const second = await c.post("/v1/agents", SEED_BODY);
    expect(second.status).toBe(200);
    expect(Object.keys(second.body.data).sort()).toEqual(UPSERT_RESULT_KEYS);
    expect(second.body.data).toEqual({
      id: first.body.data.id,
      slug: "code-assistant",
      action: "updated",
      version: 2,
      sandboxId: sandbox.id,
      targetDeviceId: null,
      endpoint: `${server().url}/v1/agents/code-assistant/run`,
    });

    const read = await c.get<{ data: Agent }>("/v1/agents/code-assistant");
    expect(read.body.data.version).toBe(2);
    expect(read.body.data.id).toBe(first.body.data.id);
    expect(read.body.data.configJson).toEqual({ maxIterations: 25, maxTokens: 16384 });
  });

  it("lets a PATCH change one field and raises the version to 3 after two upserts", async () => {
    const c = client("seed3");
    const sandbox: Sandbox = await createSandbox(c, { name: "build-runner" });
    const first = await c.post("/v1/agents", SEED_BODY);
    await c.post("/v1/agents", SEED_BODY);

    const patched = await c.patch<{ data: Agent }>("/v1/agents/code-assistant", { maxIterations: 40, temperature: 0.2 });
    expect(patched.status).toBe(200);
    expect(Object.keys(patched.body.data).sort()).toEqual(AGENT_KEYS);
    expect(patched.body.data).toMatchObject({
      id: first.body.data.id,
      slug: "code-assistant",
      name: "Code Assistant",
      version: 3,
      sandboxId: sandbox.id,
      sandboxSlug: "build-runner",
      executionMode: "in_sandbox",
    });
    expect(patched.body.data.configJson).toEqual({ maxIterations: 40, maxTokens: 16384, temperature: 0.2 });

    const read = await c.get<{ data: Agent }>("/v1/agents/code-assistant");
    expect(read.body.data).toEqual(patched.body.data);
  });

  it("accepts the sandbox's id in place of its name and links the same sandbox", async () => {
    const c = client("seed4");
    const sandbox = await createSandbox(c, { name: "build-runner" });
    const created = await c.post("/v1/agents", { ...SEED_BODY, sandbox: sandbox.id });
    expect(created.status).toBe(201);
    expect(created.body.data.sandboxId).toBe(sandbox.id);
    const read = await c.get<{ data: Agent }>("/v1/agents/code-assistant");
    expect(read.body.data.sandboxSlug).toBe("build-runner");
  });

  it("answers the seed request without the sandbox with 404 naming build-runner, and creates nothing", async () => {
    const c = client("seed5");
    const res = await c.post("/v1/agents", SEED_BODY);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
    expect(res.body.error.message).toBe("Sandbox 'build-runner' not found");
    const after = await c.get("/v1/agents/code-assistant");
    expect(after.status).toBe(404);
  });
});
