/**
 * API keys (tag `api-keys`): thin handlers over ApiKeyStore. Statuses and shapes:
 * spec/paths/api-keys.yaml. The secret appears only in the 201 answers of create and rotate.
 */
import { STORE_KEY_MESSAGE } from "../stateful/keys/api-keys.store.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler } from "./types.ts";

export const createApiKey: Handler<"createApiKey"> = ({ body }, ctx) => ({
  status: 201,
  body: { data: ctx.org().apiKeys.create(body, ctx.caller()), message: STORE_KEY_MESSAGE, meta: ctx.meta },
});

export const listApiKeys: Handler<"listApiKeys"> = ({ query }, ctx) => {
  const page = ctx.org().apiKeys.list(defaulted(query.limit, "limit"), query.cursor);
  return { status: 200, body: { data: page.items, hasMore: page.hasMore, nextCursor: page.nextCursor, meta: ctx.meta } };
};

export const getApiKey: Handler<"getApiKey"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().apiKeys.get(path.id), meta: ctx.meta },
});

export const updateApiKey: Handler<"updateApiKey"> = ({ path, body }, ctx) => ({
  status: 200,
  body: { data: ctx.org().apiKeys.update(path.id, body, ctx.caller()), meta: ctx.meta },
});

export const revokeApiKey: Handler<"revokeApiKey"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: { ...ctx.org().apiKeys.revoke(path.id, ctx.caller()), deleted: true }, meta: ctx.meta },
});

export const rotateApiKey: Handler<"rotateApiKey"> = ({ path, body }, ctx) => ({
  status: 201,
  body: { data: ctx.org().apiKeys.rotate(path.id, body?.name, ctx.caller()), message: STORE_KEY_MESSAGE, meta: ctx.meta },
});
