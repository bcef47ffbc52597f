/**
 * RunService without HTTP (issue 4: `POST /v1/run`, threads, streaming, cancel; reference Part B
 * R1, R3, "Threads"; spec: runAgent, cancelRun, RunResult, RunStreamEvent, ThreadEvent). The
 * organization's stores come from createState, as the mock builds them; streams are driven
 * directly through `started.stream(send, signal)`.
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { Agent, AgentUpsertRequest, RunResult, RunStreamEvent, RunUsage, SandboxCreateRequest, ThreadEvent } from "../../api-types.ts";
import type { ServerSentEvent } from "../../core/http-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { createState, type MockState, type OrgState } from "../../state.ts";
import type { ReplyScripter } from "../agents/agent-replies.ts";
import { RunService, type RunInput, type StartedRun } from "./run-service.ts";
import { apiErrorOf, CountingIds, ManualClock, START } from "../common/test-support.ts";

const validators = compileValidators(loadSpec());
const resultSchema = validators.component("RunResult");
const summarySchema = validators.component("RunSummary");
const threadSchema = validators.component("Thread");
const eventSchema = validators.component("ThreadEvent");
const frameSchema = validators.component("RunStreamEvent");

const ORG = "11111111-1111-4111-8111-111111111111";
const OTHER_ORG = "44444444-4444-4444-8444-444444444444";
const USER = "22222222-2222-4222-8222-222222222222";
const actor = { orgId: ORG, userId: USER };
const DEVICE = "dev_8Kq2Nf5Xr";

/** A sandbox create body with the spec defaults filled in. */
function sandboxInput(name: string): SandboxCreateRequest {
  return { template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [], name };
}

/** An upsert body as the request validator hands it over: spec defaults filled in. */
function upsertInput(fields: Partial<AgentUpsertRequest> & { slug: string }): AgentUpsertRequest {
  return { model: "claude-sonnet-4", executionMode: "in_sandbox", visibility: "private", ...fields };
}

/** A run request as the request validator hands it over (`stream` defaulted; the service ignores it). */
function ask(fields: Partial<RunInput>): RunInput {
  return { stream: false, ...fields };
}

/** Usage at four characters a token, spelled out. */
function usage(promptTokens: number, completionTokens: number): RunUsage {
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
const ZERO_USAGE = usage(0, 0);

interface World {
  clock: ManualClock;
  ids: CountingIds;
  state: MockState;
  org: OrgState;
  /** in_sandbox on build-runner, no tools. */
  assistant: Agent;
  /** in_sandbox on build-runner, with exec_command. */
  shell: Agent;
  /** managed, with exec_command (which it may not use). */
  analyst: Agent;
  /** local-mac on DEVICE. */
  mac: Agent;
  sandboxId: string;
}

/** An organization with a running sandbox `build-runner` and four agents. */
function world(options: { streamDelayMs?: number } = {}): World {
  const clock = new ManualClock();
  // A variable, not a literal: deps that other features add to StateDeps (with defaults) may pass through.
  const ids = new CountingIds();
  const deps = { clock, ids, bootDelayMs: 0, streamDelayMs: options.streamDelayMs ?? 0 };
  const state = createState(deps);
  const org = state.forOrg(ORG);
  const sandboxId = org.sandboxes.create(sandboxInput("build-runner")).id;
  clock.nextRequest();
  const upsert = (fields: Partial<AgentUpsertRequest> & { slug: string }) => org.agents.upsert(upsertInput(fields), actor).agent;
  return {
    clock,
    ids,
    state,
    org,
    sandboxId,
    assistant: upsert({ slug: "code-assistant", sandbox: "build-runner" }),
    shell: upsert({ slug: "shell-agent", sandbox: "build-runner", tools: ["exec_command"] }),
    analyst: upsert({ slug: "data-analyst", executionMode: "managed", tools: ["exec_command"] }),
    mac: upsert({ slug: "mac-helper", executionMode: "local-mac", targetDeviceId: DEVICE }),
  };
}

let w: World;
let org: OrgState;

beforeEach(() => {
  w = world();
  org = w.org;
});

/** Everything a run can leave behind, for "nothing recorded" comparisons. */
function recorded(of: OrgState = org) {
  // archived: true includes every thread, archived or not.
  const threads = of.threads.list({ archived: true }, 500).items;
  return { runs: of.runs.list({}, 500).items, threads, events: threads.map((t) => of.threads.snapshot(t.id).events) };
}

/** A thread's events, stripped to what the assertions name. */
function eventsOf(threadId: string, of: OrgState = org): Array<Pick<ThreadEvent, "sequence" | "type" | "payload" | "runId" | "rolloutId">> {
  const { events } = of.threads.snapshot(threadId);
  for (const event of events) expect(eventSchema(event)).toEqual([]);
  return events.map(({ sequence, type, payload, runId, rolloutId }) => ({ sequence, type, payload, runId, rolloutId }));
}

function types(threadId: string, of: OrgState = org): string[] {
  return of.threads.snapshot(threadId).events.map((e) => e.type);
}

/** Runs to completion (`stream: false`), checking the answer against the spec. */
async function runJson(agentRef: string, input: RunInput, of: OrgState = org): Promise<RunResult> {
  const result = await of.runner.start(agentRef, input, actor).complete();
  expect(resultSchema(result)).toEqual([]);
  return result;
}

interface Frame {
  id: string | undefined;
  event: string;
  data: RunStreamEvent;
}

/**
 * Drives a stream with an array-collecting `send`; `onFrame` sees each frame as it arrives.
 * Every frame must validate against RunStreamEvent, name its data's type, and count ids 1, 2, 3….
 */
async function collect(started: StartedRun, options: { signal?: AbortSignal; onFrame?: (frame: Frame, index: number) => void } = {}): Promise<Frame[]> {
  const frames: Frame[] = [];
  await started.stream(async (event: ServerSentEvent) => {
    const frame = event as Frame;
    frames.push(frame);
    options.onFrame?.(frame, frames.length - 1);
  }, options.signal ?? new AbortController().signal);
  frames.forEach((frame, index) => {
    expect(frame.id).toBe(String(index + 1));
    expect(frame.data.type).toBe(frame.event);
    expect(frameSchema(frame.data)).toEqual([]);
  });
  return frames;
}

function deltasOf(frames: readonly Frame[]): string {
  return frames.map((f) => (f.data.type === "assistant_message_delta" ? f.data.delta : "")).join("");
}

describe("RunService.start + complete (stream: false)", () => {
  it("completes an in_sandbox run with the templated reply, usage at four characters a token, one iteration", async () => {
    const result = await runJson("code-assistant", ask({ prompt: "hello" }));
    expect(result).toEqual<RunResult>({
      runId: "run_0000000000000001",
      sandboxId: w.sandboxId,
      threadId: "thr_0000000000000001",
      rolloutId: "rol_0000000000000001",
      executionMode: "in_sandbox",
      targetDeviceId: null,
      status: "completed",
      result: "[code-assistant] You said: hello",
      // "hello" = 5 characters → 2 tokens; the reply, 32 characters → 8 tokens (the spec's example).
      usage: usage(2, 8),
      iterations: 1,
    });
  });

  it("counts usage exactly: ceil(characters / 4) for prompt and reply", async () => {
    // 8 characters → 2 tokens; reply "[code-assistant] You said: abcdefgh" = 35 characters → 9 tokens.
    expect((await runJson("code-assistant", ask({ prompt: "abcdefgh" }))).usage).toEqual(usage(2, 9));
    // 9 characters → 3 tokens; reply 36 characters → 9 tokens.
    expect((await runJson("code-assistant", ask({ prompt: "abcdefghi" }))).usage).toEqual(usage(3, 9));
  });

  it("records the run as started, then completed with completedAt", async () => {
    const started = org.runner.start("code-assistant", ask({ prompt: "hello" }), actor);
    expect(started.run).toEqual({
      id: "run_0000000000000001",
      agentId: w.assistant.id,
      agentSlug: "code-assistant",
      threadId: started.thread.id,
      sandboxId: w.sandboxId,
      userId: USER,
      status: "running",
      createdAt: START,
      completedAt: null,
    });
    expect(summarySchema(started.run)).toEqual([]);
    expect(org.runs.get(started.run.id).status).toBe("running");
    expect(types(started.thread.id)).toEqual(["run_started", "user_message"]);
    w.clock.advance(1_000);
    await started.complete();
    const finished = org.runs.get(started.run.id);
    expect(finished).toMatchObject({ status: "completed", completedAt: "2026-01-01T00:00:01.000Z" });
    expect(summarySchema(finished)).toEqual([]);
  });

  it("creates a thread for the agent, owned by the caller, titled after the prompt, with the run's rollout active", async () => {
    const result = await runJson("code-assistant", ask({ prompt: "hello" }));
    const thread = org.threads.get(result.threadId);
    expect(thread).toEqual({
      id: "thr_0000000000000001",
      orgId: ORG,
      ownerUserId: USER,
      agentId: w.assistant.id,
      title: "hello",
      executionMode: "in_sandbox",
      archived: false,
      activeRolloutId: result.rolloutId,
      createdAt: START,
      updatedAt: START,
    });
    expect(threadSchema(thread)).toEqual([]);
  });

  it("titles a thread after its prompt with whitespace collapsed, at most 60 characters, null when blank", async () => {
    const collapsed = await runJson("code-assistant", ask({ prompt: "  Summarise   the\n\nbuild\tlog  " }));
    expect(org.threads.get(collapsed.threadId).title).toBe("Summarise the build log");
    const long = await runJson("code-assistant", ask({ prompt: `${"x".repeat(50)}  ${"y".repeat(50)}` }));
    expect(org.threads.get(long.threadId).title).toBe(`${"x".repeat(50)} ${"y".repeat(9)}`);
    expect(org.threads.get(long.threadId).title).toHaveLength(60);
    const blank = await runJson("code-assistant", ask({ prompt: " \n " }));
    expect(org.threads.get(blank.threadId).title).toBeNull();
  });

  it("records the durable events run_started, user_message, assistant_message, run_completed with their payloads", async () => {
    const result = await runJson("code-assistant", ask({ prompt: "hello" }));
    const common = { runId: result.runId, rolloutId: result.rolloutId };
    expect(eventsOf(result.threadId)).toEqual([
      { sequence: 1, type: "run_started", payload: { agentId: w.assistant.id, executionMode: "in_sandbox" }, ...common },
      { sequence: 2, type: "user_message", payload: { content: "hello" }, ...common },
      { sequence: 3, type: "assistant_message", payload: { content: "[code-assistant] You said: hello" }, ...common },
      { sequence: 4, type: "run_completed", payload: { status: "completed", usage: usage(2, 8), iterations: 1 }, ...common },
    ]);
  });

  it("accepts the agent by id as well as by slug", async () => {
    const result = await runJson(w.assistant.id, ask({ prompt: "hello" }));
    expect(result.result).toBe("[code-assistant] You said: hello");
    expect(org.runs.get(result.runId)).toMatchObject({ agentId: w.assistant.id, agentSlug: "code-assistant" });
    expect(org.threads.get(result.threadId).agentId).toBe(w.assistant.id);
  });

  it("answers 404 not_found for an unknown agent and records nothing", () => {
    const before = recorded();
    for (const ref of ["no-such-agent", "agt_0000000000000099"]) {
      const error = apiErrorOf(() => org.runner.start(ref, ask({ prompt: "hello" }), actor));
      expect(error.code).toBe("not_found");
      expect(error.message).toContain(ref);
    }
    expect(recorded()).toEqual(before);
    expect(recorded().runs).toEqual([]);
    expect(recorded().threads).toEqual([]);
  });

  it("answers 400 bad_request at /body/prompt when neither prompt nor messages is sent, and records nothing", () => {
    const error = apiErrorOf(() => org.runner.start("code-assistant", ask({}), actor));
    expect(error.code).toBe("bad_request");
    expect(error.details?.map((d) => d.path)).toEqual(["/body/prompt"]);
    expect(recorded()).toEqual({ runs: [], threads: [], events: [] });
  });

  it("checks the agent before the prompt (unknown agent without a prompt → 404)", () => {
    expect(apiErrorOf(() => org.runner.start("no-such-agent", ask({}), actor)).code).toBe("not_found");
  });
});

describe("RunService: messages", () => {
  it("answers the last user message's content", async () => {
    const result = await runJson(
      "code-assistant",
      ask({
        messages: [
          { role: "system", content: "Answer briefly." },
          { role: "user", content: "first question" },
          { role: "assistant", content: "first answer" },
          { role: "user", content: "second question" },
          { role: "assistant", content: "trailing assistant turn" },
        ],
      }),
    );
    expect(result.result).toBe("[code-assistant] You said: second question");
    expect(eventsOf(result.threadId)[1]?.payload).toEqual({ content: "second question" });
    expect(org.threads.get(result.threadId).title).toBe("second question");
  });

  it("joins the parts' text when the last user message has no content", async () => {
    const result = await runJson(
      "code-assistant",
      ask({
        messages: [
          { role: "user", content: "ignored" },
          { role: "user", parts: [{ type: "text", text: "hel" }, { type: "text", text: "lo" }] },
        ],
      }),
    );
    expect(result.result).toBe("[code-assistant] You said: hello");
    expect(result.usage).toEqual(usage(2, 8));
  });

  it("answers prompt when both prompt and messages are sent", async () => {
    const result = await runJson("code-assistant", ask({ prompt: "the prompt", messages: [{ role: "user", content: "the message" }] }));
    expect(result.result).toBe("[code-assistant] You said: the prompt");
  });

  it("answers 400 bad_request at /body/messages when messages holds no user message, and records nothing", () => {
    for (const messages of [[], [{ role: "system" as const, content: "Be terse." }, { role: "assistant" as const, content: "Hi." }]]) {
      const error = apiErrorOf(() => org.runner.start("code-assistant", ask({ messages }), actor));
      expect(error.code).toBe("bad_request");
      expect(error.details?.map((d) => d.path)).toEqual(["/body/messages"]);
    }
    expect(recorded()).toEqual({ runs: [], threads: [], events: [] });
  });
});

describe("RunService: threads", () => {
  it("continues a thread: the events continue its sequence and the new rollout becomes active", async () => {
    const first = await runJson("code-assistant", ask({ prompt: "hello" }));
    w.clock.advance(120_000);
    const second = await runJson("code-assistant", ask({ prompt: "again", threadId: first.threadId }));
    expect(second.threadId).toBe(first.threadId);
    expect(second.runId).not.toBe(first.runId);
    expect(second.rolloutId).toBe("rol_0000000000000002");
    expect(second.rolloutId).not.toBe(first.rolloutId);

    const events = eventsOf(first.threadId);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.slice(4)).toEqual([
      { sequence: 5, type: "run_started", payload: { agentId: w.assistant.id, executionMode: "in_sandbox" }, runId: second.runId, rolloutId: second.rolloutId },
      { sequence: 6, type: "user_message", payload: { content: "again" }, runId: second.runId, rolloutId: second.rolloutId },
      { sequence: 7, type: "assistant_message", payload: { content: "[code-assistant] You said: again" }, runId: second.runId, rolloutId: second.rolloutId },
      { sequence: 8, type: "run_completed", payload: { status: "completed", usage: usage(2, 8), iterations: 1 }, runId: second.runId, rolloutId: second.rolloutId },
    ]);
    expect(events.slice(0, 4).every((e) => e.runId === first.runId && e.rolloutId === first.rolloutId)).toBe(true);

    const thread = org.threads.get(first.threadId);
    expect(thread).toMatchObject({ activeRolloutId: second.rolloutId, title: "hello", createdAt: START, updatedAt: "2026-01-01T00:02:00.000Z" });
    expect(recorded().threads).toHaveLength(1);
    expect(org.runs.rolloutOf(first.runId)).toBe(first.rolloutId);
    expect(org.runs.rolloutOf(second.runId)).toBe(second.rolloutId);
  });

  it("answers 404 not_found for an unknown or deleted thread, and records nothing", async () => {
    const unknown = apiErrorOf(() => org.runner.start("code-assistant", ask({ prompt: "hi", threadId: "thr_doesnotexist00" }), actor));
    expect(unknown.code).toBe("not_found");

    const first = await runJson("code-assistant", ask({ prompt: "hello" }));
    org.threads.delete(first.threadId);
    const before = recorded();
    expect(apiErrorOf(() => org.runner.start("code-assistant", ask({ prompt: "hi", threadId: first.threadId }), actor)).code).toBe("not_found");
    expect(recorded()).toEqual(before);
    expect(before.runs).toHaveLength(1);
  });

  it("answers 404 not_found for a thread of another organization", async () => {
    const other = w.state.forOrg(OTHER_ORG);
    other.sandboxes.create(sandboxInput("build-runner"));
    w.clock.nextRequest();
    other.agents.upsert(upsertInput({ slug: "code-assistant", sandbox: "build-runner" }), { orgId: OTHER_ORG, userId: USER });
    const theirs = await runJson("code-assistant", ask({ prompt: "theirs" }), other);
    const error = apiErrorOf(() => org.runner.start("code-assistant", ask({ prompt: "hi", threadId: theirs.threadId }), actor));
    expect(error.code).toBe("not_found");
    expect(recorded()).toEqual({ runs: [], threads: [], events: [] });
    expect(types(theirs.threadId, other)).toHaveLength(4);
  });

  it("answers 409 conflict for a thread of another agent, and records nothing", async () => {
    const first = await runJson("code-assistant", ask({ prompt: "hello" }));
    const before = recorded();
    const error = apiErrorOf(() => org.runner.start("shell-agent", ask({ prompt: "hi", threadId: first.threadId }), actor));
    expect(error.code).toBe("conflict");
    expect(error.status).toBe(409);
    expect(recorded()).toEqual(before);
  });

  it("checks the thread before the sandbox (unknown thread of a paused agent → 404)", () => {
    org.sandboxes.pause("build-runner");
    expect(apiErrorOf(() => org.runner.start("code-assistant", ask({ prompt: "hi", threadId: "thr_doesnotexist00" }), actor)).code).toBe("not_found");
  });
});

describe("RunService: the in_sandbox agent's sandbox must be running", () => {
  function expectConflictAndNothingRecorded(of: OrgState = org): void {
    const before = recorded(of);
    const error = apiErrorOf(() => of.runner.start("code-assistant", ask({ prompt: "hello" }), actor));
    expect(error.code).toBe("conflict");
    expect(error.status).toBe(409);
    expect(recorded(of)).toEqual(before);
  }

  it("answers 409 while the sandbox is pausing or paused, and runs again once it is resumed", async () => {
    org.sandboxes.pause("build-runner");
    expect(org.sandboxes.get("build-runner").status).toBe("pausing");
    expectConflictAndNothingRecorded();
    w.clock.nextRequest();
    expect(org.sandboxes.get("build-runner").status).toBe("paused");
    expectConflictAndNothingRecorded();
    org.sandboxes.resume("build-runner");
    expectConflictAndNothingRecorded();
    w.clock.nextRequest();
    expect((await runJson("code-assistant", ask({ prompt: "hello" }))).status).toBe("completed");
  });

  it("answers 409 while the sandbox is still creating (boot delay), and runs once it is up", async () => {
    const clock = new ManualClock();
    const deps = { clock, ids: new CountingIds(), bootDelayMs: 5_000, streamDelayMs: 0 };
    const slow = createState(deps).forOrg(ORG);
    slow.sandboxes.create(sandboxInput("build-runner"));
    slow.agents.upsert(upsertInput({ slug: "code-assistant", sandbox: "build-runner" }), actor);
    clock.nextRequest();
    expect(slow.sandboxes.get("build-runner").status).toBe("creating");
    expectConflictAndNothingRecorded(slow);
    clock.advance(5_000);
    expect(slow.sandboxes.get("build-runner").status).toBe("running");
    expect((await runJson("code-assistant", ask({ prompt: "hello" }), slow)).status).toBe("completed");
  });

  it("answers 409 once the sandbox is destroyed, even when a new sandbox takes its name", () => {
    org.sandboxes.delete("build-runner");
    expectConflictAndNothingRecorded();
    org.sandboxes.create(sandboxInput("build-runner"));
    w.clock.nextRequest();
    expectConflictAndNothingRecorded();
  });

  it("runs a managed agent without any sandbox, whatever the sandboxes do", async () => {
    org.sandboxes.delete("build-runner");
    const result = await runJson("data-analyst", ask({ prompt: "hello" }));
    expect(result).toMatchObject({ sandboxId: null, executionMode: "managed", targetDeviceId: null, status: "completed", result: "[data-analyst] You said: hello", iterations: 1 });
    expect(org.runs.get(result.runId).sandboxId).toBeNull();
    expect(org.threads.get(result.threadId).executionMode).toBe("managed");
    expect(types(result.threadId)).toEqual(["run_started", "user_message", "assistant_message", "run_completed"]);
  });

  it("reports sandboxId null for a managed agent that names a sandbox (RunResult: 'null otherwise')", async () => {
    const linked = org.agents.upsert(upsertInput({ slug: "linked-analyst", executionMode: "managed", sandbox: "build-runner" }), actor).agent;
    expect(linked.sandboxId).toBe(w.sandboxId);
    const result = await runJson("linked-analyst", ask({ prompt: "hello" }));
    expect(result.sandboxId).toBeNull();
    expect(org.runs.get(result.runId).sandboxId).toBeNull();
  });
});

describe("RunService: local-mac agents are dispatched", () => {
  it("answers dispatched with no result, zero usage and no iterations; the run stays dispatched", async () => {
    const result = await runJson("mac-helper", ask({ prompt: "hello" }));
    expect(result).toEqual<RunResult>({
      runId: "run_0000000000000001",
      sandboxId: null,
      threadId: "thr_0000000000000001",
      rolloutId: "rol_0000000000000001",
      executionMode: "local-mac",
      targetDeviceId: DEVICE,
      status: "dispatched",
      result: null,
      usage: ZERO_USAGE,
      iterations: 0,
    });
    expect(org.runs.get(result.runId)).toMatchObject({ status: "dispatched", completedAt: null, sandboxId: null });
    expect(org.runs.list({ status: "dispatched" }, 10).items.map((r) => r.id)).toEqual([result.runId]);
  });

  it("records only run_started and user_message", async () => {
    const result = await runJson("mac-helper", ask({ prompt: "hello" }));
    expect(eventsOf(result.threadId)).toEqual([
      { sequence: 1, type: "run_started", payload: { agentId: w.mac.id, executionMode: "local-mac" }, runId: result.runId, rolloutId: result.rolloutId },
      { sequence: 2, type: "user_message", payload: { content: "hello" }, runId: result.runId, rolloutId: result.rolloutId },
    ]);
    expect(org.threads.get(result.threadId)).toMatchObject({ executionMode: "local-mac", activeRolloutId: result.rolloutId });
  });
});

describe("RunService: the exec_command tool", () => {
  it("runs the backticked command in the sandbox first: two iterations, tool_call and tool_result recorded", async () => {
    const result = await runJson("shell-agent", ask({ prompt: "run `echo hi`" }));
    // "run `echo hi`" = 13 characters → 4 tokens; "[shell-agent] You said: run `echo hi`" = 37 → 10.
    expect(result).toMatchObject({ status: "completed", result: "[shell-agent] You said: run `echo hi`", iterations: 2, usage: usage(4, 10) });
    const common = { runId: result.runId, rolloutId: result.rolloutId };
    expect(eventsOf(result.threadId)).toEqual([
      { sequence: 1, type: "run_started", payload: { agentId: w.shell.id, executionMode: "in_sandbox" }, ...common },
      { sequence: 2, type: "user_message", payload: { content: "run `echo hi`" }, ...common },
      { sequence: 3, type: "tool_call", payload: { toolCallId: "call_1", name: "exec_command", arguments: { command: "echo hi" } }, ...common },
      { sequence: 4, type: "tool_result", payload: { toolCallId: "call_1", name: "exec_command", output: { stdout: "hi\n", stderr: "", exitCode: 0 } }, ...common },
      { sequence: 5, type: "assistant_message", payload: { content: "[shell-agent] You said: run `echo hi`" }, ...common },
      { sequence: 6, type: "run_completed", payload: { status: "completed", usage: usage(4, 10), iterations: 2 }, ...common },
    ]);
  });

  it("runs the tool in the sandbox's shell over its files: what an exec wrote, the agent reads, and an unknown command exits 127", async () => {
    await org.sandboxes.exec("build-runner", { command: "echo from-exec > /workspace/notes", timeout: 30_000, cwd: "/workspace" });
    const read = await runJson("shell-agent", ask({ prompt: "show `cat /workspace/notes && wc -l < /workspace/notes`" }));
    const output = (threadId: string) => org.threads.snapshot(threadId).events.find((e) => e.type === "tool_result")?.payload.output;
    expect(output(read.threadId)).toEqual({ stdout: "from-exec\n1\n", stderr: "", exitCode: 0 });
    const missing = await runJson("shell-agent", ask({ prompt: "try `no-such-tool --version`" }));
    expect(output(missing.threadId)).toEqual({ stdout: "", stderr: "bash: no-such-tool: command not found\n", exitCode: 127 });
  });

  it("answers get_dev_url with the sandbox's preview URL of the port asked (3000 by default), and an error for a bad port", async () => {
    const runner = new RunService({
      clock: w.clock, ids: w.ids, agents: org.agents, sandboxes: org.sandboxes, threads: org.threads, runs: org.runs, secrets: org.secrets, streamDelayMs: 0,
      scripters: [() => ({ toolCalls: [{ name: "get_dev_url", arguments: { port: 8080 } }, { name: "get_dev_url", arguments: {} }, { name: "get_dev_url", arguments: { port: "x" } }], text: "Up." })],
    });
    const result = await runner.start("shell-agent", ask({ prompt: "serve it" }), actor).complete();
    const outputs = org.threads.snapshot(result.threadId).events.filter((e) => e.type === "tool_result").map((e) => e.payload.output);
    const id = org.sandboxes.get("build-runner").id;
    expect(outputs).toEqual([
      { url: `https://8080-${id}.sandboxes.runtools.ai`, port: 8080 },
      { url: `https://3000-${id}.sandboxes.runtools.ai`, port: 3000 },
      { error: 'port must be an integer from 1 to 65535, got "x"' },
    ]);
  });

  it("makes no tool call for an agent without the tool, nor for a managed agent that has it", async () => {
    for (const slug of ["code-assistant", "data-analyst"]) {
      const result = await runJson(slug, ask({ prompt: "run `echo hi`" }));
      expect(result.iterations).toBe(1);
      expect(types(result.threadId)).toEqual(["run_started", "user_message", "assistant_message", "run_completed"]);
    }
  });

  it("makes no tool call when the prompt has no backticked command", async () => {
    const result = await runJson("shell-agent", ask({ prompt: "run echo hi" }));
    expect(result.iterations).toBe(1);
    expect(types(result.threadId)).not.toContain("tool_call");
  });

  it("reports {error} as the tool's output when the sandbox stops between start and the tool call; the run completes", async () => {
    const started = org.runner.start("shell-agent", ask({ prompt: "run `echo hi`" }), actor);
    org.sandboxes.pause("build-runner");
    const result = await started.complete();
    expect(result).toMatchObject({ status: "completed", iterations: 2 });
    const toolResult = org.threads.snapshot(result.threadId).events.find((e) => e.type === "tool_result");
    expect(toolResult?.payload).toEqual({ toolCallId: "call_1", name: "exec_command", output: { error: expect.stringContaining("pausing") } });
  });
});

describe("RunService: the agent's env, its secret references resolved at run time", () => {
  const OTHER_USER = { orgId: ORG, userId: "33333333-3333-4333-8333-333333333333" };
  const toolOutput = (threadId: string) => org.threads.snapshot(threadId).events.find((e) => e.type === "tool_result")?.payload.output;

  function envAgent(env: NonNullable<AgentUpsertRequest["env"]>, slug = "env-agent"): void {
    org.agents.upsert(upsertInput({ slug, sandbox: "build-runner", tools: ["exec_command"], env }), actor);
  }

  it("gives exec_command the plain values as strings and the secret's value, masked in the recorded output", async () => {
    org.secrets.upsert({ name: "gh-token", value: "ghp_s3cret" }, actor);
    envAgent({ PORT: 3000, DEBUG: true, REGION: "eu", GH_TOKEN: { secret: "gh-token" } });
    const result = await runJson("env-agent", ask({ prompt: "run `echo $PORT $DEBUG $REGION; echo $GH_TOKEN | tee /tmp/token; sh -c 'echo child:$GH_TOKEN'`" }));
    expect(toolOutput(result.threadId)).toEqual({ stdout: "3000 true eu\n<secret:GH_TOKEN>\nchild:<secret:GH_TOKEN>\n", stderr: "", exitCode: 0 });
    expect(JSON.stringify(org.threads.snapshot(result.threadId))).not.toContain("ghp_s3cret");
    // What the command wrote is the value itself (the sandbox's own exec is not the agent's log).
    expect((await org.sandboxes.exec("build-runner", { command: "cat /tmp/token", timeout: 30_000, cwd: "/workspace" })).stdout).toBe("ghp_s3cret\n");
  });

  it("keeps the reference, never the value, in the agent (the name upper-cased as the secrets API stores it)", () => {
    org.secrets.upsert({ name: "GH_TOKEN", value: "ghp_s3cret" }, actor);
    envAgent({ GH_TOKEN: { secret: "gh-token" } });
    expect(org.agents.get("env-agent").envJson).toEqual({ GH_TOKEN: { secret: "GH_TOKEN" } });
    expect(JSON.stringify(org.agents.all())).not.toContain("ghp_s3cret");
  });

  it("resolves when the run starts: a secret set after the agent, then rotated, is read as it is at each run", async () => {
    envAgent({ TOKEN: { secret: "TOKEN" } });
    org.secrets.upsert({ name: "TOKEN", value: "first" }, actor);
    const first = await runJson("env-agent", ask({ prompt: 'run `test "$TOKEN" = first && echo yes`' }));
    expect(toolOutput(first.threadId)).toMatchObject({ stdout: "yes\n" });
    org.secrets.upsert({ name: "TOKEN", value: "second" }, actor);
    const second = await runJson("env-agent", ask({ prompt: 'run `test "$TOKEN" = second && echo yes`' }));
    expect(toolOutput(second.threadId)).toMatchObject({ stdout: "yes\n" });
  });

  it.each<[string, () => void, string]>([
    ["a secret nobody set", () => undefined, "which does not exist for this caller"],
    ["another member's private secret", () => org.secrets.upsert({ name: "TOKEN", value: "theirs" }, OTHER_USER), "which does not exist for this caller"],
    ["a secret scoped to tools", () => org.secrets.upsert({ name: "TOKEN", value: "v", scope: "tools" }, actor), "whose scope 'tools' does not include agents"],
  ])("refuses the run of an agent whose env names %s with 409, recording nothing", (_case, arrange, message) => {
    arrange();
    envAgent({ TOKEN: { secret: "TOKEN" } });
    const before = recorded();
    const error = apiErrorOf(() => org.runner.start("env-agent", ask({ prompt: "hello" }), actor));
    expect(error.status).toBe(409);
    expect(error.message).toContain("env TOKEN refers to secret 'TOKEN'");
    expect(error.message).toContain(message);
    expect(recorded()).toEqual(before);
  });

  it("resolves the organization's shared secret for any member, and for managed and local-mac agents too", async () => {
    org.secrets.upsert({ name: "SHARED", value: "org-value", orgWide: true }, OTHER_USER);
    envAgent({ SHARED: { secret: "shared" } });
    expect((await runJson("env-agent", ask({ prompt: "hello" }))).status).toBe("completed");
    org.agents.upsert(upsertInput({ slug: "managed-env", executionMode: "managed", env: { MISSING: { secret: "NOPE" } } }), actor);
    expect(apiErrorOf(() => org.runner.start("managed-env", ask({ prompt: "hi" }), actor)).status).toBe(409);
  });
});

describe("RunService: the request's metadata", () => {
  it("keeps metadata of any JSON values in the run_started event's payload, and none when none was sent", async () => {
    const metadata = { attempt: 2, ci: { job: "build", retried: true }, tags: ["a", "b"], note: null };
    const withMeta = await runJson("code-assistant", ask({ prompt: "hello", metadata }));
    expect(eventsOf(withMeta.threadId)[0]?.payload).toEqual({ agentId: w.assistant.id, executionMode: "in_sandbox", metadata });
    const without = await runJson("code-assistant", ask({ prompt: "hello" }));
    expect(eventsOf(without.threadId)[0]?.payload).toEqual({ agentId: w.assistant.id, executionMode: "in_sandbox" });
  });
});

describe("RunService: scripted replies (the control plane's seam)", () => {
  function service(scripters: readonly ReplyScripter[]): RunService {
    return new RunService({ clock: w.clock, ids: w.ids, agents: org.agents, sandboxes: org.sandboxes, threads: org.threads, runs: org.runs, secrets: org.secrets, streamDelayMs: 0, scripters });
  }

  it("uses a scripter's reply over the default one, its tool output as given, and falls back for other agents", async () => {
    const seen: Array<{ slug: string; prompt: string }> = [];
    const scripter: ReplyScripter = ({ agent, prompt }) => {
      seen.push({ slug: agent.slug, prompt });
      if (agent.slug !== "shell-agent") return undefined;
      return {
        toolCalls: [
          { name: "exec_command", arguments: { command: "echo hi" }, output: { stdout: "scripted\n", stderr: "", exitCode: 3 } },
          { name: "search_docs", arguments: { q: "build" }, output: { hits: 2 } },
        ],
        text: "All done.",
      };
    };
    const runner = service([scripter]);
    const scripted = await runner.start("shell-agent", ask({ prompt: "run `echo hi`" }), actor).complete();
    expect(resultSchema(scripted)).toEqual([]);
    // "run `echo hi`" → 4 tokens; "All done." = 9 characters → 3 tokens.
    expect(scripted).toMatchObject({ status: "completed", result: "All done.", iterations: 3, usage: usage(4, 3) });
    const events = org.threads.snapshot(scripted.threadId).events;
    expect(events.map((e) => e.type)).toEqual(["run_started", "user_message", "tool_call", "tool_result", "tool_call", "tool_result", "assistant_message", "run_completed"]);
    expect(events[3]?.payload).toEqual({ toolCallId: "call_1", name: "exec_command", output: { stdout: "scripted\n", stderr: "", exitCode: 3 } });
    expect(events[4]?.payload).toEqual({ toolCallId: "call_2", name: "search_docs", arguments: { q: "build" } });
    expect(events[5]?.payload).toEqual({ toolCallId: "call_2", name: "search_docs", output: { hits: 2 } });
    expect(events[6]?.payload).toEqual({ content: "All done." });

    const fallback = await runner.start("code-assistant", ask({ prompt: "hello" }), actor).complete();
    expect(fallback.result).toBe("[code-assistant] You said: hello");
    expect(seen).toEqual([
      { slug: "shell-agent", prompt: "run `echo hi`" },
      { slug: "code-assistant", prompt: "hello" },
    ]);
  });

  it("asks scripters in order; the first that answers wins", async () => {
    const runner = service([() => undefined, () => ({ toolCalls: [], text: "second" }), () => ({ toolCalls: [], text: "third" })]);
    expect((await runner.start("code-assistant", ask({ prompt: "hello" }), actor).complete()).result).toBe("second");
  });

  it("streams a scripted reply", async () => {
    const runner = service([() => ({ toolCalls: [{ name: "lookup", arguments: { id: 1 }, output: { found: true } }], text: "Found it." })]);
    const frames = await collect(runner.start("code-assistant", ask({ prompt: "find" }), actor));
    expect(frames.map((f) => f.event)).toEqual(["run_started", "tool_call_started", "tool_call_completed", "assistant_message_delta", "assistant_message_delta", "assistant_message", "run_completed"]);
    expect(frames[2]?.data).toEqual({ type: "tool_call_completed", runId: frames[0]?.data.runId, toolCallId: "call_1", name: "lookup", output: { found: true } });
    expect(deltasOf(frames)).toBe("Found it.");
  });
});

describe("RunService: streaming", () => {
  it("streams run_started, deltas that join into the reply, assistant_message and run_completed; the run completes", async () => {
    const started = org.runner.start("code-assistant", ask({ prompt: "hello" }), actor);
    const frames = await collect(started);
    const runId = started.run.id;
    expect(frames.map((f) => f.event)).toEqual([
      "run_started",
      ...Array<string>(frames.length - 3).fill("assistant_message_delta"),
      "assistant_message",
      "run_completed",
    ]);
    expect(frames.length).toBeGreaterThan(3);
    expect(frames[0]?.data).toEqual({
      type: "run_started",
      runId,
      threadId: started.thread.id,
      rolloutId: started.rolloutId,
      agentId: w.assistant.id,
      executionMode: "in_sandbox",
      createdAt: START,
    });
    expect(deltasOf(frames)).toBe("[code-assistant] You said: hello");
    expect(frames.at(-2)?.data).toEqual({ type: "assistant_message", runId, content: "[code-assistant] You said: hello" });
    expect(frames.at(-1)?.data).toEqual({ type: "run_completed", runId, status: "completed", usage: usage(2, 8), iterations: 1 });
    expect(org.runs.get(runId)).toMatchObject({ status: "completed", completedAt: START });
    expect(types(started.thread.id)).toEqual(["run_started", "user_message", "assistant_message", "run_completed"]);
  });

  it("streams the tool call between run_started and assistant_message, started then completed", async () => {
    const started = org.runner.start("shell-agent", ask({ prompt: "run `echo hi`" }), actor);
    const frames = await collect(started);
    const runId = started.run.id;
    const events = frames.map((f) => f.event);
    expect(events[0]).toBe("run_started");
    expect(events.slice(-2)).toEqual(["assistant_message", "run_completed"]);
    const middle = events.slice(1, -2);
    expect(middle.filter((e) => e !== "assistant_message_delta")).toEqual(["tool_call_started", "tool_call_completed"]);
    const startedAt = events.indexOf("tool_call_started");
    expect(events[startedAt + 1]).toBe("tool_call_completed");
    expect(frames[startedAt]?.data).toEqual({ type: "tool_call_started", runId, toolCallId: "call_1", name: "exec_command", arguments: { command: "echo hi" } });
    expect(frames[startedAt + 1]?.data).toEqual({ type: "tool_call_completed", runId, toolCallId: "call_1", name: "exec_command", output: { stdout: "hi\n", stderr: "", exitCode: 0 } });
    expect(deltasOf(frames)).toBe("[shell-agent] You said: run `echo hi`");
    expect(frames.at(-1)?.data).toEqual({ type: "run_completed", runId, status: "completed", usage: usage(4, 10), iterations: 2 });
    expect(types(started.thread.id)).toEqual(["run_started", "user_message", "tool_call", "tool_result", "assistant_message", "run_completed"]);
    expect(org.runs.get(runId).status).toBe("completed");
  });

  it("records the same durable events whether the run is streamed or answered as JSON", async () => {
    const json = await runJson("shell-agent", ask({ prompt: "run `echo hi`" }));
    const streamed = org.runner.start("shell-agent", ask({ prompt: "run `echo hi`" }), actor);
    await collect(streamed);
    const strip = (threadId: string) => eventsOf(threadId).map(({ sequence, type, payload }) => ({ sequence, type, payload }));
    expect(strip(streamed.thread.id)).toEqual(strip(json.threadId));
  });

  it("streams a local-mac run as run_started and run_dispatched only; the run stays dispatched", async () => {
    const started = org.runner.start("mac-helper", ask({ prompt: "hello" }), actor);
    const frames = await collect(started);
    expect(frames.map((f) => f.event)).toEqual(["run_started", "run_dispatched"]);
    expect(frames[1]?.data).toEqual({ type: "run_dispatched", runId: started.run.id, targetDeviceId: DEVICE });
    expect(org.runs.get(started.run.id)).toMatchObject({ status: "dispatched", completedAt: null });
    expect(types(started.thread.id)).toEqual(["run_started", "user_message"]);
  });

  it("streams with a delay between frames just the same", async () => {
    const slow = world({ streamDelayMs: 5 });
    const started = slow.org.runner.start("code-assistant", ask({ prompt: "hello" }), actor);
    const frames = await collect(started);
    expect(frames.at(-1)?.data).toMatchObject({ type: "run_completed", status: "completed" });
    expect(deltasOf(frames)).toBe("[code-assistant] You said: hello");
    expect(slow.org.runs.get(started.run.id).status).toBe("completed");
  });
});

describe("RunService: ending a stream early", () => {
  /** The run_completed events of a thread, by payload. */
  function completions(threadId: string, of: OrgState): unknown[] {
    return of.threads.snapshot(threadId).events.filter((e) => e.type === "run_completed").map((e) => e.payload);
  }

  it("a client that disconnects after the first frame stops the stream and leaves the run cancelled, recorded once", async () => {
    const slow = world({ streamDelayMs: 20 });
    const started = slow.org.runner.start("code-assistant", ask({ prompt: "hello" }), actor);
    const client = new AbortController();
    slow.clock.advance(1_000);
    const frames = await collect(started, { signal: client.signal, onFrame: () => client.abort() });
    expect(frames.map((f) => f.event)).toEqual(["run_started"]);
    expect(slow.org.runs.get(started.run.id)).toMatchObject({ status: "cancelled", completedAt: "2026-01-01T00:00:01.000Z" });
    expect(types(started.thread.id, slow.org)).toEqual(["run_started", "user_message", "run_completed"]);
    expect(completions(started.thread.id, slow.org)).toEqual([{ status: "cancelled" }]);
    // The run is over: a cancel now is a conflict and records nothing more.
    expect(apiErrorOf(() => slow.org.runner.cancel(started.run.id)).code).toBe("conflict");
    expect(completions(started.thread.id, slow.org)).toEqual([{ status: "cancelled" }]);
  });

  it("a client that disconnects mid-way through the deltas leaves the run cancelled, without assistant_message", async () => {
    const slow = world({ streamDelayMs: 20 });
    const started = slow.org.runner.start("code-assistant", ask({ prompt: "hello" }), actor);
    const client = new AbortController();
    const frames = await collect(started, { signal: client.signal, onFrame: (_frame, index) => index === 2 && client.abort() });
    expect(frames.map((f) => f.event)).toEqual(["run_started", "assistant_message_delta", "assistant_message_delta"]);
    expect(slow.org.runs.get(started.run.id).status).toBe("cancelled");
    expect(types(started.thread.id, slow.org)).toEqual(["run_started", "user_message", "run_completed"]);
  });

  it("a client that is gone before the first frame gets nothing, and the run is cancelled", async () => {
    const started = org.runner.start("code-assistant", ask({ prompt: "hello" }), actor);
    const client = new AbortController();
    client.abort();
    const frames = await collect(started, { signal: client.signal });
    expect(frames).toEqual([]);
    expect(org.runs.get(started.run.id).status).toBe("cancelled");
    expect(completions(started.thread.id, org)).toEqual([{ status: "cancelled" }]);
  });

  it("a client that disconnects right after run_completed leaves the run completed", async () => {
    const slow = world({ streamDelayMs: 20 });
    const started = slow.org.runner.start("code-assistant", ask({ prompt: "hello" }), actor);
    const client = new AbortController();
    const frames = await collect(started, { signal: client.signal, onFrame: (frame) => frame.event === "run_completed" && client.abort() });
    expect(frames.at(-1)?.event).toBe("run_completed");
    expect(slow.org.runs.get(started.run.id).status).toBe("completed");
    expect(completions(started.thread.id, slow.org)).toEqual([{ status: "completed", usage: usage(2, 8), iterations: 1 }]);
  });

  it("a client that disconnects right after run_dispatched leaves the local-mac run dispatched", async () => {
    const slow = world({ streamDelayMs: 20 });
    const started = slow.org.runner.start("mac-helper", ask({ prompt: "hello" }), actor);
    const client = new AbortController();
    const frames = await collect(started, { signal: client.signal, onFrame: (frame) => frame.event === "run_dispatched" && client.abort() });
    expect(frames.map((f) => f.event)).toEqual(["run_started", "run_dispatched"]);
    expect(slow.org.runs.get(started.run.id)).toMatchObject({ status: "dispatched", completedAt: null });
    expect(types(started.thread.id, slow.org)).toEqual(["run_started", "user_message"]);
  });

  it("RunService.cancel during a stream ends it with a cancelled run_completed frame, recorded exactly once", async () => {
    const slow = world({ streamDelayMs: 20 });
    const started = slow.org.runner.start("code-assistant", ask({ prompt: "hello" }), actor);
    const runId = started.run.id;
    const client = new AbortController();
    const answers: unknown[] = [];
    const frames = await collect(started, {
      signal: client.signal,
      onFrame: (_frame, index) => {
        if (index === 0) answers.push(slow.org.runner.cancel(runId));
      },
    });
    expect(client.signal.aborted).toBe(false);
    expect(answers).toEqual([expect.objectContaining({ id: runId, status: "cancelled" })]);
    expect(frames.map((f) => f.event)).toEqual(["run_started", "run_completed"]);
    expect(frames[1]?.data).toEqual({ type: "run_completed", runId, status: "cancelled", usage: usage(2, 0), iterations: 0 });
    expect(slow.org.runs.get(runId).status).toBe("cancelled");
    expect(types(started.thread.id, slow.org)).toEqual(["run_started", "user_message", "run_completed"]);
    expect(completions(started.thread.id, slow.org)).toEqual([{ status: "cancelled" }]);
  });

  it("RunService.cancel from outside, while the stream waits between frames, ends it the same way", async () => {
    const slow = world({ streamDelayMs: 20 });
    const started = slow.org.runner.start("shell-agent", ask({ prompt: "run `echo hi`" }), actor);
    const runId = started.run.id;
    let firstFrame!: () => void;
    const arrived = new Promise<void>((resolve) => (firstFrame = resolve));
    const streaming = collect(started, { onFrame: (_frame, index) => index === 1 && firstFrame() });
    await arrived;
    slow.org.runner.cancel(runId);
    const frames = await streaming;
    expect(frames.map((f) => f.event)).toEqual(["run_started", "tool_call_started", "run_completed"]);
    expect(frames.at(-1)?.data).toMatchObject({ type: "run_completed", status: "cancelled", iterations: 0 });
    expect(slow.org.runs.get(runId).status).toBe("cancelled");
    // The tool call was cut short with the run: it has no result.
    expect(types(started.thread.id, slow.org)).toEqual(["run_started", "user_message", "tool_call", "run_completed"]);
    expect(completions(started.thread.id, slow.org)).toEqual([{ status: "cancelled" }]);
  });

  it("RunService.cancel of a dispatched local-mac run cancels it and records run_completed once", async () => {
    const result = await runJson("mac-helper", ask({ prompt: "hello" }));
    w.clock.advance(30_000);
    const cancelled = org.runner.cancel(result.runId);
    expect(cancelled).toMatchObject({ id: result.runId, status: "cancelled", completedAt: "2026-01-01T00:00:30.000Z" });
    expect(summarySchema(cancelled)).toEqual([]);
    expect(org.runs.get(result.runId).status).toBe("cancelled");
    expect(eventsOf(result.threadId).slice(2)).toEqual([
      { sequence: 3, type: "run_completed", payload: { status: "cancelled" }, runId: result.runId, rolloutId: result.rolloutId },
    ]);
    expect(apiErrorOf(() => org.runner.cancel(result.runId)).code).toBe("conflict");
    expect(types(result.threadId)).toEqual(["run_started", "user_message", "run_completed"]);
  });

  it("RunService.cancel of a local-mac run whose stream has ended records run_completed once", async () => {
    const started = org.runner.start("mac-helper", ask({ prompt: "hello" }), actor);
    await collect(started);
    org.runner.cancel(started.run.id);
    expect(completions(started.thread.id, org)).toEqual([{ status: "cancelled" }]);
  });

  it("RunService.cancel of a completed run answers 409 conflict and records nothing", async () => {
    const result = await runJson("code-assistant", ask({ prompt: "hello" }));
    const before = recorded();
    const error = apiErrorOf(() => org.runner.cancel(result.runId));
    expect(error.code).toBe("conflict");
    expect(recorded()).toEqual(before);
    expect(org.runs.get(result.runId).status).toBe("completed");
  });

  it("RunService.cancel of an unknown run answers 404 not_found", () => {
    expect(apiErrorOf(() => org.runner.cancel("run_doesnotexist00")).code).toBe("not_found");
  });
});

describe("RunService.publish: a device's events for its dispatched run", () => {
  const ended = (status: string) => ({ type: "run_completed" as const, payload: { status, iterations: 1 } });

  it("appends the events after the run's, and a trailing run_completed finishes the run with its status", async () => {
    const mac = await runJson("mac-helper", ask({ prompt: "open Xcode" }));
    const answer = org.runner.publish(mac.threadId, {
      runId: mac.runId,
      rolloutId: mac.rolloutId,
      events: [{ type: "assistant_message", payload: { content: "Xcode is open." } }, ended("completed")],
    });
    expect(answer).toEqual({ threadId: mac.threadId, rolloutId: mac.rolloutId, sequence: 4, appended: 2 });
    const events = org.threads.snapshot(mac.threadId).events;
    expect(events.slice(2)).toMatchObject([
      { sequence: 3, type: "assistant_message", runId: mac.runId, rolloutId: mac.rolloutId, payload: { content: "Xcode is open." } },
      { sequence: 4, type: "run_completed", runId: mac.runId, rolloutId: mac.rolloutId, payload: { status: "completed", iterations: 1 } },
    ]);
    for (const event of events) expect(eventSchema(event)).toEqual([]);
    expect(org.runs.get(mac.runId)).toMatchObject({ status: "completed", completedAt: START });
    expect(org.runs.list({ status: "completed" }, 10).items.map((r) => r.id)).toEqual([mac.runId]);
    expect(org.activity.list({}, 10).items[0]).toMatchObject({ eventType: "agent.run.completed", agentRunId: mac.runId });
  });

  it("keeps the run dispatched while the events do not end it, and ends it failed when the device says so", async () => {
    const mac = await runJson("mac-helper", ask({ prompt: "hello" }));
    org.runner.publish(mac.threadId, { runId: mac.runId, rolloutId: mac.rolloutId, events: [{ type: "tool_call", payload: { toolCallId: "c1", name: "exec_command", arguments: {} } }] });
    expect(org.runs.get(mac.runId).status).toBe("dispatched");
    org.runner.publish(mac.threadId, { runId: mac.runId, rolloutId: mac.rolloutId, events: [ended("failed")] });
    expect(org.runs.get(mac.runId).status).toBe("failed");
  });

  it("refuses bad events with one 400 naming each, and appends none of the batch", async () => {
    const mac = await runJson("mac-helper", ask({ prompt: "hello" }));
    const before = recorded();
    const error = apiErrorOf(() =>
      org.runner.publish(mac.threadId, {
        runId: mac.runId,
        rolloutId: mac.rolloutId,
        events: [{ type: "assistant_message", payload: { content: "fine" } }, ended("completed"), { type: "user_message", payload: { content: 7 } }, ended("exploded")],
      }),
    );
    expect(error.status).toBe(400);
    expect(error.details?.map((d) => d.path)).toEqual(["/body/events/1/type", "/body/events/2/payload/content", "/body/events/3/payload/status"]);
    expect(recorded()).toEqual(before);
  });

  it("answers 400 for another rollout, 404 for a run of another thread, 409 for a run the mock carries out or one that finished", async () => {
    const mac = await runJson("mac-helper", ask({ prompt: "hello" }));
    const own = await runJson("code-assistant", ask({ prompt: "hi" }));
    const events = [ended("completed")];
    const before = recorded();
    expect(apiErrorOf(() => org.runner.publish(mac.threadId, { runId: mac.runId, rolloutId: own.rolloutId, events })).status).toBe(400);
    expect(apiErrorOf(() => org.runner.publish(mac.threadId, { runId: own.runId, rolloutId: own.rolloutId, events })).status).toBe(404);
    expect(apiErrorOf(() => org.runner.publish("thr_missing", { runId: mac.runId, rolloutId: mac.rolloutId, events })).status).toBe(404);
    expect(apiErrorOf(() => org.runner.publish(own.threadId, { runId: own.runId, rolloutId: own.rolloutId, events })).status).toBe(409);
    expect(recorded()).toEqual(before);
    org.runner.cancel(mac.runId);
    expect(apiErrorOf(() => org.runner.publish(mac.threadId, { runId: mac.runId, rolloutId: mac.rolloutId, events })).status).toBe(409);
  });
});

describe("RunService.compact", () => {
  it("compacts a thread whose runs have finished, and is a 409 while one is in flight", async () => {
    const done = await runJson("code-assistant", ask({ prompt: "hello" }));
    expect(org.runner.compact(done.threadId).thread.activeRolloutId).not.toBe(done.rolloutId);
    const mac = await runJson("mac-helper", ask({ prompt: "hello" }));
    const before = recorded();
    expect(apiErrorOf(() => org.runner.compact(mac.threadId)).status).toBe(409);
    expect(recorded()).toEqual(before);
    expect(apiErrorOf(() => org.runner.compact("thr_missing")).status).toBe(404);
  });
});
