/** Cron schedules without a clock: parsing and the next occurrence, in UTC. */
import { describe, expect, it } from "vitest";
import { nextOccurrence, parseCron, type CronSchedule } from "./cron.ts";

function schedule(expression: string): CronSchedule {
  const parsed = parseCron(expression);
  if (typeof parsed === "string") throw new Error(parsed);
  return parsed;
}
const next = (expression: string, after: string) => nextOccurrence(schedule(expression), new Date(after))?.toISOString();

describe("parseCron", () => {
  it.each([
    ["0 * * *", "five fields"],
    ["60 * * * *", "minute: '60' is outside 0-59"],
    ["* 24 * * *", "hour: '24' is outside 0-23"],
    ["* * * JAN *", "month: 'JAN' is not a number"],
    ["*/0 * * * *", "minute: '*/0' has a step below 1"],
  ])("refuses %s, saying why", (expression, why) => {
    expect(parseCron(expression)).toContain(why);
  });
});

describe("nextOccurrence", () => {
  it.each([
    ["0 * * * *", "2026-01-01T10:00:00.000Z", "2026-01-01T11:00:00.000Z"],
    ["*/15 * * * *", "2026-01-01T10:07:30.000Z", "2026-01-01T10:15:00.000Z"],
    ["30 9 * * 1-5", "2026-01-02T10:00:00.000Z", "2026-01-05T09:30:00.000Z"],
    ["0 0 1 * *", "2026-01-15T00:00:00.000Z", "2026-02-01T00:00:00.000Z"],
    ["0 12 * * 7", "2026-01-01T00:00:00.000Z", "2026-01-04T12:00:00.000Z"],
    ["0 0 13 * 5", "2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z"],
  ])("answers the first occurrence of %s strictly after %s", (expression, after, expected) => {
    expect(next(expression, after)).toBe(expected);
  });

  it("answers undefined for a schedule that never comes", () => {
    expect(next("0 0 30 2 *", "2026-01-01T00:00:00.000Z")).toBeUndefined();
  });
});
