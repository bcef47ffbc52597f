/**
 * Where the inspector page and the API reference live (docs/inspector.md). Kept apart from the
 * code that serves them, which is loaded only when one of these paths is first asked for: a mock
 * whose user never opens the pages reads none of their files and loads none of that code.
 */

/** The inspector page: requests, state and controls. */
export const UI_PREFIX = "/__mock/ui";
/** The API reference of both contracts. */
export const DOCS_PREFIX = "/docs";

/** True for the inspector's and the reference's pages and files. */
export function isInspectorPath(path: string): boolean {
  return under(path, UI_PREFIX) || under(path, DOCS_PREFIX);
}

/** `prefix` itself or anything below it (`/docs`, `/docs/x`, never `/docsx`). */
export function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}
