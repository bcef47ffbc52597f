/**
 * What the lean node:http adapter does on its own, below the black-box suite: request targets
 * in origin and absolute form, and the last-resort 500 when an answer cannot be produced.
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createMock, type Mock } from "../mock.ts";
import { createRequestListener } from "./node-http.ts";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function serve(mock: Mock): Promise<number> {
  server = createServer(createRequestListener(mock));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends a raw request target, which fetch() would normalise away. */
function get(port: number, target: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: target, headers: { "X-API-Key": "rt_test_adapter" } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the node:http adapter", () => {
  it("routes on the path of an absolute-form target and keeps its query", async () => {
    const port = await serve(createMock({ log: () => undefined }));
    const answer = await get(port, `http://127.0.0.1:${port}/v1/agents?limit=1`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ data: [], hasMore: false });
    const bad = await get(port, `http://127.0.0.1:${port}/v1/agents?limit=0`);
    expect(bad.status).toBe(400);
  });

  it("answers a failure that escaped the core with the error envelope, never a dropped socket", async () => {
    const lines: string[] = [];
    const mock = createMock({ log: (line) => lines.push(line) });
    const port = await serve({ ...mock, handle: () => Promise.reject(new Error("boom")) });
    const answer = await get(port, "/v1/agents");
    expect(answer.status).toBe(500);
    const body = JSON.parse(answer.body) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe("internal_error");
    expect(answer.headers["x-request-id"]).toBe(body.error.requestId);
    expect(lines.join("\n")).toContain("boom");
  });

  it("sends raw bytes as they are, with their content type and length", async () => {
    const mock = createMock({ log: () => undefined });
    const page = Buffer.from("<!doctype html><p>héllo</p>");
    const port = await serve({ ...mock, handle: async () => ({ status: 200, headers: { "Cache-Control": "no-cache" }, raw: { contentType: "text/html; charset=utf-8", bytes: page } }) });
    const answer = await get(port, "/anything");
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(answer.headers["content-length"]).toBe(String(page.byteLength));
    expect(answer.headers["cache-control"]).toBe("no-cache");
    expect(answer.body).toBe(page.toString("utf8"));
  });
});
