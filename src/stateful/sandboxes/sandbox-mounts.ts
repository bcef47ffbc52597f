/**
 * Workspace mounts of a sandbox (docs: /api-reference/sandboxes/create, /features/workspaces):
 * the path must be `/workspace` or below it, and the personal workspace cannot be mounted.
 * Checked before the sandbox exists, so a rejected create leaves nothing behind.
 */
import type { SandboxMount, SandboxMountRequest } from "../../api-types.ts";
import { ApiError, type ValidationDetail } from "../../core/errors.ts";
import type { FileTree } from "../workspaces/files/file-tree.ts";

/** How sandboxes find the workspaces they mount (workspaces of the same organization). */
export interface MountableWorkspaces {
  resolve(id: string): { id: string; isPersonal: boolean } | undefined;
  /** The workspace's file tree, which its mounts show. */
  filesOf(id: string): Pick<FileTree, "fs" | "readOnlyView"> | undefined;
}

/**
 * Checks and normalises the mounts of a create request: 400 for a path outside /workspace, with
 * `.`/`..`/empty segments, used twice, or inside another mount's path (mock decision: a mount
 * shows one workspace's whole tree, so mounts do not nest), and for the personal workspace; 404 for a workspace
 * the organization does not have.
 */
export function checkMounts(requests: readonly SandboxMountRequest[], workspaces: MountableWorkspaces): SandboxMount[] {
  const problems: ValidationDetail[] = [];
  const seen = new Map<string, number>();
  const mounts = requests.map((request, index) => {
    const at = `/body/mounts/${index}`;
    const path = normalise(request.path);
    if (path === undefined) {
      problems.push({ path: `${at}/path`, message: "must be /workspace or a path below it, without '.', '..' or empty segments" });
    } else if (seen.has(path)) {
      problems.push({ path: `${at}/path`, message: `is already mounted by /body/mounts/${seen.get(path)}` });
    } else if (nestedIn(path, seen) !== undefined) {
      problems.push({ path: `${at}/path`, message: `is inside or contains the mount of /body/mounts/${nestedIn(path, seen)}` });
    } else {
      seen.set(path, index);
    }
    const workspace = workspaces.resolve(request.workspaceId);
    if (workspace?.isPersonal) problems.push({ path: `${at}/workspaceId`, message: "is the personal workspace, which cannot be mounted" });
    return { workspaceId: request.workspaceId, path: path ?? request.path, readOnly: request.readOnly ?? false };
  });
  if (problems.length > 0) {
    throw new ApiError("bad_request", `Invalid mounts: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`, problems);
  }
  for (const mount of mounts) {
    if (!workspaces.resolve(mount.workspaceId)) throw new ApiError("not_found", `Workspace '${mount.workspaceId}' not found`);
  }
  return mounts;
}

/** The index of an earlier mount whose path contains this one or lies inside it. */
function nestedIn(path: string, seen: ReadonlyMap<string, number>): number | undefined {
  for (const [other, index] of seen) if (path.startsWith(`${other}/`) || other.startsWith(`${path}/`)) return index;
  return undefined;
}

/** `/workspace/data/` → `/workspace/data`; undefined for anything outside /workspace. */
function normalise(path: string): string | undefined {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const segments = trimmed.split("/").slice(1);
  if (segments[0] !== "workspace") return undefined;
  if (segments.some((s) => s === "" || s === "." || s === "..")) return undefined;
  return trimmed;
}
