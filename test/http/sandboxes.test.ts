/**
 * Sandboxes, black-box through the real server: create, read by id or name, list filters and
 * pagination, the pause/resume/delete lifecycle, exec, and every error status each operation
 * declares (reference Part A "sandboxes"; issue 2 "Sandboxes").
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Agent, Sandbox } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { ControlClient, expectOk } from "../control/control-client.ts";
import {
  OVERSIZED_JSON_BYTES,
  SEED_BODY,
  createRunningSandbox,
  createSandbox,
  expectBadRequest,
  expectError,
  getAgent,
} from "./helpers.ts";

const { client, server, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

type List = { data: Sandbox[]; hasMore: boolean; nextCursor: string | null };

async function names(c: ContractClient, query = ""): Promise<string[]> {
  const res = await c.get<List>(`/v1/sandboxes${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data.map((s) => s.name);
}

/** Creates a sandbox and brings it to `paused` (create, read, pause, read). */
async function createPausedSandbox(c: ContractClient, name: string): Promise<Sandbox> {
  const sandbox = await createRunningSandbox(c, { name });
  expect((await c.post(`/v1/sandboxes/${sandbox.id}/pause`)).body.data.status).toBe("pausing");
  const res = await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`);
  expect(res.body.data.status).toBe("paused");
  return res.body.data;
}

const LONG_REF = "x".repeat(129);

describe("POST /v1/sandboxes", () => {
  it("answers 201 creating with the documented defaults, and the next request sees it running", async () => {
    const c = client();
    const res = await c.post<{ data: Sandbox }>("/v1/sandboxes", {});
    expect(res.status).toBe(201);
    const created = res.body.data;
    expect(created).toEqual({
      id: expect.stringMatching(/^sandbox-[a-z0-9]+$/),
      name: created.id,
      status: "creating",
      template: "base-ubuntu",
      tags: [],
      resources: { vcpus: 2, memory: "4GB", disk: "10GB" },
      env: {},
      idleTimeout: null,
      metadata: {},
      sshReady: false,
      vncReady: false,
      vncUrl: null,
      mounts: [],
      hasWritableWorkspaceMount: false,
      ownerUserId: expect.any(String),
      ownerDisplayName: null,
      ownerEmail: null,
      projectId: null,
      ip: null,
      publicIp: null,
      sshAccessConfigured: false,
      sshAuthMethod: null,
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
    });

    const read = await c.get<{ data: Sandbox }>(`/v1/sandboxes/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ id: created.id, status: "running", sshReady: true, vncReady: false, vncUrl: null, ip: expect.stringMatching(/^10\./) });
    expect(read.body.data.createdAt).toBe(created.createdAt);
  });

  it("keeps every field it is given and fills the remaining resources", async () => {
    const c = client();
    const created = await createSandbox(c, {
      name: "browser-qa",
      template: "desktop-ubuntu",
      tags: ["qa", "nightly"],
      resources: { vcpus: 4 },
      env: { NODE_ENV: "test" },
      idleTimeout: 3600,
      metadata: { team: "qa" },
    });
    expect(created).toMatchObject({
      name: "browser-qa",
      template: "desktop-ubuntu",
      tags: ["qa", "nightly"],
      resources: { vcpus: 4, memory: "4GB", disk: "10GB" },
      env: { NODE_ENV: "test" },
      idleTimeout: 3600,
      metadata: { team: "qa" },
      vncReady: false,
      vncUrl: null,
    });
    const running = await c.get<{ data: Sandbox }>("/v1/sandboxes/browser-qa");
    expect(running.body.data).toMatchObject({
      status: "running",
      sshReady: true,
      vncReady: true,
      vncUrl: `https://6901-${created.id}.sandboxes.runtools.ai`,
    });
  });

  it("creates a default sandbox when the body is left out entirely", async () => {
    const c = client();
    const res = await c.request<{ data: Sandbox }>("POST", "/v1/sandboxes");
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: "creating", template: "base-ubuntu", tags: [] });
    expect(res.body.data.name).toBe(res.body.data.id);
  });

  it("shows projectId and the SSH setup, never the keys or the password, and ignores unknown fields", async () => {
    const c = client();
    const created = await createSandbox(c, {
      name: "with-extras",
      sshKeys: ["ssh-ed25519 AAAA test"],
      rootPassword: "hunter2",
      projectId: "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b",
      somethingElse: true,
    });
    expect(created).toMatchObject({ projectId: "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b", sshAccessConfigured: true, sshAuthMethod: "key" });
    const text = JSON.stringify(created);
    for (const field of ["sshKeys", "rootPassword", "hunter2", "AAAA", "somethingElse"]) expect(text).not.toContain(field);
  });

  it("accepts what the ComputeSDK provider sends: memory in MB, any template, a long idleTimeout, many vcpus, and a free-form name", async () => {
    const c = client();
    const created = await createSandbox(c, { name: "my sandbox", template: "node-20", resources: { vcpus: 32, memory: "1024MB", disk: "1GB" }, idleTimeout: 90000, metadata: { attempt: 2 } });
    expect(created).toMatchObject({ name: "my sandbox", template: "node-20", resources: { vcpus: 32, memory: "1024MB", disk: "1GB" }, idleTimeout: 90000, metadata: { attempt: 2 } });
    const list = await c.get<{ data: Sandbox[] }>("/v1/sandboxes?exclude_template=node-20");
    expect(list.body.data.map((s) => s.id)).not.toContain(created.id);
  });

  it("declares 402 insufficient_credits on create, so a test can provoke it", async () => {
    expectError(await client().post("/v1/sandboxes", {}, { headers: { Prefer: "code=402" } }), 402, "insufficient_credits");
  });

  it("answers 404 naming a workspace to mount that the organization does not have, and creates nothing", async () => {
    const c = client();
    const missing = "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b";
    const res = await c.post("/v1/sandboxes", { name: "mounted", mounts: [{ workspaceId: missing, path: "/workspace/data" }] });
    const error = expectError(res, 404, "not_found");
    expect(error.message).toBe(`Workspace '${missing}' not found`);
    expect(await names(c)).toEqual([]);
  });

  it("answers 409 conflict to a second sandbox with the same name, and keeps only the first", async () => {
    const c = client();
    const first = await createSandbox(c, { name: "build-runner" });
    const res = await c.post("/v1/sandboxes", { name: "build-runner", template: "desktop-ubuntu" });
    const error = expectError(res, 409, "conflict");
    expect(error.message).toContain("build-runner");
    const listed = await c.get<List>("/v1/sandboxes");
    expect(listed.body.data.map((s) => s.id)).toEqual([first.id]);
    expect(listed.body.data[0]?.template).toBe("base-ubuntu");
  });

  it("lets exactly one of 10 parallel creates with the same name win; the other 9 get 409", async () => {
    const c = client();
    const responses = await Promise.all(Array.from({ length: 10 }, () => c.post<{ data: Sandbox }>("/v1/sandboxes", { name: "contested" })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of responses) if (r.status === 409) expectError(r, 409, "conflict");
    const winner = responses.find((r) => r.status === 201);
    const listed = await c.get<List>("/v1/sandboxes");
    expect(listed.body.data.map((s) => s.id)).toEqual([winner?.body.data.id]);
  });

  it("frees a destroyed sandbox's name for a new sandbox", async () => {
    const c = client();
    const first = await createSandbox(c, { name: "recycled" });
    expect((await c.delete(`/v1/sandboxes/${first.id}`)).status).toBe(200);
    const second = await createSandbox(c, { name: "recycled" });
    expect(second.id).not.toBe(first.id);
    expect((await c.get<{ data: Sandbox }>("/v1/sandboxes/recycled")).body.data.id).toBe(second.id);
  });

  it.each([
    ["an empty name", "/body/name", { name: "" }],
    ["a template with whitespace", "/body/template", { template: "base ubuntu" }],
    ["duplicate tags", "/body/tags", { tags: ["ci", "ci"] }],
    ["an empty tag", "/body/tags/0", { tags: [""] }],
    ["memory not written as <n>MB or <n>GB", "/body/resources/memory", { resources: { memory: "4 GiB" } }],
    ["zero vcpus", "/body/resources/vcpus", { resources: { vcpus: 0 } }],
    ["a negative idleTimeout", "/body/idleTimeout", { idleTimeout: -1 }],
    ["env with a non-string value", "/body/env/DEBUG", { env: { DEBUG: true } }],
  ])("rejects %s with 400 at %s, and creates nothing", async (_label, pointer, body) => {
    const c = client();
    expectBadRequest(await c.post("/v1/sandboxes", body), pointer);
    expect(await names(c)).toEqual([]);
  });

  it("answers 401 unauthorized without a key", async () => {
    const c = client();
    expectError(await c.post("/v1/sandboxes", { name: "anon" }, { anonymous: true }), 401, "unauthorized");
    expect(await names(c)).toEqual([]);
  });

  it("answers 413 payload_too_large to a 1.1 MB body, and creates nothing", async () => {
    const c = client();
    const body = JSON.stringify({ name: "huge", env: { PAD: "x".repeat(OVERSIZED_JSON_BYTES) } });
    const res = await c.request("POST", "/v1/sandboxes", { rawBody: body, headers: { "Content-Type": "application/json" } });
    expectError(res, 413, "payload_too_large");
    expect(await names(c)).toEqual([]);
  });

  it("answers 415 unsupported_media_type to a non-JSON body, and creates nothing", async () => {
    const c = client();
    const res = await c.request("POST", "/v1/sandboxes", {
      rawBody: "<sandbox name='xml'/>",
      headers: { "Content-Type": "application/xml" },
    });
    expectError(res, 415, "unsupported_media_type");
    expect(await names(c)).toEqual([]);
  });
});

describe("GET /v1/sandboxes/{id}", () => {
  it("finds the same sandbox by id and by name", async () => {
    const c = client();
    const created = await createSandbox(c, { name: "build-runner" });
    const byId = await c.get<{ data: Sandbox }>(`/v1/sandboxes/${created.id}`);
    const byName = await c.get<{ data: Sandbox }>("/v1/sandboxes/build-runner");
    expect(byId.status).toBe(200);
    expect(byName.status).toBe(200);
    expect(byName.body.data).toEqual(byId.body.data);
    expect(byId.body.data.id).toBe(created.id);
  });

  it("answers 404 not_found naming an unknown sandbox", async () => {
    const error = expectError(await client().get("/v1/sandboxes/ghost"), 404, "not_found");
    expect(error.message).toBe("Sandbox 'ghost' not found");
  });

  it("answers 400 at /path/id to a reference longer than 128 characters", async () => {
    expectBadRequest(await client().get(`/v1/sandboxes/${LONG_REF}`), "/path/id");
  });

  it("answers 401 unauthorized without a key", async () => {
    const c = client();
    const created = await createSandbox(c);
    expectError(await c.get(`/v1/sandboxes/${created.id}`, { anonymous: true }), 401, "unauthorized");
  });
});

describe("GET /v1/sandboxes (list)", () => {
  it("answers an empty page for a new organization", async () => {
    const res = await client().get("/v1/sandboxes");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [], hasMore: false, nextCursor: null, meta: { requestId: res.headers.get("x-request-id") } });
  });

  it("filters by status, repeatable, and by default leaves destroyed sandboxes out", async () => {
    const c = client();
    await createRunningSandbox(c, { name: "up" });
    await createPausedSandbox(c, "asleep");
    const gone = await createSandbox(c, { name: "gone" });
    expect((await c.delete(`/v1/sandboxes/${gone.id}`)).status).toBe(200);

    expect(await names(c)).toEqual(["up", "asleep"]);
    expect(await names(c, "?status=running")).toEqual(["up"]);
    expect(await names(c, "?status=paused")).toEqual(["asleep"]);
    expect(await names(c, "?status=running&status=paused")).toEqual(["up", "asleep"]);
    expect(await names(c, "?status=destroyed")).toEqual(["gone"]);
    expect(await names(c, "?status=running&status=destroyed")).toEqual(["up", "gone"]);
    expect(await names(c, "?status=creating")).toEqual([]);
  });

  it("filters by tag, repeatable, keeping only sandboxes that carry every tag", async () => {
    const c = client();
    await createSandbox(c, { name: "both", tags: ["ci", "gpu"] });
    await createSandbox(c, { name: "ci-only", tags: ["ci"] });
    await createSandbox(c, { name: "gpu-only", tags: ["gpu"] });
    await createSandbox(c, { name: "untagged" });

    expect(await names(c, "?tag=ci")).toEqual(["both", "ci-only"]);
    expect(await names(c, "?tag=gpu")).toEqual(["both", "gpu-only"]);
    expect(await names(c, "?tag=ci&tag=gpu")).toEqual(["both"]);
    expect(await names(c, "?tag=arm")).toEqual([]);
  });

  it("filters by template and combines every filter with AND", async () => {
    const c = client();
    await createSandbox(c, { name: "desk-ci", template: "desktop-ubuntu", tags: ["ci"] });
    await createSandbox(c, { name: "base-ci", template: "base-ubuntu", tags: ["ci"] });
    await createSandbox(c, { name: "desk", template: "desktop-ubuntu" });

    expect(await names(c, "?template=desktop-ubuntu")).toEqual(["desk-ci", "desk"]);
    expect(await names(c, "?template=base-ubuntu")).toEqual(["base-ci"]);
    expect(await names(c, "?template=desktop-ubuntu&tag=ci")).toEqual(["desk-ci"]);
    expect(await names(c, "?template=desktop-ubuntu&tag=ci&status=paused")).toEqual([]);
    expect(await names(c, "?template=desktop-ubuntu&tag=ci&status=running")).toEqual(["desk-ci"]);
  });

  it("pages in creation order with limit, cursor, hasMore and nextCursor", async () => {
    const c = client();
    for (const name of ["s1", "s2", "s3", "s4", "s5"]) await createSandbox(c, { name });

    const page1 = await c.get<List>("/v1/sandboxes?limit=2");
    expect(page1.body.data.map((s) => s.name)).toEqual(["s1", "s2"]);
    expect(page1.body.hasMore).toBe(true);
    expect(page1.body.nextCursor).toEqual(expect.any(String));

    const page2 = await c.get<List>(`/v1/sandboxes?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor ?? "")}`);
    expect(page2.body.data.map((s) => s.name)).toEqual(["s3", "s4"]);
    expect(page2.body.hasMore).toBe(true);

    const page3 = await c.get<List>(`/v1/sandboxes?limit=2&cursor=${encodeURIComponent(page2.body.nextCursor ?? "")}`);
    expect(page3.body.data.map((s) => s.name)).toEqual(["s5"]);
    expect(page3.body.hasMore).toBe(false);
    expect(page3.body.nextCursor).toBeNull();

    const all = await c.get<List>("/v1/sandboxes?limit=5");
    expect(all.body.data).toHaveLength(5);
    expect(all.body.hasMore).toBe(false);
    expect(all.body.nextCursor).toBeNull();
  });

  it("pages a filtered list without skipping or repeating", async () => {
    const c = client();
    for (let i = 1; i <= 6; i++) await createSandbox(c, { name: `t${i}`, tags: i % 2 === 0 ? ["even"] : [] });
    const page1 = await c.get<List>("/v1/sandboxes?tag=even&limit=2");
    expect(page1.body.data.map((s) => s.name)).toEqual(["t2", "t4"]);
    expect(page1.body.hasMore).toBe(true);
    const page2 = await c.get<List>(`/v1/sandboxes?tag=even&limit=2&cursor=${encodeURIComponent(page1.body.nextCursor ?? "")}`);
    expect(page2.body.data.map((s) => s.name)).toEqual(["t6"]);
    expect(page2.body.hasMore).toBe(false);
  });

  it.each([
    ["status=sleeping", "/query/status/0"],
    ["limit=0", "/query/limit"],
    ["limit=501", "/query/limit"],
    ["limit=many", "/query/limit"],
    ["template=base%20ubuntu", "/query/template"],
    ["tag=", "/query/tag/0"],
    ["cursor=bm90LWEtY3Vyc29y", "/query/cursor"],
  ])("rejects ?%s with 400 at %s", async (query, pointer) => {
    expectBadRequest(await client().get(`/v1/sandboxes?${query}`), pointer);
  });

  it("answers 401 unauthorized without a key", async () => {
    expectError(await client().get("/v1/sandboxes", { anonymous: true }), 401, "unauthorized");
  });
});

describe("pause and resume", () => {
  it("pauses a running sandbox (pausing, then paused), and answers paused to a second pause", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c, { name: "napper" });

    const pause = await c.post(`/v1/sandboxes/${sandbox.id}/pause`);
    expect(pause.status).toBe(200);
    expect(pause.body.data).toEqual({ id: sandbox.id, status: "pausing" });

    const read = await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`);
    expect(read.body.data).toMatchObject({ status: "paused", sshReady: false });

    const again = await c.post("/v1/sandboxes/napper/pause");
    expect(again.status).toBe(200);
    expect(again.body.data).toEqual({ id: sandbox.id, status: "paused" });
    expect((await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`)).body.data.status).toBe("paused");
  });

  it("resumes a paused sandbox (resuming, then running)", async () => {
    const c = client();
    const sandbox = await createPausedSandbox(c, "sleeper");

    const resume = await c.post("/v1/sandboxes/sleeper/resume");
    expect(resume.status).toBe(200);
    expect(resume.body.data).toEqual({ id: sandbox.id, status: "resuming" });

    const read = await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`);
    expect(read.body.data).toMatchObject({ status: "running", sshReady: true });
  });

  it("answers 409 conflict to resuming a running sandbox, and leaves it running", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c, { name: "awake" });
    const error = expectError(await c.post(`/v1/sandboxes/${sandbox.id}/resume`), 409, "conflict");
    expect(error.message).toContain("running");
    expect((await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`)).body.data.status).toBe("running");
  });

  it("answers 409 conflict to pausing or resuming a destroyed sandbox", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c, { name: "doomed" });
    await c.delete(`/v1/sandboxes/${sandbox.id}`);
    expectError(await c.post(`/v1/sandboxes/${sandbox.id}/pause`), 409, "conflict");
    expectError(await c.post(`/v1/sandboxes/${sandbox.id}/resume`), 409, "conflict");
    expect((await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`)).body.data.status).toBe("destroyed");
  });

  it.each(["pause", "resume"])("answers %s with 404 for an unknown sandbox, 400 for an impossible reference, 401 without a key", async (action) => {
    const c = client();
    const error = expectError(await c.post(`/v1/sandboxes/ghost/${action}`), 404, "not_found");
    expect(error.message).toBe("Sandbox 'ghost' not found");
    expectBadRequest(await c.post(`/v1/sandboxes/${LONG_REF}/${action}`), "/path/id");
    const sandbox = await createRunningSandbox(c);
    expectError(await c.post(`/v1/sandboxes/${sandbox.id}/${action}`, undefined, { anonymous: true }), 401, "unauthorized");
    expect((await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`)).body.data.status).toBe("running");
  });
});

describe("POST /v1/sandboxes/{id}/exec", () => {
  it("echoes its arguments with a newline, exit code 0", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c, { name: "shell" });
    const res = await c.post(`/v1/sandboxes/${sandbox.id}/exec`, { command: "echo hello world" });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ stdout: "hello world\n", stderr: "", exitCode: 0, durationMs: expect.any(Number) });
    expect(res.body.data.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("honours echo -n and shell quoting", async () => {
    const c = client();
    await createRunningSandbox(c, { name: "shell" });
    const n = await c.post("/v1/sandboxes/shell/exec", { command: "echo -n no newline" });
    expect(n.body.data.stdout).toBe("no newline");
    const quoted = await c.post("/v1/sandboxes/shell/exec", { command: `echo 'a  b' "c"` });
    expect(quoted.body.data.stdout).toBe("a  b c\n");
  });

  it("runs commands in the sandbox's shell: a file written in one request is read in the next, unknown commands exit 127", async () => {
    const c = client();
    await createRunningSandbox(c, { name: "shell" });
    const write = await c.post("/v1/sandboxes/shell/exec", { command: `printf %s 'aGkgdGhlcmU=' | base64 --decode > '/workspace/greeting'` });
    expect(write.body.data).toEqual({ stdout: "", stderr: "", exitCode: 0, durationMs: expect.any(Number) });
    const read = await c.post("/v1/sandboxes/shell/exec", { command: "cat -- '/workspace/greeting'" });
    expect(read.body.data).toMatchObject({ stdout: "hi there", exitCode: 0 });
    const unknown = await c.post("/v1/sandboxes/shell/exec", { command: "nonexistent-command-12345" });
    expect(unknown.status).toBe(200);
    expect(unknown.body.data).toMatchObject({ stdout: "", stderr: "bash: nonexistent-command-12345: command not found\n", exitCode: 127 });
  });

  it("honours cwd, env and exit codes from the request", async () => {
    const c = client();
    await createRunningSandbox(c, { name: "shell" });
    await c.post("/v1/sandboxes/shell/exec", { command: "mkdir -p /workspace/app" });
    const res = await c.post("/v1/sandboxes/shell/exec", { command: `sh -c 'echo "$CI in $(pwd)"; exit 3'`, timeout: 120000, cwd: "/workspace/app", env: { CI: "true" } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ stdout: "true in /workspace/app\n", stderr: "", exitCode: 3 });
  });

  it("keeps files through pause and resume, and a scripted answer still wins over the shell", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c, { name: "keeper" });
    await c.post("/v1/sandboxes/keeper/exec", { command: "echo kept > /tmp/state" });
    await c.post(`/v1/sandboxes/${sandbox.id}/pause`);
    await c.get(`/v1/sandboxes/${sandbox.id}`);
    await c.post(`/v1/sandboxes/${sandbox.id}/resume`);
    await c.get(`/v1/sandboxes/${sandbox.id}`);
    expect((await c.post("/v1/sandboxes/keeper/exec", { command: "cat /tmp/state" })).body.data.stdout).toBe("kept\n");
    expectOk(await new ControlClient(server().url).addExecScript({ command: "^cat /tmp/state$", stdout: "scripted\n", times: 1 }), 201);
    expect((await c.post("/v1/sandboxes/keeper/exec", { command: "cat /tmp/state" })).body.data.stdout).toBe("scripted\n");
    expect((await c.post("/v1/sandboxes/keeper/exec", { command: "cat /tmp/state" })).body.data.stdout).toBe("kept\n");
  });

  it("answers 409 conflict on a paused sandbox", async () => {
    const c = client();
    const sandbox = await createPausedSandbox(c, "paused-shell");
    const error = expectError(await c.post(`/v1/sandboxes/${sandbox.id}/exec`, { command: "echo hi" }), 409, "conflict");
    expect(error.message).toContain("paused");
    expect((await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`)).body.data.status).toBe("paused");
  });

  it("answers 409 conflict on a destroyed sandbox", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c);
    await c.delete(`/v1/sandboxes/${sandbox.id}`);
    expectError(await c.post(`/v1/sandboxes/${sandbox.id}/exec`, { command: "echo hi" }), 409, "conflict");
  });

  it.each([
    ["a missing command", "/body/command", { cwd: "/workspace" }],
    ["an empty command", "/body/command", { command: "" }],
    ["a command that is not a string", "/body/command", { command: ["echo", "hi"] }],
    ["a timeout of 0", "/body/timeout", { command: "echo hi", timeout: 0 }],
    ["env with a non-string value", "/body/env/N", { command: "echo hi", env: { N: 1 } }],
  ])("rejects %s with 400 at %s", async (_label, pointer, body) => {
    const c = client();
    const sandbox = await createRunningSandbox(c);
    expectBadRequest(await c.post(`/v1/sandboxes/${sandbox.id}/exec`, body), pointer);
  });

  it("answers 400 to an exec without a body", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c);
    expectBadRequest(await c.post(`/v1/sandboxes/${sandbox.id}/exec`), "/body");
  });

  it("answers 404 for an unknown sandbox, 400 for an impossible reference, 401 without a key", async () => {
    const c = client();
    const error = expectError(await c.post("/v1/sandboxes/ghost/exec", { command: "echo hi" }), 404, "not_found");
    expect(error.message).toBe("Sandbox 'ghost' not found");
    expectBadRequest(await c.post(`/v1/sandboxes/${LONG_REF}/exec`, { command: "echo hi" }), "/path/id");
    const sandbox = await createRunningSandbox(c);
    expectError(await c.post(`/v1/sandboxes/${sandbox.id}/exec`, { command: "echo hi" }, { anonymous: true }), 401, "unauthorized");
  });

  it("answers 413 to an oversized command and 415 to a non-JSON body", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c);
    const big = await c.request("POST", `/v1/sandboxes/${sandbox.id}/exec`, {
      rawBody: JSON.stringify({ command: "echo hi", env: { PAD: "x".repeat(OVERSIZED_JSON_BYTES) } }),
      headers: { "Content-Type": "application/json" },
    });
    expectError(big, 413, "payload_too_large");
    const plain = await c.request("POST", `/v1/sandboxes/${sandbox.id}/exec`, {
      rawBody: "echo hi",
      headers: { "Content-Type": "text/plain" },
    });
    expectError(plain, 415, "unsupported_media_type");
  });
});

describe("DELETE /v1/sandboxes/{id}", () => {
  it("answers {id, deleted: true}; the sandbox stays readable by id as destroyed, its name is gone", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c, { name: "short-lived" });
    const res = await c.delete(`/v1/sandboxes/${sandbox.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ id: sandbox.id, deleted: true });

    const byId = await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`);
    expect(byId.status).toBe(200);
    expect(byId.body.data).toMatchObject({ id: sandbox.id, name: "short-lived", status: "destroyed", sshReady: false });

    expectError(await c.get("/v1/sandboxes/short-lived"), 404, "not_found");
    expect(await names(c)).toEqual([]);
    const error = expectError(await c.delete(`/v1/sandboxes/${sandbox.id}`), 404, "not_found");
    expect(error.message).toBe(`Sandbox '${sandbox.id}' not found`);
  });

  it("deletes by name as well as by id", async () => {
    const c = client();
    const sandbox = await createSandbox(c, { name: "by-name" });
    const res = await c.delete("/v1/sandboxes/by-name");
    expect(res.body.data).toEqual({ id: sandbox.id, deleted: true });
    expectError(await c.delete("/v1/sandboxes/by-name"), 404, "not_found");
  });

  it("answers 404 for an unknown sandbox, 400 for an impossible reference, 401 without a key", async () => {
    const c = client();
    expectError(await c.delete("/v1/sandboxes/ghost"), 404, "not_found");
    expectBadRequest(await c.delete(`/v1/sandboxes/${LONG_REF}`), "/path/id");
    const sandbox = await createRunningSandbox(c);
    expectError(await c.delete(`/v1/sandboxes/${sandbox.id}`, { anonymous: true }), 401, "unauthorized");
    expect((await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`)).body.data.status).toBe("running");
  });

  it("leaves an agent linked to the deleted sandbox with its sandboxId", async () => {
    const c = client();
    const sandbox = await createSandbox(c, { name: "build-runner" });
    expect((await c.post("/v1/agents", SEED_BODY)).status).toBe(201);
    const before = await getAgent(c, "code-assistant");

    expect((await c.delete("/v1/sandboxes/build-runner")).status).toBe(200);
    const after = await getAgent(c, "code-assistant");
    expect(after).toEqual(before);
    expect(after.sandboxId).toBe(sandbox.id);
    expect(after.sandboxSlug).toBe("build-runner");

    // A PATCH that does not touch the link keeps it too.
    const patched = await c.patch<{ data: Agent }>("/v1/agents/code-assistant", { maxIterations: 30 });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toMatchObject({ sandboxId: sandbox.id, version: 2 });

    // Naming the destroyed sandbox again is a 404, by name or by id, and changes nothing.
    expectError(await c.post("/v1/agents", SEED_BODY), 404, "not_found");
    expectError(await c.post("/v1/agents", { ...SEED_BODY, sandbox: sandbox.id }), 404, "not_found");
    expect((await getAgent(c, "code-assistant")).version).toBe(2);
  });
});

describe("lifecycle with a boot delay and a controlled clock", () => {
  let now = Date.parse("2026-11-29T10:00:00.000Z");
  const { client: slowClient, violations: slowViolations } = useServer({ bootDelayMs: 1000, clock: { now: () => new Date(now) } });
  const advance = (ms: number) => {
    now += ms;
  };

  afterEach(() => {
    expect(slowViolations).toEqual([]);
  });

  it("stays creating until the delay passes, refusing pause, resume and exec meanwhile", async () => {
    const c = slowClient();
    const created = await createSandbox(c, { name: "booting" });
    expect(created.createdAt).toBe(new Date(now).toISOString());

    expect((await c.get<{ data: Sandbox }>("/v1/sandboxes/booting")).body.data.status).toBe("creating");
    expectError(await c.post("/v1/sandboxes/booting/pause"), 409, "conflict");
    expectError(await c.post("/v1/sandboxes/booting/resume"), 409, "conflict");
    expectError(await c.post("/v1/sandboxes/booting/exec", { command: "echo hi" }), 409, "conflict");
    expect(await names(c, "?status=creating")).toEqual(["booting"]);

    advance(1000);
    const running = await c.get<{ data: Sandbox }>("/v1/sandboxes/booting");
    expect(running.body.data).toMatchObject({ status: "running", sshReady: true });
    expect(Date.parse(running.body.data.updatedAt) - Date.parse(created.createdAt)).toBe(1000);
  });

  it("walks pausing and resuming one step at a time, answering repeats with the current status", async () => {
    const c = slowClient();
    const sandbox = await createSandbox(c, { name: "stepper" });
    advance(1000);

    expect((await c.post("/v1/sandboxes/stepper/pause")).body.data).toEqual({ id: sandbox.id, status: "pausing" });
    expect((await c.get<{ data: Sandbox }>("/v1/sandboxes/stepper")).body.data.status).toBe("pausing");
    expect((await c.post("/v1/sandboxes/stepper/pause")).body.data).toEqual({ id: sandbox.id, status: "pausing" });
    expectError(await c.post("/v1/sandboxes/stepper/resume"), 409, "conflict");
    expectError(await c.post("/v1/sandboxes/stepper/exec", { command: "echo hi" }), 409, "conflict");

    advance(1000);
    expect((await c.get<{ data: Sandbox }>("/v1/sandboxes/stepper")).body.data.status).toBe("paused");
    expect((await c.post("/v1/sandboxes/stepper/resume")).body.data).toEqual({ id: sandbox.id, status: "resuming" });
    expect((await c.post("/v1/sandboxes/stepper/resume")).body.data).toEqual({ id: sandbox.id, status: "resuming" });
    expectError(await c.post("/v1/sandboxes/stepper/pause"), 409, "conflict");
    expectError(await c.post("/v1/sandboxes/stepper/exec", { command: "echo hi" }), 409, "conflict");

    advance(1000);
    expect((await c.get<{ data: Sandbox }>("/v1/sandboxes/stepper")).body.data.status).toBe("running");
    expect((await c.post("/v1/sandboxes/stepper/exec", { command: "echo back" })).body.data.stdout).toBe("back\n");
  });

  it("destroys a sandbox that is still creating, and it never comes up afterwards", async () => {
    const c = slowClient();
    const sandbox = await createSandbox(c, { name: "stillborn" });
    expect((await c.delete("/v1/sandboxes/stillborn")).body.data).toEqual({ id: sandbox.id, deleted: true });
    advance(5000);
    expect((await c.get<{ data: Sandbox }>(`/v1/sandboxes/${sandbox.id}`)).body.data.status).toBe("destroyed");
    expect(await names(c)).toEqual([]);
  });
});

describe("GET /v1/sandboxes/{id}/url", () => {
  it("answers the deterministic preview URL of a port, which new URL() parses, by id or name", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c, { name: "web" });
    const res = await c.get<{ data: { url: string; port: number } }>("/v1/sandboxes/web/url?port=3000");
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ url: `https://3000-${sandbox.id}.sandboxes.runtools.ai`, port: 3000 });
    expect(new URL(res.body.data.url).hostname).toBe(`3000-${sandbox.id}.sandboxes.runtools.ai`);
    expect((await c.get(`/v1/sandboxes/${sandbox.id}/url?port=3000`)).body).toMatchObject({ data: res.body.data });
  });

  it("answers 400 without a port or with one out of range, 404 for an unknown sandbox, 409 for a destroyed one", async () => {
    const c = client();
    const sandbox = await createRunningSandbox(c);
    expectBadRequest(await c.get(`/v1/sandboxes/${sandbox.id}/url`), "/query/port");
    expectBadRequest(await c.get(`/v1/sandboxes/${sandbox.id}/url?port=70000`), "/query/port");
    expectError(await c.get("/v1/sandboxes/nothing-here/url?port=3000"), 404, "not_found");
    await c.delete(`/v1/sandboxes/${sandbox.id}`);
    expectError(await c.get(`/v1/sandboxes/${sandbox.id}/url?port=3000`), 409, "conflict");
  });
});
