/**
 * Every Dredd recipe, joined from one file per tag in this folder (`<tag>.cjs`, each exporting an
 * object of recipes). A new tag adds a file; nothing here changes. Two files naming the same
 * transaction is an error, so a recipe is never silently replaced.
 *
 * Keyed `METHOD /path/{template} STATUS` (+ ` sse` for the text/event-stream answer). Each entry:
 *   arrange(t)  async: resources to create (after the reset); its result is passed to `request`
 *   request(t, world)  rewrites Dredd's request
 *   error       the `error.code` the answer must carry; `detail`: the pointer of its first 400 detail
 *   noReset     the transaction needs no state (health)
 *   body        the exact body text a non-JSON answer must carry (a download)
 * The 401, 403, 413, 415 and 507 of every operation share one recipe each (`genericError` in
 * ./support.cjs), as do the 400 of list operations (limit 0, `LIST_400`).
 */
'use strict';

const { readdirSync } = require('node:fs');
const { join } = require('node:path');

const SHARED = new Set(['index.cjs', 'support.cjs']);

function loadRecipes(dir = __dirname) {
  const recipes = {};
  const origin = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cjs') && !SHARED.has(f)).sort()) {
    for (const [key, recipe] of Object.entries(require(join(dir, file)))) {
      if (key in recipes) throw new Error(`Dredd recipe '${key}' is defined in both ${origin[key]} and ${file}`);
      recipes[key] = recipe;
      origin[key] = file;
    }
  }
  return recipes;
}

module.exports = { loadRecipes };
