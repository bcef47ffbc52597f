/**
 * SecretStore without HTTP (issue 14, "Secrets"; docs: /advanced/secrets; Part B "Secrets").
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { ActivityLog } from "../activity/activity-log.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { secretName, SecretStore } from "./secrets.store.ts";

const secretSchema = compileValidators(loadSpec()).component("Secret");
const ORG = "11111111-1111-4111-8111-111111111111";
const alice = { userId: "22222222-2222-4222-8222-222222222222" };
const bob = { userId: "33333333-3333-4333-8333-333333333333" };

let clock: ManualClock;
let activity: ActivityLog;
let store: SecretStore;

beforeEach(() => {
  clock = new ManualClock();
  activity = new ActivityLog({ orgId: ORG, clock, ids: new CountingIds() });
  store = new SecretStore({ clock, activity });
});

describe("secretName", () => {
  it("upper-cases to [A-Z0-9_]+ and refuses a name with no letter or digit", () => {
    expect(secretName("openai-api.key")).toBe("OPENAI_API_KEY");
    expect(secretName("GitHub_Token2")).toBe("GITHUB_TOKEN2");
    expect(apiErrorOf(() => secretName("--")).status).toBe(400);
  });

  it("reports a name with no letter or digit at the pointer it is given", () => {
    expect(apiErrorOf(() => secretName("--")).details).toEqual([{ path: "/body/name", message: "must contain a letter or a digit" }]);
    expect(apiErrorOf(() => secretName("__", "/body/env/TOKEN/secret")).details?.[0]?.path).toBe("/body/env/TOKEN/secret");
  });
});

describe("SecretStore", () => {
  it("creates, then rotates under the same name, keeping createdAt; answers metadata only", () => {
    const first = store.upsert({ name: "openai-key", value: "v1" }, alice);
    expect(first.created).toBe(true);
    expect(secretSchema(first.secret)).toEqual([]);
    expect(first.secret).toMatchObject({ name: "OPENAI_KEY", scope: "all", category: "provider", orgWide: false });
    expect(JSON.stringify(first)).not.toContain("v1");
    clock.advance(1000);
    const second = store.upsert({ name: "OPENAI_KEY", value: "v2", scope: "agents" }, alice);
    expect(second).toMatchObject({ created: false, secret: { scope: "agents", createdAt: first.secret.createdAt } });
    expect(second.secret.updatedAt).not.toBe(first.secret.updatedAt);
    expect(store.reveal("openai-key", alice)).toEqual({ name: "OPENAI_KEY", value: "v2" });
  });

  it("keeps private secrets to their owner and shares organization-wide ones, the owner's own first", () => {
    store.upsert({ name: "TOKEN", value: "alice's" }, alice);
    store.upsert({ name: "TOKEN", value: "shared", orgWide: true }, alice);
    expect(store.reveal("TOKEN", alice).value).toBe("alice's");
    expect(store.reveal("TOKEN", bob).value).toBe("shared");
    expect(store.list(bob).map((s) => `${s.name}:${s.orgWide}`)).toEqual(["TOKEN:true"]);
    expect(store.list(alice).map((s) => `${s.name}:${s.orgWide}`)).toEqual(["TOKEN:false", "TOKEN:true"]);
    expect(apiErrorOf(() => store.delete("OTHER", bob)).status).toBe(404);
    store.delete("token", alice);
    expect(store.reveal("TOKEN", alice).value).toBe("shared");
  });

  it("audits every reveal in the activity feed, never with the value", () => {
    store.upsert({ name: "DB_PASSWORD", value: "hunter2" }, alice);
    store.reveal("DB_PASSWORD", alice);
    store.delete("DB_PASSWORD", alice);
    const events = activity.list({ resourceType: "secret" }, 50).items;
    expect(events.map((e) => e.eventType)).toEqual(["secret.deleted", "secret.revealed", "secret.created"]);
    expect(events[1]).toMatchObject({ severity: "warning", actorUserId: alice.userId, resourceId: "DB_PASSWORD" });
    expect(JSON.stringify(events)).not.toContain("hunter2");
  });

  it("looks a secret up for a run (own first, then shared; names normalised) without auditing it as a reveal", () => {
    store.upsert({ name: "TOKEN", value: "alice's", scope: "agents" }, alice);
    store.upsert({ name: "TOKEN", value: "shared", orgWide: true }, alice);
    expect(store.lookup("token", alice)).toEqual({ name: "TOKEN", value: "alice's", scope: "agents" });
    expect(store.lookup("TOKEN", bob)).toEqual({ name: "TOKEN", value: "shared", scope: "all" });
    expect(store.lookup("MISSING", alice)).toBeUndefined();
    expect(activity.list({ eventType: "secret.revealed" }, 50).items).toEqual([]);
  });

  it("exports and imports secrets with their values", () => {
    store.upsert({ name: "A", value: "1" }, alice);
    store.upsert({ name: "B", value: "2", orgWide: true }, bob);
    const copy = new SecretStore({ clock, activity });
    copy.importAll(store.exportAll());
    expect(copy.reveal("B", alice).value).toBe("2");
    expect(copy.list(alice)).toEqual(store.list(alice));
  });
});
