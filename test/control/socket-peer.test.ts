/**
 * Control-plane access is decided from the socket as the request arrives (docs/security.md "Who
 * may use the control plane"). The exploit: a client from another machine ends its request with
 * junk bytes or a reset; its socket is destroyed before the body is read, its address then reads
 * as undefined, and an unknown address used to count as loopback. Both adapters, through real
 * sockets: a peer whose socket reports a remote address while it is open (as one from another
 * machine would) and, when this machine has a non-loopback interface, a real remote client of a
 * mock on 0.0.0.0.
 */
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { networkInterfaces } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { bufferedBody, type PlainResponse } from "../../src/core/http-types.ts";
import { createMock, type Mock } from "../../src/mock.ts";
import { createRequestListener } from "../../src/adapters/node-http.ts";
import { createApp } from "../../src/adapters/express-app.ts";
import { openSocket, received } from "../support/raw-http.ts";

const REMOTE = "203.0.113.9";
const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A mock behind one adapter, on `host`, that records every answer the core gives. */
async function serve(adapter: "node" | "express", host: string, options: { remotePeers?: boolean } = {}) {
  const mock = createMock({ validateResponses: true, log: () => undefined });
  const answers: Promise<PlainResponse>[] = [];
  const recording: Mock = { ...mock, handle: (request) => answers[answers.push(mock.handle(request)) - 1] as Promise<PlainResponse> };
  const server = createServer(adapter === "express" ? createApp(recording) : createRequestListener(recording));
  if (options.remotePeers) {
    // What a socket from another machine looks like: its address while open, nothing once destroyed.
    server.prependListener("connection", (socket: Socket) => {
      Object.defineProperty(socket, "remoteAddress", { get: () => (socket.destroyed ? undefined : REMOTE) });
    });
  }
  servers.push(server);
  server.listen(0, host);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return { mock, answers, url: `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`, port };
}

/** An organization with one agent, made in process; its count tells whether a reset happened. */
async function seeded(mock: Mock): Promise<() => number> {
  const key = "rt_test_peerseed";
  const created = await mock.handle({
    method: "POST",
    path: "/v1/agents",
    query: new URLSearchParams(),
    headers: { "x-api-key": key, "content-type": "application/json" },
    body: bufferedBody(JSON.stringify({ slug: "helper", executionMode: "managed" })),
    baseUrl: "http://mock.test",
    peer: { kind: "in-process" },
  });
  expect(created.status).toBe(201);
  return () => mock.state.orgIds().length;
}

/** Sends a control request, then junk or a reset, and waits for the socket to be gone. */
async function attack(url: string, how: "junk" | "reset", localAddress?: string): Promise<void> {
  const socket = await openSocket(url, localAddress);
  const closed = received(socket);
  const head = `POST /__mock/reset HTTP/1.1\r\nHost: ${new URL(url).host}\r\nContent-Length: 0\r\n\r\n`;
  if (how === "junk") socket.write(`${head}\u0000\u0001 not http \r\n\r\n`);
  else socket.write(head, () => socket.resetAndDestroy());
  await closed;
}

/** What the core answered to the attack, or that it never reached the core. */
async function outcome(answers: Promise<PlainResponse>[]): Promise<number | "not reached"> {
  // The core is reached synchronously on arrival; let pending work settle before concluding.
  for (let i = 0; i < 20 && answers.length === 0; i++) await new Promise((resolve) => setImmediate(resolve));
  return answers.length === 0 ? "not reached" : (await (answers[0] as Promise<PlainResponse>)).status;
}

const nonLoopback = Object.values(networkInterfaces())
  .flat()
  .find((info) => info !== undefined && !info.internal && info.family === "IPv4")?.address;

describe.each(["node", "express"] as const)("the %s adapter", (adapter) => {
  for (const how of ["junk", "reset"] as const) {
    it(`refuses a remote peer that ends its control request with ${how === "junk" ? "junk bytes" : "a TCP reset"}: nothing is reset`, async () => {
      const { mock, answers, url } = await serve(adapter, "127.0.0.1", { remotePeers: true });
      const organizations = await seeded(mock);
      await attack(url, how);
      const result = await outcome(answers);
      expect([403, "not reached"]).toContain(result);
      expect(organizations()).toBe(1);
    });
  }

  it.runIf(nonLoopback)(`refuses a real client from ${nonLoopback ?? "a non-loopback address"} to a mock on 0.0.0.0, plainly and with junk`, async () => {
    const { mock, answers, port } = await serve(adapter, "0.0.0.0");
    const organizations = await seeded(mock);
    const url = `http://${nonLoopback as string}:${port}`;
    const plain = await fetch(`${url}/__mock/state`);
    expect(plain.status).toBe(403);
    expect(((await plain.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    answers.length = 0;
    await attack(url, "junk", nonLoopback);
    expect([403, "not reached"]).toContain(await outcome(answers));
    answers.length = 0;
    await attack(url, "reset", nonLoopback);
    expect([403, "not reached"]).toContain(await outcome(answers));
    expect(organizations()).toBe(1);
    // The public API does not care where a request comes from.
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});
