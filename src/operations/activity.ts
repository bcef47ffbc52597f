/**
 * The activity feed (tag `activity`): thin handlers over ActivityLog. Statuses and shapes:
 * spec/paths/activity.yaml. The sandbox and thread feeds are the organization's feed filtered
 * by `sandbox_id` / `thread_id`, once the sandbox or thread is known to exist (404 otherwise).
 */
import type { ActivityFilter } from "../stateful/activity/activity-log.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler, Input, RequestContext } from "./types.ts";

type Query = Input<"listActivity">["query"];

/** The documented snake_case query options, as the log's filter. */
function filterOf(query: Query): ActivityFilter {
  const filter: ActivityFilter = {};
  const set = <K extends keyof ActivityFilter>(key: K, value: ActivityFilter[K] | undefined) => {
    if (value !== undefined) filter[key] = value;
  };
  set("resourceType", query.resource_type);
  set("resourceId", query.resource_id);
  set("eventType", query.event_type);
  set("severity", query.severity);
  set("status", query.status);
  set("actorUserId", query.actor_user_id);
  set("threadId", query.thread_id);
  set("agentRunId", query.agent_run_id);
  set("sandboxId", query.sandbox_id);
  set("workspaceId", query.workspace_id);
  set("toolSlug", query.tool_slug);
  set("installableAgentInstallId", query.installable_agent_install_id);
  set("codeExecutionId", query.code_execution_id);
  set("runmeshNodeId", query.runmesh_node_id);
  set("since", query.since);
  set("until", query.until);
  return filter;
}

/** One page of the organization's feed under a filter, as every activity list answers it. */
export function activityPage(ctx: RequestContext, filter: ActivityFilter, limit: number | undefined, cursor: string | undefined) {
  const events = ctx.org().activity.list(filter, defaulted(limit, "limit"), cursor);
  return { status: 200 as const, body: { data: { events: events.items }, hasMore: events.hasMore, nextCursor: events.nextCursor, meta: ctx.meta } };
}

export const listActivity: Handler<"listActivity"> = ({ query }, ctx) => activityPage(ctx, filterOf(query), query.limit, query.cursor);

export const listSandboxActivity: Handler<"listSandboxActivity"> = ({ path, query }, ctx) =>
  activityPage(ctx, { sandboxId: ctx.org().sandboxes.get(path.id).id }, query.limit, query.cursor);

export const listThreadActivity: Handler<"listThreadActivity"> = ({ path, query }, ctx) =>
  activityPage(ctx, { threadId: ctx.org().threads.get(path.threadId).id }, query.limit, query.cursor);
