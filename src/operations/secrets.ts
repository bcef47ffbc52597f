/**
 * Secrets (tag `secrets`): thin handlers over SecretStore. Statuses and shapes:
 * spec/paths/secrets.yaml. A value leaves the mock only in the answer of `revealSecret`.
 */
import type { Handler } from "./types.ts";

export const listSecrets: Handler<"listSecrets"> = (_input, ctx) => ({
  status: 200,
  body: { data: ctx.org().secrets.list(ctx.caller()), meta: ctx.meta },
});

export const upsertSecret: Handler<"upsertSecret"> = ({ body }, ctx) => {
  const { created, secret } = ctx.org().secrets.upsert(body, ctx.caller());
  return created ? { status: 201, body: { data: secret, meta: ctx.meta } } : { status: 200, body: { data: secret, meta: ctx.meta } };
};

export const revealSecret: Handler<"revealSecret"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().secrets.reveal(path.name, ctx.caller()), meta: ctx.meta },
});

export const deleteSecret: Handler<"deleteSecret"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: { ...ctx.org().secrets.delete(path.name, ctx.caller()), deleted: true }, meta: ctx.meta },
});
