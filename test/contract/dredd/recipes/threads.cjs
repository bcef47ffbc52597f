/** Dredd recipes for the `threads` operations (keys and fields: ./index.cjs). */
'use strict';

const { completedRun, setPath, editQuery, setBody, LIST_200, LIST_400 } = require('./support.cjs');

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
  'GET /v1/threads/{threadId}/events 200': { arrange: () => completedRun('run `echo hi`'), request: (t, run) => (setPath(t, `/v1/threads/${run.threadId}/events`), editQuery(t, { cursor: null, limit: 2 })) },
  'GET /v1/threads/{threadId}/events 400': {
    arrange: () => completedRun(),
    request: (t, run) => (setPath(t, `/v1/threads/${run.threadId}/events`), editQuery(t, { cursor: null, limit: 0 })),
    error: 'bad_request',
    detail: '/query/limit',
  },
  'GET /v1/threads/{threadId}/events 404': { request: (t) => setPath(t, '/v1/threads/thr_doesnotexist/events'), error: 'not_found' },
  'GET /v1/threads/{threadId}/rollouts 200': { arrange: () => completedRun(), request: (t, run) => setPath(t, `/v1/threads/${run.threadId}/rollouts`) },
  'GET /v1/threads/{threadId}/rollouts 400': { request: (t) => setPath(t, '/v1/threads/abc123/rollouts'), error: 'bad_request', detail: '/path/threadId' },
  'GET /v1/threads/{threadId}/rollouts 404': { request: (t) => setPath(t, '/v1/threads/thr_doesnotexist/rollouts'), error: 'not_found' },
  // the legacy spelling of GET /v1/threads?agent= (?agent=code-assistant)
  'GET /v1/run/threads 200': LIST_200(() => completedRun()),
  'GET /v1/run/threads 400': { request: (t) => editQuery(t, { cursor: null, agent: null }), error: 'bad_request', detail: '/query/agent' },
};
