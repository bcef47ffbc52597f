/**
 * State snapshots: one organization's stores as a plain, versioned document and back
 * (spec/control.yaml `StateDocument`; LocalStack's state save/load, anchors §3 idea 3).
 * The same document feeds `GET`/`PUT /__mock/state`, `--data` and `--persist`.
 */
import type { ActivityEvent, Agent, InstallableAgentInstall, RunSummary, Sandbox, Thread, ThreadEvent, ToolInstallation, Workspace } from "../api-types.ts";
import type { StoredApiKey } from "./keys/api-keys.store.ts";
import type { StoredSecret } from "./secrets/secrets.store.ts";
import type { StoredCustomTool } from "./tools/tool-hub.store.ts";
import type { OrganizationSnapshotPart } from "./organizations/organization.store.ts";
import type { MockState, OrgState } from "../state.ts";

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

function exportOrg(org: OrgState): OrganizationSnapshot {
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
    toolHub: org.tools.exportAll(),
    installableAgentInstalls: org.installs.exportAll(),
  };
}

/**
 * Imports a document: `replace` makes it the whole state; `merge` replaces only the organizations
 * it names. Every organization is first built aside, so a document that fails part-way (duplicate
 * ids, broken sequences) changes nothing; the error says where.
 */
export function importState(state: MockState, document: StateDocument, mode: "replace" | "merge", fresh: (orgId: string) => OrgState): number {
  const built = document.organizations.map((snapshot, index) => {
    // Agents are keyed by slug in their store; their ids must be unique too (spec/control.yaml importState).
    const agentIds = new Set<string>();
    snapshot.agents.forEach((agent, j) => {
      if (agentIds.has(agent.id)) throw new SnapshotError(`/organizations/${index}/agents/${j}/id`, `agent id '${agent.id}' appears twice`);
      agentIds.add(agent.id);
    });
    checkReferences(snapshot, `/organizations/${index}`);
    const org = fresh(snapshot.id);
    try {
      org.workspaces.importAll(snapshot.workspaces);
      org.sandboxes.importAll(snapshot.sandboxes);
      org.agents.importAll(snapshot.agents);
      org.threads.importAll(snapshot.threads);
      org.runs.importAll(snapshot.runs);
      if (snapshot.organization) org.organization.importAll(snapshot.organization);
      org.apiKeys.importAll(snapshot.apiKeys ?? []);
      org.activity.importAll(snapshot.activity ?? []);
      org.secrets.importAll(snapshot.secrets ?? []);
      if (snapshot.toolHub) org.tools.importAll(snapshot.toolHub);
      org.installs.importAll(snapshot.installableAgentInstalls ?? []);
    } catch (error) {
      throw new SnapshotError(`/organizations/${index}`, (error as Error).message);
    }
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
