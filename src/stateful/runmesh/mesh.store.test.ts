/**
 * RunMeshStore without HTTP (docs: /api-reference/runmesh; shapes inferred [I], spec
 * components/schemas/runmesh.yaml).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { ActivityLog } from "../activity/activity-log.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { RunMeshStore } from "./mesh.store.ts";

const validators = compileValidators(loadSpec());
const nodeSchema = validators.component("RunMeshNode");
const configSchema = validators.component("RunMeshNodeConfig");
const ORG = "11111111-1111-4111-8111-111111111111";
const alice = { userId: "22222222-2222-4222-8222-222222222222" };

let clock: ManualClock;
let activity: ActivityLog;
let mesh: RunMeshStore;

beforeEach(() => {
  clock = new ManualClock();
  const ids = new CountingIds();
  activity = new ActivityLog({ orgId: ORG, clock, ids });
  mesh = new RunMeshStore({ clock, ids, activity });
});

const mac = (label: string, key = `pk-${label}`) => mesh.addDevice({ publicKey: key, deviceLabel: label, os: "macos", appVersion: "1.4.0" }, undefined, alice);

describe("RunMeshStore", () => {
  it("makes an approved device an active node named after its label, with the next mesh address", () => {
    const first = mac("Gregs Mac");
    const second = mesh.addDevice({ publicKey: "pk-2" }, "Build box", alice);
    expect(nodeSchema(first)).toEqual([]);
    expect(first).toMatchObject({ name: "Gregs Mac", type: "device", status: "active", meshIp: "100.64.0.2", os: "macos", hostname: null, revokedAt: null });
    expect(second).toMatchObject({ name: "Build box", meshIp: "100.64.0.3", os: null });
  });

  it("lists nodes oldest first in pages, and counts them by status and type", () => {
    const [a, b, c] = [mac("a"), mac("b"), mac("c")];
    mesh.revoke(b.id, alice);
    const first = mesh.list(2);
    expect(first.items.map((n) => n.id)).toEqual([a.id, b.id]);
    expect(mesh.list(2, first.nextCursor ?? undefined).items.map((n) => n.id)).toEqual([c.id]);
    expect(mesh.overview()).toEqual({ total: 3, active: 2, revoked: 1, devices: 3, sandboxes: 0 });
  });

  it("answers a node's peer config with every other active node as a peer, and 409 for a revoked node", () => {
    const [a, b, c] = [mac("a"), mac("b"), mac("c")];
    mesh.revoke(c.id, alice);
    const config = mesh.config(a.id);
    expect(configSchema(config)).toEqual([]);
    expect(config).toEqual({ nodeId: a.id, address: "100.64.0.2/32", peers: [{ nodeId: b.id, name: "b", publicKey: "pk-b", address: "100.64.0.3/32" }] });
    expect(apiErrorOf(() => mesh.config(c.id)).status).toBe(409);
  });

  it("renames, revokes (a second revoke answers the node unchanged) and deletes, moving updatedAt", () => {
    const node = mac("a");
    clock.advance(1000);
    expect(mesh.rename(node.id, "renamed", alice)).toMatchObject({ name: "renamed", updatedAt: "2026-01-01T00:00:01.000Z" });
    clock.advance(1000);
    const revoked = mesh.revoke(node.id, alice);
    expect(revoked).toMatchObject({ status: "revoked", revokedAt: "2026-01-01T00:00:02.000Z" });
    clock.advance(1000);
    expect(mesh.revoke(node.id, alice)).toEqual(revoked);
    expect(mesh.delete(node.id, alice)).toEqual({ id: node.id });
    expect(mesh.find(node.id)).toBeUndefined();
    expect(apiErrorOf(() => mesh.get(node.id)).status).toBe(404);
    expect(mesh.overview().total).toBe(0);
  });

  it("reports every change to the activity feed as a runmesh_device event of the node", () => {
    const node = mac("a");
    mesh.rename(node.id, "b", alice);
    mesh.revoke(node.id, alice);
    mesh.revoke(node.id, alice);
    mesh.delete(node.id, alice);
    const events = activity.list({ runmeshNodeId: node.id }, 50).items;
    expect(events.map((e) => e.eventType)).toEqual(["runmesh.device.deleted", "runmesh.device.revoked", "runmesh.device.renamed", "runmesh.device.approved"]);
    expect(events.every((e) => e.resourceType === "runmesh_device" && e.actorUserId === alice.userId)).toBe(true);
  });

  it("answers 404 for an unknown node on every operation", () => {
    const id = "99999999-9999-4999-8999-999999999999";
    for (const op of [() => mesh.get(id), () => mesh.config(id), () => mesh.rename(id, "x", alice), () => mesh.revoke(id, alice), () => mesh.delete(id, alice)]) {
      expect(apiErrorOf(op).status).toBe(404);
    }
  });

  it("exports and imports its nodes, keeping addresses and the next address after the highest", () => {
    mac("a");
    mac("b");
    const other = new RunMeshStore({ clock, ids: new CountingIds(), activity });
    other.importAll(mesh.exportAll());
    expect(other.list(50).items).toEqual(mesh.list(50).items);
    expect(other.addDevice({ publicKey: "pk-c" }, "c", alice).meshIp).toBe("100.64.0.4");
  });
});
