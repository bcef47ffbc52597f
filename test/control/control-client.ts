/**
 * A test client for the control plane (`/__mock/`, spec/control.yaml), the counterpart of
 * test/support/contract-client.ts for the public API. Every response it sees is checked on the
 * test side against spec/control.yaml (route → operation → declared status → body schema →
 * `X-Request-Id` equal to `meta.requestId` / `error.requestId`), independently of the server's own
 * response validation: a test cannot pass on a control answer the contract does not allow.
 */
import { expect } from "vitest";
import type { ExecScript, FaultConfig, FileEntry, JournalEntry, ReplyScript, ResponseScript, StateDocument, ToolScript } from "../../src/control/control-types.ts";
import type { PlainResponse } from "../../src/core/http-types.ts";
import { CONTROL_PATH } from "../../src/spec/load.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { specChecker } from "../support/spec-check.ts";

const controlContract = specChecker(CONTROL_PATH);
const { validators } = controlContract;
const stateDocument = validators.component("StateDocument");

/** Validates a value against a component schema of spec/control.yaml. */
export function controlComponent(name: string): (value: unknown) => { path: string; message: string }[] {
  return validators.component(name);
}

/** A control-plane response as the tests see it. */
export interface ControlResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  /** The control operation the request was routed to, when the path is in spec/control.yaml. */
  operationId: string | undefined;
}

/** Request options beyond method and path. */
export interface ControlRequestOptions {
  body?: unknown;
  /** Raw body, sent as is (with the headers given). */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
}

/** Checks one control-plane response against spec/control.yaml; answers the operationId. */
export function assertControlConforms(method: string, path: string, status: number, headers: Headers, body: unknown): string | undefined {
  const { operationId, bodyChecked, bodyRequestId } = controlContract.check(method, path, status, headers, body);
  expect(bodyChecked, `${operationId} ${status} declares a JSON body`).toBe(true);
  if (operationId === "exportState" && status === 200) {
    // The bare state document: no envelope, no meta.
    expect(body).not.toHaveProperty("meta");
    expect(stateDocument(body)).toEqual([]);
  } else {
    expect(bodyRequestId, `${operationId} ${status} carries a request id in its body`).toBeDefined();
  }
  return operationId;
}

/** Checks a response that `mock.handle` answered in-process (no HTTP) against spec/control.yaml. */
export function assertPlainControlConforms(method: string, path: string, response: PlainResponse): string | undefined {
  // The core sets Content-Type itself, so an in-process answer carries the headers HTTP would.
  return assertControlConforms(method, path, response.status, new Headers(response.headers), response.body);
}

/** Query parameters, undefined ones left out. */
export function query(params: Record<string, string | number | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** A client for `/__mock/` on one server. */
export class ControlClient {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, options: ControlRequestOptions = {}): Promise<ControlResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    let body: string | Uint8Array | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === "content-type")) headers["Content-Type"] = "application/json";
    }
    const response = await fetch(this.baseUrl + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    const parsed: unknown = text === "" ? undefined : JSON.parse(text);
    const operationId = assertControlConforms(method, path, response.status, response.headers, parsed);
    return { status: response.status, headers: response.headers, body: parsed as T, operationId };
  }

  // ── state ──
  reset(params: { org?: string } = {}, headers: Record<string, string> = {}) {
    return this.request<{ data: { scope: "all" | "organization"; orgId: string | null } }>("POST", `/__mock/reset${query(params)}`, { headers });
  }
  exportState(params: { org?: string } = {}, headers: Record<string, string> = {}) {
    return this.request<StateDocument>("GET", `/__mock/state${query(params)}`, { headers });
  }
  importState(document: unknown, mode?: "replace" | "merge") {
    return this.request<{ data: { mode: string; organizations: number } }>("PUT", `/__mock/state${query({ mode })}`, { body: document });
  }

  // ── files ──
  sandboxFiles(id: string, params: { org?: string } = {}, headers: Record<string, string> = {}) {
    return this.request<{ data: { sandboxId: string; entries: FileEntry[] } }>("GET", `/__mock/sandboxes/${encodeURIComponent(id)}/files${query(params)}`, { headers });
  }
  seedSandboxFiles(id: string, body: unknown, params: { mode?: "merge" | "replace"; org?: string } = {}, headers: Record<string, string> = {}) {
    return this.request<{ data: { sandboxId: string; entries: FileEntry[] } }>("PUT", `/__mock/sandboxes/${encodeURIComponent(id)}/files${query(params)}`, { body, headers });
  }

  workspaceFiles(id: string, params: { org?: string } = {}) {
    return this.request<{ data: { workspaceId: string; entries: FileEntry[] } }>("GET", `/__mock/workspaces/${encodeURIComponent(id)}/files${query(params)}`);
  }
  seedWorkspaceFiles(id: string, body: unknown, params: { mode?: "merge" | "replace"; org?: string } = {}) {
    return this.request<{ data: { workspaceId: string; entries: FileEntry[] } }>("PUT", `/__mock/workspaces/${encodeURIComponent(id)}/files${query(params)}`, { body });
  }

  // ── journal ──
  requests(filter: Record<string, string | number | undefined> = {}) {
    return this.request<{ data: JournalEntry[] }>("GET", `/__mock/requests${query(filter)}`);
  }
  clearRequests() {
    return this.request<{ data: { cleared: number } }>("DELETE", "/__mock/requests");
  }

  // ── scripts ──
  addResponseScript(body: unknown) {
    return this.request<{ data: ResponseScript }>("POST", "/__mock/scripts/responses", { body });
  }
  addExecScript(body: unknown) {
    return this.request<{ data: ExecScript }>("POST", "/__mock/scripts/exec", { body });
  }
  addReplyScript(body: unknown) {
    return this.request<{ data: ReplyScript }>("POST", "/__mock/scripts/replies", { body });
  }
  addToolScript(body: unknown) {
    return this.request<{ data: ToolScript }>("POST", "/__mock/scripts/tools", { body });
  }
  listScripts() {
    return this.request<{ data: { responses: ResponseScript[]; exec: ExecScript[]; replies: ReplyScript[]; tools: ToolScript[] } }>("GET", "/__mock/scripts");
  }
  clearScripts() {
    return this.request<{ data: { cleared: number } }>("DELETE", "/__mock/scripts");
  }
  deleteScript(id: string) {
    return this.request<{ data: { id: string; deleted: true } }>("DELETE", `/__mock/scripts/${encodeURIComponent(id)}`);
  }

  // ── faults ──
  getFaults() {
    return this.request<{ data: FaultConfig }>("GET", "/__mock/faults");
  }
  setFaults(body: unknown) {
    return this.request<{ data: FaultConfig }>("PUT", "/__mock/faults", { body });
  }
  clearFaults() {
    return this.request<{ data: { cleared: number } }>("DELETE", "/__mock/faults");
  }
}

/** Asserts a 2xx answer, with the body in the failure message. */
export function expectOk<T>(res: ControlResponse<T>, status = 200): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** Asserts a control-plane error: status, code, and the error envelope with the real request id. */
export function expectControlError(res: ControlResponse, status: number, code: string): { code: string; message: string; requestId: string; details?: { path: string; message: string }[] } {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(Object.keys(res.body as object)).toEqual(["error"]);
  const error = (res.body as { error: { code: string; message: string; requestId: string; details?: { path: string; message: string }[] } }).error;
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(0);
  expect(res.headers.get("x-request-id")).toBe(error.requestId);
  return error;
}

/** Asserts a 400 `bad_request` whose details include every given pointer; answers all the pointers. */
export function expectControlBadRequest(res: ControlResponse, ...paths: string[]): string[] {
  const error = expectControlError(res, 400, "bad_request");
  const got = (error.details ?? []).map((d) => d.path);
  for (const path of paths) expect(got, `details should point at ${path}`).toContain(path);
  return got;
}

/**
 * The organization id of a client's key (the id the mock derives from the key is not otherwise
 * shown; the journal shows only a pseudonym): one harmless GET creates the organization, then the
 * state export of the key's organization names it.
 */
export async function orgIdOf(control: ControlClient, client: ContractClient): Promise<string> {
  const res = await client.get("/v1/agents?limit=1");
  expect(res.status).toBe(200);
  const organizations = expectOk(await control.exportState({}, { "X-API-Key": client.apiKey })).organizations;
  expect(organizations).toHaveLength(1);
  return organizations[0]?.id as string;
}

/** A state document without `exportedAt` (informative; changes on every export). */
export function withoutExportedAt(document: StateDocument): Omit<StateDocument, "exportedAt"> {
  const { exportedAt: _exportedAt, ...rest } = document;
  return rest;
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
