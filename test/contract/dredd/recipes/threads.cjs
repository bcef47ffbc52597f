/** Dredd recipes for the `threads` operations (keys and fields: ./index.cjs). */
'use strict';

const { completedRun, dispatchedRun, setPath, editQuery, setBody, editBody, LIST_200, LIST_400 } = require('./support.cjs');

/** The run's own ids in the example body (which names run_abc123 / rol_abc123). */
const forRun = (t, run) => (setPath(t, `/v1/threads/${run.threadId}/events`), editBody(t, (b) => ({ ...b, runId: run.runId, rolloutId: run.rolloutId })));

module.exports = {
  'GET /v1/threads 200': LIST_200(() => completedRun()), // ?agent=code-assistant&archived=false
  'GET /v1/threads 400': LIST_400,
  'GET /v1/threads/{threadId} 200': { arrange: () => completedRun('run `echo hi`'), request: (t, run) => setPath(t, `/v1/threads/${run.threadId}`) },
  'GET /v1/threads/{threadId} 400': { request: (t) => setPath(t, '/v1/threads/abc123'), error: 'bad_request', detail: '/path/threadId' },
  'GET /v1/threads/{threadId} 404': { request: (t) => setPath(t, '/v1/threads/thr_doesnotexist'), error: 'not_found' },
  'PATCH /v1/threads/{threadId} 200': { arrange: () => completedRun(), request: (t, run) => setPath(t, `/v1/threads/${run.threadId}`) },
  'PATCH /v1/threads/{threadId} 400': {
    arrange: () => completedRun(),
    request: (t, run) => (setPath(t, `/v1/threads/${run.threadId}`), setBody(t, {})),
    error: 'bad_request',
    detail: '/body',
  },
  'PATCH /v1/threads/{threadId} 404': { request: (t) => setPath(t, '/v1/threads/thr_doesnotexist'), error: 'not_found' },
  'DELETE /v1/threads/{threadId} 200': { arrange: () => completedRun(), request: (t, run) => setPath(t, `/v1/threads/${run.threadId}`) },
  'DELETE /v1/threads/{threadId} 400': { request: (t) => setPath(t, '/v1/threads/abc123'), error: 'bad_request', detail: '/path/threadId' },
  'DELETE /v1/threads/{threadId} 404': { request: (t) => setPath(t, '/v1/threads/thr_doesnotexist'), error: 'not_found' },
  // The example rollout_id (rol_abc123) is not the arranged run's: the 200 reads every rollout.
  'GET /v1/threads/{threadId}/events 200': { arrange: () => completedRun('run `echo hi`'), request: (t, run) => (setPath(t, `/v1/threads/${run.threadId}/events`), editQuery(t, { cursor: null, limit: 2, rollout_id: null })) },
  'GET /v1/threads/{threadId}/events 400': {
    arrange: () => completedRun(),
    request: (t, run) => (setPath(t, `/v1/threads/${run.threadId}/events`), editQuery(t, { cursor: null, limit: 0 })),
    error: 'bad_request',
    detail: '/query/limit',
  },
  'GET /v1/threads/{threadId}/events 404': { request: (t) => setPath(t, '/v1/threads/thr_doesnotexist/events'), error: 'not_found' },
  'POST /v1/threads/{threadId}/events 200': { arrange: () => dispatchedRun(), request: forRun },
  'POST /v1/threads/{threadId}/events 400': {
    arrange: () => dispatchedRun(),
    request: (t, run) => (forRun(t, run), editBody(t, (b) => ({ ...b, events: [{ type: 'user_message', payload: { content: 42 } }] }))),
    error: 'bad_request',
    detail: '/body/events/0/payload/content',
  },
  'POST /v1/threads/{threadId}/events 404': { request: (t) => setPath(t, '/v1/threads/thr_doesnotexist/events'), error: 'not_found' },
  // A run the mock carries out itself takes no events from a device.
  'POST /v1/threads/{threadId}/events 409': { arrange: () => completedRun(), request: forRun, error: 'conflict' },
  'POST /v1/threads/{threadId}/compact 200': { arrange: () => completedRun(), request: (t, run) => setPath(t, `/v1/threads/${run.threadId}/compact`) },
  'POST /v1/threads/{threadId}/compact 400': { request: (t) => setPath(t, '/v1/threads/abc123/compact'), error: 'bad_request', detail: '/path/threadId' },
  'POST /v1/threads/{threadId}/compact 404': { request: (t) => setPath(t, '/v1/threads/thr_doesnotexist/compact'), error: 'not_found' },
  // A dispatched run is in flight: its history is still being written.
  'POST /v1/threads/{threadId}/compact 409': { arrange: () => dispatchedRun(), request: (t, run) => setPath(t, `/v1/threads/${run.threadId}/compact`), error: 'conflict' },
  'GET /v1/threads/{threadId}/rollouts 200': { arrange: () => completedRun(), request: (t, run) => setPath(t, `/v1/threads/${run.threadId}/rollouts`) },
  'GET /v1/threads/{threadId}/rollouts 400': { request: (t) => setPath(t, '/v1/threads/abc123/rollouts'), error: 'bad_request', detail: '/path/threadId' },
  'GET /v1/threads/{threadId}/rollouts 404': { request: (t) => setPath(t, '/v1/threads/thr_doesnotexist/rollouts'), error: 'not_found' },
  // the legacy spelling of GET /v1/threads?agent= (?agent=code-assistant)
  'GET /v1/run/threads 200': LIST_200(() => completedRun()),
  'GET /v1/run/threads 400': { request: (t) => editQuery(t, { cursor: null, agent: null }), error: 'bad_request', detail: '/query/agent' },
};
