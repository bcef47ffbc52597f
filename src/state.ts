/**
 * The mock's whole state: one bundle of stores per organization (DESIGN.md principle 3).
 */
import type { IdSource } from "./stateful/clock.ts";
import type { LifecycleClock } from "./stateful/lifecycle-clock.ts";
import { AgentStore } from "./stateful/agents.store.ts";
import { OrgBundle } from "./stateful/org-bundle.ts";
import { SandboxStore } from "./stateful/sandboxes.store.ts";
import { WorkspaceStore } from "./stateful/workspaces.store.ts";

/** The stores of one organization. */
export interface OrgState {
  orgId: string;
  workspaces: WorkspaceStore;
  sandboxes: SandboxStore;
  agents: AgentStore;
}

/** Everything the stores are built from. */
export interface StateDeps {
  clock: LifecycleClock;
  ids: IdSource;
  bootDelayMs: number;
}

/** All organizations' state, created lazily. */
export type MockState = OrgBundle<OrgState>;

/** Builds the empty state of a mock. */
export function createState(deps: StateDeps): MockState {
  return new OrgBundle((orgId) => {
    const workspaces = new WorkspaceStore({ clock: deps.clock, ids: deps.ids });
    const sandboxes = new SandboxStore({ clock: deps.clock, ids: deps.ids, bootDelayMs: deps.bootDelayMs, workspaces });
    const agents = new AgentStore({ clock: deps.clock, ids: deps.ids, sandboxes, workspaces });
    return { orgId, workspaces, sandboxes, agents };
  });
}
