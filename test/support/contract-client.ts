/**
 * A test client for black-box tests through a real listening server. Every response it sees is
 * checked against spec/openapi.yaml on the test side too (route → operation → declared status →
 * schema), independently of the server's own response validation: a test cannot pass on a
 * response the contract does not allow.
 *
 * In the Prism-proxied run (`CONTRACT_PROXY=prism`, test/contract/prism/README.md) every response
 * must also have come through Prism, and what Prism reported in `sl-violations` is judged there:
 * any response violation fails the test, a request violation only when the mock answered 2xx.
 */
import { expect } from "vitest";
import { cameThroughPrism, judge, parseViolations, prismProxyMode, record } from "../contract/prism/violations.ts";
import { specChecker } from "./spec-check.ts";

const publicContract = specChecker();
const proxied = prismProxyMode();

/** A response as the tests see it. */
export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  /** The operation the request was routed to, when the path is in the spec. */
  operationId: string | undefined;
}

/** Request options beyond method and path. */
export interface RequestOptions {
  body?: unknown;
  /** Raw body text, sent as is (for malformed-JSON tests). */
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  /** Leave out the API key. */
  anonymous?: boolean;
}

/** Checks one response against the spec; throws with every violation. */
export function assertConforms(
  method: string,
  path: string,
  status: number,
  headers: Headers,
  body: unknown,
  requestHeaders?: Record<string, string>,
): string | undefined {
  if (proxied) assertPrismFoundNothing(method, path, status, headers, requestHeaders);
  return publicContract.check(method, path, status, headers, body).operationId;
}

/**
 * Proxied run only: the response came through Prism, and Prism reported no violation that fails
 * the run (test/contract/prism/violations.ts `judge`). Every exchange is recorded.
 */
export function assertPrismFoundNothing(method: string, path: string, status: number, headers: Headers, requestHeaders?: Record<string, string>): void {
  const viaPrism = cameThroughPrism(headers);
  const verdict = judge({ method, path, status, requestHeaders }, parseViolations(headers.get("sl-violations")));
  record({ method, path, status, viaPrism, ...verdict });
  expect(viaPrism, `${method} ${path} → ${status} did not come through the Prism proxy`).toBe(true);
  expect(verdict.failures, `Prism reports ${method} ${path} → ${status} violates the spec`).toEqual([]);
}

/** A client bound to a base URL and an API key. */
export class ContractClient {
  constructor(
    readonly baseUrl: string,
    readonly apiKey: string,
  ) {}

  /** The same server, another key (another organization). */
  as(apiKey: string): ContractClient {
    return new ContractClient(this.baseUrl, apiKey);
  }

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (!options.anonymous && !("authorization" in lower(headers)) && !("x-api-key" in lower(headers))) headers["X-API-Key"] = this.apiKey;
    let body: string | Uint8Array | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      if (!("content-type" in lower(headers))) headers["Content-Type"] = "application/json";
    }
    const response = await fetch(this.baseUrl + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    const parsed: unknown = text === "" ? undefined : JSON.parse(text);
    const operationId = assertConforms(method, path, response.status, response.headers, parsed, headers);
    return { status: response.status, headers: response.headers, body: parsed as T, operationId };
  }

  /**
   * Sends a request that answers text/event-stream and hands back the open response (read it
   * with readStream from sse.ts); a JSON answer (an error) is checked and thrown instead.
   */
  async openStream(path: string, body: unknown, signal?: AbortSignal): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      method: "POST",
      headers: { "X-API-Key": this.apiKey, "Content-Type": "application/json", Accept: "text/event-stream" },
      body: JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
    expect(response.headers.get("x-request-id")).toMatch(/^req_[A-Za-z0-9]+$/);
    if (!(response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
      const parsed: unknown = JSON.parse(await response.text());
      assertConforms("POST", path, response.status, response.headers, parsed);
      throw new Error(`expected a stream, got ${response.status} ${JSON.stringify(parsed)}`);
    }
    if (proxied) assertPrismFoundNothing("POST", path, response.status, response.headers, { "X-API-Key": this.apiKey });
    expect(response.status).toBe(200);
    return response;
  }

  get<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>("GET", path, options);
  }
  post<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>("POST", path, body === undefined ? options : { ...options, body });
  }
  patch<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>("PATCH", path, body === undefined ? options : { ...options, body });
  }
  delete<T = any>(path: string, options?: RequestOptions) {
    return this.request<T>("DELETE", path, options);
  }
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

let keyCounter = 0;
/** A fresh well-formed key, hence a fresh organization, per call. */
export function freshKey(label = "t"): string {
  keyCounter += 1;
  return `rt_test_${label.replace(/[^A-Za-z0-9]/g, "")}${process.pid}x${keyCounter}x${Math.random().toString(36).slice(2, 8)}`;
}
