// vitest, with the mock in the test process: one server per test file, a clean state per test.
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { startMockServer } from "runtools-mock";

let mock;
beforeAll(async () => {
  mock = await startMockServer();
  process.env.RUNTOOLS_API_URL = mock.url;
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

it("creates a sandbox and finds it in the journal", async () => {
  const response = await fetch(`${process.env.RUNTOOLS_API_URL}/v1/sandboxes`, {
    method: "POST",
    headers: { "X-API-Key": "rt_test_vitest", "Content-Type": "application/json" },
    body: JSON.stringify({ name: "build-runner" }),
  });
  expect(response.status).toBe(201);
  const [entry] = await mock.requests({ operationId: "createSandbox" });
  expect(entry.status).toBe(201);
});
