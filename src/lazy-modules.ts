/**
 * Packages that only some starts need, loaded when first used instead of at start: together
 * they were about 100 ms of a cold start (docs/performance.md). A start from the
 * compiled-contract cache needs none of them: not the YAML parser (the cache holds the parsed
 * spec) and not ajv's compiler (the cache holds compiled validators).
 */
import { createRequire } from "node:module";
import type * as Ajv2020Module from "ajv/dist/2020.js";
import type * as AjvFormatsModule from "ajv-formats";
import type * as StandaloneModule from "ajv/dist/standalone/index.js";
import type * as YamlModule from "yaml";

const require = createRequire(import.meta.url);

/** Parses YAML (which JSON is a part of). */
export function parseYaml(text: string): unknown {
  return (require("yaml") as typeof YamlModule).parse(text);
}

/** ajv's JSON Schema 2020-12 compiler. */
export function ajv2020(): typeof Ajv2020Module {
  return require("ajv/dist/2020.js") as typeof Ajv2020Module;
}

/** ajv-formats' plugin (date-time, uuid, uri, …). */
export function addFormats(): typeof AjvFormatsModule.default.default {
  // CommonJS: `module.exports` is the plugin, and carries itself as `default` too.
  return (require("ajv-formats") as typeof AjvFormatsModule.default).default;
}

/** ajv's standalone code generator. */
export function standaloneCode(): typeof StandaloneModule.default.default {
  return (require("ajv/dist/standalone/index.js") as typeof StandaloneModule.default).default;
}
