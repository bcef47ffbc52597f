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
import { ActivityLog } from "./stateful/activity/activity-log.ts";
import { recordRunEvent } from "./stateful/activity/recorders.ts";
import { ApiKeyStore } from "./stateful/keys/api-keys.store.ts";
import { KeyDirectory } from "./stateful/keys/issued-keys.ts";
import { OrganizationStore } from "./stateful/organizations/organization.store.ts";
import { SecretStore } from "./stateful/secrets/secrets.store.ts";
import { RunMeshStore } from "./stateful/runmesh/mesh.store.ts";
import { WebhookDirectory } from "./stateful/workflows/webhook-directory.ts";
import { WorkflowStore } from "./stateful/workflows/workflows.store.ts";
import { OAuthStore } from "./stateful/oauth/oauth.store.ts";
import { BillingStore } from "./stateful/billing/billing.store.ts";
import { billRunEvent } from "./stateful/billing/run-usage.ts";
import { AttachmentStore } from "./stateful/attachments/attachments.store.ts";
import { ToolHubStore } from "./stateful/tools/tool-hub.store.ts";
import { TerminalSessions } from "./stateful/sandboxes/terminal-sessions.ts";
import { InstallStore } from "./stateful/installable-agents/installs.store.ts";

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
  /** The organization's profile and members. */
  organization: OrganizationStore;
  /** API keys issued through `POST /v1/api-keys`. */
  apiKeys: ApiKeyStore;
  /** Every state change, for the activity feed. */
  activity: ActivityLog;
  /** Secrets, private to their owner or organization-wide. */
  secrets: SecretStore;
  /** RunMesh nodes: the organization's approved devices. */
  runmesh: RunMeshStore;
  /** Workflow triggers (cron, webhook) and the runs they started. */
  workflows: WorkflowStore;
  /** OAuth connections, device-code attempts and BYOA configurations (the auth service). */
  oauth: OAuthStore;
  /** Credits: balance, ledger, usage, top-ups. */
  billing: BillingStore;
  /** Thread attachments and their bytes. */
  attachments: AttachmentStore;
  /** Installed and custom Tool Hub tools. */
  tools: ToolHubStore;
  /** One-time browser terminal sessions on running sandboxes. */
  terminals: TerminalSessions;
  /** Catalog agents installed into a sandbox and workspace. */
  installs: InstallStore;
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
  /** Which organization issued which API key (shared by every organization's key store). */
  keyDirectory?: KeyDirectory;
  /** Which organization owns which workflow webhook (shared by every organization's workflow store). */
  webhookDirectory?: WebhookDirectory;
}

/** All organizations' state, created lazily. */
export type MockState = OrgBundle<OrgState>;

/** Builds the empty state of a mock. */
export function createState(deps: StateDeps): MockState {
  const keyDirectory = deps.keyDirectory ?? new KeyDirectory();
  const webhookDirectory = deps.webhookDirectory ?? new WebhookDirectory();
  return new OrgBundle((orgId) => {
    const activity = new ActivityLog({ orgId, clock: deps.clock, ids: deps.ids });
    const organization = new OrganizationStore({ orgId, clock: deps.clock });
    const apiKeys = new ApiKeyStore({ clock: deps.clock, ids: deps.ids, activity, onIssue: (digest) => keyDirectory.issued(digest, orgId) });
    const secrets = new SecretStore({ clock: deps.clock, activity });
    const tools = new ToolHubStore({
      clock: deps.clock,
      ids: deps.ids,
      activity,
      secretValue: (name, actor) => secrets.valueOf(name, actor),
      scripted: (slug, request) => deps.scripts?.takeTool(orgId, slug, request),
    });
    const workspaces = new WorkspaceStore({ clock: deps.clock, ids: deps.ids });
    const billing = new BillingStore({ orgId, clock: deps.clock, ids: deps.ids, settleSandboxes: () => sandboxes.settleAll() });
    const { scripts } = deps;
    const sandboxes = new SandboxStore({
      clock: deps.clock,
      ids: deps.ids,
      bootDelayMs: deps.bootDelayMs,
      workspaces,
      scriptedExec: (request, sandbox) => scripts?.takeExec(orgId, sandbox, request),
      onRunning: (sandboxId, running, at) => billing.sandboxRunning(sandboxId, running, at),
    });
    const agents = new AgentStore({ clock: deps.clock, ids: deps.ids, sandboxes, workspaces });
    const runs = new RunStore({ clock: deps.clock, ids: deps.ids });
    const threads = new ThreadStore({ clock: deps.clock, ids: deps.ids, onAppend: (event, thread) => {
        const run = event.runId === null ? undefined : runs.find(event.runId);
        const agent = run && agents.find(run.agentId);
        recordRunEvent(activity, event, thread, run, agent?.executionMode === "local-mac" ? agent.targetDeviceId : null);
        billRunEvent(billing, event, run, (slug) => agents.find(slug)?.model);
      },
    });
    const runner = new RunService({
      clock: deps.clock,
      ids: deps.ids,
      agents,
      sandboxes,
      threads,
      runs,
      secrets,
      streamDelayMs: deps.streamDelayMs,
      tools,
      scripters: [({ agent, prompt }) => scripts?.takeReply(orgId, agent, prompt)],
    });
    const installs = new InstallStore({
      clock: deps.clock,
      ids: deps.ids,
      sandboxes,
      workspaces,
      activity,
      scriptedReply: (install, message) => scripts?.takeReply(orgId, install, message)?.text,
    });
    const runmesh = new RunMeshStore({ clock: deps.clock, ids: deps.ids, activity });
    const workflows = new WorkflowStore({ clock: deps.clock, ids: deps.ids, onWebhook: (slug) => webhookDirectory.registered(slug, orgId) });
    const attachments = new AttachmentStore({ orgId, clock: deps.clock, ids: deps.ids, threads, agents, activity });
    return { orgId, installs, workspaces, sandboxes, agents, threads, runs, runner, executor: new CodeExecutor(deps.clock), organization, apiKeys, activity, secrets, billing, attachments, runmesh, workflows, oauth: new OAuthStore({ clock: deps.clock, ids: deps.ids }), tools, terminals: new TerminalSessions({ clock: deps.clock, ids: deps.ids, sandboxes, activity }) };
  }, deps.maxOrgs);
}
