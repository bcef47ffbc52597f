/** Conformance cases of the `tools` and `terminal` tags (spec/paths/tools.yaml, spec/paths/terminal.yaml). */
import type { CaseContext } from "../context.ts";
import { type Case, bodyLimits, expectDetail, noKey } from "./families.ts";

/** Creates a custom tool of a unique slug (the Tool Hub has no delete: the slug is never reused); answers the slug. */
async function customTool(ctx: CaseContext, extra: Record<string, unknown> = {}): Promise<string> {
  const slug = ctx.unique("tool");
  const ex = await ctx.call("upsertCustomTool", { body: { slug, name: "Conformance tool", code: "export default {}", ...extra } });
  ctx.require(ex, 201, "upsertCustomTool");
  return slug;
}

const customBody = (ctx: CaseContext) => ({ slug: ctx.unique("tool"), name: "Conformance tool", code: "export default {}" });

export const toolsCases: Case[] = [
  {
    name: "execute-tool-default-echo",
    operationId: "executeTool",
    status: 200,
    run: async (ctx) => {
      const slug = await customTool(ctx);
      const ex = await ctx.call("executeTool", { params: { slug }, body: { action: "run", params: { n: 1 } } });
      ctx.check(ex.body?.data?.success === true && ex.body?.data?.result?.action === "run", "the default echoes the request");
      return ex;
    },
  },
  { name: "execute-tool-without-action", operationId: "executeTool", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("executeTool", { params: { slug: await customTool(ctx) }, body: { params: {} } }), "/body/action") },
  noKey("executeTool", { params: { slug: "github" }, body: { action: "list_repos" } }),
  { name: "execute-tool-not-installed", operationId: "executeTool", status: 404, code: "not_found", run: (ctx) => ctx.call("executeTool", { params: { slug: ctx.unique("missing") }, body: { action: "run" } }) },
  ...bodyLimits("executeTool", async (ctx) => ({ params: { slug: await customTool(ctx) }, body: { action: "run" } })),

  {
    name: "install-custom-tool-first-time",
    operationId: "installTool",
    status: 201,
    run: async (ctx) => {
      const ex = await ctx.call("installTool", { params: { slug: await customTool(ctx) } });
      ctx.check(ex.body?.data?.credentialMode === "none", "a tool without credentials installs with mode none");
      return ex;
    },
  },
  {
    name: "install-tool-again",
    operationId: "installTool",
    status: 200,
    run: async (ctx) => {
      const slug = await customTool(ctx);
      ctx.require(await ctx.call("installTool", { params: { slug } }), 201, "installTool");
      return ctx.call("installTool", { params: { slug } });
    },
  },
  { name: "install-tool-bad-slug", operationId: "installTool", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("installTool", { params: { slug: "Not_A_Slug" } }), "/path/slug") },
  noKey("installTool", { params: { slug: "github" } }),
  { name: "install-tool-unknown", operationId: "installTool", status: 404, code: "not_found", run: (ctx) => ctx.call("installTool", { params: { slug: ctx.unique("missing") } }) },

  {
    name: "create-custom-tool",
    operationId: "upsertCustomTool",
    status: 201,
    run: async (ctx) => {
      const ex = await ctx.call("upsertCustomTool", { body: customBody(ctx) });
      ctx.check(ex.body?.data?.action === "created" && ex.body?.data?.version === 1, "created at version 1");
      return ex;
    },
  },
  {
    name: "update-custom-tool",
    operationId: "upsertCustomTool",
    status: 200,
    run: async (ctx) => {
      const slug = await customTool(ctx);
      const ex = await ctx.call("upsertCustomTool", { body: { slug, name: "Renamed", code: "export default {}" } });
      ctx.check(ex.body?.data?.action === "updated" && ex.body?.data?.version === 2, "updated at version 2");
      return ex;
    },
  },
  { name: "create-custom-tool-without-code", operationId: "upsertCustomTool", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("upsertCustomTool", { body: { slug: ctx.unique("tool"), name: "X" } }), "/body/code") },
  noKey("upsertCustomTool", { body: { slug: "x", name: "X", code: "x" } }),
  { name: "create-custom-tool-marketplace-slug", operationId: "upsertCustomTool", status: 409, code: "conflict", run: (ctx) => ctx.call("upsertCustomTool", { body: { slug: "github", name: "GitHub", code: "x" } }) },
  ...bodyLimits("upsertCustomTool", async (ctx) => ({ body: customBody(ctx) })),

  {
    name: "create-terminal-session",
    operationId: "createTerminalSession",
    status: 201,
    run: async (ctx) => {
      const sandbox = await ctx.runningSandbox();
      const ex = await ctx.call("createTerminalSession", { body: { sandboxId: sandbox.id } });
      ctx.check(ex.body?.data?.wsPath === `/v1/terminal/sessions/${ex.body?.data?.sessionId}`, "wsPath names the session");
      return ex;
    },
  },
  { name: "create-terminal-session-without-sandbox", operationId: "createTerminalSession", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("createTerminalSession", { body: {} }), "/body/sandboxId") },
  noKey("createTerminalSession", { body: { sandboxId: "sandbox-abc123" } }),
  { name: "create-terminal-session-unknown-sandbox", operationId: "createTerminalSession", status: 404, code: "not_found", run: (ctx) => ctx.call("createTerminalSession", { body: { sandboxId: ctx.unique("missing") } }) },
  { name: "create-terminal-session-paused-sandbox", operationId: "createTerminalSession", status: 409, code: "conflict", run: async (ctx) => ctx.call("createTerminalSession", { body: { sandboxId: (await ctx.pausedSandbox()).id } }) },
  ...bodyLimits("createTerminalSession", async (ctx) => ({ body: { sandboxId: (await ctx.runningSandbox()).id } })),
];
