/**
 * Browsers against a loopback mock (docs/security.md "Browsers"): a page of another site may not
 * drive the control plane (a simple text/plain POST to /__mock/reset used to wipe the state), a
 * DNS-rebinding page (its own name resolving to 127.0.0.1) is refused on every path by its Host,
 * and curl or a script, which send no Origin, work as the README shows.
 */
import { describe, expect, it } from "vitest";
import { upsertManaged } from "../http/helpers.ts";
import { parseAnswer, rawRequest } from "../support/raw-http.ts";
import { useServer } from "../support/server.ts";
import { ControlClient, expectOk } from "./control-client.ts";

const { server, client, violations } = useServer();
const control = () => new ControlClient(server().url);
const own = () => new URL(server().url);

async function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  const answer = parseAnswer(await rawRequest(server().url, method, path, headers, body));
  return { ...answer, error: answer.body ? ((JSON.parse(answer.body) as { error?: { code: string; message: string } }).error ?? null) : null };
}

async function agentsKept(): Promise<number> {
  return expectOk(await control().exportState()).organizations.reduce((n, org) => n + org.agents.length, 0);
}

describe("cross-site requests to the control plane", () => {
  it("refuses a page's simple POST /__mock/reset (text/plain, foreign Origin) with 403, and nothing is reset", async () => {
    expect((await upsertManaged(client(), "kept")).status).toBe(201);
    const before = await agentsKept();
    const attack = await send("POST", "/__mock/reset", { Origin: "https://evil.example", "Content-Type": "text/plain", "Sec-Fetch-Site": "cross-site" }, "x");
    expect(attack.status).toBe(403);
    expect(attack.error?.code).toBe("forbidden");
    expect(attack.headers["x-request-id"]).toMatch(/^req_/);
    expect(await agentsKept()).toBe(before);
  });

  it("refuses each browser signal on its own: Origin of another site or port, Sec-Fetch-Site, a form body type", async () => {
    expect((await send("GET", "/__mock/state", { Origin: "http://localhost:3000" })).status).toBe(403);
    expect((await send("GET", "/__mock/state", { Origin: "null" })).status).toBe(403);
    expect((await send("GET", "/__mock/state", { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    const form = await send("POST", "/__mock/reset", { "Content-Type": "application/x-www-form-urlencoded" }, "a=1");
    expect(form.status).toBe(415);
    expect(form.error?.code).toBe("unsupported_media_type");
  });

  it("answers the mock's own loopback origin (a page it serves) and gives the control plane no CORS headers", async () => {
    const same = await send("GET", "/__mock/faults", { Origin: `http://${own().host}`, "Sec-Fetch-Site": "same-origin" });
    expect(same.status).toBe(200);
    const refused = await send("GET", "/__mock/faults", { Origin: "https://evil.example" });
    for (const answer of [same, refused]) expect(Object.keys(answer.headers).filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });

  it("keeps working for curl and scripts, which send no Origin (README: curl -X POST …/__mock/reset)", async () => {
    expect((await send("POST", "/__mock/reset", {})).status).toBe(200);
    expect((await send("PUT", "/__mock/faults", { "Content-Type": "application/json" }, JSON.stringify({ rules: [] }))).status).toBe(200);
    expect(violations).toEqual([]);
  });
});

describe("Host names on a loopback listener (DNS rebinding)", () => {
  it("refuses a rebinding page's Host on the public API too: the README's guessable key cannot be read", async () => {
    const key = "rt_test_local123";
    const read = await send("GET", "/v1/agents", { Host: `evil.example:${own().port}`, "X-API-Key": key });
    expect(read.status).toBe(403);
    expect(read.error?.message).toContain("--allowed-host");
    expect((await send("GET", "/health", { Host: `evil.example:${own().port}` })).status).toBe(403);
    expect((await send("POST", "/__mock/reset", { Host: `evil.example:${own().port}`, Origin: `http://evil.example:${own().port}` })).status).toBe(403);
  });

  it("answers every loopback name: localhost, *.localhost, 127.0.0.0/8", async () => {
    for (const name of ["localhost", "api.localhost", "127.0.0.1", "127.0.0.2"]) {
      expect((await send("GET", "/health", { Host: `${name}:${own().port}` })).status, name).toBe(200);
    }
  });
});
