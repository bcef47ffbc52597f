/**
 * Workspaces, mounts and agent resources, black-box through the real server (issue 3; reference
 * Part B "Workspaces (orchestrator)"; spec operations listWorkspaces … getWorkspaceUsage, the
 * `mounts` of createSandbox and the `resources`/`attachedResources` of agents). Every response is
 * validated against the spec by the contract client, and the server's own response validation
 * must log no violation.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Agent, AgentUpsertResult, Sandbox, Workspace, WorkspaceUsage } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { ControlClient, orgIdOf } from "../control/control-client.ts";
import { personalWorkspaceId } from "../../src/stateful/workspaces/workspaces.store.ts";
import {
  OVERSIZED_JSON_BYTES,
  SEED_BODY,
  createRunningSandbox,
  createSandbox,
  detailPaths,
  expectBadRequest,
  expectError,
  getAgent,
  listAllAgents,
  upsertManaged,
} from "./helpers.ts";

const { client, server, violations } = useServer();

/** A workspace read from an organization not stored yet shows the time of the read (docs/input-rules.md). */
const asOfAnyTime = (workspace: Workspace) => ({ ...workspace, createdAt: expect.any(String), updatedAt: expect.any(String) });

afterEach(() => {
  expect(violations).toEqual([]);
});
afterAll(() => {
  expect(violations).toEqual([]);
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type WorkspaceList = {
  data: { workspaces: Workspace[]; storage: { usedBytes: number; quotaBytes: number; unlimited: boolean } };
  hasMore: boolean;
  nextCursor: string | null;
};

async function createWorkspace(c: ContractClient, body: Record<string, unknown>): Promise<Workspace> {
  const res = await c.post<{ data: Workspace }>("/v1/workspaces", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

async function listWorkspaces(c: ContractClient, query = ""): Promise<WorkspaceList> {
  const res = await c.get<WorkspaceList>(`/v1/workspaces${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function slugs(c: ContractClient): Promise<string[]> {
  return (await listWorkspaces(c, "?limit=500")).data.workspaces.map((w) => w.slug);
}

async function personalOf(c: ContractClient): Promise<Workspace> {
  const personal = (await listWorkspaces(c)).data.workspaces[0];
  expect(personal?.isPersonal).toBe(true);
  return personal as Workspace;
}

async function usage(c: ContractClient, id: string): Promise<WorkspaceUsage> {
  const res = await c.get<{ data: WorkspaceUsage }>(`/v1/workspaces/${id}/usage`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

async function getSandbox(c: ContractClient, ref: string): Promise<Sandbox> {
  const res = await c.get<{ data: Sandbox }>(`/v1/sandboxes/${ref}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

async function sandboxNames(c: ContractClient): Promise<string[]> {
  const res = await c.get<{ data: Sandbox[] }>("/v1/sandboxes");
  expect(res.status).toBe(200);
  return res.body.data.map((s) => s.name);
}

const UNUSED = (workspaceId: string, workspaceName: string): WorkspaceUsage => ({
  workspaceId,
  workspaceName,
  inUse: false,
  counts: { mountedSandboxes: 0, installableAgents: 0, customAgents: 0 },
  mountedSandboxes: [],
  installableAgents: [],
  customAgents: [],
});

// ─── the "Done when" scenario ──────────────────────────────────────────────────────────

describe("a new user mounts a workspace, attaches it to agents and deletes it (issue 3, Done when)", () => {
  it("lists every user of the workspace, refuses a plain delete with WORKSPACE_IN_USE and a forced delete removes every reference", async () => {
    const c = client("journey");

    // 1. A workspace.
    const ws = await createWorkspace(c, { name: "Data", slug: "data" });
    expect(ws).toMatchObject({ slug: "data", name: "Data", isPersonal: false });

    // 2. A new sandbox that mounts it.
    const created = await createSandbox(c, { name: "build-runner", mounts: [{ workspaceId: ws.id, path: "/workspace/data" }] });
    expect(created.mounts).toEqual([{ workspaceId: ws.id, path: "/workspace/data", readOnly: false }]);
    expect(created.hasWritableWorkspaceMount).toBe(true);

    // 3. An in_sandbox agent on that sandbox, and a managed agent that attaches the workspace.
    const seed = await c.post<{ data: AgentUpsertResult }>("/v1/agents", SEED_BODY);
    expect(seed.status, JSON.stringify(seed.body)).toBe(201);
    expect(seed.body.data.sandboxId).toBe(created.id);
    const analyst = await upsertManaged(c, "data-analyst", {
      name: "Data Analyst",
      resources: [{ type: "workspace", resourceId: ws.id, alias: "data" }],
    });
    expect(analyst.status, JSON.stringify(analyst.body)).toBe(201);

    const sandbox = await getSandbox(c, created.id);
    expect(sandbox.status).toBe("running");

    // 4. The usage endpoint lists both agents and the sandbox; the counts match the lists.
    const inUse: WorkspaceUsage = {
      workspaceId: ws.id,
      workspaceName: "Data",
      inUse: true,
      counts: { mountedSandboxes: 1, installableAgents: 0, customAgents: 2 },
      mountedSandboxes: [
        { sandboxId: created.id, sandboxName: "build-runner", sandboxStatus: sandbox.status, mountPath: "/workspace/data", readOnly: false },
      ],
      installableAgents: [],
      customAgents: [
        {
          agentId: seed.body.data.id,
          name: "Code Assistant",
          slug: "code-assistant",
          executionMode: "in_sandbox",
          sandboxId: created.id,
          sandboxName: "build-runner",
        },
        {
          agentId: analyst.body.data.id,
          name: "Data Analyst",
          slug: "data-analyst",
          executionMode: "managed",
          sandboxId: null,
          sandboxName: null,
        },
      ],
    };
    const before = await usage(c, ws.id);
    expect(before).toEqual(inUse);
    expect(before.counts.mountedSandboxes).toBe(before.mountedSandboxes.length);
    expect(before.counts.customAgents).toBe(before.customAgents.length);
    expect(before.counts.installableAgents).toBe(before.installableAgents.length);

    // 5. A plain delete is refused, naming the sandbox and both agents, and changes nothing.
    const refused = expectError(await c.delete(`/v1/workspaces/${ws.id}`), 409, "WORKSPACE_IN_USE");
    expect(refused.message).toContain("build-runner");
    expect(refused.message).toContain("code-assistant");
    expect(refused.message).toContain("data-analyst");
    expectError(await c.delete(`/v1/workspaces/${ws.id}?force=false`), 409, "WORKSPACE_IN_USE");
    expect((await c.get<{ data: Workspace }>(`/v1/workspaces/${ws.id}`)).body.data).toEqual(ws);
    expect(await usage(c, ws.id)).toEqual(inUse);
    expect((await getSandbox(c, created.id)).mounts).toEqual([{ workspaceId: ws.id, path: "/workspace/data", readOnly: false }]);
    expect((await getAgent(c, "data-analyst")).attachedResources).toEqual([
      { type: "workspace", resourceId: ws.id, alias: "data", config: null },
    ]);

    // 6. A forced delete succeeds.
    const forced = await c.delete<{ data: { id: string; deleted: boolean } }>(`/v1/workspaces/${ws.id}?force=true`);
    expect(forced.status, JSON.stringify(forced.body)).toBe(200);
    expect(forced.body.data).toEqual({ id: ws.id, deleted: true });

    // 7. The references are gone; the sandbox and the agents stay.
    expectError(await c.get(`/v1/workspaces/${ws.id}/usage`), 404, "not_found");
    expectError(await c.get(`/v1/workspaces/${ws.id}`), 404, "not_found");
    expect(await slugs(c)).toEqual(["personal"]);
    const after = await getSandbox(c, created.id);
    expect(after).toMatchObject({ id: created.id, status: "running", mounts: [], hasWritableWorkspaceMount: false });
    const analystAfter = await getAgent(c, "data-analyst");
    expect(analystAfter.attachedResources).toEqual([]);
    expect(analystAfter.attachedResources.some((r) => r.resourceId === ws.id)).toBe(false);
    expect((await getAgent(c, "code-assistant")).sandboxId).toBe(created.id);
    expect((await listAllAgents(c)).map((a) => a.slug)).toEqual(["code-assistant", "data-analyst"]);

    // The slug is free again.
    const again = await createWorkspace(c, { name: "Data", slug: "data" });
    expect(again.id).not.toBe(ws.id);
  });
});

// ─── the personal workspace ────────────────────────────────────────────────────────────────────

describe("the personal workspace", () => {
  it("is there on a new organization's first request: listed first, isPersonal, slug personal, with the storage summary", async () => {
    const c = client("personal");
    const first = await listWorkspaces(c);
    expect(first.hasMore).toBe(false);
    expect(first.nextCursor).toBeNull();
    expect(first.data.workspaces).toHaveLength(1);
    const personal = first.data.workspaces[0] as Workspace;
    expect(personal).toEqual({
      id: expect.stringMatching(UUID),
      slug: "personal",
      name: "Personal",
      sizeBytes: 0,
      quotaBytes: expect.any(Number),
      createdAt: expect.any(String),
      updatedAt: personal.createdAt,
      lastAccessedAt: null,
      isPersonal: true,
      ownerUserId: expect.stringMatching(UUID),
      ownerDisplayName: null,
      ownerEmail: null,
    });
    expect(first.data.storage).toEqual({ usedBytes: 0, quotaBytes: expect.any(Number), unlimited: false });
    expect(first.data.storage.quotaBytes).toBeGreaterThan(0);

    // Still first once others exist; the storage summary sums every workspace.
    const other = await createWorkspace(c, { name: "Data", slug: "data" });
    const later = await listWorkspaces(c);
    expect(later.data.workspaces.map((w) => w.id)).toEqual([personal.id, other.id]);
    expect(later.data.workspaces.filter((w) => w.isPersonal)).toHaveLength(1);
    expect(later.data.storage.usedBytes).toBe(later.data.workspaces.reduce((sum, w) => sum + w.sizeBytes, 0));
    // Stored with the organization's first write; until then each read shows it as of that read.
    expect((await c.get<{ data: Workspace }>(`/v1/workspaces/${personal.id}`)).body.data).toEqual(asOfAnyTime(personal));
  });

  it("has the same id on every read, before and after the organization is stored, derived from the organization", async () => {
    const c = client("personalStable");
    const before = (await listWorkspaces(c)).data.workspaces[0] as Workspace;
    expect((await listWorkspaces(c)).data.workspaces[0]?.id).toBe(before.id);
    await createWorkspace(c, { name: "Data" });
    expect((await listWorkspaces(c)).data.workspaces[0]?.id).toBe(before.id);
    const orgId = await orgIdOf(new ControlClient(server().url), c);
    expect(before.id).toBe(personalWorkspaceId(orgId));
  });

  it("is there even when the organization's first request creates another workspace", async () => {
    const c = client("personal2");
    const created = await createWorkspace(c, { name: "Reports" });
    const list = await listWorkspaces(c);
    expect(list.data.workspaces.map((w) => [w.slug, w.isPersonal])).toEqual([
      ["personal", true],
      ["reports", false],
    ]);
    expect(list.data.workspaces[1]?.id).toBe(created.id);
  });

  it("cannot be mounted on a sandbox: 400 at /body/mounts/0/workspaceId, and no sandbox is created", async () => {
    const c = client();
    const personal = await personalOf(c);
    const res = await c.post("/v1/sandboxes", { name: "with-personal", mounts: [{ workspaceId: personal.id, path: "/workspace/me" }] });
    expectBadRequest(res, "/body/mounts/0/workspaceId");
    expect(await sandboxNames(c)).toEqual([]);
    expect(await usage(c, personal.id)).toEqual(UNUSED(personal.id, "Personal"));
  });

  it("cannot be deleted, with or without force: 400, and it stays", async () => {
    const c = client();
    const personal = await personalOf(c);
    expectError(await c.delete(`/v1/workspaces/${personal.id}`), 400, "bad_request");
    expectError(await c.delete(`/v1/workspaces/${personal.id}?force=true`), 400, "bad_request");
    expect((await c.get<{ data: Workspace }>(`/v1/workspaces/${personal.id}`)).body.data).toEqual(asOfAnyTime(personal));
    expect(await slugs(c)).toEqual(["personal"]);
  });

  it("can be renamed, keeping its slug", async () => {
    const c = client();
    const personal = await personalOf(c);
    const res = await c.patch<{ data: Workspace }>(`/v1/workspaces/${personal.id}`, { name: "My Files" });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: personal.id, slug: "personal", name: "My Files", isPersonal: true });
  });

  it("holds the slug personal, so creating another workspace with it is 409 conflict", async () => {
    const c = client();
    expectError(await c.post("/v1/workspaces", { name: "Mine", slug: "personal" }), 409, "conflict");
    expectError(await c.post("/v1/workspaces", { name: "Personal" }), 409, "conflict");
    expect(await slugs(c)).toEqual(["personal"]);
  });
});

// ─── CRUD ──────────────────────────────────────────────────────────────────────────────────────

describe("POST /v1/workspaces", () => {
  it("answers 201 with the whole workspace for {name, slug}, and GET reads it back", async () => {
    const c = client();
    const res = await c.post<{ data: Workspace }>("/v1/workspaces", { name: "Data", slug: "data" });
    expect(res.status).toBe(201);
    const ws = res.body.data;
    expect(ws).toEqual({
      id: expect.stringMatching(UUID),
      slug: "data",
      name: "Data",
      sizeBytes: 0,
      quotaBytes: expect.any(Number),
      createdAt: expect.any(String),
      updatedAt: ws.createdAt,
      lastAccessedAt: null,
      isPersonal: false,
      ownerUserId: expect.stringMatching(UUID),
      ownerDisplayName: null,
      ownerEmail: null,
    });
    const read = await c.get<{ data: Workspace }>(`/v1/workspaces/${ws.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual(ws);
  });

  it.each([
    ["Customer Exports 2026", "customer-exports-2026"],
    ["  My Data Set! ", "my-data-set"],
    ["Q3/Q4 -- Reports", "q3-q4-reports"],
  ])("derives the slug from the name %j as %s when it is left out", async (name, slug) => {
    const c = client();
    const ws = await createWorkspace(c, { name });
    expect(ws).toMatchObject({ name, slug });
  });

  it("answers 400 to a name with no letters or digits and no slug, and creates nothing", async () => {
    const c = client();
    expectError(await c.post("/v1/workspaces", { name: "!!!" }), 400, "bad_request");
    expect(await slugs(c)).toEqual(["personal"]);
    // With an explicit slug the same name is fine.
    expect((await createWorkspace(c, { name: "!!!", slug: "bangs" })).slug).toBe("bangs");
  });

  it("answers 409 conflict to a slug already taken, given or derived, and creates nothing", async () => {
    const c = client();
    const first = await createWorkspace(c, { name: "Data", slug: "data" });
    const dup = expectError(await c.post("/v1/workspaces", { name: "Other", slug: "data" }), 409, "conflict");
    expect(dup.message).toContain("data");
    expectError(await c.post("/v1/workspaces", { name: "DATA" }), 409, "conflict");
    expect(await slugs(c)).toEqual(["personal", "data"]);
    expect((await c.get<{ data: Workspace }>(`/v1/workspaces/${first.id}`)).body.data).toEqual(first);
  });

  it.each<[string, string, unknown]>([
    ["a missing name", "/body/name", { slug: "data" }],
    ["an empty name", "/body/name", { name: "" }],
    ["a name that is not a string", "/body/name", { name: 42 }],
    ["an upper-case slug", "/body/slug", { name: "Data", slug: "Data" }],
    ["a slug with a trailing hyphen", "/body/slug", { name: "Data", slug: "data-" }],
  ])("rejects %s with 400 at %s, and creates nothing", async (_label, pointer, body) => {
    const c = client();
    expectBadRequest(await c.post("/v1/workspaces", body), pointer);
    expect(await slugs(c)).toEqual(["personal"]);
  });

  it("answers 401 unauthorized without a key", async () => {
    expectError(await client().post("/v1/workspaces", { name: "Data" }, { anonymous: true }), 401, "unauthorized");
  });

  it("answers 413 payload_too_large to a 1.1 MB body, and creates nothing", async () => {
    const c = client();
    const rawBody = JSON.stringify({ name: "Big", slug: "big", pad: "x".repeat(OVERSIZED_JSON_BYTES) });
    expectError(await c.request("POST", "/v1/workspaces", { rawBody, headers: { "Content-Type": "application/json" } }), 413, "payload_too_large");
    expect(await slugs(c)).toEqual(["personal"]);
  });

  it("answers 415 unsupported_media_type to a text/plain body, and creates nothing", async () => {
    const c = client();
    const res = await c.request("POST", "/v1/workspaces", {
      rawBody: JSON.stringify({ name: "Data", slug: "data" }),
      headers: { "Content-Type": "text/plain" },
    });
    expectError(res, 415, "unsupported_media_type");
    expect(await slugs(c)).toEqual(["personal"]);
  });
});

describe("GET /v1/workspaces/{id}", () => {
  it("answers 404 not_found for a random UUID", async () => {
    const id = randomUUID();
    const error = expectError(await client().get(`/v1/workspaces/${id}`), 404, "not_found");
    expect(error.message).toContain(id);
  });

  it("answers the workspace named by its slug, the same as by its id (the SDK names workspaces by slug)", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data", slug: "data" });
    const bySlug = await c.get<{ data: Workspace }>("/v1/workspaces/data");
    expect(bySlug.status, JSON.stringify(bySlug.body)).toBe(200);
    expect(bySlug.body.data).toEqual(ws);
    const personal = await c.get<{ data: Workspace }>("/v1/workspaces/personal");
    expect(personal.body.data.isPersonal).toBe(true);
  });

  it("renames, reports the usage of and deletes a workspace named by its slug", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data", slug: "data" });
    const renamed = await c.patch<{ data: Workspace }>("/v1/workspaces/data", { name: "Shared Data" });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.data).toMatchObject({ id: ws.id, slug: "data", name: "Shared Data" });
    expect(await usage(c, "data")).toEqual(UNUSED(ws.id, "Shared Data"));
    const deleted = await c.delete<{ data: { id: string; deleted: boolean } }>("/v1/workspaces/data");
    expect(deleted.body.data).toEqual({ id: ws.id, deleted: true });
    expectError(await c.get("/v1/workspaces/data"), 404, "not_found");
  });

  it("answers 404 naming the slug for a slug the organization does not have, on every workspace path", async () => {
    const c = client();
    expect(expectError(await c.get("/v1/workspaces/no-such-workspace"), 404, "not_found").message).toBe("Workspace 'no-such-workspace' not found");
    expectError(await c.patch("/v1/workspaces/no-such-workspace", { name: "X" }), 404, "not_found");
    expectError(await c.delete("/v1/workspaces/no-such-workspace?force=true"), 404, "not_found");
    expectError(await c.get("/v1/workspaces/no-such-workspace/usage"), 404, "not_found");
  });

  it("does not find another organization's workspace by its slug", async () => {
    await createWorkspace(client(), { name: "Data", slug: "data" });
    expectError(await client().get("/v1/workspaces/data"), 404, "not_found");
  });

  it.each(["Data", "not_a_slug", "-data", "6b1f3c2a9d4e4f5a8b7c1d2e3f4a5b6c0000000000000000000000000000000000"])(
    "answers 400 at /path/id for %s, neither a UUID nor a slug",
    async (id) => {
      const c = client();
      expectBadRequest(await c.get(`/v1/workspaces/${id}`), "/path/id");
      expectBadRequest(await c.patch(`/v1/workspaces/${id}`, { name: "X" }), "/path/id");
      expectBadRequest(await c.delete(`/v1/workspaces/${id}?force=true`), "/path/id");
      expectBadRequest(await c.get(`/v1/workspaces/${id}/usage`), "/path/id");
    },
  );

  it("answers 401 unauthorized without a key", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    expectError(await c.get(`/v1/workspaces/${ws.id}`, { anonymous: true }), 401, "unauthorized");
    expectError(await c.get(`/v1/workspaces/${ws.id}/usage`, { anonymous: true }), 401, "unauthorized");
  });
});

describe("PATCH /v1/workspaces/{id}", () => {
  it("renames the workspace and keeps its id, slug and createdAt", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data", slug: "data" });
    const res = await c.patch<{ data: Workspace }>(`/v1/workspaces/${ws.id}`, { name: "Shared Data" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({ ...ws, name: "Shared Data", updatedAt: res.body.data.updatedAt });
    expect(Date.parse(res.body.data.updatedAt)).toBeGreaterThanOrEqual(Date.parse(ws.updatedAt));
    expect((await c.get<{ data: Workspace }>(`/v1/workspaces/${ws.id}`)).body.data).toEqual(res.body.data);
    // The slug stays taken, and the old name's slug is not freed by the rename.
    expectError(await c.post("/v1/workspaces", { name: "Data" }), 409, "conflict");
    expect(await slugs(c)).toEqual(["personal", "data"]);
    expect((await usage(c, ws.id)).workspaceName).toBe("Shared Data");
  });

  it.each<[string, string, unknown]>([
    ["a missing name", "/body/name", { slug: "other" }],
    ["an empty name", "/body/name", { name: "" }],
  ])("rejects %s with 400 at %s, and changes nothing", async (_label, pointer, body) => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data", slug: "data" });
    expectBadRequest(await c.patch(`/v1/workspaces/${ws.id}`, body), pointer);
    expect((await c.get<{ data: Workspace }>(`/v1/workspaces/${ws.id}`)).body.data).toEqual(ws);
  });

  it("answers 404 for a random UUID, 401 without a key, 413 and 415", async () => {
    const c = client();
    expectError(await c.patch(`/v1/workspaces/${randomUUID()}`, { name: "X" }), 404, "not_found");
    const ws = await createWorkspace(c, { name: "Data", slug: "data" });
    expectError(await c.patch(`/v1/workspaces/${ws.id}`, { name: "X" }, { anonymous: true }), 401, "unauthorized");
    const big = JSON.stringify({ name: "X", pad: "x".repeat(OVERSIZED_JSON_BYTES) });
    expectError(
      await c.request("PATCH", `/v1/workspaces/${ws.id}`, { rawBody: big, headers: { "Content-Type": "application/json" } }),
      413,
      "payload_too_large",
    );
    expectError(
      await c.request("PATCH", `/v1/workspaces/${ws.id}`, { rawBody: JSON.stringify({ name: "X" }), headers: { "Content-Type": "text/plain" } }),
      415,
      "unsupported_media_type",
    );
    expect((await c.get<{ data: Workspace }>(`/v1/workspaces/${ws.id}`)).body.data).toEqual(ws);
  });
});

describe("DELETE /v1/workspaces/{id}", () => {
  it("deletes an unused workspace without force: 200 {id, deleted: true}, then 404", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Scratch" });
    const res = await c.delete<{ data: { id: string; deleted: boolean } }>(`/v1/workspaces/${ws.id}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ id: ws.id, deleted: true });
    expectError(await c.get(`/v1/workspaces/${ws.id}`), 404, "not_found");
    expectError(await c.delete(`/v1/workspaces/${ws.id}`), 404, "not_found");
    expect(await slugs(c)).toEqual(["personal"]);
  });

  it("answers 404 for a random UUID (with or without force) and 401 without a key", async () => {
    const c = client();
    expectError(await c.delete(`/v1/workspaces/${randomUUID()}`), 404, "not_found");
    expectError(await c.delete(`/v1/workspaces/${randomUUID()}?force=true`), 404, "not_found");
    const ws = await createWorkspace(c, { name: "Data" });
    expectError(await c.delete(`/v1/workspaces/${ws.id}`, { anonymous: true }), 401, "unauthorized");
    expect((await c.get(`/v1/workspaces/${ws.id}`)).status).toBe(200);
  });

  it("answers 400 at /query/force to a force that is not a boolean", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    expectBadRequest(await c.delete(`/v1/workspaces/${ws.id}?force=yes`), "/query/force");
    expect((await c.get(`/v1/workspaces/${ws.id}`)).status).toBe(200);
  });

  it("refuses a workspace only attached by an agent with WORKSPACE_IN_USE naming the agent", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Notes" });
    expect((await upsertManaged(c, "note-taker", { resources: [{ type: "workspace", resourceId: ws.id }] })).status).toBe(201);
    const error = expectError(await c.delete(`/v1/workspaces/${ws.id}`), 409, "WORKSPACE_IN_USE");
    expect(error.message).toContain("note-taker");
    expect((await c.get(`/v1/workspaces/${ws.id}`)).status).toBe(200);
  });
});

describe("GET /v1/workspaces (list)", () => {
  it("answers the same with the docs' all=true (admin broadening): a key already sees every workspace of its organization", async () => {
    const c = client();
    await createWorkspace(c, { name: "A" });
    expect((await listWorkspaces(c, "?all=true")).data).toEqual((await listWorkspaces(c)).data);
  });

  it("pages in creation order with limit, cursor, hasMore and nextCursor; storage on every page", async () => {
    const c = client();
    const personal = await personalOf(c);
    const a = await createWorkspace(c, { name: "A" });
    const b = await createWorkspace(c, { name: "B" });
    const d = await createWorkspace(c, { name: "D" });

    const page1 = await listWorkspaces(c, "?limit=2");
    expect(page1.data.workspaces.map((w) => w.id)).toEqual([personal.id, a.id]);
    expect(page1.hasMore).toBe(true);
    expect(page1.nextCursor).toEqual(expect.any(String));
    expect(page1.data.storage).toEqual({ usedBytes: 0, quotaBytes: expect.any(Number), unlimited: false });

    const page2 = await listWorkspaces(c, `?limit=2&cursor=${encodeURIComponent(page1.nextCursor ?? "")}`);
    expect(page2.data.workspaces.map((w) => w.id)).toEqual([b.id, d.id]);
    expect(page2.hasMore).toBe(false);
    expect(page2.nextCursor).toBeNull();
    expect(page2.data.storage).toEqual(page1.data.storage);

    const all = await listWorkspaces(c);
    expect(all.data.workspaces.map((w) => w.slug)).toEqual(["personal", "a", "b", "d"]);
    expect(all.hasMore).toBe(false);
    expect(all.nextCursor).toBeNull();

    // A page of exactly the remaining items says there is no more.
    const exact = await listWorkspaces(c, "?limit=4");
    expect(exact.data.workspaces).toHaveLength(4);
    expect(exact.hasMore).toBe(false);
    expect(exact.nextCursor).toBeNull();
  });

  it.each([
    ["limit=0", "/query/limit"],
    ["limit=501", "/query/limit"],
    ["limit=many", "/query/limit"],
    ["cursor=bm90LWEtY3Vyc29y", "/query/cursor"],
    ["cursor=garbage!!", "/query/cursor"],
  ])("rejects ?%s with 400 at %s", async (query, pointer) => {
    expectBadRequest(await client().get(`/v1/workspaces?${query}`), pointer);
  });

  it("answers the same page to the same cursor used twice", async () => {
    const c = client();
    await createWorkspace(c, { name: "A" });
    const page1 = await listWorkspaces(c, "?limit=1");
    const cursor = encodeURIComponent(page1.nextCursor ?? "");
    const twice = [await listWorkspaces(c, `?limit=1&cursor=${cursor}`), await listWorkspaces(c, `?limit=1&cursor=${cursor}`)];
    expect(twice[0]?.data.workspaces.map((w) => w.slug)).toEqual(["a"]);
    expect(twice[1]?.data.workspaces).toEqual(twice[0]?.data.workspaces);
  });

  it("answers 401 unauthorized without a key", async () => {
    expectError(await client().get("/v1/workspaces", { anonymous: true }), 401, "unauthorized");
  });
});

// ─── mounts ────────────────────────────────────────────────────────────────────────────────────

describe("sandbox mounts", () => {
  it.each(["/data", "/workspaces", "/workspacefoo", "/home/workspace", "workspace/data", "/workspace/../etc"])(
    "rejects the mount path %s with 400 at /body/mounts/0/path, and creates no sandbox",
    async (path) => {
      const c = client();
      const ws = await createWorkspace(c, { name: "Data" });
      expectBadRequest(await c.post("/v1/sandboxes", { name: "box", mounts: [{ workspaceId: ws.id, path }] }), "/body/mounts/0/path");
      expect(await sandboxNames(c)).toEqual([]);
      expect(await usage(c, ws.id)).toEqual(UNUSED(ws.id, "Data"));
    },
  );

  it("accepts /workspace itself and paths below it, readOnly defaulted to false", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    const root = await createSandbox(c, { name: "root", mounts: [{ workspaceId: ws.id, path: "/workspace" }] });
    expect(root.mounts).toEqual([{ workspaceId: ws.id, path: "/workspace", readOnly: false }]);
    const deep = await createSandbox(c, { name: "deep", mounts: [{ workspaceId: ws.id, path: "/workspace/a/b/c" }] });
    expect(deep.mounts).toEqual([{ workspaceId: ws.id, path: "/workspace/a/b/c", readOnly: false }]);
  });

  it("rejects two mounts at the same path with 400, and creates no sandbox", async () => {
    const c = client();
    const one = await createWorkspace(c, { name: "One" });
    const two = await createWorkspace(c, { name: "Two" });
    const res = await c.post("/v1/sandboxes", {
      name: "box",
      mounts: [
        { workspaceId: one.id, path: "/workspace/shared" },
        { workspaceId: two.id, path: "/workspace/shared" },
      ],
    });
    expectError(res, 400, "bad_request");
    expect(detailPaths(res).some((p) => p.startsWith("/body/mounts/"))).toBe(true);
    expect(await sandboxNames(c)).toEqual([]);
  });

  it("answers 404 to an unknown workspace, creates no sandbox and leaves the name free", async () => {
    const c = client();
    const missing = randomUUID();
    const error = expectError(
      await c.post("/v1/sandboxes", { name: "build-runner", mounts: [{ workspaceId: missing, path: "/workspace/data" }] }),
      404,
      "not_found",
    );
    expect(error.message).toContain(missing);
    expect(await sandboxNames(c)).toEqual([]);
    expectError(await c.get("/v1/sandboxes/build-runner"), 404, "not_found");
    const free = await createSandbox(c, { name: "build-runner" });
    expect(free).toMatchObject({ name: "build-runner", mounts: [], hasWritableWorkspaceMount: false });
  });

  it("answers 404 when one of several mounts names an unknown workspace, and creates nothing", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    const res = await c.post("/v1/sandboxes", {
      name: "box",
      mounts: [
        { workspaceId: ws.id, path: "/workspace/data" },
        { workspaceId: randomUUID(), path: "/workspace/other" },
      ],
    });
    expectError(res, 404, "not_found");
    expect(await sandboxNames(c)).toEqual([]);
    expect(await usage(c, ws.id)).toEqual(UNUSED(ws.id, "Data"));
  });

  it("rejects a workspaceId that is not a UUID with 400 at /body/mounts/0/workspaceId", async () => {
    const c = client();
    await createWorkspace(c, { name: "Data", slug: "data" });
    expectBadRequest(await c.post("/v1/sandboxes", { mounts: [{ workspaceId: "data", path: "/workspace/data" }] }), "/body/mounts/0/workspaceId");
    expect(await sandboxNames(c)).toEqual([]);
  });

  it("reports hasWritableWorkspaceMount false when every mount is readOnly, true when one is writable", async () => {
    const c = client();
    const one = await createWorkspace(c, { name: "One" });
    const two = await createWorkspace(c, { name: "Two" });

    const ro = await createSandbox(c, {
      name: "ro",
      mounts: [
        { workspaceId: one.id, path: "/workspace/one", readOnly: true },
        { workspaceId: two.id, path: "/workspace/two", readOnly: true },
      ],
    });
    expect(ro.mounts).toEqual([
      { workspaceId: one.id, path: "/workspace/one", readOnly: true },
      { workspaceId: two.id, path: "/workspace/two", readOnly: true },
    ]);
    expect(ro.hasWritableWorkspaceMount).toBe(false);
    expect((await getSandbox(c, ro.id)).hasWritableWorkspaceMount).toBe(false);

    const mixed = await createSandbox(c, {
      name: "mixed",
      mounts: [
        { workspaceId: one.id, path: "/workspace/one", readOnly: true },
        { workspaceId: two.id, path: "/workspace/two", readOnly: false },
      ],
    });
    expect(mixed.hasWritableWorkspaceMount).toBe(true);

    const none = await createSandbox(c, { name: "none" });
    expect(none).toMatchObject({ mounts: [], hasWritableWorkspaceMount: false });

    // The usage endpoint shows the read-only flag per mount.
    const u = await usage(c, one.id);
    expect(u.mountedSandboxes.map((m) => [m.sandboxName, m.mountPath, m.readOnly])).toEqual([
      ["ro", "/workspace/one", true],
      ["mixed", "/workspace/one", true],
    ]);
    expect((await usage(c, two.id)).mountedSandboxes.map((m) => [m.sandboxName, m.readOnly])).toEqual([
      ["ro", true],
      ["mixed", false],
    ]);
  });

  it("lists one usage entry per mount when a sandbox mounts a workspace twice", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    const box = await createRunningSandbox(c, {
      name: "twice",
      mounts: [
        { workspaceId: ws.id, path: "/workspace/a" },
        { workspaceId: ws.id, path: "/workspace/b", readOnly: true },
      ],
    });
    const u = await usage(c, ws.id);
    expect(u.counts.mountedSandboxes).toBe(2);
    expect(u.mountedSandboxes).toEqual([
      { sandboxId: box.id, sandboxName: "twice", sandboxStatus: "running", mountPath: "/workspace/a", readOnly: false },
      { sandboxId: box.id, sandboxName: "twice", sandboxStatus: "running", mountPath: "/workspace/b", readOnly: true },
    ]);
  });

  it("reports the sandbox's current status in the usage entry (paused after a pause)", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    const box = await createRunningSandbox(c, { name: "pausable", mounts: [{ workspaceId: ws.id, path: "/workspace/data" }] });
    expect((await c.post(`/v1/sandboxes/${box.id}/pause`)).status).toBe(200);
    const status = (await getSandbox(c, box.id)).status;
    expect((await usage(c, ws.id)).mountedSandboxes.map((m) => m.sandboxStatus)).toEqual([status]);
  });

  it("releases a sandbox's mounts when the sandbox is deleted: usage no longer lists it and a plain delete works", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    const keep = await createRunningSandbox(c, { name: "keep" });
    const box = await createRunningSandbox(c, { name: "doomed", mounts: [{ workspaceId: ws.id, path: "/workspace/data" }] });
    expect((await usage(c, ws.id)).mountedSandboxes.map((m) => m.sandboxId)).toEqual([box.id]);
    expectError(await c.delete(`/v1/workspaces/${ws.id}`), 409, "WORKSPACE_IN_USE");

    const del = await c.delete(`/v1/sandboxes/${box.id}`);
    expect(del.status, JSON.stringify(del.body)).toBe(200);

    expect(await usage(c, ws.id)).toEqual(UNUSED(ws.id, "Data"));
    const res = await c.delete<{ data: { id: string; deleted: boolean } }>(`/v1/workspaces/${ws.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data).toEqual({ id: ws.id, deleted: true });
    expect((await getSandbox(c, keep.id)).status).toBe("running");
  });
});

// ─── agent resources ───────────────────────────────────────────────────────────────────────────

describe("agent resources", () => {
  it("gives a managed agent its workspace and sandbox resources as attachedResources, in order, alias/config null when omitted", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    const box = await createSandbox(c, { name: "ci-box" });
    const res = await upsertManaged(c, "data-analyst", {
      resources: [
        { type: "workspace", resourceId: ws.id, alias: "data", config: { mode: "rw", depth: 2 } },
        { type: "sandbox", resourceId: box.id },
        { type: "sandbox", resourceId: "ci-box", alias: "by-name" },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.data).toMatchObject({ slug: "data-analyst", action: "created", version: 1, sandboxId: null });
    const agent = await getAgent(c, "data-analyst");
    expect(agent.attachedResources).toEqual([
      { type: "workspace", resourceId: ws.id, alias: "data", config: { mode: "rw", depth: 2 } },
      { type: "sandbox", resourceId: box.id, alias: null, config: null },
      { type: "sandbox", resourceId: box.id, alias: "by-name", config: null },
    ]);
    // The list shows the same.
    expect((await listAllAgents(c)).find((a) => a.slug === "data-analyst")?.attachedResources).toEqual(agent.attachedResources);
    // The workspace's usage lists the agent.
    expect((await usage(c, ws.id)).customAgents).toEqual([
      { agentId: agent.id, name: "data-analyst", slug: "data-analyst", executionMode: "managed", sandboxId: null, sandboxName: null },
    ]);
  });

  it("accepts resources on a local-mac agent, the personal workspace included", async () => {
    const c = client();
    const personal = await personalOf(c);
    const res = await c.post("/v1/agents", {
      slug: "mac-helper",
      executionMode: "local-mac",
      targetDeviceId: "dev_8Kq2Nf5Xr",
      resources: [{ type: "workspace", resourceId: personal.id, alias: "me" }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await getAgent(c, "mac-helper")).attachedResources).toEqual([
      { type: "workspace", resourceId: personal.id, alias: "me", config: null },
    ]);
    expect((await usage(c, personal.id)).customAgents.map((a) => [a.slug, a.executionMode])).toEqual([["mac-helper", "local-mac"]]);
  });

  it("accepts resources on an in_sandbox agent (the docs forbid them nowhere), counted in the workspace's usage", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    await createSandbox(c, { name: "build-runner" });
    const res = await c.post("/v1/agents", { ...SEED_BODY, resources: [{ type: "workspace", resourceId: ws.id }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const agent = await getAgent(c, "code-assistant");
    expect(agent.attachedResources).toEqual([{ type: "workspace", resourceId: ws.id, alias: null, config: null }]);
    expect((await usage(c, ws.id)).customAgents.map((a) => [a.slug, a.executionMode])).toEqual([["code-assistant", "in_sandbox"]]);
    expectError(await c.delete(`/v1/workspaces/${ws.id}`), 409, "WORKSPACE_IN_USE");
  });

  it("attaches a workspace named by its slug (docs /sdk/agents: resourceId 'shared-docs'), shown by its id", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Shared Docs", slug: "shared-docs" });
    const res = await upsertManaged(c, "managed-researcher", { resources: [{ type: "workspace", resourceId: "shared-docs" }] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await getAgent(c, "managed-researcher")).attachedResources).toEqual([{ type: "workspace", resourceId: ws.id, alias: null, config: null }]);
    // Renaming the workspace keeps the link (its slug and id stay).
    expect((await c.patch(`/v1/workspaces/shared-docs`, { name: "Docs" })).status).toBe(200);
    expect((await usage(c, "shared-docs")).customAgents.map((a) => a.slug)).toEqual(["managed-researcher"]);
    expectError(await upsertManaged(c, "other", { resources: [{ type: "workspace", resourceId: "no-such-docs" }] }), 404, "not_found");
  });

  it("accepts an in_sandbox agent with an empty resources list", async () => {
    const c = client();
    await createSandbox(c, { name: "build-runner" });
    const res = await c.post("/v1/agents", { ...SEED_BODY, resources: [] });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await getAgent(c, "code-assistant")).attachedResources).toEqual([]);
  });

  it.each<[string, (ids: { sandbox: string }) => Record<string, unknown>, string]>([
    ["an unknown workspace id", () => ({ type: "workspace", resourceId: "0b6b1b36-2d6b-4b8e-9c3e-6f0e5e2b7a11" }), "Workspace '0b6b1b36-2d6b-4b8e-9c3e-6f0e5e2b7a11' not found"],
    ["an unknown sandbox name", () => ({ type: "sandbox", resourceId: "no-such-box" }), "Sandbox 'no-such-box' not found"],
    ["an unknown sandbox id", () => ({ type: "sandbox", resourceId: "sandbox-doesnotexist" }), "Sandbox 'sandbox-doesnotexist' not found"],
  ])("answers 404 to %s, and creates nothing", async (_label, resource, message) => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    const box = await createSandbox(c, { name: "real-box" });
    const res = await upsertManaged(c, "data-analyst", {
      resources: [{ type: "workspace", resourceId: ws.id }, resource({ sandbox: box.id })],
    });
    expect(expectError(res, 404, "not_found").message).toBe(message);
    expectError(await c.get("/v1/agents/data-analyst"), 404, "not_found");
    expect(await listAllAgents(c)).toEqual([]);
    expect(await usage(c, ws.id)).toEqual(UNUSED(ws.id, "Data"));
  });

  it("answers 404 to a deleted sandbox as a resource", async () => {
    const c = client();
    const box = await createRunningSandbox(c, { name: "gone" });
    expect((await c.delete(`/v1/sandboxes/${box.id}`)).status).toBe(200);
    expectError(await upsertManaged(c, "late", { resources: [{ type: "sandbox", resourceId: box.id }] }), 404, "not_found");
    expect(await listAllAgents(c)).toEqual([]);
  });

  it.each<[string, string, unknown]>([
    ["an unknown type", "/body/resources/0/type", [{ type: "bucket", resourceId: "x" }]],
    ["a missing resourceId", "/body/resources/0/resourceId", [{ type: "workspace" }]],
    ["an empty alias", "/body/resources/0/alias", [{ type: "workspace", resourceId: "x", alias: "" }]],
  ])("rejects a resource with %s with 400 at %s", async (_label, pointer, resources) => {
    const c = client();
    expectBadRequest(await upsertManaged(c, "bad-res", { resources }), pointer);
    expect(await listAllAgents(c)).toEqual([]);
  });

  it("clears the resources with PATCH resources [] and bumps the version; the workspace is then unused", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    const created = await upsertManaged(c, "data-analyst", { resources: [{ type: "workspace", resourceId: ws.id, alias: "data" }] });
    expect(created.status).toBe(201);
    expect(created.body.data.version).toBe(1);
    expect((await usage(c, ws.id)).counts.customAgents).toBe(1);

    const res = await c.patch<{ data: Agent }>("/v1/agents/data-analyst", { resources: [] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.data.version).toBe(2);
    expect(res.body.data.attachedResources).toEqual([]);
    const read = await getAgent(c, "data-analyst");
    expect(read.version).toBe(2);
    expect(read.attachedResources).toEqual([]);
    expect(await usage(c, ws.id)).toEqual(UNUSED(ws.id, "Data"));
    expect((await c.delete(`/v1/workspaces/${ws.id}`)).status).toBe(200);
  });

  it("replaces the whole list with PATCH resources, and leaves it alone when PATCH omits resources", async () => {
    const c = client();
    const one = await createWorkspace(c, { name: "One" });
    const two = await createWorkspace(c, { name: "Two" });
    await upsertManaged(c, "swapper", { resources: [{ type: "workspace", resourceId: one.id }] });
    const swapped = await c.patch<{ data: Agent }>("/v1/agents/swapper", { resources: [{ type: "workspace", resourceId: two.id, alias: "two" }] });
    expect(swapped.status).toBe(200);
    expect(swapped.body.data.attachedResources).toEqual([{ type: "workspace", resourceId: two.id, alias: "two", config: null }]);
    expect((await usage(c, one.id)).inUse).toBe(false);
    expect((await usage(c, two.id)).customAgents.map((a) => a.slug)).toEqual(["swapper"]);

    const renamed = await c.patch<{ data: Agent }>("/v1/agents/swapper", { name: "Swapper" });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data.attachedResources).toEqual(swapped.body.data.attachedResources);
    expect(renamed.body.data.version).toBe(3);
  });

  it("answers 404 to a PATCH that attaches an unknown workspace, and changes nothing", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    await upsertManaged(c, "keeper", { resources: [{ type: "workspace", resourceId: ws.id }] });
    const before = await getAgent(c, "keeper");
    expectError(await c.patch("/v1/agents/keeper", { resources: [{ type: "workspace", resourceId: randomUUID() }] }), 404, "not_found");
    expect(await getAgent(c, "keeper")).toEqual(before);
  });

  it("lists an in_sandbox agent under the workspace its sandbox mounts, without attaching it", async () => {
    const c = client();
    const ws = await createWorkspace(c, { name: "Data" });
    const box = await createSandbox(c, { name: "build-runner", mounts: [{ workspaceId: ws.id, path: "/workspace/data", readOnly: true }] });
    expect((await c.post("/v1/agents", SEED_BODY)).status).toBe(201);
    const agent = await getAgent(c, "code-assistant");
    expect(agent.attachedResources).toEqual([]);
    expect((await usage(c, ws.id)).customAgents).toEqual([
      { agentId: agent.id, name: "Code Assistant", slug: "code-assistant", executionMode: "in_sandbox", sandboxId: box.id, sandboxName: "build-runner" },
    ]);
  });
});

// ─── organization isolation ────────────────────────────────────────────────────────────────────

describe("organization isolation for workspaces", () => {
  async function orgAWithWorkspace(): Promise<{ a: ContractClient; ws: Workspace }> {
    const a = client("a");
    const ws = await createWorkspace(a, { name: "Data", slug: "data" });
    await createSandbox(a, { name: "build-runner", mounts: [{ workspaceId: ws.id, path: "/workspace/data" }] });
    return { a, ws };
  }

  it("org B cannot GET, PATCH, DELETE (even forced) or read the usage of A's workspace: 404, and A's is untouched", async () => {
    const { a, ws } = await orgAWithWorkspace();
    const before = await usage(a, ws.id);
    const b = client("b");
    const get = expectError(await b.get(`/v1/workspaces/${ws.id}`), 404, "not_found");
    const missing = expectError(await b.get(`/v1/workspaces/${randomUUID()}`), 404, "not_found");
    expect(get.message.replace(ws.id, "<id>")).toBe(missing.message.replace(/[0-9a-f-]{36}/, "<id>"));
    expectError(await b.patch(`/v1/workspaces/${ws.id}`, { name: "Hijacked" }), 404, "not_found");
    expectError(await b.delete(`/v1/workspaces/${ws.id}`), 404, "not_found");
    expectError(await b.delete(`/v1/workspaces/${ws.id}?force=true`), 404, "not_found");
    expectError(await b.get(`/v1/workspaces/${ws.id}/usage`), 404, "not_found");

    expect((await a.get<{ data: Workspace }>(`/v1/workspaces/${ws.id}`)).body.data).toEqual(ws);
    expect(await usage(a, ws.id)).toEqual(before);
    expect(await slugs(b)).toEqual(["personal"]);
  });

  it("org B cannot mount A's workspace: 404, and B gets no sandbox", async () => {
    const { a, ws } = await orgAWithWorkspace();
    const b = client("b");
    expectError(await b.post("/v1/sandboxes", { name: "thief", mounts: [{ workspaceId: ws.id, path: "/workspace/data" }] }), 404, "not_found");
    expect(await sandboxNames(b)).toEqual([]);
    expect((await usage(a, ws.id)).mountedSandboxes.map((m) => m.sandboxName)).toEqual(["build-runner"]);
  });

  it("org B cannot attach A's workspace to an agent: 404, and B gets no agent", async () => {
    const { a, ws } = await orgAWithWorkspace();
    const b = client("b");
    expectError(await upsertManaged(b, "thief", { resources: [{ type: "workspace", resourceId: ws.id }] }), 404, "not_found");
    expect(await listAllAgents(b)).toEqual([]);
    // Nor via PATCH on an agent of its own.
    expect((await upsertManaged(b, "own")).status).toBe(201);
    expectError(await b.patch("/v1/agents/own", { resources: [{ type: "workspace", resourceId: ws.id }] }), 404, "not_found");
    expect((await getAgent(b, "own")).attachedResources).toEqual([]);
    expect((await usage(a, ws.id)).customAgents).toEqual([]);
  });

  it("gives each organization its own personal workspace, and lets both use the same slug", async () => {
    const a = client("a");
    const b = client("b");
    const pa = await personalOf(a);
    const pb = await personalOf(b);
    expect(pa.id).not.toBe(pb.id);
    expect(pa.slug).toBe("personal");
    expect(pb.slug).toBe("personal");
    expectError(await b.get(`/v1/workspaces/${pa.id}`), 404, "not_found");
    expectError(await a.get(`/v1/workspaces/${pb.id}`), 404, "not_found");

    const wa = await createWorkspace(a, { name: "Data", slug: "data" });
    const wb = await createWorkspace(b, { name: "Data", slug: "data" });
    expect(wa.id).not.toBe(wb.id);
    expect((await listWorkspaces(a)).data.workspaces.map((w) => w.id)).toEqual([pa.id, wa.id]);
    expect((await listWorkspaces(b)).data.workspaces.map((w) => w.id)).toEqual([pb.id, wb.id]);
  });

  it("does not let B's cursor page A's workspaces", async () => {
    const { a } = await orgAWithWorkspace();
    await createWorkspace(a, { name: "More" });
    const page1 = await listWorkspaces(a, "?limit=1");
    expect(page1.hasMore).toBe(true);
    const b = client("b");
    const res = await b.get<WorkspaceList>(`/v1/workspaces?limit=1&cursor=${encodeURIComponent(page1.nextCursor ?? "")}`);
    // Either the cursor is refused or it pages B's own list; it never shows A's workspaces.
    if (res.status === 200) {
      const aIds = new Set((await listWorkspaces(a)).data.workspaces.map((w) => w.id));
      expect(res.body.data.workspaces.some((w) => aIds.has(w.id))).toBe(false);
    } else {
      expectBadRequest(res, "/query/cursor");
    }
  });
});
