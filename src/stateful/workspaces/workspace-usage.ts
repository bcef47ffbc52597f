/**
 * Who uses a workspace, and deleting one (docs: /api-reference/workspaces/workspace-reference-summary,
 * /api-reference/workspaces/manage). These rules span the organization's stores, so they live
 * here rather than in any one of them:
 *   - a workspace is used by the live sandboxes that mount it, by the agents that attach it as a
 *     resource, by the in_sandbox agents whose sandbox mounts it, and by the installed catalog
 *     agents that keep their state on it;
 *   - deleting a workspace in use is 409 `WORKSPACE_IN_USE` naming the users, unless forced;
 *     a forced delete first removes the mounts, agent references and installs that pointed at it.
 */
import type { Agent, WorkspaceUsage } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { OrgState } from "../../state.ts";

/** The reference summary of one workspace. */
export function workspaceUsage(org: OrgState, workspaceId: string): WorkspaceUsage {
  const workspace = org.workspaces.get(workspaceId);
  const mounted = org.sandboxes.mountsOf(workspaceId);
  const customAgents = agentsUsing(org.agents.all(), workspaceId, new Set(mounted.map((m) => m.sandboxId)));
  const installs = org.installs.all().filter((install) => install.workspaceId === workspaceId);
  return {
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    inUse: mounted.length + customAgents.length + installs.length > 0,
    counts: { mountedSandboxes: mounted.length, installableAgents: installs.length, customAgents: customAgents.length },
    mountedSandboxes: mounted,
    installableAgents: installs.map((install) => ({
      installId: install.id,
      displayName: install.displayName,
      agentSlug: install.agentSlug,
      status: install.status,
      sandboxId: install.sandboxId,
      sandboxName: install.sandboxName,
    })),
    customAgents: customAgents.map((agent) => ({
      agentId: agent.id,
      name: agent.name,
      slug: agent.slug,
      executionMode: agent.executionMode,
      sandboxId: agent.sandboxId,
      sandboxName: agent.sandboxSlug,
    })),
  };
}

/** Deletes a workspace; in use and not forced → 409 WORKSPACE_IN_USE, and nothing changes. */
export function deleteWorkspace(org: OrgState, workspaceId: string, force: boolean): { id: string } {
  // The personal workspace refuses deletion outright, used or not.
  org.workspaces.assertRemovable(workspaceId);
  const usage = workspaceUsage(org, workspaceId);
  if (usage.inUse && !force) {
    const users = [
      ...usage.mountedSandboxes.map((s) => `sandbox '${s.sandboxName}'`),
      ...usage.customAgents.map((a) => `agent '${a.slug}'`),
      ...usage.installableAgents.map((i) => `installed agent '${i.displayName}'`),
    ];
    throw new ApiError(
      "WORKSPACE_IN_USE",
      `Workspace '${usage.workspaceName}' is in use by ${joinNames(users)}; pass force=true to delete it anyway`,
    );
  }
  org.sandboxes.releaseWorkspace(workspaceId);
  org.agents.detachWorkspace(workspaceId);
  org.installs.releaseWorkspace(workspaceId);
  org.workspaces.remove(workspaceId);
  return { id: workspaceId };
}

function agentsUsing(agents: readonly Agent[], workspaceId: string, mountingSandboxes: ReadonlySet<string>): Agent[] {
  return agents.filter(
    (agent) =>
      agent.attachedResources.some((r) => r.type === "workspace" && r.resourceId === workspaceId) ||
      (agent.executionMode === "in_sandbox" && agent.sandboxId !== null && mountingSandboxes.has(agent.sandboxId)),
  );
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
