/** Conformance cases of the `installable-agents` tag (spec/paths/installable-agents.yaml). */
import type { CaseContext } from "../context.ts";
import { type Case, bodyLimits, expectDetail, frameEvents, noKey, STREAM } from "./families.ts";

/** A running sandbox and a workspace (both removed afterwards; the forced workspace delete removes installs). */
async function target(ctx: CaseContext): Promise<{ sandboxId: string; workspaceId: string }> {
  const sandbox = await ctx.runningSandbox();
  const workspace = await ctx.createWorkspace();
  return { sandboxId: sandbox.id, workspaceId: workspace.id };
}

/** Hermes installed on a fresh sandbox and workspace, ready (read back once). */
async function readyInstall(ctx: CaseContext): Promise<{ id: string; sandboxId: string }> {
  const ex = await ctx.call("installInstallableAgent", { params: { slug: "hermes" }, body: await target(ctx) });
  ctx.require(ex, 201, "installInstallableAgent");
  const install = ex.body.data as { id: string; sandboxId: string };
  // Ready from the next request on: any request of this key moves the mock's request count.
  await ctx.call("getSandbox", { params: { id: install.sandboxId } });
  return install;
}

const HELLO = [{ role: "user", content: "hello" }];
const chat = (ctx: CaseContext, installId: string, body: Record<string, unknown>, headers?: Record<string, string>) =>
  ctx.call("chatWithInstall", { params: { installId }, body, ...(headers ? { headers } : {}) });

export const installableAgentsCases: Case[] = [
  {
    name: "install-hermes",
    operationId: "installInstallableAgent",
    status: 201,
    run: async (ctx) => {
      const ex = await ctx.call("installInstallableAgent", { params: { slug: "hermes" }, body: await target(ctx) });
      ctx.check(ex.body?.data?.status === "installing", "an install answers installing");
      return ex;
    },
  },
  { name: "install-without-workspace", operationId: "installInstallableAgent", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("installInstallableAgent", { params: { slug: "hermes" }, body: { sandboxId: "x" } }), "/body/workspaceId") },
  noKey("installInstallableAgent", { params: { slug: "hermes" }, body: { sandboxId: "x", workspaceId: "9b84ef42-9c3a-4930-9d4c-45c7f5c22d8e" } }),
  { name: "install-unknown-catalog-agent", operationId: "installInstallableAgent", status: 404, code: "not_found", run: async (ctx) => ctx.call("installInstallableAgent", { params: { slug: ctx.unique("nobody") }, body: await target(ctx) }) },
  {
    name: "install-on-paused-sandbox",
    operationId: "installInstallableAgent",
    status: 409,
    code: "conflict",
    run: async (ctx) => ctx.call("installInstallableAgent", { params: { slug: "hermes" }, body: { sandboxId: (await ctx.pausedSandbox()).id, workspaceId: (await ctx.createWorkspace()).id } }),
  },
  ...bodyLimits("installInstallableAgent", async (ctx) => ({ params: { slug: "hermes" }, body: await target(ctx) })),

  {
    name: "chat-json",
    operationId: "chatWithInstall",
    status: 200,
    run: async (ctx) => {
      const ex = await chat(ctx, (await readyInstall(ctx)).id, { messages: HELLO, stream: false });
      ctx.check(ex.body?.data?.message?.content === "[hermes] You said: hello", "the reply answers the last user message");
      return ex;
    },
  },
  {
    name: "chat-streamed",
    operationId: "chatWithInstall",
    status: 200,
    run: async (ctx) => {
      const ex = await chat(ctx, (await readyInstall(ctx)).id, { messages: HELLO }, STREAM);
      ctx.check(frameEvents(ctx, ex).at(-1) === "chat_completed", "the stream ends with chat_completed");
      return ex;
    },
  },
  { name: "chat-without-user-message", operationId: "chatWithInstall", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await chat(ctx, (await readyInstall(ctx)).id, { messages: [{ role: "system", content: "x" }], stream: false }), "/body/messages") },
  noKey("chatWithInstall", { params: { installId: "9b84ef42-9c3a-4930-9d4c-45c7f5c22d8e" }, body: { messages: HELLO } }),
  { name: "chat-unknown-install", operationId: "chatWithInstall", status: 404, code: "not_found", run: (ctx) => chat(ctx, "9b84ef42-9c3a-4930-9d4c-45c7f5c22d8e", { messages: HELLO, stream: false }) },
  {
    name: "chat-paused-sandbox",
    operationId: "chatWithInstall",
    status: 409,
    code: "conflict",
    run: async (ctx) => {
      const install = await readyInstall(ctx);
      ctx.require(await ctx.call("pauseSandbox", { params: { id: install.sandboxId } }), 200, "pauseSandbox");
      return chat(ctx, install.id, { messages: HELLO, stream: false });
    },
  },
  ...bodyLimits("chatWithInstall", async (ctx) => ({ params: { installId: (await readyInstall(ctx)).id }, body: { messages: HELLO, stream: false } })),
];
