/** Conformance cases of the `runmesh` tag (spec/paths/runmesh.yaml). */
import { randomUUID } from "node:crypto";
import type { CaseContext } from "../context.ts";
import { type Case, bodyLimits, expectDetail, kebab, noKey } from "./families.ts";

const DEVICE = { publicKey: "conformance-public-key", deviceLabel: "Conformance Mac", os: "macos" };
const ANY_NODE = { id: "8a7d2e41-3c8b-4f06-b5a1-e2d4c6f80b13" };
const MISSING_CODE = "ZZZZZZ";

/** Starts a link without a key; answers its code. */
async function startLink(ctx: CaseContext): Promise<string> {
  const ex = await ctx.call("startDeviceLink", { body: DEVICE, key: null });
  ctx.require(ex, 201, "startDeviceLink");
  return ex.body.data.code as string;
}

/** Links a device into the caller's organization (deleted afterwards); answers its node id. */
async function linkDevice(ctx: CaseContext): Promise<string> {
  const ex = await ctx.call("approveDeviceLink", { body: { code: await startLink(ctx) } });
  ctx.require(ex, 200, "approveDeviceLink");
  const id = ex.body.data.id as string;
  ctx.defer(() => ctx.call("deleteRunMeshNode", { params: { id } }));
  return id;
}

/** A linked device, revoked. */
async function revokedDevice(ctx: CaseContext): Promise<string> {
  const id = await linkDevice(ctx);
  ctx.require(await ctx.call("revokeRunMeshNode", { params: { id } }), 200, "revokeRunMeshNode");
  return id;
}

/** 400 for a node id that is not a UUID, and 404 for one that names nothing. */
function badAndMissingNode(operationId: string, options: { body?: Record<string, unknown> } = {}): Case[] {
  const name = kebab(operationId);
  return [
    { name: `${name}-id-not-a-uuid`, operationId, status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call(operationId, { ...options, params: { id: "not-a-uuid" } }), "/path/id") },
    { name: `${name}-unknown`, operationId, status: 404, code: "not_found", run: (ctx) => ctx.call(operationId, { ...options, params: { id: randomUUID() } }) },
    noKey(operationId, { ...options, params: ANY_NODE }),
  ];
}

export const runmeshCases: Case[] = [
  {
    name: "start-device-link-without-key",
    operationId: "startDeviceLink",
    status: 201,
    run: async (ctx) => {
      const ex = await ctx.call("startDeviceLink", { body: DEVICE, key: null });
      ctx.check(/^[A-Z0-9]{6}$/.test(ex.body?.data?.code ?? ""), "a six-character code");
      return ex;
    },
  },
  { name: "start-device-link-without-public-key", operationId: "startDeviceLink", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("startDeviceLink", { body: { deviceLabel: "x" }, key: null }), "/body/publicKey") },
  ...bodyLimits("startDeviceLink", async () => ({ body: DEVICE })),

  {
    name: "poll-device-link-pending",
    operationId: "pollDeviceLink",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("pollDeviceLink", { body: { code: await startLink(ctx) }, key: null });
      ctx.check(ex.body?.data?.status === "pending", "a new code is pending");
      return ex;
    },
  },
  { name: "poll-device-link-without-code", operationId: "pollDeviceLink", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("pollDeviceLink", { body: {}, key: null }), "/body/code") },
  { name: "poll-device-link-unknown-code", operationId: "pollDeviceLink", status: 404, code: "not_found", run: (ctx) => ctx.call("pollDeviceLink", { body: { code: MISSING_CODE }, key: null }) },
  ...bodyLimits("pollDeviceLink", async () => ({ body: { code: MISSING_CODE } })),

  {
    name: "approve-device-link",
    operationId: "approveDeviceLink",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("approveDeviceLink", { body: { code: await startLink(ctx) } });
      if (ex.status === 200) ctx.defer(() => ctx.call("deleteRunMeshNode", { params: { id: ex.body.data.id } }));
      ctx.check(ex.body?.data?.status === "active", "the node is active");
      return ex;
    },
  },
  { name: "approve-device-link-without-code", operationId: "approveDeviceLink", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("approveDeviceLink", { body: {} }), "/body/code") },
  noKey("approveDeviceLink", { body: { code: MISSING_CODE } }),
  { name: "approve-device-link-unknown-code", operationId: "approveDeviceLink", status: 404, code: "not_found", run: (ctx) => ctx.call("approveDeviceLink", { body: { code: MISSING_CODE } }) },
  {
    name: "approve-device-link-twice",
    operationId: "approveDeviceLink",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const code = await startLink(ctx);
      const first = await ctx.call("approveDeviceLink", { body: { code } });
      ctx.require(first, 200, "approveDeviceLink");
      ctx.defer(() => ctx.call("deleteRunMeshNode", { params: { id: first.body.data.id } }));
      return ctx.call("approveDeviceLink", { body: { code } });
    },
  },
  ...bodyLimits("approveDeviceLink", async () => ({ body: { code: MISSING_CODE } })),

  { name: "get-runmesh-overview", operationId: "getRunMeshOverview", status: 200, run: (ctx) => ctx.call("getRunMeshOverview") },
  noKey("getRunMeshOverview"),

  {
    name: "list-runmesh-nodes",
    operationId: "listRunMeshNodes",
    status: 200,
    run: async (ctx) => {
      const id = await linkDevice(ctx);
      const ex = await ctx.call("listRunMeshNodes", { query: { limit: 500 } });
      ctx.check((ex.body?.data ?? []).some((n: { id: string }) => n.id === id), "the linked node is listed");
      return ex;
    },
  },
  { name: "list-runmesh-nodes-limit-zero", operationId: "listRunMeshNodes", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listRunMeshNodes", { query: { limit: 0 } }), "/query/limit") },
  noKey("listRunMeshNodes"),

  { name: "get-runmesh-node", operationId: "getRunMeshNode", status: 200, run: async (ctx) => ctx.call("getRunMeshNode", { params: { id: await linkDevice(ctx) } }) },
  ...badAndMissingNode("getRunMeshNode"),

  { name: "get-runmesh-node-config", operationId: "getRunMeshNodeConfig", status: 200, run: async (ctx) => ctx.call("getRunMeshNodeConfig", { params: { id: await linkDevice(ctx) } }) },
  ...badAndMissingNode("getRunMeshNodeConfig"),
  { name: "get-runmesh-node-config-revoked", operationId: "getRunMeshNodeConfig", status: 409, code: "conflict", run: async (ctx) => ctx.call("getRunMeshNodeConfig", { params: { id: await revokedDevice(ctx) } }) },

  { name: "rename-runmesh-node", operationId: "renameRunMeshNode", status: 200, run: async (ctx) => ctx.call("renameRunMeshNode", { params: { id: await linkDevice(ctx) }, body: { name: "Renamed" } }) },
  { name: "rename-runmesh-node-empty-name", operationId: "renameRunMeshNode", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("renameRunMeshNode", { params: { id: randomUUID() }, body: { name: "" } }), "/body/name") },
  noKey("renameRunMeshNode", { params: ANY_NODE, body: { name: "x" } }),
  { name: "rename-runmesh-node-unknown", operationId: "renameRunMeshNode", status: 404, code: "not_found", run: (ctx) => ctx.call("renameRunMeshNode", { params: { id: randomUUID() }, body: { name: "x" } }) },
  ...bodyLimits("renameRunMeshNode", async (ctx) => ({ params: { id: await linkDevice(ctx) }, body: { name: "x" } })),

  { name: "delete-runmesh-node", operationId: "deleteRunMeshNode", status: 200, run: async (ctx) => ctx.call("deleteRunMeshNode", { params: { id: await linkDevice(ctx) } }) },
  ...badAndMissingNode("deleteRunMeshNode"),

  { name: "revoke-runmesh-node", operationId: "revokeRunMeshNode", status: 200, run: async (ctx) => ctx.call("revokeRunMeshNode", { params: { id: await linkDevice(ctx) } }) },
  ...badAndMissingNode("revokeRunMeshNode"),

  {
    name: "list-runmesh-audit",
    operationId: "listRunMeshAudit",
    status: 200,
    run: async (ctx) => {
      const id = await linkDevice(ctx);
      const ex = await ctx.call("listRunMeshAudit", { query: { limit: 500 } });
      ctx.check((ex.body?.data?.events ?? []).some((e: { runmeshNodeId: string }) => e.runmeshNodeId === id), "the approval is audited");
      return ex;
    },
  },
  { name: "list-runmesh-audit-limit-zero", operationId: "listRunMeshAudit", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listRunMeshAudit", { query: { limit: 0 } }), "/query/limit") },
  noKey("listRunMeshAudit"),

  { name: "list-device-activity", operationId: "listDeviceActivity", status: 200, run: async (ctx) => ctx.call("listDeviceActivity", { params: { id: await linkDevice(ctx) } }) },
  ...badAndMissingNode("listDeviceActivity"),
];
