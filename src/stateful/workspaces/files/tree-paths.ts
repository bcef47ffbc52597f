/**
 * Paths inside a workspace's file tree. Every path a client sends (storage API, control plane) is
 * normalised here and confined to the tree: `a/b`, `/a/b`, `./a//b/` all name `/a/b`; `..` may
 * climb back inside the tree (`a/../b` is `/b`) but never above its root.
 */

/** Why a path was refused. */
export type PathProblem = "escapes the workspace (a '..' above its root)" | "contains a NUL character" | "is empty";

/** `/a/b` for any spelling of it inside the tree; a problem for a path that leaves it or is not a path. */
export function normaliseTreePath(input: string, options: { allowRoot?: boolean } = {}): { path: string } | { problem: PathProblem } {
  if (input.includes("\0")) return { problem: "contains a NUL character" };
  const segments: string[] = [];
  for (const segment of input.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length === 0) return { problem: "escapes the workspace (a '..' above its root)" };
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  if (segments.length === 0 && !options.allowRoot) return { problem: "is empty" };
  return { path: `/${segments.join("/")}` };
}

/** The directory that holds a path (`/` for a top-level entry). */
export function parentPath(path: string): string {
  const cut = path.lastIndexOf("/");
  return cut <= 0 ? "/" : path.slice(0, cut);
}

/** The last segment of a path (`` for the root). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** Whether `path` is `ancestor` or inside it. */
export function isWithin(path: string, ancestor: string): boolean {
  return ancestor === "/" || path === ancestor || path.startsWith(`${ancestor}/`);
}
