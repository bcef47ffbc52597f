/**
 * What a case gets to work with: requests through the public API only (every response checked
 * against the contract, setup and cleanup included), unique names, and small helpers that set up
 * the resources a case needs and register their cleanup.
 */
import type { Contract } from "./contract.ts";
import { exchange, type Exchange, type HttpSettings, type RequestOptions } from "./http.ts";

/** A query string value: repeated parameters as arrays. */
export type QueryValue = string | number | boolean | readonly (string | number | boolean)[];

/** A request to an operation, named by its operationId. */
export interface CallOptions extends RequestOptions {
  /** Path parameters, by the names the spec's path template uses. */
  params?: Record<string, string>;
  query?: Record<string, QueryValue>;
}

/** A setup step did not go as the API documents: the case cannot go on. */
export class SetupError extends Error {}

/** Settings shared by every case of a run. */
export interface RunSettings extends HttpSettings {
  /** Prefix of every name the run creates, unique per run. */
  runTag: string;
  /** Longest wait for a sandbox to reach a status. */
  waitMs: number;
}

/** The API's objects, as far as the cases need them. */
export interface Sandbox {
  id: string;
  name: string;
  status: string;
  [key: string]: unknown;
}
export interface Workspace {
  id: string;
  slug: string;
  name: string;
  isPersonal: boolean;
  [key: string]: unknown;
}
export interface UpsertedAgent {
  id: string;
  slug: string;
  action: string;
  version: number;
  sandboxId: string | null;
  [key: string]: unknown;
}
export interface RunResult {
  runId: string;
  threadId: string;
  rolloutId: string;
  status: string;
  [key: string]: unknown;
}

/** About 1.1 MB: over the documented 1 MiB limit. */
export const OVERSIZED_BYTES = 1_100_000;

let nameCounter = 0;

export class CaseContext {
  /** Contract violations and failed checks, in the order they were found. */
  readonly violations: string[] = [];
  /** Every exchange of the case, for the report. */
  readonly exchanges: Exchange[] = [];
  readonly #cleanups: (() => Promise<unknown>)[] = [];

  constructor(
    readonly contract: Contract,
    readonly settings: RunSettings,
  ) {}

  // ─── requests ────────────────────────────────────────────────────────────────────────────────

  /** Sends a request; its response is checked against the contract and kept. */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<Exchange> {
    const ex = await exchange(this.contract, this.settings, method, path, options);
    this.exchanges.push(ex);
    for (const violation of ex.violations) this.violations.push(`${method} ${path} → ${ex.status}: ${violation}`);
    return ex;
  }

  /** Calls an operation by its operationId; the method and path come from the spec. */
  call(operationId: string, options: CallOptions = {}): Promise<Exchange> {
    const { params = {}, query, ...request } = options;
    const op = this.contract.operation(operationId);
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) throw new Error(`${operationId}: no value for path parameter {${name}}`);
      return encodeURIComponent(value);
    });
    return this.request(op.method, path + queryString(query), request);
  }

  /** Records a failed expectation (the case fails, but goes on). */
  check(condition: unknown, message: string): void {
    if (!condition) this.violations.push(message);
  }

  /** Stops the case when a setup step did not answer `status`. */
  require(ex: Exchange, status: number, what: string): void {
    if (ex.status !== status) {
      throw new SetupError(`setup: ${what} answered ${ex.status}, expected ${status}: ${JSON.stringify(ex.body ?? null).slice(0, 300)}`);
    }
  }

  /** A name no other case, run or client uses: lower-case letters, digits and hyphens. */
  unique(label: string): string {
    nameCounter += 1;
    return `${this.settings.runTag}-${label}-${nameCounter.toString(36)}`;
  }

  /** Registers a cleanup step; they run after the case, last registered first. */
  defer(step: () => Promise<unknown>): void {
    this.#cleanups.push(step);
  }

  /** Runs the cleanup steps; a failing step is recorded, never thrown. */
  async cleanup(): Promise<string[]> {
    const problems: string[] = [];
    for (const step of this.#cleanups.splice(0).reverse()) {
      try {
        await step();
      } catch (error) {
        problems.push(`cleanup: ${(error as Error).message}`);
      }
    }
    return problems;
  }

  /** A JSON text over 1 MiB: `body` plus an ignored padding field. */
  oversized(body: Record<string, unknown>): string {
    const base = JSON.stringify({ ...body, conformancePadding: "" });
    return JSON.stringify({ ...body, conformancePadding: "x".repeat(OVERSIZED_BYTES - base.length) });
  }

  // ─── resources ───────────────────────────────────────────────────────────────────────────────

  /** Creates a workspace (deleted afterwards, with force). */
  async createWorkspace(body: Record<string, unknown> = {}): Promise<Workspace> {
    const slug = this.unique("ws");
    const ex = await this.call("createWorkspace", { body: { name: `Conformance ${slug}`, slug, ...body } });
    this.require(ex, 201, "createWorkspace");
    const workspace = ex.body.data as Workspace;
    this.defer(() => this.call("deleteWorkspace", { params: { id: workspace.id }, query: { force: true } }));
    return workspace;
  }

  /** The organization's personal workspace (first in the list, as documented). */
  async personalWorkspace(): Promise<Workspace> {
    const ex = await this.call("listWorkspaces", { query: { limit: 500 } });
    this.require(ex, 200, "listWorkspaces");
    const personal = (ex.body.data.workspaces as Workspace[]).find((w) => w.isPersonal);
    if (!personal) throw new SetupError("setup: the organization has no personal workspace");
    return personal;
  }

  /** Creates a sandbox (destroyed afterwards); answers it as created (usually `creating`). */
  async createSandbox(body: Record<string, unknown> = {}): Promise<Sandbox> {
    const ex = await this.call("createSandbox", { body: { name: this.unique("sbx"), ...body } });
    this.require(ex, 201, "createSandbox");
    const sandbox = ex.body.data as Sandbox;
    this.defer(() => this.call("deleteSandbox", { params: { id: sandbox.id } }));
    return sandbox;
  }

  /** Polls GET /v1/sandboxes/{id} until the sandbox is in `status`. */
  async waitForSandbox(id: string, status: string): Promise<Sandbox> {
    const deadline = Date.now() + this.settings.waitMs;
    for (let delay = 0; ; delay = Math.min(500, delay * 2 + 25)) {
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const ex = await this.call("getSandbox", { params: { id } });
      this.require(ex, 200, "getSandbox");
      const sandbox = ex.body.data as Sandbox;
      if (sandbox.status === status) return sandbox;
      if (Date.now() > deadline) throw new SetupError(`setup: sandbox ${id} is still ${sandbox.status} after ${this.settings.waitMs} ms, expected ${status}`);
    }
  }

  /** A sandbox that is `running`. */
  async runningSandbox(body: Record<string, unknown> = {}): Promise<Sandbox> {
    const created = await this.createSandbox(body);
    return created.status === "running" ? created : this.waitForSandbox(created.id, "running");
  }

  /** A sandbox that is `paused`. */
  async pausedSandbox(body: Record<string, unknown> = {}): Promise<Sandbox> {
    const sandbox = await this.runningSandbox(body);
    const ex = await this.call("pauseSandbox", { params: { id: sandbox.id } });
    this.require(ex, 200, "pauseSandbox");
    return ex.body.data.status === "paused" ? { ...sandbox, status: "paused" } : this.waitForSandbox(sandbox.id, "paused");
  }

  /** Upserts a new agent (a `managed` one unless `body` says otherwise); deleted afterwards. */
  async upsertAgent(body: Record<string, unknown> = {}): Promise<UpsertedAgent> {
    const slug = typeof body.slug === "string" ? body.slug : this.unique("agent");
    const ex = await this.call("upsertAgent", { body: { executionMode: "managed", ...body, slug } });
    this.require(ex, 201, "upsertAgent");
    this.defer(() => this.call("deleteAgent", { params: { slug } }));
    return ex.body.data as UpsertedAgent;
  }

  /** An `in_sandbox` agent with the exec_command tool, on `sandbox` (a new running one by default). */
  async sandboxAgent(sandbox?: Sandbox): Promise<{ agent: UpsertedAgent; sandbox: Sandbox }> {
    const on = sandbox ?? (await this.runningSandbox());
    const agent = await this.upsertAgent({ executionMode: "in_sandbox", sandbox: on.name, tools: ["exec_command", "web_search"] });
    return { agent, sandbox: on };
  }

  /** A `local-mac` agent bound to a RunMesh device. */
  localMacAgent(): Promise<UpsertedAgent> {
    return this.upsertAgent({ executionMode: "local-mac", targetDeviceId: `dev_${this.settings.runTag.replace(/[^A-Za-z0-9]/g, "")}` });
  }

  /** Runs an agent with `stream: false` and answers the result; the thread is deleted afterwards. */
  async runJson(agent: string, body: Record<string, unknown> = {}): Promise<RunResult> {
    const ex = await this.call("runAgent", { body: { agent, prompt: "hello", ...body, stream: false } });
    this.require(ex, 200, "runAgent");
    const result = ex.body.data as RunResult;
    this.deferRunCleanup(result);
    return result;
  }

  /** Cleans up after a run: cancels it if it may still be open, and deletes its thread. */
  deferRunCleanup(result: { runId: string; threadId: string; status?: string }): void {
    this.defer(() => this.call("deleteThread", { params: { threadId: result.threadId } }));
    if (result.status !== "completed") this.defer(() => this.call("cancelRun", { params: { id: result.runId } }));
  }
}

function queryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) search.append(name, String(item));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}
