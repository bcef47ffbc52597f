/**
 * Slow bodies and many connections (docs/security.md "Slow clients and many connections"): a
 * request that does not arrive in time is answered 408 with the error envelope and closed, and a connection past the
 * limit is answered 503 with the error envelope and closed, through the adapter under test.
 */
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, type RunningServer } from "../../src/server.ts";
import { firstAnswer, openSocket, parseAnswer, received } from "../support/raw-http.ts";

const adapter = process.env.MOCK_ADAPTER === "express" ? "express" : "node";
let running: RunningServer;
let patient: RunningServer;
beforeAll(async () => {
  running = await listen({ port: 0, adapter, maxConnections: 2, log: () => undefined });
  patient = await listen({ port: 0, adapter, requestTimeoutMs: 1500, log: () => undefined });
});
afterAll(async () => {
  await running.close();
  await patient.close();
});

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: ${new URL(running.url).host}\r\n\r\n`;

describe("connection limits of a listening mock", () => {
  it("answers a connection past --max-connections 503 service_unavailable with the envelope, then serves again once one closes", async () => {
    const first = await openSocket(running.url);
    const second = await openSocket(running.url);
    const third = await openSocket(running.url);
    const answer = received(third);
    third.write(get("/health"));
    const text = await answer;
    const [head = "", body = ""] = text.split("\r\n\r\n");
    expect(head).toMatch(/^HTTP\/1\.1 503 /);
    expect(head).toMatch(/^connection: close$/im);
    expect(head).toMatch(/^retry-after: 1$/im);
    const error = (JSON.parse(body) as { error: { code: string; message: string; requestId: string } }).error;
    expect(error.code).toBe("service_unavailable");
    expect(error.message).toContain("--max-connections");
    expect(head.toLowerCase()).toContain(`x-request-id: ${error.requestId}`.toLowerCase());

    // The two admitted connections are served all along.
    const served = firstAnswer(first);
    first.write(get("/health"));
    expect(await served).toMatch(/^HTTP\/1\.1 200 /);

    second.destroy();
    await once(second, "close");
    // The server notices the close on its own schedule: try until a new connection is admitted.
    for (let attempt = 0; ; attempt++) {
      const next = await openSocket(running.url);
      const reply = firstAnswer(next);
      next.write(get("/health"));
      const status = (await reply).slice(0, 12);
      next.destroy();
      if (status === "HTTP/1.1 200") break;
      expect(attempt).toBeLessThan(50);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    first.destroy();
  });

  it("answers 408 and closes a request whose body stops arriving (--request-timeout)", async () => {
    const socket = await openSocket(patient.url);
    const answer = received(socket);
    socket.write(`POST /v1/agents HTTP/1.1\r\nHost: ${new URL(patient.url).host}\r\nX-API-Key: rt_test_slowbody\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"slug":`);
    const text = await answer;
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    const { body, headers } = parseAnswer(text);
    expect(JSON.parse(body).error).toMatchObject({ code: "request_timeout", requestId: headers["x-request-id"] });
  });
});
