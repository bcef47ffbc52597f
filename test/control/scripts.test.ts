/**
 * Scripted behaviour through the real server (issue 5; spec/control.yaml addResponseScript,
 * addExecScript, addReplyScript, listScripts, clearScripts, deleteScript): answers of whole
 * operations, sandbox command output and agent replies, each checked against spec/openapi.yaml
 * when it is set. Public answers are validated by the contract client (a scripted answer is still
 * a documented one), control answers by the control client.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/api-types.ts";
import { loadSpec } from "../../src/spec/load.ts";
import { createRunningSandbox, expectError, getAgent, upsertManaged } from "../http/helpers.ts";
import { reply, runJson, runStreamed, seedOrg, threadEvents } from "../http/run-helpers.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { rawPost } from "../support/raw-http.ts";
import { useServer } from "../support/server.ts";
import { ControlClient, expectControlBadRequest, expectControlError, expectOk, orgIdOf } from "./control-client.ts";

const { client, server, violations } = useServer();
const control = () => new ControlClient(server().url);
const publicSpec = loadSpec();

/** The first documented example of a public operation's status. */
function firstExample(operationId: string, status: number): any {
  const operation = publicSpec.operations.find((op) => op.operationId === operationId);
  return structuredClone(operation?.responses.get(status)?.examples.values().next().value);
}

const CONFLICT = {
  error: { code: "conflict", message: "A sandbox named 'build-runner' already exists", requestId: "req_0000" },
};

beforeEach(async () => {
  expectOk(await control().clearScripts());
});

afterEach(() => {
  expect(violations).toEqual([]);
});

async function listSandboxes(c: ContractClient): Promise<Sandbox[]> {
  const res = await c.get<{ data: Sandbox[] }>("/v1/sandboxes");
  expect(res.status).toBe(200);
  return res.body.data;
}

describe("response scripts (POST /__mock/scripts/responses)", () => {
  it("answers the next createSandbox with the scripted 409 once, creating nothing; the one after is normal", async () => {
    const added = await control().addResponseScript({ operationId: "createSandbox", status: 409, body: CONFLICT, headers: { "X-Scripted": "yes" }, times: 1 });
    const script = expectOk(added, 201).data;
    expect(script).toEqual({
      id: expect.stringMatching(/^scr_[A-Za-z0-9]+$/),
      operationId: "createSandbox",
      status: 409,
      body: CONFLICT,
      headers: { "X-Scripted": "yes" },
      times: 1,
      remaining: 1,
      createdAt: expect.any(String),
    });
    expect(expectOk(await control().listScripts()).data.responses).toEqual([script]);

    const c = client("script409");
    const refused = await c.post("/v1/sandboxes", { name: "build-runner" });
    const error = expectError(refused, 409, "conflict");
    expect(error.message).toBe(CONFLICT.error.message);
    expect(error.requestId).not.toBe("req_0000");
    expect(refused.headers.get("x-scripted")).toBe("yes");
    expect(await listSandboxes(c)).toEqual([]);
    // Used up: no longer listed.
    expect(expectOk(await control().listScripts()).data.responses).toEqual([]);

    const created = await c.post<{ data: Sandbox }>("/v1/sandboxes", { name: "build-runner" });
    expect(created.status).toBe(201);
    expect((await listSandboxes(c)).map((s) => s.name)).toEqual(["build-runner"]);
  });

  it("refuses framing headers with 400 at the header, scripts nothing, and answers with one Content-Length", async () => {
    for (const headers of [{ "Content-Length": "0" }, { "Transfer-Encoding": "chunked" }, { connection: "close" }]) {
      const name = Object.keys(headers)[0] as string;
      expectControlBadRequest(await control().addResponseScript({ operationId: "createSandbox", status: 409, body: CONFLICT, headers }), `/body/headers/${name}`);
    }
    expect(expectOk(await control().listScripts()).data.responses).toEqual([]);
    // The exchange a client sees with the headers it may script: framed once, by the mock.
    expectOk(await control().addResponseScript({ operationId: "createSandbox", status: 409, body: CONFLICT, headers: { "Retry-After": "1" } }), 201);
    const raw = await rawPost(server().url, "/v1/sandboxes", { "X-API-Key": client("scriptFraming").apiKey }, { name: "box" });
    expect(raw.split("\r\n\r\n")[0]?.match(/^content-length:/gim)).toHaveLength(1);
    expect(raw).not.toMatch(/^transfer-encoding:/im);
  });

  it("answers the status's first documented example, with the real request id, when no body is given", async () => {
    const script = expectOk(await control().addResponseScript({ operationId: "getAgent", status: 404 }), 201).data;
    expect(script.remaining).toBeNull();
    const c = client("scriptExample");
    expect((await upsertManaged(c, "helper")).status).toBe(201);

    for (let i = 0; i < 2; i++) {
      const res = await c.get("/v1/agents/helper");
      const example = firstExample("getAgent", 404);
      example.error.requestId = res.headers.get("x-request-id");
      expect(res.status).toBe(404);
      expect(res.body).toEqual(example);
    }
  });

  it("matches a body subset: only requests whose body contains match.body are scripted", async () => {
    const scripted = {
      error: { code: "bad_request", message: "Request validation failed", requestId: "req_0000", details: [{ path: "/body/model", message: "is not available for this organization" }] },
    };
    expectOk(await control().addResponseScript({ operationId: "upsertAgent", match: { body: { slug: "blocked", env: { STAGE: "prod" } } }, status: 400, body: scripted }), 201);
    const c = client("scriptMatch");

    const refused = await c.post("/v1/agents", { slug: "blocked", executionMode: "managed", env: { STAGE: "prod", OTHER: "x" } });
    expect(expectError(refused, 400, "bad_request").details).toEqual(scripted.error.details);
    expectError(await c.get("/v1/agents/blocked"), 404, "not_found");

    expect((await c.post("/v1/agents", { slug: "blocked", executionMode: "managed", env: { STAGE: "dev" } })).status).toBe(201);
    expect((await c.post("/v1/agents", { slug: "other", executionMode: "managed", env: { STAGE: "prod" } })).status).toBe(201);
    expect((await c.post("/v1/agents", { slug: "blocked", executionMode: "managed" })).status).toBe(200);
    // Unlimited: it still answers a matching body.
    expectError(await c.post("/v1/agents", { slug: "blocked", executionMode: "managed", env: { STAGE: "prod" } }), 400, "bad_request");
    // The last upsert that went through sent no env; the scripted one after it changed nothing.
    expect((await getAgent(c, "blocked")).envJson).toEqual({});
  });

  it("limited to one organization, does not affect another", async () => {
    const a = client("scriptOrgA");
    const b = client("scriptOrgB");
    for (const c of [a, b]) expect((await upsertManaged(c, "helper")).status).toBe(201);
    const orgA = await orgIdOf(control(), a);

    const script = expectOk(await control().addResponseScript({ operationId: "getAgent", org: orgA, status: 404 }), 201).data;
    expect(script.org).toBe(orgA);

    expectError(await a.get("/v1/agents/helper"), 404, "not_found");
    expect((await getAgent(b, "helper")).slug).toBe("helper");
  });

  it("lets the newest matching script win; when it is used up, the older one answers again", async () => {
    const c = client("scriptNewest");
    expect((await upsertManaged(c, "helper")).status).toBe(201);
    const agent = await getAgent(c, "helper");
    expectOk(await control().addResponseScript({ operationId: "getAgent", status: 404 }), 201);
    const renamed = { data: { ...agent, name: "Scripted Name" }, meta: { requestId: "req_0000" } };
    expectOk(await control().addResponseScript({ operationId: "getAgent", status: 200, body: renamed, times: 1 }), 201);

    const first = await c.get("/v1/agents/helper");
    expect(first.status).toBe(200);
    expect(first.body.data.name).toBe("Scripted Name");
    expect(first.body.meta.requestId).toBe(first.headers.get("x-request-id"));
    expectError(await c.get("/v1/agents/helper"), 404, "not_found");
  });

  it("applies after authentication and request validation", async () => {
    expectOk(await control().addResponseScript({ operationId: "upsertAgent", status: 201 }), 201);
    const c = client("scriptOrder");
    expectError(await c.post("/v1/agents", { slug: "helper", executionMode: "managed" }, { anonymous: true }), 401, "unauthorized");
    expectError(await c.post("/v1/agents", { slug: "Not A Slug", executionMode: "managed" }), 400, "bad_request");
    const scripted = await c.post("/v1/agents", { slug: "helper", executionMode: "managed" });
    expect(scripted.status).toBe(201);
    expect(scripted.body).toEqual({ ...firstExample("upsertAgent", 201), meta: { requestId: scripted.headers.get("x-request-id") } });
    expectError(await c.get("/v1/agents/helper"), 404, "not_found");
  });

  describe("refuses a script the spec would not allow, with 400 and details, and adds nothing", () => {
    afterEach(async () => {
      expect(expectOk(await control().listScripts()).data).toEqual({ responses: [], exec: [], replies: [], tools: [] });
    });

    it("a status the operation does not declare", async () => {
      expectControlBadRequest(await control().addResponseScript({ operationId: "getAgent", status: 409 }), "/body/status");
    });

    it("an unknown operationId", async () => {
      expectControlBadRequest(await control().addResponseScript({ operationId: "createAgent", status: 200 }), "/body/operationId");
    });

    it("a body that violates the status's schema", async () => {
      const res = await control().addResponseScript({ operationId: "getAgent", status: 200, body: { data: { id: "agt_x" }, meta: { requestId: "req_1" } } });
      const paths = expectControlBadRequest(res);
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect(path).toMatch(/^\/body\/body(\/|$)/);
      expect(paths.some((p) => p.startsWith("/body/body/data"))).toBe(true);
    });

    it("an error body with a code outside the catalogue", async () => {
      const res = await control().addResponseScript({ operationId: "createSandbox", status: 409, body: { error: { code: "teapot", message: "no", requestId: "req_1" } } });
      expectControlBadRequest(res, "/body/body/error/code");
    });

    it("a script without status (schema)", async () => {
      expectControlBadRequest(await control().addResponseScript({ operationId: "getAgent" }), "/body/status");
    });

    it("times 0 (schema)", async () => {
      expectControlBadRequest(await control().addResponseScript({ operationId: "getAgent", status: 404, times: 0 }), "/body/times");
    });
  });
});

describe("exec scripts (POST /__mock/scripts/exec)", () => {
  async function exec(c: ContractClient, sandboxId: string, command: string) {
    const res = await c.post(`/v1/sandboxes/${sandboxId}/exec`, { command });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.data;
  }

  it("answers a command that matches the regular expression with the scripted output; another command gets the default", async () => {
    const added = expectOk(await control().addExecScript({ command: "^npm test", stdout: "12 passing\n", stderr: "1 pending\n", exitCode: 3, durationMs: 1200 }), 201).data;
    expect(added).toEqual({
      id: expect.stringMatching(/^scr_/),
      command: "^npm test",
      stdout: "12 passing\n",
      stderr: "1 pending\n",
      exitCode: 3,
      durationMs: 1200,
      remaining: null,
      createdAt: expect.any(String),
    });
    const c = client("execScript");
    const sandbox = await createRunningSandbox(c, { name: "build-runner" });

    expect(await exec(c, sandbox.id, "npm test -- --ci")).toEqual({ stdout: "12 passing\n", stderr: "1 pending\n", exitCode: 3, durationMs: 1200 });
    // Other commands run in the sandbox's shell.
    expect(await exec(c, sandbox.id, "echo hi")).toEqual({ stdout: "hi\n", stderr: "", exitCode: 0, durationMs: expect.any(Number) });
    // Anchored: "npm test" elsewhere in the line does not match.
    expect(await exec(c, sandbox.id, "echo npm test")).toEqual({ stdout: "npm test\n", stderr: "", exitCode: 0, durationMs: expect.any(Number) });
  });

  it("fills in the defaults, and with times 1 answers once", async () => {
    const added = expectOk(await control().addExecScript({ command: "^pytest\\b", exitCode: 1, times: 1 }), 201).data;
    expect(added).toMatchObject({ stdout: "", stderr: "", exitCode: 1, durationMs: 0, times: 1, remaining: 1 });
    const c = client("execOnce");
    const sandbox = await createRunningSandbox(c);
    expect(await exec(c, sandbox.id, "pytest -q")).toEqual({ stdout: "", stderr: "", exitCode: 1, durationMs: 0 });
    // Used up: the shell answers, which has no pytest.
    expect(await exec(c, sandbox.id, "pytest -q")).toEqual({ stdout: "", stderr: "bash: pytest: command not found\n", exitCode: 127, durationMs: expect.any(Number) });
  });

  it("narrowed to a sandbox (by name) or an organization, applies only there", async () => {
    const a = client("execNarrowA");
    const b = client("execNarrowB");
    const boxA = await createRunningSandbox(a, { name: "build-runner" });
    const otherA = await createRunningSandbox(a, { name: "other" });
    const boxB = await createRunningSandbox(b, { name: "build-runner" });
    const orgA = await orgIdOf(control(), a);
    expectOk(await control().addExecScript({ org: orgA, sandbox: "build-runner", command: "^make$", stdout: "built\n" }), 201);

    expect((await exec(a, boxA.id, "make")).stdout).toBe("built\n");
    expect((await exec(a, otherA.id, "make")).stdout).toBe("");
    expect((await exec(b, boxB.id, "make")).stdout).toBe("");
  });

  it("does not run a command in a sandbox that is not running (the sandbox must still exist and run)", async () => {
    expectOk(await control().addExecScript({ command: ".*", stdout: "scripted\n" }), 201);
    const c = client("execMissing");
    expectError(await c.post("/v1/sandboxes/sandbox-doesnotexist/exec", { command: "ls" }), 404, "not_found");
  });

  it("matches ^(a+)+$ against a 33-character command at once (RE2), answering the default for a near miss", async () => {
    expectOk(await control().addExecScript({ command: "^(a+)+$", stdout: "all a\n" }), 201);
    const c = client("execRe2");
    const sandbox = await createRunningSandbox(c);
    expect((await exec(c, sandbox.id, `echo ${"a".repeat(32)}!`)).stdout).toBe(`${"a".repeat(32)}!\n`);
    expect((await exec(c, sandbox.id, "a".repeat(33))).stdout).toBe("all a\n");
  });

  it("refuses a backreference or a lookaround with 400 at /body/command, saying RE2 cannot run it", async () => {
    for (const command of ["(a)\\1", "^npm(?= test)"]) {
      const res = await control().addExecScript({ command });
      expectControlBadRequest(res, "/body/command");
      expect((res.body as unknown as { error: { message: string } }).error.message).toContain("RE2 syntax");
    }
    expect(expectOk(await control().listScripts()).data.exec).toEqual([]);
  });

  it("refuses a command that is not a valid regular expression with 400 at /body/command", async () => {
    expectControlBadRequest(await control().addExecScript({ command: "^npm (test" }), "/body/command");
    expect(expectOk(await control().listScripts()).data.exec).toEqual([]);
  });
});

describe("reply scripts (POST /__mock/scripts/replies)", () => {
  it("makes POST /v1/run (stream:false) answer the scripted text, its tool calls recorded as tool events", async () => {
    const c = client("replyScript");
    expect((await upsertManaged(c, "helper")).status).toBe(201);
    const output = { results: [{ title: "Limits", url: "https://docs.runtools.ai/limits" }] };
    const added = expectOk(
      await control().addReplyScript({
        agent: "helper",
        text: "The rate limit is 100 requests per minute.",
        toolCalls: [{ name: "web_search", arguments: { query: "runtools rate limit" }, output }],
      }),
      201,
    ).data;
    expect(added).toMatchObject({ agent: "helper", text: "The rate limit is 100 requests per minute.", remaining: null });
    expect(added.toolCalls).toEqual([{ name: "web_search", arguments: { query: "runtools rate limit" }, output }]);

    const { result } = await runJson(c, { agent: "helper", prompt: "what is the rate limit?" });
    expect(result.status).toBe("completed");
    expect(result.result).toBe("The rate limit is 100 requests per minute.");
    expect(result.iterations).toBe(2);

    const { events } = await threadEvents(c, result.threadId);
    expect(events.map((e) => e.type)).toEqual(["run_started", "user_message", "tool_call", "tool_result", "assistant_message", "run_completed"]);
    const call = events[2]?.payload as { toolCallId: string; name: string; arguments: unknown };
    const done = events[3]?.payload as { toolCallId: string; name: string; output: unknown };
    expect(call).toMatchObject({ name: "web_search", arguments: { query: "runtools rate limit" } });
    expect(done).toEqual({ toolCallId: call.toolCallId, name: "web_search", output });
    expect(events[4]?.payload).toEqual({ content: "The rate limit is 100 requests per minute." });
  });

  it("streams the scripted tool calls as tool_call_started / tool_call_completed frames", async () => {
    const c = client("replyStream");
    expect((await upsertManaged(c, "helper")).status).toBe(201);
    expectOk(await control().addReplyScript({ agent: "helper", text: "Done.", toolCalls: [{ name: "lookup", arguments: { id: 7 }, output: { found: true } }] }), 201);

    const { frames } = await runStreamed(c, { agent: "helper", prompt: "go" });
    const started = frames.find((f) => f.event === "tool_call_started");
    const completed = frames.find((f) => f.event === "tool_call_completed");
    expect(started?.data).toMatchObject({ name: "lookup", arguments: { id: 7 } });
    expect(completed?.data).toMatchObject({ toolCallId: started?.data.toolCallId, name: "lookup", output: { found: true } });
    expect(frames.find((f) => f.event === "assistant_message")?.data.content).toBe("Done.");
  });

  it("matches the prompt by regular expression; another prompt gets the default reply", async () => {
    const c = client("replyPrompt");
    expect((await upsertManaged(c, "helper")).status).toBe(201);
    expectOk(await control().addReplyScript({ agent: "helper", prompt: "\\bdeploy\\b", text: "Deployed build 42 to staging." }), 201);

    expect((await runJson(c, { agent: "helper", prompt: "please deploy now" })).result.result).toBe("Deployed build 42 to staging.");
    expect((await runJson(c, { agent: "helper", prompt: "redeployment?" })).result.result).toBe(reply("helper", "redeployment?"));
  });

  it("runs an exec_command tool call without output in the agent's sandbox, where exec scripts apply", async () => {
    const c = client("replyExec");
    await seedOrg(c);
    expectOk(await control().addExecScript({ command: "^npm test$", stdout: "42 passing\n" }), 201);
    expectOk(await control().addReplyScript({ agent: "code-assistant", text: "All green.", toolCalls: [{ name: "exec_command", arguments: { command: "npm test" } }], times: 1 }), 201);

    const { result } = await runJson(c, { agent: "code-assistant", prompt: "run the tests" });
    expect(result.result).toBe("All green.");
    const { events } = await threadEvents(c, result.threadId);
    const toolResult = events.find((e) => e.type === "tool_result");
    expect(toolResult?.payload).toMatchObject({ name: "exec_command", output: { stdout: "42 passing\n", exitCode: 0 } });

    // times 1: the next run is the default reply.
    expect((await runJson(c, { agent: "code-assistant", prompt: "again" })).result.result).toBe(reply("code-assistant", "again"));
  });

  it("refuses a prompt that is not a valid regular expression with 400 at /body/prompt", async () => {
    expectControlBadRequest(await control().addReplyScript({ agent: "helper", prompt: "(unclosed", text: "x" }), "/body/prompt");
    expect(expectOk(await control().listScripts()).data.replies).toEqual([]);
  });
});

describe("GET, DELETE /__mock/scripts and DELETE /__mock/scripts/{id}", () => {
  it("lists every active script by kind, newest first", async () => {
    const r1 = expectOk(await control().addResponseScript({ operationId: "getAgent", status: 404 }), 201).data;
    const e1 = expectOk(await control().addExecScript({ command: "^ls" }), 201).data;
    const r2 = expectOk(await control().addResponseScript({ operationId: "listAgents", status: 401 }), 201).data;
    const p1 = expectOk(await control().addReplyScript({ agent: "helper", text: "hi" }), 201).data;

    expect(new Set([r1.id, e1.id, r2.id, p1.id]).size).toBe(4);
    expect(expectOk(await control().listScripts()).data).toEqual({ responses: [r2, r1], exec: [e1], replies: [p1], tools: [] });
  });

  it("deletes one script by id, of any kind; an unknown or already deleted id is 404", async () => {
    const r1 = expectOk(await control().addResponseScript({ operationId: "getAgent", status: 404 }), 201).data;
    const e1 = expectOk(await control().addExecScript({ command: "^ls" }), 201).data;

    expect(expectOk(await control().deleteScript(e1.id)).data).toEqual({ id: e1.id, deleted: true });
    expect(expectOk(await control().listScripts()).data).toEqual({ responses: [r1], exec: [], replies: [], tools: [] });
    expectControlError(await control().deleteScript(e1.id), 404, "not_found");
    expectControlError(await control().deleteScript("scr_doesNotExist1"), 404, "not_found");

    // The deleted response script no longer answers.
    expect(expectOk(await control().deleteScript(r1.id)).data).toEqual({ id: r1.id, deleted: true });
    const c = client("scriptDeleted");
    expect((await upsertManaged(c, "helper")).status).toBe(201);
    expect((await c.get("/v1/agents/helper")).status).toBe(200);
  });

  it("answers 400 at /path/id for an id that is not a script id", async () => {
    expectControlBadRequest(await control().deleteScript("not-a-script"), "/path/id");
  });

  it("clears every script and answers how many there were", async () => {
    expectOk(await control().addResponseScript({ operationId: "getAgent", status: 404 }), 201);
    expectOk(await control().addExecScript({ command: "^ls" }), 201);
    expectOk(await control().addReplyScript({ agent: "helper", text: "hi" }), 201);

    expect(expectOk(await control().clearScripts()).data).toEqual({ cleared: 3 });
    expect(expectOk(await control().listScripts()).data).toEqual({ responses: [], exec: [], replies: [], tools: [] });
    expect(expectOk(await control().clearScripts()).data).toEqual({ cleared: 0 });
  });
});
