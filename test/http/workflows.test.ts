/**
 * Workflow triggers black-box through the real server (spec tag `workflows`; docs:
 * /advanced/webhooks): webhooks invoked with X-Webhook-Secret start runs, a wrong secret is
 * refused, cron triggers fire on the mock's clock, which the control plane advances.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { WorkflowRun, WorkflowTrigger } from "../../src/api-types.ts";
import { ControlClient } from "../control/control-client.ts";
import type { ContractClient } from "../support/contract-client.ts";
import { useServer } from "../support/server.ts";
import { expectBadRequest, expectError } from "./helpers.ts";

const { client, server, violations } = useServer({ seed: 7 });

afterEach(() => expect(violations).toEqual([]));
afterAll(() => expect(violations).toEqual([]));

const SECRET = "replace-with-a-long-random-secret";

async function createTrigger(c: ContractClient, body: Record<string, unknown>, slug = "incoming-leads"): Promise<WorkflowTrigger> {
  const res = await c.post<{ data: WorkflowTrigger }>(`/v1/workflows/${slug}/triggers`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.data;
}

function invoke(c: ContractClient, trigger: WorkflowTrigger, secret: string | undefined, body: unknown = { event: "lead.created" }) {
  const headers: Record<string, string> = secret === undefined ? {} : { "X-Webhook-Secret": secret };
  return c.request("POST", new URL(trigger.webhookUrl as string).pathname, { body, headers, anonymous: true });
}

const runs = async (c: ContractClient, slug = "incoming-leads") => (await c.get<{ data: WorkflowRun[] }>(`/v1/workflows/${slug}/runs`)).body.data;

describe("webhook triggers", () => {
  it("answers the docs' create with webhookUrl on the mock and the secret, which the list never shows", async () => {
    const c = client("wfcreate");
    const trigger = await createTrigger(c, { type: "webhook", name: "Lead capture", enabled: true, secret: SECRET });
    expect(trigger).toMatchObject({ workflowSlug: "incoming-leads", type: "webhook", name: "Lead capture", enabled: true, secret: SECRET });
    expect(trigger.webhookUrl).toBe(`${server().url}/v1/workflows/webhooks/${trigger.webhookSlug}`);
    expect((await c.get("/v1/workflows/incoming-leads/triggers")).body.data).toEqual([{ ...trigger, secret: null }]);
  });

  it("starts a run with the payload as input for the right X-Webhook-Secret, without an API key, and the run is listed", async () => {
    const c = client("wfinvoke");
    const trigger = await createTrigger(c, { type: "webhook", secret: SECRET });
    const res = await invoke(c, trigger, SECRET);
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ workflowSlug: "incoming-leads", triggerId: trigger.id, triggerType: "webhook", status: "completed", input: { event: "lead.created" } });
    expect(await runs(c)).toEqual([res.body.data]);
  });

  it("refuses a wrong or missing secret (401) and an unknown webhook (404), starting nothing", async () => {
    const c = client("wfrefuse");
    const trigger = await createTrigger(c, { type: "webhook", secret: SECRET });
    expectError(await invoke(c, trigger, "not-the-secret"), 401, "unauthorized");
    expectError(await invoke(c, trigger, undefined), 401, "unauthorized");
    expectError(await c.request("POST", "/v1/workflows/webhooks/whk_unknown", { body: {}, headers: { "X-Webhook-Secret": SECRET }, anonymous: true }), 404, "not_found");
    expect(await runs(c)).toEqual([]);
  });

  it("refuses a disabled trigger's webhook (409), and a deleted one's (404)", async () => {
    const c = client("wfdisable");
    const trigger = await createTrigger(c, { type: "webhook", secret: SECRET });
    const patched = await c.patch(`/v1/workflows/incoming-leads/triggers/${trigger.id}`, { enabled: false });
    expect(patched.body.data.enabled).toBe(false);
    expectError(await invoke(c, trigger, SECRET), 409, "conflict");
    expect((await c.delete(`/v1/workflows/incoming-leads/triggers/${trigger.id}`)).body.data).toEqual({ id: trigger.id, deleted: true });
    expectError(await invoke(c, trigger, SECRET), 404, "not_found");
    expectError(await c.delete(`/v1/workflows/incoming-leads/triggers/${trigger.id}`), 404, "not_found");
  });

  it("refuses a malformed workflow slug and a cron trigger without a valid schedule (400), storing nothing", async () => {
    const c = client("wfbad");
    expectBadRequest(await c.post("/v1/workflows/Bad_Slug/triggers", { type: "webhook" }), "/path/workflowSlug");
    expectBadRequest(await c.post("/v1/workflows/leads/triggers", { type: "cron" }), "/body/schedule");
    expectBadRequest(await c.post("/v1/workflows/leads/triggers", { type: "cron", schedule: "hourly" }), "/body/schedule");
    expect((await c.get("/v1/workflows/leads/triggers")).body.data).toEqual([]);
  });
});

describe("cron triggers on the mock's clock", () => {
  it("fires once per hour passed when the control plane advances the virtual clock", async () => {
    const c = client("wfcron");
    const control = new ControlClient(server().url);
    const trigger = await createTrigger(c, { type: "cron", name: "Hourly", schedule: "0 * * * *" }, "nightly-report");
    expect(trigger.nextRunAt).toMatch(/T01:00:00.000Z$/);
    expect(await runs(c, "nightly-report")).toEqual([]);
    const advanced = await control.request("POST", "/__mock/clock/advance", { body: { ms: 3 * 3_600_000 } });
    expect(advanced.status).toBe(200);
    const fired = await runs(c, "nightly-report");
    expect(fired.map((r) => [r.triggerType, r.createdAt.slice(11)])).toEqual([
      ["cron", "03:00:00.000Z"],
      ["cron", "02:00:00.000Z"],
      ["cron", "01:00:00.000Z"],
    ]);
    expect((await c.get(`/v1/workflows/nightly-report/runs?limit=1`)).body.data).toHaveLength(1);
  });
});
