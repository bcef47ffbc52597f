/**
 * Types that bind handlers to an openapi-typescript `operations` interface (reference
 * model-codebases §9.3). Both contracts (the public API and the control plane) use them:
 *   - a handler answering a status the spec does not declare for it is a type error;
 *   - a handler's input is exactly what the spec says the request carries.
 */
import type { EventStream, RawBody } from "./http-types.ts";
import type { MultipartForm } from "./multipart.ts";

/** The shape openapi-typescript gives each operation. */
type AnyOperation = { parameters: unknown; responses: unknown; requestBody?: unknown };

type JsonBody<R> = R extends { content: { "application/json": infer B } } ? B : undefined;
type Param<O extends AnyOperation, L extends string> = O["parameters"] extends { [P in L]?: infer T }
  ? [T] extends [never | undefined] ? Record<string, never> : NonNullable<T>
  : Record<string, never>;

/** A streamed answer, allowed only for a status that declares `text/event-stream`. */
type StreamOf<R> = R extends { content: { "text/event-stream": unknown } } ? { stream: EventStream } : never;

/** Raw bytes, allowed only for a status that declares `application/octet-stream` (a download). */
type RawOf<R> = R extends { content: { "application/octet-stream": unknown } } ? { raw: RawBody } : never;

/**
 * A request body: JSON as the schema says, a parsed form for a multipart upload, or the bytes of an
 * upload declared for every media type.
 */
type RequestBodyOf<B> = B extends { content: { "multipart/form-data": unknown } }
  ? MultipartForm
  : B extends { content: { "*/*": unknown } }
    ? Buffer
    : JsonBody<B>;

/** What a handler may answer: one of the operation's declared statuses with its body (or stream, or raw bytes). */
export type ResultOf<O extends AnyOperation> = {
  [S in keyof O["responses"] & number]: { status: S; headers?: Record<string, string> } & (
    | { body: JsonBody<O["responses"][S]> }
    | StreamOf<O["responses"][S]>
    | RawOf<O["responses"][S]>
  );
}[keyof O["responses"] & number];

/** The validated request a handler receives. */
export interface InputOf<O extends AnyOperation> {
  path: Param<O, "path">;
  query: Param<O, "query">;
  header: Param<O, "header">;
  body: RequestBodyOf<NonNullable<O["requestBody"]>>;
}
