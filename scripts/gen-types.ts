/**
 * Generates the TypeScript types of the two contracts with openapi-typescript:
 *   spec/openapi.yaml  → src/generated/openapi.ts  (the public RunTools API)
 *   spec/control.yaml  → src/generated/control.ts  (the mock's control plane)
 *   spec/openapi.yaml  → src/generated/openapi-client.ts  (the same API as a client sees it)
 *
 * The handlers' types (openapi.ts) keep openapi-typescript's default, `defaultNonNullable`: a
 * field with a documented `default` is always present in what the mock answers. A client need
 * not send such a field, so the client's variant turns that off (toolchain notes §11) and
 * src/types.ts takes the request bodies from it.
 *
 *   tsx scripts/gen-types.ts           write the files
 *   tsx scripts/gen-types.ts --check   exit 1 when a committed file is stale (CI)
 *
 * The output is committed so that a change to a contract shows up as a reviewable diff of types,
 * and a handler that no longer matches it fails the type check.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

const TARGETS = [
  { spec: "spec/openapi.yaml", output: "src/generated/openapi.ts", importer: "src/api-types.ts", defaultNonNullable: true },
  { spec: "spec/control.yaml", output: "src/generated/control.ts", importer: "src/control/control-types.ts", defaultNonNullable: true },
  { spec: "spec/openapi.yaml", output: "src/generated/openapi-client.ts", importer: "src/types.ts", defaultNonNullable: false },
];

const root = new URL("../", import.meta.url);

async function render(spec: string, importer: string, defaultNonNullable: boolean): Promise<string> {
  const banner = `/**
 * GENERATED FILE: do not edit.
 * Source: ${spec}. Regenerate with \`npm run gen\`; \`npm run gen:check\` fails in CI when stale.
 * Import these types through ${importer}, never directly.
 */

`;
  const ast = await openapiTS(new URL(spec, root), { alphabetize: false, exportType: false, defaultNonNullable });
  return banner + astToString(ast);
}

const check = process.argv.includes("--check");
let stale = false;
for (const target of TARGETS) {
  if (!existsSync(new URL(target.spec, root))) continue;
  const output = fileURLToPath(new URL(target.output, root));
  const generated = await render(target.spec, target.importer, target.defaultNonNullable);
  if (check) {
    const committed = existsSync(output) ? readFileSync(output, "utf8") : "";
    if (committed !== generated) {
      console.error(`${target.output} is stale: run \`npm run gen\` and commit the result.`);
      stale = true;
    } else {
      console.log(`${target.output} is up to date.`);
    }
  } else {
    writeFileSync(output, generated);
    console.log(`wrote ${target.output}`);
  }
}
if (stale) process.exit(1);
