/**
 * Writes spec/openapi.yaml (or the document given) as one file, every `$ref` to another file
 * bundled in (src/spec/bundle.ts), for tools that read a single document: Dredd's OAS3 adapter
 * resolves no file refs.
 *
 *   tsx scripts/bundle-spec.ts [--spec spec/openapi.yaml] <out.json|out.yaml>
 *
 * JSON is written for a `.json` target (every YAML 1.1 parser, Dredd's among them, reads it as is),
 * YAML otherwise.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { bundleSpec } from "../src/spec/bundle.ts";
import { OPENAPI_PATH } from "../src/spec/load.ts";

/** Bundles `spec` into `out`; answers `out`. */
export function writeBundledSpec(out: string, spec: string = OPENAPI_PATH): string {
  const { document } = bundleSpec(spec);
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(out, out.endsWith(".json") ? `${JSON.stringify(document, null, 2)}\n` : stringify(document, { lineWidth: 0 }));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ options: { spec: { type: "string" } }, allowPositionals: true });
  const out = positionals[0];
  if (out === undefined) {
    process.stderr.write("usage: tsx scripts/bundle-spec.ts [--spec spec/openapi.yaml] <out.json|out.yaml>\n");
    process.exit(2);
  }
  console.log(`wrote ${writeBundledSpec(out, values.spec ?? OPENAPI_PATH)}`);
}
