/**
 * Dredd 14 hooks for runtools-mock (issue 6, point 1). CommonJS on purpose: the package is
 * `"type": "module"`, and Dredd only loads hooks with `require` (a `.js` hook file is skipped with a
 * warning, toolchain notes §5.4).
 *
 * Dredd generates one transaction per documented (operation, status, media type) for
 * spec/openapi.yaml. Every one of them runs against the real mock, none is skipped:
 *
 *  beforeEach (async)  1. marks the transaction with its full name (so the xunit report says which
 *                         status of which operation a test case is);
 *                      2. resets the organization of the hooks' API key (`POST /__mock/reset`), then
 *                         arranges, through the PUBLIC API, exactly the resources the transaction needs
 *                         (the sandbox `build-runner` before the agent that names it, the agent before a
 *                         run, a run before its thread, a workspace before its usage…), so each
 *                         transaction is independent of Dredd's order and of the others;
 *                      3. sends the key in `X-API-Key` (not on the 401 transactions, which send none);
 *                      4. rewrites the request so the documented status happens FOR REAL: real ids in
 *                         the path, an invalid body or parameter (400), an unknown id (404), a genuine
 *                         conflict (409), a body over 1 MiB (413), `Content-Type: text/plain` (415);
 *                      5. attaches the response's schema from the OpenAPI document (every `$ref`
 *                         inlined, converted to draft-07 for Gavel's ajv 6: ./schema.cjs) as
 *                         `t.expected.bodySchema`, so Gavel validates the whole body, not just the
 *                         example's keys.
 *  beforeEachValidation 6. accepts `; charset=utf-8` on the real Content-Type (Gavel compares it exactly);
 *                      7. parses a `text/event-stream` body into `[{id, event, data}]` so Gavel validates
 *                         every frame against `x-sse-event-schema` (RunStreamEvent).
 *  afterEach           8. checks that an error answer has the cause the hooks provoked (its `error.code`
 *                         and, for a 400, the JSON pointer of the first detail): a 404 caused by a broken
 *                         arrangement does not pass for the 404 under test. Checks the SSE frame ids
 *                         count from 1 and the stream ends with `run_completed`/`run_dispatched` (a
 *                         chat with an installed agent: `chat_completed`).
 *
 * The control plane (`/__mock/…`, loopback only) is used to reset, and to empty a balance for sandbox
 * create's real 402 (recipes/sandboxes.cjs, `PUT /__mock/billing`); Dredd always targets this mock
 * (or the broken proxy in front of it, which forwards the control plane untouched).
 * Environment: DREDD_API_KEY (default `rt_test_dredd`).
 */
'use strict';

const hooks = require('hooks');
const { loadDocument, responseSchema, sseFramesSchema } = require('./schema.cjs');
const { loadRecipes } = require('./recipes/index.cjs');
const { API_KEY, genericError, reset, setBaseUrl, setHeader } = require('./recipes/support.cjs');

const SCENARIOS = loadRecipes();
let setupError = null;
const documents = new Map();

// ─── the transactions ──────────────────────────────────────────────────────────────────────────

function mediaTypeOf(value) {
  return String(value || '').split(';')[0].trim().toLowerCase();
}

function expectedContentType(t) {
  const key = Object.keys(t.expected.headers || {}).find((k) => k.toLowerCase() === 'content-type');
  return key ? t.expected.headers[key] : undefined;
}

/** What the hooks know about one transaction (kept on it as `t.dreddHooks`). */
function describe(t) {
  const method = t.request.method.toUpperCase();
  const path = t.origin.resourceName;
  const status = Number(t.expected.statusCode);
  const mediaType = mediaTypeOf(expectedContentType(t));
  const key = `${method} ${path} ${status}${mediaType === 'text/event-stream' ? ' sse' : ''}`;
  return { key, method, path, status, mediaType, scenario: SCENARIOS[key] || genericError(status) };
}

function documentFor(t) {
  const file = t.origin.filename;
  if (!documents.has(file)) documents.set(file, loadDocument(file));
  return documents.get(file);
}

hooks.beforeAll((transactions, done) => {
  try {
    // Dredd targets one server; the hooks arrange through the same address (the mock, or a proxy before it).
    const first = transactions[0];
    if (first) setBaseUrl(`${first.protocol}//${first.host}:${first.port}`);
  } catch (error) {
    setupError = `beforeAll: ${error.stack || error}`;
  }
  done();
});

hooks.beforeEach((t, done) => {
  const info = describe(t);
  t.dreddHooks = info;
  t.id = t.name; // the xunit report names test cases by `id` ("POST (200) /v1/run" twice otherwise)
  const { scenario } = info;
  (async () => {
    if (setupError) throw new Error(setupError);
    // A transaction the hooks have no recipe for fails (it is never skipped silently): add one there.
    if (!scenario) throw new Error(`no recipe in recipes/<tag>.cjs for ${info.key}`);

    // the schema of the documented answer, validated by Gavel
    const doc = documentFor(t);
    if (info.mediaType === 'text/event-stream') {
      t.expected.bodySchema = sseFramesSchema(doc, info.path, info.method, info.status, info.mediaType);
    } else if (info.mediaType === 'application/octet-stream') {
      // Raw bytes (a downloaded file) have no JSON schema; the recipe's `bytes` says what they must be.
    } else {
      t.expected.bodySchema = responseSchema(doc, info.path, info.method, info.status, info.mediaType);
    }
    delete t.expected.body; // the example is not what is validated: the schema is

    let world;
    if (!scenario.noReset) {
      await reset();
      if (scenario.arrange) world = await scenario.arrange(t);
    }
    setHeader(t, 'Authorization', undefined);
    setHeader(t, 'X-API-Key', scenario.noKey ? undefined : API_KEY);
    if (scenario.request) scenario.request(t, world);
  })().then(
    () => done(),
    (error) => {
      t.fail = String(error && error.message ? error.message : error);
      done();
    },
  );
});

/** Parses a text/event-stream body into frames; lines it cannot read become fields the schema refuses. */
function parseEventStream(text) {
  const frames = [];
  for (const block of text.replace(/\r\n?/g, '\n').split(/\n\n+/)) {
    if (block.trim() === '') continue;
    const frame = {};
    const data = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue; // an SSE comment
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else frame[field] = value;
    }
    if (data.length) {
      const joined = data.join('\n');
      try {
        frame.data = JSON.parse(joined);
      } catch {
        frame.data = joined; // not JSON: fails `data`'s object schema
      }
    }
    frames.push(frame);
  }
  return frames;
}

hooks.beforeEachValidation((t) => {
  const real = t.real;
  if (!real || !real.headers) return;
  // Gavel compares Content-Type exactly; the mock sends `application/json; charset=utf-8`, which is the
  // documented media type with its charset. Only that parameter is accepted.
  const expected = expectedContentType(t);
  const actual = real.headers['content-type'];
  if (expected && actual && mediaTypeOf(actual) === mediaTypeOf(expected)) {
    const params = String(actual).split(';').slice(1).map((p) => p.trim().toLowerCase()).filter(Boolean);
    if (params.every((p) => p === 'charset=utf-8')) real.headers['content-type'] = expected;
  }
  if (t.dreddHooks && t.dreddHooks.mediaType === 'text/event-stream' && mediaTypeOf(actual) === 'text/event-stream') {
    real.rawBody = real.body;
    real.body = JSON.stringify(parseEventStream(real.body || ''));
  }
});

hooks.afterEach((t) => {
  const info = t.dreddHooks;
  if (!info || !info.scenario || !t.real || t.fail) return;
  const problems = [];
  if (info.scenario.body !== undefined && t.real.statusCode === info.status && t.real.body !== info.scenario.body) {
    problems.push(`expected the body ${JSON.stringify(info.scenario.body)}, got ${JSON.stringify(t.real.body)}`);
  }
  if (info.scenario.error && t.real.statusCode === info.status) {
    let body;
    try {
      body = JSON.parse(t.real.body || '');
    } catch {
      body = undefined;
    }
    const error = body && body.error;
    if (!error || error.code !== info.scenario.error) {
      problems.push(`expected error.code '${info.scenario.error}' (the cause the hooks provoked), got ${JSON.stringify(error && error.code)}`);
    }
    if (info.scenario.detail) {
      const first = error && Array.isArray(error.details) && error.details[0];
      if (!first || first.path !== info.scenario.detail) {
        problems.push(`expected the first error detail at '${info.scenario.detail}', got ${JSON.stringify(first && first.path)}`);
      }
    }
  }
  if (info.mediaType === 'text/event-stream' && t.real.rawBody !== undefined) {
    let frames = [];
    try {
      frames = JSON.parse(t.real.body);
    } catch {
      frames = [];
    }
    frames.forEach((frame, i) => {
      if (frame.id !== String(i + 1)) problems.push(`SSE frame ${i + 1} has id ${JSON.stringify(frame.id)}, expected "${i + 1}"`);
    });
    const last = frames[frames.length - 1];
    // A run's stream ends with run_completed/run_dispatched; an installed agent's chat with chat_completed.
    const ends = info.path.endsWith('/chat') ? ['chat_completed'] : ['run_completed', 'run_dispatched'];
    if (!last || !ends.includes(last.event)) {
      problems.push(`the stream ends with ${JSON.stringify(last && last.event)}, not ${ends.join(' or ')}`);
    }
  }
  if (problems.length) t.fail = problems.join('; ');
});
