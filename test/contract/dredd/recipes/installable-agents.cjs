/** Dredd recipes for the `installable-agents` operations (keys and fields: ./index.cjs). */
'use strict';

const { api, runningSandbox, pausedSandbox, dataWorkspace, setPath, setBody } = require('./support.cjs');

/** The sandbox build-runner (running) and the workspace `data`. */
async function sandboxAndWorkspace() {
  const sandbox = await runningSandbox();
  const workspace = await dataWorkspace();
  return { sandbox, workspace };
}

/** Hermes installed on build-runner with its state on `data`, ready once this request is answered. */
async function readyInstall() {
  const { sandbox, workspace } = await sandboxAndWorkspace();
  const install = await api('POST', '/v1/installable-agents/hermes/install', { body: { sandboxId: sandbox.id, workspaceId: workspace.id }, expect: 201 });
  const read = await api('GET', `/v1/workspaces/${workspace.id}/usage`, { expect: 200 });
  if (read.data.installableAgents[0].status !== 'ready') throw new Error(`arrange: install ${install.data.id} is not ready`);
  return { sandbox, install: install.data };
}

const chatPath = (t, id) => setPath(t, `/v1/installable-agents/installs/${id}/chat`);
const HELLO = [{ role: 'user', content: 'hello' }];

module.exports = {
  'POST /v1/installable-agents/{slug}/install 201': { arrange: sandboxAndWorkspace, request: (t, w) => setBody(t, { sandboxId: w.sandbox.id, workspaceId: w.workspace.id }) },
  'POST /v1/installable-agents/{slug}/install 400': { request: (t) => setBody(t, { sandboxId: 'build-runner' }), error: 'bad_request', detail: '/body/workspaceId' },
  'POST /v1/installable-agents/{slug}/install 404': { error: 'not_found' }, // no sandbox build-runner after the reset
  'POST /v1/installable-agents/{slug}/install 409': {
    arrange: async () => {
      const w = await sandboxAndWorkspace();
      await pausedSandbox(w.sandbox.id);
      return w;
    },
    request: (t, w) => setBody(t, { sandboxId: w.sandbox.id, workspaceId: w.workspace.id }),
    error: 'conflict',
  },
  'POST /v1/installable-agents/installs/{installId}/chat 200': { arrange: readyInstall, request: (t, w) => (chatPath(t, w.install.id), setBody(t, { messages: HELLO, stream: false })) },
  'POST /v1/installable-agents/installs/{installId}/chat 200 sse': { arrange: readyInstall, request: (t, w) => (chatPath(t, w.install.id), setBody(t, { messages: HELLO })) },
  'POST /v1/installable-agents/installs/{installId}/chat 400': {
    arrange: readyInstall,
    request: (t, w) => (chatPath(t, w.install.id), setBody(t, { messages: [] })),
    error: 'bad_request',
    detail: '/body/messages',
  },
  'POST /v1/installable-agents/installs/{installId}/chat 404': { error: 'not_found' }, // the example's install does not exist
  'POST /v1/installable-agents/installs/{installId}/chat 409': {
    arrange: async () => {
      const w = await readyInstall();
      await pausedSandbox(w.sandbox.id);
      return w;
    },
    request: (t, w) => chatPath(t, w.install.id),
    error: 'conflict',
  },
};
