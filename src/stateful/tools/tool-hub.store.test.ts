/**
 * ToolHubStore without HTTP (issue 15, Tool Hub; docs: /features/tool-hub, /api-reference/tools/install,
 * /api-reference/tool-execution/execute-a-tool-action, /api-reference/tools-custom/*).
 */
import { beforeEach, describe, expect, it } from "vitest";
import type { CustomToolRequest, ToolExecution } from "../../api-types.ts";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { ActivityLog } from "../activity/activity-log.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { SecretStore } from "../secrets/secrets.store.ts";
import { secretNameOf, ToolHubStore } from "./tool-hub.store.ts";

const validators = compileValidators(loadSpec());
const customSchema = validators.component("CustomTool");
const installationSchema = validators.component("ToolInstallation");
const executionSchema = validators.component("ToolExecution");
const ORG = "11111111-1111-4111-8111-111111111111";
const alice = { userId: "22222222-2222-4222-8222-222222222222" };
const bob = { userId: "33333333-3333-4333-8333-333333333333" };

const CUSTOMER_API: CustomToolRequest = {
  slug: "customer-api",
  name: "Customer API",
  code: "export default defineTool({})",
  credentialsJson: { required: ["apiKey"] },
  actionsJson: { lookup: { description: "Find a customer by email" } },
};

let clock: ManualClock;
let activity: ActivityLog;
let secrets: SecretStore;
let scripted: ToolExecution | undefined;
let store: ToolHubStore;

beforeEach(() => {
  clock = new ManualClock();
  const ids = new CountingIds();
  activity = new ActivityLog({ orgId: ORG, clock, ids });
  secrets = new SecretStore({ clock, activity });
  scripted = undefined;
  store = new ToolHubStore({ clock, ids, activity, secretValue: (name, actor) => secrets.valueOf(name, actor), scripted: () => scripted });
});

const events = () => activity.list({}, 100).items.map((e) => e.eventType);

describe("installing", () => {
  it("installs a marketplace tool as the docs' github example, 201-style once, then reports it installed", () => {
    const first = store.install("github", alice);
    expect(first).toEqual({ created: true, installation: { slug: "github", installed: true, credentialsRequired: true, credentialMode: "oauth", requiredCredentialFields: [] } });
    expect(installationSchema(first.installation)).toEqual([]);
    expect(store.install("github", alice).created).toBe(false);
    expect(events()).toEqual(["tool.installed"]);
  });

  it("answers 404 for a slug that is neither in the marketplace nor a custom tool, and records nothing", () => {
    expect(apiErrorOf(() => store.install("nope", alice)).status).toBe(404);
    expect(store.has("nope")).toBe(false);
    expect(events()).toEqual([]);
  });

  it("installs a custom tool with the credential mode its definition implies", () => {
    store.upsertCustom(CUSTOMER_API, alice);
    expect(store.install("customer-api", alice).installation).toMatchObject({ credentialMode: "secret", credentialsRequired: true, requiredCredentialFields: ["apiKey"] });
    store.upsertCustom({ ...CUSTOMER_API, slug: "drive", credentialsJson: { required: ["accessToken"], oauth: { provider: "google" } } }, alice);
    expect(store.install("drive", alice).installation).toMatchObject({ credentialMode: "oauth", requiredCredentialFields: [] });
    store.upsertCustom({ ...CUSTOMER_API, slug: "plain", credentialsJson: {} }, alice);
    expect(store.install("plain", alice).installation).toMatchObject({ credentialMode: "none", credentialsRequired: false });
  });
});

describe("custom tools", () => {
  it("upserts like agents: created at version 1, then updated with version + 1 and the same id", () => {
    const created = store.upsertCustom({ ...CUSTOMER_API, version: "1.0.0" }, alice);
    expect(customSchema(created)).toEqual([]);
    expect(created).toMatchObject({ action: "created", version: 1, toolVersion: "1.0.0", description: null, category: null });
    clock.advance(1000);
    const updated = store.upsertCustom({ ...CUSTOMER_API, name: "Customers", version: "1.0.1" }, alice);
    expect(updated).toMatchObject({ id: created.id, action: "updated", version: 2, name: "Customers", toolVersion: "1.0.1", createdAt: created.createdAt });
    expect(updated.updatedAt).not.toBe(created.updatedAt);
    expect(JSON.stringify(updated)).not.toContain("defineTool");
    expect(events()).toEqual(["tool.updated", "tool.created"]);
  });

  it("refuses a marketplace slug (409) and a malformed credentialsJson.required (400), changing nothing", () => {
    expect(apiErrorOf(() => store.upsertCustom({ ...CUSTOMER_API, slug: "github" }, alice)).status).toBe(409);
    const bad = apiErrorOf(() => store.upsertCustom({ ...CUSTOMER_API, credentialsJson: { required: "apiKey" } }, alice));
    expect(bad.status).toBe(400);
    expect(bad.details?.[0]?.path).toBe("/body/credentialsJson/required");
    expect(store.has("customer-api")).toBe(false);
    expect(events()).toEqual([]);
  });
});

describe("executing", () => {
  it("answers 404 for a tool that is not installed and not custom", () => {
    expect(apiErrorOf(() => store.execute("github", { action: "list_repos" }, alice)).status).toBe(404);
  });

  it("echoes the request by default and records tool.executed", () => {
    store.install("github", alice);
    const result = store.execute("github", { action: "list_repos", params: { owner: "runtools-ai" } }, alice);
    expect(executionSchema(result)).toEqual([]);
    expect(result).toEqual({ success: true, result: { tool: "github", action: "list_repos", params: { owner: "runtools-ai" } }, durationMs: 0 });
    const [event] = activity.list({ toolSlug: "github" }, 10).items;
    expect(event).toMatchObject({ eventType: "tool.executed", severity: "success", resourceType: "tool", attributes: { action: "list_repos", success: true } });
  });

  it("answers a scripted result instead of the default", () => {
    store.install("github", alice);
    scripted = { success: false, result: null, durationMs: 5, error: { code: "rate_limited", message: "slow down", statusCode: 429 } };
    expect(store.execute("github", { action: "list_repos" }, alice)).toEqual(scripted);
    expect(events()[0]).toBe("tool.call.failed");
  });

  it("fails an action a custom tool does not declare", () => {
    store.upsertCustom({ ...CUSTOMER_API, credentialsJson: {} }, alice);
    expect(store.execute("customer-api", { action: "delete_everything" }, alice)).toMatchObject({ success: false, error: { code: "unknown_action", statusCode: 400 } });
    expect(store.execute("customer-api", { action: "lookup" }, alice).success).toBe(true);
  });

  it("resolves required credentials in the documented order: request, overrides, secrets by field name", () => {
    store.upsertCustom(CUSTOMER_API, alice);
    const call = (extra: object = {}) => store.execute("customer-api", { action: "lookup", ...extra }, alice);
    expect(call()).toMatchObject({ success: false, error: { code: "credentials_missing", statusCode: 401 } });
    expect(call({ credentials: { apiKey: "k" } }).success).toBe(true);
    expect(call({ credentialOverrides: { apiKey: "CUSTOMER_KEY" } })).toMatchObject({ success: false, error: { code: "credential_secret_not_found" } });
    secrets.upsert({ name: "CUSTOMER_KEY", value: "k" }, alice);
    expect(call({ credentialOverrides: { apiKey: "CUSTOMER_KEY" } }).success).toBe(true);
    secrets.upsert({ name: "CUSTOMER_API_API_KEY", value: "k" }, bob);
    expect(call().success).toBe(false); // bob's private secret is not alice's
    secrets.upsert({ name: "API_KEY", value: "k", orgWide: true }, bob);
    expect(call().success).toBe(true);
  });

  it("leaves the activity feed alone when a run's tool call executes (audit off)", () => {
    store.install("github", alice);
    store.execute("github", { action: "list_repos" }, alice, false);
    expect(events()).toEqual(["tool.installed"]);
  });
});

describe("snapshots", () => {
  it("exports and imports installations and custom tools with their code", () => {
    store.upsertCustom(CUSTOMER_API, alice);
    store.install("github", alice);
    const exported = store.exportAll();
    expect(exported.custom[0]?.code).toBe(CUSTOMER_API.code);
    const copy = new ToolHubStore({ clock, ids: new CountingIds(), activity, secretValue: () => undefined });
    copy.importAll(exported);
    expect(copy.exportAll()).toEqual(exported);
    expect(copy.upsertCustom(CUSTOMER_API, alice).version).toBe(2);
    expect(() => copy.importAll(exported)).toThrow(/appears twice/);
  });
});

describe("secretNameOf", () => {
  it("turns a credential field into a secret name", () => {
    expect(secretNameOf("apiKey")).toBe("API_KEY");
    expect(secretNameOf("customer-api_apiKey")).toBe("CUSTOMER_API_API_KEY");
  });
});
