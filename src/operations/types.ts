/**
 * The typed table from operationId to handler (reference model-codebases §9.3). Types come
 * from the generated `operations`, so that:
 *   - an operation of the spec without a handler is a type error (HandlerTable is exhaustive);
 *   - a handler answering a status the spec does not declare for it is a type error;
 *   - a handler's input is exactly what the spec says the request carries.
 */
import type { operations } from "../api-types.ts";
import type { Caller } from "../core/auth.ts";
import type { EventStream } from "../core/http-types.ts";
import type { MockState, OrgState } from "../state.ts";

/** Every operationId of the spec. */
export type OperationId = keyof operations;

type Op<K extends OperationId> = operations[K];
type JsonBody<R> = R extends { content: { "application/json": infer B } } ? B : undefined;
type Responses<K extends OperationId> = Op<K>["responses"];
type Param<K extends OperationId, L extends string> = Op<K>["parameters"] extends { [P in L]?: infer T }
  ? [T] extends [never | undefined] ? Record<string, never> : NonNullable<T>
  : Record<string, never>;

/** A streamed answer, allowed only for a status that declares `text/event-stream`. */
type StreamOf<R> = R extends { content: { "text/event-stream": unknown } } ? { stream: EventStream } : never;

/** What a handler may answer: one of the operation's declared statuses with its body (or stream). */
export type Result<K extends OperationId> = {
  [S in keyof Responses<K> & number]: { status: S; headers?: Record<string, string> } & (
    | { body: JsonBody<Responses<K>[S]> }
    | StreamOf<Responses<K>[S]>
  );
}[keyof Responses<K> & number];

/** The validated request a handler receives. */
export interface Input<K extends OperationId> {
  path: Param<K, "path">;
  query: Param<K, "query">;
  body: JsonBody<NonNullable<Op<K>["requestBody"]>>;
}

/** What a handler knows about the request besides its input. */
export interface RequestContext {
  requestId: string;
  /** The `meta` of every enveloped answer. */
  meta: { requestId: string };
  /** The base URL the client called, for self-links (`endpoint`). */
  baseUrl: string;
  /** The whole state, for operations that are not scoped to one organization. */
  state: MockState;
  /** The caller; throws for operations declared with `security: []`. */
  caller(): Caller;
  /** The caller's organization state; throws for operations declared with `security: []`. */
  org(): OrgState;
}

/** A handler: thin, it maps HTTP to a store call and back. */
export type Handler<K extends OperationId> = (input: Input<K>, ctx: RequestContext) => Result<K> | Promise<Result<K>>;

/** One handler for every operation of the spec. */
export type HandlerTable = { [K in OperationId]: Handler<K> };
