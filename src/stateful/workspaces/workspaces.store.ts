/**
 * Workspaces of one organization (docs: /api-reference/workspaces/manage; Part B "Workspaces").
 *
 * - Every organization has a personal workspace from its first request (`isPersonal`, slug
 *   `personal`); it cannot be mounted on a sandbox (documented) nor deleted (mock decision).
 * - Slugs are unique within the organization (409 `conflict`); a slug left out is derived from
 *   the name. Ids are UUIDs (reference Part A, ids).
 * - Each workspace owns one file tree (files/file-tree.ts): what the storage API's file operations
 *   and the sandboxes that mount it work on. Its `sizeBytes` (and the organization's storage
 *   summary) is the bytes of file contents the tree holds; deleting the workspace drops its files.
 * - Who uses a workspace (mounts, agents) is the business of workspace-usage.ts, which sees all
 *   of the organization's stores; this store only keeps the workspaces themselves.
 */
import type { StorageSummary, Workspace, WorkspaceCreateRequest } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import { stableUuid, type Clock, type IdSource } from "../common/clock.ts";
import { paginate, type Page } from "../common/pagination.ts";
import { cloneJson } from "../common/clone.ts";
import { FileTree, type TreeEntry } from "./files/file-tree.ts";

/** Storage each workspace may use: the bytes of file contents its tree may hold (a write beyond is refused). */
export const WORKSPACE_QUOTA_BYTES = 10 * 1024 ** 3;
/** Storage the whole organization may use. */
export const ORG_STORAGE_QUOTA_BYTES = 100 * 1024 ** 3;

/** The slug and name of every organization's personal workspace. */
export const PERSONAL_WORKSPACE = { slug: "personal", name: "Personal" } as const;

/** What a workspace store needs from the rest of the mock. */
export interface WorkspaceStoreDeps {
  clock: Clock;
  ids: IdSource;
}

/** Who creates a workspace. */
export interface WorkspaceOwner {
  userId: string;
}

interface WorkspaceRecord {
  workspace: Workspace;
  seq: number;
  readonly files: FileTree;
}

/** One organization's workspaces. */
export class WorkspaceStore {
  readonly #byId = new Map<string, WorkspaceRecord>();
  readonly #idBySlug = new Map<string, string>();
  /** Set once the personal workspace exists (tracked by flag, not by its slug, which a rename keeps). */
  #hasPersonal = false;
  #seq = 0;

  constructor(private readonly deps: WorkspaceStoreDeps) {}

  /**
   * Creates the personal workspace on the organization's first request; later calls do nothing.
   * `idOf` derives its id from the organization (personalWorkspaceId), so that it is the same after
   * a restart and whichever request first shows it; called only when the workspace is created.
   */
  ensurePersonal(owner: WorkspaceOwner, idOf?: () => string): void {
    if (this.#hasPersonal) return;
    this.#hasPersonal = true;
    // Should the slug already be taken (a store used without HTTP), the personal one gets a suffix.
    const slug = this.#idBySlug.has(PERSONAL_WORKSPACE.slug) ? `${PERSONAL_WORKSPACE.slug}-${this.#seq}` : PERSONAL_WORKSPACE.slug;
    const id = idOf?.();
    this.#insert(PERSONAL_WORKSPACE.name, slug, owner, true, id !== undefined && !this.#byId.has(id) ? id : undefined);
  }

  /** Creates a workspace; its slug (given or derived from the name) must be free. */
  create(input: WorkspaceCreateRequest, owner: WorkspaceOwner): Workspace {
    const slug = input.slug ?? slugify(input.name);
    if (slug === "") {
      throw new ApiError("bad_request", `Cannot derive a slug from the name '${input.name}': send a slug`, [
        { path: "/body/slug", message: "is required when the name has no letters or digits" },
      ]);
    }
    if (this.#idBySlug.has(slug)) throw new ApiError("conflict", `A workspace with slug '${slug}' already exists`);
    return cloneJson(this.#insert(input.name, slug, owner, false));
  }

  /** The workspace with this id, or a 404. */
  get(id: string): Workspace {
    return view(this.#require(id));
  }

  /** The workspace with this id, for other stores; undefined if none. */
  resolve(id: string): Workspace | undefined {
    const record = this.#byId.get(id);
    return record && view(record);
  }

  /** The file tree of a workspace, or a 404. */
  files(id: string): FileTree {
    return this.#require(id).files;
  }

  /** The file tree of a workspace, for other stores (sandbox mounts); undefined if none. */
  filesOf(id: string): FileTree | undefined {
    return this.#byId.get(id)?.files;
  }

  /**
   * Replaces a workspace's files with a tree rebuilt from entries (FileTree.entries), for state
   * documents and seeded files; sandboxes mounting it see the new files. Throws (nothing changed)
   * if an entry is bad or the files exceed the quota.
   */
  restoreFiles(id: string, entries: readonly TreeEntry[]): void {
    this.#require(id).files.replaceWith(entries);
  }

  /**
   * The workspace a client names by id or by slug (the SDK names workspaces by slug, docs:
   * /sdk/agents), for other stores; undefined if none. The id is tried first, so a slug shaped
   * like another workspace's id never shadows that workspace.
   */
  find(ref: string): Workspace | undefined {
    return this.resolve(ref) ?? this.resolve(this.#idBySlug.get(ref) ?? "");
  }

  /** The id of the workspace a path names by id or by slug, or a 404 naming what the client sent. */
  idOf(ref: string): string {
    const workspace = this.find(ref);
    if (!workspace) throw new ApiError("not_found", `Workspace '${ref}' not found`);
    return workspace.id;
  }

  /** A page of workspaces in creation order (the personal one first). */
  list(limit: number, cursor?: string): Page<Workspace> {
    const page = paginate(this.#byId.values(), (record) => record.seq, limit, cursor);
    return { ...page, items: page.items.map(view) };
  }

  /** Renames a workspace; its slug stays. */
  rename(id: string, name: string): Workspace {
    const { workspace } = this.#require(id);
    workspace.name = name;
    workspace.updatedAt = this.deps.clock.now().toISOString();
    return cloneJson(workspace);
  }

  /** Throws unless the workspace exists and may be deleted (the personal one may not). */
  assertRemovable(id: string): void {
    if (this.#require(id).workspace.isPersonal) {
      throw new ApiError("bad_request", "The personal workspace cannot be deleted", [{ path: "/path/id", message: "is the personal workspace" }]);
    }
  }

  /** Forgets a workspace (callers check who uses it first); the personal one cannot go. */
  remove(id: string): void {
    this.assertRemovable(id);
    const { workspace } = this.#require(id);
    this.#byId.delete(id);
    this.#idBySlug.delete(workspace.slug);
  }

  /** The organization's storage summary (docs: W1 `storage`). */
  storage(): StorageSummary {
    let usedBytes = 0;
    for (const { files } of this.#byId.values()) usedBytes += files.usedBytes();
    return { usedBytes, quotaBytes: ORG_STORAGE_QUOTA_BYTES, unlimited: false };
  }

  /** Every workspace in creation order, for a state snapshot. */
  exportAll(): Workspace[] {
    return [...this.#byId.values()].map(view);
  }

  /** Loads workspaces from a snapshot into this (empty) store; ids and slugs must be unique. */
  importAll(workspaces: readonly Workspace[]): void {
    for (const workspace of workspaces) {
      if (this.#byId.has(workspace.id)) throw new Error(`workspace id '${workspace.id}' appears twice`);
      if (this.#idBySlug.has(workspace.slug)) throw new Error(`workspace slug '${workspace.slug}' appears twice`);
      // Files come separately (restoreFiles); a workspace starts empty.
      this.#byId.set(workspace.id, { workspace: cloneJson(workspace), seq: this.#seq++, files: this.#newTree(workspace.quotaBytes) });
      this.#idBySlug.set(workspace.slug, workspace.id);
      if (workspace.isPersonal) this.#hasPersonal = true;
    }
  }

  #insert(name: string, slug: string, owner: WorkspaceOwner, isPersonal: boolean, givenId?: string): Workspace {
    const now = this.deps.clock.now().toISOString();
    let id = givenId ?? this.deps.ids.uuid();
    while (this.#byId.has(id)) id = this.deps.ids.uuid();
    const workspace: Workspace = {
      id,
      slug,
      name,
      sizeBytes: 0,
      quotaBytes: WORKSPACE_QUOTA_BYTES,
      createdAt: now,
      updatedAt: now,
      lastAccessedAt: null,
      isPersonal,
      ownerUserId: owner.userId,
      ownerDisplayName: null,
      ownerEmail: null,
    };
    this.#byId.set(id, { workspace, seq: this.#seq++, files: this.#newTree(workspace.quotaBytes) });
    this.#idBySlug.set(slug, id);
    return workspace;
  }

  #newTree(quotaBytes: number): FileTree {
    return new FileTree(this.deps.clock, quotaBytes);
  }

  #require(id: string): WorkspaceRecord {
    const record = this.#byId.get(id);
    if (!record) throw new ApiError("not_found", `Workspace '${id}' not found`);
    return record;
  }
}

/** A copy of a workspace as clients see it: its size is what its tree holds now. */
function view(record: WorkspaceRecord): Workspace {
  return { ...cloneJson(record.workspace), sizeBytes: record.files.usedBytes() };
}

/** The id of an organization's personal workspace: a name-based UUID of the organization id. */
export function personalWorkspaceId(orgId: string): string {
  return stableUuid("personal-workspace", orgId);
}

/** "My Data Set!" → "my-data-set": lower case, runs of other characters as one hyphen, 64 at most. */
export function slugify(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 64)
    .replace(/^-+|-+$/g, "");
}
