/**
 * RunMesh black-box through the real server (spec tag `runmesh`; docs: /api-reference/runmesh,
 * /features/runmesh): the device-link flow driven to completion by the approve call, the nodes,
 * the audit trail, and a device's activity listing the local-mac runs dispatched to it.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ActivityEvent, RunMeshNode } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { expectBadRequest, expectError } from "./helpers.ts";
import { runJson, upsertLocalMac } from "./run-helpers.ts";

const { client, violations } = useServer({ streamDelayMs: 0 });

afterEach(() => expect(violations).toEqual([]));
afterAll(() => expect(violations).toEqual([]));

const DEVICE = { publicKey: "device-public-key", deviceLabel: "Gregs Mac", os: "macos", appVersion: "1.4.0", hostname: "gregs-mac.local" };

async function startLink(c: ContractClient, body: Record<string, unknown> = DEVICE): Promise<string> {
  const res = await c.request("POST", "/v1/runmesh/devices/link/start", { body, anonymous: true });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data.code;
}

async function linkDevice(c: ContractClient, body: Record<string, unknown> = DEVICE): Promise<RunMeshNode> {
  const code = await startLink(c, body);
  const res = await c.post<{ data: RunMeshNode }>("/v1/runmesh/devices/link/approve", { code });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

const poll = (c: ContractClient, code: string) => c.request("POST", "/v1/runmesh/devices/link/poll", { body: { code }, anonymous: true });

describe("the device-link flow", () => {
  it("starts and polls without a key, and the approve call completes it: the poll then answers the node and its config", async () => {
    const c = client("meshflow");
    const start = await c.request("POST", "/v1/runmesh/devices/link/start", { body: DEVICE, anonymous: true });
    expect(start.status).toBe(201);
    expect(start.body.data).toEqual({ code: expect.stringMatching(/^[A-Z0-9]{6}$/), url: "https://runtools.ai/devices/link", expiresAt: expect.any(String) });
    const { code } = start.body.data;
    expect((await poll(c, code)).body.data).toEqual({ status: "pending", expiresAt: start.body.data.expiresAt, node: null, config: null });

    const approved = await c.post<{ data: RunMeshNode }>("/v1/runmesh/devices/link/approve", { code: code.toLowerCase() });
    expect(approved.status).toBe(200);
    const node = approved.body.data;
    expect(node).toMatchObject({ name: "Gregs Mac", type: "device", status: "active", publicKey: "device-public-key", os: "macos", appVersion: "1.4.0", hostname: "gregs-mac.local", meshIp: "100.64.0.2" });

    const polled = await poll(c, code);
    expect(polled.body.data).toEqual({ status: "approved", expiresAt: start.body.data.expiresAt, node, config: { nodeId: node.id, address: "100.64.0.2/32", peers: [] } });
    expectError(await c.post("/v1/runmesh/devices/link/approve", { code }), 409, "conflict");
  });

  it("refuses an approval without a key (401) and an unknown code (404), and a start without publicKey (400)", async () => {
    const c = client("meshrefuse");
    const code = await startLink(c);
    expectError(await c.request("POST", "/v1/runmesh/devices/link/approve", { body: { code }, anonymous: true }), 401, "unauthorized");
    expectError(await c.post("/v1/runmesh/devices/link/approve", { code: "ZZZZ99" }), 404, "not_found");
    expectError(await poll(c, "ZZZZ99"), 404, "not_found");
    expectBadRequest(await c.request("POST", "/v1/runmesh/devices/link/start", { body: { deviceLabel: "x" }, anonymous: true }), "/body/publicKey");
    expect((await poll(c, code)).body.data.status).toBe("pending");
  });

  it("names the node by the approval's name when given", async () => {
    const c = client("meshname");
    const code = await startLink(c);
    const res = await c.post("/v1/runmesh/devices/link/approve", { code, name: "Studio" });
    expect(res.body.data.name).toBe("Studio");
  });
});

describe("nodes", () => {
  it("lists, gets, counts, renames, revokes and deletes nodes; config lists active peers only", async () => {
    const c = client("meshnodes");
    const a = await linkDevice(c);
    const b = await linkDevice(c, { publicKey: "pk-b", deviceLabel: "Build Mac" });
    expect((await c.get("/v1/runmesh/nodes")).body.data.map((n: RunMeshNode) => n.id)).toEqual([a.id, b.id]);
    const page = await c.get("/v1/runmesh/nodes?limit=1");
    expect([page.body.data.length, page.body.hasMore]).toEqual([1, true]);
    expect((await c.get(`/v1/runmesh/nodes/${a.id}`)).body.data).toEqual(a);
    expect((await c.get(`/v1/runmesh/nodes/${a.id}/config`)).body.data.peers).toEqual([{ nodeId: b.id, name: "Build Mac", publicKey: "pk-b", address: "100.64.0.3/32" }]);

    expect((await c.patch(`/v1/runmesh/nodes/${a.id}`, { name: "Renamed" })).body.data.name).toBe("Renamed");
    const revoked = await c.post(`/v1/runmesh/nodes/${b.id}/revoke`);
    expect(revoked.body.data).toMatchObject({ status: "revoked", revokedAt: expect.any(String) });
    expect((await c.post(`/v1/runmesh/nodes/${b.id}/revoke`)).body.data).toEqual(revoked.body.data);
    expectError(await c.get(`/v1/runmesh/nodes/${b.id}/config`), 409, "conflict");
    expect((await c.get(`/v1/runmesh/nodes/${a.id}/config`)).body.data.peers).toEqual([]);
    expect((await c.get("/v1/runmesh/overview")).body.data).toEqual({ total: 2, active: 1, revoked: 1, devices: 2, sandboxes: 0 });

    expect((await c.delete(`/v1/runmesh/nodes/${b.id}`)).body.data).toEqual({ id: b.id, deleted: true });
    expectError(await c.get(`/v1/runmesh/nodes/${b.id}`), 404, "not_found");
    expect((await c.get("/v1/runmesh/overview")).body.data.total).toBe(1);
  });

  it("hides one organization's nodes from another (404), and refuses a malformed id (400)", async () => {
    const a = client("meshA");
    const b = client("meshB");
    const node = await linkDevice(a);
    expectError(await b.get(`/v1/runmesh/nodes/${node.id}`), 404, "not_found");
    expectError(await b.post(`/v1/runmesh/nodes/${node.id}/revoke`), 404, "not_found");
    expect((await b.get("/v1/runmesh/nodes")).body.data).toEqual([]);
    expectBadRequest(await a.get("/v1/runmesh/nodes/not-a-uuid"), "/path/id");
    expect((await a.get(`/v1/runmesh/nodes/${node.id}`)).body.data.status).toBe("active");
  });

  it("polls a link whose node was deleted as expired", async () => {
    const c = client("meshspent");
    const code = await startLink(c);
    const node = (await c.post("/v1/runmesh/devices/link/approve", { code })).body.data;
    await c.delete(`/v1/runmesh/nodes/${node.id}`);
    expect((await poll(c, code)).body.data).toMatchObject({ status: "expired", node: null, config: null });
  });
});

describe("audit and device activity", () => {
  it("lists RunMesh changes in the audit, newest first, and a device's own events and dispatched runs in its activity", async () => {
    const c = client("meshaudit");
    const node = await linkDevice(c);
    await c.patch(`/v1/runmesh/nodes/${node.id}`, { name: "Studio" });
    const audit = (await c.get<{ data: { events: ActivityEvent[] } }>("/v1/runmesh/audit")).body.data.events;
    expect(audit.map((e) => e.eventType)).toEqual(["runmesh.device.renamed", "runmesh.device.approved"]);

    await upsertLocalMac(c, "mac-helper", node.id);
    const { result } = await runJson(c, { agent: "mac-helper", prompt: "open Xcode" });
    const activity = (await c.get<{ data: { events: ActivityEvent[] } }>(`/v1/runmesh/devices/${node.id}/activity`)).body.data.events;
    expect(activity.map((e) => [e.eventType, e.agentRunId])).toEqual([
      ["agent.run.dispatched", result.runId],
      ["runmesh.device.renamed", null],
      ["runmesh.device.approved", null],
    ]);
    expectError(await c.get("/v1/runmesh/devices/99999999-9999-4999-8999-999999999999/activity"), 404, "not_found");
  });
});

describe("link codes on the mock's clock", () => {
  let now = Date.parse("2026-06-01T00:00:00.000Z");
  const timed = useServer({ clock: { now: () => new Date(now) } });

  it("polls an unapproved code as expired after ten minutes, and refuses to approve it", async () => {
    const c = timed.client("meshexpiry");
    const code = await startLink(c);
    now += 10 * 60 * 1000;
    expect((await poll(c, code)).body.data).toMatchObject({ status: "expired", node: null });
    expectError(await c.post("/v1/runmesh/devices/link/approve", { code }), 404, "not_found");
    expect((await c.get("/v1/runmesh/nodes")).body.data).toEqual([]);
  });
});
