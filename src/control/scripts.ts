/**
 * Scripted behaviour set from tests (the control plane's `/__mock/scripts`): answers for whole
 * operations, sandbox command output, agent replies, and Tool Hub results. Each script may be limited to an
 * organization and to a number of uses (`times`); the newest matching script wins.
 */
import { isDeepStrictEqual } from "node:util";
import { RE2JS } from "re2js";
import type { ExecRequest, ExecResult, ToolExecution } from "../api-types.ts";
import { ApiError } from "../core/errors.ts";
import type { ScriptedReply } from "../stateful/agents/agent-replies.ts";
import type { IdSource } from "../stateful/common/clock.ts";
import type { ExecScript, ExecScriptInput, ReplyScript, ReplyScriptInput, ResponseScript, ResponseScriptInput, ToolScript, ToolScriptInput } from "./control-types.ts";

interface Usable {
  id: string;
  org?: string;
  remaining: number | null;
}

/** Every kind of script, newest last. */
export class ScriptBook {
  readonly #responses: ResponseScript[] = [];
  readonly #exec: (ExecScript & { pattern: RE2JS })[] = [];
  readonly #replies: (ReplyScript & { pattern: RE2JS | undefined })[] = [];
  readonly #tools: ToolScript[] = [];

  constructor(
    private readonly ids: IdSource,
    private readonly now: () => Date,
  ) {}

  /** Adds an answer for an operation; the caller has checked it against the spec. */
  addResponse(input: ResponseScriptInput): ResponseScript {
    const script = { ...structuredClone(input), ...this.#identity(input.times) } as ResponseScript;
    this.#responses.push(script);
    return structuredClone(script);
  }

  /** Adds command output; `command` is an RE2 regular expression (400 when RE2 cannot compile it). */
  addExec(input: ExecScriptInput): ExecScript {
    const pattern = compile(input.command, "/body/command");
    const script = { ...structuredClone(input), ...this.#identity(input.times) } as ExecScript;
    this.#exec.push({ ...script, pattern });
    return structuredClone(script);
  }

  /** Adds an agent reply; `prompt`, when given, is an RE2 regular expression. */
  addReply(input: ReplyScriptInput): ReplyScript {
    const pattern = input.prompt === undefined ? undefined : compile(input.prompt, "/body/prompt");
    const script = { ...structuredClone(input), ...this.#identity(input.times) } as ReplyScript;
    this.#replies.push({ ...script, pattern });
    return structuredClone(script);
  }

  /** Adds a Tool Hub result; a failure without `error` gets a generic one (spec/control.yaml addToolScript). */
  addTool(input: Omit<ToolScriptInput, "success" | "durationMs"> & Partial<Pick<ToolScriptInput, "success" | "durationMs">>): ToolScript {
    const { error, ...rest } = structuredClone(input);
    const success = input.success ?? true;
    const script = {
      ...rest,
      success,
      durationMs: input.durationMs ?? 0,
      ...(success ? {} : { error: error ? { code: error.code, message: error.message, statusCode: error.statusCode ?? 500 } : { code: "tool_error", message: "Scripted failure", statusCode: 500 } }),
      ...this.#identity(input.times),
    } as ToolScript;
    this.#tools.push(script);
    return structuredClone(script);
  }

  /** The newest response script for this request, used up by one. */
  takeResponse(operationId: string, orgId: string | undefined, body: unknown): ResponseScript | undefined {
    return this.#take(this.#responses, (s) => s.operationId === operationId && applies(s, orgId) && (s.match?.body === undefined || contains(body, s.match.body)));
  }

  /** The newest exec script for this command in this sandbox, used up by one. */
  takeExec(orgId: string, sandbox: { id: string; name: string }, request: ExecRequest): ExecResult | undefined {
    const script = this.#take(
      this.#exec,
      (s) => applies(s, orgId) && (s.sandbox === undefined || s.sandbox === sandbox.id || s.sandbox === sandbox.name) && s.pattern.test(request.command),
    );
    return script && { stdout: script.stdout ?? "", stderr: script.stderr ?? "", exitCode: script.exitCode ?? 0, durationMs: script.durationMs ?? 0 };
  }

  /** The newest reply script for this agent and prompt, used up by one. */
  takeReply(orgId: string, agent: { id: string; slug: string }, prompt: string): ScriptedReply | undefined {
    const script = this.#take(
      this.#replies,
      (s) => applies(s, orgId) && (s.agent === agent.slug || s.agent === agent.id) && (s.pattern === undefined || s.pattern.test(prompt)),
    );
    return script && {
      text: script.text,
      toolCalls: (script.toolCalls ?? []).map((call) => ({ name: call.name, arguments: structuredClone(call.arguments ?? {}), ...(call.output ? { output: structuredClone(call.output) } : {}) })),
    };
  }

  /** The newest tool script for this execution, used up by one. */
  takeTool(orgId: string, slug: string, request: { action: string; params: Record<string, unknown> }): ToolExecution | undefined {
    const script = this.#take(
      this.#tools,
      (s) => applies(s, orgId) && s.tool === slug && (s.action === undefined || s.action === request.action) && (s.params === undefined || contains(request.params, s.params)),
    );
    if (!script) return undefined;
    const result = script.result === undefined ? (script.success ? {} : null) : structuredClone(script.result);
    return { success: script.success, result, durationMs: script.durationMs, ...(script.error ? { error: { ...script.error } } : {}) };
  }

  /** Every script, by kind, newest first within each kind (the order in which they are tried). */
  list(): { responses: ResponseScript[]; exec: ExecScript[]; replies: ReplyScript[]; tools: ToolScript[] } {
    const strip = <T extends { pattern?: unknown }>({ pattern: _pattern, ...rest }: T) => rest;
    return {
      responses: structuredClone(this.#responses).reverse(),
      exec: this.#exec.map((s) => structuredClone(strip(s)) as ExecScript).reverse(),
      replies: this.#replies.map((s) => structuredClone(strip(s)) as ReplyScript).reverse(),
      tools: structuredClone(this.#tools).reverse(),
    };
  }

  /** Removes one script by id, or answers 404. */
  delete(id: string): void {
    for (const list of [this.#responses, this.#exec, this.#replies, this.#tools] as Usable[][]) {
      const index = list.findIndex((s) => s.id === id);
      if (index !== -1) {
        list.splice(index, 1);
        return;
      }
    }
    throw new ApiError("not_found", `Script '${id}' not found`);
  }

  /** Removes every script; answers how many there were. */
  clear(): number {
    const cleared = this.#responses.length + this.#exec.length + this.#replies.length + this.#tools.length;
    this.#tools.length = 0;
    this.#responses.length = 0;
    this.#exec.length = 0;
    this.#replies.length = 0;
    return cleared;
  }

  #identity(times: number | undefined) {
    return { id: this.ids.token("scr_", 12), remaining: times ?? null, createdAt: this.now().toISOString() };
  }

  #take<T extends Usable>(list: T[], matches: (script: T) => boolean): T | undefined {
    for (let i = list.length - 1; i >= 0; i--) {
      const script = list[i] as T;
      if (!matches(script)) continue;
      if (script.remaining !== null) {
        script.remaining -= 1;
        if (script.remaining === 0) list.splice(i, 1);
      }
      return script;
    }
    return undefined;
  }
}

function applies(script: { org?: string }, orgId: string | undefined): boolean {
  return script.org === undefined || script.org === orgId;
}

/** True when `value` contains `subset`: objects key by key (deeply); arrays and scalars equal (spec/control.yaml `match.body`). */
export function contains(value: unknown, subset: unknown): boolean {
  if (subset === null || typeof subset !== "object") return value === subset;
  if (Array.isArray(subset)) return isDeepStrictEqual(value, subset);
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  return Object.entries(subset).every(([key, expected]) => contains((value as Record<string, unknown>)[key], expected));
}

/**
 * Patterns run on RE2 (re2js), whose matching time is linear in the input: a pattern such as
 * `^(a+)+$` cannot freeze the mock the way it freezes a backtracking engine. What RE2 cannot
 * promise linear time for (backreferences, lookahead, lookbehind) it does not compile, and the
 * script is refused with a 400 that says so (docs/input-rules.md).
 */
function compile(source: string, path: string): RE2JS {
  try {
    return RE2JS.compile(source);
  } catch (error) {
    const reason = (error as Error).message;
    throw new ApiError("bad_request", `Invalid regular expression: ${reason} (${RE2_HINT})`, [{ path, message: `is not an RE2 regular expression: ${reason} (${RE2_HINT})` }]);
  }
}

/** What a user who wrote a JavaScript pattern needs to know. */
const RE2_HINT = "patterns use RE2 syntax, matched in linear time: backreferences such as \\1 and lookaround such as (?=, (?!, (?<=, (?<! are not supported";
