/** Dredd recipes for the `attachments` operations (keys and fields: ./index.cjs). */
'use strict';

const { api, completedRun, setUri, setPath, setBody, editBody } = require('./support.cjs');

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A pending attachment of the seed agent's thread; `fields` go into the create body. */
async function pendingAttachment(fields = {}) {
  const run = await completedRun();
  const created = await api('POST', '/v1/agent-attachments', { body: { threadId: run.threadId, filename: 'notes.txt', contentType: 'text/plain', ...fields }, expect: 201 });
  return { ...run, attachment: created.data };
}

/** PUTs bytes to the attachment's upload URL as a storage client does: its headers, no API key. */
async function uploadTo(target, body) {
  const response = await fetch(target.uploadUrl, { method: target.method, headers: target.headers, body, signal: AbortSignal.timeout(10000) });
  if (response.status !== 200) throw new Error(`arrange: upload answered ${response.status}: ${await response.text()}`);
}

/** An uploaded and completed attachment. */
async function readyAttachment() {
  const world = await pendingAttachment();
  await uploadTo(world.attachment, 'hello');
  await api('POST', `/v1/agent-attachments/${world.attachment.id}/complete`, { expect: 200 });
  return world;
}

/** Dredd's request aimed at the attachment's upload URL (its path and signed query). */
function toUploadUrl(t, world, signature) {
  const url = new URL(world.attachment.uploadUrl);
  if (signature) url.searchParams.set('signature', signature);
  setUri(t, url.pathname + url.search);
}

const complete = (t, world) => setPath(t, `/v1/agent-attachments/${world.attachment.id}/complete`);
const resolve = (t, world) => setPath(t, `/v1/agent-attachments/${world.attachment.id}/resolve`);

module.exports = {
  'POST /v1/agent-attachments 201': { arrange: () => completedRun(), request: (t, run) => editBody(t, (b) => ({ ...b, threadId: run.threadId })) },
  'POST /v1/agent-attachments 400': { request: (t) => editBody(t, (b) => ({ ...b, filename: undefined })), error: 'bad_request', detail: '/body/filename' },
  // The example's thread (thr_abc123) does not exist after the reset.
  'POST /v1/agent-attachments 404': { error: 'not_found' },
  'POST /v1/agent-attachments 409': {
    arrange: async () => {
      const run = await completedRun();
      await api('POST', '/v1/agents', { body: { slug: 'other-agent', executionMode: 'managed' }, expect: 201 });
      return run;
    },
    request: (t, run) => editBody(t, (b) => ({ ...b, threadId: run.threadId, agentSlug: 'other-agent' })),
    error: 'conflict',
  },
  'PUT /v1/agent-attachments/{id}/upload 200': { arrange: () => pendingAttachment(), request: (t, world) => (toUploadUrl(t, world), setBody(t, 'hello')) },
  'PUT /v1/agent-attachments/{id}/upload 400': { arrange: () => pendingAttachment({ sizeBytes: 2 }), request: (t, world) => (toUploadUrl(t, world), setBody(t, 'hello')), error: 'bad_request', detail: '/body' },
  'PUT /v1/agent-attachments/{id}/upload 403': { arrange: () => pendingAttachment(), request: (t, world) => (toUploadUrl(t, world, 'sig_forged'), setBody(t, 'hello')), error: 'forbidden' },
  'PUT /v1/agent-attachments/{id}/upload 409': { arrange: () => readyAttachment(), request: (t, world) => (toUploadUrl(t, world), setBody(t, 'again')), error: 'conflict' },
  'PUT /v1/agent-attachments/{id}/upload 413': { arrange: () => pendingAttachment(), request: (t, world) => (toUploadUrl(t, world), setBody(t, 'x'.repeat(8 * 1024 * 1024 + 1))), error: 'payload_too_large' },
  'POST /v1/agent-attachments/{id}/complete 200': {
    arrange: async () => {
      const world = await pendingAttachment();
      await uploadTo(world.attachment, 'hello');
      return world;
    },
    request: complete,
  },
  'POST /v1/agent-attachments/{id}/complete 400': { request: (t) => setPath(t, '/v1/agent-attachments/not-a-uuid/complete'), error: 'bad_request', detail: '/path/id' },
  'POST /v1/agent-attachments/{id}/complete 404': { request: (t) => setPath(t, `/v1/agent-attachments/${UNKNOWN_ID}/complete`), error: 'not_found' },
  'POST /v1/agent-attachments/{id}/complete 409': { arrange: () => pendingAttachment(), request: complete, error: 'conflict' },
  'POST /v1/agent-attachments/{id}/resolve 200': { arrange: () => readyAttachment(), request: resolve },
  'POST /v1/agent-attachments/{id}/resolve 400': { request: (t) => (setPath(t, `/v1/agent-attachments/${UNKNOWN_ID}/resolve`), setBody(t, {})), error: 'bad_request', detail: '/body/model' },
  'POST /v1/agent-attachments/{id}/resolve 404': { request: (t) => setPath(t, `/v1/agent-attachments/${UNKNOWN_ID}/resolve`), error: 'not_found' },
  'POST /v1/agent-attachments/{id}/resolve 409': { arrange: () => pendingAttachment(), request: resolve, error: 'conflict' },
};
