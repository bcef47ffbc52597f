/**
 * One organization's installed catalog agents (docs: /api-reference/installable-agents/*; Part B
 * "Installable agents"). The rules:
 *   - the catalog agent, the sandbox and the workspace must exist (404), the sandbox be running (409);
 *   - an install answers `installing` and is `ready` from the next request on (as a sandbox boots);
 *   - a chat needs a ready install whose sandbox runs (409), and answers the last user message.
 * The sandbox's and workspace's names and the sandbox's status are read live on every answer.
 */
import { createHash } from "node:crypto";
import type { InstallableAgentInstall, InstallChatStreamEvent, operations } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { ActivityInput, ActivitySink } from "../activity/activity-log.ts";
import type { IdSource } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";
import type { LifecycleClock } from "../common/lifecycle-clock.ts";
import type { SandboxStore } from "../sandboxes/sandboxes.store.ts";
import type { WorkspaceStore } from "../workspaces/workspaces.store.ts";
import { INSTALLABLE_AGENTS } from "./catalog.ts";

/** The install request, as validated. */
export type InstallInput = operations["installInstallableAgent"]["requestBody"]["content"]["application/json"];
/** A chat request, as validated (`stream` may be left out when the store is used without HTTP). */
export type ChatInput = Omit<operations["chatWithInstall"]["requestBody"]["content"]["application/json"], "stream">;

/** Who acts. */
export interface InstallActor {
  orgId: string;
  userId: string;
}

/** What the store needs. */
export interface InstallStoreDeps {
  clock: LifecycleClock;
  ids: IdSource;
  sandboxes: SandboxStore;
  workspaces: WorkspaceStore;
  activity: ActivitySink;
  /** A scripted reply text for this install and message (the control plane's reply scripts), if any. */
  scriptedReply?: (install: { id: string; slug: string }, message: string) => string | undefined;
}

/** A chat turn, decided: the frames to stream, whose last carries the whole reply. */
export interface ChatTurn {
  installId: string;
  threadId: string;
  content: string;
  frames: InstallChatStreamEvent[];
}

interface InstallRecord {
  install: InstallableAgentInstall;
  /** While installing: the request during which it started (ready from the next one). */
  startedDuring?: number;
}

/** One organization's installs. */
export class InstallStore {
  readonly #byId = new Map<string, InstallRecord>();

  constructor(private readonly deps: InstallStoreDeps) {}

  /** Installs a catalog agent into a running sandbox, with its state on a workspace. */
  install(slug: string, input: InstallInput, actor: InstallActor): InstallableAgentInstall {
    const entry = INSTALLABLE_AGENTS.get(slug);
    if (!entry) throw new ApiError("not_found", `Installable agent '${slug}' not found in the catalog (${[...INSTALLABLE_AGENTS.keys()].join(", ")})`);
    const sandbox = this.deps.sandboxes.resolve(input.sandboxId);
    if (!sandbox) throw new ApiError("not_found", `Sandbox '${input.sandboxId}' not found`);
    const workspace = this.deps.workspaces.get(input.workspaceId);
    if (sandbox.status !== "running") throw new ApiError("conflict", `The sandbox '${sandbox.name}' is ${sandbox.status}, not running: an install runs in it`);
    const repoUrl = (input.repoUrl ?? entry.repoUrl).replace(/\/$/, "");
    const ref = input.ref ?? entry.defaultRef;
    const now = this.deps.clock.now().toISOString();
    const install: InstallableAgentInstall = {
      id: this.deps.ids.uuid(),
      orgId: actor.orgId,
      installedBy: actor.userId,
      sandboxId: sandbox.id,
      workspaceId: workspace.id,
      agentSlug: slug,
      displayName: input.displayName ?? entry.displayName,
      repoUrl,
      requestedRef: input.ref ?? null,
      // A commit id derived from (repository, ref): deterministic, and another ref gives another.
      resolvedRef: /^[0-9a-f]{40}$/.test(ref) ? ref : createHash("sha1").update(`${repoUrl}@${ref}`).digest("hex"),
      installPath: `/opt/runtools/agents/${slug}`,
      statePath: `/workspace/.runtools/agents/${slug}`,
      commandName: entry.commandName,
      status: "installing",
      errorMessage: null,
      metadataJson: input.avatarSeed === undefined ? {} : { avatarSeed: input.avatarSeed },
      installedAt: now,
      updatedAt: now,
      sandboxName: sandbox.name,
      workspaceName: workspace.name,
      sandboxStatus: sandbox.status,
      ownerUserId: actor.userId,
      ownerDisplayName: null,
      ownerEmail: null,
    };
    this.#byId.set(install.id, { install, startedDuring: this.deps.clock.requestSeq() });
    this.#report(install, "installable_agent.installed", actor.userId, { agentSlug: slug, resolvedRef: install.resolvedRef });
    return cloneJson(install);
  }

  /** An install as it stands now; 404 when the organization has none of that id. */
  get(installId: string): InstallableAgentInstall {
    return this.#view(this.#require(installId));
  }

  /** Every install, oldest first, as it stands now (the workspace usage summary reads these). */
  all(): InstallableAgentInstall[] {
    return [...this.#byId.values()].map((record) => this.#view(record));
  }

  /** Decides a chat turn (409 unless the install is ready and its sandbox runs) and records it. */
  chat(installId: string, input: ChatInput, actor: InstallActor): ChatTurn {
    const install = this.get(installId);
    const message = lastUserMessage(input);
    if (install.status !== "ready") throw new ApiError("conflict", `Install '${installId}' is ${install.status}, not ready`);
    if (install.sandboxStatus !== "running") throw new ApiError("conflict", `The sandbox '${install.sandboxName}' of install '${installId}' is ${install.sandboxStatus}, not running`);
    const threadId = input.threadId ?? this.deps.ids.token("ith_", 12);
    const content = this.deps.scriptedReply?.({ id: install.id, slug: install.agentSlug }, message) ?? `[${install.agentSlug}] You said: ${message}`;
    const deltas = content.match(/\s*\S+\s*/g) ?? [];
    this.#report(install, "installable_agent.chat.completed", actor.userId, { threadId });
    return {
      installId,
      threadId,
      content,
      frames: [
        { type: "chat_started", installId, threadId },
        ...deltas.map((delta) => ({ type: "text_delta" as const, delta })),
        { type: "chat_completed", installId, threadId, content },
      ],
    };
  }

  /** Removes the installs that keep their state on a workspace (a forced workspace delete). */
  releaseWorkspace(workspaceId: string): void {
    for (const [id, record] of this.#byId) if (record.install.workspaceId === workspaceId) this.#byId.delete(id);
  }

  /** Every install, for a state snapshot. */
  exportAll(): InstallableAgentInstall[] {
    return this.all();
  }

  /** Loads installs into this empty store; an `installing` one is ready from the next request on. */
  importAll(installs: readonly InstallableAgentInstall[]): void {
    for (const install of installs) {
      if (this.#byId.has(install.id)) throw new Error(`install '${install.id}' appears twice`);
      this.#byId.set(install.id, { install: cloneJson(install), ...(install.status === "installing" ? { startedDuring: -1 } : {}) });
    }
  }

  #require(installId: string): InstallRecord {
    const record = this.#byId.get(installId);
    if (!record) throw new ApiError("not_found", `Install '${installId}' not found`);
    return record;
  }

  /** Settles a finished install, then answers it with the live names and sandbox status. */
  #view(record: InstallRecord): InstallableAgentInstall {
    if (record.startedDuring !== undefined && this.deps.clock.requestSeq() > record.startedDuring) {
      delete record.startedDuring;
      record.install.status = "ready";
      record.install.updatedAt = this.deps.clock.now().toISOString();
    }
    const sandbox = this.#sandbox(record.install.sandboxId);
    const workspace = this.deps.workspaces.resolve(record.install.workspaceId);
    return cloneJson({
      ...record.install,
      sandboxName: sandbox?.name ?? record.install.sandboxName,
      sandboxStatus: sandbox?.status ?? "destroyed",
      workspaceName: workspace?.name ?? record.install.workspaceName,
    });
  }

  #sandbox(id: string): { name: string; status: string } | undefined {
    try {
      return this.deps.sandboxes.get(id);
    } catch {
      return undefined;
    }
  }

  #report(install: InstallableAgentInstall, eventType: string, actorUserId: string, attributes: Record<string, unknown>): void {
    const input: ActivityInput = {
      resourceType: "installable_agent_install",
      resourceId: install.id,
      installableAgentInstallId: install.id,
      sandboxId: install.sandboxId,
      workspaceId: install.workspaceId,
      eventType,
      title: `${install.displayName} ${eventType === "installable_agent.installed" ? "installed" : "answered a chat"}`,
      actorUserId,
      status: install.status,
      attributes,
    };
    this.deps.activity.record(input);
  }
}

/** The message a chat answers: the last user message's content, else its parts' text. */
function lastUserMessage(input: ChatInput): string {
  const last = [...input.messages].reverse().find((m) => m.role === "user");
  if (!last) throw new ApiError("bad_request", "messages holds no user message to answer", [{ path: "/body/messages", message: "must contain a user message" }]);
  return last.content ?? (last.parts ?? []).map((part) => part.text ?? "").join("");
}
