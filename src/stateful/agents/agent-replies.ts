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

/**
 * The agent runtime's own tools, current and older names (docs: /features/agents, both revisions):
 * every other name an agent lists is a Tool Hub slug (marketplace or custom).
 */
export const CORE_TOOLS: ReadonlySet<string> = new Set([
  "exec_command", "write_stdin", "apply_patch", "view_image", "web_search", "get_dev_url",
  "bash", "read_file", "edit_file", "write_file", "delete_file", "list_directory", "file_search", "grep", "glob",
]);

/** The action a Tool Hub call runs when it names none. */
export const DEFAULT_TOOL_ACTION = "run";

/**
 * The default reply: `[<slug>] You said: <prompt>`, after the tool calls the prompt asks for: an
 * exec_command for the first backtick-quoted command, then one call per `@<tool>` or
 * `@<tool>/<action>` mention of a Tool Hub tool the agent lists, in the prompt's order.
 */
export const defaultReply: ReplyScripter = ({ agent, prompt }) => {
  const command = /`([^`]+)`/.exec(prompt)?.[1]?.trim();
  const canExec = agent.executionMode === "in_sandbox" && listsTool(agent, EXEC_TOOL);
  const toolCalls: ScriptedToolCall[] = command && canExec ? [{ name: EXEC_TOOL, arguments: { command } }] : [];
  for (const [, slug, action] of prompt.matchAll(/(?<![\w@])@([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\/([A-Za-z0-9_-]+))?/g)) {
    if (slug && !CORE_TOOLS.has(slug) && listsTool(agent, slug)) toolCalls.push({ name: slug, arguments: { action: action ?? DEFAULT_TOOL_ACTION, params: {} } });
  }
  return { toolCalls, text: `[${agent.slug}] You said: ${prompt}` };
};

/** Whether the agent lists a tool, by name or as `{name}` (docs: tools are `(string | object)[]`). */
export function listsTool(agent: Agent, name: string): boolean {
  return agent.toolsJson.some((tool) => toolName(tool) === name);
}

function toolName(tool: Agent["toolsJson"][number]): string {
  return typeof tool === "string" ? tool : String((tool as { name?: unknown }).name);
}
