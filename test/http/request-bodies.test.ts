/**
 * Bodies are read after routing and authentication, only for an operation that takes one, up to
 * its own limit (docs/security.md "Request bodies"): an unauthenticated upload is answered from
 * its head, while the client is still sending, and nothing of it is buffered. Each test sends a
 * head that declares a large body, then only its first bytes, and expects the answer before the
 * rest: a server that buffered the body first would still be waiting for it.
 */
import { describe, expect, it } from "vitest";
import { firstAnswer, openSocket } from "../support/raw-http.ts";
import { useServer } from "../support/server.ts";

const { server, client } = useServer();
const MiB = 1024 * 1024;

/** Opens an upload of `declared` bytes, sends `sent` of them, and answers the status line that comes back. */
async function partialUpload(method: string, path: string, headers: Record<string, string>, declared: number, sent = 64 * 1024): Promise<string> {
  const socket = await openSocket(server().url);
  const head = [`${method} ${path} HTTP/1.1`, `Host: ${new URL(server().url).host}`, "Content-Type: application/json", `Content-Length: ${declared}`];
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
  const answer = firstAnswer(socket);
  socket.write(`${head.join("\r\n")}\r\n\r\n`);
  socket.write(Buffer.alloc(sent, 0x20));
  const text = await answer;
  socket.destroy();
  return text.split("\r\n")[0] ?? "";
}

describe("request bodies are read after routing and authentication", () => {
  it("answers 401 to an unauthenticated 16 MiB upload from its head, before the body has arrived", async () => {
    expect(await partialUpload("POST", "/v1/agents", {}, 16 * MiB)).toMatch(/^HTTP\/1\.1 401 /);
  });

  it("answers 404 to an upload to an unknown path from its head", async () => {
    expect(await partialUpload("POST", "/v1/nowhere", { "X-API-Key": client().apiKey }, 16 * MiB)).toMatch(/^HTTP\/1\.1 404 /);
  });

  it("answers 413 to a body declared over the public limit (1 MiB) without reading it", async () => {
    expect(await partialUpload("POST", "/v1/agents", { "X-API-Key": client().apiKey }, 2 * MiB)).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("holds the control plane's scripts to 1 MiB: only PUT /__mock/state takes 16 MiB", async () => {
    expect(await partialUpload("POST", "/__mock/scripts/responses", {}, 2 * MiB)).toMatch(/^HTTP\/1\.1 413 /);
    expect(await partialUpload("PUT", "/__mock/faults", {}, 2 * MiB)).toMatch(/^HTTP\/1\.1 413 /);
    expect(await partialUpload("PUT", "/__mock/state", {}, 17 * MiB)).toMatch(/^HTTP\/1\.1 413 /);
    // 2 MiB of spaces is not a state document, but it is read and judged (400), not refused for its size.
    const socket = await openSocket(server().url);
    const answer = firstAnswer(socket);
    socket.write(`PUT /__mock/state HTTP/1.1\r\nHost: ${new URL(server().url).host}\r\nContent-Type: application/json\r\nContent-Length: ${2 * MiB}\r\n\r\n`);
    socket.write(Buffer.alloc(2 * MiB, 0x20));
    expect(await answer).toMatch(/^HTTP\/1\.1 400 /);
    socket.destroy();
  });

  it("answers 40 unauthenticated 16 MiB uploads at once, each from its head", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => partialUpload("POST", "/v1/agents", {}, 16 * MiB)));
    expect(answers.filter((line) => /^HTTP\/1\.1 401 /.test(line))).toHaveLength(40);
  });

  it("ignores a body sent to an operation that takes none, and answers it normally", async () => {
    const c = client();
    const socket = await openSocket(server().url);
    const answer = firstAnswer(socket);
    socket.write(`GET /v1/agents HTTP/1.1\r\nHost: ${new URL(server().url).host}\r\nX-API-Key: ${c.apiKey}\r\nContent-Length: 10\r\n\r\n{"a":1234}`);
    expect(await answer).toMatch(/^HTTP\/1\.1 200 /);
    socket.destroy();
  });
});
