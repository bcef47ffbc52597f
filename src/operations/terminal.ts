/**
 * Browser terminal sessions (tag `terminal`): spec/paths/terminal.yaml. The rules live in
 * stateful/sandboxes/terminal-sessions.ts.
 */
import type { Handler } from "./types.ts";

export const createTerminalSession: Handler<"createTerminalSession"> = ({ body }, ctx) => ({
  status: 201,
  body: { data: ctx.org().terminals.mint(body.sandboxId, ctx.caller().userId), meta: ctx.meta },
});
