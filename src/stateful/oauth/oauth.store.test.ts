/** OAuthStore without HTTP (docs: /advanced/oauth, /api-reference/oauth-connections/*, /api-reference/byoa-configs/*). */
import { beforeEach, describe, expect, it } from "vitest";
import { loadSpec } from "../../spec/load.ts";
import { compileValidators } from "../../spec/validators.ts";
import { apiErrorOf, CountingIds, ManualClock } from "../common/test-support.ts";
import { ATTEMPT_TTL_MS, OAuthStore } from "./oauth.store.ts";

const validators = compileValidators(loadSpec());
const alice = { userId: "22222222-2222-4222-8222-222222222222" };
const bob = { userId: "33333333-3333-4333-8333-333333333333" };
let clock: ManualClock;
let store: OAuthStore;

beforeEach(() => {
  clock = new ManualClock();
  store = new OAuthStore({ clock, ids: new CountingIds() });
});

describe("OAuthStore device-code flows", () => {
  it("starts a flow with a user code and a verification URI that carries it, lasting fifteen minutes", () => {
    const flow = store.startDeviceFlow("openai-codex", alice);
    expect(validators.component("DeviceCodeFlow")(flow)).toEqual([]);
    expect(flow.verificationUriComplete).toBe(`${flow.verificationUri}?user_code=${flow.userCode}`);
    expect(Date.parse(flow.expiresAt) - clock.now().getTime()).toBe(ATTEMPT_TTL_MS);
    expect(store.connections(alice, false)).toEqual([]);
  });

  it("completes a pending attempt into a connection of the user who started it, once", () => {
    const flow = store.startDeviceFlow("openai-codex", alice);
    const connection = store.completeDeviceFlow(flow.attemptToken, ["openid"]);
    expect(validators.component("OAuthConnection")(connection)).toEqual([]);
    expect(connection).toMatchObject({ provider: "openai-codex", userId: alice.userId, authType: "device_code", status: "active", scopes: ["openid"], isDefault: true });
    expect(store.connections(alice, false)).toEqual([connection]);
    expect(store.connections(bob, false)).toEqual([]);
    expect(store.connections(bob, true)).toEqual([connection]);
    expect(apiErrorOf(() => store.completeDeviceFlow(flow.attemptToken)).status).toBe(404);
    const second = store.completeDeviceFlow(store.startDeviceFlow("openai-codex", alice).attemptToken);
    expect(second.isDefault).toBe(false);
  });

  it("refuses to complete an expired attempt", () => {
    const flow = store.startDeviceFlow("openai-codex", alice);
    clock.advance(ATTEMPT_TTL_MS);
    expect(store.hasAttempt(flow.attemptToken)).toBe(false);
    expect(apiErrorOf(() => store.completeDeviceFlow(flow.attemptToken)).status).toBe(404);
  });
});

describe("OAuthStore BYOA configurations", () => {
  it("upserts by provider, keeping the stored secret when the next one is empty or absent, and never answers it", () => {
    const first = store.upsertConfig({ provider: "github", client_id: "Iv1.a", client_secret: "s3cret", scopes: "repo" });
    expect(validators.component("ByoaConfig")(first)).toEqual([]);
    expect(first).toMatchObject({ clientId: "Iv1.a", scopes: "repo", hasClientSecret: true });
    clock.advance(1000);
    const second = store.upsertConfig({ provider: "github", client_id: "Iv1.b", client_secret: "" });
    expect(second).toMatchObject({ clientId: "Iv1.b", scopes: null, hasClientSecret: true, createdAt: first.createdAt });
    expect(JSON.stringify(store.exportAll().configs)).toContain("s3cret");
    expect(JSON.stringify(second)).not.toContain("s3cret");
    expect(store.upsertConfig({ provider: "slack", client_id: "x" }).hasClientSecret).toBe(false);
  });

  it("exports and imports connections and configurations", () => {
    store.completeDeviceFlow(store.startDeviceFlow("openai-codex", alice).attemptToken);
    store.upsertConfig({ provider: "github", client_id: "Iv1.a", client_secret: "s" });
    const other = new OAuthStore({ clock, ids: new CountingIds() });
    other.importAll(store.exportAll());
    expect(other.exportAll()).toEqual(store.exportAll());
  });
});
