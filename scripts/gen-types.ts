/**
 * Generates src/generated/openapi.ts from spec/openapi.yaml with openapi-typescript.
 *
 *   tsx scripts/gen-types.ts           write the file
 *   tsx scripts/gen-types.ts --check   exit 1 when the committed file is stale (CI)
 *
 * The output is committed (DESIGN.md "Conventions") so that a change to the contract shows up
 * as a reviewable diff of types, and a handler that no longer matches it fails the type check.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const SPEC = new URL("../spec/openapi.yaml", import.meta.url);
const OUTPUT = fileURLToPath(new URL("../src/generated/openapi.ts", import.meta.url));

const BANNER = `/**
 * GENERATED FILE: do not edit.
 * Source: spec/openapi.yaml. Regenerate with \`npm run gen\`; \`npm run gen:check\` fails in CI when stale.
 * Import these types through src/api-types.ts, never directly.
 */

`;

async function render(): Promise<string> {
  const ast = await openapiTS(SPEC, { alphabetize: false, exportType: false });
  return BANNER + astToString(ast);
}

const generated = await render();
if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(OUTPUT, "utf8");
  } catch {
    // a missing file is stale too
  }
  if (committed !== generated) {
    console.error("src/generated/openapi.ts is stale: run `npm run gen` and commit the result.");
    process.exit(1);
  }
  console.log("src/generated/openapi.ts is up to date.");
} else {
  writeFileSync(OUTPUT, generated);
  console.log(`wrote ${OUTPUT}`);
}
