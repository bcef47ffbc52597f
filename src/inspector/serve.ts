/**
 * Serves the inspector page (`/__mock/ui/`) and the API reference (`/docs/`): our own files and
 * the browser builds of installed packages, each read from disk the first time it is asked for
 * and then kept (docs/inspector.md). Nothing is read, parsed or bundled before that, so the
 * mock's start is what it was for users who never open the pages.
 *
 * Access is the control plane's (src/control/access.ts): the page drives `/__mock/`, and the
 * reference shows the control plane's contract with a "try it" button. The files hold no secret;
 * the rule keeps one story for "what can reach the mock's own surface".
 */
import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { ApiError, renderError } from "../core/errors.ts";
import type { PlainRequest, PlainResponse } from "../core/http-types.ts";
import type { Authenticate } from "../core/pipeline.ts";
import type { OperationSpec } from "../spec/load.ts";
import { DOCS_PREFIX, UI_PREFIX, under } from "./paths.ts";
import { contractFile } from "./contracts.ts";

/** What serving needs from the mock. */
export interface InspectorDeps {
  /** The control plane's access rule. */
  access: Authenticate;
}

/** Where a file comes from: this folder, or a file of an installed package. */
type Source = { own: string } | { pkg: string; file: string } | { contract: "openapi" | "control" };

interface Asset {
  source: Source;
  contentType: string;
}

const HTML = "text/html; charset=utf-8";
const JS = "text/javascript; charset=utf-8";
const CSS = "text/css; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

/** Every file the two pages may ask for, by path below their prefix ("" is the page itself). */
const FILES: Record<string, Record<string, Asset>> = {
  [UI_PREFIX]: {
    "": { source: { own: "ui/index.html" }, contentType: HTML },
    "style.css": { source: { own: "ui/style.css" }, contentType: CSS },
    ...ownScripts("ui", ["app.js", "api.js", "format.js", "requests.js", "request-detail.js", "state.js", "controls.js"]),
    "vendor/preact.mjs": { source: { pkg: "preact", file: "dist/preact.mjs" }, contentType: JS },
    "vendor/hooks.mjs": { source: { pkg: "preact", file: "hooks/dist/hooks.mjs" }, contentType: JS },
    "vendor/htm.mjs": { source: { pkg: "htm", file: "dist/htm.mjs" }, contentType: JS },
  },
  [DOCS_PREFIX]: {
    "": { source: { own: "docs/index.html" }, contentType: HTML },
    "docs.js": { source: { own: "docs/docs.js" }, contentType: JS },
    "docs.css": { source: { own: "docs/docs.css" }, contentType: CSS },
    "swagger-ui-bundle.js": { source: { pkg: "swagger-ui-dist", file: "swagger-ui-bundle.js" }, contentType: JS },
    "swagger-ui.css": { source: { pkg: "swagger-ui-dist", file: "swagger-ui.css" }, contentType: CSS },
    "openapi.json": { source: { contract: "openapi" }, contentType: JSON_TYPE },
    "control.json": { source: { contract: "control" }, contentType: JSON_TYPE },
  },
};

function ownScripts(folder: string, names: string[]): Record<string, Asset> {
  return Object.fromEntries(names.map((name) => [name, { source: { own: `${folder}/${name}` }, contentType: JS }]));
}

/**
 * Content-Security-Policy of each page: nothing but this origin, so a page cannot make an
 * external request even by mistake. The inspector's one inline script, its import map, is
 * allowed by hash. Swagger UI sets inline styles, hence 'unsafe-inline' for styles there.
 */
const POLICIES: Record<string, string> = {
  [UI_PREFIX]: "default-src 'none'; script-src 'self' {hashes}; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  [DOCS_PREFIX]: "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

const HERE = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** File contents, read once each (the package files do not change while the mock runs). */
const cache = new Map<string, Promise<Uint8Array>>();

/** No operation stands behind these files; the access rule asks for one by signature only. */
const NO_OPERATION = { operationId: "inspector", requiresAuth: false } as unknown as OperationSpec;

/** Answers a request for a page of the inspector or the reference, or one of their files. */
export async function serveInspector(request: PlainRequest, deps: InspectorDeps): Promise<PlainResponse> {
  // Not the mock's id source: under --seed, opening a page must not shift the ids of a seeded run.
  const requestId = `req_${randomBytes(8).toString("hex")}`;
  try {
    deps.access(request, NO_OPERATION);
    const prefix = under(request.path, UI_PREFIX) ? UI_PREFIX : DOCS_PREFIX;
    const method = request.method.toUpperCase();
    if (method !== "GET" && method !== "HEAD") throw new ApiError("method_not_allowed", `${request.method} is not allowed on ${request.path}`, undefined, { Allow: "GET, HEAD" });
    // `/docs` → `/docs/`, so that the pages' relative links work under any mount path.
    if (request.path === prefix) return { status: 308, headers: { Location: `${prefix.slice(prefix.lastIndexOf("/") + 1)}/`, "X-Request-Id": requestId } };
    const name = request.path.slice(prefix.length + 1);
    const asset = (FILES[prefix] as Record<string, Asset>)[name];
    if (!asset) throw new ApiError("not_found", `No file ${request.path}`);
    const bytes = await contentOf(asset.source, request.baseUrl);
    const headers: Record<string, string> = { "X-Request-Id": requestId, "Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff" };
    if (name === "") headers["Content-Security-Policy"] = policy(prefix, bytes);
    // For HEAD, node:http sends the headers (Content-Length included) and drops the body itself.
    return { status: 200, headers, raw: { contentType: asset.contentType, bytes } };
  } catch (error) {
    const { status, body, headers } = renderError(error, requestId);
    return { status, headers: { ...headers, "X-Request-Id": requestId, "Content-Type": JSON_TYPE }, body };
  }
}

function contentOf(source: Source, baseUrl: string): Promise<Uint8Array> {
  if ("contract" in source) return contractFile(source.contract, baseUrl);
  const path = "own" in source ? join(HERE, source.own) : join(packageDir(source.pkg), source.file);
  let content = cache.get(path);
  if (!content) {
    content = readFile(path);
    cache.set(path, content);
    // A failed read (a file removed under a running mock) is tried again next time.
    content.catch(() => cache.delete(path));
  }
  return content;
}

/**
 * The folder of an installed package, found from its main entry: not every package exports its
 * package.json (htm does not).
 */
function packageDir(pkg: string): string {
  const entry = require.resolve(pkg);
  const marker = `${sep}node_modules${sep}${pkg}${sep}`;
  return entry.slice(0, entry.lastIndexOf(marker) + marker.length - 1);
}

/** The page's policy, with the hash of each inline script it has (sha256, as CSP Level 2 says). */
function policy(prefix: string, page: Uint8Array): string {
  const text = Buffer.from(page).toString("utf8");
  const hashes = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1] as string)
    .filter((body) => body.trim() !== "")
    .map((body) => `'sha256-${createHash("sha256").update(body).digest("base64")}'`);
  return (POLICIES[prefix] as string).replace("{hashes}", hashes.join(" "));
}
