/**
 * The differences between two JSON values as a flat list of paths ("effects.1.lagYears"), for the
 * version diff. Arrays are compared by index; an entry present on one side only shows as
 * added (before undefined) or removed (after undefined).
 */
export function diffJson(
  before: unknown,
  after: unknown,
  path = "",
): { path: string; before: unknown; after: unknown }[] {
  if (Object.is(before, after)) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffJson(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return [{ path: path || "(hele scenariet)", before, after }];
}
