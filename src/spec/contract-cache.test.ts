/**
 * The compiled-contract cache: a hit must judge every value exactly as a fresh compile does,
 * and anything wrong with the cache (stale, damaged, unwritable) must cost only speed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { asciiOnly, cacheDirFromEnv, loadCompiledContract } from "./contract-cache.ts";
import { CONTROL_PATH, OPENAPI_PATH, type SpecModel } from "./load.ts";
import type { SpecValidators } from "./validators.ts";

const scratch = mkdtempSync(join(tmpdir(), "contract-cache-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A private copy of a spec's folder (the root refers to files beside it), so a test can edit it. */
function specCopy(source: string, name: string): string {
  const dir = mkdtempSync(join(scratch, `${name}-`));
  cpSync(dirname(source), dir, { recursive: true });
  return join(dir, basename(source));
}

/** Values every validator is asked about: each documented example, and values of the wrong shape. */
const PROBES: readonly unknown[] = [{}, null, "text", 42, [], { data: {} }, { data: { id: 7 } }, { error: { code: "x" } }];
/** Fresh copies: request validators fill documented defaults into what they are given. */
const probes = () => structuredClone(PROBES) as unknown[];

/** Everything a validator set answers over the probes, as data that can be compared. */
function verdicts(spec: SpecModel, validators: SpecValidators): unknown[] {
  const out: unknown[] = [];
  for (const op of spec.operations) {
    const checks = validators.operation(op.operationId);
    const path = Object.fromEntries(op.parameters.filter((p) => p.in === "path").map((p) => [p.name, "probe"]));
    for (const query of ["", "limit=abc", "limit=5&cursor=x&force=maybe", "limit=0"]) {
      out.push([op.operationId, query, checks.params({ path, query: new URLSearchParams(query), headers: { prefer: "code=200" } })]);
    }
    for (const probe of probes()) out.push([op.operationId, "body", checks.body?.(probe)]);
    for (const [status, response] of op.responses) {
      const check = checks.responses.get(status);
      for (const probe of [...structuredClone([...response.examples.values()]), ...probes()]) out.push([op.operationId, status, check?.(probe)]);
      for (const probe of probes()) out.push([op.operationId, status, "event", checks.events.get(status)?.(probe)]);
    }
  }
  for (const name of Object.keys(spec.schemas)) for (const probe of probes()) out.push([name, validators.component(name)(probe)]);
  return out;
}

describe.each([
  ["the public contract", OPENAPI_PATH],
  ["the control plane's contract", CONTROL_PATH],
])("%s", (_name, source) => {
  it("compiles and writes one entry, then loads from it, judging every value exactly as the compile did", () => {
    const spec = specCopy(source, "roundtrip");
    const dir = join(scratch, `cache-${readdirSync(scratch).length}`);
    const compiled = loadCompiledContract(spec, dir);
    expect(compiled.fromCache).toBe(false);
    // The entry, and the responses' code beside it.
    expect(readdirSync(dir).map((name) => name.replace(/-[0-9a-f]{32}/, ""))).toEqual([`${basename(spec)}.json`, `${basename(spec)}.responses.js`]);
    // The code is ASCII (asciiOnly), though the document it embeds is not.
    const files = readdirSync(dir).map((name) => readFileSync(join(dir, name), "utf8"));
    const entry = JSON.parse(files[0] as string) as { document: unknown; code: Record<string, string> };
    expect(JSON.stringify(entry.document)).toMatch(/[^\x00-\x7f]/);
    for (const code of [...Object.values(entry.code), files[1] as string]) expect(code).not.toMatch(/[^\x00-\x7f]/);

    const cached = loadCompiledContract(spec, dir);
    expect(cached.fromCache).toBe(true);
    expect(cached.spec.document).toEqual(compiled.spec.document);
    expect(cached.spec.operations.map((op) => op.operationId)).toEqual(compiled.spec.operations.map((op) => op.operationId));
    const expected = verdicts(compiled.spec, compiled.validators);
    // The probes reach both outcomes, so the comparison below says something.
    expect(JSON.stringify(expected)).toContain('"message"');
    expect(expected.some((v) => Array.isArray(v) && Array.isArray(v.at(-1)) && (v.at(-1) as unknown[]).length === 0)).toBe(true);
    expect(verdicts(cached.spec, cached.validators)).toEqual(expected);
  });
});

describe("keeping the cache honest", () => {
  it("an edited spec is another entry, and replaces the old one", () => {
    const spec = specCopy(OPENAPI_PATH, "edited");
    const dir = join(scratch, "edited-cache");
    loadCompiledContract(spec, dir);
    const before = readdirSync(dir);
    writeFileSync(spec, readFileSync(spec, "utf8").replace("title: RunTools API (runtools-mock contract)", "title: Edited"));
    const edited = loadCompiledContract(spec, dir);
    expect(edited.fromCache).toBe(false);
    expect((edited.spec.document.info as { title: string }).title).toBe("Edited");
    const after = readdirSync(dir);
    expect(after).toHaveLength(2);
    expect(after.filter((name) => before.includes(name))).toEqual([]);
  });

  it("an edit to a file the root refers to is another entry too", () => {
    const spec = specCopy(OPENAPI_PATH, "edited-part");
    const dir = join(scratch, "edited-part-cache");
    loadCompiledContract(spec, dir);
    const part = join(dirname(spec), "paths/health.yaml");
    writeFileSync(part, readFileSync(part, "utf8").replace("summary: Health check", "summary: Edited health check"));
    const edited = loadCompiledContract(spec, dir);
    expect(edited.fromCache).toBe(false);
    expect(JSON.stringify(edited.spec.document)).toContain("Edited health check");
  });

  it("a damaged entry is compiled afresh and written again", () => {
    const spec = specCopy(CONTROL_PATH, "damaged");
    const dir = join(scratch, "damaged-cache");
    loadCompiledContract(spec, dir);
    const entry = readdirSync(dir).find((name) => name.endsWith(".json")) as string;
    for (const damage of ["{not json", JSON.stringify({ format: 2, document: {}, code: { params: "throw new Error()", requests: "" } })]) {
      writeFileSync(join(dir, entry), damage);
      expect(loadCompiledContract(spec, dir).fromCache).toBe(false);
      expect(loadCompiledContract(spec, dir).fromCache).toBe(true);
    }
  });

  it("runs the responses' code on the first response checked, not at load", () => {
    const spec = specCopy(CONTROL_PATH, "deferred");
    const dir = join(scratch, "deferred-cache");
    loadCompiledContract(spec, dir);
    const responses = join(dir, readdirSync(dir).find((name) => name.endsWith(".responses.js")) as string);
    const marker = globalThis as { responsesRan?: number };
    marker.responsesRan = 0;
    writeFileSync(responses, `globalThis.responsesRan += 1;\n${readFileSync(responses, "utf8")}`);
    const cached = loadCompiledContract(spec, dir);
    expect(cached.fromCache).toBe(true);
    expect(cached.validators.operation("exportState").params({ path: {}, query: new URLSearchParams(), headers: {} }).errors).toEqual([]);
    expect(marker.responsesRan).toBe(0);
    expect(cached.validators.component("ErrorResponse")({})).not.toEqual([]);
    expect(cached.validators.component("ErrorResponse")({ error: {} })).not.toEqual([]);
    expect(marker.responsesRan).toBe(1);
  });

  it.each([
    ["missing", (file: string) => rmSync(file)],
    ["damaged", (file: string) => writeFileSync(file, "throw new Error('damaged')")],
    ["foreign", (file: string) => writeFileSync(file, "module.exports = {};")],
  ])("a %s responses' file costs a compile of what is asked, and judges as the compile did", (_case, damage) => {
    const spec = specCopy(OPENAPI_PATH, "responses-damaged");
    const dir = join(scratch, `responses-damaged-${readdirSync(scratch).length}`);
    const compiled = loadCompiledContract(spec, dir);
    damage(join(dir, readdirSync(dir).find((name) => name.endsWith(".responses.js")) as string));
    const cached = loadCompiledContract(spec, dir);
    expect(cached.fromCache).toBe(true);
    expect(verdicts(cached.spec, cached.validators)).toEqual(verdicts(compiled.spec, compiled.validators));
  });

  it("a cache directory that cannot be created still serves a compiled contract", () => {
    const blocker = join(scratch, "a-file");
    writeFileSync(blocker, "");
    const spec = specCopy(CONTROL_PATH, "unwritable");
    const contract = loadCompiledContract(spec, join(blocker, "cache"));
    expect(contract.fromCache).toBe(false);
    expect(contract.validators.component("ErrorResponse")({})).not.toEqual([]);
  });

  it("is placed and switched off by the environment", () => {
    expect(cacheDirFromEnv({})).toMatch(/node_modules[/\\]\.cache[/\\]runtools-mock[/\\]?$/);
    expect(cacheDirFromEnv({ RUNTOOLS_MOCK_CACHE_DIR: "/tmp/elsewhere" })).toBe("/tmp/elsewhere");
    expect(cacheDirFromEnv({ RUNTOOLS_MOCK_CACHE: "off" })).toBeUndefined();
    expect(cacheDirFromEnv({ RUNTOOLS_MOCK_CACHE: "0", RUNTOOLS_MOCK_CACHE_DIR: "/tmp/elsewhere" })).toBeUndefined();
  });
});

describe("asciiOnly", () => {
  /** Runs code as the cache does (a CommonJS module body) and returns its exports. */
  const run = (code: string) => {
    const module = { exports: {} as Record<string, unknown> };
    new Function("module", code)(module);
    return module.exports;
  };

  it("escapes every character outside ASCII, and the code means what it meant", () => {
    const code = [
      'module.exports.text = "Mock decision (§ 3) … → ünïcode";',
      'module.exports.astral = "rocket 🚀";',
      'module.exports.pattern = new RegExp("^[→…]+🚀$", "u");',
      "module.exports.literal = /^é+$/u;",
      "// a comment: naïve",
    ].join("\n");
    const escaped = asciiOnly(code);
    expect(escaped).not.toMatch(/[^\x00-\x7f]/);
    const [before, after] = [run(code), run(escaped)];
    expect(after.text).toBe(before.text);
    expect(after.astral).toBe("rocket 🚀");
    const pattern = after.pattern as RegExp;
    expect(pattern.test("→…→🚀")).toBe(true);
    expect(pattern.test("→x🚀")).toBe(false);
    expect((after.literal as RegExp).test("ééé")).toBe(true);
    expect((after.literal as RegExp).test("e")).toBe(false);
  });

  it("leaves ASCII code as it is", () => {
    const code = 'module.exports.x = "a\\u00e9b";';
    expect(asciiOnly(code)).toBe(code);
  });
});
