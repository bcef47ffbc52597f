/**
 * What every Dredd recipe shares: the public API for arranging state, the request rewriters, and the
 * recipes common to many operations (list 400s, the generic 401/403/413/415/507). The recipes
 * themselves live one file per tag beside this one (./index.cjs joins them).
 */
'use strict';

const API_KEY = process.env.DREDD_API_KEY || 'rt_test_dredd';
const ONE_MIB = 1024 * 1024;
/** A well-formed UUID no organization has. */
const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';
const SEED_AGENT = {
  slug: 'code-assistant',
  name: 'Code Assistant',
  model: 'claude-sonnet-4',
  systemPrompt: 'You are a careful software engineering assistant.',
  tools: ['exec_command', 'write_stdin', 'apply_patch', 'web_search', 'get_dev_url'],
  sandbox: 'build-runner',
  executionMode: 'in_sandbox',
  maxIterations: 25,
  maxTokens: 16384,
};

let baseUrl = '';
/** Dredd targets one server; the hooks arrange through the same address (the mock, or a proxy before it). */
function setBaseUrl(url) {
  baseUrl = url;
}

// ─── the public API, for arranging ─────────────────────────────────────────────────────────────

/** One request; `expect` is the status it must answer, else it throws with the answer. */
async function api(method, path, { body, key = API_KEY, expect, headers: extra = {} } = {}) {
  const headers = { ...extra };
  if (key) headers['X-API-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(baseUrl + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10000),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (expect !== undefined && response.status !== expect) {
    throw new Error(`arrange: ${method} ${path} answered ${response.status}, expected ${expect}: ${text.slice(0, 300)}`);
  }
  return json;
}

const reset = () => api('POST', '/__mock/reset', { expect: 200 });

/** A sandbox, booted (`running`): with --boot-delay 0 it boots by the caller's next request. */
async function runningSandbox(body = { name: 'build-runner', template: 'base-ubuntu', tags: ['ci'] }) {
  const created = await api('POST', '/v1/sandboxes', { body, expect: 201 });
  const read = await api('GET', `/v1/sandboxes/${created.data.id}`, { expect: 200 });
  if (read.data.status !== 'running') throw new Error(`arrange: sandbox ${created.data.id} is ${read.data.status}, not running`);
  return read.data;
}

/** A sandbox that is `paused` (pause, then let the transition finish). */
async function pausedSandbox(ref) {
  await api('POST', `/v1/sandboxes/${ref}/pause`, { expect: 200 });
  const read = await api('GET', `/v1/sandboxes/${ref}`, { expect: 200 });
  if (read.data.status !== 'paused') throw new Error(`arrange: sandbox ${ref} is ${read.data.status}, not paused`);
  return read.data;
}

/** The seed page's world: sandbox build-runner (running) and the in_sandbox agent code-assistant. */
async function seedAgent() {
  const sandbox = await runningSandbox();
  const agent = await api('POST', '/v1/agents', { body: SEED_AGENT, expect: 201 });
  return { sandbox, agent: agent.data };
}

/** A finished (completed) run of code-assistant, and its thread. */
async function completedRun(prompt = 'hello') {
  const world = await seedAgent();
  const run = await api('POST', '/v1/run', { body: { agent: 'code-assistant', prompt, stream: false }, expect: 200 });
  if (run.data.status !== 'completed') throw new Error(`arrange: run is ${run.data.status}, not completed`);
  return { ...world, runId: run.data.runId, threadId: run.data.threadId, rolloutId: run.data.rolloutId };
}

/** A run that has not finished: a local-mac agent's run stays `dispatched` (the mock has no devices). */
async function dispatchedRun() {
  await api('POST', '/v1/agents', { body: { slug: 'mac-helper', executionMode: 'local-mac', targetDeviceId: 'dev_8Kq2Nf5Xr' }, expect: 201 });
  const run = await api('POST', '/v1/run', { body: { agent: 'mac-helper', prompt: 'hello', stream: false }, expect: 200 });
  if (run.data.status !== 'dispatched') throw new Error(`arrange: run is ${run.data.status}, not dispatched`);
  return { runId: run.data.runId, threadId: run.data.threadId, rolloutId: run.data.rolloutId };
}

/** The workspace `data` (slug data). */
async function dataWorkspace() {
  return (await api('POST', '/v1/workspaces', { body: { name: 'Data', slug: 'data' }, expect: 201 })).data;
}

/** The workspace `data`, mounted on a running sandbox build-runner, which code-assistant runs in. */
async function workspaceInUse() {
  const workspace = await dataWorkspace();
  await runningSandbox({ name: 'build-runner', template: 'base-ubuntu', tags: ['ci'], mounts: [{ workspaceId: workspace.id, path: '/workspace/data' }] });
  await api('POST', '/v1/agents', { body: SEED_AGENT, expect: 201 });
  return workspace;
}

async function personalWorkspace() {
  const list = await api('GET', '/v1/workspaces', { expect: 200 });
  const personal = list.data.workspaces.find((w) => w.isPersonal);
  if (!personal) throw new Error('arrange: no personal workspace');
  return personal;
}

// ─── request rewriting ─────────────────────────────────────────────────────────────────────────

/** Replaces the path (and query) Dredd requests; `t.fullPath` is what Dredd really sends. */
function setUri(t, uri) {
  const prefix = t.fullPath.endsWith(t.request.uri) ? t.fullPath.slice(0, t.fullPath.length - t.request.uri.length) : '';
  t.request.uri = uri;
  t.fullPath = prefix + uri;
}

/** Replaces the path and keeps Dredd's query: `setPath(t, '/v1/run/run_x/cancel')`. */
function setPath(t, path) {
  const query = t.request.uri.includes('?') ? t.request.uri.slice(t.request.uri.indexOf('?')) : '';
  setUri(t, path + query);
}

/** Edits the query: `{cursor: null}` removes a parameter, `{limit: 0}` sets one. */
function editQuery(t, changes) {
  const url = new URL(t.request.uri, 'http://dredd.invalid');
  for (const [name, value] of Object.entries(changes)) {
    url.searchParams.delete(name);
    if (value !== null) url.searchParams.append(name, String(value));
  }
  setUri(t, url.pathname + url.search);
}

function header(t, name) {
  const key = Object.keys(t.request.headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key;
}

function setHeader(t, name, value) {
  const existing = header(t, name);
  if (existing) delete t.request.headers[existing];
  if (value !== undefined) t.request.headers[name] = value;
}

function setBody(t, body) {
  t.request.body = typeof body === 'string' ? body : JSON.stringify(body);
}

function editBody(t, edit) {
  const body = t.request.body ? JSON.parse(t.request.body) : {};
  setBody(t, edit(body));
}

//   arrange(t)  async: resources to create (after the reset); its result is passed to `request`
//   request(t, world)  rewrites Dredd's request
//   error       the `error.code` the answer must carry; `detail`: the pointer of its first 400 detail
//   noReset     the transaction needs no state (health)
// The 401, 413 and 415 of every operation share one recipe each (`genericError`), as do the 400 of
// list operations (limit 0).

const LIST_400 = { request: (t) => editQuery(t, { cursor: null, limit: 0 }), error: 'bad_request', detail: '/query/limit' };
const LIST_200 = (arrange) => ({ arrange, request: (t) => editQuery(t, { cursor: null }) });
const LONG_SANDBOX_REF = 'x'.repeat(129);

/** The 401, 403, 413, 415 and 507 of every operation that documents them. */
function genericError(status) {
  switch (status) {
    case 401:
      return { noKey: true, error: 'unauthorized' }; // no key at all
    case 413:
      // a body over 1 MiB (valid JSON, so only its size is wrong)
      return { request: (t) => editBody(t, (b) => ({ ...b, padding: 'x'.repeat(ONE_MIB + 1) })), error: 'payload_too_large' };
    case 415:
      return { request: (t) => setHeader(t, 'Content-Type', 'text/plain'), error: 'unsupported_media_type' };
    // Answers no healthy shared server gives (spec: x-conformance-exempt): a disk that refuses a
    // --persist write (507) and a mock already at --max-orgs (403). The documented example is asked
    // for with Prism's Prefer header, so the real server still renders and sends it (README, Prefer).
    case 403:
      return { request: (t) => setHeader(t, 'Prefer', 'code=403'), error: 'forbidden' };
    case 507:
      return { request: (t) => setHeader(t, 'Prefer', 'code=507'), error: 'insufficient_storage' };
    default:
      return undefined;
  }
}

module.exports = {
  API_KEY,
  ONE_MIB,
  UNKNOWN_UUID,
  SEED_AGENT,
  LONG_SANDBOX_REF,
  LIST_200,
  LIST_400,
  setBaseUrl,
  api,
  reset,
  runningSandbox,
  pausedSandbox,
  seedAgent,
  completedRun,
  dispatchedRun,
  dataWorkspace,
  workspaceInUse,
  personalWorkspace,
  setUri,
  setPath,
  editQuery,
  setHeader,
  setBody,
  editBody,
  genericError,
};
