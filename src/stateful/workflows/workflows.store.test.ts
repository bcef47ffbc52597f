/**
 * WorkflowStore without HTTP (docs: /advanced/webhooks; shapes inferred [I], spec
 * components/schemas/workflows.yaml).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { CATCH_UP_LIMIT, WorkflowStore } from "./workflows.store.ts";

const validators = compileValidators(loadSpec());
const triggerSchema = validators.component("WorkflowTrigger");
const runSchema = validators.component("WorkflowRun");
const BASE = "http://127.0.0.1:4010";
const HOUR = 3_600_000;

let clock: ManualClock;
let webhooks: string[];
let store: WorkflowStore;

beforeEach(() => {
  clock = new ManualClock();
  webhooks = [];
  store = new WorkflowStore({ clock, ids: new CountingIds(), onWebhook: (slug) => webhooks.push(slug) });
});

describe("WorkflowStore webhooks", () => {
  it("creates a webhook trigger with a URL on the caller's base URL, answering its secret once", () => {
    const trigger = store.create("incoming-leads", { type: "webhook", name: "Lead capture", secret: "a-long-secret" }, BASE);
    expect(triggerSchema(trigger)).toEqual([]);
    expect(trigger).toMatchObject({ type: "webhook", enabled: true, secret: "a-long-secret", schedule: null, nextRunAt: null });
    expect(trigger.webhookUrl).toBe(`${BASE}/v1/workflows/webhooks/${trigger.webhookSlug}`);
    expect(webhooks).toEqual([trigger.webhookSlug]);
    expect(store.list("incoming-leads")).toEqual([{ ...trigger, secret: null }]);
  });

  it("generates a secret when none is sent", () => {
    expect(store.create("w", { type: "webhook" }, BASE).secret).toMatch(/^whsec_/);
  });

  it("starts a completed run with the payload as input for the right secret only", () => {
    const trigger = store.create("incoming-leads", { type: "webhook", secret: "a-long-secret" }, BASE);
    const slug = trigger.webhookSlug as string;
    expect(apiErrorOf(() => store.invoke(slug, "wrong-secret", {})).status).toBe(401);
    expect(apiErrorOf(() => store.invoke("whk_unknown", "a-long-secret", {})).status).toBe(404);
    const run = store.invoke(slug, "a-long-secret", { event: "lead.created" });
    expect(runSchema(run)).toEqual([]);
    expect(run).toMatchObject({ workflowSlug: "incoming-leads", triggerId: trigger.id, triggerType: "webhook", status: "completed", input: { event: "lead.created" } });
    expect(store.runs("incoming-leads", 25)).toEqual([run]);
    expect(store.runs("other", 25)).toEqual([]);
  });

  it("refuses a disabled trigger's webhook with 409, and a deleted one's with 404", () => {
    const trigger = store.create("w", { type: "webhook", secret: "a-long-secret" }, BASE);
    store.update("w", trigger.id, { enabled: false });
    expect(apiErrorOf(() => store.invoke(trigger.webhookSlug as string, "a-long-secret", {})).status).toBe(409);
    store.delete("w", trigger.id);
    expect(apiErrorOf(() => store.invoke(trigger.webhookSlug as string, "a-long-secret", {})).status).toBe(404);
    expect(store.list("w")).toEqual([]);
  });

  it("rotates the secret on update", () => {
    const trigger = store.create("w", { type: "webhook", secret: "first-secret" }, BASE);
    store.update("w", trigger.id, { secret: "second-secret" });
    expect(apiErrorOf(() => store.invoke(trigger.webhookSlug as string, "first-secret", {})).status).toBe(401);
    expect(store.invoke(trigger.webhookSlug as string, "second-secret", null).input).toBeNull();
  });
});

describe("WorkflowStore cron triggers", () => {
  it("refuses a cron trigger without a schedule, or with one that does not parse, at /body/schedule", () => {
    expect(apiErrorOf(() => store.create("w", { type: "cron" }, BASE)).details?.[0]?.path).toBe("/body/schedule");
    expect(apiErrorOf(() => store.create("w", { type: "cron", schedule: "every hour" }, BASE)).details?.[0]?.path).toBe("/body/schedule");
    expect(apiErrorOf(() => store.create("w", { type: "webhook", schedule: "0 * * * *" }, BASE)).status).toBe(400);
    expect(store.list("w")).toEqual([]);
  });

  it("fires once per passed occurrence on the clock, and not before", () => {
    const trigger = store.create("nightly", { type: "cron", schedule: "0 * * * *" }, BASE);
    expect(trigger.nextRunAt).toBe("2026-01-01T01:00:00.000Z");
    store.fireDue();
    expect(store.runs("nightly", 25)).toEqual([]);
    clock.advance(3 * HOUR);
    store.fireDue();
    const runs = store.runs("nightly", 25);
    expect(runs.map((r) => [r.createdAt, r.triggerType, r.input])).toEqual([
      ["2026-01-01T03:00:00.000Z", "cron", null],
      ["2026-01-01T02:00:00.000Z", "cron", null],
      ["2026-01-01T01:00:00.000Z", "cron", null],
    ]);
    expect(store.list("nightly")[0]).toMatchObject({ lastFiredAt: "2026-01-01T03:00:00.000Z", nextRunAt: "2026-01-01T04:00:00.000Z" });
  });

  it("catches up at most CATCH_UP_LIMIT occurrences, then schedules from now", () => {
    store.create("w", { type: "cron", schedule: "* * * * *" }, BASE);
    clock.advance(24 * HOUR);
    store.fireDue();
    expect(store.runs("w", 500)).toHaveLength(CATCH_UP_LIMIT);
    expect(store.list("w")[0]?.nextRunAt).toBe("2026-01-02T00:01:00.000Z");
  });

  it("does not fire while disabled, and counts from the moment it is enabled again", () => {
    const trigger = store.create("w", { type: "cron", schedule: "0 * * * *", enabled: false }, BASE);
    clock.advance(2 * HOUR + 1000);
    store.fireDue();
    expect(store.runs("w", 25)).toEqual([]);
    expect(store.update("w", trigger.id, { enabled: true }).nextRunAt).toBe("2026-01-01T03:00:00.000Z");
  });

  it("answers 404 for a trigger of another workflow", () => {
    const trigger = store.create("w", { type: "cron", schedule: "0 * * * *" }, BASE);
    expect(apiErrorOf(() => store.update("other", trigger.id, { name: "x" })).status).toBe(404);
    expect(apiErrorOf(() => store.delete("other", trigger.id)).status).toBe(404);
  });

  it("exports and imports triggers and runs, webhooks registered again", () => {
    const trigger = store.create("w", { type: "webhook", secret: "a-long-secret" }, BASE);
    store.invoke(trigger.webhookSlug as string, "a-long-secret", { a: 1 });
    const seen: string[] = [];
    const other = new WorkflowStore({ clock, ids: new CountingIds(), onWebhook: (slug) => seen.push(slug) });
    other.importAll(store.exportAll());
    expect(seen).toEqual([trigger.webhookSlug]);
    expect(other.runs("w", 25)).toEqual(store.runs("w", 25));
    expect(other.invoke(trigger.webhookSlug as string, "a-long-secret", {}).status).toBe("completed");
  });
});
