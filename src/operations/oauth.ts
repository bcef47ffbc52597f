/**
 * OAuth on the auth service (tag `oauth`): thin handlers over each organization's OAuthStore.
 * Statuses and shapes: spec/paths/oauth.yaml. A device-code flow is completed by the control plane
 * (`POST /__mock/oauth/complete`), since no provider stands behind the mock.
 */
import { defaulted } from "./defaulted.ts";
import type { Handler } from "./types.ts";

export const listOAuthConnections: Handler<"listOAuthConnections"> = ({ query }, ctx) => ({
  status: 200,
  body: { data: ctx.org().oauth.connections(ctx.caller(), defaulted(query.all, "all")), meta: ctx.meta },
});

export const startOAuthDeviceFlow: Handler<"startOAuthDeviceFlow"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().oauth.startDeviceFlow(path.provider, ctx.caller()), meta: ctx.meta },
});

export const upsertByoaConfig: Handler<"upsertByoaConfig"> = ({ body }, ctx) => ({
  status: 200,
  body: { data: ctx.org().oauth.upsertConfig(body), meta: ctx.meta },
});
