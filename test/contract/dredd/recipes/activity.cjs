/** Dredd recipes for the `activity` operations (keys and fields: ./index.cjs). */
'use strict';

const { runningSandbox, completedRun, setPath, editQuery, LONG_SANDBOX_REF } = require('./support.cjs');

module.exports = {
  // the documented filters name ids of another organization: the list answers empty, which is still a list
  'GET /v1/activity 200': { arrange: () => runningSandbox(), request: (t) => editQuery(t, { cursor: null }) },
  'GET /v1/activity 400': { request: (t) => editQuery(t, { cursor: null, severity: 'fatal' }), error: 'bad_request', detail: '/query/severity' },
  'GET /v1/sandboxes/{id}/activity 200': { arrange: () => runningSandbox(), request: (t, sandbox) => (setPath(t, `/v1/sandboxes/${sandbox.id}/activity`), editQuery(t, { cursor: null })) },
  'GET /v1/sandboxes/{id}/activity 400': { request: (t) => setPath(t, `/v1/sandboxes/${LONG_SANDBOX_REF}/activity`), error: 'bad_request', detail: '/path/id' },
  'GET /v1/sandboxes/{id}/activity 404': { error: 'not_found' },
  'GET /v1/threads/{threadId}/activity 200': { arrange: () => completedRun(), request: (t, run) => (setPath(t, `/v1/threads/${run.threadId}/activity`), editQuery(t, { cursor: null })) },
  'GET /v1/threads/{threadId}/activity 400': { request: (t) => setPath(t, '/v1/threads/abc123/activity'), error: 'bad_request', detail: '/path/threadId' },
  'GET /v1/threads/{threadId}/activity 404': { request: (t) => setPath(t, '/v1/threads/thr_doesnotexist/activity'), error: 'not_found' },
};
