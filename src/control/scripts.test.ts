/**
 * Scripted behaviour without HTTP (issue 5: "responses per operation (match on operationId,
 * organization and a body subset; answer a documented status and body; `times` to limit it);
 * sandbox exec output (match the command by regular expression → stdout, stderr, exit code,
 * duration); agent replies for runs (text, tool calls)"; spec/control.yaml `/__mock/scripts…`).
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { ExecRequest } from "../api-types.ts";
import { CONTROL_PATH, loadSpec } from "../spec/load.ts";
import { compileValidators } from "../spec/validators.ts";
import { apiErrorOf, CountingIds, ManualClock, START } from "../stateful/common/test-support.ts";
import type { ExecScriptInput, ResponseScriptInput } from "./control-types.ts";
import { contains, ScriptBook } from "./scripts.ts";

const control = compileValidators(loadSpec(CONTROL_PATH));
const listSchema = control.component("ScriptList");
const responseScriptSchema = control.component("ResponseScript");
const execScriptSchema = control.component("ExecScript");
const replyScriptSchema = control.component("ReplyScript");

const ORG_A = "3f8b2c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b";
const ORG_B = "5d2a8e7f-1b3c-4d6e-9f0a-2b4c6d8e0f1a";
const RUNNER = { id: "sandbox-abc123", name: "build-runner" };
const OTHER_SANDBOX = { id: "sandbox-zzz999", name: "other" };
const ASSISTANT = { id: "agt_abc123", slug: "code-assistant" };
const HELPER = { id: "agt_def456", slug: "docs-helper" };

let clock: ManualClock;
let book: ScriptBook;

beforeEach(() => {
  clock = new ManualClock();
  book = new ScriptBook(new CountingIds(), () => clock.now());
});

function response(fields: Partial<ResponseScriptInput> = {}): ResponseScriptInput {
  return { operationId: "getAgent", status: 404, body: { error: { code: "not_found", message: "scripted", requestId: "req_0000" } }, ...fields };
}

/** An exec script input as the request validator hands it over: defaults filled in. */
function exec(fields: Partial<ExecScriptInput> & { command: string }): ExecScriptInput {
  return { stdout: "", stderr: "", exitCode: 0, durationMs: 0, ...fields };
}

function command(text: string): ExecRequest {
  return { command: text, timeout: 30, cwd: "/workspace" };
}

describe("ScriptBook: response scripts", () => {
  it("adds a script with an id, remaining and createdAt, valid against ResponseScript", () => {
    clock.advance(1500);
    const script = book.addResponse(response({ times: 2 }));
    expect(responseScriptSchema(script)).toEqual([]);
    expect(script).toEqual({ ...response({ times: 2 }), id: "scr_000000000001", remaining: 2, createdAt: "2026-01-01T00:00:01.500Z" });
    expect(book.addResponse(response()).remaining).toBeNull();
  });

  it("matches on operationId", () => {
    book.addResponse(response({ operationId: "getAgent" }));
    expect(book.takeResponse("listAgents", ORG_A, undefined)).toBeUndefined();
    expect(book.takeResponse("getAgent", ORG_A, undefined)?.status).toBe(404);
  });

  it("the newest matching script wins", () => {
    const older = book.addResponse(response({ status: 404 }));
    const newer = book.addResponse(response({ status: 401, body: { error: { code: "unauthorized", message: "no", requestId: "req_0000" } } }));
    expect(book.takeResponse("getAgent", ORG_A, undefined)?.id).toBe(newer.id);
    book.delete(newer.id);
    expect(book.takeResponse("getAgent", ORG_A, undefined)?.id).toBe(older.id);
  });

  it("a newer script that does not match leaves the older one to answer", () => {
    const older = book.addResponse(response());
    book.addResponse(response({ match: { body: { slug: "other" } } }));
    expect(book.takeResponse("getAgent", ORG_A, { slug: "code-assistant" })?.id).toBe(older.id);
  });

  it("times counts down, and the script disappears when used up", () => {
    const script = book.addResponse(response({ times: 2 }));
    expect(book.takeResponse("getAgent", ORG_A, undefined)?.remaining).toBe(1);
    expect(book.list().responses.map((s) => [s.id, s.remaining])).toEqual([[script.id, 1]]);
    expect(book.takeResponse("getAgent", ORG_A, undefined)?.remaining).toBe(0);
    expect(book.list().responses).toEqual([]);
    expect(book.takeResponse("getAgent", ORG_A, undefined)).toBeUndefined();
    expect(apiErrorOf(() => book.delete(script.id)).code).toBe("not_found");
  });

  it("without times the script answers every time (remaining null)", () => {
    book.addResponse(response());
    for (let i = 0; i < 10; i++) expect(book.takeResponse("getAgent", ORG_A, undefined)?.remaining).toBeNull();
    expect(book.list().responses).toHaveLength(1);
  });

  it("a used-up newer script hands over to the older one", () => {
    const older = book.addResponse(response());
    const once = book.addResponse(response({ times: 1 }));
    expect(book.takeResponse("getAgent", ORG_A, undefined)?.id).toBe(once.id);
    expect(book.takeResponse("getAgent", ORG_A, undefined)?.id).toBe(older.id);
  });

  it("org limits a script to that organization's requests", () => {
    book.addResponse(response({ org: ORG_A }));
    expect(book.takeResponse("getAgent", ORG_B, undefined)).toBeUndefined();
    expect(book.takeResponse("getAgent", undefined, undefined)).toBeUndefined();
    expect(book.takeResponse("getAgent", ORG_A, undefined)?.org).toBe(ORG_A);
  });

  it("a script without org applies to every organization", () => {
    book.addResponse(response());
    expect(book.takeResponse("getAgent", ORG_A, undefined)).toBeDefined();
    expect(book.takeResponse("getAgent", ORG_B, undefined)).toBeDefined();
  });

  it("match.body: the request body must contain the subset", () => {
    book.addResponse(response({ operationId: "upsertAgent", status: 400, match: { body: { slug: "code-assistant", configJson: { maxTokens: 100 } } } }));
    expect(book.takeResponse("upsertAgent", ORG_A, { slug: "code-assistant", model: "claude-sonnet-4", configJson: { maxTokens: 100, maxIterations: 3 } })).toBeDefined();
    expect(book.takeResponse("upsertAgent", ORG_A, { slug: "code-assistant", configJson: { maxTokens: 200 } })).toBeUndefined();
    expect(book.takeResponse("upsertAgent", ORG_A, { slug: "code-assistant" })).toBeUndefined();
    expect(book.takeResponse("upsertAgent", ORG_A, { slug: "other", configJson: { maxTokens: 100 } })).toBeUndefined();
    expect(book.takeResponse("upsertAgent", ORG_A, undefined)).toBeUndefined();
  });

  it("a script is a copy: changing its input or a listed script changes nothing", () => {
    const input = response({ match: { body: { slug: "a" } } });
    book.addResponse(input);
    (input.match as { body: { slug: string } }).body.slug = "b";
    expect(book.takeResponse("getAgent", ORG_A, { slug: "a" })).toBeDefined();
    const [listed] = book.list().responses;
    if (!listed) throw new Error("no script");
    listed.status = 500;
    expect(book.list().responses[0]?.status).toBe(404);
  });
});

describe("contains (the deep subset of match.body)", () => {
  it("objects: every key of the subset, recursively; extra keys in the value are fine", () => {
    expect(contains({ a: 1, b: { c: 2, d: 3 }, e: "x" }, { b: { c: 2 } })).toBe(true);
    expect(contains({ a: 1 }, {})).toBe(true);
    expect(contains({ a: { b: { c: { d: 1, e: 2 } } } }, { a: { b: { c: { d: 1 } } } })).toBe(true);
    expect(contains({ a: { b: { c: { d: 2 } } } }, { a: { b: { c: { d: 1 } } } })).toBe(false);
  });

  it("a missing key fails, even for a null or undefined-looking expectation", () => {
    expect(contains({ a: 1 }, { b: 1 })).toBe(false);
    expect(contains({ a: 1 }, { b: null })).toBe(false);
    expect(contains({ a: 1 }, { a: 1, b: {} })).toBe(false);
  });

  it("scalars must be equal, types included", () => {
    expect(contains({ a: 1 }, { a: 1 })).toBe(true);
    expect(contains({ a: 1 }, { a: "1" })).toBe(false);
    expect(contains({ a: true }, { a: 1 })).toBe(false);
    expect(contains({ a: null }, { a: null })).toBe(true);
    expect(contains({ a: 0 }, { a: null })).toBe(false);
    expect(contains("x", "x")).toBe(true);
  });

  it("arrays must be equal: same length, same items in the same order", () => {
    expect(contains({ tags: ["a", "b"] }, { tags: ["a", "b"] })).toBe(true);
    expect(contains({ tags: ["a", "b", "c"] }, { tags: ["a", "b"] })).toBe(false);
    expect(contains({ tags: ["a"] }, { tags: ["a", "b"] })).toBe(false);
    expect(contains({ tags: ["b", "a"] }, { tags: ["a", "b"] })).toBe(false);
    expect(contains({ tags: "a" }, { tags: ["a"] })).toBe(false);
    expect(contains({ tags: { 0: "a", length: 1 } }, { tags: ["a"] })).toBe(false);
  });

  it("array items are compared whole, not as subsets (spec: arrays must be equal)", () => {
    expect(contains({ mounts: [{ path: "/data", readOnly: false }] }, { mounts: [{ path: "/data", readOnly: false }] })).toBe(true);
    expect(contains({ mounts: [{ path: "/data", readOnly: false }] }, { mounts: [{ path: "/data" }] })).toBe(false);
  });

  it("an object subset does not match an array or a scalar", () => {
    expect(contains([1, 2], { 0: 1 })).toBe(false);
    expect(contains("abc", { length: 3 })).toBe(false);
    expect(contains(null, {})).toBe(false);
    expect(contains(undefined, { a: 1 })).toBe(false);
  });
});

describe("ScriptBook: exec scripts", () => {
  it("adds a script valid against ExecScript, without its compiled pattern", () => {
    const script = book.addExec(exec({ command: "^npm test", stdout: "12 passing\n", durationMs: 1200 }));
    expect(execScriptSchema(script)).toEqual([]);
    expect(script).toEqual({ command: "^npm test", stdout: "12 passing\n", stderr: "", exitCode: 0, durationMs: 1200, id: "scr_000000000001", remaining: null, createdAt: START });
  });

  it("matches the command by regular expression, anywhere in the command line", () => {
    book.addExec(exec({ command: "pytest\\b", stdout: "ok", exitCode: 0 }));
    book.addExec(exec({ command: "^npm test$", stdout: "12 passing\n", stderr: "warn", exitCode: 3, durationMs: 1200 }));
    expect(book.takeExec(ORG_A, RUNNER, command("npm test"))).toEqual({ stdout: "12 passing\n", stderr: "warn", exitCode: 3, durationMs: 1200 });
    expect(book.takeExec(ORG_A, RUNNER, command("npm test --watch"))).toBeUndefined();
    expect(book.takeExec(ORG_A, RUNNER, command("cd app && pytest -q"))?.stdout).toBe("ok");
    expect(book.takeExec(ORG_A, RUNNER, command("pytests"))).toBeUndefined();
  });

  it("sandbox narrows it, by id or by name", () => {
    book.addExec(exec({ command: "ls", sandbox: "build-runner", stdout: "by name" }));
    book.addExec(exec({ command: "pwd", sandbox: "sandbox-abc123", stdout: "by id" }));
    expect(book.takeExec(ORG_A, RUNNER, command("ls"))?.stdout).toBe("by name");
    expect(book.takeExec(ORG_A, OTHER_SANDBOX, command("ls"))).toBeUndefined();
    expect(book.takeExec(ORG_A, RUNNER, command("pwd"))?.stdout).toBe("by id");
    expect(book.takeExec(ORG_A, OTHER_SANDBOX, command("pwd"))).toBeUndefined();
  });

  it("without sandbox it applies to every sandbox", () => {
    book.addExec(exec({ command: "ls", stdout: "any" }));
    expect(book.takeExec(ORG_A, RUNNER, command("ls"))?.stdout).toBe("any");
    expect(book.takeExec(ORG_A, OTHER_SANDBOX, command("ls"))?.stdout).toBe("any");
  });

  it("org limits it; the newest wins; times counts down", () => {
    book.addExec(exec({ command: "ls", stdout: "everyone" }));
    book.addExec(exec({ command: "ls", org: ORG_B, stdout: "org B, once", times: 1 }));
    expect(book.takeExec(ORG_A, RUNNER, command("ls"))?.stdout).toBe("everyone");
    expect(book.takeExec(ORG_B, RUNNER, command("ls"))?.stdout).toBe("org B, once");
    expect(book.takeExec(ORG_B, RUNNER, command("ls"))?.stdout).toBe("everyone");
    expect(book.list().exec.map((s) => s.stdout)).toEqual(["everyone"]);
  });

  it("an invalid regular expression is a 400 at /body/command, and nothing is added", () => {
    const error = apiErrorOf(() => book.addExec(exec({ command: "^npm (test" })));
    expect(error.status).toBe(400);
    expect(error.code).toBe("bad_request");
    expect(error.details).toEqual([{ path: "/body/command", message: expect.stringContaining("regular expression") }]);
    expect(book.list().exec).toEqual([]);
  });
});

describe("ScriptBook: patterns run on RE2 (linear time)", () => {
  it("answers a nested quantifier such as ^(a+)+$ against a 33-character command at once, matching or not", () => {
    book.addExec(exec({ command: "^(a+)+$", stdout: "matched" }));
    expect(book.takeExec(ORG_A, RUNNER, command(`${"a".repeat(32)}!`))).toBeUndefined();
    expect(book.takeExec(ORG_A, RUNNER, command("a".repeat(33)))?.stdout).toBe("matched");
  });

  it("refuses backreferences and lookaround with a 400 that names RE2 and what it lacks", () => {
    for (const pattern of ["(a)\\1", "npm(?= test)", "(?<!sudo )rm", "(?!x)y"]) {
      const error = apiErrorOf(() => book.addExec(exec({ command: pattern })));
      expect([error.status, error.details?.[0]?.path]).toEqual([400, "/body/command"]);
      expect(error.message).toContain("RE2 syntax");
      expect(error.message).toContain("lookaround");
    }
    const reply = apiErrorOf(() => book.addReply({ agent: "code-assistant", prompt: "(?=deploy)", text: "x" }));
    expect([reply.status, reply.details?.[0]?.path]).toEqual([400, "/body/prompt"]);
    expect(book.list()).toEqual({ responses: [], exec: [], replies: [], tools: [] });
  });

  it("applies a nested quantifier to prompts in linear time too", () => {
    book.addReply({ agent: "code-assistant", prompt: "^(x+x+)+y$", text: "never" });
    expect(book.takeReply(ORG_A, ASSISTANT, "x".repeat(5000))).toBeUndefined();
  });
});

describe("ScriptBook: reply scripts", () => {
  it("adds a script valid against ReplyScript", () => {
    const script = book.addReply({ agent: "code-assistant", prompt: "\\bdeploy\\b", text: "Deployed.", toolCalls: [{ name: "exec_command", arguments: { command: "npm run deploy" } }] });
    expect(replyScriptSchema(script)).toEqual([]);
    expect(script).toMatchObject({ id: "scr_000000000001", agent: "code-assistant", prompt: "\\bdeploy\\b", remaining: null, createdAt: START });
    expect(script).not.toHaveProperty("pattern");
  });

  it("matches the agent by slug or by id", () => {
    book.addReply({ agent: "code-assistant", text: "by slug" });
    book.addReply({ agent: "agt_def456", text: "by id" });
    expect(book.takeReply(ORG_A, ASSISTANT, "hello")?.text).toBe("by slug");
    expect(book.takeReply(ORG_A, HELPER, "hello")?.text).toBe("by id");
    expect(book.takeReply(ORG_A, { id: "agt_zzz", slug: "nobody" }, "hello")).toBeUndefined();
  });

  it("prompt is a regular expression matched anywhere; absent matches every prompt", () => {
    book.addReply({ agent: "code-assistant", text: "any" });
    book.addReply({ agent: "code-assistant", prompt: "\\bdeploy\\b", text: "deploying" });
    expect(book.takeReply(ORG_A, ASSISTANT, "please deploy now")?.text).toBe("deploying");
    expect(book.takeReply(ORG_A, ASSISTANT, "redeployment")?.text).toBe("any");
    expect(book.takeReply(ORG_A, ASSISTANT, "")?.text).toBe("any");
  });

  it("copies the tool calls (arguments default to {}, output only when set)", () => {
    const toolCalls = [
      { name: "exec_command", arguments: { command: "npm run deploy" } },
      { name: "web_search", arguments: { query: "limits" }, output: { results: [{ title: "Limits" }] } },
    ];
    book.addReply({ agent: "code-assistant", text: "done", toolCalls });
    const reply = book.takeReply(ORG_A, ASSISTANT, "x");
    expect(reply).toEqual({
      text: "done",
      toolCalls: [
        { name: "exec_command", arguments: { command: "npm run deploy" } },
        { name: "web_search", arguments: { query: "limits" }, output: { results: [{ title: "Limits" }] } },
      ],
    });
    // Copies: the caller may change them without touching the script.
    (reply?.toolCalls[0]?.arguments as { command: string }).command = "rm -rf /";
    toolCalls[1]!.arguments.query = "changed";
    expect(book.takeReply(ORG_A, ASSISTANT, "x")?.toolCalls.map((c) => c.arguments)).toEqual([{ command: "npm run deploy" }, { query: "limits" }]);
  });

  it("without toolCalls the reply has none", () => {
    book.addReply({ agent: "code-assistant", text: "plain" });
    expect(book.takeReply(ORG_A, ASSISTANT, "x")).toEqual({ text: "plain", toolCalls: [] });
  });

  it("org limits it; times counts down", () => {
    book.addReply({ agent: "code-assistant", org: ORG_A, text: "A twice", times: 2 });
    expect(book.takeReply(ORG_B, ASSISTANT, "x")).toBeUndefined();
    expect(book.takeReply(ORG_A, ASSISTANT, "x")?.text).toBe("A twice");
    expect(book.list().replies[0]?.remaining).toBe(1);
    expect(book.takeReply(ORG_A, ASSISTANT, "x")?.text).toBe("A twice");
    expect(book.takeReply(ORG_A, ASSISTANT, "x")).toBeUndefined();
    expect(book.list().replies).toEqual([]);
  });

  it("an invalid prompt regular expression is a 400 at /body/prompt, and nothing is added", () => {
    const error = apiErrorOf(() => book.addReply({ agent: "code-assistant", prompt: "(unclosed", text: "x" }));
    expect(error.code).toBe("bad_request");
    expect(error.details).toEqual([{ path: "/body/prompt", message: expect.stringContaining("regular expression") }]);
    expect(book.list().replies).toEqual([]);
  });
});

describe("ScriptBook: tool scripts", () => {
  const LIST = { action: "list_repos", params: { owner: "runtools-ai", page: 1 } };

  it("answers an execution of the tool whose action matches and whose params contain the script's", () => {
    book.addTool({ tool: "github", action: "list_repos", params: { owner: "runtools-ai" }, result: { repos: [] }, durationMs: 7 });
    expect(book.takeTool(ORG_A, "gmail", LIST)).toBeUndefined();
    expect(book.takeTool(ORG_A, "github", { ...LIST, action: "create_issue" })).toBeUndefined();
    expect(book.takeTool(ORG_A, "github", { ...LIST, params: { owner: "someone-else" } })).toBeUndefined();
    expect(book.takeTool(ORG_A, "github", LIST)).toEqual({ success: true, result: { repos: [] }, durationMs: 7 });
  });

  it("fills a failure's error (a generic one when none is given) and a success's result", () => {
    const failed = book.addTool({ tool: "github", success: false, times: 1 });
    expect(failed.error).toEqual({ code: "tool_error", message: "Scripted failure", statusCode: 500 });
    expect(book.takeTool(ORG_A, "github", LIST)).toEqual({ success: false, result: null, durationMs: 0, error: failed.error });
    book.addTool({ tool: "github", success: true, error: { code: "ignored", message: "only on failure", statusCode: 500 } });
    expect(book.takeTool(ORG_A, "github", LIST)).toEqual({ success: true, result: {}, durationMs: 0 });
  });

  it("is limited to its organization and used up after `times`", () => {
    book.addTool({ org: ORG_A, tool: "github", times: 1 });
    expect(book.takeTool(ORG_B, "github", LIST)).toBeUndefined();
    expect(book.takeTool(ORG_A, "github", LIST)).toBeDefined();
    expect(book.takeTool(ORG_A, "github", LIST)).toBeUndefined();
    expect(book.list().tools).toEqual([]);
  });
});

describe("ScriptBook: list, delete, clear", () => {
  it("lists every kind, without internals, valid against ScriptList", () => {
    const r = book.addResponse(response());
    const e = book.addExec(exec({ command: "^ls" }));
    const p = book.addReply({ agent: "code-assistant", prompt: "x", text: "y" });
    const t = book.addTool({ tool: "github", action: "list_repos" });
    const list = book.list();
    expect(listSchema(list)).toEqual([]);
    expect(list).toEqual({ responses: [r], exec: [e], replies: [p], tools: [t] });
    expect(JSON.stringify(list)).not.toContain("pattern");
  });

  it("lists newest first within each kind (the order in which they are tried)", () => {
    const r1 = book.addResponse(response({ status: 404 }));
    const e1 = book.addExec(exec({ command: "^ls", stdout: "first" }));
    const r2 = book.addResponse(response({ status: 401 }));
    const p1 = book.addReply({ agent: "code-assistant", text: "first" });
    const e2 = book.addExec(exec({ command: "^ls", stdout: "second" }));
    const p2 = book.addReply({ agent: "code-assistant", text: "second" });
    const list = book.list();
    expect(list.responses.map((s) => s.id)).toEqual([r2.id, r1.id]);
    expect(list.exec.map((s) => s.id)).toEqual([e2.id, e1.id]);
    expect(list.replies.map((s) => s.id)).toEqual([p2.id, p1.id]);
    // The first listed is the one that answers.
    expect(book.takeResponse("getAgent", ORG_A, undefined)?.id).toBe(list.responses[0]?.id);
    expect(book.takeExec(ORG_A, RUNNER, command("ls"))?.stdout).toBe("second");
    expect(book.takeReply(ORG_A, ASSISTANT, "x")?.text).toBe("second");
  });

  it("ids are unique across the four kinds", () => {
    const all = [book.addResponse(response()), book.addExec(exec({ command: "a" })), book.addReply({ agent: "x", text: "y" }), book.addExec(exec({ command: "b" })), book.addTool({ tool: "github" })].map((s) => s.id);
    expect(new Set(all).size).toBe(5);
  });

  it("delete removes a script of any kind by id", () => {
    const r = book.addResponse(response());
    const e = book.addExec(exec({ command: "^ls" }));
    const p = book.addReply({ agent: "code-assistant", text: "y" });
    book.delete(e.id);
    expect(book.list()).toEqual({ responses: [r], exec: [], replies: [p], tools: [] });
    book.delete(p.id);
    book.delete(r.id);
    expect(book.list()).toEqual({ responses: [], exec: [], replies: [], tools: [] });
    expect(book.takeExec(ORG_A, RUNNER, command("ls"))).toBeUndefined();
  });

  it("delete of an unknown id, or one already removed, is a 404 not_found", () => {
    const error = apiErrorOf(() => book.delete("scr_unknown"));
    expect(error.status).toBe(404);
    expect(error.code).toBe("not_found");
    const r = book.addResponse(response());
    book.delete(r.id);
    expect(apiErrorOf(() => book.delete(r.id)).code).toBe("not_found");
  });

  it("clear removes every script and answers how many there were", () => {
    book.addResponse(response());
    book.addResponse(response());
    book.addExec(exec({ command: "a" }));
    book.addReply({ agent: "x", text: "y" });
    expect(book.clear()).toBe(4);
    expect(book.list()).toEqual({ responses: [], exec: [], replies: [], tools: [] });
    expect(book.takeResponse("getAgent", ORG_A, undefined)).toBeUndefined();
    expect(book.clear()).toBe(0);
  });
});
