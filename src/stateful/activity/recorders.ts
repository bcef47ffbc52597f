/**
 * What each state change reports to the activity feed: one small function per kind of
 * resource, turning the changed resource into an `ActivityInput`. Handlers call these after a
 * store call succeeds (a rejected request records nothing), and the thread store's append hook
 * turns durable run events into run and tool-call activity, so that every run is recorded
 * however it ends (JSON, stream, cancel, a dispatched run finished by the Mac).
 */
import type { Agent, RunSummary, Sandbox, Thread, ThreadEvent, Workspace } from "../../api-types.ts";
import type { ActivityInput, ActivitySink } from "./activity-log.ts";

/** A sandbox changed (`sandbox.created`, `.paused`, `.resumed`, `.destroyed`, `.command.executed`). */
export function sandboxActivity(eventType: string, sandbox: Pick<Sandbox, "id" | "name"> & { status?: string }, actorUserId: string, attributes: Record<string, unknown> = {}): ActivityInput {
  const verb = eventType.split(".").slice(1).join(" ");
  return {
    resourceType: "sandbox",
    resourceId: sandbox.id,
    sandboxId: sandbox.id,
    eventType,
    title: `Sandbox ${sandbox.name} ${verb.replace("command executed", "ran a command")}`,
    actorUserId,
    severity: eventType === "sandbox.destroyed" ? "warning" : "info",
    status: sandbox.status ?? null,
    attributes,
  };
}

/** An agent changed (`agent.created`, `.updated`, `.deleted`). */
export function agentActivity(eventType: string, agent: Pick<Agent, "id" | "slug" | "sandboxId"> & { version?: number }, actorUserId: string): ActivityInput {
  return {
    resourceType: "agent",
    resourceId: agent.id,
    sandboxId: agent.sandboxId,
    eventType,
    title: `Agent ${agent.slug} ${eventType.split(".")[1]}`,
    actorUserId,
    attributes: { slug: agent.slug, ...(agent.version !== undefined ? { version: agent.version } : {}) },
  };
}

/** A workspace changed (`workspace.created`, `.renamed`, `.deleted`). */
export function workspaceActivity(eventType: string, workspace: Pick<Workspace, "id"> & { name?: string }, actorUserId: string): ActivityInput {
  return {
    resourceType: "workspace",
    resourceId: workspace.id,
    workspaceId: workspace.id,
    eventType,
    title: `Workspace ${workspace.name ?? workspace.id} ${eventType.split(".")[1]}`,
    actorUserId,
    severity: eventType === "workspace.deleted" ? "warning" : "info",
  };
}

/** A thread changed through its own operations (`thread.updated`, `thread.deleted`, `thread.compacted`). */
export function threadActivity(eventType: string, thread: Pick<Thread, "id"> & { archived?: boolean }, actorUserId: string, attributes: Record<string, unknown> = {}): ActivityInput {
  const archived = thread.archived !== undefined ? { archived: thread.archived } : {};
  const all = { ...archived, ...attributes };
  return {
    resourceType: "thread",
    resourceId: thread.id,
    threadId: thread.id,
    eventType,
    title: `Thread ${thread.id} ${eventType.split(".")[1]}`,
    actorUserId,
    ...(Object.keys(all).length > 0 ? { attributes: all } : {}),
  };
}

const RUN_END: Record<string, { eventType: string; severity: "success" | "error" | "warning" }> = {
  completed: { eventType: "agent.run.completed", severity: "success" },
  failed: { eventType: "agent.run.failed", severity: "error" },
  cancelled: { eventType: "agent.run.cancelled", severity: "warning" },
};

/**
 * Records the activity a durable thread event stands for: a run started or ended, a tool call
 * started or completed. Other events (messages, compaction) are history, not activity.
 * `targetDeviceId` is the device of a local-mac run's agent.
 */
export function recordRunEvent(sink: ActivitySink, event: ThreadEvent, thread: Thread, run: RunSummary | undefined, targetDeviceId: string | null = null): void {
  // A local-mac run names the RunMesh device it is dispatched to, so that the device's activity
  // (GET /v1/runmesh/devices/{id}/activity) lists it.
  const links = { threadId: thread.id, agentRunId: event.runId, sandboxId: run?.sandboxId ?? null, runmeshNodeId: targetDeviceId };
  const actorUserId = run?.userId ?? thread.ownerUserId;
  const payload = event.payload as Record<string, unknown>;
  const agent = run?.agentSlug ?? thread.agentId;
  const runId = event.runId ?? thread.id;
  if (event.type === "run_started") {
    const dispatched = run?.status === "dispatched";
    sink.record({
      ...links,
      resourceType: "run",
      resourceId: runId,
      eventType: dispatched ? "agent.run.dispatched" : "agent.run.started",
      title: `Run of ${agent} ${dispatched ? "dispatched" : "started"}`,
      actorUserId,
      status: run?.status ?? "running",
      attributes: { agentId: thread.agentId },
    });
  } else if (event.type === "run_completed") {
    const end = RUN_END[String(payload.status)] ?? (RUN_END.completed as (typeof RUN_END)[string]);
    sink.record({
      ...links,
      resourceType: "run",
      resourceId: runId,
      eventType: end.eventType,
      title: `Run of ${agent} ${end.eventType.split(".")[2]}`,
      actorUserId,
      severity: end.severity,
      status: String(payload.status ?? "completed"),
      attributes: { agentId: thread.agentId },
    });
  } else if (event.type === "tool_call" || event.type === "tool_result") {
    const name = typeof payload.name === "string" ? payload.name : "tool";
    const started = event.type === "tool_call";
    // A Tool Hub result reports failure in its body (`success: false`); the docs name `tool.call.failed`.
    const failed = !started && (payload.output as { success?: unknown } | undefined)?.success === false;
    const outcome = started ? "started" : failed ? "failed" : "completed";
    sink.record({
      ...links,
      resourceType: "tool",
      resourceId: `${runId}/${String(payload.toolCallId ?? name)}`,
      toolSlug: name,
      eventType: `tool.call.${outcome}`,
      title: `Tool ${name} ${started ? "called" : outcome}`,
      actorUserId,
      ...(failed ? { severity: "error" as const } : {}),
      status: started ? "running" : outcome,
      attributes: { toolCallId: payload.toolCallId ?? null },
    });
  }
}
