/**
 * Small helpers shared by the black-box HTTP tests. Everything goes through the real server
 * (test/support/server.ts) and the contract client, which validates every response against
 * spec/openapi.yaml on the test side.
 */
import { request as httpRequest } from "node:http";
import { expect } from "vitest";
import type { Agent, AgentUpsertResult, Sandbox } from "../../src/api-types.ts";
import { assertConforms, type ContractClient, type TestResponse } from "../support/contract-client.ts";

/** The seed page's exact curl body for POST /v1/agents. */
export const SEED_BODY = {
  slug: "code-assistant",
  name: "Code Assistant",
  model: "claude-sonnet-4",
  systemPrompt: "You are a careful software engineering assistant.",
  tools: ["exec_command", "write_stdin", "apply_patch", "web_search", "get_dev_url"],
  sandbox: "build-runner",
  executionMode: "in_sandbox",
  maxIterations: 25,
  maxTokens: 16384,
} as const;

/** The keys of the seed's upsert response, sorted. */
export const UPSERT_RESULT_KEYS = ["action", "endpoint", "id", "sandboxId", "slug", "targetDeviceId", "version"];

/** The documented agent object's keys (spec `Agent`), sorted. */
export const AGENT_KEYS = [
  "attachedResources",
  "avatarImageUrl",
  "avatarSeed",
  "color",
  "configJson",
  "createdAt",
  "createdBy",
  "description",
  "envJson",
  "executionMode",
  "id",
  "model",
  "name",
  "orgId",
  "ownerDisplayName",
  "ownerEmail",
  "ownerUserId",
  "providerOptions",
  "sandboxId",
  "sandboxSlug",
  "slug",
  "status",
  "systemPrompt",
  "targetDeviceId",
  "toolsJson",
  "updatedAt",
  "version",
  "visibility",
];

/** A body of `size` bytes of JSON text, too large for the 1 MiB limit when size > 1048576. */
export function jsonOfSize(size: number, slug = "big-agent"): string {
  const base = JSON.stringify({ slug, executionMode: "managed", env: { PAD: "" } });
  const text = JSON.stringify({ slug, executionMode: "managed", env: { PAD: "x".repeat(size - base.length) } });
  expect(Buffer.byteLength(text)).toBe(size);
  return text;
}

/** About 1.1 MB of otherwise valid JSON (over the 1 MiB limit). */
export const OVERSIZED_JSON_BYTES = 1_100_000;

/** What the assertions need of a response (the client's or `sendChunked`'s). */
export type AnyResponse = Pick<TestResponse, "status" | "headers" | "body">;

/**
 * Asserts an error answer: status, code, the exact envelope keys, and that `X-Request-Id`
 * equals `error.requestId`. Returns the error body.
 */
export function expectError(
  res: AnyResponse,
  status: number,
  code: string,
): { code: string; message: string; requestId: string; details?: { path: string; message: string }[] } {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(Object.keys(res.body as object)).toEqual(["error"]);
  const error = (res.body as { error: { code: string; message: string; requestId: string; details?: { path: string; message: string }[] } }).error;
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe("string");
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.requestId).toMatch(/^req_[A-Za-z0-9]+$/);
  expect(res.headers.get("x-request-id")).toBe(error.requestId);
  for (const key of Object.keys(error)) expect(["code", "message", "requestId", "details"]).toContain(key);
  return error;
}

/** The JSON pointers of a 400's details, in order. */
export function detailPaths(res: AnyResponse): string[] {
  const details = (res.body as { error: { details?: { path: string }[] } }).error.details ?? [];
  return details.map((d) => d.path);
}

/** Asserts a 400 `bad_request` whose details include every given pointer. */
export function expectBadRequest(res: AnyResponse, ...paths: string[]): void {
  expectError(res, 400, "bad_request");
  const got = detailPaths(res);
  for (const path of paths) expect(got, `details should point at ${path}`).toContain(path);
}

/** Creates a sandbox and asserts the 201; the sandbox is still `creating`. */
export async function createSandbox(client: ContractClient, body: Record<string, unknown> = {}): Promise<Sandbox> {
  const res = await client.post<{ data: Sandbox }>("/v1/sandboxes", body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.data.status).toBe("creating");
  return res.body.data;
}

/** Creates a sandbox and reads it back once, by which time it is `running`. */
export async function createRunningSandbox(client: ContractClient, body: Record<string, unknown> = {}): Promise<Sandbox> {
  const created = await createSandbox(client, body);
  const res = await client.get<{ data: Sandbox }>(`/v1/sandboxes/${created.id}`);
  expect(res.status).toBe(200);
  expect(res.body.data.status).toBe("running");
  return res.body.data;
}

/** Upserts a managed agent (no sandbox needed) and returns the response. */
export function upsertManaged(client: ContractClient, slug: string, extra: Record<string, unknown> = {}) {
  return client.post<{ data: AgentUpsertResult }>("/v1/agents", {
    slug,
    executionMode: "managed",
    ...extra,
  });
}

/** Reads an agent and asserts it exists. */
export async function getAgent(client: ContractClient, slug: string): Promise<Agent> {
  const res = await client.get<{ data: Agent }>(`/v1/agents/${slug}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.data;
}

/** The caller's agents (one page of up to 500; the tests never create more). */
export async function listAllAgents(client: ContractClient): Promise<Agent[]> {
  const res = await client.get<{ data: Agent[] }>("/v1/agents?limit=500");
  expect(res.status).toBe(200);
  return res.body.data;
}

/** A raw response from `sendChunked`, checked against the spec like the client's. */
export interface RawResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * Sends a body with `Transfer-Encoding: chunked` (no Content-Length), so the server cannot refuse
 * it up front and has to count the bytes as they arrive.
 */
export function sendChunked(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  chunks: readonly string[],
): Promise<RawResponse> {
  return sendRaw(baseUrl, method, path, { ...headers, "Transfer-Encoding": "chunked" }, chunks);
}

/**
 * Sends a request through node:http, with headers fetch would not let a test set (`Host`,
 * `Transfer-Encoding`); the response is checked against the spec like the client's.
 */
export function sendRaw(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  chunks: readonly string[] = [],
): Promise<RawResponse> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on("data", (chunk: Buffer) => parts.push(chunk));
      res.on("end", () => {
        const text = Buffer.concat(parts).toString("utf8");
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === "string") responseHeaders.set(name, value);
          else if (Array.isArray(value)) responseHeaders.set(name, value.join(", "));
        }
        try {
          const body: unknown = text === "" ? undefined : JSON.parse(text);
          assertConforms(method, path, res.statusCode ?? 0, responseHeaders, body);
          resolve({ status: res.statusCode ?? 0, headers: responseHeaders, body });
        } catch (error) {
          reject(error as Error);
        }
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}
