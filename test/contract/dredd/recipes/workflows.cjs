/** Dredd recipes for the `workflows` operations (keys and fields: ./index.cjs). */
'use strict';

const { api, setPath, setBody, setHeader, editQuery, genericError, UNKNOWN_UUID } = require('./support.cjs');

const SECRET = 'replace-with-a-long-random-secret';
const WORKFLOW = '/v1/workflows/incoming-leads';

/** A webhook trigger of incoming-leads. */
async function webhookTrigger() {
  return (await api('POST', `${WORKFLOW}/triggers`, { body: { type: 'webhook', name: 'Lead capture', secret: SECRET }, expect: 201 })).data;
}

/** A webhook trigger that already started one run. */
async function triggeredRun() {
  const trigger = await webhookTrigger();
  const headers = { 'X-Webhook-Secret': SECRET };
  await api('POST', `/v1/workflows/webhooks/${trigger.webhookSlug}`, { body: { event: 'lead.created' }, key: null, headers, expect: 202 });
  return trigger;
}

/** The webhook invoke takes its secret instead of a key: `secret` false sends none. */
const atWebhook = (secret = SECRET) => (t, w) => {
  setPath(t, `/v1/workflows/webhooks/${w.webhookSlug}`);
  setHeader(t, 'X-API-Key', undefined);
  if (secret) setHeader(t, 'X-Webhook-Secret', secret);
};
const atTrigger = (t, w) => setPath(t, `${WORKFLOW}/triggers/${w.id}`);
/** A generic recipe (413, 415, 507) sent behind the webhook's secret. */
const withSecret = (status) => {
  const generic = genericError(status);
  return { arrange: webhookTrigger, request: (t, w) => (atWebhook()(t, w), generic.request(t)), error: generic.error };
};

module.exports = {
  'POST /v1/workflows/{workflowSlug}/triggers 201': {},
  'POST /v1/workflows/{workflowSlug}/triggers 400': { request: (t) => setBody(t, { type: 'cron' }), error: 'bad_request', detail: '/body/schedule' },
  'GET /v1/workflows/{workflowSlug}/triggers 200': { arrange: webhookTrigger },
  'GET /v1/workflows/{workflowSlug}/triggers 400': { request: (t) => setPath(t, '/v1/workflows/Not_A_Slug/triggers'), error: 'bad_request', detail: '/path/workflowSlug' },
  'PATCH /v1/workflows/{workflowSlug}/triggers/{triggerId} 200': { arrange: webhookTrigger, request: atTrigger },
  'PATCH /v1/workflows/{workflowSlug}/triggers/{triggerId} 400': { arrange: webhookTrigger, request: (t, w) => (atTrigger(t, w), setBody(t, { name: '' })), error: 'bad_request', detail: '/body/name' },
  'PATCH /v1/workflows/{workflowSlug}/triggers/{triggerId} 404': { request: (t) => setPath(t, `${WORKFLOW}/triggers/${UNKNOWN_UUID}`), error: 'not_found' },
  'DELETE /v1/workflows/{workflowSlug}/triggers/{triggerId} 200': { arrange: webhookTrigger, request: atTrigger },
  'DELETE /v1/workflows/{workflowSlug}/triggers/{triggerId} 400': { request: (t) => setPath(t, `${WORKFLOW}/triggers/not-a-uuid`), error: 'bad_request', detail: '/path/triggerId' },
  'DELETE /v1/workflows/{workflowSlug}/triggers/{triggerId} 404': { request: (t) => setPath(t, `${WORKFLOW}/triggers/${UNKNOWN_UUID}`), error: 'not_found' },
  'GET /v1/workflows/{workflowSlug}/runs 200': { arrange: triggeredRun },
  'GET /v1/workflows/{workflowSlug}/runs 400': { request: (t) => editQuery(t, { limit: 0 }), error: 'bad_request', detail: '/query/limit' },
  'POST /v1/workflows/webhooks/{webhookSlug} 202': { arrange: webhookTrigger, request: atWebhook() },
  'POST /v1/workflows/webhooks/{webhookSlug} 400': { request: (t) => atWebhook()(t, { webhookSlug: 'x'.repeat(101) }), error: 'bad_request', detail: '/path/webhookSlug' },
  'POST /v1/workflows/webhooks/{webhookSlug} 401': { arrange: webhookTrigger, request: atWebhook('not-the-secret'), error: 'unauthorized' },
  'POST /v1/workflows/webhooks/{webhookSlug} 404': { request: (t) => atWebhook()(t, { webhookSlug: 'whk_unknown' }), error: 'not_found' },
  'POST /v1/workflows/webhooks/{webhookSlug} 409': {
    arrange: async () => {
      const trigger = await webhookTrigger();
      await api('PATCH', `${WORKFLOW}/triggers/${trigger.id}`, { body: { enabled: false }, expect: 200 });
      return trigger;
    },
    request: atWebhook(),
    error: 'conflict',
  },
  'POST /v1/workflows/webhooks/{webhookSlug} 413': withSecret(413),
  'POST /v1/workflows/webhooks/{webhookSlug} 415': withSecret(415),
  'POST /v1/workflows/webhooks/{webhookSlug} 507': withSecret(507),
};
