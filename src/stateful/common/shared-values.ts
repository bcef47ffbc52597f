/**
 * Stored records share what many of them hold alike. An agent created with the defaults holds
 * five empty containers (`toolsJson`, `configJson`, `providerOptions`, `envJson`,
 * `attachedResources`) and a handful of strings that take a few values (`model`,
 * `executionMode`, `visibility`); each JSON body parsed brings its own copies. Sharing them took
 * 100,000 stored agents from ~815 to ~550 bytes each (docs/performance.md).
 *
 * Safe because a store never hands out what it holds (it answers deep copies, clone.ts) and never
 * changes a held container in place (it builds a new record instead); the shared containers are
 * frozen, so a store that broke that rule would fail loudly.
 */

const EMPTY_ARRAY: readonly unknown[] = Object.freeze([]);
const EMPTY_OBJECT: Readonly<Record<string, never>> = Object.freeze({});

/** One copy of each short value of the interned fields; bounded, since values are client-chosen. */
const interned = new Map<string, string>();
const INTERNED_BOUND = 4096;
const INTERNED_LENGTH = 64;

function intern(value: string): string {
  if (value.length > INTERNED_LENGTH) return value;
  const known = interned.get(value);
  if (known !== undefined) return known;
  if (interned.size < INTERNED_BOUND) interned.set(value, value);
  return value;
}

/**
 * Replaces the record's empty top-level arrays and objects with shared frozen ones, and the
 * values of `internedFields` with shared copies. Changes `record` in place and returns it.
 */
export function shareCommonValues<T extends object>(record: T, internedFields: readonly (keyof T & string)[]): T {
  const fields = record as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    if (Array.isArray(value)) {
      if (value.length === 0) fields[key] = EMPTY_ARRAY;
    } else if (value !== null && typeof value === "object") {
      if (Object.keys(value).length === 0) fields[key] = EMPTY_OBJECT;
    }
  }
  for (const key of internedFields) {
    const value = fields[key];
    if (typeof value === "string") fields[key] = intern(value);
  }
  return record;
}
