// The seed workflow from plain Node (no TypeScript, no build step): a mock in this process,
// a sandbox, the seed page's agent, and one run that calls exec_command in the sandbox.
import assert from "node:assert/strict";
import { startMockServer } from "runtools-mock";

const mock = await startMockServer();
const headers = { "X-API-Key": "rt_test_example", "Content-Type": "application/json" };
const call = async (method, path, body) => {
  const response = await fetch(`${mock.url}${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
};

const sandbox = await call("POST", "/v1/sandboxes", { name: "build-runner" });
assert.equal(sandbox.status, 201);
const agent = await call("POST", "/v1/agents", {
  slug: "code-assistant",
  name: "Code Assistant",
  model: "claude-sonnet-4",
  systemPrompt: "You are a careful software engineering assistant.",
  tools: ["exec_command", "write_stdin", "apply_patch", "web_search", "get_dev_url"],
  sandbox: "build-runner",
  executionMode: "in_sandbox",
  maxIterations: 25,
  maxTokens: 16384,
});
assert.equal(agent.status, 201);
assert.equal(agent.body.data.sandboxId, sandbox.body.data.id);

const run = await call("POST", "/v1/run", { agent: "code-assistant", prompt: "run `echo hi`", stream: false });
assert.equal(run.status, 200);
assert.equal(run.body.data.status, "completed");
console.log(`run ${run.body.data.runId} on thread ${run.body.data.threadId}: ${run.body.data.result}`);
await mock.close();
