/**
 * Code execution (tag `execute`): `POST /v1/execute` answers the engine's raw payload, without the
 * envelope (spec/paths/execute.yaml). Thin: the rules live in CodeExecutor.
 */
import type { Handler } from "./types.ts";

export const executeCode: Handler<"executeCode"> = async ({ body }, ctx) => {
  const result = await ctx.org().executor.run(body);
  // Charged once it answered (docs/billing.md: one price per execution).
  ctx.org().billing.codeExecuted(body.language);
  return { status: 200, body: result };
};
