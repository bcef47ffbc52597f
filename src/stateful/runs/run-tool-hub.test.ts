/**
 * Runs that call Tool Hub tools (issue 15: "Agents that list an installed or custom tool can call it
 * in a run, and the call shows in the run's events and the activity feed"). The organization comes
 * from createState, with a ScriptBook, as the mock builds it.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { ScriptBook } from "../../control/scripts.ts";
import { createState, type OrgState } from "../../state.ts";
import { CountingIds, ManualClock } from "../common/test-support.ts";

const ORG = "11111111-1111-4111-8111-111111111111";
const USER = "22222222-2222-4222-8222-222222222222";
const actor = { orgId: ORG, userId: USER };

let org: OrgState;
let scripts: ScriptBook;

beforeEach(() => {
  const clock = new ManualClock();
  const ids = new CountingIds();
  scripts = new ScriptBook(ids, () => clock.now());
  org = createState({ clock, ids, bootDelayMs: 0, streamDelayMs: 0, scripts }).forOrg(ORG);
  org.agents.upsert({ slug: "helper", model: "claude-sonnet-4", executionMode: "managed", visibility: "private", tools: ["web_search", "github", "customer-api"] }, actor);
});

async function run(prompt: string) {
  const started = org.runner.start("helper", { prompt, stream: false }, actor);
  const result = await started.complete();
  const events = org.threads.events(started.thread.id, 500).page.items;
  return { result, events, runId: started.run.id };
}

describe("a run calling a Tool Hub tool", () => {
  it("calls an installed tool named as @slug/action, records tool_call and tool_result, and reports it in the activity feed", async () => {
    org.tools.install("github", { userId: USER });
    const { result, events, runId } = await run("list them @github/list_repos please");
    expect(result.iterations).toBe(2);
    const call = events.find((e) => e.type === "tool_call");
    const output = events.find((e) => e.type === "tool_result");
    expect(call?.payload).toEqual({ toolCallId: "call_1", name: "github", arguments: { action: "list_repos", params: {} } });
    expect(output?.payload).toMatchObject({ name: "github", output: { success: true, result: { tool: "github", action: "list_repos", params: {} } } });
    const feed = org.activity.list({ agentRunId: runId, toolSlug: "github" }, 10).items.map((e) => e.eventType);
    expect(feed).toEqual(["tool.call.completed", "tool.call.started"]);
    // The run's call is not billed twice: no separate tool.executed.
    expect(org.activity.list({ eventType: "tool.executed" }, 10).items).toEqual([]);
  });

  it("answers a tool script's result inside the run", async () => {
    org.tools.install("github", { userId: USER });
    scripts.addTool({ tool: "github", action: "list_repos", result: { repos: ["runtools-mock"] } });
    const { events } = await run("@github/list_repos");
    expect(events.find((e) => e.type === "tool_result")?.payload).toMatchObject({ output: { success: true, result: { repos: ["runtools-mock"] } } });
  });

  it("calls a custom tool, and a failing result is tool.call.failed in the feed", async () => {
    org.tools.upsertCustom({ slug: "customer-api", name: "Customer API", code: "x", credentialsJson: { required: ["apiKey"] } }, { userId: USER });
    const { events, runId } = await run("@customer-api");
    expect(events.find((e) => e.type === "tool_result")?.payload).toMatchObject({ output: { success: false, error: { code: "credentials_missing" } } });
    const [failed] = org.activity.list({ agentRunId: runId, eventType: "tool.call.failed" }, 10).items;
    expect(failed).toMatchObject({ severity: "error", toolSlug: "customer-api", status: "failed" });
  });

  it("fails the call, not the run, when the listed tool is not installed", async () => {
    const { result, events } = await run("@github");
    expect(result.status).toBe("completed");
    expect(events.find((e) => e.type === "tool_result")?.payload).toMatchObject({ output: { success: false, error: { code: "tool_not_installed" } } });
  });

  it("ignores mentions of tools the agent does not list, core tools and e-mail addresses", async () => {
    org.tools.install("slack", { userId: USER });
    const { result, events } = await run("@slack @web_search ada@github.com");
    expect(result.iterations).toBe(1);
    expect(events.some((e) => e.type === "tool_call")).toBe(false);
  });

  it("executes a reply script's call of a listed tool through the Tool Hub, with arguments.params", async () => {
    org.tools.install("github", { userId: USER });
    scripts.addReply({ agent: "helper", text: "Done.", toolCalls: [{ name: "github", arguments: { action: "create_issue", params: { title: "Bug" } } }] });
    const { events } = await run("file it");
    expect(events.find((e) => e.type === "tool_result")?.payload).toMatchObject({ output: { success: true, result: { action: "create_issue", params: { title: "Bug" } } } });
  });
});
