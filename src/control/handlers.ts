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
import { decodeEntries, encodeEntries, fileBoundProblem, FileEntryError, mergeEntries, nestingProblem } from "../stateful/files/file-entries.ts";
import type { RawEntry } from "../stateful/sandboxes/shell/clocked-fs.ts";
import { FileTreeError } from "../stateful/workspaces/files/file-tree.ts";
import { SandboxFilesError } from "../stateful/sandboxes/sandbox-files.ts";
import type { OrgState } from "../state.ts";
import type { FileEntry } from "./control-types.ts";

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

  advanceClock({ body }, ctx) {
    ctx.plane.advanceClock(body.ms);
    return { status: 200, body: { data: { now: ctx.plane.now().toISOString() }, meta: ctx.meta } };
  },

  completeOAuthFlow({ body }, ctx) {
    const { state } = ctx.plane;
    const org = state.orgIds().map((id) => state.find(id)).find((o) => o?.oauth.hasAttempt(body.attemptToken));
    if (!org) throw new ApiError("not_found", `No pending device-code attempt '${body.attemptToken}'`);
    const connection = org.oauth.completeDeviceFlow(body.attemptToken, body.scopes);
    return { status: 200, body: { data: { orgId: org.orgId, connection }, meta: ctx.meta } };
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
    const overBound = fileBoundProblem((body as StateDocument).organizations, "/body");
    if (overBound) throw new ApiError("payload_too_large", overBound);
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

  getSandboxFiles({ path, query, header }, ctx) {
    const files = sandboxesHolding(path.id, targetOrg(query, header, ctx), ctx).files(path.id);
    return { status: 200, body: { data: { sandboxId: files.sandboxId, entries: encodeEntries(files.entries) }, meta: ctx.meta } };
  },

  async seedSandboxFiles({ path, query, header, body }, ctx) {
    const sandboxes = sandboxesHolding(path.id, targetOrg(query, header, ctx), ctx);
    refuseOverBound(body);
    let files;
    try {
      files = sandboxes.seedFiles(path.id, decodeEntries(body.entries, ctx.plane.now()), query.mode ?? "merge");
    } catch (error) {
      if (error instanceof FileEntryError) throw invalidFiles(`/body/entries${error.pointer}`, error.message);
      if (error instanceof SandboxFilesError) throw invalidFiles(error.index === undefined ? "/body/entries" : `/body/entries/${error.index}`, error.message);
      throw error;
    }
    await ctx.plane.persist();
    return { status: 200, body: { data: { sandboxId: files.sandboxId, entries: encodeEntries(files.entries) }, meta: ctx.meta } };
  },

  getWorkspaceFiles({ path, query, header }, ctx) {
    const tree = workspacesHolding(path.id, targetOrg(query, header, ctx), ctx).files(path.id);
    return { status: 200, body: { data: { workspaceId: path.id, entries: encodeEntries(tree.entries()) }, meta: ctx.meta } };
  },

  async seedWorkspaceFiles({ path, query, header, body }, ctx) {
    const workspaces = workspacesHolding(path.id, targetOrg(query, header, ctx), ctx);
    refuseOverBound(body);
    let given;
    try {
      given = decodeEntries(body.entries, ctx.plane.now());
      const files = query.mode === "replace" ? given : mergeEntries(workspaces.files(path.id).entries(), given);
      const nesting = nestingProblem(files);
      if (nesting) throw invalidFiles(pointerTo(given, files[nesting.index]), nesting.message);
      workspaces.restoreFiles(path.id, files);
    } catch (error) {
      if (error instanceof FileEntryError) throw invalidFiles(`/body/entries${error.pointer}`, error.message);
      if (error instanceof FileTreeError) throw invalidFiles(pointerTo(given ?? [], given?.find((entry) => entry.path === error.path)), error.message);
      throw error;
    }
    await ctx.plane.persist();
    return { status: 200, body: { data: { workspaceId: path.id, entries: encodeEntries(workspaces.files(path.id).entries()) }, meta: ctx.meta } };
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

  async setBilling({ query, header, body }, ctx) {
    const orgId = targetOrg(query, header, ctx);
    if (orgId === undefined) throw new ApiError("bad_request", "Name the organization whose balance to set: ?org=<id> or X-API-Key", [{ path: "/query/org", message: "is required (or X-API-Key)" }]);
    const billing = ctx.plane.state.forOrg(orgId).billing;
    const { adjustmentCents } = billing.setBalance(body.balanceCents);
    await ctx.plane.persist();
    const { balanceCents, totalGrantedCents, totalUsedCents } = billing.plan();
    return { status: 200, body: { data: { orgId, balanceCents, totalGrantedCents, totalUsedCents, adjustmentCents }, meta: ctx.meta } };
  },

  async completeCheckout({ path, query }, ctx) {
    if (query.org === undefined) throw new ApiError("bad_request", "The checkout URL names its organization: ?org=<id>", [{ path: "/query/org", message: "is required" }]);
    const billing = ctx.plane.state.find(query.org)?.billing;
    if (billing === undefined) throw new ApiError("not_found", `Checkout session '${path.sessionId}' not found`);
    const session = billing.payTopUp(path.sessionId);
    await ctx.plane.persist();
    const data = { sessionId: session.sessionId, status: "complete" as const, amountCents: session.amountCents, balanceCents: billing.balanceCents, successUrl: session.successUrl };
    return { status: 200, body: { data, meta: ctx.meta } };
  },
} satisfies ControlHandlerTable;

function invalidDocument(problems: ValidationDetail[]): ApiError {
  const first = problems[0] as ValidationDetail;
  return new ApiError("bad_request", `Invalid state document: ${first.path} ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ""}`, problems);
}

/** 413 for a seed whose entries alone are over the bounds of a tree (state documents could not hold it). */
function refuseOverBound(seed: { entries: FileEntry[] }): void {
  const overBound = fileBoundProblem([{ files: [seed] }]);
  if (overBound) throw new ApiError("payload_too_large", `The seed is over the state document's bounds: ${overBound.replace(/^.*?: /, "")}`);
}

function invalidFiles(path: string, message: string): ApiError {
  return new ApiError("bad_request", `Invalid files: ${path} ${message}`, [{ path, message }]);
}

/**
 * The store of the organization that holds resource `id`: the organization named (`org` or the
 * key), or else the first whose store knows the id. 404 (`kind` names the resource) when none does.
 */
function holding<S>(id: string, orgId: string | undefined, ctx: ControlContext, kind: string, storeOf: (org: OrgState) => S, knows: (store: S) => boolean): S {
  const candidates = orgId === undefined ? ctx.plane.state.orgIds() : [orgId];
  for (const candidate of candidates) {
    const org = ctx.plane.state.find(candidate);
    if (org && knows(storeOf(org))) return storeOf(org);
  }
  throw new ApiError("not_found", `${kind} '${id}' not found`);
}

function sandboxesHolding(id: string, orgId: string | undefined, ctx: ControlContext): OrgState["sandboxes"] {
  return holding(id, orgId, ctx, "Sandbox", (org) => org.sandboxes, (sandboxes) => sandboxes.has(id));
}

function workspacesHolding(id: string, orgId: string | undefined, ctx: ControlContext): OrgState["workspaces"] {
  return holding(id, orgId, ctx, "Workspace", (org) => org.workspaces, (workspaces) => workspaces.filesOf(id) !== undefined);
}

/** The pointer of a given entry of a seed (`/body/entries/2`), or of the list when the entry is not one of them. */
function pointerTo(given: readonly RawEntry[], entry: RawEntry | undefined): string {
  const index = entry === undefined ? -1 : given.indexOf(entry);
  return index === -1 ? "/body/entries" : `/body/entries/${index}`;
}
