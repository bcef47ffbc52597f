// MSW 2: fetch("https://api.runtools.ai/...") answered by the stateful mock, with no port.
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFetchHandler } from "runtools-mock";

const runtools = createFetchHandler();
const server = setupServer(http.all("https://api.runtools.ai/*", ({ request }) => runtools(request)));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

it("remembers what the app created", async () => {
  const headers = { "X-API-Key": "rt_test_msw", "Content-Type": "application/json" };
  const body = JSON.stringify({ slug: "docs-bot", executionMode: "managed" });
  const created = await fetch("https://api.runtools.ai/v1/agents", { method: "POST", headers, body });
  expect(created.status).toBe(201);
  const list = await fetch("https://api.runtools.ai/v1/agents", { headers });
  const { data } = await list.json();
  expect(data.map((agent) => agent.slug)).toEqual(["docs-bot"]);
});
