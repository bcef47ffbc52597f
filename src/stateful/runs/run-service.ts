/**
 * Starting and carrying out agent runs (docs: /api-reference/agents/run, /agents/stream; Part B
 * R1–R3 and "Threads"). The rules, in the order they are checked:
 *   - the agent is named by slug or id (404 if the organization has no such agent);
 *   - the run answers `prompt`, or the last user message of `messages` (400 if neither);
 *   - `threadId` continues a thread of the same organization (404) and the same agent (409);
 *   - an in_sandbox agent needs its sandbox running (409 when paused, booting or destroyed);
 *   - every secret reference of the agent's `env` resolves for the caller (409; run-env.ts).
 * Nothing is recorded until every rule holds. A run then appends durable thread events
 * (run_started, user_message, tool_call, tool_result, assistant_message, run_completed) as it
 * goes, whether it is answered at once (JSON) or streamed.
 */
import type { Agent, RunRequest, RunResult, RunStreamEvent, RunSummary, RunUsage, Thread, ThreadEventsAppended, ThreadEventsAppendRequest, ThreadRollout } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { EventStream } from "../../core/http-types.ts";
import { CORE_TOOLS, DEFAULT_TOOL_ACTION, defaultReply, EXEC_TOOL, listsTool, type ReplyScripter, type ScriptedReply } from "../agents/agent-replies.ts";

/** The core tool that answers a sandbox port's preview URL (docs: /features/agents). */
const DEV_URL_TOOL = "get_dev_url";
/** The port get_dev_url asks about when the call names none (the docs' example port). */
const DEFAULT_DEV_PORT = 3000;
import type { AgentStore } from "../agents/agents.store.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import type { RunStore } from "./runs.store.ts";
import type { SandboxStore } from "../sandboxes/sandboxes.store.ts";
import type { ThreadStore } from "../threads/threads.store.ts";
import type { ToolHubStore } from "../tools/tool-hub.store.ts";
import { streamRun } from "./run-stream.ts";
import { maskSecrets, resolveRunEnv, type RunEnv, type SecretLookup } from "./run-env.ts";
import { cloneJson } from "../common/clone.ts";
import { checkDeviceEvents } from "./device-events.ts";

/** Statuses of a run that a device carries out (the mock only records what the device publishes). */
const DEVICE_STATUSES: ReadonlySet<RunSummary["status"]> = new Set(["dispatched", "registered"]);

/** What a run asks for (RunRequest without the agent, which may come from the path). */
export type RunInput = Omit<RunRequest, "agent">;

/** Who starts the run. */
export interface RunActor {
  orgId: string;
  userId: string;
}

/** What the run service needs: the organization's stores and the mock's sources. */
export interface RunServiceDeps {
  clock: Clock;
  ids: IdSource;
  agents: AgentStore;
  sandboxes: SandboxStore;
  threads: ThreadStore;
  runs: RunStore;
  /** Where the agent's `env` secret references resolve, for the caller who runs it. */
  secrets: SecretLookup;
  /** Pause between streamed frames, in ms, so that a stream unfolds over time. */
  streamDelayMs: number;
  /** Consulted in order before the default reply (the control plane's seam). */
  scripters?: readonly ReplyScripter[];
  /** The organization's Tool Hub: an agent that lists an installed or custom tool calls it there. */
  tools?: Pick<ToolHubStore, "has" | "execute">;
}

/** A run that passed every rule and is recorded as started. */
export interface StartedRun {
  run: RunSummary;
  thread: Thread;
  rolloutId: string;
  /** Carries the run out at once (`stream: false`); tool calls run in the sandbox's shell meanwhile. */
  complete(): Promise<RunResult>;
  /** Carries the run out as server-sent events (`stream: true`). */
  stream: EventStream;
}

/** Starts runs for one organization. */
export class RunService {
  /** Runs whose stream is being sent: their stream records how they end. */
  readonly #streaming = new Set<string>();

  constructor(private readonly deps: RunServiceDeps) {}

  /**
   * Cancels a run in flight (409 once it has finished). A streaming run learns of it through its
   * abort signal and records the end itself; any other (a dispatched local-mac run) is recorded here.
   */
  cancel(runId: string): RunSummary {
    const run = this.deps.runs.cancel(runId);
    if (!this.#streaming.has(runId)) {
      const rolloutId = this.deps.runs.rolloutOf(runId);
      this.deps.threads.append(run.threadId, { runId, rolloutId, type: "run_completed", payload: { status: "cancelled" } });
    }
    return run;
  }

  /**
   * Appends the durable events a device publishes for its run (`POST /v1/threads/{id}/events`).
   * The run must be a run of this thread that a device carries out (404, 409), `rolloutId` must be
   * its rollout (400), and every event must hold (device-events.ts, 400): then all are appended,
   * and a trailing `run_completed` finishes the run with its status. Otherwise nothing changes.
   */
  publish(threadId: string, request: ThreadEventsAppendRequest): ThreadEventsAppended {
    const { threads, runs } = this.deps;
    threads.get(threadId);
    const run = runs.find(request.runId);
    if (!run || run.threadId !== threadId) throw new ApiError("not_found", `Run '${request.runId}' not found in thread '${threadId}'`);
    if (!DEVICE_STATUSES.has(run.status)) {
      const why = run.status === "running" ? "the mock carries it out itself" : `it already finished (${run.status})`;
      throw new ApiError("conflict", `Run '${run.id}' takes no events from a device: ${why}`);
    }
    const rolloutId = runs.rolloutOf(run.id);
    if (request.rolloutId !== rolloutId) {
      throw new ApiError("bad_request", `rolloutId '${request.rolloutId}' is not the rollout of run '${run.id}'`, [{ path: "/body/rolloutId", message: `must be the run's rollout, ${rolloutId}` }]);
    }
    const endStatus = checkDeviceEvents(request.events);
    let sequence = 0;
    for (const event of request.events) sequence = threads.append(threadId, { runId: run.id, rolloutId, type: event.type, payload: event.payload }).sequence;
    if (endStatus) runs.finish(run.id, endStatus);
    return { threadId, rolloutId, sequence, appended: request.events.length };
  }

  /** Compacts a thread (ThreadStore.compact), unless a run of it is in flight (409: its history is still being written). */
  compact(threadId: string): { thread: Thread; rollout: ThreadRollout } {
    this.deps.threads.get(threadId);
    if (this.deps.runs.inFlightOn(threadId)) throw new ApiError("conflict", `Thread '${threadId}' has a run in flight; compact it once the run has finished`);
    return this.deps.threads.compact(threadId);
  }

  /** Checks the rules, records the run and its first thread events, and hands back how to carry it out. */
  start(agentRef: string, input: RunInput, actor: RunActor): StartedRun {
    const { agents, sandboxes, threads, runs, clock, ids } = this.deps;
    const agent = agents.resolve(agentRef);
    const prompt = promptOf(input);
    const existing = input.threadId === undefined ? undefined : threads.get(input.threadId);
    if (existing && existing.agentId !== agent.id) {
      throw new ApiError("conflict", `Thread '${existing.id}' belongs to another agent of this organization`);
    }
    if (agent.executionMode === "in_sandbox") requireRunningSandbox(agent, sandboxes);
    const env = resolveRunEnv(agent.slug, agent.envJson, this.deps.secrets, actor);

    const thread = existing ?? threads.create({ orgId: actor.orgId, ownerUserId: actor.userId, agentId: agent.id, executionMode: agent.executionMode, title: titleOf(prompt) });
    const rolloutId = ids.token("rol_", 16);
    const dispatched = agent.executionMode === "local-mac";
    // Only an in_sandbox run uses a sandbox; a managed agent may name one, but its runs report
    // null (spec RunResult.sandboxId: "The linked sandbox of an in_sandbox agent; null otherwise").
    const sandboxId = agent.executionMode === "in_sandbox" ? agent.sandboxId : null;
    const run: RunSummary = {
      id: runs.newId(),
      agentId: agent.id,
      agentSlug: agent.slug,
      threadId: thread.id,
      sandboxId,
      userId: actor.userId,
      // local-mac runs are handed to the Mac through RunMesh and finish there (Part B R1).
      status: dispatched ? "dispatched" : "running",
      createdAt: clock.now().toISOString(),
      completedAt: null,
    };
    runs.add(run, rolloutId);
    threads.startRollout(thread.id, rolloutId);
    const record = (type: Parameters<ThreadStore["append"]>[1]["type"], payload: Record<string, unknown>) =>
      threads.append(thread.id, { runId: run.id, rolloutId, type, payload });
    // The request's metadata is kept where a client can read it back (spec RunMetadata).
    record("run_started", { agentId: agent.id, executionMode: agent.executionMode, ...(input.metadata ? { metadata: cloneJson(input.metadata) } : {}) });
    record("user_message", { content: prompt });

    const reply = this.#reply(agent, prompt);
    const script = () => runScript({ agent, run, thread, rolloutId, prompt, reply, dispatched, env, deps: this.deps, record });
    return {
      run: runs.get(run.id),
      thread: threads.get(thread.id),
      rolloutId,
      complete: async () => {
        for await (const _frame of script()) {
          // A JSON answer waits for the whole run; the frames are not sent anywhere.
        }
        const final = runs.get(run.id);
        return {
          runId: run.id,
          sandboxId,
          threadId: thread.id,
          rolloutId,
          executionMode: agent.executionMode,
          targetDeviceId: agent.targetDeviceId,
          status: final.status,
          result: dispatched ? null : reply.text,
          usage: dispatched ? usageOf("", "") : usageOf(prompt, reply.text),
          iterations: dispatched ? 0 : reply.toolCalls.length + 1,
        };
      },
      stream: async (send, signal) => {
        this.#streaming.add(run.id);
        try {
          await streamRun({ script: script(), send, clientGone: signal, runs, runId: run.id, delayMs: this.deps.streamDelayMs, record, usage: usageOf(prompt, "") });
        } finally {
          this.#streaming.delete(run.id);
        }
      },
    };
  }

  #reply(agent: Agent, prompt: string): ScriptedReply {
    for (const scripter of [...(this.deps.scripters ?? []), defaultReply]) {
      const reply = scripter({ agent, prompt });
      if (reply) return reply;
    }
    throw new Error("the default reply always answers");
  }
}

interface ScriptContext {
  agent: Agent;
  run: RunSummary;
  thread: Thread;
  rolloutId: string;
  prompt: string;
  reply: ScriptedReply;
  dispatched: boolean;
  /** The agent's env, secrets resolved, for its tools. */
  env: RunEnv;
  deps: RunServiceDeps;
  record: (type: "tool_call" | "tool_result" | "assistant_message" | "run_completed", payload: Record<string, unknown>) => unknown;
}

/**
 * The run, step by step: each step records its durable events, then yields the frame that
 * reports it. Iterating it carries the run out; a consumer that stops early leaves it unfinished.
 */
async function* runScript(ctx: ScriptContext): AsyncGenerator<RunStreamEvent> {
  const { agent, run, thread, rolloutId, prompt, reply, deps, record } = ctx;
  yield { type: "run_started", runId: run.id, threadId: thread.id, rolloutId, agentId: agent.id, executionMode: agent.executionMode, createdAt: run.createdAt };
  if (ctx.dispatched) {
    yield { type: "run_dispatched", runId: run.id, targetDeviceId: agent.targetDeviceId ?? "" };
    return;
  }
  for (const [index, call] of reply.toolCalls.entries()) {
    const toolCallId = `call_${index + 1}`;
    record("tool_call", { toolCallId, name: call.name, arguments: call.arguments });
    yield { type: "tool_call_started", runId: run.id, toolCallId, name: call.name, arguments: call.arguments };
    const output = call.output ?? (await runTool(agent, call.name, call.arguments, deps, run.userId, ctx.env));
    record("tool_result", { toolCallId, name: call.name, output });
    yield { type: "tool_call_completed", runId: run.id, toolCallId, name: call.name, output };
  }
  for (const delta of reply.text.match(/\s*\S+\s*/g) ?? []) yield { type: "assistant_message_delta", runId: run.id, delta };
  record("assistant_message", { content: reply.text });
  yield { type: "assistant_message", runId: run.id, content: reply.text };
  const usage = usageOf(prompt, reply.text);
  const iterations = reply.toolCalls.length + 1;
  deps.runs.finish(run.id, "completed");
  record("run_completed", { status: "completed", usage, iterations });
  yield { type: "run_completed", runId: run.id, status: "completed", usage, iterations };
}

/**
 * Runs a tool the script left unanswered: exec_command in the agent's sandbox, through the
 * sandbox's shell over its files (or a scripted exec answer), or nothing for other tools. The
 * command sees the agent's env, secrets resolved; its output shows no secret value.
 */
async function runTool(agent: Agent, name: string, args: Record<string, unknown>, deps: RunServiceDeps, userId: string, env: RunEnv): Promise<Record<string, unknown>> {
  const { sandboxes } = deps;
  if (listsTool(agent, name) && !CORE_TOOLS.has(name) && deps.tools) return runHubTool(deps.tools, name, args, userId);
  if (name === DEV_URL_TOOL && agent.sandboxId !== null) return devUrl(agent.sandboxId, args, sandboxes);
  if (name !== EXEC_TOOL || agent.sandboxId === null || typeof args.command !== "string") return { ok: true };
  try {
    const request = { command: args.command, timeout: 30_000, cwd: "/workspace", ...(Object.keys(env.env).length > 0 ? { env: env.env } : {}) };
    const { stdout, stderr, exitCode } = await sandboxes.exec(agent.sandboxId, request);
    return { stdout: maskSecrets(stdout, env.secrets), stderr: maskSecrets(stderr, env.secrets), exitCode };
  } catch (error) {
    // The sandbox went away or was paused mid-run: the tool fails, the run goes on (as a model would).
    return { error: (error as Error).message };
  }
}

/**
 * A Tool Hub tool the agent lists (docs: /features/agents "Marketplace tools", "Custom org tools"):
 * executed as `POST /v1/tools/{slug}/execute` would, with `arguments.action` (default `run`) and
 * `arguments.params` (default: the other arguments). Its output is the normalized result; a tool the
 * organization has not installed fails the call, not the run.
 */
function runHubTool(tools: NonNullable<RunServiceDeps["tools"]>, slug: string, args: Record<string, unknown>, userId: string): Record<string, unknown> {
  if (!tools.has(slug)) return { success: false, result: null, durationMs: 0, error: { code: "tool_not_installed", message: `Tool '${slug}' is not installed in this organization`, statusCode: 404 } };
  const { action, params, ...rest } = args;
  const request = {
    action: typeof action === "string" && action !== "" ? action : DEFAULT_TOOL_ACTION,
    params: params !== null && typeof params === "object" && !Array.isArray(params) ? (params as Record<string, unknown>) : rest,
  };
  return { ...tools.execute(slug, request, { userId }, false) };
}

/** The get_dev_url tool (docs: /features/agents core tools): the sandbox's preview URL of a port, 3000 unless given. */
function devUrl(sandboxId: string, args: Record<string, unknown>, sandboxes: SandboxStore): Record<string, unknown> {
  const port = args.port === undefined ? DEFAULT_DEV_PORT : Number(args.port);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) return { error: `port must be an integer from 1 to 65535, got ${JSON.stringify(args.port)}` };
  try {
    return { ...sandboxes.url(sandboxId, port) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function requireRunningSandbox(agent: Agent, sandboxes: SandboxStore): void {
  const sandbox = agent.sandboxId === null ? undefined : sandboxes.resolve(agent.sandboxId);
  if (!sandbox) throw new ApiError("conflict", `The sandbox of agent '${agent.slug}' no longer exists`);
  if (sandbox.status !== "running") {
    throw new ApiError("conflict", `The sandbox '${sandbox.name}' of agent '${agent.slug}' is ${sandbox.status}, not running`);
  }
}

/** The message this run answers: `prompt`, or the last user message of `messages`. */
function promptOf(input: RunInput): string {
  if (input.prompt !== undefined) return input.prompt;
  if (input.messages === undefined) {
    throw new ApiError("bad_request", "Either prompt or messages is required", [{ path: "/body/prompt", message: "is required when messages is absent" }]);
  }
  const last = [...input.messages].reverse().find((m) => m.role === "user");
  if (!last) throw new ApiError("bad_request", "messages holds no user message to answer", [{ path: "/body/messages", message: "must contain a user message" }]);
  return last.content ?? (last.parts ?? []).map((part) => part.text ?? "").join("");
}

/** A new thread is titled after its first message (60 characters at most). */
function titleOf(prompt: string): string | null {
  const title = prompt.trim().replace(/\s+/g, " ").slice(0, 60).trimEnd();
  return title === "" ? null : title;
}

/** Token counts at about four characters a token: deterministic, and of a plausible size. */
export function usageOf(prompt: string, reply: string): RunUsage {
  const promptTokens = Math.ceil(prompt.length / 4);
  const completionTokens = Math.ceil(reply.length / 4);
  return {
    promptTokens,
    completionTokens,
    totalTokens: promptTokens + completionTokens,
    inputTokens: promptTokens,
    outputTokens: completionTokens,
    cachedInputTokens: 0,
    reasoningTokens: 0,
  };
}
