/**
 * Sandboxes (tag `sandboxes`): thin handlers over SandboxStore. Statuses and shapes:
 * spec/openapi.yaml#/paths/~1v1~1sandboxes and below.
 */
import { defaulted } from "./defaulted.ts";
import type { Handler } from "./types.ts";

export const createSandbox: Handler<"createSandbox"> = ({ body }, ctx) => ({
  status: 201,
  body: { data: ctx.org().sandboxes.create(body, { userId: ctx.caller().userId }), meta: ctx.meta },
});

export const listSandboxes: Handler<"listSandboxes"> = ({ query }, ctx) => {
  const filter = {
    ...(query.status !== undefined ? { status: query.status } : {}),
    ...(query.tag !== undefined ? { tag: query.tag } : {}),
    ...(query.template !== undefined ? { template: query.template } : {}),
    ...(query.exclude_template !== undefined ? { excludeTemplate: query.exclude_template } : {}),
  };
  const page = ctx.org().sandboxes.list(filter, defaulted(query.limit, "limit"), query.cursor);
  return { status: 200, body: { data: page.items, hasMore: page.hasMore, nextCursor: page.nextCursor, meta: ctx.meta } };
};

export const getSandbox: Handler<"getSandbox"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().sandboxes.get(path.id), meta: ctx.meta },
});

export const deleteSandbox: Handler<"deleteSandbox"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: { ...ctx.org().sandboxes.delete(path.id), deleted: true }, meta: ctx.meta },
});

export const pauseSandbox: Handler<"pauseSandbox"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().sandboxes.pause(path.id), meta: ctx.meta },
});

export const resumeSandbox: Handler<"resumeSandbox"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().sandboxes.resume(path.id), meta: ctx.meta },
});

export const execSandboxCommand: Handler<"execSandboxCommand"> = async ({ path, body }, ctx) => ({
  status: 200,
  body: { data: await ctx.org().sandboxes.exec(path.id, body), meta: ctx.meta },
});

export const getSandboxUrl: Handler<"getSandboxUrl"> = ({ path, query }, ctx) => ({
  status: 200,
  body: { data: ctx.org().sandboxes.url(path.id, query.port), meta: ctx.meta },
});
