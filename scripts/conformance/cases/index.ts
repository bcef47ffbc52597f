/**
 * The case table, one file per spec tag. Coverage is derived from the spec, not from this table:
 * a status the spec documents for an operation and no case provokes shows as uncovered (runner.ts).
 */
import { healthCases } from "./health.ts";
import { agentsCases } from "./agents.ts";
import { sandboxesCases } from "./sandboxes.ts";
import { workspacesCases } from "./workspaces.ts";
import { workspaceFilesCases } from "./workspace-files.ts";
import { runsCases } from "./runs.ts";
import { threadsCases } from "./threads.ts";
import { executeCases } from "./execute.ts";
import { organizationsCases } from "./organizations.ts";
import { apiKeysCases } from "./api-keys.ts";
import { activityCases } from "./activity.ts";
import { secretsCases } from "./secrets.ts";
import { runmeshCases } from "./runmesh.ts";
import { workflowsCases } from "./workflows.ts";
import { oauthCases } from "./oauth.ts";
import { billingCases } from "./billing.ts";
import { attachmentsCases } from "./attachments.ts";
import { toolsCases } from "./tools.ts";
import { installableAgentsCases } from "./installable-agents.ts";
import type { Case } from "./families.ts";

export type { Case } from "./families.ts";

export const cases: Case[] = [
  ...healthCases,
  ...agentsCases,
  ...sandboxesCases,
  ...workspacesCases,
  ...workspaceFilesCases,
  ...runsCases,
  ...threadsCases,
  ...executeCases,
  ...organizationsCases,
  ...apiKeysCases,
  ...activityCases,
  ...secretsCases,
  ...runmeshCases,
  ...workflowsCases,
  ...oauthCases,
  ...billingCases,
  ...attachmentsCases,
  ...toolsCases,
  ...installableAgentsCases,
];
