/**
 * One organization's workflow triggers and runs (docs: /advanced/webhooks, /concepts; shapes
 * inferred [I] where the docs show none, spec/components/schemas/workflows.yaml).
 *
 * - A webhook trigger has an unguessable `webhookSlug` and a secret; invoking it with the right
 *   `X-Webhook-Secret` starts a run whose input is the payload.
 * - A cron trigger fires on the mock's clock: `fireDue` (called before every workflow operation)
 *   starts one run per occurrence that passed, at most CATCH_UP_LIMIT at a time.
 * - The mock runs no workflow graph (definitions have no public API): a run completes at once.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { WorkflowRun, WorkflowTrigger, WorkflowTriggerCreateRequest, WorkflowTriggerUpdateRequest } from "../../api-types.ts";
import { ApiError } from "../../core/errors.ts";
import type { Clock, IdSource } from "../common/clock.ts";
import { cloneJson } from "../common/clone.ts";
import { nextOccurrence, parseCron } from "./cron.ts";

/** The most runs one cron trigger starts in one evaluation; older missed occurrences are dropped. */
export const CATCH_UP_LIMIT = 100;
/** The most runs kept per organization; the oldest drop off. */
export const RUN_CAP = 10_000;

/** A trigger as stored (and as a state document keeps it). */
export interface StoredTrigger {
  seq: number;
  trigger: WorkflowTrigger;
  /** The webhook secret (webhook triggers only). */
  secret: string | null;
}

/** What a workflow store needs. */
export interface WorkflowStoreDeps {
  clock: Clock;
  ids: IdSource;
  /** Told of every webhook slug the store holds, so the keyless invoke can find the organization. */
  onWebhook?: (webhookSlug: string) => void;
}

/** A create request; defaulted fields may be left out when the store is used without HTTP. */
export type TriggerInput = Pick<WorkflowTriggerCreateRequest, "type"> & Partial<Omit<WorkflowTriggerCreateRequest, "type">>;

/** One organization's workflow triggers and runs. */
export class WorkflowStore {
  readonly #triggers = new Map<string, StoredTrigger>();
  #runs: WorkflowRun[] = [];
  #seq = 0;

  constructor(private readonly deps: WorkflowStoreDeps) {}

  /** Creates a trigger; the answer alone carries a webhook trigger's secret. */
  create(workflowSlug: string, input: TriggerInput, baseUrl: string): WorkflowTrigger {
    const now = this.deps.clock.now();
    const webhook = input.type === "webhook";
    if (webhook && input.schedule !== undefined) throw badBody("/body/schedule", "is for cron triggers only");
    if (!webhook && input.secret !== undefined) throw badBody("/body/secret", "is for webhook triggers only");
    if (!webhook && input.schedule === undefined) throw badBody("/body/schedule", "is required for cron triggers");
    const webhookSlug = webhook ? this.deps.ids.token("whk_", 20) : null;
    const secret = webhook ? (input.secret ?? this.deps.ids.token("whsec_", 32)) : null;
    const schedule = input.schedule ?? null;
    const enabled = input.enabled ?? true;
    const trigger: WorkflowTrigger = {
      id: this.deps.ids.uuid(),
      workflowSlug,
      type: input.type,
      name: input.name ?? input.type,
      enabled,
      webhookSlug,
      webhookUrl: webhookSlug && `${baseUrl}/v1/workflows/webhooks/${webhookSlug}`,
      secret: null,
      schedule,
      nextRunAt: schedule === null ? null : nextRun(schedule, now),
      lastFiredAt: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    this.#triggers.set(trigger.id, { seq: ++this.#seq, trigger, secret });
    if (webhookSlug) this.deps.onWebhook?.(webhookSlug);
    return { ...cloneJson(trigger), secret };
  }

  /** The workflow's triggers, oldest first, without secrets. */
  list(workflowSlug: string): WorkflowTrigger[] {
    return [...this.#triggers.values()].filter((s) => s.trigger.workflowSlug === workflowSlug).map((s) => cloneJson(s.trigger));
  }

  update(workflowSlug: string, id: string, patch: WorkflowTriggerUpdateRequest): WorkflowTrigger {
    const stored = this.#stored(workflowSlug, id);
    const { trigger } = stored;
    if (trigger.type === "cron" && patch.secret !== undefined) throw badBody("/body/secret", "is for webhook triggers only");
    if (trigger.type === "webhook" && patch.schedule !== undefined) throw badBody("/body/schedule", "is for cron triggers only");
    const now = this.deps.clock.now();
    if (patch.schedule !== undefined) {
      trigger.nextRunAt = nextRun(patch.schedule, now);
      trigger.schedule = patch.schedule;
    }
    if (patch.secret !== undefined) stored.secret = patch.secret;
    if (patch.name !== undefined) trigger.name = patch.name;
    if (patch.enabled !== undefined && patch.enabled !== trigger.enabled) {
      trigger.enabled = patch.enabled;
      // A schedule turned back on counts from now: what passed while it was off never fires.
      if (patch.enabled && trigger.schedule !== null) trigger.nextRunAt = nextRun(trigger.schedule, now);
    }
    trigger.updatedAt = now.toISOString();
    return cloneJson(trigger);
  }

  delete(workflowSlug: string, id: string): { id: string } {
    this.#stored(workflowSlug, id);
    this.#triggers.delete(id);
    return { id };
  }

  /**
   * Starts a run from a webhook, checking its secret in constant time: an unknown slug is a 404,
   * a wrong secret a 401, a disabled trigger a 409.
   */
  invoke(webhookSlug: string, secret: string, input: unknown): WorkflowRun {
    const stored = [...this.#triggers.values()].find((s) => s.trigger.webhookSlug === webhookSlug);
    if (!stored) throw new ApiError("not_found", `Webhook '${webhookSlug}' not found`);
    if (!sameSecret(secret, stored.secret ?? "")) throw new ApiError("unauthorized", "Wrong X-Webhook-Secret for this webhook");
    if (!stored.trigger.enabled) throw new ApiError("conflict", `Trigger '${stored.trigger.name}' is disabled`);
    return this.#start(stored.trigger, input, this.deps.clock.now());
  }

  /** The workflow's newest runs first, at most `limit`. */
  runs(workflowSlug: string, limit: number): WorkflowRun[] {
    const runs: WorkflowRun[] = [];
    for (let i = this.#runs.length - 1; i >= 0 && runs.length < limit; i--) {
      const run = this.#runs[i] as WorkflowRun;
      if (run.workflowSlug === workflowSlug) runs.push(cloneJson(run));
    }
    return runs;
  }

  /** Starts the runs of every enabled cron trigger whose occurrences passed by now. */
  fireDue(): void {
    const now = this.deps.clock.now();
    for (const { trigger } of this.#triggers.values()) {
      if (!trigger.enabled || trigger.schedule === null) continue;
      let fired = 0;
      while (trigger.nextRunAt !== null && Date.parse(trigger.nextRunAt) <= now.getTime() && fired < CATCH_UP_LIMIT) {
        const at = new Date(trigger.nextRunAt);
        this.#start(trigger, null, at);
        trigger.lastFiredAt = at.toISOString();
        trigger.nextRunAt = nextRun(trigger.schedule, at);
        fired++;
      }
      if (trigger.nextRunAt !== null && Date.parse(trigger.nextRunAt) <= now.getTime()) trigger.nextRunAt = nextRun(trigger.schedule, now);
    }
  }

  /** Triggers and runs as a state document keeps them. */
  exportAll(): { triggers: StoredTrigger[]; runs: WorkflowRun[] } {
    return { triggers: [...this.#triggers.values()].map((s) => cloneJson(s)), runs: cloneJson(this.#runs) };
  }

  importAll(document: { triggers: readonly StoredTrigger[]; runs: readonly WorkflowRun[] }): void {
    this.#triggers.clear();
    this.#seq = 0;
    for (const stored of document.triggers) {
      this.#triggers.set(stored.trigger.id, cloneJson(stored));
      this.#seq = Math.max(this.#seq, stored.seq);
      if (stored.trigger.webhookSlug) this.deps.onWebhook?.(stored.trigger.webhookSlug);
    }
    this.#runs = cloneJson([...document.runs]);
  }

  #start(trigger: WorkflowTrigger, input: unknown, at: Date): WorkflowRun {
    const run: WorkflowRun = {
      id: this.deps.ids.token("wfr_", 16),
      workflowSlug: trigger.workflowSlug,
      triggerId: trigger.id,
      triggerType: trigger.type,
      status: "completed",
      input: cloneJson(input ?? null),
      createdAt: at.toISOString(),
      completedAt: at.toISOString(),
    };
    this.#runs.push(run);
    if (this.#runs.length > RUN_CAP) this.#runs.splice(0, this.#runs.length - RUN_CAP);
    return cloneJson(run);
  }

  #stored(workflowSlug: string, id: string): StoredTrigger {
    const stored = this.#triggers.get(id);
    if (!stored || stored.trigger.workflowSlug !== workflowSlug) throw new ApiError("not_found", `Trigger '${id}' not found`);
    return stored;
  }
}

/** The next occurrence of a schedule after `after`, or a 400 at /body/schedule when it is not one. */
function nextRun(expression: string, after: Date): string | null {
  const schedule = parseCron(expression);
  if (typeof schedule === "string") throw badBody("/body/schedule", schedule);
  return nextOccurrence(schedule, after)?.toISOString() ?? null;
}

function badBody(path: string, message: string): ApiError {
  return new ApiError("bad_request", `Invalid request: ${path} ${message}`, [{ path, message }]);
}

function sameSecret(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected)) && expected !== "";
}
