/**
 * Prepares the two caches a start reads, so that the first `npm start` after `npm ci` is as fast
 * as every later one: the compiled contracts (src/spec/contract-cache.ts) and the bundle of the
 * sources that `bin/runtools-mock.js` runs (bin/bundle.js). Run by npm's `prepare` step; running
 * it again only finds both fresh.
 */
import { cacheDirFromEnv, loadCompiledContract } from "../src/spec/contract-cache.ts";
import { CONTROL_PATH, OPENAPI_PATH } from "../src/spec/load.ts";

const dir = cacheDirFromEnv();
if (dir === undefined) {
  console.log("runtools-mock caches: off (RUNTOOLS_MOCK_CACHE)");
} else {
  for (const path of [OPENAPI_PATH, CONTROL_PATH]) {
    const { fromCache } = loadCompiledContract(path, dir);
    console.log(`compiled contract: ${path.split("/").pop()} ${fromCache ? "already fresh" : "compiled"} in ${dir}`);
  }
  const { freshBundle } = await import("../bin/bundle.js");
  console.log(`bundle of the sources: ${await freshBundle()}`);
}
