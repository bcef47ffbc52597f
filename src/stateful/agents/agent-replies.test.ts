/**
 * The default reply without HTTP (issue 4: "The assistant's reply is deterministic by default (it
 * echoes the prompt in a fixed template)"; spec: runAgent, "Mock decision (issue 4), the reply").
 * The assistant answers `[<agent slug>] You said: <prompt>`; an in_sandbox agent with the
 * `exec_command` tool (by name or as `{name: exec_command}`) first calls it with the first
 * backtick-quoted command of the prompt.
 */
import { describe, expect, it } from "vitest";
import type { Agent } from "../../api-types.ts";
import { defaultReply, EXEC_TOOL, type ScriptedReply } from "./agent-replies.ts";
import { START } from "../common/test-support.ts";

/** A stored agent with every field at its default; `fields` override. */
function agent(fields: Partial<Agent> = {}): Agent {
  return {
    id: "agt_0000000000000001",
    orgId: "11111111-1111-4111-8111-111111111111",
    slug: "code-assistant",
    name: "code-assistant",
    description: null,
    color: null,
    avatarSeed: null,
    avatarImageUrl: null,
    model: "claude-sonnet-4",
    executionMode: "in_sandbox",
    visibility: "private",
    status: "draft",
    systemPrompt: null,
    toolsJson: [],
    sandboxId: "sandbox-000000000001",
    sandboxSlug: "build-runner",
    targetDeviceId: null,
    configJson: {},
    providerOptions: {},
    envJson: {},
    attachedResources: [],
    version: 1,
    createdBy: "22222222-2222-4222-8222-222222222222",
    ownerUserId: "22222222-2222-4222-8222-222222222222",
    ownerDisplayName: null,
    ownerEmail: null,
    createdAt: START,
    updatedAt: START,
    ...fields,
  };
}

const withExec = agent({ slug: "shell-agent", toolsJson: ["exec_command"] });

function reply(of: Agent, prompt: string): ScriptedReply {
  const answered = defaultReply({ agent: of, prompt });
  if (!answered) throw new Error("the default reply must always answer");
  return answered;
}

describe("defaultReply: the text", () => {
  it("echoes the prompt in the fixed template, with no tool call", () => {
    expect(reply(agent(), "hello")).toEqual<ScriptedReply>({ toolCalls: [], text: "[code-assistant] You said: hello" });
  });

  it("keeps the prompt literally, backticks, whitespace and newlines included", () => {
    const prompt = "  run `echo hi`\n  and tell me  ";
    expect(reply(withExec, prompt).text).toBe(`[shell-agent] You said: ${prompt}`);
    expect(reply(agent(), "").text).toBe("[code-assistant] You said: ");
  });

  it("answers the same reply for the same input", () => {
    expect(reply(withExec, "run `ls`")).toEqual(reply(withExec, "run `ls`"));
  });

  it("names the agent by slug, whatever its name", () => {
    expect(reply(agent({ slug: "data-analyst", name: "Data Analyst", executionMode: "managed", sandboxId: null }), "hi").text).toBe("[data-analyst] You said: hi");
  });
});

describe("defaultReply: the exec_command tool call", () => {
  it("calls exec_command with the backticked command for an in_sandbox agent that has the tool by name", () => {
    expect(EXEC_TOOL).toBe("exec_command");
    expect(reply(withExec, "run `echo hi`")).toEqual<ScriptedReply>({
      toolCalls: [{ name: "exec_command", arguments: { command: "echo hi" } }],
      text: "[shell-agent] You said: run `echo hi`",
    });
  });

  it("accepts the tool in its object form {name: exec_command}", () => {
    const objectForm = agent({ toolsJson: [{ name: "exec_command", timeout: 30 }] });
    expect(reply(objectForm, "run `echo hi`").toolCalls).toEqual([{ name: "exec_command", arguments: { command: "echo hi" } }]);
  });

  it("finds the tool among others", () => {
    const many = agent({ toolsJson: ["web_search", { name: "github", scope: "repo" }, "exec_command"] });
    expect(reply(many, "`ls -la`").toolCalls).toEqual([{ name: "exec_command", arguments: { command: "ls -la" } }]);
  });

  it("runs only the first backticked command, trimmed", () => {
    expect(reply(withExec, "first `  echo one  ` then `echo two`").toolCalls).toEqual([{ name: "exec_command", arguments: { command: "echo one" } }]);
  });

  it("makes no tool call when the prompt has no complete backticked command", () => {
    for (const prompt of ["echo hi", "run ``", "run `echo hi", "run `   ` please", ""]) {
      expect(reply(withExec, prompt).toolCalls).toEqual([]);
    }
  });

  it("makes no tool call for an agent without the tool", () => {
    for (const tools of [[], ["web_search"], [{ name: "github" }], ["exec"], [{ name: "exec_command_v2" }]] satisfies Agent["toolsJson"][]) {
      expect(reply(agent({ toolsJson: tools }), "run `echo hi`").toolCalls).toEqual([]);
    }
  });

  it("makes no tool call for managed or local-mac agents, even with the tool", () => {
    const managed = agent({ executionMode: "managed", sandboxId: null, sandboxSlug: null, toolsJson: ["exec_command"] });
    const mac = agent({ executionMode: "local-mac", sandboxId: null, sandboxSlug: null, targetDeviceId: "dev_8Kq2Nf5Xr", toolsJson: [{ name: "exec_command" }] });
    expect(reply(managed, "run `echo hi`")).toEqual({ toolCalls: [], text: "[code-assistant] You said: run `echo hi`" });
    expect(reply(mac, "run `echo hi`").toolCalls).toEqual([]);
  });

  it("leaves the output to the mock (no scripted output)", () => {
    const [call] = reply(withExec, "run `echo hi`").toolCalls;
    expect(call).toBeDefined();
    expect(call && "output" in call).toBe(false);
  });
});
