/**
 * Fills the compiled-contract cache (src/spec/contract-cache.ts) for both contracts, so that the
 * first `npm start` after `npm ci` is as fast as every later one. Run by npm's `prepare` step;
 * harmless to run again (a fresh entry is only read).
 */
import { cacheDirFromEnv, loadCompiledContract } from "../src/spec/contract-cache.ts";
import { CONTROL_PATH, OPENAPI_PATH } from "../src/spec/load.ts";

const dir = cacheDirFromEnv();
if (dir === undefined) {
  console.log("compiled-contract cache: off (RUNTOOLS_MOCK_CACHE)");
} else {
  for (const path of [OPENAPI_PATH, CONTROL_PATH]) {
    const { fromCache } = loadCompiledContract(path, dir);
    console.log(`compiled-contract cache: ${path.split("/").pop()} ${fromCache ? "already fresh" : "compiled"} in ${dir}`);
  }
}
