/**
 * Both adapters route the request target exactly as sent: dot segments, encoded dots and a
 * leading `//` are part of an unknown path (or of a path parameter), never resolved into another
 * route. Sent with node:http, because fetch would resolve the dot segments before sending.
 */
import { request } from "node:http";
import { expect, it } from "vitest";
import { useServer } from "../support/server.ts";
import { assertConforms } from "../support/contract-client.ts";

const { server } = useServer();

function send(method: string, target: string): Promise<{ status: number; body: any }> {
  const url = new URL(server().url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path: target, headers: { "X-API-Key": "rt_test_requesttarget" } }, (res) => {
      let text = "";
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => {
        const body = JSON.parse(text);
        assertConforms(method, "/unchecked", res.statusCode as number, new Headers(res.headers as Record<string, string>), body);
        resolve({ status: res.statusCode as number, body });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

it("answers 404 to a path with dot segments instead of the route they would resolve to", async () => {
  const answer = await send("GET", "/v1/agents/../agents");
  expect(answer.status).toBe(404);
  expect(answer.body.error.message).toBe("No route for GET /v1/agents/../agents");
});

it("reads an encoded dot-dot as a path parameter, not as a step up the path", async () => {
  const answer = await send("GET", "/v1/agents/%2e%2e");
  expect(answer.status).toBe(400);
  expect(answer.body.error.details[0].path).toBe("/path/slug");
});

it("does not read a leading double slash as a host name", async () => {
  const answer = await send("GET", "//v1/agents");
  expect(answer.status).toBe(404);
  expect(answer.body.error.message).toBe("No route for GET //v1/agents");
});
