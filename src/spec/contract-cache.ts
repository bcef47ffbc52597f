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
import { ajvCompiler, compileValidators, planSchemas, type Direction, type PlannedSchema, type SpecValidators, type ValidatorSource } from "./validators.ts";
import type { ValidateFunction } from "ajv/dist/2020.js";

/**
 * Bumped when the layout of an entry changes (2: the responses' code moved to a file of its own;
 * 3: the code is ASCII, asciiOnly).
 */
const ENTRY_FORMAT = 3;

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

/**
 * What an entry holds: the document, and ajv's standalone code (CommonJS) for the parameters and
 * request bodies, which every request needs. The responses' code, three quarters of the whole, is
 * beside it in a file of its own (`responsesFile`), read and run on the first response checked:
 * a start that checks none (the command without --validate-responses) never pays for it.
 */
interface CacheEntry {
  format: number;
  document: JsonSchema;
  code: Record<EagerDirection, string>;
}

type EagerDirection = Exclude<Direction, "responses">;

/** The file that holds an entry's responses' code. */
const responsesFile = (entryFile: string) => entryFile.replace(/\.json$/, ".responses.js");

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
  const { params, requests, responses } = standaloneModules(spec, compiler);
  writeEntry(file, basename(specPath), { format: ENTRY_FORMAT, document: spec.document, code: { params, requests } }, responses);
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
    params: asciiOnly(standaloneCode()(compiler.instances.params, keys.params)),
    requests: asciiOnly(standaloneCode()(compiler.instances.requests, keys.requests)),
    responses: asciiOnly(standaloneCode()(compiler.instances.responses, keys.responses)),
  };
}

/**
 * The code with every character outside ASCII written as a `\uXXXX` escape (per UTF-16 unit, so a
 * character beyond the BMP becomes its surrogate pair, which string literals and `u` RegExps read
 * back as the one character). The code embeds the spec's schemas, whose descriptions hold "…",
 * "§" and "→"; one such character makes V8 keep the whole source (3.8 MB for the responses)
 * at two bytes a character, for as long as the functions compiled from it live.
 * Non-ASCII characters in ajv's code appear only inside JSON-quoted literals and comments, where
 * the escape means the same character.
 */
export function asciiOnly(code: string): string {
  return code.replace(/[^\x00-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`);
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
    const modules = { params: evaluate(entry.code.params), requests: evaluate(entry.code.requests) };
    const spec = buildSpecModel(entry.document);
    const responses = deferredResponses(responsesFile(file), spec);
    const source: ValidatorSource = (planned) => {
      if (planned.direction === "responses") return responses(planned);
      const validate = modules[planned.direction][planned.key];
      if (typeof validate !== "function") throw new Error(`cache entry lacks ${planned.key}`);
      return validate;
    };
    return { spec, validators: compileValidators(spec, source), fromCache: true, fingerprint };
  } catch {
    // An entry that does not fit this build (or was damaged) is compiled afresh.
    return undefined;
  }
}

/**
 * The responses' validators of an entry, each run from the responses' file on its first call. A
 * file that is missing or cannot be run costs a compile of each schema asked for, as a damaged
 * entry costs a compile of the whole contract: the judgement is the same either way.
 */
function deferredResponses(file: string, spec: SpecModel): ValidatorSource {
  let module: Record<string, ValidateFunction> | undefined;
  let compiler: ReturnType<typeof ajvCompiler> | undefined;
  const resolve = (planned: PlannedSchema): ValidateFunction => {
    if (module === undefined) {
      try {
        module = evaluate(readFileSync(file, "utf8"));
      } catch {
        module = {};
      }
    }
    const found = module[planned.key];
    if (typeof found === "function") return found;
    compiler ??= ajvCompiler(spec);
    return compiler.source(planned);
  };
  return (planned) => {
    let validate: ValidateFunction | undefined;
    // ajv reports a call's errors on the function itself; the stand-in passes them on.
    const deferred = ((data: unknown) => {
      validate ??= resolve(planned);
      const valid = validate(data);
      deferred.errors = validate.errors ?? null;
      return valid;
    }) as ValidateFunction;
    return deferred;
  };
}

/** Runs one standalone CommonJS module; its `require` resolves ajv's runtime helpers and formats. */
function evaluate(code: string): Record<string, ValidateFunction> {
  const module = { exports: {} as Record<string, ValidateFunction> };
  // ajv generates this code itself (ajv.compile does the same with `new Function`).
  new Function("require", "module", "exports", code)(require, module, module.exports);
  return module.exports;
}

/**
 * Writes atomically (the responses' file first: an entry is never found before it) and drops the
 * older entries of the same spec; a failure only costs speed.
 */
function writeEntry(file: string, specName: string, entry: CacheEntry, responses: string): void {
  try {
    const dir = join(file, "..");
    mkdirSync(dir, { recursive: true });
    const written = [responsesFile(file), file];
    for (const [target, text] of [[responsesFile(file), responses], [file, JSON.stringify(entry)]] as const) {
      const temp = `${target}.${process.pid}.tmp`;
      writeFileSync(temp, text);
      renameSync(temp, target);
    }
    for (const name of readdirSync(dir)) {
      if (name.startsWith(`${specName}-`) && !written.includes(join(dir, name)) && !name.endsWith(".tmp")) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A read-only install still works; it compiles at every start.
  }
}
