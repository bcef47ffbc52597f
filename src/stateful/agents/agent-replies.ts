/**
 * What an agent answers in a run. Deterministic by default (issue 4): the assistant echoes the
 * prompt in a fixed template, and an in_sandbox agent with the `exec_command` tool runs the
 * first backtick-quoted command of the prompt in its sandbox before answering. The control
 * plane replaces this per agent through the `ReplyScripter` seam.
 */
import type { Agent } from "../../api-types.ts";

/** One tool call of a reply; without `output`, the mock runs it (exec_command in the sandbox). */
export interface ScriptedToolCall {
  name: string;
  arguments: Record<string, unknown>;
  output?: Record<string, unknown>;
}

/** A reply: the tool calls made first, then the assistant's text. */
export interface ScriptedReply {
  toolCalls: ScriptedToolCall[];
  /** The final text; `{tool:N}` placeholders are not used: text is literal. */
  text: string;
}

/** What a scripter sees of the run. */
export interface ReplyContext {
  agent: Agent;
  /** The user's message this run answers. */
  prompt: string;
}

/** Decides an agent's reply; undefined leaves the decision to the next scripter (the default). */
export type ReplyScripter = (context: ReplyContext) => ScriptedReply | undefined;

/** The tool name that runs a command in the agent's sandbox (docs: /features/agents core tools). */
export const EXEC_TOOL = "exec_command";

/** The default reply: `[<slug>] You said: <prompt>`, after an exec_command when one is asked for. */
export const defaultReply: ReplyScripter = ({ agent, prompt }) => {
  const command = /`([^`]+)`/.exec(prompt)?.[1]?.trim();
  const canExec = agent.executionMode === "in_sandbox" && agent.toolsJson.some((tool) => toolName(tool) === EXEC_TOOL);
  const toolCalls: ScriptedToolCall[] = command && canExec ? [{ name: EXEC_TOOL, arguments: { command } }] : [];
  return { toolCalls, text: `[${agent.slug}] You said: ${prompt}` };
};

function toolName(tool: Agent["toolsJson"][number]): string {
  return typeof tool === "string" ? tool : String((tool as { name?: unknown }).name);
}
