/**
 * A deliberately non-conforming stand-in for the RunTools API, to prove that the Prism proxy
 * referee can fail (issue 6, point 4). It complements test/contract/broken-server.ts (the real mock
 * with corrupted answers): each route here answers canned JSON breaking one rule (the OAS 3.1
 * keywords Prism must enforce with its draft-07 Ajv, and a request the contract forbids accepted
 * with 2xx); everything else answers 404 in the error envelope. It records the requests it received.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One breach: what the route answers, and where Prism must report it. */
export interface Breach {
  method: string;
  /** The path the test requests. */
  path: string;
  /** Request body the test sends, if any. */
  body?: unknown;
  status: number;
  contentType: string;
  /** Whether the answer carries the spec-required X-Request-Id. */
  requestId: boolean;
  answer: unknown;
  /** `sl-violations` locations (joined by ".") Prism must report, each with its code when it gives one. */
  expect: { location: string; code?: string | number }[];
}

const WORKSPACE_ID = "3f0c7a52-6d1e-4b8a-9c3e-2a7b5d9e1f04";

/** The breaches, one per contract rule Prism is expected to enforce. */
export const BREACHES: readonly Breach[] = [
  {
    // Enum, integer, type array [string, null], format uri, a required property, a pattern.
    method: "POST",
    path: "/v1/agents",
    body: { slug: "writer", executionMode: "managed" },
    status: 201,
    contentType: "application/json",
    requestId: true,
    answer: {
      data: { id: "agt_abc123", slug: "writer", action: "made", version: "1", sandboxId: 5, endpoint: "not a uri" },
      meta: { requestId: "request-1" },
    },
    expect: [
      { location: "response.body.data", code: "required" }, // targetDeviceId missing
      { location: "response.body.data.action", code: "enum" },
      { location: "response.body.data.version", code: "type" },
      { location: "response.body.data.sandboxId", code: "type" },
      { location: "response.body.data.endpoint", code: "format" },
      { location: "response.body.meta.requestId", code: "pattern" },
    ],
  },
  {
    // const (a 2019+/3.1 keyword; draft-07 Ajv has it too).
    method: "POST",
    path: "/v1/run/run_abc123/cancel",
    status: 200,
    contentType: "application/json",
    requestId: true,
    answer: { data: { id: "run_abc123", status: "done" }, meta: { requestId: "req_abc" } },
    expect: [{ location: "response.body.data.status", code: "const" }],
  },
  {
    // Formats date-time and uuid, a type array, additionalProperties: false.
    method: "GET",
    path: `/v1/workspaces/${WORKSPACE_ID}`,
    status: 200,
    contentType: "application/json",
    requestId: true,
    answer: {
      data: {
        id: WORKSPACE_ID,
        slug: "notes",
        name: "Notes",
        sizeBytes: 0,
        quotaBytes: 1073741824,
        createdAt: "yesterday",
        updatedAt: "2026-11-29T10:00:00.000Z",
        lastAccessedAt: 7,
        isPersonal: false,
        ownerUserId: "nobody",
        ownerDisplayName: null,
        ownerEmail: null,
        secret: "leaked",
      },
      meta: { requestId: "req_abc" },
    },
    expect: [
      { location: "response.body.data.createdAt", code: "format" },
      { location: "response.body.data.lastAccessedAt", code: "type" },
      { location: "response.body.data.ownerUserId", code: "format" },
      { location: "response.body.data", code: "additionalProperties" },
    ],
  },
  {
    // A status the operation does not declare.
    method: "GET",
    path: "/v1/agents",
    status: 418,
    contentType: "application/json",
    requestId: true,
    answer: { error: { code: "teapot", message: "I'm a teapot", requestId: "req_abc" } },
    expect: [{ location: "response" }],
  },
  {
    // The wrong media type, and no X-Request-Id header.
    method: "GET",
    path: "/v1/agents/writer",
    status: 200,
    contentType: "text/plain",
    requestId: false,
    answer: "writer",
    expect: [{ location: "response" }, { location: "response.header", code: "required" }],
  },
  {
    // The server accepts a request the contract forbids (an empty name, a template with a space): a
    // request violation on a 2xx, which the proxied run treats as a disagreement too.
    method: "POST",
    path: "/v1/sandboxes",
    body: { name: "", template: "windows xp" },
    status: 201,
    contentType: "application/json",
    requestId: true,
    answer: null, // filled below: a conforming sandbox, so only the request is wrong
    expect: [
      { location: "request.body.name", code: "minLength" },
      { location: "request.body.template", code: "pattern" },
    ],
  },
];

/** A conforming Sandbox, so that the request breach above is the only thing wrong with it. */
const SANDBOX = {
  data: {
    id: "sandbox-abc123",
    name: "sandbox-abc123",
    status: "creating",
    template: "base-ubuntu",
    tags: [],
    resources: { vcpus: 2, memory: "4GB", disk: "10GB" },
    env: {},
    idleTimeout: null,
    metadata: {},
    mounts: [],
    hasWritableWorkspaceMount: false,
    ownerUserId: null,
    ownerDisplayName: null,
    ownerEmail: null,
    projectId: null,
    ip: null,
    publicIp: null,
    sshAccessConfigured: false,
    sshAuthMethod: null,
    sshReady: false,
    vncReady: false,
    vncUrl: null,
    createdAt: "2026-11-29T10:00:00.000Z",
    updatedAt: "2026-11-29T10:00:00.000Z",
  },
  meta: { requestId: "req_abc" },
};

/** A running broken server. */
export interface BrokenUpstream {
  url: string;
  /** "METHOD path" of every request received. */
  received: string[];
  close(): Promise<void>;
}

export async function startBrokenUpstream(): Promise<BrokenUpstream> {
  const received: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on("end", () => {
      received.push(`${req.method} ${req.url}`);
      const breach = BREACHES.find((b) => b.method === req.method && b.path === req.url);
      if (!breach) {
        res.writeHead(404, { "content-type": "application/json", "x-request-id": "req_abc" });
        res.end(JSON.stringify({ error: { code: "not_found", message: "No such route", requestId: "req_abc" } }));
        return;
      }
      const answer = breach.answer === null ? SANDBOX : breach.answer;
      const headers: Record<string, string> = { "content-type": breach.contentType };
      if (breach.requestId) headers["x-request-id"] = "req_abc";
      res.writeHead(breach.status, headers);
      res.end(typeof answer === "string" ? answer : JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
