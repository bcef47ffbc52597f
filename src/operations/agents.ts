/**
 * Agents (tag `agents`): thin handlers over AgentStore. Statuses and shapes:
 * spec/openapi.yaml#/paths/~1v1~1agents and ~1v1~1agents~1{slug}.
 */
import type { Agent } from "../api-types.ts";
import { agentActivity } from "../stateful/activity/recorders.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler, RequestContext } from "./types.ts";

/** The seed's upsert answer: exactly `id, slug, action, version, sandboxId, targetDeviceId, endpoint`. */
export const upsertAgent: Handler<"upsertAgent"> = ({ body }, ctx) => {
  const { action, agent } = ctx.org().agents.upsert(body, ctx.caller());
  ctx.org().activity.record(agentActivity(`agent.${action}`, agent, ctx.caller().userId));
  const data = {
    id: agent.id,
    slug: agent.slug,
    action,
    version: agent.version,
    sandboxId: agent.sandboxId,
    targetDeviceId: agent.targetDeviceId,
    endpoint: runEndpoint(agent, ctx),
  };
  return action === "created" ? { status: 201, body: { data, meta: ctx.meta } } : { status: 200, body: { data, meta: ctx.meta } };
};

export const listAgents: Handler<"listAgents"> = ({ query }, ctx) => {
  const page = ctx.org().agents.list(defaulted(query.limit, "limit"), query.cursor);
  return { status: 200, body: { data: page.items, hasMore: page.hasMore, nextCursor: page.nextCursor, meta: ctx.meta } };
};

export const getAgent: Handler<"getAgent"> = ({ path }, ctx) => ({
  status: 200,
  body: { data: ctx.org().agents.get(path.slug), meta: ctx.meta },
});

export const updateAgent: Handler<"updateAgent"> = ({ path, body }, ctx) => {
  const agent = ctx.org().agents.patch(path.slug, body);
  ctx.org().activity.record(agentActivity("agent.updated", agent, ctx.caller().userId));
  return { status: 200, body: { data: agent, meta: ctx.meta } };
};

export const deleteAgent: Handler<"deleteAgent"> = ({ path }, ctx) => {
  const agent = ctx.org().agents.get(path.slug);
  const deleted = ctx.org().agents.delete(path.slug);
  ctx.org().activity.record(agentActivity("agent.deleted", agent, ctx.caller().userId));
  return { status: 200, body: { data: { ...deleted, deleted: true }, meta: ctx.meta } };
};

/**
 * The legacy per-agent run URL (seed: "Convenience URL for the legacy per-agent run endpoint"),
 * on the server the client called, so that following it stays on the mock (Part A, agent response).
 */
function runEndpoint(agent: Agent, ctx: RequestContext): string {
  return `${ctx.baseUrl}/v1/agents/${encodeURIComponent(agent.slug)}/run`;
}
