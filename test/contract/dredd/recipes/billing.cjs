/** Dredd recipes for the `billing` operations (keys and fields: ./index.cjs). */
'use strict';

const { api, editQuery, editBody, UNKNOWN_UUID } = require('./support.cjs');

/** The 200, 400 (a malformed `orgId`) and 404 (another organization's) of a billing read. */
function orgScopedRead(path) {
  return {
    [`GET ${path} 200`]: {},
    [`GET ${path} 400`]: { request: (t) => editQuery(t, { orgId: 'not-a-uuid' }), error: 'bad_request', detail: '/query/orgId' },
    [`GET ${path} 404`]: { request: (t) => editQuery(t, { orgId: UNKNOWN_UUID }), error: 'not_found' },
  };
}

module.exports = {
  ...orgScopedRead('/v1/billing/plan'),
  ...orgScopedRead('/v1/billing/credits'),
  ...orgScopedRead('/v1/billing/credits/history'),
  'GET /v1/billing/credits/history 400': { request: (t) => editQuery(t, { limit: 0 }), error: 'bad_request', detail: '/query/limit' },
  ...orgScopedRead('/v1/billing/my-usage'),
  'GET /v1/billing/my-usage 400': { request: (t) => editQuery(t, { period: 'yearly' }), error: 'bad_request', detail: '/query/period' },
  'POST /v1/billing/topup 200': {},
  'POST /v1/billing/topup 400': { request: (t) => editBody(t, (b) => ({ ...b, amountCents: 499 })), error: 'bad_request', detail: '/body/amountCents' },
  'POST /v1/billing/topup 404': { request: (t) => editBody(t, (b) => ({ ...b, orgId: UNKNOWN_UUID })), error: 'not_found' },
  'GET /v1/billing/success 200': {
    arrange: async () => (await api('POST', '/v1/billing/topup', { body: { amountCents: 1000 }, expect: 200 })).data,
    request: (t, session) => editQuery(t, { session_id: session.sessionId }),
  },
  'GET /v1/billing/success 400': { request: (t) => editQuery(t, { session_id: null }), error: 'bad_request', detail: '/query/session_id' },
  'GET /v1/billing/success 404': { error: 'not_found' }, // the example's session, which no organization started
};
