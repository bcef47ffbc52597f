/** Dredd recipes for the `health` operations (keys and fields: ./index.cjs). */
'use strict';

module.exports = {
  'GET /health 200': { noReset: true },
};
