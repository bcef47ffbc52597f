/** Dredd recipes for the `tools` and `terminal` operations (keys and fields: ./index.cjs). */
'use strict';

const { api, runningSandbox, pausedSandbox, setPath, setBody } = require('./support.cjs');

const installGithub = () => api('POST', '/v1/tools/github/install', { expect: 201 });
const CUSTOMER_API = { slug: 'customer-api', name: 'Customer API', code: 'export default {}' };

module.exports = {
  'POST /v1/tools/{slug}/execute 200': { arrange: installGithub },
  'POST /v1/tools/{slug}/execute 400': { arrange: installGithub, request: (t) => setBody(t, { params: {} }), error: 'bad_request', detail: '/body/action' },
  'POST /v1/tools/{slug}/execute 404': { error: 'not_found' }, // github is not installed after the reset
  'POST /v1/tools/{slug}/install 200': { arrange: installGithub },
  'POST /v1/tools/{slug}/install 201': {},
  'POST /v1/tools/{slug}/install 400': { request: (t) => setPath(t, '/v1/tools/Not_A_Slug/install'), error: 'bad_request', detail: '/path/slug' },
  'POST /v1/tools/{slug}/install 404': { request: (t) => setPath(t, '/v1/tools/no-such-tool/install'), error: 'not_found' },
  'POST /v1/tools/custom 200': { arrange: () => api('POST', '/v1/tools/custom', { body: CUSTOMER_API, expect: 201 }) },
  'POST /v1/tools/custom 201': {},
  'POST /v1/tools/custom 400': { request: (t) => setBody(t, { slug: 'customer-api', name: 'Customer API' }), error: 'bad_request', detail: '/body/code' },
  'POST /v1/tools/custom 409': { request: (t) => setBody(t, { ...CUSTOMER_API, slug: 'github' }), error: 'conflict' },
  'POST /v1/terminal/sandbox-sessions 201': { arrange: () => runningSandbox(), request: (t, sandbox) => setBody(t, { sandboxId: sandbox.id }) },
  'POST /v1/terminal/sandbox-sessions 400': { request: (t) => setBody(t, {}), error: 'bad_request', detail: '/body/sandboxId' },
  'POST /v1/terminal/sandbox-sessions 404': { error: 'not_found' }, // the example's sandbox-abc123 does not exist
  'POST /v1/terminal/sandbox-sessions 409': {
    arrange: async () => pausedSandbox((await runningSandbox()).id),
    request: (t, sandbox) => setBody(t, { sandboxId: sandbox.id }),
    error: 'conflict',
  },
};
