/** Dredd recipes for the `workspace-files` operations, the storage service (keys and fields: ./index.cjs). */
'use strict';

const { api, dataWorkspace, setPath, setUri, editQuery, setBody, setHeader, UNKNOWN_UUID } = require('./support.cjs');

/** The workspace `data` holding /docs/readme.md ("hello") and /blob.bin. */
async function filledWorkspace() {
  const workspace = await dataWorkspace();
  const files = `/v1/workspaces/${workspace.id}/files`;
  await api('POST', files, { body: { name: 'docs', type: 'folder' }, expect: 200 });
  await api('POST', `${files}/docs`, { body: { name: 'readme.md', type: 'file', contents: 'hello' }, expect: 200 });
  await api('POST', files, { body: { name: 'blob.bin', type: 'file', contents: 'AP8=', encoding: 'base64' }, expect: 200 });
  return workspace;
}

const BOUNDARY = 'dreddboundary';
/** A multipart body with one text file part, as Dredd sends strings. */
function setUpload(t, name = 'up.txt', contents = 'uploaded') {
  setHeader(t, 'Content-Type', `multipart/form-data; boundary=${BOUNDARY}`);
  t.request.body = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n${contents}\r\n--${BOUNDARY}--\r\n`;
}

const base = (w) => `/v1/workspaces/${w.id}`;
const recipes = {};

/** 200, 400 (not a UUID) and 404 (unknown workspace) of an operation at `suffix` (after the workspace id). */
function threeWays(key, suffix, request200 = () => undefined, body) {
  const withBody = (t) => body !== undefined && setBody(t, body);
  recipes[`${key} 200`] = { arrange: filledWorkspace, request: (t, w) => (setPath(t, base(w) + suffix), withBody(t), request200(t, w)) };
  recipes[`${key} 400`] = { request: (t) => (setPath(t, `/v1/workspaces/not-a-uuid${suffix}`), withBody(t), request200(t)), error: 'bad_request', detail: '/path/id' };
  recipes[`${key} 404`] = { request: (t) => (setPath(t, `/v1/workspaces/${UNKNOWN_UUID}${suffix}`), withBody(t), request200(t)), error: 'not_found' };
}

threeWays('GET /v1/workspaces/{id}/files', '/files');
threeWays('GET /v1/workspaces/{id}/files/{path}', '/files/docs');
threeWays('GET /v1/workspaces/{id}/info', '/info');
threeWays('GET /v1/workspaces/{id}/info/{path}', '/info/docs');
threeWays('GET /v1/workspaces/{id}/direct', '/direct', (t) => editQuery(t, { id: '/docs/readme.md' }));
recipes['GET /v1/workspaces/{id}/direct 200'].body = 'hello';
threeWays('POST /v1/workspaces/{id}/files', '/files', undefined, { name: 'new.txt', type: 'file', contents: 'x' });
threeWays('POST /v1/workspaces/{id}/files/{path}', '/files/docs', undefined, { name: 'new.txt', type: 'file', contents: 'x' });
threeWays('PUT /v1/workspaces/{id}/files/{path}', '/files/docs/readme.md', undefined, { operation: 'rename', target: 'README.md' });
threeWays('PUT /v1/workspaces/{id}/files', '/files', undefined, { operation: 'move', ids: ['/blob.bin'], target: '/docs' });
threeWays('DELETE /v1/workspaces/{id}/files', '/files', undefined, { ids: ['/blob.bin'] });
threeWays('POST /v1/workspaces/{id}/upload', '/upload', (t) => setUpload(t));
threeWays('POST /v1/workspaces/{id}/upload/{path}', '/upload/docs', (t) => setUpload(t));

// 409: a name already taken.
const clash = (key, suffix, body) => {
  recipes[`${key} 409`] = { arrange: filledWorkspace, request: (t, w) => (setPath(t, base(w) + suffix), setBody(t, body)), error: 'conflict' };
};
clash('POST /v1/workspaces/{id}/files', '/files', { name: 'docs', type: 'file' });
clash('POST /v1/workspaces/{id}/files/{path}', '/files/docs', { name: 'readme.md', type: 'file' });
clash('PUT /v1/workspaces/{id}/files/{path}', '/files/docs/readme.md', { operation: 'copy', target: '/docs' });
clash('PUT /v1/workspaces/{id}/files', '/files', { operation: 'copy', ids: ['/docs/readme.md'], target: '/docs' });

// Uploads: 413 and 415 are their own (a multipart body, not JSON).
for (const [key, suffix] of [['POST /v1/workspaces/{id}/upload', '/upload'], ['POST /v1/workspaces/{id}/upload/{path}', '/upload/docs']]) {
  recipes[`${key} 415`] = { arrange: filledWorkspace, request: (t, w) => (setPath(t, base(w) + suffix), setHeader(t, 'Content-Type', 'application/json'), setBody(t, { file: 'x' })), error: 'unsupported_media_type' };
  // A 100 MiB body is too much for Dredd's client to send to a server that answers before reading it
  // (test/http/workspace-files.test.ts and the conformance cases send it); the documented example is
  // asked for with the Prefer header, which the real server renders and sends (README, Prefer).
  recipes[`${key} 413`] = { arrange: filledWorkspace, request: (t, w) => (setPath(t, base(w) + suffix), setUpload(t), setHeader(t, 'Prefer', 'code=413')), error: 'payload_too_large' };
}

// The generic 401/403/507 send no multipart body, which an upload refuses first (415); and the root
// upload's path has no example id for Dredd (its query parameter is also named `id`).
for (const [key, suffix] of [['POST /v1/workspaces/{id}/upload', '/upload'], ['POST /v1/workspaces/{id}/upload/{path}', '/upload/docs']]) {
  const at = (t) => (setPath(t, `/v1/workspaces/${UNKNOWN_UUID}${suffix}`), setUpload(t));
  recipes[`${key} 401`] = { noKey: true, request: at, error: 'unauthorized' };
  recipes[`${key} 403`] = { request: (t) => (at(t), setHeader(t, 'Prefer', 'code=403')), error: 'forbidden' };
  recipes[`${key} 507`] = { request: (t) => (at(t), setHeader(t, 'Prefer', 'code=507')), error: 'insufficient_storage' };
}

module.exports = recipes;
