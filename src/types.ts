/**
 * `runtools-mock/types`: the RunTools API's types as a client uses them (`paths` for
 * openapi-fetch, `operations`, `components`, and named aliases).
 *
 * Two generated variants meet here (scripts/gen-types.ts). What the API answers comes from
 * src/generated/openapi.ts, where a field with a documented `default` is always present (the
 * mock fills it in). What a client sends comes from src/generated/openapi-client.ts, where such a
 * field is optional, as the API treats it: `{ name: "build-runner" }` is a whole sandbox request.
 */
import type * as Answered from "./generated/openapi.ts";
import type * as Sent from "./generated/openapi-client.ts";

type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** An operation whose `requestBody` is the client's variant; everything else as the API answers. */
type ClientOperation<Op, SentOp> = { [K in keyof Op]: K extends "requestBody" ? (K extends keyof SentOp ? SentOp[K] : Op[K]) : Op[K] };

/** Every operation of the RunTools API, keyed by operationId. */
export type operations = { [Id in keyof Answered.operations]: ClientOperation<Answered.operations[Id], Sent.operations[Id & keyof Sent.operations]> };

/** Every path of the RunTools API (what openapi-fetch's `createClient<paths>()` takes). */
export type paths = {
  [P in keyof Answered.paths]: {
    [M in keyof Answered.paths[P]]: M extends HttpMethod
      ? ClientOperation<Answered.paths[P][M], Sent.paths[P & keyof Sent.paths][M & keyof Sent.paths[P & keyof Sent.paths]]>
      : Answered.paths[P][M];
  };
};

/** The spec's components as the API answers them (defaults filled in). */
export type components = Answered.components;

/** The JSON body an operation takes, as a client may send it. */
export type RequestBody<Id extends keyof operations> = operations[Id] extends { requestBody?: { content: { "application/json": infer Body } } } ? Body : never;

type SentSchemas = Sent.components["schemas"];

// Request bodies: fields with a documented default may be left out.
export type AgentUpsertRequest = SentSchemas["AgentUpsertRequest"];
export type AgentPatchRequest = SentSchemas["AgentPatchRequest"];
export type SandboxCreateRequest = SentSchemas["SandboxCreateRequest"];
export type SandboxMountRequest = SentSchemas["SandboxMountRequest"];
export type ExecRequest = SentSchemas["ExecRequest"];
export type WorkspaceCreateRequest = SentSchemas["WorkspaceCreateRequest"];
export type RunRequest = SentSchemas["RunRequest"];

// What the API answers.
export type {
  Agent,
  AgentConfig,
  AgentUpsertResult,
  ExecutionMode,
  Sandbox,
  SandboxStatus,
  SandboxTemplate,
  SandboxTransition,
  ExecResult,
  Workspace,
  WorkspaceUsage,
  StorageSummary,
  SandboxMount,
  AgentResource,
  RunResult,
  RunSummary,
  RunStatus,
  RunUsage,
  RunStreamEvent,
  Thread,
  ThreadEvent,
  DeletedResource,
  ErrorResponse,
  Meta,
} from "./api-types.ts";
