// The command runs from a JavaScript bundle of src/, built with esbuild (a dependency, at the
// version tsx also uses) and kept in node_modules/.cache/runtools-mock/. Going through tsx's
// loader cost about 180 ms of every start (a loader thread, and a round trip to it per module);
// the bundle loads in a few ms (docs/performance.md). The bundle is named by a SHA-256 of every
// source file, so an edited source is rebuilt on the next start (~0.1 s) and a stale bundle is
// never run.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SRC = join(ROOT, "src");
const ENTRY = join(SRC, "cli.ts");

/** Where bundles live: the compiled-contract cache's directory (src/spec/contract-cache.ts). */
export function bundleDir(env = process.env) {
  return env.RUNTOOLS_MOCK_CACHE_DIR || join(ROOT, "node_modules/.cache/runtools-mock");
}

/** The sources that go into the bundle: every .ts file under `srcDir` but the tests. */
function sourceFiles(srcDir) {
  return readdirSync(srcDir, { recursive: true })
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"))
    .sort();
}

/** A bundle's name (a directory): a hash of the sources, the package manifest and this file. */
export function bundleName(srcDir = SRC) {
  const hash = createHash("sha256");
  for (const name of sourceFiles(srcDir)) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(srcDir, name)));
  }
  hash.update(readFileSync(join(ROOT, "package.json")));
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  return `cli-${hash.digest("hex").slice(0, 32)}`;
}

/**
 * Builds the bundle into the directory `outdir`. Packages stay external (resolved from
 * node_modules at run time). Dynamic imports become chunks of their own (`splitting`), so what
 * only they import (Express, for the Express adapter) is not loaded at start. Each source's
 * `import.meta.url` becomes `metaUrlOf(sourcePath)` (a JavaScript expression), so paths computed
 * from it (the specs, the caches) mean what they mean when that module runs unbundled.
 */
export async function buildBundle(outdir, metaUrlOf = (path) => JSON.stringify(pathToFileURL(path).href)) {
  const { build: esbuild } = await import("esbuild");
  const { readFile } = await import("node:fs/promises");
  const temp = `${outdir}.${process.pid}.tmp`;
  await esbuild({
    entryPoints: { cli: ENTRY },
    outdir: temp,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "error",
    plugins: [
      {
        name: "source-import-meta-url",
        setup(builder) {
          builder.onLoad({ filter: /\.ts$/ }, async (args) => ({
            contents: (await readFile(args.path, "utf8")).replaceAll("import.meta.url", metaUrlOf(args.path)),
            loader: "ts",
          }));
        },
      },
    ],
  });
  try {
    renameSync(temp, outdir);
  } catch (error) {
    // Another process built the same sources first: theirs is as good.
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(outdir)) throw error;
  }
}

/**
 * The entry file of a bundle of the current sources, built now if there is none. Throws when
 * the caches are switched off (`RUNTOOLS_MOCK_CACHE=off`): the command then runs the sources.
 */
export async function freshBundle(dir = bundleDir()) {
  if (process.env.RUNTOOLS_MOCK_CACHE === "off" || process.env.RUNTOOLS_MOCK_CACHE === "0") throw new Error("caches are off (RUNTOOLS_MOCK_CACHE)");
  const name = bundleName();
  const entry = join(dir, name, "cli.mjs");
  if (existsSync(entry)) return entry;
  mkdirSync(dir, { recursive: true });
  await buildBundle(join(dir, name));
  // Older bundles are of sources that no longer exist.
  for (const other of readdirSync(dir)) {
    if (other.startsWith("cli-") && other !== name && !other.endsWith(".tmp")) rmSync(join(dir, other), { recursive: true, force: true });
  }
  return entry;
}

