/** Dredd recipes for the `runmesh` operations (keys and fields: ./index.cjs). */
'use strict';

const { api, setPath, setBody, editQuery, LIST_200, LIST_400, UNKNOWN_UUID } = require('./support.cjs');

const DEVICE = { publicKey: 'device-public-key', deviceLabel: 'Gregs Mac', os: 'macos' };
const UNKNOWN_CODE = 'ZZZZZZ';

/** A pending link code (started without a key, as the device does). */
async function pendingCode() {
  return (await api('POST', '/v1/runmesh/devices/link/start', { body: DEVICE, key: null, expect: 201 })).data.code;
}

/** A device linked into the key's organization: its node. */
async function linkedNode() {
  const code = await pendingCode();
  const node = (await api('POST', '/v1/runmesh/devices/link/approve', { body: { code }, expect: 200 })).data;
  return { ...node, code };
}

/** A linked node, revoked. */
async function revokedNode() {
  const node = await linkedNode();
  await api('POST', `/v1/runmesh/nodes/${node.id}/revoke`, { expect: 200 });
  return node;
}

const atNode = (suffix = '') => (t, w) => setPath(t, `/v1/runmesh/nodes/${w.id}${suffix}`);
const badId = (path) => ({ request: (t) => setPath(t, path), error: 'bad_request', detail: '/path/id' });
const unknownId = (path) => ({ request: (t) => setPath(t, path), error: 'not_found' });

module.exports = {
  'POST /v1/runmesh/devices/link/start 201': {},
  'POST /v1/runmesh/devices/link/start 400': { request: (t) => setBody(t, { deviceLabel: 'x' }), error: 'bad_request', detail: '/body/publicKey' },
  'POST /v1/runmesh/devices/link/poll 200': { arrange: pendingCode, request: (t, code) => setBody(t, { code }) },
  'POST /v1/runmesh/devices/link/poll 400': { request: (t) => setBody(t, {}), error: 'bad_request', detail: '/body/code' },
  'POST /v1/runmesh/devices/link/poll 404': { request: (t) => setBody(t, { code: UNKNOWN_CODE }), error: 'not_found' },
  'POST /v1/runmesh/devices/link/approve 200': { arrange: pendingCode, request: (t, code) => setBody(t, { code }) },
  'POST /v1/runmesh/devices/link/approve 400': { request: (t) => setBody(t, {}), error: 'bad_request', detail: '/body/code' },
  'POST /v1/runmesh/devices/link/approve 404': { request: (t) => setBody(t, { code: UNKNOWN_CODE }), error: 'not_found' },
  'POST /v1/runmesh/devices/link/approve 409': { arrange: linkedNode, request: (t, w) => setBody(t, { code: w.code }), error: 'conflict' },
  'GET /v1/runmesh/overview 200': { arrange: linkedNode },
  'GET /v1/runmesh/nodes 200': LIST_200(linkedNode),
  'GET /v1/runmesh/nodes 400': LIST_400,
  'GET /v1/runmesh/nodes/{id} 200': { arrange: linkedNode, request: atNode() },
  'GET /v1/runmesh/nodes/{id} 400': badId('/v1/runmesh/nodes/not-a-uuid'),
  'GET /v1/runmesh/nodes/{id} 404': unknownId(`/v1/runmesh/nodes/${UNKNOWN_UUID}`),
  'PATCH /v1/runmesh/nodes/{id} 200': { arrange: linkedNode, request: atNode() },
  'PATCH /v1/runmesh/nodes/{id} 400': { arrange: linkedNode, request: (t, w) => (atNode()(t, w), setBody(t, { name: '' })), error: 'bad_request', detail: '/body/name' },
  'PATCH /v1/runmesh/nodes/{id} 404': unknownId(`/v1/runmesh/nodes/${UNKNOWN_UUID}`),
  'DELETE /v1/runmesh/nodes/{id} 200': { arrange: linkedNode, request: atNode() },
  'DELETE /v1/runmesh/nodes/{id} 400': badId('/v1/runmesh/nodes/not-a-uuid'),
  'DELETE /v1/runmesh/nodes/{id} 404': unknownId(`/v1/runmesh/nodes/${UNKNOWN_UUID}`),
  'GET /v1/runmesh/nodes/{id}/config 200': { arrange: linkedNode, request: atNode('/config') },
  'GET /v1/runmesh/nodes/{id}/config 400': badId('/v1/runmesh/nodes/not-a-uuid/config'),
  'GET /v1/runmesh/nodes/{id}/config 404': unknownId(`/v1/runmesh/nodes/${UNKNOWN_UUID}/config`),
  'GET /v1/runmesh/nodes/{id}/config 409': { arrange: revokedNode, request: atNode('/config'), error: 'conflict' },
  'POST /v1/runmesh/nodes/{id}/revoke 200': { arrange: linkedNode, request: atNode('/revoke') },
  'POST /v1/runmesh/nodes/{id}/revoke 400': badId('/v1/runmesh/nodes/not-a-uuid/revoke'),
  'POST /v1/runmesh/nodes/{id}/revoke 404': unknownId(`/v1/runmesh/nodes/${UNKNOWN_UUID}/revoke`),
  'GET /v1/runmesh/audit 200': LIST_200(linkedNode),
  'GET /v1/runmesh/audit 400': LIST_400,
  // the spec's example cursor was never issued (400): the first page is asked for
  'GET /v1/runmesh/devices/{id}/activity 200': { arrange: linkedNode, request: (t, w) => (setPath(t, `/v1/runmesh/devices/${w.id}/activity`), editQuery(t, { cursor: null })) },
  'GET /v1/runmesh/devices/{id}/activity 400': badId('/v1/runmesh/devices/not-a-uuid/activity'),
  'GET /v1/runmesh/devices/{id}/activity 404': unknownId(`/v1/runmesh/devices/${UNKNOWN_UUID}/activity`),
};
