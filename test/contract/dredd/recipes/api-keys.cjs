/** Dredd recipes for the `api-keys` operations (keys and fields: ./index.cjs). */
'use strict';

const { api, setPath, setBody, LIST_200, LIST_400 } = require('./support.cjs');

/** A test key of the hooks' organization; answers its metadata (with the secret, shown once). */
async function issuedKey() {
  return (await api('POST', '/v1/api-keys', { body: { name: 'ci', isTest: true }, expect: 201 })).data;
}

/** A key that is already revoked: it cannot be renamed or rotated any more. */
async function revokedKey() {
  const key = await issuedKey();
  await api('DELETE', `/v1/api-keys/${key.id}`, { expect: 200 });
  return key;
}

/** Points the transaction at the arranged key, keeping the rest of the path (`/rotate`). */
const atKey = (t, key) => setPath(t, t.request.uri.split('?')[0].replace(/\/v1\/api-keys\/[^/]+/, `/v1/api-keys/${key.id}`));

module.exports = {
  'POST /v1/api-keys 201': {},
  'POST /v1/api-keys 400': { request: (t) => setBody(t, { name: 'ci', scopes: ['everything'] }), error: 'bad_request', detail: '/body/scopes/0' },
  'GET /v1/api-keys 200': LIST_200(issuedKey),
  'GET /v1/api-keys 400': LIST_400,
  'GET /v1/api-keys/{id} 200': { arrange: issuedKey, request: atKey },
  'GET /v1/api-keys/{id} 400': { request: (t) => setPath(t, '/v1/api-keys/not-a-uuid'), error: 'bad_request', detail: '/path/id' },
  'GET /v1/api-keys/{id} 404': { error: 'not_found' }, // the documented example id was never issued here
  'PATCH /v1/api-keys/{id} 200': { arrange: issuedKey, request: atKey },
  'PATCH /v1/api-keys/{id} 400': { arrange: issuedKey, request: (t, key) => (atKey(t, key), setBody(t, { name: '' })), error: 'bad_request', detail: '/body/name' },
  'PATCH /v1/api-keys/{id} 404': { error: 'not_found' },
  'PATCH /v1/api-keys/{id} 409': { arrange: revokedKey, request: atKey, error: 'conflict' },
  'DELETE /v1/api-keys/{id} 200': { arrange: issuedKey, request: atKey },
  'DELETE /v1/api-keys/{id} 400': { request: (t) => setPath(t, '/v1/api-keys/not-a-uuid'), error: 'bad_request', detail: '/path/id' },
  'DELETE /v1/api-keys/{id} 404': { arrange: revokedKey, request: atKey, error: 'not_found' }, // revoked twice
  'POST /v1/api-keys/{id}/rotate 201': { arrange: issuedKey, request: atKey },
  'POST /v1/api-keys/{id}/rotate 400': { arrange: issuedKey, request: (t, key) => (atKey(t, key), setBody(t, { name: '' })), error: 'bad_request', detail: '/body/name' },
  'POST /v1/api-keys/{id}/rotate 404': { error: 'not_found' },
  'POST /v1/api-keys/{id}/rotate 409': { arrange: revokedKey, request: atKey, error: 'conflict' },
};
