/**
 * The marketplace the mock knows: the tools the docs name ("Tool slug, such as github, gmail, or
 * slack", /api-reference/tools/install; "github, gmail, slack. More coming soon.", /features/agents).
 * Each installs as the docs' example shows github: OAuth, no required fields. Kept as data so that a
 * tool the docs add later is one line here.
 */
import type { ToolInstallation } from "../../api-types.ts";

/** How a catalog tool installs. */
export type CatalogTool = Omit<ToolInstallation, "installed">;

const OAUTH = { credentialsRequired: true, credentialMode: "oauth", requiredCredentialFields: [] } as const;

/** The marketplace, by slug. */
export const MARKETPLACE: ReadonlyMap<string, CatalogTool> = new Map(
  (["github", "gmail", "slack"] as const).map((slug) => [slug, { slug, ...OAUTH, requiredCredentialFields: [] }]),
);
