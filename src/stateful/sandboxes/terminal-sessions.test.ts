/**
 * Browser terminal sessions without HTTP (issue 15; docs:
 * /api-reference/terminal/mint-a-one-time-browser-terminal-session).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { createState, type OrgState } from "../../state.ts";
import { apiErrorOf, CountingIds, ManualClock, START } from "../common/test-support.ts";

const sessionSchema = compileValidators(loadSpec()).component("TerminalSession");
const USER = "22222222-2222-4222-8222-222222222222";

let clock: ManualClock;
let org: OrgState;
let other: OrgState;

beforeEach(() => {
  clock = new ManualClock();
  const state = createState({ clock, ids: new CountingIds(), bootDelayMs: 0, streamDelayMs: 0 });
  org = state.forOrg("11111111-1111-4111-8111-111111111111");
  other = state.forOrg("44444444-4444-4444-8444-444444444444");
  org.sandboxes.create({ template: "base-ubuntu", resources: { vcpus: 2, memory: "4GB", disk: "10GB" }, mounts: [], name: "build-runner" });
});

describe("TerminalSessions", () => {
  it("mints a session for a running sandbox, by name or id, expiring after 60 seconds, and records it", () => {
    clock.nextRequest();
    const session = org.terminals.mint("build-runner", USER);
    expect(sessionSchema(session)).toEqual([]);
    expect(session.wsPath).toBe(`/v1/terminal/sessions/${session.sessionId}`);
    expect(session.expiresAt).toBe(new Date(Date.parse(START) + 60_000).toISOString());
    expect(org.terminals.mint(session.sandboxId, USER).sessionId).not.toBe(session.sessionId);
    const [event] = org.activity.list({ eventType: "sandbox.terminal_session.created" }, 10).items.reverse();
    expect(event).toMatchObject({ sandboxId: session.sandboxId, attributes: { sessionId: session.sessionId } });
  });

  it("answers 409 while the sandbox boots or is paused, and 404 once destroyed or for another organization", () => {
    expect(apiErrorOf(() => org.terminals.mint("build-runner", USER)).status).toBe(409); // still creating
    clock.nextRequest();
    expect(apiErrorOf(() => other.terminals.mint("build-runner", USER)).status).toBe(404);
    org.sandboxes.pause("build-runner");
    clock.nextRequest();
    expect(apiErrorOf(() => org.terminals.mint("build-runner", USER)).status).toBe(409);
    org.sandboxes.delete("build-runner");
    clock.nextRequest();
    expect(apiErrorOf(() => org.terminals.mint("build-runner", USER)).status).toBe(404);
    expect(org.activity.list({ eventType: "sandbox.terminal_session.created" }, 10).items).toEqual([]);
  });
});
