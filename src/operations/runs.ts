/**
 * Runs (tag `runs`): `POST /v1/run`, the legacy `POST /v1/agents/{slug}/run`, listing and
 * cancelling. Thin: the rules and the run itself live in RunService. Both run operations answer
 * JSON for `stream: false` and server-sent events otherwise, with `X-Run-ID` and `X-Thread-ID`.
 */
import type { RunRequest } from "../api-types.ts";
import type { RunInput } from "../stateful/runs/run-service.ts";
import { defaulted } from "./defaulted.ts";
import type { Handler, RequestContext, Result } from "./types.ts";

export const runAgent: Handler<"runAgent"> = ({ body }, ctx) => {
  const { agent, ...input } = body;
  return startRun(agent, input, ctx);
};

export const runAgentLegacy: Handler<"runAgentLegacy"> = ({ path, body }, ctx) => startRun(path.slug, body, ctx);

export const listRuns: Handler<"listRuns"> = ({ query }, ctx) => {
  const filter = {
    ...(query.agent !== undefined ? { agent: query.agent } : {}),
    ...(query.status !== undefined ? { status: query.status } : {}),
  };
  const page = ctx.org().runs.list(filter, defaulted(query.limit, "limit"), query.cursor);
  return { status: 200, body: { data: page.items, hasMore: page.hasMore, nextCursor: page.nextCursor, meta: ctx.meta } };
};

export const cancelRun: Handler<"cancelRun"> = ({ path }, ctx) => {
  const run = ctx.org().runner.cancel(path.id);
  return { status: 200, body: { data: { id: run.id, status: "cancelled" as const }, meta: ctx.meta } };
};

/** Both run operations share one shape of answer (the legacy one has no `agent` in its body). */
async function startRun(agentRef: string, input: RunInput & Pick<RunRequest, "stream">, ctx: RequestContext): Promise<Result<"runAgent">> {
  const started = ctx.org().runner.start(agentRef, input, ctx.caller());
  const headers = { "X-Run-ID": started.run.id, "X-Thread-ID": started.thread.id };
  if (input.stream === false) return { status: 200, headers, body: { data: await started.complete(), meta: ctx.meta } };
  return { status: 200, headers, stream: started.stream };
}
