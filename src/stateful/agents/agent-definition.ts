/**
 * An agent's definition (what an upsert replaces and a PATCH merges) and the rules it must obey
 * before it is stored (reference Part A, "agent rules"; seed page). Kept apart from the store so
 * that the store reads as the upsert/version/lifecycle logic alone.
 */
import type { Agent, AgentConfig, AgentEnv, AgentPatchRequest, AgentUpsertRequest } from "../../api-types.ts";
import { ApiError, pointerSegment, type ValidationDetail } from "../../core/errors.ts";
import { cloneJson } from "../common/clone.ts";
import { secretName } from "../secrets/secrets.store.ts";

/** How agents find the sandboxes they name (live sandboxes of the same organization). */
export interface SandboxDirectory {
  link(idOrName: string): { id: string; name: string } | undefined;
}

/** How agents find the workspaces they attach (workspaces of the same organization, by id or slug). */
export interface WorkspaceDirectory {
  find(idOrSlug: string): { id: string } | undefined;
}

/** The directories the rules look references up in. */
export interface Directories {
  sandboxes: SandboxDirectory;
  workspaces: WorkspaceDirectory;
}

/** The definition fields that an upsert replaces and a PATCH merges. */
export type Definition = Pick<
  Agent,
  | "name" | "description" | "color" | "avatarSeed" | "model" | "executionMode" | "visibility" | "systemPrompt"
  | "toolsJson" | "targetDeviceId" | "configJson" | "providerOptions" | "envJson" | "attachedResources"
> & {
  /** The sandbox as the client named it (id or name), still to resolve; null when none is named. */
  sandboxRef: string | null;
};

/** A sandbox link, resolved. */
export interface SandboxLink {
  id: string;
  name: string;
}

/**
 * An upsert replaces the whole definition: what the request omits takes its default. The spec's
 * defaults (model, executionMode, visibility) arrive filled in by the request validator; the
 * name's default, the slug, is one a schema cannot express.
 */
export function definitionFromUpsert(input: AgentUpsertRequest): Definition {
  return {
    name: input.name ?? input.slug,
    description: input.description ?? null,
    color: input.color ?? null,
    avatarSeed: input.avatarSeed ?? null,
    model: input.model,
    executionMode: input.executionMode,
    visibility: input.visibility,
    systemPrompt: input.systemPrompt ?? null,
    toolsJson: cloneJson(input.tools ?? []),
    targetDeviceId: input.targetDeviceId ?? null,
    configJson: configFrom(input),
    providerOptions: cloneJson(input.providerOptions ?? {}),
    envJson: envFrom(input.env ?? {}),
    attachedResources: attachedFrom(input.resources ?? []),
    sandboxRef: input.sandbox ?? null,
  };
}

/** A PATCH merges what it names into the current definition; `null` clears the nullable fields. */
export function definitionFromPatch(current: Agent, patch: AgentPatchRequest): Definition {
  return {
    ...definitionOf(current),
    ...pickDefined(patch, ["name", "model", "executionMode", "visibility", "systemPrompt", "color", "avatarSeed"]),
    ...(patch.providerOptions !== undefined ? { providerOptions: cloneJson(patch.providerOptions) } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.targetDeviceId !== undefined ? { targetDeviceId: patch.targetDeviceId } : {}),
    ...(patch.tools !== undefined ? { toolsJson: cloneJson(patch.tools) } : {}),
    ...(patch.env !== undefined ? { envJson: envFrom(patch.env) } : {}),
    // `resources` replaces the whole list (send [] to clear it).
    ...(patch.resources !== undefined ? { attachedResources: attachedFrom(patch.resources) } : {}),
    configJson: { ...current.configJson, ...configFrom(patch) },
    sandboxRef: patch.sandbox ?? null,
  };
}

/**
 * Checks the rules on a definition and resolves its references; throws before anything changes.
 *   - in_sandbox needs a sandbox; local-mac needs a target device and may not name a sandbox (400);
 *   - a named sandbox or attached resource must exist in the organization (404). Resources are
 *     accepted in every mode: the seed page describes them for managed and local-mac agents but
 *     forbids them nowhere (docs /concepts: an agent has "optional linked resources").
 * `keep` is the sandbox a PATCH that names none keeps (even one since deleted: the real API does
 * not cascade, as far as documented).
 */
export function checkDefinition(definition: Definition, directories: Directories, keep?: SandboxLink): SandboxLink | undefined {
  const mode = definition.executionMode;
  const hasSandbox = definition.sandboxRef !== null || keep !== undefined;
  const problems: ValidationDetail[] = [];
  if (mode === "in_sandbox" && !hasSandbox) problems.push({ path: "/body/sandbox", message: "is required for in_sandbox agents" });
  if (mode === "local-mac" && definition.targetDeviceId === null) {
    problems.push({ path: "/body/targetDeviceId", message: "is required for local-mac agents" });
  }
  if (mode === "local-mac" && hasSandbox) problems.push({ path: "/body/sandbox", message: "must not be set for local-mac agents" });
  if (problems.length > 0) {
    throw new ApiError("bad_request", `Invalid agent: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`, problems);
  }

  for (const resource of definition.attachedResources) {
    if (resource.type === "workspace") {
      // By id or by slug (docs /sdk/agents: `resourceId: 'shared-docs'`), stored by the id, which
      // does not change: usage and a forced delete find the agent by it.
      const workspace = directories.workspaces.find(resource.resourceId);
      if (!workspace) throw new ApiError("not_found", `Workspace '${resource.resourceId}' not found`);
      resource.resourceId = workspace.id;
    } else {
      const sandbox = directories.sandboxes.link(resource.resourceId);
      if (!sandbox) throw new ApiError("not_found", `Sandbox '${resource.resourceId}' not found`);
      // A sandbox named by its name is stored by its id, which does not change.
      resource.resourceId = sandbox.id;
    }
  }
  if (definition.sandboxRef === null) return keep;
  const sandbox = directories.sandboxes.link(definition.sandboxRef);
  if (!sandbox) throw new ApiError("not_found", `Sandbox '${definition.sandboxRef}' not found`);
  return { id: sandbox.id, name: sandbox.name };
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
    attachedResources: cloneJson(agent.attachedResources),
    sandboxRef: null,
  };
}

function attachedFrom(resources: NonNullable<AgentUpsertRequest["resources"]>): Agent["attachedResources"] {
  return resources.map((r) => ({
    type: r.type,
    resourceId: r.resourceId,
    alias: r.alias ?? null,
    config: r.config === undefined ? null : cloneJson(r.config),
  }));
}

/**
 * An agent's `env` as stored: plain values as given, a secret reference as `{secret: NAME}` with the
 * name upper-cased as the secrets API stores it (other fields of the reference dropped), so that
 * GET shows what a run will resolve. Never the secret's value: references resolve at run time
 * (runs/run-env.ts).
 */
function envFrom(env: AgentEnv): AgentEnv {
  const out: AgentEnv = {};
  for (const [name, value] of Object.entries(env)) {
    out[name] = typeof value === "object" ? { secret: secretName(value.secret, `/body/env/${pointerSegment(name)}/secret`) } : value;
  }
  return out;
}

const CONFIG_FIELDS = ["maxIterations", "maxTokens", "temperature", "topP", "topK", "presencePenalty", "frequencyPenalty", "stopSequences"] as const;

/** The sampling and loop settings of a request, as the agent's `configJson`. */
function configFrom(input: Partial<Record<(typeof CONFIG_FIELDS)[number], unknown>>): AgentConfig {
  return cloneJson(pickDefined(input, CONFIG_FIELDS)) as AgentConfig;
}

function pickDefined<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}
