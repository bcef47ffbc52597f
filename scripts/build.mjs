/**
 * Builds the package that `npm pack` and `npm publish` ship (run by `prepare`, so `npm ci` in a
 * clone and an install from git build it too; dist/ is never committed):
 *
 *   1. dist/**.js and .d.ts: tsc over src/ (tsconfig.build.json). The sources import `.ts`
 *      paths; `rewriteRelativeImportExtensions` turns them into `.js` in the output.
 *   2. dist/contract-cache/: both contracts compiled once (src/spec/contract-cache.ts), read by
 *      the installed package so that its first start is as fast as any other.
 *   3. dist/cli/cli.mjs: the command as one esbuild bundle (bin/bundle.js), which starts about
 *      200 ms sooner than the same modules loaded one by one from dist/ (docs/performance.md).
 *      Each module's `import.meta.url` points at its twin in dist/, relative to the bundle, so
 *      the installed package finds its specs and caches wherever it is installed.
 *
 * Plain JavaScript on purpose: it runs before anything is built, with only the devDependencies
 * (typescript) that npm installs for `prepare`.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { buildBundle } from "../bin/bundle.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const require = createRequire(import.meta.url);

rmSync(new URL("../dist/", import.meta.url), { recursive: true, force: true });
const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const { loadCompiledContract } = await import("../dist/spec/contract-cache.js");
const { CONTROL_PATH, OPENAPI_PATH } = await import("../dist/spec/load.js");
const shipped = fileURLToPath(new URL("../dist/contract-cache/", import.meta.url));
for (const path of [OPENAPI_PATH, CONTROL_PATH]) loadCompiledContract(path, shipped);
const bundleDir = fileURLToPath(new URL("../dist/cli", import.meta.url));
const src = fileURLToPath(new URL("../src/", import.meta.url));
await buildBundle(bundleDir, (sourcePath) => {
  const twin = `../${relative(src, sourcePath).replaceAll("\\", "/").replace(/\.ts$/, ".js")}`;
  return `new URL(${JSON.stringify(twin)}, import.meta.url).href`;
});
console.log("runtools-mock: built dist/ (JavaScript, declarations, compiled contracts, the command's bundle)");
