/**
 * The Tool Hub (tag `tools`): thin handlers over ToolHubStore. Statuses and shapes:
 * spec/paths/tools.yaml.
 */
import type { Handler } from "./types.ts";

export const executeTool: Handler<"executeTool"> = ({ path, body }, ctx) => ({
  status: 200,
  body: { data: ctx.org().tools.execute(path.slug, body, ctx.caller()), meta: ctx.meta },
});

export const installTool: Handler<"installTool"> = ({ path }, ctx) => {
  const { created, installation } = ctx.org().tools.install(path.slug, ctx.caller());
  return created ? { status: 201, body: { data: installation, meta: ctx.meta } } : { status: 200, body: { data: installation, meta: ctx.meta } };
};

export const upsertCustomTool: Handler<"upsertCustomTool"> = ({ body }, ctx) => {
  const tool = ctx.org().tools.upsertCustom(body, ctx.caller());
  return tool.action === "created" ? { status: 201, body: { data: tool, meta: ctx.meta } } : { status: 200, body: { data: tool, meta: ctx.meta } };
};
