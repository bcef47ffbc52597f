/** Conformance cases of the `workspaces` tag (spec/openapi.yaml). */
import { type Case, INVALID, missing, ANY, expectDetail, noKey, bodyLimits } from "./families.ts";

export const workspacesCases: Case[] = [
  {
    name: "list-workspaces-personal-first",
    operationId: "listWorkspaces",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("listWorkspaces");
      ctx.check(ex.body?.data?.workspaces?.[0]?.isPersonal === true, "the personal workspace comes first");
      return ex;
    },
  },
  { name: "list-workspaces-limit-over-500", operationId: "listWorkspaces", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listWorkspaces", { query: { limit: 501 } }), "/query/limit") },
  noKey("listWorkspaces"),

  {
    name: "create-workspace-derived-slug",
    operationId: "createWorkspace",
    status: 201,
    run: async (ctx) => {
      const label = ctx.unique("ws");
      const ex = await ctx.call("createWorkspace", { body: { name: `Conformance ${label} Exports!` } });
      if (ex.status === 201) ctx.defer(() => ctx.call("deleteWorkspace", { params: { id: ex.body.data.id }, query: { force: true } }));
      ctx.check(ex.body?.data?.slug === `conformance-${label}-exports`, `slug derived from the name, got ${JSON.stringify(ex.body?.data?.slug)}`);
      return ex;
    },
  },
  { name: "create-workspace-underivable-slug", operationId: "createWorkspace", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("createWorkspace", { body: { name: "!!!" } }), "/body/slug") },
  noKey("createWorkspace", { body: { name: "Conformance" } }),
  { name: "create-workspace-duplicate-slug", operationId: "createWorkspace", status: 409, code: "conflict", run: async (ctx) => ctx.call("createWorkspace", { body: { name: "Again", slug: (await ctx.createWorkspace()).slug } }) },
  ...bodyLimits("createWorkspace", async (ctx) => ({ body: { name: "Conformance", slug: ctx.unique("ws") } })),
  { name: "create-workspace-slug-personal", operationId: "createWorkspace", status: 409, code: "conflict", run: (ctx) => ctx.call("createWorkspace", { body: { name: "Not personal", slug: "personal" } }) },

  {
    name: "get-workspace",
    operationId: "getWorkspace",
    status: 200,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const ex = await ctx.call("getWorkspace", { params: { id: workspace.id } });
      ctx.check(ex.body?.data?.slug === workspace.slug, "the workspace created");
      return ex;
    },
  },
  { name: "get-workspace-neither-uuid-nor-slug", operationId: "getWorkspace", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("getWorkspace", { params: { id: INVALID.workspaceId } }), "/path/id") },
  noKey("getWorkspace", { params: ANY.workspace }),
  { name: "get-workspace-unknown", operationId: "getWorkspace", status: 404, code: "not_found", run: (ctx) => ctx.call("getWorkspace", { params: { id: missing.workspaceId() } }) },

  {
    name: "delete-unused-workspace",
    operationId: "deleteWorkspace",
    status: 200,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const ex = await ctx.call("deleteWorkspace", { params: { id: workspace.id } });
      ctx.check(ex.body?.data?.deleted === true, "deleted: true");
      return ex;
    },
  },
  {
    name: "delete-attached-workspace-with-force",
    operationId: "deleteWorkspace",
    status: 200,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const agent = await ctx.upsertAgent({ resources: [{ type: "workspace", resourceId: workspace.id, alias: "data" }] });
      const ex = await ctx.call("deleteWorkspace", { params: { id: workspace.id }, query: { force: true } });
      const after = await ctx.call("getAgent", { params: { slug: agent.slug } });
      ctx.check(Array.isArray(after.body?.data?.attachedResources) && after.body.data.attachedResources.length === 0, "a forced delete removes the workspace from attachedResources");
      return ex;
    },
  },
  { name: "delete-workspace-neither-uuid-nor-slug", operationId: "deleteWorkspace", status: 400, code: "bad_request", run: (ctx) => ctx.call("deleteWorkspace", { params: { id: INVALID.workspaceId } }) },
  noKey("deleteWorkspace", { params: ANY.workspace }),
  {
    name: "delete-attached-workspace-force-false",
    operationId: "deleteWorkspace",
    status: 409,
    code: "WORKSPACE_IN_USE",
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      await ctx.upsertAgent({ resources: [{ type: "workspace", resourceId: workspace.id }] });
      return ctx.call("deleteWorkspace", { params: { id: workspace.id }, query: { force: false } });
    },
  },
  { name: "delete-workspace-unknown", operationId: "deleteWorkspace", status: 404, code: "not_found", run: (ctx) => ctx.call("deleteWorkspace", { params: { id: missing.workspaceId() } }) },
  {
    name: "delete-mounted-workspace",
    operationId: "deleteWorkspace",
    status: 409,
    code: "WORKSPACE_IN_USE",
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      await ctx.createSandbox({ mounts: [{ workspaceId: workspace.id, path: "/workspace/data", readOnly: true }] });
      return ctx.call("deleteWorkspace", { params: { id: workspace.id } });
    },
  },

  {
    name: "rename-workspace",
    operationId: "updateWorkspace",
    status: 200,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const ex = await ctx.call("updateWorkspace", { params: { id: workspace.id }, body: { name: "Renamed by conformance" } });
      ctx.check(ex.body?.data?.name === "Renamed by conformance" && ex.body?.data?.slug === workspace.slug, "the new name, the same slug");
      return ex;
    },
  },
  { name: "rename-workspace-without-name", operationId: "updateWorkspace", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("updateWorkspace", { params: { id: (await ctx.createWorkspace()).id }, body: {} }), "/body/name") },
  noKey("updateWorkspace", { params: ANY.workspace, body: { name: "x" } }),
  { name: "rename-unknown-workspace", operationId: "updateWorkspace", status: 404, code: "not_found", run: (ctx) => ctx.call("updateWorkspace", { params: { id: missing.workspaceId() }, body: { name: "x" } }) },
  ...bodyLimits("updateWorkspace", async (ctx) => ({ params: { id: (await ctx.createWorkspace()).id }, body: { name: "x" } })),

  {
    name: "workspace-usage-mounted",
    operationId: "getWorkspaceUsage",
    status: 200,
    run: async (ctx) => {
      const workspace = await ctx.createWorkspace();
      const sandbox = await ctx.createSandbox({ mounts: [{ workspaceId: workspace.id, path: "/workspace/data" }] });
      const ex = await ctx.call("getWorkspaceUsage", { params: { id: workspace.id } });
      const data = ex.body?.data;
      ctx.check(data?.inUse === true && data?.counts?.mountedSandboxes === 1 && data?.mountedSandboxes?.[0]?.sandboxId === sandbox.id, "a mounted workspace: inUse, one mounted sandbox");
      return ex;
    },
  },
  { name: "workspace-usage-neither-uuid-nor-slug", operationId: "getWorkspaceUsage", status: 400, code: "bad_request", run: (ctx) => ctx.call("getWorkspaceUsage", { params: { id: INVALID.workspaceId } }) },
  noKey("getWorkspaceUsage", { params: ANY.workspace }),
  { name: "workspace-usage-unknown", operationId: "getWorkspaceUsage", status: 404, code: "not_found", run: (ctx) => ctx.call("getWorkspaceUsage", { params: { id: missing.workspaceId() } }) },
];
