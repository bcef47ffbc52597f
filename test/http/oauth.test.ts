/**
 * OAuth on the auth service, black-box through the real server (spec tag `oauth`; docs:
 * /advanced/oauth): a device-code flow the control plane completes shows as a connection, and BYOA
 * configurations upsert without ever answering their secret.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { DeviceCodeFlow, OAuthConnection } from "../../src/api-types.ts";
import { ControlClient } from "../control/control-client.ts";
import { useServer } from "../support/server.ts";
import { expectBadRequest, expectError } from "./helpers.ts";

const { client, server, violations } = useServer();

afterEach(() => expect(violations).toEqual([]));
afterAll(() => expect(violations).toEqual([]));

describe("device-code flows and connections", () => {
  it("lists a connection once the control plane completes the flow the caller started, for that caller only", async () => {
    const c = client("oauthflow");
    const other = client("oauthother");
    const started = await c.post<{ data: DeviceCodeFlow }>("/v1/oauth/device/start/openai-codex");
    expect(started.status).toBe(200);
    expect(started.body.data).toMatchObject({ provider: "openai-codex", authType: "device_code", interval: 5 });
    expect((await c.get("/v1/oauth/connections")).body.data).toEqual([]);

    const control = new ControlClient(server().url);
    const completed = await control.request("POST", "/__mock/oauth/complete", { body: { attemptToken: started.body.data.attemptToken, scopes: ["openid"] } });
    expect(completed.status).toBe(200);
    const listed = (await c.get<{ data: OAuthConnection[] }>("/v1/oauth/connections?all=true")).body.data;
    expect(listed).toEqual([completed.body.data.connection]);
    expect(listed[0]).toMatchObject({ provider: "openai-codex", authType: "device_code", scopes: ["openid"], isDefault: true });
    expect((await other.get("/v1/oauth/connections")).body.data).toEqual([]);

    const again = await control.request("POST", "/__mock/oauth/complete", { body: { attemptToken: started.body.data.attemptToken } });
    expect(again.status).toBe(404);
  });

  it("refuses a provider without a device flow (400) and a request without a key (401)", async () => {
    const c = client("oauthbad");
    expectBadRequest(await c.post("/v1/oauth/device/start/github"), "/path/provider");
    expectError(await c.request("POST", "/v1/oauth/device/start/openai-codex", { anonymous: true }), 401, "unauthorized");
  });
});

describe("BYOA configurations", () => {
  it("upserts the docs' snake_case body, keeps the secret on an empty one, and never answers it", async () => {
    const c = client("byoa");
    const first = await c.post("/v1/oauth/configs", { provider: "github", client_id: "Iv1.a", client_secret: "s3cret", scopes: "repo,read:user" });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ provider: "github", clientId: "Iv1.a", scopes: "repo,read:user", hasClientSecret: true });
    const second = await c.post("/v1/oauth/configs", { provider: "github", client_id: "Iv1.b", client_secret: "" });
    expect(second.body.data).toMatchObject({ clientId: "Iv1.b", hasClientSecret: true, createdAt: first.body.data.createdAt });
    expect(JSON.stringify([first.body, second.body])).not.toContain("s3cret");
    expectBadRequest(await c.post("/v1/oauth/configs", { provider: "github" }), "/body/client_id");
  });
});
