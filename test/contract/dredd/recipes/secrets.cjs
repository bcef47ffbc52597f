/** Dredd recipes for the `secrets` operations (keys and fields: ./index.cjs). */
'use strict';

const { api, setPath, setBody } = require('./support.cjs');

/** The secret OPENAI_API_KEY, the name the documented examples use. */
const openAiSecret = () => api('POST', '/v1/secrets', { body: { name: 'openai-api-key', value: 'sk-example' }, expect: 201 });
const LONG_NAME = 'X'.repeat(129);

module.exports = {
  'GET /v1/secrets 200': { arrange: openAiSecret },
  'POST /v1/secrets 201': {},
  'POST /v1/secrets 200': { arrange: openAiSecret }, // the name exists: the value is rotated
  'POST /v1/secrets 400': { request: (t) => setBody(t, { name: 'openai-api-key' }), error: 'bad_request', detail: '/body/value' },
  'POST /v1/secrets/{name}/reveal 200': { arrange: openAiSecret, request: (t) => setPath(t, '/v1/secrets/OPENAI_API_KEY/reveal') },
  'POST /v1/secrets/{name}/reveal 400': { request: (t) => setPath(t, `/v1/secrets/${LONG_NAME}/reveal`), error: 'bad_request', detail: '/path/name' },
  'POST /v1/secrets/{name}/reveal 404': { request: (t) => setPath(t, '/v1/secrets/OPENAI_API_KEY/reveal'), error: 'not_found' },
  'DELETE /v1/secrets/{name} 200': { arrange: openAiSecret, request: (t) => setPath(t, '/v1/secrets/OPENAI_API_KEY') },
  'DELETE /v1/secrets/{name} 400': { request: (t) => setPath(t, `/v1/secrets/${LONG_NAME}`), error: 'bad_request', detail: '/path/name' },
  'DELETE /v1/secrets/{name} 404': { request: (t) => setPath(t, '/v1/secrets/OPENAI_API_KEY'), error: 'not_found' },
};
