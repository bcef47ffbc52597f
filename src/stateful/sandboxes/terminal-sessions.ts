/**
 * One-time browser terminal sessions (docs: /api-reference/terminal/mint-a-one-time-browser-terminal-session):
 * a session id and the path of the WebSocket bridge, for a running sandbox of the caller's
 * organization. The mock serves no WebSocket, so a session is minted and reported, never kept.
 */
import type { TerminalSession } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { ActivitySink } from "../activity/activity-log.ts";
import { sandboxActivity } from "../activity/recorders.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import type { SandboxStore } from "./sandboxes.store.ts";

/** How long a minted session may be opened (Mock decision: the docs give no lifetime). */
export const TERMINAL_SESSION_TTL_MS = 60_000;

/** What minting needs. */
export interface TerminalDeps {
  clock: Clock;
  ids: IdSource;
  sandboxes: SandboxStore;
  activity: ActivitySink;
}

/** Mints sessions for one organization's sandboxes. */
export class TerminalSessions {
  constructor(private readonly deps: TerminalDeps) {}

  /** Mints a session: 404 for an unknown or destroyed sandbox, 409 unless it is running. */
  mint(sandboxRef: string, actorUserId: string): TerminalSession {
    const sandbox = this.deps.sandboxes.resolve(sandboxRef);
    if (!sandbox) throw new ApiError("not_found", `Sandbox '${sandboxRef}' not found`);
    if (sandbox.status !== "running") throw new ApiError("conflict", `The sandbox '${sandbox.name}' is ${sandbox.status}, not running: a terminal needs a running sandbox`);
    const sessionId = this.deps.ids.uuid();
    const expiresAt = new Date(this.deps.clock.now().getTime() + TERMINAL_SESSION_TTL_MS).toISOString();
    this.deps.activity.record(sandboxActivity("sandbox.terminal_session.created", sandbox, actorUserId, { sessionId, expiresAt }));
    return { sessionId, sandboxId: sandbox.id, wsPath: `/v1/terminal/sessions/${sessionId}`, expiresAt };
  }
}
