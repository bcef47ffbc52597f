/** Dredd recipes for the `execute` operations (keys and fields: ./index.cjs). */
'use strict';

const { setBody } = require('./support.cjs');

module.exports = {
  'POST /v1/execute 200': {}, // the documented bash example runs in a fresh shell
  // only bash runs in the mock; other languages are a documented 400 unless a response script answers
  'POST /v1/execute 400': { request: (t) => setBody(t, { language: 'python', code: 'print(1)' }), error: 'bad_request', detail: '/body/language' },
};
