/**
 * Bundles a multi-file OpenAPI document into one (Redocly's multi-file layout: the root names
 * every path and component, and each points with a relative `$ref` into a file per tag).
 *
 * The result is what `redocly bundle` produces, so that the mock, the generated types
 * (openapi-typescript bundles through Redocly) and the referees all read one and the same
 * contract (bundle.test.ts compares the two):
 *   - a `$ref` to a file location that the root's `components` names becomes a local ref to that
 *     component (`../components/schemas/agents.yaml#/Agent` → `#/components/schemas/Agent`),
 *     so named schemas stay named, and recursive schemas stay finite;
 *   - any other external `$ref` (a path item, say) is replaced by its target, bundled in turn;
 *   - discriminator mappings are refs too, and are rewritten the same way.
 * One difference, on purpose: Redocly inlines a `$ref` inside a vendor extension
 * (`x-sse-event-schema`), where this keeps the component ref that the validators compile once.
 *
 * It reads the files synchronously: it runs at start-up only when the compiled-contract cache
 * misses (contract-cache.ts), and in scripts that need one file (scripts/bundle-spec.ts).
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseYaml } from "../lazy-modules.ts";
import type { JsonSchema } from "./load.ts";

/** A bundled document and every file it was read from (the root first). */
export interface BundledSpec {
  document: JsonSchema;
  files: string[];
}

/** Component sections whose entries may point into other files. */
const SECTIONS = ["schemas", "responses", "parameters", "headers", "examples", "requestBodies", "securitySchemes", "links", "callbacks", "pathItems"];

/** Reads the document at `rootPath` and every file it references, into one document. */
export function bundleSpec(rootPath: string): BundledSpec {
  const root = resolve(rootPath);
  const files = new Map<string, unknown>();
  const read = (file: string): unknown => {
    if (!files.has(file)) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch (error) {
        throw new Error(`cannot read ${file}: ${(error as Error).message}`);
      }
      files.set(file, parseYaml(text));
    }
    return files.get(file);
  };
  const rootDocument = read(root) as JsonSchema;

  // Where each named component lives: `file#pointer` → `#/components/<section>/<name>`.
  const named = new Map<string, string>();
  const components = (rootDocument.components ?? {}) as Record<string, Record<string, unknown>>;
  for (const section of SECTIONS) {
    for (const [name, entry] of Object.entries(components[section] ?? {})) {
      const ref = refOf(entry);
      if (ref !== undefined && !ref.startsWith("#")) named.set(locate(root, ref), `#/components/${section}/${escape(name)}`);
    }
  }

  const inlining: string[] = [];
  const bundle = (node: unknown, file: string): unknown => {
    if (Array.isArray(node)) return node.map((item) => bundle(item, file));
    if (node === null || typeof node !== "object") return node;
    const ref = refOf(node);
    if (ref !== undefined) {
      const location = locate(file, ref);
      const target = local(location, root) ?? named.get(location);
      const { $ref: _ref, ...siblings } = node as Record<string, unknown>;
      if (target !== undefined) return { $ref: target, ...(bundle(siblings, file) as object) };
      if (Object.keys(siblings).length > 0) throw new Error(`${file}: a $ref to ${ref} that is inlined cannot have sibling keys`);
      if (inlining.includes(location)) throw new Error(`${file}: $ref cycle through ${location} (name it in the root's components)`);
      inlining.push(location);
      const [targetFile, pointer] = split(location);
      const inlined = bundle(at(read(targetFile), pointer, `${ref} (in ${file})`), targetFile);
      inlining.pop();
      return inlined;
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === "discriminator" && value !== null && typeof value === "object" && "mapping" in value) {
        const { mapping, ...rest } = value as { mapping: Record<string, string> };
        const mapped = Object.fromEntries(Object.entries(mapping).map(([name, ref]) => [name, (refOf(bundle({ $ref: ref }, file)) ?? ref)]));
        out[key] = { ...rest, mapping: mapped };
      } else {
        out[key] = bundle(value, file);
      }
    }
    return out;
  };

  // Each component the root names by a ref is replaced by its bundled target.
  const document = { ...rootDocument };
  const bundledComponents: Record<string, Record<string, unknown>> = {};
  for (const [section, entries] of Object.entries(components)) {
    bundledComponents[section] = {};
    for (const [name, entry] of Object.entries(entries ?? {})) {
      const ref = refOf(entry);
      if (ref === undefined || ref.startsWith("#")) {
        bundledComponents[section][name] = bundle(entry, root);
        continue;
      }
      const [targetFile, pointer] = split(locate(root, ref));
      bundledComponents[section][name] = bundle(at(read(targetFile), pointer, `${ref} (in ${root})`), targetFile);
    }
  }
  for (const [key, value] of Object.entries(rootDocument)) {
    document[key] = key === "components" ? bundledComponents : bundle(value, root);
  }
  return { document, files: [...files.keys()] };
}

function refOf(node: unknown): string | undefined {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return undefined;
  const ref = (node as { $ref?: unknown }).$ref;
  return typeof ref === "string" ? ref : undefined;
}

/** A ref's absolute location, `file#pointer`, as seen from `file`. */
function locate(file: string, ref: string): string {
  const hash = ref.indexOf("#");
  const path = hash === -1 ? ref : ref.slice(0, hash);
  const pointer = hash === -1 ? "" : decodeURIComponent(ref.slice(hash + 1));
  return `${path === "" ? file : resolve(dirname(file), path)}#${pointer}`;
}

/** A location inside the root document is already a local ref. */
function local(location: string, root: string): string | undefined {
  const [file, pointer] = split(location);
  return file === root ? `#${pointer}` : undefined;
}

function split(location: string): [string, string] {
  const hash = location.indexOf("#");
  return [location.slice(0, hash), location.slice(hash + 1)];
}

/** The node at a JSON pointer. */
function at(document: unknown, pointer: string, ref: string): unknown {
  let node = document;
  for (const raw of pointer.split("/").slice(1)) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return node;
}

function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
