/**
 * Compile-time tests, run by `npm run typecheck` (tsc): each `@ts-expect-error` line must be an
 * error, or tsc fails with "Unused '@ts-expect-error' directive". They prove that the handler
 * table is bound to the spec's generated `operations`.
 */
import { handlers } from "../../src/operations/index.ts";
import type { Handler, HandlerTable } from "../../src/operations/types.ts";

const meta = { requestId: "req_x" };

// A status the spec does not declare for the operation is a type error.
// @ts-expect-error getAgent declares 200, 400, 401 and 404, not 204
export const undeclaredStatus: Handler<"getAgent"> = () => ({ status: 204, body: undefined });

// A body that does not match the declared status's schema is a type error.
// @ts-expect-error deleteAgent's 200 body is {data: {id, deleted: true}, meta}
export const wrongBody: Handler<"deleteAgent"> = () => ({ status: 200, body: { data: { id: "agt_1", deleted: false }, meta } });

// A spec operation without a handler is a type error.
const { upsertAgent: _left, ...withoutUpsert } = handlers;
// @ts-expect-error upsertAgent is missing
export const incomplete: HandlerTable = withoutUpsert;

// A handler for an operation the spec does not have is a type error.
// @ts-expect-error there is no operation named launchRocket
export const unknown: Handler<"launchRocket"> = () => ({ status: 200, body: undefined });

// Inputs are typed from the spec too: path parameters exist by name.
export const typedInput: Handler<"getAgent"> = ({ path }) => {
  // @ts-expect-error getAgent's path has `slug`, not `id`
  void path.id;
  return { status: 404, body: { error: { code: "not_found", message: path.slug, requestId: "req_x" } } };
};
