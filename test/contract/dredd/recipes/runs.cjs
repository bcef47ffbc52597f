/** Dredd recipes for the `runs` operations (keys and fields: ./index.cjs). */
'use strict';

const { pausedSandbox, seedAgent, completedRun, dispatchedRun, setPath, setBody, LIST_200, LIST_400 } = require('./support.cjs');

module.exports = {
  'POST /v1/run 200': { arrange: seedAgent }, // stream: false → JSON
  'POST /v1/run 200 sse': {
    // streamed (the default), with a tool call, continuing the thread of a first run
    arrange: () => completedRun(),
    request: (t, world) => setBody(t, { agent: 'code-assistant', prompt: 'run `echo hi`', threadId: world.threadId }),
  },
  'POST /v1/run 400': { arrange: seedAgent, request: (t) => setBody(t, { agent: 'code-assistant', stream: false }), error: 'bad_request', detail: '/body/prompt' },
  'POST /v1/run 404': { error: 'not_found' }, // agent code-assistant does not exist
  'POST /v1/run 409': { arrange: async () => pausedSandbox((await seedAgent()).sandbox.id), error: 'conflict' }, // its sandbox is paused
  'GET /v1/run 200': LIST_200(() => completedRun()), // ?agent=code-assistant&status=completed
  'GET /v1/run 400': LIST_400,
  'POST /v1/run/{id}/cancel 200': { arrange: dispatchedRun, request: (t, run) => setPath(t, `/v1/run/${run.runId}/cancel`) },
  'POST /v1/run/{id}/cancel 400': { request: (t) => setPath(t, '/v1/run/abc123/cancel'), error: 'bad_request', detail: '/path/id' },
  'POST /v1/run/{id}/cancel 404': { request: (t) => setPath(t, '/v1/run/run_doesnotexist/cancel'), error: 'not_found' },
  'POST /v1/run/{id}/cancel 409': { arrange: () => completedRun(), request: (t, run) => setPath(t, `/v1/run/${run.runId}/cancel`), error: 'conflict' }, // already finished
  'POST /v1/agents/{slug}/run 200': { arrange: seedAgent },
  'POST /v1/agents/{slug}/run 200 sse': { arrange: seedAgent, request: (t) => setBody(t, { prompt: 'run `echo hi`' }) },
  'POST /v1/agents/{slug}/run 400': { arrange: seedAgent, request: (t) => setBody(t, { stream: false }), error: 'bad_request', detail: '/body/prompt' },
  'POST /v1/agents/{slug}/run 404': { error: 'not_found' },
  'POST /v1/agents/{slug}/run 409': { arrange: async () => pausedSandbox((await seedAgent()).sandbox.id), error: 'conflict' },
};
