/**
 * InstallStore without HTTP (issue 15, installable agents; docs: /api-reference/installable-agents/*).
 * The organization comes from createState, so the workspace summary and delete rules are the mock's.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { ScriptBook } from "../../control/scripts.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { createState, type OrgState } from "../../state.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { deleteWorkspace, workspaceUsage } from "../workspaces/workspace-usage.ts";

const validators = compileValidators(loadSpec());
const installSchema = validators.component("InstallableAgentInstall");
const frameSchema = validators.component("InstallChatStreamEvent");
const ORG = "11111111-1111-4111-8111-111111111111";
const actor = { orgId: ORG, userId: "22222222-2222-4222-8222-222222222222" };
const hello = { messages: [{ role: "user" as const, content: "hello" }] };

let clock: ManualClock;
let scripts: ScriptBook;
let org: OrgState;
let workspaceId: string;

beforeEach(() => {
  clock = new ManualClock();
  const ids = new CountingIds();
  scripts = new ScriptBook(ids, () => clock.now());
  org = createState({ clock, ids, bootDelayMs: 0, streamDelayMs: 0, scripts }).forOrg(ORG);
  org.sandboxes.create({ template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [], name: "build-runner" });
  workspaceId = org.workspaces.create({ name: "Data", slug: "data" }, actor).id;
  clock.nextRequest();
});

function install(extra: Record<string, unknown> = {}) {
  return org.installs.install("hermes", { sandboxId: "build-runner", workspaceId, ...extra }, actor);
}

describe("installing", () => {
  it("answers installing with every documented field, then ready from the next request on", () => {
    const created = install();
    expect(installSchema(created)).toEqual([]);
    expect(created).toMatchObject({ agentSlug: "hermes", displayName: "Hermes", status: "installing", requestedRef: null, sandboxName: "build-runner", workspaceName: "Data", sandboxStatus: "running", commandName: "hermes" });
    expect(org.installs.get(created.id).status).toBe("installing");
    clock.nextRequest();
    expect(org.installs.get(created.id).status).toBe("ready");
    const [event] = org.activity.list({ installableAgentInstallId: created.id }, 10).items;
    expect(event).toMatchObject({ eventType: "installable_agent.installed", resourceType: "installable_agent_install", workspaceId, sandboxId: created.sandboxId });
  });

  it("resolves the ref to the same commit id for the same repository and ref, another for another ref", () => {
    const main = install();
    expect(install().resolvedRef).toBe(main.resolvedRef);
    const tagged = install({ ref: "v1.2.0", repoUrl: "https://github.com/acme/hermes-fork/", displayName: "Fork", avatarSeed: "ab" });
    expect(tagged).toMatchObject({ requestedRef: "v1.2.0", repoUrl: "https://github.com/acme/hermes-fork", displayName: "Fork", metadataJson: { avatarSeed: "ab" } });
    expect(tagged.resolvedRef).not.toBe(main.resolvedRef);
    const sha = "a".repeat(40);
    expect(install({ ref: sha }).resolvedRef).toBe(sha);
  });

  it("answers 404 for an unknown catalog agent, sandbox or workspace, 409 for a paused sandbox, recording nothing", () => {
    expect(apiErrorOf(() => org.installs.install("nope", { sandboxId: "build-runner", workspaceId }, actor)).status).toBe(404);
    expect(apiErrorOf(() => install({ sandboxId: "missing" })).status).toBe(404);
    expect(apiErrorOf(() => install({ workspaceId: "9b84ef42-9c3a-4930-9d4c-45c7f5c22d8e" })).status).toBe(404);
    org.sandboxes.pause("build-runner");
    clock.nextRequest();
    expect(apiErrorOf(() => install()).status).toBe(409);
    expect(org.installs.all()).toEqual([]);
    expect(org.activity.list({ resourceType: "installable_agent_install" }, 10).items).toEqual([]);
  });
});

describe("the workspace an install uses", () => {
  it("lists the install in the workspace usage and makes the workspace in use; a forced delete removes it", () => {
    const created = install();
    const usage = workspaceUsage(org, workspaceId);
    expect(usage).toMatchObject({ inUse: true, counts: { installableAgents: 1 } });
    expect(usage.installableAgents).toEqual([{ installId: created.id, displayName: "Hermes", agentSlug: "hermes", status: "installing", sandboxId: created.sandboxId, sandboxName: "build-runner" }]);
    const refused = apiErrorOf(() => deleteWorkspace(org, workspaceId, false));
    expect(refused.code).toBe("WORKSPACE_IN_USE");
    expect(refused.message).toContain("installed agent 'Hermes'");
    deleteWorkspace(org, workspaceId, true);
    expect(apiErrorOf(() => org.installs.get(created.id)).status).toBe(404);
  });
});

describe("chatting", () => {
  it("answers the last user message in frames valid against the spec, recording the chat", () => {
    const { id } = install();
    clock.nextRequest();
    const turn = org.installs.chat(id, { messages: [{ role: "user", content: "first" }, { role: "assistant", content: "ok" }, { role: "user", parts: [{ type: "text", text: "hello there" }] }] }, actor);
    expect(turn.content).toBe("[hermes] You said: hello there");
    expect(turn.threadId).toMatch(/^ith_/);
    for (const frame of turn.frames) expect(frameSchema(frame)).toEqual([]);
    expect(turn.frames.map((f) => f.type)).toEqual(["chat_started", "text_delta", "text_delta", "text_delta", "text_delta", "text_delta", "chat_completed"]);
    expect(turn.frames.filter((f) => f.type === "text_delta").map((f) => (f as { delta: string }).delta).join("")).toBe(turn.content);
    expect(org.installs.chat(id, { ...hello, threadId: "my-thread" }, actor).threadId).toBe("my-thread");
    expect(org.activity.list({ eventType: "installable_agent.chat.completed" }, 10).items).toHaveLength(2);
  });

  it("answers a reply script's text for the install's agent slug", () => {
    const { id } = install();
    clock.nextRequest();
    scripts.addReply({ agent: "hermes", prompt: "^hello$", text: "Hi from a script." });
    expect(org.installs.chat(id, hello, actor).content).toBe("Hi from a script.");
  });

  it("answers 409 while installing or when the sandbox is paused, 404 for an unknown install, 400 without a user message", () => {
    const { id } = install();
    expect(apiErrorOf(() => org.installs.chat(id, hello, actor)).status).toBe(409);
    clock.nextRequest();
    expect(apiErrorOf(() => org.installs.chat(id, { messages: [{ role: "system", content: "x" }] }, actor)).details?.[0]?.path).toBe("/body/messages");
    expect(apiErrorOf(() => org.installs.chat("9b84ef42-9c3a-4930-9d4c-45c7f5c22d8e", hello, actor)).status).toBe(404);
    org.sandboxes.pause("build-runner");
    clock.nextRequest();
    expect(apiErrorOf(() => org.installs.chat(id, hello, actor)).status).toBe(409);
  });
});

describe("snapshots", () => {
  it("exports installs and imports them; an installing one is ready after the next request", () => {
    const created = install();
    const exported = org.installs.exportAll();
    const copy = createState({ clock, ids: new CountingIds(), bootDelayMs: 0, streamDelayMs: 0 }).forOrg(ORG);
    copy.sandboxes.importAll(org.sandboxes.exportAll());
    copy.workspaces.importAll(org.workspaces.exportAll());
    copy.installs.importAll(exported);
    expect(copy.installs.get(created.id).status).toBe("ready");
    expect(() => copy.installs.importAll(exported)).toThrow(/appears twice/);
  });
});
