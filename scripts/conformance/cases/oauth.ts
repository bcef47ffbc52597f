/** Conformance cases of the `oauth` tag (spec/paths/oauth.yaml). */
import type { Case } from "./families.ts";
import { bodyLimits, expectDetail, noKey } from "./families.ts";

const CONFIG = { provider: "github", client_id: "Iv1.conformance", client_secret: "conformance-secret", scopes: "repo" };

export const oauthCases: Case[] = [
  { name: "list-oauth-connections", operationId: "listOAuthConnections", status: 200, run: (ctx) => ctx.call("listOAuthConnections") },
  { name: "list-oauth-connections-all-not-boolean", operationId: "listOAuthConnections", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("listOAuthConnections", { query: { all: "maybe" } }), "/query/all") },
  noKey("listOAuthConnections"),

  {
    name: "start-codex-device-flow",
    operationId: "startOAuthDeviceFlow",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("startOAuthDeviceFlow", { params: { provider: "openai-codex" } });
      ctx.check(ex.body?.data?.verificationUriComplete?.includes(ex.body?.data?.userCode), "the complete URI carries the user code");
      return ex;
    },
  },
  { name: "start-device-flow-unknown-provider", operationId: "startOAuthDeviceFlow", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("startOAuthDeviceFlow", { params: { provider: "github" } }), "/path/provider") },
  noKey("startOAuthDeviceFlow", { params: { provider: "openai-codex" } }),

  {
    name: "upsert-byoa-config",
    operationId: "upsertByoaConfig",
    status: 200,
    run: async (ctx) => {
      const ex = await ctx.call("upsertByoaConfig", { body: CONFIG });
      ctx.check(!JSON.stringify(ex.body).includes("conformance-secret"), "the secret is never answered");
      return ex;
    },
  },
  { name: "upsert-byoa-config-without-client-id", operationId: "upsertByoaConfig", status: 400, code: "bad_request", run: async (ctx) => expectDetail(ctx, await ctx.call("upsertByoaConfig", { body: { provider: "github" } }), "/body/client_id") },
  noKey("upsertByoaConfig", { body: CONFIG }),
  ...bodyLimits("upsertByoaConfig", async () => ({ body: CONFIG })),
];
