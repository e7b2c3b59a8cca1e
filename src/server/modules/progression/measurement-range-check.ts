import {
  formatNumber,
  type InstrumentVersion,
  readItemValue,
  type Scale,
  type ScoreDefinition,
} from "../../../domain/progression/index.js";
import { isAbove, isBelow } from "../../../domain/progression/tolerance.js";

/*
 * "Out of range" in the data-quality list, precisely:
 * 1. an item value: an answered value that the scale of the item in the instrument version the
 *    measurement was scored with does not accept — the domain's own reading of a value
 *    (`readItemValue`: outside min–max, off the step, an unknown category, not a number) — or a value
 *    for an item that version does not have. An unanswered item is not out of range.
 * 2. a score: a stored score below the smallest or above the largest value the version's items can
 *    give: for a single item the ends of its scale (numeric range min–max, a percentage 0–100, hours
 *    0–max, categories the first and last category's value); for a mean, the smallest minimum to the
 *    largest maximum of its items; for a sum, the sum of the minimums to the sum of the maximums.
 * The form and the import refuse such values, so they show up only from data written around the
 * checks (an old import, a repair in the database) — which is exactly what this list is for.
 */

/** One value outside its range. */
export interface RangeProblem {
  /** The item code, or the score code for a score. */
  field: string;
  isScore: boolean;
  value: number | string | null;
  allowedMin: number | null;
  allowedMax: number | null;
  /** What is wrong, in Danish. */
  message: string;
}

/** The smallest and largest value a scale allows. */
export function rangeOfScale(scale: Scale): { min: number; max: number } {
  switch (scale.kind) {
    case "numeric-range":
      return { min: scale.min, max: scale.max };
    case "ordered-categories":
      return { min: scale.categories[0]!.value, max: scale.categories[scale.categories.length - 1]!.value };
    case "percentage":
      return { min: 0, max: 100 };
    case "hours":
      return { min: 0, max: scale.max };
  }
}

/** The smallest and largest value a score can take (see the module comment), or undefined when an item is unknown. */
export function rangeOfScore(
  version: InstrumentVersion,
  score: ScoreDefinition,
): { min: number; max: number } | undefined {
  const codes = score.kind === "item" ? [score.item] : score.items;
  const ranges: { min: number; max: number }[] = [];
  for (const code of codes) {
    const item = version.items.find((i) => i.code === code);
    if (!item) return undefined;
    ranges.push(rangeOfScale(item.scale));
  }
  if (score.kind === "sum") {
    return {
      min: ranges.reduce((s, r) => s + r.min, 0),
      max: ranges.reduce((s, r) => s + r.max, 0),
    };
  }
  return { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
}

const da = (n: number) => formatNumber(n, "da", 4);

/** Every stored value of one measurement outside its range, checked against the version it was scored with. */
export function findRangeProblems(
  version: InstrumentVersion,
  values: Readonly<Record<string, number | string | null>>,
  scored: Readonly<Record<string, number | null>>,
): RangeProblem[] {
  const problems: RangeProblem[] = [];
  const itemCodes = new Set(version.items.map((i) => i.code));
  for (const [code, raw] of Object.entries(values)) {
    if (!itemCodes.has(code) && raw !== null && raw !== "") {
      problems.push({
        field: code,
        isScore: false,
        value: raw,
        allowedMin: null,
        allowedMax: null,
        message: `Spørgsmålet findes ikke i version ${version.version} af måleredskabet`,
      });
    }
  }
  for (const item of version.items) {
    const raw = values[item.code];
    if (raw === undefined || raw === null || raw === "") continue;
    const read = readItemValue(item, raw);
    if (!("error" in read)) continue;
    const range = item.scale.kind === "ordered-categories" ? undefined : rangeOfScale(item.scale);
    problems.push({
      field: item.code,
      isScore: false,
      value: raw,
      allowedMin: range?.min ?? null,
      allowedMax: range?.max ?? null,
      message: read.error,
    });
  }
  for (const score of version.scores) {
    const value = scored[score.code];
    if (value === undefined || value === null) continue;
    const range = rangeOfScore(version, score);
    if (!range || !(isBelow(value, range.min) || isAbove(value, range.max))) continue;
    problems.push({
      field: score.code,
      isScore: true,
      value,
      allowedMin: range.min,
      allowedMax: range.max,
      message: `Scoren ${score.label} er ${da(value)}, men kan kun ligge mellem ${da(range.min)} og ${da(range.max)}`,
    });
  }
  return problems;
}
