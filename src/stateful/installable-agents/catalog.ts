/**
 * The installable-agent catalog the mock knows. The docs name one agent, Hermes ("Send a chat
 * message to Hermes", /api-reference/installable-agents/send-a-chat-message-to-hermes); its
 * repository, default ref and command are inferred [I] (the docs give only "Defaults to catalog
 * defaultRef" and a `commandName` field). Kept as data so that a correction is one line here.
 */

/** How a catalog agent installs. */
export interface CatalogAgent {
  displayName: string;
  repoUrl: string;
  defaultRef: string;
  commandName: string;
}

/** The catalog, by slug. */
export const INSTALLABLE_AGENTS: ReadonlyMap<string, CatalogAgent> = new Map([
  ["hermes", { displayName: "Hermes", repoUrl: "https://github.com/NousResearch/hermes-agent", defaultRef: "main", commandName: "hermes" }],
]);
