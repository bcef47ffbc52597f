/**
 * Threads (tag `threads`): listing, snapshots, durable events, rename/archive and delete, over
 * ThreadStore. Shapes follow the generated reference pages (Part B "Threads").
 */
import { threadActivity } from "../stateful/activity/recorders.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler } from "./types.ts";

export const listThreads: Handler<"listThreads"> = ({ query }, ctx) => {
  const org = ctx.org();
  // `agent` names one agent by slug or id; an agent the organization does not have has no threads.
  const agent = query.agent === undefined ? undefined : org.agents.find(query.agent);
  const agentIds = query.agent === undefined ? undefined : new Set(agent ? [agent.id] : []);
  const filter = { archived: defaulted(query.archived, "archived"), ...(agentIds ? { agentIds } : {}) };
  const page = org.threads.list(filter, defaulted(query.limit, "limit"), query.cursor);
  return { status: 200, body: { data: { threads: page.items }, hasMore: page.hasMore, nextCursor: page.nextCursor, meta: ctx.meta } };
};

export const getThread: Handler<"getThread"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().threads.snapshot(path.threadId), meta: ctx.meta },
});

export const listThreadEvents: Handler<"listThreadEvents"> = ({ path, query }, ctx) => {
  const { thread, page } = ctx.org().threads.events(path.threadId, defaulted(query.limit, "limit"), query.cursor);
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
