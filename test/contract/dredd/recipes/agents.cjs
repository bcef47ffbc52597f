/** Dredd recipes for the `agents` operations (keys and fields: ./index.cjs). */
'use strict';

const { runningSandbox, seedAgent, setPath, setBody, editBody, LIST_200, LIST_400 } = require('./support.cjs');

module.exports = {
  'POST /v1/agents 200': { arrange: seedAgent }, // the slug exists: the upsert updates it
  'POST /v1/agents 201': { arrange: () => runningSandbox() }, // the sandbox it names exists, the slug does not
  'POST /v1/agents 400': { arrange: () => runningSandbox(), request: (t) => editBody(t, (b) => ({ ...b, slug: 'Not A Slug' })), error: 'bad_request', detail: '/body/slug' },
  'POST /v1/agents 404': { error: 'not_found' }, // the sandbox `build-runner` it names does not exist
  'GET /v1/agents 200': LIST_200(seedAgent),
  'GET /v1/agents 400': LIST_400,
  'GET /v1/agents/{slug} 200': { arrange: seedAgent },
  'GET /v1/agents/{slug} 400': { request: (t) => setPath(t, '/v1/agents/Not_A_Slug'), error: 'bad_request', detail: '/path/slug' },
  'GET /v1/agents/{slug} 404': { error: 'not_found' }, // code-assistant does not exist
  'PATCH /v1/agents/{slug} 200': { arrange: seedAgent },
  'PATCH /v1/agents/{slug} 400': { arrange: seedAgent, request: (t) => setBody(t, { maxIterations: 0 }), error: 'bad_request', detail: '/body/maxIterations' },
  'PATCH /v1/agents/{slug} 404': { error: 'not_found' },
  'DELETE /v1/agents/{slug} 200': { arrange: seedAgent },
  'DELETE /v1/agents/{slug} 400': { request: (t) => setPath(t, '/v1/agents/Not_A_Slug'), error: 'bad_request', detail: '/path/slug' },
  'DELETE /v1/agents/{slug} 404': { error: 'not_found' },
};
