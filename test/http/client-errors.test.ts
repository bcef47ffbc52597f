/**
 * Requests node:http cannot read (src/client-errors.ts): answered with the error envelope and an
 * X-Request-Id like every other answer, then closed, through the adapter under test.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listen, type RunningServer } from "../../src/server.ts";
import { openSocket, parseAnswer, received } from "../support/raw-http.ts";

const adapter = process.env.MOCK_ADAPTER === "express" ? "express" : "node";
let running: RunningServer;
beforeAll(async () => {
  running = await listen({ port: 0, adapter, log: () => undefined });
});
afterAll(() => running.close());

async function sendRaw(text: string): Promise<ReturnType<typeof parseAnswer>> {
  const socket = await openSocket(running.url);
  const answer = received(socket);
  socket.write(text);
  return parseAnswer(await answer);
}

function expectEnvelope(answer: ReturnType<typeof parseAnswer>, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers["content-type"]).toBe("application/json; charset=utf-8");
  expect(answer.headers.connection).toBe("close");
  const body = JSON.parse(answer.body) as { error: { code: string; message: string; requestId: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.requestId).toBe(answer.headers["x-request-id"]);
  expect(body.error.requestId).toMatch(/^req_[0-9a-f]{16}$/);
  expect(Number(answer.headers["content-length"])).toBe(Buffer.byteLength(answer.body));
}

describe("requests node:http cannot read", () => {
  it("answers a head over 16 KiB with 431 request_header_fields_too_large and the envelope", async () => {
    const host = new URL(running.url).host;
    const answer = await sendRaw(`GET /v1/agents HTTP/1.1\r\nHost: ${host}\r\nX-API-Key: rt_test_big\r\nX-Padding: ${"a".repeat(20_000)}\r\n\r\n`);
    expectEnvelope(answer, 431, "request_header_fields_too_large");
    expect(JSON.parse(answer.body).error.message).toMatch(/16 KiB/);
  });

  it("answers bytes that are not HTTP/1.1 with 400 bad_request and the envelope", async () => {
    const answer = await sendRaw("NOT HTTP AT ALL\r\n\r\n");
    expectEnvelope(answer, 400, "bad_request");
    expect(JSON.parse(answer.body).error.message).toMatch(/not valid HTTP\/1\.1/);
  });

  it("still serves the next connection normally", async () => {
    await sendRaw("\x00\x01\x02\r\n\r\n");
    const health = await fetch(`${running.url}/health`);
    expect(health.status).toBe(200);
  });
});
