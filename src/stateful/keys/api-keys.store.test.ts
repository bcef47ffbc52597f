/**
 * ApiKeyStore and the issued-key lookup without HTTP (issue 14, "API keys that are keys";
 * docs: /api-reference/api-keys/*; Part B "API keys", §2.2).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { ActivityLog } from "../activity/activity-log.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { ApiKeyStore } from "./api-keys.store.ts";
import { issuedKeyLookup, KeyDirectory } from "./issued-keys.ts";
import { keyDigest } from "./key-digest.ts";

const validators = compileValidators(loadSpec());
const apiKeySchema = validators.component("ApiKey");
const newKeySchema = validators.component("NewApiKey");

const ORG = "11111111-1111-4111-8111-111111111111";
const alice = { userId: "22222222-2222-4222-8222-222222222222" };
const DAY = 24 * 60 * 60 * 1000;

let clock: ManualClock;
let activity: ActivityLog;
let directory: KeyDirectory;
let store: ApiKeyStore;
let lookup: ReturnType<typeof issuedKeyLookup>;

beforeEach(() => {
  clock = new ManualClock();
  const ids = new CountingIds();
  activity = new ActivityLog({ orgId: ORG, clock, ids });
  directory = new KeyDirectory();
  store = new ApiKeyStore({ clock, ids, activity, onIssue: (digest) => directory.issued(digest, ORG) });
  lookup = issuedKeyLookup(directory, { find: (orgId) => (orgId === ORG ? { apiKeys: store } : undefined) });
});

describe("ApiKeyStore", () => {
  it("issues an rt_test_ key for isTest and an rt_live_ key otherwise, with the secret shown in the answer only", () => {
    const test = store.create({ name: "ci", isTest: true }, alice);
    const live = store.create({ name: "prod" }, alice);
    expect(newKeySchema(test)).toEqual([]);
    expect(test.key).toMatch(/^rt_test_[A-Za-z0-9]{32}$/);
    expect(live.key).toMatch(/^rt_live_[A-Za-z0-9]{32}$/);
    expect(test.keyPrefix).toBe(test.key.slice(0, 12));
    expect(test.scopes).toEqual(["*"]);
    expect(test.ownerUserId).toBe(alice.userId);
    const read = store.get(test.id);
    expect(apiKeySchema(read)).toEqual([]);
    expect(read).not.toHaveProperty("key");
  });

  it("keeps no secret anywhere: the snapshot holds the SHA-256 digest and the prefix", () => {
    const created = store.create({ name: "ci" }, alice);
    const exported = JSON.stringify(store.exportAll());
    expect(exported).not.toContain(created.key);
    expect(exported).toContain(keyDigest(created.key));
    expect(JSON.stringify(activity.exportAll())).not.toContain(created.key);
  });

  it("lists keys oldest first, leaves revoked ones out, and still reads a revoked key by id", () => {
    const a = store.create({ name: "a" }, alice);
    const b = store.create({ name: "b" }, alice);
    store.revoke(a.id, alice);
    expect(store.list(500).items.map((k) => k.name)).toEqual(["b"]);
    expect(store.get(a.id)).toMatchObject({ status: "revoked", revokedAt: clock.now().toISOString() });
    expect(apiErrorOf(() => store.revoke(a.id, alice))).toMatchObject({ status: 404 });
    expect(store.list(1).hasMore).toBe(false);
    expect(b.status).toBe("active");
  });

  it("computes expiresAt from expiresIn (d, m = 30 days, y = 365 days; never or absent: null)", () => {
    const now = clock.now().getTime();
    expect(store.create({ name: "d", expiresIn: "30d" }, alice).expiresAt).toBe(new Date(now + 30 * DAY).toISOString());
    expect(store.create({ name: "m", expiresIn: "2m" }, alice).expiresAt).toBe(new Date(now + 60 * DAY).toISOString());
    expect(store.create({ name: "y", expiresIn: "1y" }, alice).expiresAt).toBe(new Date(now + 365 * DAY).toISOString());
    expect(store.create({ name: "never", expiresIn: "never" }, alice).expiresAt).toBeNull();
    expect(store.create({ name: "absent" }, alice).expiresAt).toBeNull();
  });

  it("updates name, scopes and project, treats empty scopes as ['*'], and refuses a revoked key with 409", () => {
    const key = store.create({ name: "ci", scopes: ["sandbox:read"] }, alice);
    expect(store.update(key.id, { name: "renamed", scopes: [], projectId: "44444444-4444-4444-8444-444444444444" }, alice)).toMatchObject({
      name: "renamed",
      scopes: ["*"],
      projectId: "44444444-4444-4444-8444-444444444444",
    });
    store.revoke(key.id, alice);
    expect(apiErrorOf(() => store.update(key.id, { name: "x" }, alice))).toMatchObject({ status: 409, code: "conflict" });
  });

  it("rotates: the old key is revoked, the new one keeps scopes, kind and lifetime, under a new id and secret", () => {
    const old = store.create({ name: "ci", scopes: ["agent:run"], isTest: true, expiresIn: "90d" }, alice);
    clock.advance(DAY);
    const rotated = store.rotate(old.id, undefined, alice);
    expect(rotated.id).not.toBe(old.id);
    expect(rotated.key).not.toBe(old.key);
    expect(rotated).toMatchObject({ name: "ci", scopes: ["agent:run"], status: "active" });
    expect(rotated.key.startsWith("rt_test_")).toBe(true);
    expect(rotated.expiresAt).toBe(new Date(clock.now().getTime() + 90 * DAY).toISOString());
    expect(store.get(old.id).status).toBe("revoked");
    expect(store.rotate(rotated.id, "new name", alice).name).toBe("new name");
    expect(apiErrorOf(() => store.rotate(old.id, undefined, alice))).toMatchObject({ status: 409 });
  });

  it("reports every change to the activity feed", () => {
    const key = store.create({ name: "ci" }, alice);
    store.update(key.id, { name: "ci2" }, alice);
    store.rotate(key.id, undefined, alice);
    const types = activity.list({ resourceType: "api_key" }, 50).items.map((e) => e.eventType);
    expect(types).toEqual(["api_key.rotated", "api_key.updated", "api_key.created"]);
  });
});

describe("issuedKeyLookup", () => {
  it("authenticates an issued key as its creator in the issuing organization, and notes lastUsedAt", () => {
    const key = store.create({ name: "ci" }, alice);
    clock.advance(5);
    expect(lookup(key.key)).toEqual({ orgId: ORG, userId: alice.userId, keyPrefix: `${key.keyPrefix}…` });
    expect(store.get(key.id).lastUsedAt).toBe(clock.now().toISOString());
  });

  it("answers revoked at once after a revoke, and expired once expiresAt has passed", () => {
    const revoked = store.create({ name: "r" }, alice);
    store.revoke(revoked.id, alice);
    expect(lookup(revoked.key)).toBe("revoked");
    const expiring = store.create({ name: "e", expiresIn: "1d" }, alice);
    clock.advance(DAY - 1);
    expect(lookup(expiring.key)).not.toBe("expired");
    clock.advance(1);
    expect(lookup(expiring.key)).toBe("expired");
    expect(store.get(expiring.id).status).toBe("expired");
  });

  it("knows nothing of keys it did not issue, nor of an organization that no longer has state", () => {
    expect(lookup("rt_test_somebodyElse")).toBeUndefined();
    const key = store.create({ name: "ci" }, alice);
    const gone = issuedKeyLookup(directory, { find: () => undefined });
    expect(gone(key.key)).toBeUndefined();
  });
});
