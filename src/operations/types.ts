/**
 * The typed table from operationId to handler (reference model-codebases §9.3). Types come
 * from the generated `operations`, so that:
 *   - an operation of the spec without a handler is a type error (HandlerTable is exhaustive);
 *   - a handler answering a status the spec does not declare for it is a type error;
 *   - a handler's input is exactly what the spec says the request carries.
 */
import type { operations } from "../api-types.ts";
import type { Caller } from "../core/auth.ts";
import type { InputOf, ResultOf } from "../core/typed-operations.ts";
import type { OrgState } from "../state.ts";
import type { DeviceLinkRegistry } from "../stateful/runmesh/device-links.ts";
import type { WebhookDirectory } from "../stateful/workflows/webhook-directory.ts";

/** Every operationId of the spec. */
export type OperationId = keyof operations;

/** What a handler may answer: one of the operation's declared statuses with its body (or stream). */
export type Result<K extends OperationId> = ResultOf<operations[K]>;

/** The validated request a handler receives. */
export type Input<K extends OperationId> = InputOf<operations[K]>;

/** What a handler knows about the request besides its input. */
export interface RequestContext {
  requestId: string;
  /** The `meta` of every enveloped answer. */
  meta: { requestId: string };
  /** The base URL the client called, for self-links (`endpoint`). */
  baseUrl: string;
  /** The caller; throws for operations declared with `security: []`. */
  caller(): Caller;
  /** The caller's organization state; throws for operations declared with `security: []`. */
  org(): OrgState;
  /** Other organizations, for the operations that span them (`/v1/organizations`). */
  orgs: {
    /** An organization that has state, without creating it. */
    peek(orgId: string): OrgState | undefined;
    /** Creates an organization's (empty) state under a fresh id. */
    create(): OrgState;
  };
  /** RunMesh link codes, which belong to no organization until approved (link start and poll take no key). */
  deviceLinks: DeviceLinkRegistry;
  /** Which organization owns a workflow webhook (its invoke takes no key). */
  webhooks: WebhookDirectory;
  /** The `X-Webhook-Secret` presented; throws for operations it does not authenticate. */
  webhookSecret(): string;
}

/** A handler: thin, it maps HTTP to a store call and back. */
export type Handler<K extends OperationId> = (input: Input<K>, ctx: RequestContext) => Result<K> | Promise<Result<K>>;

/** One handler for every operation of the spec. */
export type HandlerTable = { [K in OperationId]: Handler<K> };
