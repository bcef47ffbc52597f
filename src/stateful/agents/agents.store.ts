/**
 * Agents of one organization, keyed by slug (seed page: "upserts an agent by organization and
 * slug"; reference Part A "agents upsert" and "agent rules").
 *
 * - The first upsert of a slug creates version 1; every later upsert replaces the definition
 *   (omitted fields take their defaults) and adds 1 to the version, keeping the id.
 * - PATCH merges the given fields and adds 1 to the version.
 * - DELETE forgets the slug; a later upsert starts again at version 1 with a new id.
 * - Every rule is checked before anything changes, so a rejected request changes nothing.
 * All methods are synchronous: on Node's single thread, concurrent requests cannot interleave
 * inside one of them, so parallel upserts never lose an update or repeat a version.
 *
 * A stored agent is never changed: each change stores a new, deeply frozen record. So reads hand
 * out the record itself, with no copy (the hot path of every agent request, docs/performance.md),
 * and whoever holds one (a response, the request journal) keeps what it read.
 */
import type { Agent, AgentPatchRequest, AgentUpsertRequest } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import { checkDefinition, definitionFromPatch, definitionFromUpsert, type Definition, type Directories, type SandboxLink } from "./agent-definition.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { paginate, type Page } from "../common/pagination.ts";
import { cloneJson, deepFreeze } from "../common/clone.ts";
import { shareCommonValues } from "../common/shared-values.ts";
import { KeyedChanges, type ReportsChanges } from "../common/change-feed.ts";

export type { SandboxDirectory, WorkspaceDirectory } from "./agent-definition.ts";

/** Who acts: the organization and the key holder standing in for the user. */
export interface AgentActor {
  orgId: string;
  userId: string;
}

/** What an agent store needs from the rest of the mock. */
export interface AgentStoreDeps extends Directories {
  clock: Clock;
  ids: IdSource;
}

/** An agent as the store hands it out: frozen, all the way down. */
export type StoredAgent = Readonly<Agent>;

/** The outcome of an upsert. */
export interface Upserted {
  action: "created" | "updated";
  agent: StoredAgent;
}

/** Fields that take few distinct values across agents: held once (shared-values.ts). */
const SHARED_FIELDS = ["model", "executionMode", "visibility", "status"] as const satisfies readonly (keyof Agent)[];

interface AgentRecord {
  agent: StoredAgent;
  seq: number;
}

/** One organization's agents. */
export class AgentStore implements ReportsChanges {
  /** In creation order (a Map iterates in insertion order), which is the order lists serve. */
  readonly #bySlug = new Map<string, AgentRecord>();
  /**
   * Runs name an agent by slug or by id (docs R1): both are O(1) lookups. The id index is built on
   * the first lookup that needs it, so a start-up on a sealed snapshot does not build a second
   * 100k-entry map before it can answer (~50 ms here); once built, it is kept up to date.
   */
  #idIndex: Map<string, AgentRecord> | undefined;
  #seq = 0;
  /** What changed, for --persist (change-feed.ts): agents by slug, as exported. */
  readonly #changes = new KeyedChanges<Agent>("slug", (slug) => {
    const record = this.#bySlug.get(slug);
    return record && (record.agent as Agent);
  });

  constructor(private readonly deps: AgentStoreDeps) {}

  get #byId(): Map<string, AgentRecord> {
    this.#idIndex ??= new Map([...this.#bySlug.values()].map((record) => [record.agent.id, record]));
    return this.#idIndex;
  }

  takeChanges() {
    return this.#changes.take();
  }

  /** Creates the slug at version 1, or replaces its definition and adds 1 to the version. */
  upsert(input: AgentUpsertRequest, actor: AgentActor): Upserted {
    const definition = definitionFromUpsert(input);
    const sandbox = checkDefinition(definition, this.deps);
    const existing = this.#bySlug.get(input.slug);
    const now = this.deps.clock.now().toISOString();
    if (existing) {
      existing.agent = storedAgent(existing.agent, definition, sandbox, existing.agent.version + 1, now);
      this.#changes.mark(input.slug);
      return { action: "updated", agent: existing.agent };
    }
    const identity: AgentIdentity = {
      id: this.deps.ids.token("agt_", 16),
      orgId: actor.orgId,
      slug: input.slug,
      avatarImageUrl: null,
      // The only status the docs show (OAS get-an-agent example).
      status: "draft",
      createdBy: actor.userId,
      ownerUserId: actor.userId,
      ownerDisplayName: null,
      ownerEmail: null,
      createdAt: now,
    };
    const record = { agent: storedAgent(identity, definition, sandbox, 1, now), seq: this.#seq++ };
    this.#bySlug.set(input.slug, record);
    this.#idIndex?.set(record.agent.id, record);
    this.#changes.markCreated(input.slug);
    return { action: "created", agent: record.agent };
  }

  /** Merges the given fields into the agent, checks the rules on the result, adds 1 to the version. */
  patch(slug: string, patch: AgentPatchRequest): StoredAgent {
    const record = this.#require(slug);
    if (patch.slug !== undefined && patch.slug !== slug) {
      throw new ApiError("bad_request", "Renaming an agent's slug is not supported", [
        { path: "/body/slug", message: `must equal the slug in the path ('${slug}')` },
      ]);
    }
    const current = record.agent;
    const definition = definitionFromPatch(current, patch);
    // Without a new `sandbox`, the agent keeps the sandbox it is linked to.
    const keep = patch.sandbox === undefined && current.sandboxId !== null ? { id: current.sandboxId, name: current.sandboxSlug ?? current.sandboxId } : undefined;
    const sandbox = checkDefinition(definition, this.deps, keep);
    record.agent = storedAgent(current, definition, sandbox, current.version + 1, this.deps.clock.now().toISOString());
    this.#changes.mark(slug);
    return record.agent;
  }

  /** The agent with this slug, or a 404. */
  get(slug: string): StoredAgent {
    return this.#require(slug).agent;
  }

  /** A page of agents in creation order. */
  list(limit: number, cursor?: string): Page<StoredAgent> {
    const page = paginate(this.#bySlug.values(), (record) => record.seq, limit, cursor);
    return { ...page, items: page.items.map((record) => record.agent) };
  }

  /** Forgets the slug; a later upsert creates it afresh at version 1. */
  delete(slug: string): { id: string } {
    const record = this.#require(slug);
    this.#bySlug.delete(slug);
    this.#idIndex?.delete(record.agent.id);
    this.#changes.markRemoved(slug);
    return { id: record.agent.id };
  }

  /** The agent named by slug or by id (runs accept either, docs R1), or a 404. */
  resolve(slugOrId: string): StoredAgent {
    const agent = this.find(slugOrId);
    if (!agent) throw new ApiError("not_found", `Agent '${slugOrId}' not found`);
    return agent;
  }

  /** The agent named by slug or by id, or undefined (for filters, where "none" is an answer). */
  find(slugOrId: string): StoredAgent | undefined {
    const record = this.#bySlug.get(slugOrId) ?? this.#byId.get(slugOrId);
    return record?.agent;
  }

  /** Every agent, for rules that span stores (workspace usage). */
  all(): StoredAgent[] {
    return [...this.#bySlug.values()].map((record) => record.agent);
  }

  /**
   * Drops a deleted workspace from the agents that attach it (a forced workspace delete). The
   * definition the client wrote did not change, so the version stays.
   */
  detachWorkspace(workspaceId: string): void {
    const now = this.deps.clock.now().toISOString();
    for (const record of this.#bySlug.values()) {
      const kept = record.agent.attachedResources.filter((r) => !(r.type === "workspace" && r.resourceId === workspaceId));
      if (kept.length === record.agent.attachedResources.length) continue;
      const agent = record.agent;
      const link = agent.sandboxId === null ? undefined : { id: agent.sandboxId, name: agent.sandboxSlug ?? agent.sandboxId };
      record.agent = storedAgent(agent, { ...agent, attachedResources: kept }, link, agent.version, now);
      this.#changes.mark(record.agent.slug);
    }
  }

  /** Every agent in creation order, for a state snapshot. */
  exportAll(): Agent[] {
    // A state document belongs to whoever asked for it, to change as they like: copies.
    return [...this.#bySlug.values()].map((record) => cloneJson(record.agent as Agent));
  }

  /**
   * Loads agents from a snapshot into this (empty) store, keeping their order; slugs and ids must
   * be unique. `owned`: the caller gives the agents away (they are kept and frozen, not copied).
   * `sealed`: a snapshot this mock wrote from a store like this one, whose ids are unique already:
   * the id index is left for the first lookup by id to build.
   */
  importAll(agents: readonly Agent[], { owned = false, sealed = false }: { owned?: boolean; sealed?: boolean } = {}): void {
    const byId = sealed ? this.#idIndex : this.#byId;
    for (const agent of agents) {
      if (this.#bySlug.has(agent.slug)) throw new Error(`agent slug '${agent.slug}' appears twice`);
      if (byId?.has(agent.id)) throw new Error(`agent id '${agent.id}' appears twice`);
      const record = { agent: deepFreeze(shareCommonValues(owned ? agent : cloneJson(agent), SHARED_FIELDS)), seq: this.#seq++ };
      this.#bySlug.set(agent.slug, record);
      byId?.set(agent.id, record);
    }
  }

  #require(slug: string): AgentRecord {
    const record = this.#bySlug.get(slug);
    if (!record) throw new ApiError("not_found", `Agent '${slug}' not found`);
    return record;
  }

}

/** What an agent keeps from its creation, whatever later upserts and patches change. */
type AgentIdentity = Pick<
  Agent,
  "id" | "orgId" | "slug" | "avatarImageUrl" | "status" | "createdBy" | "ownerUserId" | "ownerDisplayName" | "ownerEmail" | "createdAt"
>;

/**
 * The stored record: every field written once, in one literal, in the order clients have always
 * seen. Not `{ ...agent, ...fields, version }`: on Node 20's V8 a spread followed by more
 * properties gives each object its own hidden class and out-of-object property store, ~9–12 KB
 * allocated per agent where this literal allocates the object alone, and at 100k agents that
 * garbage doubled the heap (docs/performance.md, "Memory").
 */
function storedAgent(
  identity: AgentIdentity,
  definition: Omit<Definition, "sandboxRef">,
  sandbox: SandboxLink | undefined,
  version: number,
  updatedAt: string,
): StoredAgent {
  return deepFreeze(shareCommonValues({
    name: definition.name,
    description: definition.description,
    color: definition.color,
    avatarSeed: definition.avatarSeed,
    model: definition.model,
    executionMode: definition.executionMode,
    visibility: definition.visibility,
    systemPrompt: definition.systemPrompt,
    toolsJson: definition.toolsJson,
    targetDeviceId: definition.targetDeviceId,
    configJson: definition.configJson,
    providerOptions: definition.providerOptions,
    envJson: definition.envJson,
    attachedResources: definition.attachedResources,
    id: identity.id,
    orgId: identity.orgId,
    slug: identity.slug,
    avatarImageUrl: identity.avatarImageUrl,
    status: identity.status,
    sandboxId: sandbox?.id ?? null,
    sandboxSlug: sandbox?.name ?? null,
    version,
    createdBy: identity.createdBy,
    ownerUserId: identity.ownerUserId,
    ownerDisplayName: identity.ownerDisplayName,
    ownerEmail: identity.ownerEmail,
    createdAt: identity.createdAt,
    updatedAt,
  } satisfies Required<Agent>, SHARED_FIELDS));
}
