/**
 * The inspector's files through the mock's core (no browser): where they live, what they are
 * sent as, who may have them, and that opening them disturbs nothing. test/ui/ drives the pages
 * themselves in Chromium.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bufferedBody, type PlainRequest, type PlainResponse } from "../core/http-types.ts";
import { createMock } from "../mock.ts";
import { loadSpec } from "../spec/load.ts";

const quiet = { log: () => undefined };

function get(path: string, more: Partial<PlainRequest> = {}): PlainRequest {
  return { method: "GET", path, query: new URLSearchParams(), headers: {}, body: bufferedBody(undefined), baseUrl: "http://127.0.0.1:4010", peer: { kind: "in-process" }, ...more };
}

const text = (response: PlainResponse) => Buffer.from(response.raw?.bytes ?? new Uint8Array()).toString("utf8");

describe("the inspector's files", () => {
  const mock = createMock(quiet);

  it("redirects each page's bare path to its folder, relative, so that any mount path works", async () => {
    expect(await mock.handle(get("/__mock/ui"))).toMatchObject({ status: 308, headers: { Location: "ui/" } });
    expect(await mock.handle(get("/docs"))).toMatchObject({ status: 308, headers: { Location: "docs/" } });
  });

  it("serves the page with a policy that allows this origin only, and its import map by hash", async () => {
    const page = await mock.handle(get("/__mock/ui/"));
    expect(page.status).toBe(200);
    expect(page.raw?.contentType).toBe("text/html; charset=utf-8");
    const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(text(page))?.[1] as string;
    const hash = createHash("sha256").update(importMap).digest("base64");
    expect(page.headers["Content-Security-Policy"]).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(page.headers["Content-Security-Policy"]).toContain("default-src 'none'");
    expect(page.headers["X-Content-Type-Options"]).toBe("nosniff");
  });

  it("serves the browser builds of preact, its hooks, htm and Swagger UI from the installed packages", async () => {
    for (const path of ["/__mock/ui/vendor/preact.mjs", "/__mock/ui/vendor/hooks.mjs", "/__mock/ui/vendor/htm.mjs", "/docs/swagger-ui-bundle.js"]) {
      const file = await mock.handle(get(path));
      expect(file.status, path).toBe(200);
      expect(file.raw?.contentType, path).toBe("text/javascript; charset=utf-8");
      expect(file.raw?.bytes.byteLength, path).toBeGreaterThan(1000);
    }
    expect((await mock.handle(get("/docs/swagger-ui.css"))).raw?.contentType).toBe("text/css; charset=utf-8");
  });

  it("answers 404 for a file it does not list and 405 for a method other than GET, in the error envelope", async () => {
    const missing = await mock.handle(get("/__mock/ui/../../package.json"));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: "not_found" } });
    const posted = await mock.handle(get("/docs/", { method: "POST" }));
    expect(posted).toMatchObject({ status: 405, headers: { Allow: "GET, HEAD" }, body: { error: { code: "method_not_allowed" } } });
  });

  it("serves both contracts whole, their only server the mock that serves them", async () => {
    for (const [path, specPath] of [["/docs/openapi.json", undefined], ["/docs/control.json", "spec/control.yaml"]] as const) {
      const answer = await mock.handle(get(path, { baseUrl: "http://localhost:9999/runtools" }));
      const document = JSON.parse(text(answer)) as { servers: unknown; paths: Record<string, unknown> };
      expect(document.servers).toEqual([{ url: "http://localhost:9999/runtools", description: "This mock (runtools-mock)" }]);
      const spec = specPath === undefined ? loadSpec() : loadSpec(specPath);
      expect(Object.keys(document.paths).sort()).toEqual([...new Set(spec.operations.map((op) => op.path))].sort());
    }
  });

  it("keeps the pages from clients the control plane refuses", async () => {
    const closed = await mock.handle(get("/__mock/ui/", { peer: { kind: "socket", address: "192.0.2.7" } }));
    expect(closed).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    const guarded = createMock({ ...quiet, adminToken: "s3cret" });
    expect((await guarded.handle(get("/docs/", { peer: { kind: "socket", address: "192.0.2.7" } }))).status).toBe(401);
    expect((await guarded.handle(get("/docs/", { peer: { kind: "socket", address: "192.0.2.7" }, headers: { authorization: "Bearer s3cret" } }))).status).toBe(200);
  });

  it("journals nothing and, under --seed, leaves the ids of the public API's answers as they were", async () => {
    const run = async (openPages: boolean) => {
      const seeded = createMock({ ...quiet, seed: 7 });
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        if (openPages) await seeded.handle(get("/__mock/ui/"));
        const answer = await seeded.handle(get("/v1/agents", { headers: { "x-api-key": "rt_test_seeded" } }));
        ids.push(answer.headers["X-Request-Id"] as string);
      }
      return { ids, journaled: seeded.journal.list({ limit: 100 }).map((entry) => entry.path) };
    };
    const withPages = await run(true);
    expect(withPages).toEqual(await run(false));
    expect(withPages.journaled).toEqual(["/v1/agents", "/v1/agents", "/v1/agents"]);
  });
});
