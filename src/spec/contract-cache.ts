/**
 * A contract compiled once per spec, kept on disk: the parsed document as JSON and ajv's
 * standalone code of every validator. Parsing the YAML and compiling the validators took
 * about 550 ms of every start (docs/performance.md), longer than everything else a start does;
 * a cached contract loads in a few milliseconds. The cache is an accelerator only:
 *
 *   - its key is a SHA-256 of every file of the spec's folder (the root and the files it refers to,
 *     bundle.ts), of bundle.ts, load.ts and validators.ts (which decide what is compiled and how) and
 *     of the ajv versions, so an edited spec or compiler is never served stale;
 *   - a missing, unreadable or corrupt entry means "compile as before", and the fresh result is
 *     written back (temp file, then rename: a reader never sees half an entry);
 *   - where it lives: `node_modules/.cache/runtools-mock/` (the convention of babel, eslint and
 *     find-cache-dir), or `RUNTOOLS_MOCK_CACHE_DIR`; `RUNTOOLS_MOCK_CACHE=off` turns it off.
 *
 * `npm ci` fills it (the `prepare` script), so even the first `npm start` is a cached start.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { standaloneCode } from "../lazy-modules.ts";
import { bundleSpec } from "./bundle.ts";
import { buildSpecModel, type JsonSchema, type SpecModel } from "./load.ts";
import { ajvCompiler, compileValidators, planSchemas, type Direction, type SpecValidators, type ValidatorSource } from "./validators.ts";
import type { ValidateFunction } from "ajv/dist/2020.js";

/** Bumped when the layout of an entry changes. */
const ENTRY_FORMAT = 1;

const require = createRequire(import.meta.url);
const DEFAULT_DIR = fileURLToPath(new URL("../../node_modules/.cache/runtools-mock/", import.meta.url));
/**
 * The built package (dist/) ships the entries of its own contracts here, compiled by `npm run
 * build`, so that the first start after `npm install runtools-mock` is a cached start too. It is
 * only read; from the sources (src/contract-cache/ does not exist) it is simply never found.
 */
const SHIPPED_DIR = fileURLToPath(new URL("../contract-cache/", import.meta.url));
/** `.ts` when running from the sources, `.js` from the built package. */
const OWN_EXTENSION = extname(fileURLToPath(import.meta.url));
/** What decides which schemas are compiled and how: the model built from the document, and the compiler. */
const COMPILER_SOURCES = ["./bundle", "./load", "./validators"].map((path) => fileURLToPath(new URL(path + OWN_EXTENSION, import.meta.url)));

/** A loaded contract and whether it came from the cache. */
export interface CompiledContract {
  spec: SpecModel;
  validators: SpecValidators;
  fromCache: boolean;
  /** What decides these validators (the spec's files, the compiler): equal fingerprints, equal checks. */
  fingerprint: string;
}

/** What an entry holds. */
interface CacheEntry {
  format: number;
  document: JsonSchema;
  /** ajv standalone code (CommonJS), one module per ajv configuration. */
  code: Record<Direction, string>;
}

/** The cache directory the environment asks for, or undefined when caching is off. */
export function cacheDirFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.RUNTOOLS_MOCK_CACHE === "off" || env.RUNTOOLS_MOCK_CACHE === "0") return undefined;
  return env.RUNTOOLS_MOCK_CACHE_DIR || DEFAULT_DIR;
}

/** Loads the contract at `specPath` from the cache, or compiles it (and caches it when `cacheDir` is set). */
export function loadCompiledContract(specPath: string, cacheDir: string | undefined = cacheDirFromEnv()): CompiledContract {
  const key = fingerprint(specPath);
  if (cacheDir === undefined) {
    const spec = buildSpecModel(bundleSpec(specPath).document);
    return { spec, validators: compileValidators(spec), fromCache: false, fingerprint: key };
  }
  const name = `${basename(specPath)}-${key}.json`;
  const file = join(cacheDir, name);
  const cached = readEntry(file, key) ?? readEntry(join(SHIPPED_DIR, name), key);
  if (cached) return cached;

  const spec = buildSpecModel(bundleSpec(specPath).document);
  const compiler = ajvCompiler(spec, { emitSource: true });
  const validators = compileValidators(spec, compiler.source);
  writeEntry(file, basename(specPath), { format: ENTRY_FORMAT, document: spec.document, code: standaloneModules(spec, compiler) });
  return { spec, validators, fromCache: false, fingerprint: key };
}

/**
 * The entry's key. The root's own bytes cannot tell whether a file it refers to changed, and
 * finding those files means parsing the YAML, which is what the cache saves; so every YAML or
 * JSON file below the spec's folder counts (a change to a sibling contract only costs a rebuild).
 */
function fingerprint(specPath: string): string {
  const hash = createHash("sha256");
  hash.update(`format ${ENTRY_FORMAT}\0`);
  for (const name of ["ajv", "ajv-formats"]) hash.update(`${name} ${(require(`${name}/package.json`) as { version: string }).version}\0`);
  for (const source of COMPILER_SOURCES) {
    hash.update(readFileSync(source));
    hash.update("\0");
  }
  hash.update(`${basename(specPath)}\0`);
  const folder = dirname(specPath);
  const files = (readdirSync(folder, { recursive: true }) as string[]).filter((name) => /\.(ya?ml|json)$/.test(name)).sort();
  for (const name of files) {
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(folder, name)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 32);
}

/** Every planned validator as standalone code, exported under its plan key. */
function standaloneModules(spec: SpecModel, compiler: ReturnType<typeof ajvCompiler>): Record<Direction, string> {
  const keys: Record<Direction, Record<string, string>> = { params: {}, requests: {}, responses: {} };
  for (const planned of planSchemas(spec)) {
    compiler.source(planned);
    keys[planned.direction][planned.key] = planned.key;
  }
  return {
    params: standaloneCode()(compiler.instances.params, keys.params),
    requests: standaloneCode()(compiler.instances.requests, keys.requests),
    responses: standaloneCode()(compiler.instances.responses, keys.responses),
  };
}

function readEntry(file: string, fingerprint: string): CompiledContract | undefined {
  let entry: CacheEntry;
  try {
    entry = JSON.parse(readFileSync(file, "utf8")) as CacheEntry;
  } catch {
    return undefined;
  }
  if (entry.format !== ENTRY_FORMAT) return undefined;
  try {
    const modules = {
      params: evaluate(entry.code.params),
      requests: evaluate(entry.code.requests),
      responses: evaluate(entry.code.responses),
    };
    const source: ValidatorSource = (planned) => {
      const validate = modules[planned.direction][planned.key];
      if (typeof validate !== "function") throw new Error(`cache entry lacks ${planned.key}`);
      return validate;
    };
    const spec = buildSpecModel(entry.document);
    return { spec, validators: compileValidators(spec, source), fromCache: true, fingerprint };
  } catch {
    // An entry that does not fit this build (or was damaged) is compiled afresh.
    return undefined;
  }
}

/** Runs one standalone CommonJS module; its `require` resolves ajv's runtime helpers and formats. */
function evaluate(code: string): Record<string, ValidateFunction> {
  const module = { exports: {} as Record<string, ValidateFunction> };
  // ajv generates this code itself (ajv.compile does the same with `new Function`).
  new Function("require", "module", "exports", code)(require, module, module.exports);
  return module.exports;
}

/** Writes atomically and drops the older entries of the same spec; a failure only costs speed. */
function writeEntry(file: string, specName: string, entry: CacheEntry): void {
  try {
    const dir = join(file, "..");
    mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entry));
    renameSync(temp, file);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(`${specName}-`) && join(dir, name) !== file && !name.endsWith(".tmp")) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A read-only install still works; it compiles at every start.
  }
}
