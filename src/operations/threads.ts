/**
 * Threads (tag `threads`): listing, snapshots, durable events, rename/archive and delete, over
 * ThreadStore. Shapes follow the generated reference pages (Part B "Threads").
 */
import { threadActivity } from "../stateful/activity/recorders.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler, RequestContext } from "./types.ts";

/** One page of threads, of one agent when `agentRef` names it (by slug or id). */
function threadPage(ctx: RequestContext, agentRef: string | undefined, archived: boolean, all: boolean, limit: number | undefined, cursor: string | undefined) {
  const org = ctx.org();
  // An agent the organization does not have has no threads.
  const agent = agentRef === undefined ? undefined : org.agents.find(agentRef);
  const agentIds = agentRef === undefined ? undefined : new Set(agent ? [agent.id] : []);
  // "Members see their own" unless `all=true` (spec listThreads).
  const owner = all ? {} : { ownerUserId: ctx.caller().userId };
  const page = org.threads.list({ archived, ...owner, ...(agentIds ? { agentIds } : {}) }, defaulted(limit, "limit"), cursor);
  return { status: 200 as const, body: { data: { threads: page.items }, hasMore: page.hasMore, nextCursor: page.nextCursor, meta: ctx.meta } };
}

export const listThreads: Handler<"listThreads"> = ({ query }, ctx) => threadPage(ctx, query.agent, defaulted(query.archived, "archived"), defaulted(query.all, "all"), query.limit, query.cursor);

/** The legacy `GET /v1/run/threads?agent=`: what `GET /v1/threads?agent=` answers. */
export const listAgentThreadsLegacy: Handler<"listAgentThreadsLegacy"> = ({ query }, ctx) => threadPage(ctx, query.agent, false, false, query.limit, query.cursor);

export const listThreadRollouts: Handler<"listThreadRollouts"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().threads.rollouts(path.threadId), meta: ctx.meta },
});

export const getThread: Handler<"getThread"> = ({ path, query }, ctx) => ({
  status: 200,
  body: { data: ctx.org().threads.snapshot(path.threadId, { allRollouts: query.include === "all_rollouts" }, query.limit), meta: ctx.meta },
});

export const listThreadEvents: Handler<"listThreadEvents"> = ({ path, query }, ctx) => {
  const view = { allRollouts: query.include === "all_rollouts", ...(query.rollout_id !== undefined ? { rolloutId: query.rollout_id } : {}) };
  const { thread, page } = ctx.org().threads.events(path.threadId, defaulted(query.limit, "limit"), query.cursor, view);
  return { status: 200, body: { data: { thread, events: page.items }, hasMore: page.hasMore, nextCursor: page.nextCursor, meta: ctx.meta } };
};

export const updateThread: Handler<"updateThread"> = ({ path, body }, ctx) => {
  const thread = ctx.org().threads.update(path.threadId, body);
  ctx.org().activity.record(threadActivity("thread.updated", thread, ctx.caller().userId));
  return { status: 200, body: { data: thread, meta: ctx.meta } };
};

export const deleteThread: Handler<"deleteThread"> = ({ path }, ctx) => {
  const deleted = ctx.org().threads.delete(path.threadId);
  ctx.org().activity.record(threadActivity("thread.deleted", deleted, ctx.caller().userId));
  return { status: 200, body: { data: { ...deleted, deleted: true }, meta: ctx.meta } };
};

export const appendThreadEvents: Handler<"appendThreadEvents"> = ({ path, body }, ctx) => ({
  status: 200,
  body: { data: ctx.org().runner.publish(path.threadId, body), meta: ctx.meta },
});

export const compactThread: Handler<"compactThread"> = ({ path }, ctx) => {
  const compacted = ctx.org().runner.compact(path.threadId);
  ctx.org().activity.record(threadActivity("thread.compacted", compacted.thread, ctx.caller().userId, { rolloutId: compacted.rollout.rolloutId }));
  return { status: 200, body: { data: compacted, meta: ctx.meta } };
};
