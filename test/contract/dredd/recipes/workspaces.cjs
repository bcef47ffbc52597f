/** Dredd recipes for the `workspaces` operations (keys and fields: ./index.cjs). */
'use strict';

const { dataWorkspace, workspaceInUse, personalWorkspace, setPath, editQuery, setBody, LIST_200, LIST_400, UNKNOWN_UUID } = require('./support.cjs');

module.exports = {
  'GET /v1/workspaces 200': LIST_200(dataWorkspace),
  'GET /v1/workspaces 400': LIST_400,
  'POST /v1/workspaces 201': {},
  'POST /v1/workspaces 400': { request: (t) => setBody(t, { name: '' }), error: 'bad_request', detail: '/body/name' },
  'POST /v1/workspaces 409': { arrange: dataWorkspace, error: 'conflict' }, // slug `data` is taken
  'GET /v1/workspaces/{id} 200': { arrange: dataWorkspace, request: (t, w) => setPath(t, `/v1/workspaces/${w.id}`) },
  'GET /v1/workspaces/{id} 400': { request: (t) => setPath(t, '/v1/workspaces/Not_A_Workspace'), error: 'bad_request', detail: '/path/id' },
  'GET /v1/workspaces/{id} 404': { request: (t) => setPath(t, `/v1/workspaces/${UNKNOWN_UUID}`), error: 'not_found' },
  'PATCH /v1/workspaces/{id} 200': { arrange: dataWorkspace, request: (t, w) => setPath(t, `/v1/workspaces/${w.id}`) },
  'PATCH /v1/workspaces/{id} 400': {
    arrange: dataWorkspace,
    request: (t, w) => (setPath(t, `/v1/workspaces/${w.id}`), setBody(t, { name: '' })),
    error: 'bad_request',
    detail: '/body/name',
  },
  'PATCH /v1/workspaces/{id} 404': { request: (t) => setPath(t, `/v1/workspaces/${UNKNOWN_UUID}`), error: 'not_found' },
  'DELETE /v1/workspaces/{id} 200': { arrange: workspaceInUse, request: (t, w) => setPath(t, `/v1/workspaces/${w.id}`) }, // ?force=true
  'DELETE /v1/workspaces/{id} 400': {
    // the personal workspace cannot be deleted, not even with force=true (a documented rule)
    arrange: personalWorkspace,
    request: (t, w) => setPath(t, `/v1/workspaces/${w.id}`),
    error: 'bad_request',
    detail: '/path/id',
  },
  'DELETE /v1/workspaces/{id} 404': { request: (t) => setPath(t, `/v1/workspaces/${UNKNOWN_UUID}`), error: 'not_found' },
  'DELETE /v1/workspaces/{id} 409': {
    arrange: workspaceInUse, // mounted on build-runner, where code-assistant runs
    request: (t, w) => (setPath(t, `/v1/workspaces/${w.id}`), editQuery(t, { force: null })),
    error: 'WORKSPACE_IN_USE',
  },
  'GET /v1/workspaces/{id}/usage 200': { arrange: workspaceInUse, request: (t, w) => setPath(t, `/v1/workspaces/${w.id}/usage`) },
  'GET /v1/workspaces/{id}/usage 400': { request: (t) => setPath(t, '/v1/workspaces/Not_A_Workspace/usage'), error: 'bad_request', detail: '/path/id' },
  'GET /v1/workspaces/{id}/usage 404': { request: (t) => setPath(t, `/v1/workspaces/${UNKNOWN_UUID}/usage`), error: 'not_found' },
};
