/**
 * Installable agents, black-box through the real server (issue 15; spec tag `installable-agents`):
 * install into a sandbox and workspace, the workspace usage answer, and chat as JSON or as
 * server-sent events validated frame by frame. The server's own response validation must log no
 * violation.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { InstallableAgentInstall, Workspace, WorkspaceUsage } from "../../src/api-types.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { readStream } from "../support/sse.ts";
import { createRunningSandbox, expectBadRequest, expectError } from "./helpers.ts";
import { expectFrameIds } from "./run-helpers.ts";

const { client, violations } = useServer({ streamDelayMs: 0 });

afterEach(() => expect(violations).toEqual([]));
afterAll(() => expect(violations).toEqual([]));

/** A running sandbox, a workspace, and Hermes installed into them (ready by the next request). */
async function installHermes(c: ContractClient): Promise<{ install: InstallableAgentInstall; workspace: Workspace }> {
  await createRunningSandbox(c, { name: "hermes-box" });
  const workspace = (await c.post<{ data: Workspace }>("/v1/workspaces", { name: "Hermes state", slug: "hermes-state" })).body.data;
  const res = await c.post<{ data: InstallableAgentInstall }>("/v1/installable-agents/hermes/install", { sandboxId: "hermes-box", workspaceId: workspace.id });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { install: res.body.data, workspace };
}

describe("POST /v1/installable-agents/{slug}/install", () => {
  it("installs Hermes (201, installing); the workspace usage lists it as ready and the workspace is in use", async () => {
    const c = client("install-agent");
    const { install, workspace } = await installHermes(c);
    expect(install).toMatchObject({ agentSlug: "hermes", status: "installing", sandboxName: "hermes-box", workspaceName: "Hermes state" });
    const usage = (await c.get<{ data: WorkspaceUsage }>(`/v1/workspaces/${workspace.id}/usage`)).body.data;
    expect(usage.counts.installableAgents).toBe(1);
    expect(usage.installableAgents).toEqual([{ installId: install.id, displayName: "Hermes", agentSlug: "hermes", status: "ready", sandboxId: install.sandboxId, sandboxName: "hermes-box" }]);
    expectError(await c.delete(`/v1/workspaces/${workspace.id}`), 409, "WORKSPACE_IN_USE");
    const feed = (await c.get(`/v1/activity?installable_agent_install_id=${install.id}`)).body.data.events;
    expect(feed.map((e: { eventType: string }) => e.eventType)).toEqual(["installable_agent.installed"]);
  });

  it("answers 404 for an unknown catalog agent, 409 for a paused sandbox, 400 without workspaceId", async () => {
    const c = client("install-agent-errors");
    const sandbox = await createRunningSandbox(c);
    const workspace = (await c.post<{ data: Workspace }>("/v1/workspaces", { name: "W", slug: "w" })).body.data;
    expectError(await c.post("/v1/installable-agents/nobody/install", { sandboxId: sandbox.id, workspaceId: workspace.id }), 404, "not_found");
    expectBadRequest(await c.post("/v1/installable-agents/hermes/install", { sandboxId: sandbox.id }), "/body/workspaceId");
    expect((await c.post(`/v1/sandboxes/${sandbox.id}/pause`)).status).toBe(200);
    expectError(await c.post("/v1/installable-agents/hermes/install", { sandboxId: sandbox.id, workspaceId: workspace.id }), 409, "conflict");
  });
});

describe("POST /v1/installable-agents/installs/{installId}/chat", () => {
  it("answers JSON when stream is false", async () => {
    const c = client("chat-json");
    const { install } = await installHermes(c);
    const res = await c.post(`/v1/installable-agents/installs/${install.id}/chat`, { messages: [{ role: "user", content: "hello" }], stream: false, threadId: "t-1" });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ installId: install.id, threadId: "t-1", message: { role: "assistant", content: "[hermes] You said: hello" } });
  });

  it("streams server-sent events by default, every frame valid, the deltas adding up to the reply", async () => {
    const c = client("chat-sse");
    const { install } = await installHermes(c);
    const response = await c.openStream(`/v1/installable-agents/installs/${install.id}/chat`, { messages: [{ role: "user", content: "hello there" }] });
    const frames = await readStream(response, "chatWithInstall");
    expectFrameIds(frames);
    expect(frames.map((f) => f.event)).toEqual(["chat_started", "text_delta", "text_delta", "text_delta", "text_delta", "text_delta", "chat_completed"]);
    const last = frames.at(-1)?.data as { content: string; threadId: string };
    expect(frames.filter((f) => f.event === "text_delta").map((f) => f.data.delta).join("")).toBe(last.content);
    expect(last.threadId).toMatch(/^ith_/);
  });

  it("answers 404 for an unknown install, 409 once the sandbox is paused, 400 without a user message", async () => {
    const c = client("chat-errors");
    const { install } = await installHermes(c);
    expectError(await c.post("/v1/installable-agents/installs/9b84ef42-9c3a-4930-9d4c-45c7f5c22d8e/chat", { messages: [{ role: "user", content: "x" }], stream: false }), 404, "not_found");
    expectBadRequest(await c.post(`/v1/installable-agents/installs/${install.id}/chat`, { messages: [{ role: "system", content: "x" }], stream: false }), "/body/messages");
    expect((await c.post(`/v1/sandboxes/${install.sandboxId}/pause`)).status).toBe(200);
    expectError(await c.post(`/v1/installable-agents/installs/${install.id}/chat`, { messages: [{ role: "user", content: "x" }], stream: false }), 409, "conflict");
  });
});
