/**
 * The control plane's handlers (spec/control.yaml): reset, state export/import, the request
 * journal, scripts and faults. Thin, like the public ones; the rules sit in the modules they call.
 */
import { authenticate } from "../core/auth.ts";
import { ApiError, type ValidationDetail } from "../core/errors.ts";
import { exportState, importState, SnapshotError, type StateDocument } from "../stateful/snapshot.ts";
import type { ControlContext, ControlHandlerTable } from "./context.ts";
import { checkFaultRules, checkResponseScript } from "./script-checks.ts";
import { followJournal } from "./journal-stream.ts";
import { checkStateDocument, upgradeStateDocument } from "./state-import.ts";

/** The organization a request names: `org`, else the key in `X-API-Key`, else none (all). */
function targetOrg(query: { org?: string }, header: { "X-API-Key"?: string }, ctx: ControlContext): string | undefined {
  if (query.org !== undefined) return query.org;
  const key = header["X-API-Key"];
  return key === undefined ? undefined : authenticate({ "x-api-key": key }, ctx.plane.keyring).orgId;
}

export const controlHandlers = {
  async resetState({ query, header }, ctx) {
    const orgId = targetOrg(query, header, ctx);
    ctx.plane.state.reset(orgId);
    await ctx.plane.persist();
    return { status: 200, body: { data: { scope: orgId === undefined ? "all" : "organization", orgId: orgId ?? null }, meta: ctx.meta } };
  },

  exportState({ query, header }, ctx) {
    const orgId = targetOrg(query, header, ctx);
    const document = exportState(ctx.plane.state, ctx.plane.now(), orgId === undefined ? undefined : [orgId]);
    return { status: 200, body: document };
  },

  async importState({ query, body }, ctx) {
    upgradeStateDocument(body);
    const problems = checkStateDocument(body, ctx.plane.controlValidators, ctx.plane.publicValidators);
    if (problems.length > 0) throw invalidDocument(problems);
    const mode = query.mode ?? "replace";
    let organizations: number;
    try {
      organizations = importState(ctx.plane.state, body as StateDocument, mode, (id) => ctx.plane.state.build(id));
    } catch (error) {
      if (error instanceof SnapshotError) throw invalidDocument([{ path: `/body${error.pointer}`, message: error.message }]);
      throw error;
    }
    await ctx.plane.persist();
    return { status: 200, body: { data: { mode, organizations }, meta: ctx.meta } };
  },

  listRequests({ query }, ctx) {
    const entries = ctx.plane.journal.list({ ...query, limit: query.limit ?? 100 });
    return { status: 200, body: { data: entries, meta: ctx.meta } };
  },

  streamRequests(_input, ctx) {
    return { status: 200, stream: followJournal(ctx.plane.journal) };
  },

  clearRequests(_input, ctx) {
    return { status: 200, body: { data: { cleared: ctx.plane.journal.clear() }, meta: ctx.meta } };
  },

  addResponseScript({ body }, ctx) {
    const resolved = checkResponseScript(body, ctx.plane.publicSpec, ctx.plane.publicValidators);
    return { status: 201, body: { data: ctx.plane.scripts.addResponse(resolved), meta: ctx.meta } };
  },

  addExecScript({ body }, ctx) {
    return { status: 201, body: { data: ctx.plane.scripts.addExec(body), meta: ctx.meta } };
  },

  addReplyScript({ body }, ctx) {
    return { status: 201, body: { data: ctx.plane.scripts.addReply(body), meta: ctx.meta } };
  },

  addToolScript({ body }, ctx) {
    return { status: 201, body: { data: ctx.plane.scripts.addTool(body), meta: ctx.meta } };
  },

  listScripts(_input, ctx) {
    return { status: 200, body: { data: ctx.plane.scripts.list(), meta: ctx.meta } };
  },

  clearScripts(_input, ctx) {
    return { status: 200, body: { data: { cleared: ctx.plane.scripts.clear() }, meta: ctx.meta } };
  },

  deleteScript({ path }, ctx) {
    ctx.plane.scripts.delete(path.id);
    return { status: 200, body: { data: { id: path.id, deleted: true }, meta: ctx.meta } };
  },

  getFaults(_input, ctx) {
    return { status: 200, body: { data: ctx.plane.faults.current(), meta: ctx.meta } };
  },

  setFaults({ body }, ctx) {
    checkFaultRules(body.rules, ctx.plane.publicSpec);
    return { status: 200, body: { data: ctx.plane.faults.configure(body), meta: ctx.meta } };
  },

  clearFaults(_input, ctx) {
    return { status: 200, body: { data: { cleared: ctx.plane.faults.clear() }, meta: ctx.meta } };
  },
} satisfies ControlHandlerTable;

function invalidDocument(problems: ValidationDetail[]): ApiError {
  const first = problems[0] as ValidationDetail;
  return new ApiError("bad_request", `Invalid state document: ${first.path} ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`, problems);
}
