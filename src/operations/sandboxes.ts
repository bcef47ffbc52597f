/**
 * Sandboxes (tag `sandboxes`): thin handlers over SandboxStore. Statuses and shapes:
 * spec/openapi.yaml#/paths/~1v1~1sandboxes and below.
 */
import { sandboxActivity } from "../stateful/activity/recorders.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler, RequestContext } from "./types.ts";

/**
 * Reports a change of a sandbox to the activity feed, as it stands after the change. `ref` is the
 * sandbox's id where the change may have freed its name (a destroyed sandbox is found by id only).
 */
function recordSandbox<T>(ctx: RequestContext, eventType: string, ref: string, result: T, attributes?: Record<string, unknown>): T {
  const org = ctx.org();
  org.activity.record(sandboxActivity(eventType, org.sandboxes.get(ref), ctx.caller().userId, attributes));
  return result;
}

const destroyed = <T extends { id: string }>(ctx: RequestContext, result: T): T => recordSandbox(ctx, "sandbox.destroyed", result.id, result);
const transitioned = <T extends { id: string }>(ctx: RequestContext, eventType: string, result: T): T => recordSandbox(ctx, eventType, result.id, result);

export const createSandbox: Handler<"createSandbox"> = ({ body }, ctx) => {
  // Credit-checked before anything changes (docs: 402 when the org cannot afford ~1 hour of runtime).
  ctx.org().billing.requireSandboxHour();
  const sandbox = ctx.org().sandboxes.create(body, { userId: ctx.caller().userId });
  recordSandbox(ctx, "sandbox.created", sandbox.id, sandbox, { template: sandbox.template });
  return { status: 201, body: { data: sandbox, meta: ctx.meta } };
};

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
  body: { data: { ...destroyed(ctx, ctx.org().sandboxes.delete(path.id)), deleted: true }, meta: ctx.meta },
});

export const pauseSandbox: Handler<"pauseSandbox"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: transitioned(ctx, "sandbox.paused", ctx.org().sandboxes.pause(path.id)), meta: ctx.meta },
});

export const resumeSandbox: Handler<"resumeSandbox"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: transitioned(ctx, "sandbox.resumed", ctx.org().sandboxes.resume(path.id)), meta: ctx.meta },
});

export const execSandboxCommand: Handler<"execSandboxCommand"> = async ({ path, body }, ctx) => ({
  status: 200,
  body: { data: recordSandbox(ctx, "sandbox.command.executed", path.id, await ctx.org().sandboxes.exec(path.id, body), { command: body.command }), meta: ctx.meta },
});

export const getSandboxUrl: Handler<"getSandboxUrl"> = ({ path, query }, ctx) => ({
  status: 200,
  body: { data: ctx.org().sandboxes.url(path.id, query.port), meta: ctx.meta },
});
