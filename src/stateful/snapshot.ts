/**
 * State snapshots: one organization's stores as a plain, versioned document and back
 * (spec/control.yaml `StateDocument`; LocalStack's state save/load, anchors §3 idea 3).
 * The same document feeds `GET`/`PUT /__mock/state`, `--data` and `--persist`.
 */
import type { ActivityEvent, Agent, InstallableAgentInstall, RunSummary, Sandbox, Thread, ThreadEvent, ToolInstallation, Workspace } from "../api-types.ts";
import type { StoredApiKey } from "./keys/api-keys.store.ts";
import type { StoredSecret } from "./secrets/secrets.store.ts";
import type { StoredNode } from "./runmesh/mesh.store.ts";
import type { WorkflowStore } from "./workflows/workflows.store.ts";
import type { OAuthSnapshot } from "./oauth/oauth.store.ts";
import type { StoredAttachment } from "./attachments/attachments.store.ts";
import type { StoredCustomTool } from "./tools/tool-hub.store.ts";
import type { OrganizationSnapshotPart } from "./organizations/organization.store.ts";
import type { BillingState } from "../control/control-types.ts";
import type { MockState, OrgState } from "../state.ts";
import type { FileTreeDocument } from "../control/control-types.ts";
import { decodeEntries, encodeEntries, FileEntryError, nestingProblem } from "./files/file-entries.ts";
import type { RawEntry } from "./sandboxes/shell/clocked-fs.ts";
import { FileTreeError } from "./workspaces/files/file-tree.ts";
import { SandboxFilesError } from "./sandboxes/sandbox-files.ts";

/** The document's format marker and version. */
export const STATE_FORMAT = "runtools-mock/state";
export const STATE_VERSION = 1;

/** One organization in a snapshot. */
export interface OrganizationSnapshot {
  id: string;
  workspaces: Workspace[];
  sandboxes: Sandbox[];
  agents: Agent[];
  threads: { thread: Thread; events: ThreadEvent[] }[];
  runs: { run: RunSummary; rolloutId: string }[];
  /** The profile and members; optional, so that documents written before it still load. */
  organization?: OrganizationSnapshotPart;
  /** Issued API keys, as digests (no secret is ever stored); optional, as above. */
  apiKeys?: StoredApiKey[];
  /** The activity feed, oldest first; optional, as above. */
  activity?: ActivityEvent[];
  /** Secrets with their values (reveal must answer them after a restart); optional, as above. */
  secrets?: StoredSecret[];
  /** RunMesh nodes in approval order; optional, as above. */
  runmeshNodes?: StoredNode[];
  /** Workflow triggers (with webhook secrets) and runs; optional, as above. */
  workflows?: ReturnType<WorkflowStore["exportAll"]>;
  /** OAuth connections and BYOA configurations (with client secrets); optional, as above. */
  oauth?: OAuthSnapshot;
  /** Credits, ledger, usage and checkout sessions; optional (without it: a new organization's sign-up credits). */
  billing?: BillingState;
  /** Sandboxes' and workspaces' files (files/file-entries.ts); optional, as above, and left out when there are none. */
  files?: FileTreeDocument[];
  /** Thread attachments with their bytes (base64); optional, as above. */
  attachments?: StoredAttachment[];
  /** Installed and custom Tool Hub tools (custom ones with their code); optional, as above. */
  toolHub?: { installed: ToolInstallation[]; custom: StoredCustomTool[] };
  /** Catalog agents installed into a sandbox and workspace; optional, as above. */
  installableAgentInstalls?: InstallableAgentInstall[];
}

/** A whole snapshot. */
export interface StateDocument {
  format: typeof STATE_FORMAT;
  version: typeof STATE_VERSION;
  exportedAt: string;
  organizations: OrganizationSnapshot[];
}

/**
 * Exports organizations (all, or the ones named; a named one without state is left out) as a
 * document. Linear in the organizations: one lookup each (a list search per organization made an
 * export of 30,000 organizations take minutes, and every `--persist` write pays an export).
 */
export function exportState(state: MockState, exportedAt: Date, orgIds: readonly string[] = state.orgIds()): StateDocument {
  const organizations: OrganizationSnapshot[] = [];
  for (const id of orgIds) {
    const org = state.find(id);
    if (org) organizations.push(exportOrg(org));
  }
  return { format: STATE_FORMAT, version: STATE_VERSION, exportedAt: exportedAt.toISOString(), organizations };
}

/** One organization's part of a document (also what --persist logs of an organization, change-records.ts). */
export function exportOrg(org: OrgState): OrganizationSnapshot {
  return {
    id: org.orgId,
    workspaces: org.workspaces.exportAll(),
    sandboxes: org.sandboxes.exportAll(),
    agents: org.agents.exportAll(),
    threads: org.threads.exportAll(),
    runs: org.runs.exportAll(),
    organization: org.organization.exportAll(),
    apiKeys: org.apiKeys.exportAll(),
    activity: org.activity.exportAll(),
    secrets: org.secrets.exportAll(),
    runmeshNodes: org.runmesh.exportAll(),
    workflows: org.workflows.exportAll(),
    oauth: org.oauth.exportAll(),
    billing: org.billing.exportAll(),
    ...filesOf(org),
    attachments: org.attachments.exportAll(),
    toolHub: org.tools.exportAll(),
    installableAgentInstalls: org.installs.exportAll(),
  };
}

/** The organization's file trees, as `{ files }`, or nothing when it has none (documents stay as they were). */
export function filesOf(org: OrgState): { files?: FileTreeDocument[] } {
  const files: FileTreeDocument[] = [];
  for (const workspace of org.workspaces.exportAll()) {
    const entries = org.workspaces.filesOf(workspace.id)?.entries() ?? [];
    // A tree that holds only its root is what a new workspace has: left out, so documents stay small.
    if (entries.length > 1) files.push({ owner: "workspace", id: workspace.id, entries: encodeEntries(entries) });
  }
  for (const tree of org.sandboxes.exportFiles()) files.push({ owner: "sandbox", id: tree.id, entries: encodeEntries(tree.entries) });
  return files.length > 0 ? { files } : {};
}

/**
 * Gives the organization's resources their file trees (after the resources are imported). Each
 * tree is checked whole by its holder; the error points at the tree, or at the entry at fault.
 */
function importFiles(org: OrgState, trees: readonly FileTreeDocument[], at: string, now: Date): void {
  trees.forEach((tree, j) => {
    const where = `${at}/files/${j}`;
    try {
      const entries = decodeEntries(tree.entries, now);
      if (tree.owner === "workspace") restoreWorkspaceFiles(org, tree.id, entries, where);
      else org.sandboxes.importFiles(tree.id, entries);
    } catch (error) {
      if (error instanceof SnapshotError) throw error;
      if (error instanceof FileEntryError) throw new SnapshotError(`${where}/entries${error.pointer}`, error.message);
      if (error instanceof SandboxFilesError) throw new SnapshotError(error.index === undefined ? `${where}/entries` : `${where}/entries/${error.index}`, error.message);
      throw new SnapshotError(`${where}/id`, (error as Error).message);
    }
  });
}

/**
 * Imports a document: `replace` makes it the whole state; `merge` replaces only the organizations
 * it names. Every organization is first built aside, so a document that fails part-way (duplicate
 * ids, broken sequences) changes nothing; the error says where.
 *
 * `owned`: nobody else holds the document (start-up parsed it from the files and drops it after),
 * so the stores may keep its agents, frozen, instead of copying them: at 100k agents the copy was
 * a tenth of start-up. Anyone else's document is copied, as it may still be changed.
 * `sealed`: a snapshot this mock wrote from its own stores (state-log.ts), whose agent ids are
 * unique and whose references resolve already: neither is checked again, and agent ids are not
 * indexed until one is looked up.
 */
export function importState(
  state: MockState,
  document: StateDocument,
  mode: "replace" | "merge",
  fresh: (orgId: string) => OrgState,
  { owned = false, sealed = false }: { owned?: boolean; sealed?: boolean } = {},
): number {
  const built = document.organizations.map((snapshot, index) => {
    // Agents are keyed by slug in their store; their ids must be unique too (spec/control.yaml importState).
    const agentIds = new Set<string>();
    if (!sealed) {
      snapshot.agents.forEach((agent, j) => {
        if (agentIds.has(agent.id)) throw new SnapshotError(`/organizations/${index}/agents/${j}/id`, `agent id '${agent.id}' appears twice`);
        agentIds.add(agent.id);
      });
    }
    if (!sealed) checkReferences(snapshot, `/organizations/${index}`);
    const org = fresh(snapshot.id);
    try {
      org.workspaces.importAll(snapshot.workspaces);
      org.sandboxes.importAll(snapshot.sandboxes);
      org.agents.importAll(snapshot.agents, { owned, sealed });
      org.threads.importAll(snapshot.threads);
      org.runs.importAll(snapshot.runs);
      if (snapshot.organization) org.organization.importAll(snapshot.organization);
      org.apiKeys.importAll(snapshot.apiKeys ?? []);
      org.activity.importAll(snapshot.activity ?? []);
      org.secrets.importAll(snapshot.secrets ?? []);
      org.runmesh.importAll(snapshot.runmeshNodes ?? []);
      org.workflows.importAll(snapshot.workflows ?? { triggers: [], runs: [] });
      org.oauth.importAll(snapshot.oauth ?? { connections: [], configs: [] });
      if (snapshot.billing) org.billing.importAll(snapshot.billing);
      org.attachments.importAll(snapshot.attachments ?? []);
      if (snapshot.toolHub) org.tools.importAll(snapshot.toolHub);
      org.installs.importAll(snapshot.installableAgentInstalls ?? []);
    } catch (error) {
      throw new SnapshotError(`/organizations/${index}`, (error as Error).message);
    }
    importFiles(org, snapshot.files ?? [], `/organizations/${index}`, new Date(document.exportedAt));
    return org;
  });
  const ids = new Set<string>();
  document.organizations.forEach((snapshot, index) => {
    if (ids.has(snapshot.id)) throw new SnapshotError(`/organizations/${index}/id`, `organization '${snapshot.id}' appears twice`);
    ids.add(snapshot.id);
  });
  if (mode === "replace") state.reset();
  for (const org of built) state.put(org.orgId, org);
  return built.length;
}

/** Gives an imported workspace its files (checked whole by its tree: nothing changes on an error). */
function restoreWorkspaceFiles(org: OrgState, workspaceId: string, entries: RawEntry[], where: string): void {
  if (!org.workspaces.filesOf(workspaceId)) throw new SnapshotError(`${where}/id`, `workspace '${workspaceId}' is not in this organization`);
  const nesting = nestingProblem(entries);
  if (nesting) throw new SnapshotError(`${where}/entries/${nesting.index}/path`, nesting.message);
  try {
    org.workspaces.restoreFiles(workspaceId, entries);
  } catch (error) {
    if (!(error instanceof FileTreeError)) throw error;
    const index = entries.findIndex((entry) => entry.path === error.path);
    throw new SnapshotError(index === -1 ? `${where}/entries` : `${where}/entries/${index}`, error.message);
  }
}

/**
 * What a resource names must be in its organization, as the mock itself keeps it: a deleted
 * sandbox stays as a destroyed record and a forced workspace delete removes its mounts and agent
 * references, so agents' sandboxes, attached resources and mounts always resolve. (Threads and
 * runs may outlive their agent, so their agentId is not checked.)
 */
function checkReferences(snapshot: OrganizationSnapshot, at: string): void {
  const sandboxes = new Set(snapshot.sandboxes.map((s) => s.id));
  const workspaces = new Set(snapshot.workspaces.map((w) => w.id));
  snapshot.sandboxes.forEach((sandbox, i) =>
    sandbox.mounts.forEach((mount, j) => {
      if (!workspaces.has(mount.workspaceId)) throw new SnapshotError(`${at}/sandboxes/${i}/mounts/${j}/workspaceId`, `workspace '${mount.workspaceId}' is not in this organization`);
    }),
  );
  (snapshot.installableAgentInstalls ?? []).forEach((install, i) => {
    if (!sandboxes.has(install.sandboxId)) throw new SnapshotError(`${at}/installableAgentInstalls/${i}/sandboxId`, `sandbox '${install.sandboxId}' is not in this organization`);
    if (!workspaces.has(install.workspaceId)) throw new SnapshotError(`${at}/installableAgentInstalls/${i}/workspaceId`, `workspace '${install.workspaceId}' is not in this organization`);
  });
  snapshot.agents.forEach((agent, i) => {
    if (agent.sandboxId !== null && !sandboxes.has(agent.sandboxId)) throw new SnapshotError(`${at}/agents/${i}/sandboxId`, `sandbox '${agent.sandboxId}' is not in this organization`);
    agent.attachedResources.forEach((resource, j) => {
      const known = resource.type === "workspace" ? workspaces : sandboxes;
      if (!known.has(resource.resourceId)) throw new SnapshotError(`${at}/agents/${i}/attachedResources/${j}/resourceId`, `${resource.type} '${resource.resourceId}' is not in this organization`);
    });
  });
}

/** A document that is well-formed but cannot be loaded; `pointer` says where. */
export class SnapshotError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(message);
    this.name = "SnapshotError";
  }
}
