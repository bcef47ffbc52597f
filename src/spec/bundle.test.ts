/**
 * The bundler must read the multi-file contract exactly as Redocly does (the generated types and
 * the referees read it through Redocly), and fail clearly on what it cannot bundle.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { bundleSpec } from "./bundle.ts";
import { OPENAPI_PATH } from "./load.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "bundle-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes files below a fresh folder and answers the path of `root` there. */
function tree(files: Record<string, string>, root = "openapi.yaml"): string {
  const dir = mkdtempSync(join(scratch, "tree-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return join(dir, root);
}

/** Vendor extensions are where the two differ on purpose (bundle.ts): Redocly inlines their refs. */
function withoutExtensions(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutExtensions);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).filter(([key]) => !key.startsWith("x-")).map(([key, value]) => [key, withoutExtensions(value)]));
}

describe("bundleSpec", () => {
  it("reads spec/openapi.yaml as `redocly bundle` does", () => {
    const out = join(scratch, "redocly.json");
    execFileSync(process.execPath, [join(ROOT, "node_modules/@redocly/cli/bin/cli.js"), "bundle", OPENAPI_PATH, "-o", out, "--ext", "json"], { cwd: ROOT, stdio: "pipe" });
    const redocly = JSON.parse(readFileSync(out, "utf8")) as unknown;
    const ours = bundleSpec(OPENAPI_PATH);
    expect(withoutExtensions(ours.document)).toEqual(withoutExtensions(redocly));
    expect(ours.files.length).toBeGreaterThan(1);
  });

  it("keeps a vendor extension's ref to a named component a local ref", () => {
    const { document } = bundleSpec(OPENAPI_PATH);
    const media = (document.components as { responses: Record<string, { content: Record<string, Record<string, unknown>> }> }).responses.RunAnswer?.content["text/event-stream"];
    expect(media?.["x-sse-event-schema"]).toEqual({ $ref: "#/components/schemas/RunStreamEvent" });
  });

  it("names a component by its root entry, inlines what no entry names, and rewrites discriminator mappings", () => {
    const root = tree({
      "openapi.yaml": [
        "openapi: 3.1.0",
        "paths:",
        "  /a: { $ref: 'paths/a.yaml#/~1a' }",
        "components:",
        "  schemas:",
        "    Pet: { $ref: 'schemas/pets.yaml#/Pet' }",
        "    Cat: { $ref: 'schemas/pets.yaml#/Cat' }",
      ].join("\n"),
      "paths/a.yaml": [
        "/a:",
        "  get:",
        "    responses:",
        "      '200':",
        "        description: ok",
        "        content:",
        "          application/json:",
        "            schema: { $ref: '../schemas/pets.yaml#/Pet', description: named }",
        "      '404': { $ref: '../shared.yaml#/NotFound' }",
      ].join("\n"),
      "shared.yaml": "NotFound: { description: gone }\n",
      "schemas/pets.yaml": [
        "Pet:",
        "  oneOf: [{ $ref: '#/Cat' }]",
        "  discriminator: { propertyName: kind, mapping: { cat: '#/Cat' } }",
        "Cat:",
        "  type: object",
        "  properties: { friend: { $ref: '#/Pet' } }",
      ].join("\n"),
    });
    const { document, files } = bundleSpec(root);
    const get = (document.paths as Record<string, { get: { responses: Record<string, unknown> } }>)["/a"]?.get;
    expect(get?.responses["200"]).toEqual({ description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet", description: "named" } } } });
    expect(get?.responses["404"]).toEqual({ description: "gone" });
    expect((document.components as { schemas: unknown }).schemas).toEqual({
      Pet: { oneOf: [{ $ref: "#/components/schemas/Cat" }], discriminator: { propertyName: "kind", mapping: { cat: "#/components/schemas/Cat" } } },
      Cat: { type: "object", properties: { friend: { $ref: "#/components/schemas/Pet" } } },
    });
    expect(files).toHaveLength(4);
  });

  it("refuses a cycle that no component names, an unresolved pointer and a missing file, naming them", () => {
    const cycle = tree({ "openapi.yaml": "paths: { $ref: 'a.yaml#/A' }\n", "a.yaml": "A: { next: { $ref: '#/A' } }\n" });
    expect(() => bundleSpec(cycle)).toThrow(/\$ref cycle through .*a\.yaml#\/A/);
    const dangling = tree({ "openapi.yaml": "paths: { $ref: 'a.yaml#/Missing' }\n", "a.yaml": "A: {}\n" });
    expect(() => bundleSpec(dangling)).toThrow(/unresolved \$ref a\.yaml#\/Missing/);
    const missing = tree({ "openapi.yaml": "paths: { $ref: 'nowhere.yaml#/A' }\n" });
    expect(() => bundleSpec(missing)).toThrow(/cannot read .*nowhere\.yaml/);
  });
});
