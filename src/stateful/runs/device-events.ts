/**
 * The durable events a device publishes for a run it carries out (docs:
 * /api-reference/threads/append-durable-thread-events; /features/runmesh: "the Mac sidecar then
 * executes locally and publishes thread events back to the platform"). The docs give the items no
 * shape; the mock takes a ThreadEvent's `type` and `payload` and checks each payload against what
 * the mock's own runs record (spec ThreadEvent), so that history written by a device reads like
 * history written by the mock. Every event is checked before any is appended.
 */
import type { RunStatus, ThreadEventInput } from "../../api-types.ts";
import { ApiError, type ValidationDetail } from "../../core/errors.ts";

/** The statuses a `run_completed` event may end a run with. */
const END_STATUSES: ReadonlySet<string> = new Set(["completed", "failed", "cancelled"]);

type Payload = Record<string, unknown>;

const isString = (value: unknown) => typeof value === "string";
const isObject = (value: unknown) => value !== null && typeof value === "object" && !Array.isArray(value);

/** Each type's required and optional payload fields, with their check and what they must be. */
const PAYLOAD_RULES: Record<ThreadEventInput["type"], { field: string; required: boolean; check: (value: unknown) => boolean; must: string }[]> = {
  user_message: [{ field: "content", required: true, check: isString, must: "a string" }],
  assistant_message: [{ field: "content", required: true, check: isString, must: "a string" }],
  tool_call: [
    { field: "toolCallId", required: true, check: isString, must: "a string" },
    { field: "name", required: true, check: isString, must: "a string" },
    { field: "arguments", required: false, check: isObject, must: "an object" },
  ],
  tool_result: [
    { field: "toolCallId", required: true, check: isString, must: "a string" },
    { field: "name", required: true, check: isString, must: "a string" },
  ],
  run_completed: [
    { field: "status", required: true, check: (value) => END_STATUSES.has(value as string), must: "one of completed, failed, cancelled" },
    { field: "usage", required: false, check: isObject, must: "an object" },
    { field: "iterations", required: false, check: (value) => Number.isSafeInteger(value) && (value as number) >= 0, must: "an integer ≥ 0" },
  ],
};

/**
 * Checks a batch of device events; answers the status a trailing `run_completed` ends the run
 * with (undefined when the batch does not end it), or throws one 400 naming every problem.
 */
export function checkDeviceEvents(events: readonly ThreadEventInput[]): RunStatus | undefined {
  const problems: ValidationDetail[] = [];
  events.forEach((event, index) => {
    const at = `/body/events/${index}`;
    const payload = event.payload as Payload;
    for (const rule of PAYLOAD_RULES[event.type]) {
      const value = payload[rule.field];
      if (value === undefined) {
        if (rule.required) problems.push({ path: `${at}/payload/${rule.field}`, message: `is required for a ${event.type} event (${rule.must})` });
      } else if (!rule.check(value)) {
        problems.push({ path: `${at}/payload/${rule.field}`, message: `must be ${rule.must}` });
      }
    }
    if (event.type === "run_completed" && index !== events.length - 1) {
      problems.push({ path: `${at}/type`, message: "run_completed ends the run: it may only be the last event" });
    }
  });
  if (problems.length > 0) {
    throw new ApiError("bad_request", `Invalid events: ${problems.map((p) => `${p.path} ${p.message}`).join("; ")}`, problems);
  }
  const last = events.at(-1);
  return last?.type === "run_completed" ? ((last.payload as Payload).status as RunStatus) : undefined;
}
