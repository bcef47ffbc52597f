/**
 * RunStore without HTTP (issue 4: "`GET /v1/run` (filters `agent`, `status`, `limit`),
 * `POST /v1/run/{id}/cancel` (409 if already finished)"; reference Part B R2, R3; spec: listRuns,
 * cancelRun, RunSummary). Ids are `run_…` (Part A, ids).
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { RunStatus, RunSummary } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { RunStore } from "./runs.store.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";

const summarySchema = compileValidators(loadSpec()).component("RunSummary");

const USER = "22222222-2222-4222-8222-222222222222";
const REVIEWER = { agentId: "agt_0000000000000001", agentSlug: "code-reviewer" };
const ANALYST = { agentId: "agt_0000000000000002", agentSlug: "data-analyst" };

let clock: ManualClock;
let runs: RunStore;

beforeEach(() => {
  clock = new ManualClock();
  runs = new RunStore({ clock, ids: new CountingIds() });
});

/** Records a run of `agent` with a fresh id and answers it. */
function addRun(agent: { agentId: string; agentSlug: string } = REVIEWER, status: RunStatus = "running", rolloutId = "rol_0000000000000001"): RunSummary {
  const run: RunSummary = {
    id: runs.newId(),
    ...agent,
    threadId: "thr_0000000000000001",
    sandboxId: "sandbox-000000000001",
    userId: USER,
    status,
    createdAt: clock.now().toISOString(),
    completedAt: null,
  };
  runs.add(run, rolloutId);
  return run;
}

function ids(list: readonly RunSummary[]): string[] {
  return list.map((run) => run.id);
}

describe("RunStore.newId, add and get", () => {
  it("issues run_ ids, one per call", () => {
    expect(runs.newId()).toBe("run_0000000000000001");
    expect(runs.newId()).toBe("run_0000000000000002");
  });

  it("answers a recorded run as it was added", () => {
    const run = addRun();
    expect(run.id).toMatch(/^run_[A-Za-z0-9]+$/);
    expect(runs.get(run.id)).toEqual(run);
    expect(summarySchema(runs.get(run.id))).toEqual([]);
  });

  it("keeps the stored run apart from the added object and from answers", () => {
    const run = addRun();
    run.status = "failed";
    const got = runs.get(run.id);
    got.status = "completed";
    runs.list({}, 10).items.forEach((item) => (item.status = "completed"));
    expect(runs.get(run.id).status).toBe("running");
  });

  it("remembers the rollout each run belongs to", () => {
    const first = addRun(REVIEWER, "running", "rol_000000000000000a");
    const second = addRun(REVIEWER, "running", "rol_000000000000000b");
    expect(runs.rolloutOf(first.id)).toBe("rol_000000000000000a");
    expect(runs.rolloutOf(second.id)).toBe("rol_000000000000000b");
  });

  it("answers 404 not_found for an unknown run", () => {
    for (const call of [() => runs.get("run_unknown"), () => runs.cancel("run_unknown"), () => runs.finish("run_unknown", "completed"), () => runs.rolloutOf("run_unknown"), () => runs.signal("run_unknown")]) {
      const error = apiErrorOf(call);
      expect(error.code).toBe("not_found");
      expect(error.message).toContain("run_unknown");
    }
  });
});

describe("RunStore.list", () => {
  it("lists runs newest first", () => {
    const a = addRun();
    clock.advance(1_000);
    const b = addRun(ANALYST);
    clock.advance(1_000);
    const c = addRun();
    const page = runs.list({}, 50);
    expect(ids(page.items)).toEqual([c.id, b.id, a.id]);
    expect(page).toMatchObject({ hasMore: false, nextCursor: null });
    for (const run of page.items) expect(summarySchema(run)).toEqual([]);
  });

  it("filters by agent slug or agent id", () => {
    const a = addRun(REVIEWER);
    const b = addRun(ANALYST);
    const c = addRun(REVIEWER);
    expect(ids(runs.list({ agent: "code-reviewer" }, 50).items)).toEqual([c.id, a.id]);
    expect(ids(runs.list({ agent: REVIEWER.agentId }, 50).items)).toEqual([c.id, a.id]);
    expect(ids(runs.list({ agent: "data-analyst" }, 50).items)).toEqual([b.id]);
    expect(ids(runs.list({ agent: ANALYST.agentId }, 50).items)).toEqual([b.id]);
    expect(runs.list({ agent: "no-such-agent" }, 50)).toEqual({ items: [], hasMore: false, nextCursor: null });
  });

  it("filters by status, alone and with the agent", () => {
    const a = addRun(REVIEWER);
    const b = addRun(ANALYST);
    const c = addRun(REVIEWER);
    const d = addRun(REVIEWER, "dispatched");
    runs.finish(a.id, "completed");
    runs.finish(b.id, "completed");
    expect(ids(runs.list({ status: "completed" }, 50).items)).toEqual([b.id, a.id]);
    expect(ids(runs.list({ status: "running" }, 50).items)).toEqual([c.id]);
    expect(ids(runs.list({ status: "dispatched" }, 50).items)).toEqual([d.id]);
    expect(runs.list({ status: "failed" }, 50).items).toEqual([]);
    expect(ids(runs.list({ agent: "code-reviewer", status: "completed" }, 50).items)).toEqual([a.id]);
  });

  it("pages newest first, every run exactly once, even when runs are added between pages", () => {
    const created = Array.from({ length: 5 }, () => addRun().id);
    const first = runs.list({}, 2);
    expect(ids(first.items)).toEqual([created[4], created[3]]);
    expect(first.hasMore).toBe(true);
    const later = addRun().id;
    const second = runs.list({}, 2, first.nextCursor ?? undefined);
    expect(ids(second.items)).toEqual([created[2], created[1]]);
    expect(second.hasMore).toBe(true);
    const third = runs.list({}, 2, second.nextCursor ?? undefined);
    expect(ids(third.items)).toEqual([created[0]]);
    expect(third).toMatchObject({ hasMore: false, nextCursor: null });
    expect(ids(runs.list({}, 1).items)).toEqual([later]);
  });

  it("pages a filtered list", () => {
    const reviewer = [addRun(REVIEWER).id, addRun(ANALYST).id, addRun(REVIEWER).id, addRun(REVIEWER).id].filter((_, i) => i !== 1);
    const first = runs.list({ agent: "code-reviewer" }, 2);
    expect(ids(first.items)).toEqual([reviewer[2], reviewer[1]]);
    const second = runs.list({ agent: "code-reviewer" }, 2, first.nextCursor ?? undefined);
    expect(ids(second.items)).toEqual([reviewer[0]]);
    expect(second.hasMore).toBe(false);
  });

  it("rejects a cursor it did not issue with a 400", () => {
    expect(apiErrorOf(() => runs.list({}, 10, "bogus")).code).toBe("bad_request");
  });
});

describe("RunStore.finish", () => {
  it("sets the final status and completedAt", () => {
    const run = addRun();
    clock.advance(2_500);
    const finished = runs.finish(run.id, "completed");
    expect(finished).toEqual({ ...run, status: "completed", completedAt: "2026-01-01T00:00:02.500Z" });
    expect(runs.get(run.id)).toEqual(finished);
    expect(summarySchema(finished)).toEqual([]);
  });

  it("never overwrites a final status or its completedAt", () => {
    const run = addRun();
    clock.advance(1_000);
    runs.finish(run.id, "cancelled");
    clock.advance(1_000);
    const again = runs.finish(run.id, "completed");
    expect(again.status).toBe("cancelled");
    expect(again.completedAt).toBe("2026-01-01T00:00:01.000Z");
    expect(runs.get(run.id)).toEqual(again);
    runs.finish(run.id, "failed");
    expect(runs.get(run.id).status).toBe("cancelled");
  });

  it("finishes a dispatched run", () => {
    const run = addRun(REVIEWER, "dispatched");
    expect(runs.finish(run.id, "completed").status).toBe("completed");
  });
});

describe("RunStore.cancel", () => {
  it.each<RunStatus>(["running", "dispatched", "registered"])("cancels a %s run, stamps completedAt and aborts its signal", (status) => {
    const run = addRun(REVIEWER, status);
    const signal = runs.signal(run.id);
    expect(signal.aborted).toBe(false);
    clock.advance(3_000);
    const cancelled = runs.cancel(run.id);
    expect(cancelled).toEqual({ ...run, status: "cancelled", completedAt: "2026-01-01T00:00:03.000Z" });
    expect(runs.get(run.id)).toEqual(cancelled);
    expect(signal.aborted).toBe(true);
    expect(runs.signal(run.id).aborted).toBe(true);
  });

  it("aborts only the cancelled run's signal", () => {
    const a = addRun();
    const b = addRun();
    runs.cancel(a.id);
    expect(runs.signal(a.id).aborted).toBe(true);
    expect(runs.signal(b.id).aborted).toBe(false);
    expect(runs.get(b.id).status).toBe("running");
  });

  it.each<RunStatus>(["completed", "cancelled", "failed"])("answers 409 conflict for a %s run and leaves it as it was", (status) => {
    const run = addRun();
    clock.advance(1_000);
    runs.finish(run.id, status);
    const before = runs.get(run.id);
    clock.advance(1_000);
    const error = apiErrorOf(() => runs.cancel(run.id));
    expect(error.code).toBe("conflict");
    expect(error.status).toBe(409);
    expect(runs.get(run.id)).toEqual(before);
    expect(runs.signal(run.id).aborted).toBe(false);
  });

  it("answers 409 on a second cancel", () => {
    const run = addRun();
    runs.cancel(run.id);
    expect(apiErrorOf(() => runs.cancel(run.id)).code).toBe("conflict");
    expect(runs.get(run.id).status).toBe("cancelled");
  });
});
