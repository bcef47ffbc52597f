/**
 * One organization's Tool Hub (docs: /features/tool-hub, /api-reference/tools/install,
 * /api-reference/tool-execution/execute-a-tool-action, /api-reference/tools-custom/*; Part B "Tool
 * execution / install / custom"). The rules:
 *   - a tool is usable once installed (the marketplace of tool-catalog.ts, or the organization's own
 *     custom tools) or when it is one of the organization's custom tools;
 *   - custom tools upsert like agents: created → version 1, every later upsert → version + 1, same id;
 *   - executing answers a script's result when one matches, else a deterministic default that checks
 *     the action (against `actionsJson`) and the required credentials, in the documented order.
 * No tool code runs.
 */
import type { CustomTool, CustomToolRequest, ToolExecuteRequest, ToolExecution, ToolInstallation } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { ActivitySink } from "../activity/activity-log.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";
import { MARKETPLACE } from "./tool-catalog.ts";

/** Who acts on the Tool Hub. */
export interface ToolActor {
  userId: string;
}

/** A request to execute; defaulted fields may be left out when the store is used without HTTP. */
export type ToolExecuteInput = Pick<ToolExecuteRequest, "action"> & Partial<Omit<ToolExecuteRequest, "action">>;

/** A custom tool as stored (and as a state document keeps it): the definition and its code. */
export interface StoredCustomTool {
  tool: CustomTool;
  code: string;
}

/** What the Tool Hub needs. */
export interface ToolHubDeps {
  clock: Clock;
  ids: IdSource;
  activity: ActivitySink;
  /** A secret's value as the caller sees it (its own, else the organization's), without auditing a reveal. */
  secretValue: (name: string, actor: ToolActor) => string | undefined;
  /** A scripted result for this execution (the control plane's seam), if one matches. */
  scripted?: (slug: string, request: { action: string; params: Record<string, unknown> }) => ToolExecution | undefined;
}

/** One organization's installed and custom tools. */
export class ToolHubStore {
  readonly #installed = new Map<string, ToolInstallation>();
  readonly #custom = new Map<string, StoredCustomTool>();

  constructor(private readonly deps: ToolHubDeps) {}

  /** Installs a marketplace tool or one of the organization's custom tools; answers whether it was new. */
  install(slug: string, actor: ToolActor): { created: boolean; installation: ToolInstallation } {
    const existing = this.#installed.get(slug);
    if (existing) return { created: false, installation: cloneJson(existing) };
    const installation = this.#installable(slug);
    this.#installed.set(slug, installation);
    this.#report("tool.installed", slug, actor, { credentialMode: installation.credentialMode });
    return { created: true, installation: cloneJson(installation) };
  }

  /** Creates or replaces a custom tool (the agents' upsert semantics). */
  upsertCustom(input: CustomToolRequest, actor: ToolActor): CustomTool {
    if (MARKETPLACE.has(input.slug)) throw new ApiError("conflict", `'${input.slug}' is a marketplace tool; a custom tool needs another slug`);
    const required = (input.credentialsJson as { required?: unknown } | undefined)?.required;
    if (required !== undefined && !(Array.isArray(required) && required.every((field) => typeof field === "string"))) {
      throw new ApiError("bad_request", "credentialsJson.required must list credential field names", [{ path: "/body/credentialsJson/required", message: "must be an array of strings" }]);
    }
    const existing = this.#custom.get(input.slug)?.tool;
    const now = this.deps.clock.now().toISOString();
    const tool: CustomTool = {
      id: existing?.id ?? this.deps.ids.token("tool_", 12),
      slug: input.slug,
      name: input.name,
      description: input.description ?? null,
      category: input.category ?? null,
      toolVersion: input.version ?? null,
      parametersJson: cloneJson(input.parametersJson ?? {}),
      credentialsJson: cloneJson(input.credentialsJson ?? {}),
      actionsJson: cloneJson(input.actionsJson ?? {}),
      action: existing ? "updated" : "created",
      version: existing ? existing.version + 1 : 1,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    this.#custom.set(input.slug, { tool, code: input.code });
    // An installed custom tool follows its definition: its credential requirements may have changed.
    if (this.#installed.has(input.slug)) this.#installed.set(input.slug, installationOf(tool));
    this.#report(`tool.${tool.action}`, tool.slug, actor, { version: tool.version });
    return cloneJson(tool);
  }

  /** Whether the organization can call this tool (installed, or its own custom tool). */
  has(slug: string): boolean {
    return this.#installed.has(slug) || this.#custom.has(slug);
  }

  /**
   * Executes an action (404 when the tool is not usable). `audit` records the execution in the
   * activity feed; a run's tool call is recorded through its thread events instead.
   */
  execute(slug: string, input: ToolExecuteInput, actor: ToolActor, audit = true): ToolExecution {
    if (!this.has(slug)) throw new ApiError("not_found", `Tool '${slug}' is not installed (POST /v1/tools/${slug}/install) and is no custom tool of this organization`);
    const params = cloneJson(input.params ?? {});
    const result = this.deps.scripted?.(slug, { action: input.action, params }) ?? this.#defaultResult(slug, { ...input, params }, actor);
    if (audit) {
      this.#report(result.success ? "tool.executed" : "tool.call.failed", slug, actor, { action: input.action, success: result.success, ...(result.error ? { errorCode: result.error.code } : {}) }, result.success ? "success" : "error");
    }
    return result;
  }

  /** Every installation and custom tool, for a state snapshot. */
  exportAll(): { installed: ToolInstallation[]; custom: StoredCustomTool[] } {
    return { installed: [...this.#installed.values()].map(cloneJson), custom: [...this.#custom.values()].map(cloneJson) };
  }

  /** Loads a snapshot into this empty store. */
  importAll(snapshot: { installed: readonly ToolInstallation[]; custom: readonly StoredCustomTool[] }): void {
    for (const stored of snapshot.custom) {
      if (this.#custom.has(stored.tool.slug)) throw new Error(`custom tool '${stored.tool.slug}' appears twice`);
      this.#custom.set(stored.tool.slug, cloneJson(stored));
    }
    for (const installation of snapshot.installed) {
      if (this.#installed.has(installation.slug)) throw new Error(`installed tool '${installation.slug}' appears twice`);
      this.#installed.set(installation.slug, cloneJson(installation));
    }
  }

  #installable(slug: string): ToolInstallation {
    const custom = this.#custom.get(slug);
    if (custom) return installationOf(custom.tool);
    const listed = MARKETPLACE.get(slug);
    if (!listed) throw new ApiError("not_found", `Tool '${slug}' not found in the marketplace or this organization's custom tools`);
    return { ...cloneJson(listed), installed: true };
  }

  /** The deterministic default: check the action and the credentials, then echo the request. */
  #defaultResult(slug: string, input: ToolExecuteInput & { params: Record<string, unknown> }, actor: ToolActor): ToolExecution {
    const actions = Object.keys(this.#custom.get(slug)?.tool.actionsJson ?? {});
    if (actions.length > 0 && !actions.includes(input.action)) {
      return failure("unknown_action", `Tool '${slug}' has no action '${input.action}' (it has ${actions.join(", ")})`, 400);
    }
    for (const field of this.#requiredFields(slug)) {
      const problem = this.#credentialProblem(slug, field, input, actor);
      if (problem) return problem;
    }
    return { success: true, result: { tool: slug, action: input.action, params: input.params }, durationMs: 0 };
  }

  #requiredFields(slug: string): string[] {
    const installed = this.#installed.get(slug);
    if (installed) return installed.requiredCredentialFields;
    const custom = this.#custom.get(slug);
    return custom ? installationOf(custom.tool).requiredCredentialFields : [];
  }

  /** The documented order: request credentials, credentialOverrides, secrets named after the field. */
  #credentialProblem(slug: string, field: string, input: ToolExecuteInput, actor: ToolActor): ToolExecution | undefined {
    if (input.credentials?.[field] !== undefined) return undefined;
    const override = input.credentialOverrides?.[field];
    if (override !== undefined) {
      return this.deps.secretValue(override, actor) === undefined ? failure("credential_secret_not_found", `Secret '${override}' for credential '${field}' not found`, 404) : undefined;
    }
    const candidates = [secretNameOf(field), secretNameOf(`${slug}_${field}`)];
    if (candidates.some((name) => this.deps.secretValue(name, actor) !== undefined)) return undefined;
    return failure("credentials_missing", `Tool '${slug}' needs credential '${field}' (send credentials, a credentialOverrides secret, or store secret ${candidates.join(" or ")})`, 401);
  }

  #report(eventType: string, slug: string, actor: ToolActor, attributes: Record<string, unknown>, severity: "info" | "success" | "error" = "info"): void {
    this.deps.activity.record({ resourceType: "tool", resourceId: slug, toolSlug: slug, eventType, title: `Tool ${slug} ${eventType.split(".").slice(1).join(" ")}`, actorUserId: actor.userId, severity, attributes });
  }
}

/** How a custom tool installs: oauth when it maps OAuth, secret when it requires fields, else none. */
function installationOf(tool: CustomTool): ToolInstallation {
  const credentials = tool.credentialsJson as { required?: string[]; oauth?: unknown };
  const required = credentials.required ?? [];
  const credentialMode = credentials.oauth !== undefined ? "oauth" : required.length > 0 ? "secret" : "none";
  // An OAuth tool's fields come from the connected account (docs: /sdk/custom-tools, credentialMapping).
  const requiredCredentialFields = credentialMode === "oauth" ? [] : [...required];
  return { slug: tool.slug, installed: true, credentialsRequired: credentialMode !== "none", credentialMode, requiredCredentialFields };
}

/** A credential field's secret name: `apiKey` → `API_KEY`, `customer-api_apiKey` → `CUSTOMER_API_API_KEY`. */
export function secretNameOf(field: string): string {
  return field
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .replace(/[^A-Z0-9_]+/g, "_");
}

function failure(code: string, message: string, statusCode: number): ToolExecution {
  return { success: false, result: null, durationMs: 0, error: { code, message, statusCode } };
}
