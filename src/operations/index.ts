/**
 * Every handler, by operationId. `satisfies HandlerTable` makes a spec operation without a
 * handler (or a handler the spec does not declare) a compile error, not a runtime 501.
 */
import * as agents from "./agents.ts";
import * as execute from "./execute.ts";
import * as health from "./health.ts";
import * as runs from "./runs.ts";
import * as sandboxes from "./sandboxes.ts";
import * as threads from "./threads.ts";
import * as workspaces from "./workspaces.ts";
import * as workspaceFiles from "./workspace-files.ts";
import * as organizations from "./organizations.ts";
import * as apiKeys from "./api-keys.ts";
import * as activity from "./activity.ts";
import * as secrets from "./secrets.ts";
import * as runmesh from "./runmesh.ts";
import * as workflows from "./workflows.ts";
import * as oauth from "./oauth.ts";
import * as billing from "./billing.ts";
import * as attachments from "./attachments.ts";
import * as tools from "./tools.ts";
import * as terminal from "./terminal.ts";
import * as installableAgents from "./installable-agents.ts";
import type { HandlerTable } from "./types.ts";

export const handlers = {
  ...health,
  ...agents,
  ...sandboxes,
  ...workspaces,
  ...workspaceFiles,
  ...runs,
  ...threads,
  ...execute,
  ...organizations,
  ...apiKeys,
  ...activity,
  ...secrets,
  ...runmesh,
  ...workflows,
  ...oauth,
  ...billing,
  ...attachments,
  ...tools,
  ...terminal,
  ...installableAgents,
} satisfies HandlerTable;
