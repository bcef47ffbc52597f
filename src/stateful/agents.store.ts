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
 */
import type { Agent, AgentConfig, AgentPatchRequest, AgentUpsertRequest, ExecutionMode } from "../api-types.ts";
import { ApiError, type ValidationDetail } from "../core/errors.ts";
import type { Clock, IdSource } from "./clock.ts";
import { paginate, type Page } from "./pagination.ts";

/** How agents find the sandbox they name (a live sandbox of the same organization). */
export interface SandboxDirectory {
  resolve(idOrName: string): { id: string; name: string } | undefined;
}

/** Who acts: the organization and the key holder standing in for the user. */
export interface AgentActor {
  orgId: string;
  userId: string;
}

/** What an agent store needs from the rest of the mock. */
export interface AgentStoreDeps {
  clock: Clock;
  ids: IdSource;
  sandboxes: SandboxDirectory;
}

/** The outcome of an upsert. */
export interface Upserted {
  action: "created" | "updated";
  agent: Agent;
}

/** The definition fields that an upsert replaces and a PATCH merges. */
type Definition = Omit<Agent, "id" | "orgId" | "slug" | "version" | "createdBy" | "ownerUserId" | "ownerDisplayName" | "ownerEmail" | "createdAt" | "updatedAt" | "avatarImageUrl" | "status" | "attachedResources" | "sandboxId" | "sandboxSlug"> & {
  /** The sandbox reference as the client gave it (id or name), still to resolve. */
  sandboxRef: string | null;
};

interface AgentRecord {
  agent: Agent;
  seq: number;
}

/** One organization's agents. */
export class AgentStore {
  readonly #bySlug = new Map<string, AgentRecord>();
  #seq = 0;

  constructor(private readonly deps: AgentStoreDeps) {}

  /** Creates the slug at version 1, or replaces its definition and adds 1 to the version. */
  upsert(input: AgentUpsertRequest, actor: AgentActor): Upserted {
    const definition = definitionFromUpsert(input);
    const sandbox = this.#checkRules(definition, "/body");
    const existing = this.#bySlug.get(input.slug);
    const now = this.deps.clock.now().toISOString();
    if (existing) {
      existing.agent = this.#apply(existing.agent, definition, sandbox, now);
      return { action: "updated", agent: structuredClone(existing.agent) };
    }
    const { sandboxRef: _resolved, ...fields } = definition;
    const agent: Agent = {
      ...fields,
      id: this.deps.ids.token("agt_", 16),
      orgId: actor.orgId,
      slug: input.slug,
      avatarImageUrl: null,
      // The only status the docs show (OAS get-an-agent example).
      status: "draft",
      sandboxId: null,
      sandboxSlug: null,
      attachedResources: [],
      version: 0,
      createdBy: actor.userId,
      ownerUserId: actor.userId,
      ownerDisplayName: null,
      ownerEmail: null,
      createdAt: now,
      updatedAt: now,
    };
    const record = { agent: this.#apply(agent, definition, sandbox, now), seq: this.#seq++ };
    this.#bySlug.set(input.slug, record);
    return { action: "created", agent: structuredClone(record.agent) };
  }

  /** Merges the given fields into the agent, checks the rules on the result, adds 1 to the version. */
  patch(slug: string, patch: AgentPatchRequest): Agent {
    const record = this.#require(slug);
    if (patch.slug !== undefined && patch.slug !== slug) {
      throw new ApiError("bad_request", "Renaming an agent's slug is not supported", [
        { path: "/body/slug", message: `must equal the slug in the path ('${slug}')` },
      ]);
    }
    const current = record.agent;
    const definition: Definition = {
      ...definitionOf(current),
      ...pickDefined(patch, ["name", "model", "executionMode", "visibility", "systemPrompt", "color", "avatarSeed"]),
      ...(patch.providerOptions !== undefined ? { providerOptions: structuredClone(patch.providerOptions) } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.targetDeviceId !== undefined ? { targetDeviceId: patch.targetDeviceId } : {}),
      ...(patch.tools !== undefined ? { toolsJson: structuredClone(patch.tools) } : {}),
      ...(patch.env !== undefined ? { envJson: { ...patch.env } } : {}),
      configJson: { ...current.configJson, ...configFrom(patch) },
      sandboxRef: patch.sandbox !== undefined ? patch.sandbox : null,
    };
    // Without a new `sandbox`, the agent keeps the sandbox it is linked to (even one since deleted:
    // the real API does not cascade, as far as documented).
    const keep = patch.sandbox === undefined && current.sandboxId !== null ? { id: current.sandboxId, name: current.sandboxSlug ?? current.sandboxId } : undefined;
    const sandbox = this.#checkRules(definition, "/body", keep);
    record.agent = this.#apply(current, definition, sandbox, this.deps.clock.now().toISOString());
    return structuredClone(record.agent);
  }

  /** The agent with this slug, or a 404. */
  get(slug: string): Agent {
    return structuredClone(this.#require(slug).agent);
  }

  /** A page of agents in creation order. */
  list(limit: number, cursor?: string): Page<Agent> {
    const page = paginate([...this.#bySlug.values()], (record) => record.seq, limit, cursor);
    return { ...page, items: page.items.map((record) => structuredClone(record.agent)) };
  }

  /** Forgets the slug; a later upsert creates it afresh at version 1. */
  delete(slug: string): { id: string } {
    const record = this.#require(slug);
    this.#bySlug.delete(slug);
    return { id: record.agent.id };
  }

  #require(slug: string): AgentRecord {
    const record = this.#bySlug.get(slug);
    if (!record) throw new ApiError("not_found", `Agent '${slug}' not found`);
    return record;
  }

  /**
   * Reference Part A, "agent rules": in_sandbox needs a sandbox; local-mac needs a target device
   * and may not name a sandbox; a named sandbox must be a live one of the same organization (404).
   */
  #checkRules(definition: Definition, at: string, keep?: { id: string; name: string }): { id: string; name: string } | undefined {
    const mode: ExecutionMode = definition.executionMode;
    const hasSandbox = definition.sandboxRef !== null || keep !== undefined;
    const problems: ValidationDetail[] = [];
    if (mode === "in_sandbox" && !hasSandbox) problems.push({ path: `${at}/sandbox`, message: "is required for in_sandbox agents" });
    if (mode === "local-mac" && definition.targetDeviceId === null) {
      problems.push({ path: `${at}/targetDeviceId`, message: "is required for local-mac agents" });
    }
    if (mode === "local-mac" && hasSandbox) problems.push({ path: `${at}/sandbox`, message: "must not be set for local-mac agents" });
    if (problems.length > 0) {
      throw new ApiError("bad_request", `Invalid agent: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`, problems);
    }
    if (definition.sandboxRef === null) return keep;
    const sandbox = this.deps.sandboxes.resolve(definition.sandboxRef);
    if (!sandbox) throw new ApiError("not_found", `Sandbox '${definition.sandboxRef}' not found`);
    return { id: sandbox.id, name: sandbox.name };
  }

  #apply(agent: Agent, definition: Definition, sandbox: { id: string; name: string } | undefined, now: string): Agent {
    const { sandboxRef: _resolved, ...fields } = definition;
    return {
      ...agent,
      ...fields,
      sandboxId: sandbox?.id ?? null,
      sandboxSlug: sandbox?.name ?? null,
      version: agent.version + 1,
      updatedAt: now,
    };
  }
}

/**
 * An upsert replaces the whole definition: what the request omits takes its default. The spec's
 * defaults (model, executionMode, visibility) arrive filled in by the request validator; the
 * name's default, the slug, is one a schema cannot express.
 */
function definitionFromUpsert(input: AgentUpsertRequest): Definition {
  return {
    name: input.name ?? input.slug,
    description: input.description ?? null,
    color: input.color ?? null,
    avatarSeed: input.avatarSeed ?? null,
    model: input.model,
    executionMode: input.executionMode,
    visibility: input.visibility,
    systemPrompt: input.systemPrompt ?? null,
    toolsJson: structuredClone(input.tools ?? []),
    targetDeviceId: input.targetDeviceId ?? null,
    configJson: configFrom(input),
    providerOptions: structuredClone(input.providerOptions ?? {}),
    envJson: { ...input.env },
    sandboxRef: input.sandbox ?? null,
  };
}

function definitionOf(agent: Agent): Definition {
  return {
    name: agent.name,
    description: agent.description,
    color: agent.color,
    avatarSeed: agent.avatarSeed,
    model: agent.model,
    executionMode: agent.executionMode,
    visibility: agent.visibility,
    systemPrompt: agent.systemPrompt,
    toolsJson: agent.toolsJson,
    targetDeviceId: agent.targetDeviceId,
    configJson: agent.configJson,
    providerOptions: agent.providerOptions,
    envJson: agent.envJson,
    sandboxRef: null,
  };
}

const CONFIG_FIELDS = ["maxIterations", "maxTokens", "temperature", "topP", "topK", "presencePenalty", "frequencyPenalty", "stopSequences"] as const;

/** The sampling and loop settings of a request, as the agent's `configJson`. */
function configFrom(input: Partial<Record<(typeof CONFIG_FIELDS)[number], unknown>>): AgentConfig {
  return structuredClone(pickDefined(input, CONFIG_FIELDS)) as AgentConfig;
}

function pickDefined<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
