// A TypeScript consumer (strict, module nodenext): the typed client and the API's types.
import { startMockServer, type SandboxCreateRequest } from "runtools-mock";
import { createRunToolsClient } from "runtools-mock/client";
import type { components, paths } from "runtools-mock/types";

type Agent = components["schemas"]["Agent"];
type AgentBody = paths["/v1/agents"]["post"]["requestBody"]["content"]["application/json"];

const mock = await startMockServer();
const api = createRunToolsClient({ baseUrl: mock.url, apiKey: "rt_test_typed" });

// Request bodies leave documented defaults out (template, resources, visibility, …).
const sandbox: SandboxCreateRequest = { name: "build-runner" };
await api.POST("/v1/sandboxes", { body: sandbox });
const seedAgent: AgentBody = {
  slug: "code-assistant",
  name: "Code Assistant",
  model: "claude-sonnet-4",
  systemPrompt: "You are a careful software engineering assistant.",
  tools: ["exec_command", "write_stdin", "apply_patch", "web_search", "get_dev_url"],
  sandbox: "build-runner",
  executionMode: "in_sandbox",
  maxIterations: 25,
  maxTokens: 16384,
};
await api.POST("/v1/agents", { body: seedAgent });

// Answers keep them: an Agent always has its visibility.
const { data } = await api.GET("/v1/agents/{slug}", { params: { path: { slug: "code-assistant" } } });
const agent: Agent | undefined = data?.data;
const visibility: string | undefined = agent?.visibility;

// A streamed run yields the spec's RunStreamEvent, narrowed by `type`.
for await (const event of await api.streamRun({ agent: "code-assistant", prompt: "run `echo hi`" })) {
  if (event.type === "run_completed") console.log(`run ${event.runId}: ${event.status} (${visibility})`);
}
await mock.close();
