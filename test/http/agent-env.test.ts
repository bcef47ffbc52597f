/**
 * An agent's `env` and a run's `metadata` through the real server (issue 14, fidelity: "Run
 * `metadata` and agent `env` accept the value types the docs allow"; seed page: "Environment
 * variables. Secret references can be resolved server-side when configured"; spec AgentEnv,
 * RunMetadata). Every JSON response is validated against the spec by the contract client.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Agent, ThreadEvent } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { expectError } from "./helpers.ts";
import { runJson, runStreamed, seedOrg, threadEvents } from "./run-helpers.ts";

const { client, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

async function getAgent(c: ContractClient, slug: string): Promise<Agent> {
  const res = await c.get<{ data: Agent }>(`/v1/agents/${slug}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

/** The output of a run's exec_command call, as its thread recorded it. */
async function toolOutput(c: ContractClient, threadId: string): Promise<unknown> {
  const { events } = await threadEvents(c, threadId);
  return events.find((e: ThreadEvent) => e.type === "tool_result")?.payload.output;
}

describe("agent env: the value types the docs allow", () => {
  it("accepts numbers, booleans, strings and secret references, and GET shows them as given (references upper-cased)", async () => {
    const c = client();
    const env = { PORT: 3000, RATIO: 0.5, DEBUG: true, REGION: "eu", GH_TOKEN: { secret: "gh-token" } };
    const res = await c.post("/v1/agents", { slug: "env-agent", executionMode: "managed", env });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await getAgent(c, "env-agent")).envJson).toEqual({ ...env, GH_TOKEN: { secret: "GH_TOKEN" } });
    const patched = await c.patch<{ data: Agent }>("/v1/agents/env-agent", { env: { WORKERS: 4 } });
    expect(patched.body.data.envJson).toEqual({ WORKERS: 4 });
  });

  it("never shows a secret's value in the agent, its list or the upsert's answer", async () => {
    const c = client();
    expect((await c.post("/v1/secrets", { name: "GH_TOKEN", value: "ghp_never_shown" })).status).toBe(201);
    const upsert = await c.post("/v1/agents", { slug: "env-agent", executionMode: "managed", env: { GH_TOKEN: { secret: "GH_TOKEN" } } });
    const list = await c.get("/v1/agents");
    const get = await c.get("/v1/agents/env-agent");
    for (const body of [upsert.body, list.body, get.body]) expect(JSON.stringify(body)).not.toContain("ghp_never_shown");
  });

  it("accepts a reference to a secret that does not exist yet (it resolves when a run starts)", async () => {
    const c = client();
    const res = await c.post("/v1/agents", { slug: "early", executionMode: "managed", env: { KEY: { secret: "NOT_YET" } } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});

describe("agent env at run time: exec_command sees the values, secrets resolved", () => {
  it("runs the command with the env, the secret's value in it and masked in the recorded output", async () => {
    const c = client();
    expect((await c.post("/v1/secrets", { name: "deploy-token", value: "dt_s3cret_value", scope: "agents" })).status).toBe(201);
    await seedOrg(c, { env: { PORT: 8080, VERBOSE: false, DEPLOY_TOKEN: { secret: "deploy-token" } } });
    const { result } = await runJson(c, { agent: "code-assistant", prompt: "run `echo $PORT $VERBOSE; echo $DEPLOY_TOKEN > /tmp/t; echo token=$DEPLOY_TOKEN`" });
    expect(await toolOutput(c, result.threadId)).toEqual({ stdout: "8080 false\ntoken=<secret:DEPLOY_TOKEN>\n", stderr: "", exitCode: 0 });
    const { events } = await threadEvents(c, result.threadId);
    expect(JSON.stringify(events)).not.toContain("dt_s3cret_value");
    // The file the command wrote holds the value itself: the sandbox saw it.
    const read = await c.post<{ data: { stdout: string } }>(`/v1/sandboxes/build-runner/exec`, { command: "cat /tmp/t" });
    expect(read.body.data.stdout).toBe("dt_s3cret_value\n");
  });

  it("streams the masked output too: no frame carries the value", async () => {
    const c = client();
    await c.post("/v1/secrets", { name: "API_KEY", value: "key-9f8e7d" });
    await seedOrg(c, { env: { API_KEY: { secret: "API_KEY" } } });
    const { frames } = await runStreamed(c, { agent: "code-assistant", prompt: "run `echo $API_KEY`" });
    const completed = frames.find((f) => f.data.type === "tool_call_completed");
    expect(completed?.data).toMatchObject({ output: { stdout: "<secret:API_KEY>\n" } });
    expect(JSON.stringify(frames)).not.toContain("key-9f8e7d");
  });

  it("answers 409 naming the variable and the secret when a reference does not resolve, and starts no run", async () => {
    const c = client();
    await seedOrg(c, { env: { DEPLOY_TOKEN: { secret: "deploy-token" } } });
    const error = expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hello", stream: false }), 409, "conflict");
    expect(error.message).toBe(
      "Agent 'code-assistant' env DEPLOY_TOKEN refers to secret 'DEPLOY_TOKEN', which does not exist for this caller; create it with POST /v1/secrets",
    );
    expectError(await c.post("/v1/agents/code-assistant/run", { prompt: "hello" }), 409, "conflict");
    expect((await c.get<{ data: unknown[] }>("/v1/run")).body.data).toEqual([]);
    // Once the secret is set, the same agent runs.
    await c.post("/v1/secrets", { name: "deploy-token", value: "now-set" });
    expect((await runJson(c, { agent: "code-assistant", prompt: "hello" })).result.status).toBe("completed");
  });

  it("answers 409 for a secret whose scope leaves agents out", async () => {
    const c = client();
    await c.post("/v1/secrets", { name: "TOOL_ONLY", value: "v", scope: "tools" });
    await seedOrg(c, { env: { T: { secret: "TOOL_ONLY" } } });
    const error = expectError(await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", stream: false }), 409, "conflict");
    expect(error.message).toContain("whose scope 'tools' does not include agents");
  });
});

describe("run metadata: any JSON object", () => {
  it("accepts metadata of every JSON type and keeps it on the run's run_started event", async () => {
    const c = client();
    await seedOrg(c);
    const metadata = { attempt: 2, ci: { job: "build", retried: false }, labels: ["nightly"], owner: null, ticket: "OPS-42" };
    const { result } = await runJson(c, { agent: "code-assistant", prompt: "hello", metadata });
    const { events } = await threadEvents(c, result.threadId);
    expect(events[0]).toMatchObject({ type: "run_started", payload: { metadata } });
    const legacy = await runJson(c, { prompt: "again", metadata: { attempt: 3 } }, "/v1/agents/code-assistant/run");
    expect((await threadEvents(c, legacy.result.threadId)).events[0]?.payload.metadata).toEqual({ attempt: 3 });
  });

  it("still refuses metadata that is not an object with 400 at /body/metadata", async () => {
    const c = client();
    await seedOrg(c);
    const res = await c.post("/v1/run", { agent: "code-assistant", prompt: "hi", stream: false, metadata: ["a"] });
    expectError(res, 400, "bad_request");
    expect(JSON.stringify(res.body)).toContain("/body/metadata");
  });
});
