/**
 * Workspaces (tag `workspaces`): thin handlers over WorkspaceStore and the cross-store rules of
 * workspace-usage.ts. Statuses and shapes: spec/openapi.yaml#/paths/~1v1~1workspaces and below.
 */
import { deleteWorkspace as deleteUsedWorkspace, workspaceUsage } from "../stateful/workspaces/workspace-usage.ts";
import { workspaceActivity } from "../stateful/activity/recorders.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler } from "./types.ts";

export const listWorkspaces: Handler<"listWorkspaces"> = ({ query }, ctx) => {
  const { workspaces } = ctx.org();
  const page = workspaces.list(defaulted(query.limit, "limit"), query.cursor);
  return {
    status: 200,
    body: { data: { workspaces: page.items, storage: workspaces.storage() }, hasMore: page.hasMore, nextCursor: page.nextCursor, meta: ctx.meta },
  };
};

export const createWorkspace: Handler<"createWorkspace"> = ({ body }, ctx) => {
  const workspace = ctx.org().workspaces.create(body, ctx.caller());
  ctx.org().activity.record(workspaceActivity("workspace.created", workspace, ctx.caller().userId));
  return { status: 201, body: { data: workspace, meta: ctx.meta } };
};

// The paths name a workspace by id or by slug (spec WorkspaceRef): resolved to the id first.

export const getWorkspace: Handler<"getWorkspace"> = ({ path }, ctx) => {
  const { workspaces } = ctx.org();
  return { status: 200, body: { data: workspaces.get(workspaces.idOf(path.id)), meta: ctx.meta } };
};

export const updateWorkspace: Handler<"updateWorkspace"> = ({ path, body }, ctx) => {
  const { workspaces } = ctx.org();
  const workspace = workspaces.rename(workspaces.idOf(path.id), body.name);
  ctx.org().activity.record(workspaceActivity("workspace.renamed", workspace, ctx.caller().userId));
  return { status: 200, body: { data: workspace, meta: ctx.meta } };
};

export const deleteWorkspace: Handler<"deleteWorkspace"> = ({ path, query }, ctx) => {
  const { id, name } = ctx.org().workspaces.get(ctx.org().workspaces.idOf(path.id));
  const deleted = deleteUsedWorkspace(ctx.org(), id, defaulted(query.force, "force"));
  ctx.org().activity.record(workspaceActivity("workspace.deleted", { id: deleted.id, name }, ctx.caller().userId));
  return { status: 200, body: { data: { ...deleted, deleted: true }, meta: ctx.meta } };
};

export const getWorkspaceUsage: Handler<"getWorkspaceUsage"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: workspaceUsage(ctx.org(), ctx.org().workspaces.idOf(path.id)), meta: ctx.meta },
});
