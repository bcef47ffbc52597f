/**
 * Checks a state document before it is loaded (`PUT /__mock/state`, `--data`, `--persist`):
 * the document against spec/control.yaml's `StateDocument`, and every resource in it against its
 * own schema of spec/openapi.yaml, so that seeded data can never make the mock answer off-spec.
 */
import type { ValidationDetail } from "../core/errors.ts";
import type { SpecValidators } from "../spec/validators.ts";

/** The public schema each list of an organization holds. */
const RESOURCE_SCHEMAS = [
  ["workspaces", "Workspace"],
  ["sandboxes", "Sandbox"],
  ["agents", "Agent"],
] as const;

/** Every violation in a document, as JSON pointers under `prefix` (`/body` for a request). */
export function checkStateDocument(document: unknown, control: SpecValidators, publicApi: SpecValidators, prefix = "/body"): ValidationDetail[] {
  const rebase = (details: ValidationDetail[], at: string) => details.map((d) => ({ path: at + d.path.replace(/^\/body/, ""), message: d.message }));
  const problems = rebase(control.component("StateDocument")(document), prefix);
  if (problems.length > 0) return problems;
  const organizations = (document as { organizations: Record<string, unknown>[] }).organizations;
  organizations.forEach((org, i) => {
    const at = `${prefix}/organizations/${i}`;
    for (const [list, schema] of RESOURCE_SCHEMAS) {
      (org[list] as unknown[]).forEach((item, j) => problems.push(...rebase(publicApi.component(schema)(item), `${at}/${list}/${j}`)));
    }
    (org.threads as { thread: unknown; events: unknown[] }[]).forEach((entry, j) => {
      problems.push(...rebase(publicApi.component("Thread")(entry.thread), `${at}/threads/${j}/thread`));
      entry.events.forEach((event, k) => problems.push(...rebase(publicApi.component("ThreadEvent")(event), `${at}/threads/${j}/events/${k}`)));
    });
    (org.runs as { run: unknown }[]).forEach((entry, j) => problems.push(...rebase(publicApi.component("RunSummary")(entry.run), `${at}/runs/${j}/run`)));
    const account = org as { organization?: { members: unknown[] }; apiKeys?: { key: unknown }[]; activity?: unknown[]; secrets?: { secret: unknown }[] };
    const toolHub = (org as { toolHub?: { installed: unknown[]; custom: { tool: unknown }[] } }).toolHub;
    toolHub?.installed.forEach((entry, j) => problems.push(...rebase(publicApi.component("ToolInstallation")(entry), `${at}/toolHub/installed/${j}`)));
    toolHub?.custom.forEach((entry, j) => problems.push(...rebase(publicApi.component("CustomTool")(entry.tool), `${at}/toolHub/custom/${j}/tool`)));
    (org as { installableAgentInstalls?: unknown[] }).installableAgentInstalls?.forEach((install, j) => problems.push(...rebase(publicApi.component("InstallableAgentInstall")(install), `${at}/installableAgentInstalls/${j}`)));
    account.secrets?.forEach((entry, j) => problems.push(...rebase(publicApi.component("Secret")(entry.secret), `${at}/secrets/${j}/secret`)));
    (org.runmeshNodes as { node: unknown }[] | undefined)?.forEach((entry, j) => problems.push(...rebase(publicApi.component("RunMeshNode")(entry.node), `${at}/runmeshNodes/${j}/node`)));
    const workflows = org.workflows as { triggers: { trigger: unknown }[]; runs: unknown[] } | undefined;
    workflows?.triggers.forEach((entry, j) => problems.push(...rebase(publicApi.component("WorkflowTrigger")(entry.trigger), `${at}/workflows/triggers/${j}/trigger`)));
    workflows?.runs.forEach((run, j) => problems.push(...rebase(publicApi.component("WorkflowRun")(run), `${at}/workflows/runs/${j}`)));
    const oauth = org.oauth as { connections: unknown[]; configs: { config: unknown }[] } | undefined;
    oauth?.connections.forEach((c, j) => problems.push(...rebase(publicApi.component("OAuthConnection")(c), `${at}/oauth/connections/${j}`)));
    oauth?.configs.forEach((c, j) => problems.push(...rebase(publicApi.component("ByoaConfig")(c.config), `${at}/oauth/configs/${j}/config`)));
    (org.attachments as { attachment: unknown }[] | undefined)?.forEach((entry, j) => problems.push(...rebase(publicApi.component("Attachment")(entry.attachment), `${at}/attachments/${j}/attachment`)));
    account.organization?.members.forEach((member, j) => problems.push(...rebase(publicApi.component("OrganizationMember")(member), `${at}/organization/members/${j}`)));
    account.apiKeys?.forEach((entry, j) => problems.push(...rebase(publicApi.component("ApiKey")(entry.key), `${at}/apiKeys/${j}/key`)));
    account.activity?.forEach((event, j) => problems.push(...rebase(publicApi.component("ActivityEvent")(event), `${at}/activity/${j}`)));
    (org as { billing?: { ledger: unknown[] } }).billing?.ledger.forEach((entry, j) => problems.push(...rebase(publicApi.component("CreditLedgerEntry")(entry), `${at}/billing/ledger/${j}`)));
    // Resources that name their organization must name this one.
    const owned = [...(org.agents as { orgId?: string }[]).map((a, j) => [a.orgId, `${at}/agents/${j}/orgId`] as const), ...(org.threads as { thread: { orgId?: string } }[]).map((t, j) => [t.thread.orgId, `${at}/threads/${j}/thread/orgId`] as const), ...((org.activity ?? []) as { orgId?: string }[]).map((e, j) => [e.orgId, `${at}/activity/${j}/orgId`] as const)];
    for (const [orgId, path] of owned) if (orgId !== undefined && orgId !== org.id) problems.push({ path, message: `must equal the organization's id (${String(org.id)})` });
  });
  return problems;
}

/**
 * The fields the sandbox object gained from the docs (owner, project, addresses, SSH), with the
 * values a sandbox created without them shows: a state document written before they existed
 * (`--data`, `--persist`, `PUT /__mock/state`) loads as it did, with them filled in.
 */
const SANDBOX_FIELD_DEFAULTS = {
  ownerUserId: null,
  ownerDisplayName: null,
  ownerEmail: null,
  projectId: null,
  ip: null,
  publicIp: null,
  sshAccessConfigured: false,
  sshAuthMethod: null,
} as const;

/** Fills in, in place, what a document written by an earlier version of the mock lacks; call before checking it. */
export function upgradeStateDocument(document: unknown): void {
  const organizations = (document as { organizations?: unknown } | null)?.organizations;
  if (!Array.isArray(organizations)) return;
  for (const org of organizations) {
    const sandboxes = (org as { sandboxes?: unknown } | null)?.sandboxes;
    if (!Array.isArray(sandboxes)) continue;
    for (const sandbox of sandboxes) {
      if (sandbox === null || typeof sandbox !== "object" || Array.isArray(sandbox)) continue;
      for (const [field, value] of Object.entries(SANDBOX_FIELD_DEFAULTS)) if (!(field in sandbox)) (sandbox as Record<string, unknown>)[field] = value;
    }
  }
}
