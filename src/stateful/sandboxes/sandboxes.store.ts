/**
 * Sandboxes of one organization: creation, lookup by id or name, lifecycle, exec.
 *
 * Statuses (docs: /api-reference/sandboxes/*, Part B "Sandboxes"):
 *   create → creating → running;  pause: running → pausing → paused;  resume: paused → resuming → running;
 *   delete: any live status → destroyed (synchronously; the record stays readable by id, its name is freed).
 * Transitional statuses settle after the configured delay, and never within the request that
 * started them (see lifecycle-clock.ts). Illegal transitions are 409 `conflict` (Part A).
 * Workspace mounts are checked by sandbox-mounts.ts; a destroyed sandbox releases its mounts. A
 * sandbox's shell shows each mounted workspace's file tree at its mount path (read-only views for
 * `readOnly` mounts), so its commands work on the workspace's files themselves.
 */
import type { ExecRequest, ExecResult, Sandbox, SandboxUrl, SandboxCreateRequest, SandboxStatus, SandboxTransition, WorkspaceUsage } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import { BASE36, type IdSource } from "../common/clock.ts";
import type { LifecycleClock } from "../common/lifecycle-clock.ts";
import { checkMounts, type MountableWorkspaces } from "./sandbox-mounts.ts";
import { paginate, type Page } from "../common/pagination.ts";
import { cloneJson } from "../common/clone.ts";
import { SandboxShell } from "./shell/sandbox-shell.ts";
import { hashOf, randomFor } from "./shell/seeded-random.ts";
import { sizeInBytes } from "./shell/sizes.ts";
import type { RawEntry } from "./shell/clocked-fs.ts";
import { checkSandboxFiles, SandboxFilesError } from "./sandbox-files.ts";
import { mergeEntries } from "../files/file-entries.ts";

/** Answers a command in place of the sandbox's shell (the control plane's scripts); undefined lets the shell run it. */
export type ScriptedExec = (request: ExecRequest, sandbox: { id: string; name: string }) => ExecResult | undefined;

/** What a sandbox store needs from the rest of the mock. */
export interface SandboxStoreDeps {
  clock: LifecycleClock;
  ids: IdSource;
  /** How long transitional statuses last, in ms (0: until the next request). */
  bootDelayMs: number;
  /** Consulted before the sandbox's shell runs a command (scripted exec answers take precedence). */
  scriptedExec?: ScriptedExec;
  /** The organization's workspaces, for mounts. */
  workspaces: MountableWorkspaces;
  /** Told when a sandbox starts or stops `running`, with the instant (billing meters runtime by it). */
  onRunning?: (sandboxId: string, running: boolean, at: Date) => void;
}

/** A live sandbox's mount of one workspace, as the usage summary lists it. */
export type MountedSandbox = WorkspaceUsage["mountedSandboxes"][number];

/** Filters of `GET /v1/sandboxes`. */
export interface SandboxFilter {
  status?: readonly SandboxStatus[];
  tag?: readonly string[];
  template?: Sandbox["template"];
  /** Leaves out sandboxes of this template (docs: `exclude_template`). */
  excludeTemplate?: Sandbox["template"];
}

/** Who creates a sandbox: its owner (the key holder in the mock). */
export interface SandboxOwner {
  userId: string;
}

/** The list's default statuses: "active statuses (excludes destroyed/orphaned)" (OAS list-sandboxes). */
const INACTIVE: ReadonlySet<SandboxStatus> = new Set(["destroyed", "orphaned"]);

interface SandboxRecord {
  sandbox: Sandbox;
  /** Creation order, for stable pagination. */
  seq: number;
  pending?: { to: SandboxStatus; afterRequest: number; dueAt: number };
  /** The sandbox's shell and files, made on its first command; kept through pause and resume. */
  shell?: SandboxShell;
  /** Files the shell takes when it is made (imported or seeded, checked already); absent once it is. */
  files?: RawEntry[];
}

/** One organization's sandboxes. */
export class SandboxStore {
  readonly #byId = new Map<string, SandboxRecord>();
  /** Names of live (not destroyed) sandboxes → id; names are unique among those. */
  readonly #idByName = new Map<string, string>();
  #seq = 0;

  constructor(private readonly deps: SandboxStoreDeps) {}

  /**
   * Creates a sandbox in `creating`; a name already taken by a live sandbox is a 409.
   * `input` carries the spec's defaults (template, resources): the request validator fills them.
   */
  create(input: SandboxCreateRequest, owner?: SandboxOwner): Sandbox {
    if (input.name !== undefined && this.#idByName.has(input.name)) {
      throw new ApiError("conflict", `A sandbox named '${input.name}' already exists`);
    }
    const mounts = checkMounts(input.mounts, this.deps.workspaces);
    const id = this.#newId();
    const now = this.deps.clock.now().toISOString();
    const sandbox: Sandbox = {
      id,
      name: input.name ?? id,
      status: "creating",
      template: input.template,
      tags: [...(input.tags ?? [])],
      resources: { ...input.resources },
      env: { ...input.env },
      idleTimeout: input.idleTimeout ?? null,
      metadata: cloneJson(input.metadata ?? {}),
      mounts,
      hasWritableWorkspaceMount: mounts.some((m) => !m.readOnly),
      ownerUserId: owner?.userId ?? null,
      // The mock has no user profiles (docs' sandbox object: display name and email of the owner).
      ownerDisplayName: null,
      ownerEmail: null,
      projectId: input.projectId ?? null,
      ip: null,
      publicIp: null,
      sshAccessConfigured: (input.sshKeys?.length ?? 0) > 0 || input.rootPassword !== undefined,
      sshAuthMethod: (input.sshKeys?.length ?? 0) > 0 ? "key" : input.rootPassword !== undefined ? "password" : null,
      sshReady: false,
      vncReady: false,
      vncUrl: null,
      createdAt: now,
      updatedAt: now,
    };
    const record: SandboxRecord = { sandbox, seq: this.#seq++ };
    this.#startTransition(record, "running");
    this.#byId.set(id, record);
    this.#idByName.set(sandbox.name, id);
    return cloneJson(sandbox);
  }

  /** Whether an id (destroyed sandboxes included) or a live sandbox's name is known here. */
  has(idOrName: string): boolean {
    return this.#find(idOrName) !== undefined;
  }

  /** A sandbox by id (destroyed ones included) or by the name of a live one; 404 otherwise. */
  get(idOrName: string): Sandbox {
    return cloneJson(this.#require(idOrName).sandbox);
  }

  /**
   * The id and name of the live sandbox an id or name refers to, for the agent rules (which
   * check a link on every upsert and need nothing else: no copy); undefined if none.
   */
  link(idOrName: string): { id: string; name: string } | undefined {
    const record = this.#find(idOrName);
    return record && record.sandbox.status !== "destroyed" ? { id: record.sandbox.id, name: record.sandbox.name } : undefined;
  }

  /** The live sandbox an id or name refers to, for other stores (runs); undefined if none. */
  resolve(idOrName: string): Sandbox | undefined {
    const record = this.#find(idOrName);
    return record && record.sandbox.status !== "destroyed" ? cloneJson(record.sandbox) : undefined;
  }

  /** A page of sandboxes in creation order, filtered as documented. */
  list(filter: SandboxFilter, limit: number, cursor?: string): Page<Sandbox> {
    const statuses = filter.status && filter.status.length > 0 ? new Set(filter.status) : undefined;
    const matching = [...this.#byId.values()].filter((record) => {
      const { sandbox } = this.#settle(record);
      if (statuses ? !statuses.has(sandbox.status) : INACTIVE.has(sandbox.status)) return false;
      if (filter.template !== undefined && sandbox.template !== filter.template) return false;
      if (filter.excludeTemplate !== undefined && sandbox.template === filter.excludeTemplate) return false;
      return (filter.tag ?? []).every((tag) => sandbox.tags.includes(tag));
    });
    const page = paginate(matching, (record) => record.seq, limit, cursor);
    return { ...page, items: page.items.map((record) => cloneJson(record.sandbox)) };
  }

  /** Destroys a live sandbox; a destroyed or unknown one is a 404. */
  delete(idOrName: string): { id: string } {
    const record = this.#require(idOrName);
    if (record.sandbox.status === "destroyed") throw notFound(idOrName);
    delete record.pending;
    // A destroyed sandbox's files are gone with it.
    delete record.shell;
    delete record.files;
    this.#idByName.delete(record.sandbox.name);
    this.#setMounts(record, []);
    this.#setStatus(record, "destroyed");
    return { id: record.sandbox.id };
  }

  /** running → pausing (then paused); pausing and paused answer as they are (docs: "Already paused"). */
  pause(idOrName: string): SandboxTransition {
    const record = this.#require(idOrName);
    const { status } = record.sandbox;
    if (status === "running") this.#startTransition(record, "paused", "pausing");
    else if (status !== "pausing" && status !== "paused") throw illegal(record.sandbox, "pause");
    return { id: record.sandbox.id, status: record.sandbox.status };
  }

  /** paused → resuming (then running); resuming answers as it is; anything else is a 409. */
  resume(idOrName: string): SandboxTransition {
    const record = this.#require(idOrName);
    const { status } = record.sandbox;
    if (status === "paused") this.#startTransition(record, "running", "resuming");
    else if (status !== "resuming") throw illegal(record.sandbox, "resume");
    return { id: record.sandbox.id, status: record.sandbox.status };
  }

  /**
   * Runs a command in a running sandbox (any other status is a 409): a scripted answer if one
   * matches, else the sandbox's own shell over its files.
   */
  async exec(idOrName: string, request: ExecRequest): Promise<ExecResult> {
    const record = this.#require(idOrName);
    if (record.sandbox.status !== "running") throw illegal(record.sandbox, "exec in");
    const scripted = this.deps.scriptedExec?.(request, { id: record.sandbox.id, name: record.sandbox.name });
    if (scripted) return scripted;
    const { stdout, stderr, exitCode, durationMs } = await this.#shellOf(record).exec({
      command: request.command,
      timeout: request.timeout,
      cwd: request.cwd,
      ...(request.env ? { env: request.env } : {}),
    });
    return { stdout, stderr, exitCode, durationMs };
  }

  /**
   * The preview URL of a port (docs: /features/sandboxes): `https://<port>-<id>.sandboxes.runtools.ai`,
   * the host pattern of the documented desktop URL. Deterministic; a destroyed sandbox has none (409).
   */
  url(idOrName: string, port: number): SandboxUrl {
    const record = this.#require(idOrName);
    if (record.sandbox.status === "destroyed") throw illegal(record.sandbox, "get a URL of");
    return { url: previewUrl(record.sandbox.id, port), port };
  }

  #shellOf(record: SandboxRecord): SandboxShell {
    if (record.shell) return record.shell;
    record.shell = new SandboxShell({
      clock: this.deps.clock,
      diskBytes: sizeInBytes(record.sandbox.resources.disk),
      random: randomFor(record.sandbox.id),
      env: record.sandbox.env,
      mounts: record.sandbox.mounts.flatMap((mount) => {
        const files = this.deps.workspaces.filesOf(mount.workspaceId);
        return files ? [{ path: mount.path, fs: mount.readOnly ? files.readOnlyView(mount.path) : files.fs }] : [];
      }),
    });
    if (record.files) record.shell.restoreFiles(record.files);
    delete record.files;
    return record.shell;
  }

  /** A sandbox's own files, sorted by path (its shell is made if it has none yet); a destroyed one is a 409. */
  files(idOrName: string): { sandboxId: string; entries: RawEntry[] } {
    const record = this.#require(idOrName);
    if (record.sandbox.status === "destroyed") throw noFiles(record.sandbox);
    return { sandboxId: record.sandbox.id, entries: this.#shellOf(record).files() };
  }

  /**
   * Writes files into a sandbox that is not destroyed: `merge` writes them over its files,
   * `replace` makes them its files. Checked whole first (sandbox-files.ts): a SandboxFilesError
   * leaves the sandbox as it was. The shell is made again, with the files, on its next command.
   */
  seedFiles(idOrName: string, entries: readonly RawEntry[], mode: "merge" | "replace"): { sandboxId: string; entries: RawEntry[] } {
    const record = this.#require(idOrName);
    if (record.sandbox.status === "destroyed") throw noFiles(record.sandbox);
    const files = mode === "replace" ? [...entries] : mergeEntries(this.#shellOf(record).files(), entries);
    try {
      checkSandboxFiles(files, sizeInBytes(record.sandbox.resources.disk), this.deps.clock);
    } catch (error) {
      // The index is into the merged files: point at the given entry, or at none (the sandbox's own files clash).
      if (!(error instanceof SandboxFilesError) || error.index === undefined) throw error;
      const given = entries.indexOf(files[error.index] as RawEntry);
      throw new SandboxFilesError(error.message, given === -1 ? undefined : given);
    }
    delete record.shell;
    record.files = files;
    return { sandboxId: record.sandbox.id, entries: this.#shellOf(record).files() };
  }

  /** The files of every sandbox that has any (a shell, or files waiting for one), for a state snapshot. */
  exportFiles(): { id: string; entries: RawEntry[] }[] {
    const trees: { id: string; entries: RawEntry[] }[] = [];
    for (const record of this.#byId.values()) {
      const entries = record.shell?.files() ?? record.files?.slice().sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      if (entries) trees.push({ id: record.sandbox.id, entries });
    }
    return trees;
  }

  /**
   * Gives an imported sandbox (not destroyed) its files from a snapshot, checked first; its shell
   * takes them when it is made. Throws a SandboxFilesError, or an Error for a sandbox that cannot have files.
   */
  importFiles(sandboxId: string, entries: RawEntry[]): void {
    const record = this.#byId.get(sandboxId);
    if (!record) throw new Error(`sandbox '${sandboxId}' is not in this organization`);
    if (record.sandbox.status === "destroyed") throw new Error(`sandbox '${sandboxId}' is destroyed: it has no files`);
    if (record.files || record.shell) throw new Error(`sandbox '${sandboxId}' has two file trees`);
    checkSandboxFiles(entries, sizeInBytes(record.sandbox.resources.disk), this.deps.clock);
    record.files = entries;
  }

  /** The live sandboxes that mount a workspace, with each mount. */
  mountsOf(workspaceId: string): MountedSandbox[] {
    const found: MountedSandbox[] = [];
    for (const record of this.#byId.values()) {
      const { sandbox } = this.#settle(record);
      for (const mount of sandbox.mounts) {
        if (mount.workspaceId !== workspaceId) continue;
        found.push({ sandboxId: sandbox.id, sandboxName: sandbox.name, sandboxStatus: sandbox.status, mountPath: mount.path, readOnly: mount.readOnly });
      }
    }
    return found;
  }

  /** Removes every mount of a workspace that is being deleted (a forced workspace delete). */
  releaseWorkspace(workspaceId: string): void {
    for (const record of this.#byId.values()) {
      // Settle first, so that a due transition is not applied after (and stamped before) this change.
      this.#settle(record);
      const kept = record.sandbox.mounts.filter((m) => m.workspaceId !== workspaceId);
      if (kept.length === record.sandbox.mounts.length) continue;
      // The workspace's files leave the sandbox with the mount.
      for (const mount of record.sandbox.mounts) if (mount.workspaceId === workspaceId) record.shell?.unmount(mount.path);
      this.#setMounts(record, kept);
    }
  }

  /** Applies every due transition (so that whoever watches `onRunning` has seen all of them by now). */
  settleAll(): void {
    for (const record of this.#byId.values()) if (record.pending) this.#settle(record);
  }

  /** Every sandbox in creation order, transitions settled, for a state snapshot. */
  exportAll(): Sandbox[] {
    return [...this.#byId.values()].map((record) => cloneJson(this.#settle(record).sandbox));
  }

  /**
   * Loads sandboxes from a snapshot into this (empty) store. Ids, and names among live sandboxes,
   * must be unique; a sandbox caught mid-transition (creating, pausing, resuming) finishes it.
   */
  importAll(sandboxes: readonly Sandbox[]): void {
    const settlesTo: Partial<Record<SandboxStatus, SandboxStatus>> = { creating: "running", pausing: "paused", resuming: "running" };
    for (const sandbox of sandboxes) {
      if (this.#byId.has(sandbox.id)) throw new Error(`sandbox id '${sandbox.id}' appears twice`);
      const record: SandboxRecord = { sandbox: cloneJson(sandbox), seq: this.#seq++ };
      if (sandbox.status !== "destroyed") {
        if (this.#idByName.has(sandbox.name)) throw new Error(`sandbox name '${sandbox.name}' appears twice`);
        this.#idByName.set(sandbox.name, sandbox.id);
      }
      const to = settlesTo[sandbox.status];
      if (to) record.pending = { to, afterRequest: this.deps.clock.requestSeq(), dueAt: this.deps.clock.now().getTime() + this.deps.bootDelayMs };
      this.#byId.set(sandbox.id, record);
    }
  }

  #setMounts(record: SandboxRecord, mounts: Sandbox["mounts"]): void {
    record.sandbox.mounts = mounts;
    record.sandbox.hasWritableWorkspaceMount = mounts.some((m) => !m.readOnly);
    record.sandbox.updatedAt = this.deps.clock.now().toISOString();
  }

  #newId(): string {
    let id: string;
    do id = this.deps.ids.token("sandbox-", 12, BASE36);
    // An id is also the sandbox's default name, so it may not be a live sandbox's name either.
    while (this.#byId.has(id) || this.#idByName.has(id));
    return id;
  }

  #find(idOrName: string): SandboxRecord | undefined {
    const record = this.#byId.get(idOrName) ?? this.#byId.get(this.#idByName.get(idOrName) ?? "");
    return record && this.#settle(record);
  }

  #require(idOrName: string): SandboxRecord {
    const record = this.#find(idOrName);
    if (!record) throw notFound(idOrName);
    return record;
  }

  /** Applies a due transition: one started in an earlier request whose delay has passed. */
  #settle(record: SandboxRecord): SandboxRecord {
    const pending = record.pending;
    if (pending && this.deps.clock.requestSeq() > pending.afterRequest && this.deps.clock.now().getTime() >= pending.dueAt) {
      delete record.pending;
      this.#setStatus(record, pending.to, new Date(pending.dueAt));
    }
    return record;
  }

  #startTransition(record: SandboxRecord, to: SandboxStatus, via?: SandboxStatus): void {
    if (via) this.#setStatus(record, via);
    const now = this.deps.clock.now().getTime();
    record.pending = { to, afterRequest: this.deps.clock.requestSeq(), dueAt: now + this.deps.bootDelayMs };
  }

  #setStatus(record: SandboxRecord, status: SandboxStatus, at: Date = this.deps.clock.now()): void {
    const sandbox = record.sandbox;
    const wasRunning = sandbox.status === "running";
    sandbox.status = status;
    sandbox.updatedAt = at.toISOString();
    if (wasRunning !== (status === "running")) this.deps.onRunning?.(sandbox.id, !wasRunning, at);
    // A desktop sandbox serves KasmVNC once it runs (docs: /features/templates).
    const desktopUp = status === "running" && sandbox.template === "desktop-ubuntu";
    sandbox.sshReady = status === "running";
    sandbox.vncReady = desktopUp;
    sandbox.vncUrl = desktopUp ? previewUrl(sandbox.id, 6901) : sandbox.vncUrl;
    // An address from the first boot on, kept through pauses; none once destroyed.
    if (status === "running") sandbox.ip ??= privateIp(sandbox.id);
    if (status === "destroyed") sandbox.ip = null;
  }
}

/** A deterministic private address for a sandbox: 10.x.y.z from a hash of its id. */
function privateIp(sandboxId: string): string {
  const h = hashOf(sandboxId);
  return `10.${(h >>> 16) & 0xff}.${(h >>> 8) & 0xff}.${(h & 0xfe) + 1}`;
}

/** Where a port of a sandbox is served (docs: the desktop's `https://6901-{sandboxId}.sandboxes.runtools.ai`). */
function previewUrl(sandboxId: string, port: number): string {
  return `https://${port}-${sandboxId}.sandboxes.runtools.ai`;
}

function notFound(idOrName: string): ApiError {
  return new ApiError("not_found", `Sandbox '${idOrName}' not found`);
}

function noFiles(sandbox: Sandbox): ApiError {
  return new ApiError("conflict", `Sandbox '${sandbox.id}' is destroyed: it has no files`);
}

function illegal(sandbox: Sandbox, action: string): ApiError {
  return new ApiError("conflict", `Cannot ${action} sandbox '${sandbox.name}' while it is ${sandbox.status}`);
}
