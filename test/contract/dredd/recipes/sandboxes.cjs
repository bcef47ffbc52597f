/** Dredd recipes for the `sandboxes` operations (keys and fields: ./index.cjs). */
'use strict';

const { api, runningSandbox, pausedSandbox, setPath, setBody, editBody, editQuery, setHeader, LIST_200, LIST_400, UNKNOWN_UUID, LONG_SANDBOX_REF } = require('./support.cjs');

module.exports = {
  'POST /v1/sandboxes 201': {},
  // templates are open slugs (the docs list more than two); whitespace is never part of one
  'POST /v1/sandboxes 400': { request: (t) => editBody(t, (b) => ({ ...b, template: 'windows 11' })), error: 'bad_request', detail: '/body/template' },
  // the documented 402, asked for by Prefer: a healthy mock has credit for every sandbox
  'POST /v1/sandboxes 402': { request: (t) => setHeader(t, 'Prefer', 'code=402'), error: 'insufficient_credits' },
  'POST /v1/sandboxes 404': {
    request: (t) => editBody(t, (b) => ({ ...b, mounts: [{ workspaceId: UNKNOWN_UUID, path: '/workspace/data' }] })),
    error: 'not_found',
  },
  'POST /v1/sandboxes 409': { arrange: () => runningSandbox(), error: 'conflict' }, // duplicate name build-runner
  'GET /v1/sandboxes 200': LIST_200(() => runningSandbox()), // ?status=running&status=paused&tag=ci&template=base-ubuntu
  'GET /v1/sandboxes 400': LIST_400,
  'GET /v1/sandboxes/{id} 200': { arrange: () => runningSandbox() },
  'GET /v1/sandboxes/{id} 400': { request: (t) => setPath(t, `/v1/sandboxes/${LONG_SANDBOX_REF}`), error: 'bad_request', detail: '/path/id' },
  'GET /v1/sandboxes/{id} 404': { error: 'not_found' },
  'DELETE /v1/sandboxes/{id} 200': { arrange: () => runningSandbox() },
  'DELETE /v1/sandboxes/{id} 400': { request: (t) => setPath(t, `/v1/sandboxes/${LONG_SANDBOX_REF}`), error: 'bad_request', detail: '/path/id' },
  'DELETE /v1/sandboxes/{id} 404': { error: 'not_found' },
  'POST /v1/sandboxes/{id}/pause 200': { arrange: () => runningSandbox() },
  'POST /v1/sandboxes/{id}/pause 400': { request: (t) => setPath(t, `/v1/sandboxes/${LONG_SANDBOX_REF}/pause`), error: 'bad_request', detail: '/path/id' },
  'POST /v1/sandboxes/{id}/pause 404': { error: 'not_found' },
  'POST /v1/sandboxes/{id}/pause 409': {
    // a destroyed sandbox (addressed by id: its name is free again) cannot be paused
    arrange: async () => {
      const sandbox = await runningSandbox();
      await api('DELETE', `/v1/sandboxes/${sandbox.id}`, { expect: 200 });
      return sandbox;
    },
    request: (t, sandbox) => setPath(t, `/v1/sandboxes/${sandbox.id}/pause`),
    error: 'conflict',
  },
  'POST /v1/sandboxes/{id}/resume 200': { arrange: async () => pausedSandbox((await runningSandbox()).id) },
  'POST /v1/sandboxes/{id}/resume 400': { request: (t) => setPath(t, `/v1/sandboxes/${LONG_SANDBOX_REF}/resume`), error: 'bad_request', detail: '/path/id' },
  'POST /v1/sandboxes/{id}/resume 404': { error: 'not_found' },
  'POST /v1/sandboxes/{id}/resume 409': { arrange: () => runningSandbox(), error: 'conflict' }, // resume of a running sandbox
  'POST /v1/sandboxes/{id}/exec 200': { arrange: () => runningSandbox() },
  'POST /v1/sandboxes/{id}/exec 400': { arrange: () => runningSandbox(), request: (t) => setBody(t, { command: '' }), error: 'bad_request', detail: '/body/command' },
  'POST /v1/sandboxes/{id}/exec 404': { error: 'not_found' },
  'POST /v1/sandboxes/{id}/exec 409': { arrange: async () => pausedSandbox((await runningSandbox()).id), error: 'conflict' }, // exec needs a running sandbox
  'GET /v1/sandboxes/{id}/url 200': { arrange: () => runningSandbox() }, // ?port=3000 from the spec
  'GET /v1/sandboxes/{id}/url 400': { arrange: () => runningSandbox(), request: (t) => editQuery(t, { port: null }), error: 'bad_request', detail: '/query/port' },
  'GET /v1/sandboxes/{id}/url 404': { error: 'not_found' },
  'GET /v1/sandboxes/{id}/url 409': {
    // a destroyed sandbox has no preview URL
    arrange: async () => {
      const sandbox = await runningSandbox();
      await api('DELETE', `/v1/sandboxes/${sandbox.id}`, { expect: 200 });
      return sandbox;
    },
    request: (t, sandbox) => setPath(t, `/v1/sandboxes/${sandbox.id}/url`),
    error: 'conflict',
  },
};
