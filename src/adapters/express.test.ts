/**
 * What the Express adapter does on its own, below the black-box suite: a failure that escapes
 * the core is answered like the node:http adapter answers it, never by Express's HTML error page.
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, expect, it } from "vitest";
import { createMock } from "../mock.ts";
import { createApp } from "./express-app.ts";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

it("answers a failure that escaped the core with the error envelope, not an HTML page with a stack trace", async () => {
  const lines: string[] = [];
  const mock = createMock({ log: (line) => lines.push(line) });
  server = createServer(createApp({ ...mock, handle: () => Promise.reject(new RangeError("Maximum call stack size exceeded")) }));
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const answer = await new Promise<{ status: number; type: string; requestId: string; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: "/v1/agents", headers: { "X-API-Key": "rt_test_express" } }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), requestId: String(res.headers["x-request-id"]), body }));
    });
    req.on("error", reject);
    req.end();
  });
  expect(answer.status).toBe(500);
  expect(answer.type).toMatch(/^application\/json/);
  const body = JSON.parse(answer.body) as { error: { code: string; requestId: string } };
  expect(body.error.code).toBe("internal_error");
  expect(body.error.requestId).toBe(answer.requestId);
  expect(answer.body).not.toContain("RangeError");
  expect(lines.join("\n")).toContain("Maximum call stack size exceeded");
});
