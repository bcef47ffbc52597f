/**
 * Five-field cron expressions (minute hour day-of-month month day-of-week), evaluated in UTC:
 * numbers, `*`, lists (`1,15`), ranges (`1-5`) and steps (`*\/15`, `0-30/10`); day-of-week 0–7
 * with 0 and 7 both Sunday; when both day fields are restricted, either matching is enough (as
 * Vixie cron does). Names (`MON`, `JAN`) and the `@hourly` shorthands are not accepted [I]:
 * the docs name cron triggers without showing a schedule (spec WorkflowTriggerCreateRequest).
 */

/** A parsed schedule. */
export interface CronSchedule {
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
  daysRestricted: boolean;
  weekdaysRestricted: boolean;
}

const FIELDS = [
  ["minute", 0, 59],
  ["hour", 0, 23],
  ["day of month", 1, 31],
  ["month", 1, 12],
  ["day of week", 0, 7],
] as const;

/** Parses a schedule, or answers why it is not one (a sentence naming the field). */
export function parseCron(expression: string): CronSchedule | string {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) return `a cron schedule has five fields (minute hour day-of-month month day-of-week), got ${parts.length}`;
  const sets: Set<number>[] = [];
  for (const [i, [name, min, max]] of FIELDS.entries()) {
    const set = parseField(parts[i] as string, min, max);
    if (typeof set === "string") return `${name}: ${set}`;
    sets.push(set);
  }
  const [minutes, hours, days, months, weekdays] = sets as [Set<number>, Set<number>, Set<number>, Set<number>, Set<number>];
  if (weekdays.delete(7)) weekdays.add(0);
  return { minutes, hours, days, months, weekdays, daysRestricted: parts[2] !== "*", weekdaysRestricted: parts[4] !== "*" };
}

function parseField(field: string, min: number, max: number): Set<number> | string {
  const values = new Set<number>();
  for (const item of field.split(",")) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(item);
    if (!match) return `'${item}' is not a number, range, list or step`;
    const from = match[1] === "*" ? min : Number(match[2]);
    const to = match[1] === "*" ? max : match[3] !== undefined ? Number(match[3]) : match[4] !== undefined ? max : from;
    const step = match[4] === undefined ? 1 : Number(match[4]);
    if (from < min || to > max || from > to) return `'${item}' is outside ${min}-${max}`;
    if (step < 1) return `'${item}' has a step below 1`;
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
}

const MINUTE = 60_000;
/** How far ahead an occurrence is looked for (a schedule such as 30 February never fires). */
const HORIZON_MS = 5 * 366 * 24 * 60 * MINUTE;

/** The first occurrence strictly after `after`, or undefined when none comes within five years. */
export function nextOccurrence(schedule: CronSchedule, after: Date): Date | undefined {
  let t = Math.floor(after.getTime() / MINUTE) * MINUTE + MINUTE;
  const end = after.getTime() + HORIZON_MS;
  while (t <= end) {
    const d = new Date(t);
    if (!schedule.months.has(d.getUTCMonth() + 1) || !dayMatches(schedule, d)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
    } else if (!schedule.hours.has(d.getUTCHours())) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1);
    } else if (!schedule.minutes.has(d.getUTCMinutes())) {
      t += MINUTE;
    } else {
      return d;
    }
  }
  return undefined;
}

function dayMatches(schedule: CronSchedule, d: Date): boolean {
  const day = schedule.days.has(d.getUTCDate());
  const weekday = schedule.weekdays.has(d.getUTCDay());
  if (schedule.daysRestricted && schedule.weekdaysRestricted) return day || weekday;
  return day && weekday;
}
