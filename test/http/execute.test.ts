/**
 * POST /v1/execute through the real server: the raw payload (no envelope), bash in the shell, the
 * documented error for other languages, and a scripted answer for them (spec/paths/execute.yaml).
 */
import { afterEach, describe, expect, it } from "vitest";
import { useServer } from "../support/server.ts";
import { ControlClient, expectOk } from "../control/control-client.ts";
import { expectBadRequest, expectError } from "./helpers.ts";

const { client, server, violations } = useServer();

afterEach(() => {
  expect(violations).toEqual([]);
});

describe("POST /v1/execute", () => {
  it("runs bash and answers the raw payload without an envelope", async () => {
    const res = await client().post("/v1/execute", { language: "bash", code: "printf 'a\\nb\\n' | wc -l" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ language: "bash", version: "5.1.0", run: { stdout: "2\n", stderr: "", code: 0, signal: null, time_ms: expect.any(Number), memory_kb: 0 } });
    expect(res.headers.get("x-request-id")).toMatch(/^req_/);
  });

  it("answers 400 at /body/language for python, until a test scripts the operation", async () => {
    const c = client();
    expectBadRequest(await c.post("/v1/execute", { language: "python", code: "print(2)" }), "/body/language");
    const scripted = { language: "python", version: "3.12.0", run: { stdout: "2\n", stderr: "", code: 0, signal: null, time_ms: 3, memory_kb: 9000 } };
    expectOk(await new ControlClient(server().url).addResponseScript({ operationId: "executeCode", status: 200, body: scripted, match: { body: { language: "python" } } }), 201);
    const res = await c.post("/v1/execute", { language: "python", code: "print(2)" });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(scripted);
  });

  it("answers 400 for a request without code or files, an unknown language, and 401 without a key", async () => {
    expectBadRequest(await client().post("/v1/execute", { language: "bash" }), "/body/code");
    expectBadRequest(await client().post("/v1/execute", { language: "cobol", code: "x" }), "/body/language");
    expectError(await client().post("/v1/execute", { language: "bash", code: "true" }, { anonymous: true }), 401, "unauthorized");
  });
});
