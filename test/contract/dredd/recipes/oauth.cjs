/** Dredd recipes for the `oauth` operations (keys and fields: ./index.cjs). */
'use strict';

const { setPath, setBody, editQuery } = require('./support.cjs');

module.exports = {
  'GET /v1/oauth/connections 200': {},
  'GET /v1/oauth/connections 400': { request: (t) => editQuery(t, { all: 'maybe' }), error: 'bad_request', detail: '/query/all' },
  'POST /v1/oauth/device/start/{provider} 200': {},
  'POST /v1/oauth/device/start/{provider} 400': { request: (t) => setPath(t, '/v1/oauth/device/start/github'), error: 'bad_request', detail: '/path/provider' },
  'POST /v1/oauth/configs 200': {},
  'POST /v1/oauth/configs 400': { request: (t) => setBody(t, { provider: 'github' }), error: 'bad_request', detail: '/body/client_id' },
};
