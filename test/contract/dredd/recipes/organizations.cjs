/** Dredd recipes for the `organizations` operations (keys and fields: ./index.cjs). */
'use strict';

const { api, setPath, setBody } = require('./support.cjs');

/** The hooks' own organization (the key's). */
const currentOrganization = async () => (await api('GET', '/v1/organizations/current', { expect: 200 })).data;
const atOrganization = (suffix) => (t, org) => setPath(t, `/v1/organizations/${org.id}${suffix}`);

module.exports = {
  'GET /v1/me 200': {},
  'POST /v1/organizations 201': {},
  'POST /v1/organizations 400': { request: (t) => setBody(t, {}), error: 'bad_request', detail: '/body/name' },
  'GET /v1/organizations/current 200': {},
  'GET /v1/organizations/{id} 200': { arrange: currentOrganization, request: atOrganization('') },
  'GET /v1/organizations/{id} 400': { request: (t) => setPath(t, '/v1/organizations/not-a-uuid'), error: 'bad_request', detail: '/path/id' },
  'GET /v1/organizations/{id} 404': { error: 'not_found' }, // the documented example is not the key's organization
  'GET /v1/organizations/{id}/members 200': { arrange: currentOrganization, request: atOrganization('/members') },
  'GET /v1/organizations/{id}/members 400': { request: (t) => setPath(t, '/v1/organizations/not-a-uuid/members'), error: 'bad_request', detail: '/path/id' },
  'GET /v1/organizations/{id}/members 404': { error: 'not_found' },
};
