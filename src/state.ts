/**
 * The mock's whole state: one bundle of stores per organization (DESIGN.md principle 3).
 */
import type { ScriptBook } from "./control/scripts.ts";
import type { IdSource } from "./stateful/common/clock.ts";
import type { LifecycleClock } from "./stateful/common/lifecycle-clock.ts";
import { AgentStore } from "./stateful/agents/agents.store.ts";
import { OrgBundle } from "./stateful/common/org-bundle.ts";
import { RunService } from "./stateful/runs/run-service.ts";
import { RunStore } from "./stateful/runs/runs.store.ts";
import { SandboxStore } from "./stateful/sandboxes/sandboxes.store.ts";
import { ThreadStore } from "./stateful/threads/threads.store.ts";
import { WorkspaceStore } from "./stateful/workspaces/workspaces.store.ts";
import { CodeExecutor } from "./stateful/execute/code-execution.ts";

/** The stores of one organization. */
export interface OrgState {
  orgId: string;
  workspaces: WorkspaceStore;
  sandboxes: SandboxStore;
  agents: AgentStore;
  threads: ThreadStore;
  runs: RunStore;
  /** Starts runs over this organization's agents, sandboxes, threads and runs. */
  runner: RunService;
  /** Stateless code execution (`POST /v1/execute`). */
  executor: CodeExecutor;
}

/** Everything the stores are built from. */
export interface StateDeps {
  clock: LifecycleClock;
  ids: IdSource;
  bootDelayMs: number;
  /** Pause between streamed run frames, in ms. */
  streamDelayMs: number;
  /** Scripted exec output and agent replies, set through the control plane. */
  scripts?: ScriptBook;
  /** The most organizations kept (`--max-orgs`); unbounded when left out. */
  maxOrgs?: number;
}

/** All organizations' state, created lazily. */
export type MockState = OrgBundle<OrgState>;

/** Builds the empty state of a mock. */
export function createState(deps: StateDeps): MockState {
  return new OrgBundle((orgId) => {
    const workspaces = new WorkspaceStore({ clock: deps.clock, ids: deps.ids });
    const { scripts } = deps;
    const sandboxes = new SandboxStore({
      clock: deps.clock,
      ids: deps.ids,
      bootDelayMs: deps.bootDelayMs,
      workspaces,
      scriptedExec: (request, sandbox) => scripts?.takeExec(orgId, sandbox, request),
    });
    const agents = new AgentStore({ clock: deps.clock, ids: deps.ids, sandboxes, workspaces });
    const threads = new ThreadStore({ clock: deps.clock, ids: deps.ids });
    const runs = new RunStore({ clock: deps.clock, ids: deps.ids });
    const runner = new RunService({
      clock: deps.clock,
      ids: deps.ids,
      agents,
      sandboxes,
      threads,
      runs,
      streamDelayMs: deps.streamDelayMs,
      scripters: [({ agent, prompt }) => scripts?.takeReply(orgId, agent, prompt)],
    });
    return { orgId, workspaces, sandboxes, agents, threads, runs, runner, executor: new CodeExecutor(deps.clock) };
  }, deps.maxOrgs);
}
