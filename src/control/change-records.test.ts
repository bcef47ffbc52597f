/**
 * Records and their replay (change-records.ts): whatever the stores did, the snapshot with the
 * records applied is the state as it is exported, section by section, in order.
 */
import { describe, expect, it } from "vitest";
import { CountingIds, ManualClock } from "../stateful/common/test-support.ts";
import { exportState, type StateDocument } from "../stateful/snapshot.ts";
import { createState, type MockState } from "../state.ts";
import { captureOrg, Replay, trackAll, type ChangeRecord } from "./change-records.ts";

const actor = { orgId: "org-a", userId: "user-1" };
const agent = (slug: string, description = "v1") => ({ slug, executionMode: "managed" as const, model: "claude-sonnet-4", visibility: "private" as const, description });

function setup() {
  const clock = new ManualClock();
  const state = createState({ clock, ids: new CountingIds(), bootDelayMs: 0, streamDelayMs: 0 });
  const records: ChangeRecord[] = [];
  /** What --persist logs after a change: every touched organization. */
  const capture = () => records.push(JSON.parse(JSON.stringify({ orgs: state.takeTouched().map((id) => captureOrg(id, state.find(id))) })) as ChangeRecord);
  return { state, clock, records, capture };
}

const replayed = (base: StateDocument | undefined, records: ChangeRecord[]) => {
  const replay = new Replay(base);
  for (const record of records) replay.apply(record);
  return replay.result("2026-01-01T00:00:00.000Z")?.organizations;
};
const now = (state: MockState) => exportState(state, new Date("2026-01-01T00:00:00.000Z")).organizations;

describe("change records", () => {
  it("replay of the records on the snapshot is the exported state, agents in their order (updates in place, a re-created slug last)", () => {
    const { state, records, capture } = setup();
    state.takeTouched();
    // Every change goes through the bundle (a request's lease, or forOrg), which marks the organization touched.
    const org = () => state.forOrg("org-a");
    org().agents.upsert(agent("alpha"), actor);
    org().agents.upsert(agent("beta"), actor);
    capture();
    const base = exportState(state, new Date());
    trackAll([org()]);
    records.length = 0;
    org().agents.upsert(agent("alpha", "v2"), actor);
    capture();
    org().agents.delete("alpha");
    org().agents.upsert(agent("gamma"), actor);
    org().agents.upsert(agent("alpha", "again"), actor);
    capture();
    org().agents.patch("beta", { description: "patched" });
    org().activity.record({ resourceType: "agent", resourceId: "beta", eventType: "agent.updated", title: "x" });
    capture();
    expect(replayed(base, records)).toEqual(now(state));
    expect(now(state)[0]?.agents.map((a) => a.slug)).toEqual(["beta", "gamma", "alpha"]);
  });

  it("a reporting store logs only what changed; other sections are logged whole", () => {
    const { state, records, capture } = setup();
    state.takeTouched();
    const org = state.forOrg("org-a");
    for (let i = 0; i < 50; i++) org.agents.upsert(agent(`agent-${i}`), actor);
    trackAll([org]);
    state.takeTouched();
    state.forOrg("org-a").agents.upsert(agent("agent-7", "v2"), actor);
    capture();
    const [record] = records as unknown as [{ orgs: { s: Record<string, unknown>; d: Record<string, { put: unknown[] }> }[] }];
    expect(record.orgs[0]?.d.agents?.put).toHaveLength(1);
    expect(record.orgs[0]?.s).not.toHaveProperty("agents");
    expect(record.orgs[0]?.s).toHaveProperty("workspaces");
  });

  it("an organization first seen is logged whole; a reset one is dropped; the activity feed keeps its cap", () => {
    const { state, records, capture } = setup();
    state.takeTouched();
    state.forOrg("org-new").agents.upsert(agent("first"), { ...actor, orgId: "org-new" });
    capture();
    state.forOrg("org-gone");
    capture();
    state.reset("org-gone");
    capture();
    expect(replayed(undefined, records)).toEqual(now(state));
    const keep = new Replay(undefined);
    keep.apply({ orgs: [{ o: "o", s: { activity: [] } }] });
    for (let i = 0; i < 5; i++) keep.apply({ orgs: [{ o: "o", d: { activity: { kind: "appended", items: [i, i + 0.5], keep: 3 } } }] });
    expect(keep.result("t")?.organizations[0]?.activity).toEqual([3.5, 4, 4.5]);
  });
});
