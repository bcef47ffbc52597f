// CommonJS: require() of the ES module package (Node >= 20.19).
const assert = require("node:assert/strict");
const { startMockServer } = require("runtools-mock");
const { createRunToolsClient } = require("runtools-mock/client");

(async () => {
  const mock = await startMockServer();
  const api = createRunToolsClient({ baseUrl: mock.url, apiKey: "rt_test_cjs" });
  const { data, response } = await api.POST("/v1/workspaces", { body: { name: "docs" } });
  assert.equal(response.status, 201);
  console.log(`workspace ${data.data.id} created from CommonJS`);
  await mock.close();
})();
