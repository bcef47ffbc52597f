/**
 * RunMesh (tag `runmesh`): thin handlers over the mock's DeviceLinkRegistry (link codes, which
 * belong to no organization until approved) and each organization's RunMeshStore. Statuses and
 * shapes: spec/paths/runmesh.yaml. The audit list and a device's activity are the activity
 * feed, filtered (spec: listRunMeshAudit, listDeviceActivity).
 */
import { activityPage } from "./activity.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler } from "./types.ts";

export const startDeviceLink: Handler<"startDeviceLink"> = ({ body }, ctx) => ({
  status: 201,
  body: { data: ctx.deviceLinks.start(body), meta: ctx.meta },
});

export const pollDeviceLink: Handler<"pollDeviceLink"> = ({ body }, ctx) => {
  const { status, record } = ctx.deviceLinks.poll(body.code);
  const approved = record.approved;
  // The node may have been deleted (or its organization reset) since: the link is then spent.
  const mesh = approved && ctx.orgs.peek(approved.orgId)?.runmesh;
  const node = approved && mesh?.find(approved.nodeId);
  if (status === "approved" && node && mesh) {
    const config = node.status === "active" ? mesh.config(node.id) : null;
    return { status: 200, body: { data: { status, expiresAt: record.expiresAt, node, config }, meta: ctx.meta } };
  }
  const shown = status === "approved" ? "expired" : status;
  return { status: 200, body: { data: { status: shown, expiresAt: record.expiresAt, node: null, config: null }, meta: ctx.meta } };
};

export const approveDeviceLink: Handler<"approveDeviceLink"> = ({ body }, ctx) => {
  const caller = ctx.caller();
  const node = ctx.deviceLinks.approve(body.code, caller.orgId, (request) => ctx.org().runmesh.addDevice(request, body.name, caller));
  return { status: 200, body: { data: node, meta: ctx.meta } };
};

export const getRunMeshOverview: Handler<"getRunMeshOverview"> = (_input, ctx) => ({
  status: 200,
  body: { data: ctx.org().runmesh.overview(), meta: ctx.meta },
});

export const listRunMeshNodes: Handler<"listRunMeshNodes"> = ({ query }, ctx) => {
  const page = ctx.org().runmesh.list(defaulted(query.limit, "limit"), query.cursor);
  return { status: 200, body: { data: page.items, hasMore: page.hasMore, nextCursor: page.nextCursor, meta: ctx.meta } };
};

export const getRunMeshNode: Handler<"getRunMeshNode"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().runmesh.get(path.id), meta: ctx.meta },
});

export const getRunMeshNodeConfig: Handler<"getRunMeshNodeConfig"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().runmesh.config(path.id), meta: ctx.meta },
});

export const renameRunMeshNode: Handler<"renameRunMeshNode"> = ({ path, body }, ctx) => ({
  status: 200,
  body: { data: ctx.org().runmesh.rename(path.id, body.name, ctx.caller()), meta: ctx.meta },
});

export const deleteRunMeshNode: Handler<"deleteRunMeshNode"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: { ...ctx.org().runmesh.delete(path.id, ctx.caller()), deleted: true }, meta: ctx.meta },
});

export const revokeRunMeshNode: Handler<"revokeRunMeshNode"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().runmesh.revoke(path.id, ctx.caller()), meta: ctx.meta },
});

export const listRunMeshAudit: Handler<"listRunMeshAudit"> = ({ query }, ctx) => activityPage(ctx, { resourceType: "runmesh_device" }, query.limit, query.cursor);

export const listDeviceActivity: Handler<"listDeviceActivity"> = ({ path, query }, ctx) =>
  activityPage(ctx, { runmeshNodeId: ctx.org().runmesh.get(path.id).id }, query.limit, query.cursor);
