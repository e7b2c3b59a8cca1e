/**
 * Scoring: checks a set of item values against an instrument version and computes the version's scored
 * values (and cut-off bands). Errors are Danish, one per item, keyed by the item's code, so that a form
 * or a CSV import can show each one where it belongs.
 */
import { formatNumber } from "./format-text.js";
import {
  type CutOff,
  type InstrumentVersion,
  type Item,
  RESPONDENT_LABELS_DA,
  type Respondent,
} from "./instrument.js";

/** A recorded item value: a number for numeric scales, a category code for ordered categories, null for "not answered". */
export type ItemValue = number | string | null;

/** Item values keyed by item code. */
export type ItemValues = Readonly<Record<string, ItemValue | undefined>>;

/** Scored values keyed by score code; null when too few items were answered. */
export type ScoredValues = Record<string, number | null>;

/** Danish messages keyed by item code (or `respondent`). */
export type ScoringErrors = Record<string, string>;

/** The outcome of scoring: the cleaned values with their scores, or the errors. */
export type ScoringResult =
  | {
      ok: true;
      /** The values as accepted: every item of the version, missing ones as null. */
      values: Record<string, ItemValue>;
      /** Scored values keyed by score code. */
      scored: ScoredValues;
      /** Cut-off band codes keyed by score code (only scores with cut-offs and a value). */
      bands: Record<string, string>;
    }
  | { ok: false; errors: ScoringErrors };

/** Thrown by `scoreItemsOrThrow` (and `createMeasurement`) when values are invalid; `errors` holds one Danish message per item. */
export class ProgressionInputError extends Error {
  override name = "ProgressionInputError";
  /** Danish messages keyed by item code or field. */
  readonly errors: ScoringErrors;

  /** @param errors at least one message keyed by item code or field. */
  constructor(errors: ScoringErrors) {
    const first = Object.entries(errors)[0];
    super(first ? `Ugyldig måling – ${first[0]}: ${first[1]}` : "Ugyldig måling");
    this.errors = errors;
  }
}

/** Scores are rounded to this many decimals, so that 0.1 + 0.2 reads 0.3. */
const SCORE_DECIMALS = 6;

function roundScore(x: number): number {
  const f = 10 ** SCORE_DECIMALS;
  return Math.round(x * f) / f;
}

function isOnStep(value: number, min: number, step: number): boolean {
  const k = (value - min) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}

/**
 * The numeric value of one item value, or an error message.
 * @returns `{ value }` (null for not answered) or `{ error }` in Danish.
 */
export function readItemValue(
  item: Item,
  raw: ItemValue | undefined,
): { value: number | null } | { error: string } {
  if (raw === undefined || raw === null || raw === "") {
    return item.isRequired ? { error: "Skal udfyldes" } : { value: null };
  }
  const scale = item.scale;
  if (scale.kind === "ordered-categories") {
    const category = scale.categories.find((c) => c.code === raw);
    if (!category) {
      return {
        error: `Ukendt svarmulighed: ${String(raw)} (gyldige: ${scale.categories.map((c) => c.code).join(", ")})`,
      };
    }
    return { value: category.value };
  }
  if (typeof raw !== "number" || !Number.isFinite(raw)) return { error: "Skal være et tal" };
  const da = (n: number) => formatNumber(n, "da", 4);
  switch (scale.kind) {
    case "numeric-range": {
      if (raw < scale.min || raw > scale.max) {
        return { error: `Skal være mellem ${da(scale.min)} og ${da(scale.max)}` };
      }
      if (!isOnStep(raw, scale.min, scale.step)) {
        return {
          error:
            scale.step === 1 && Number.isInteger(scale.min)
              ? "Skal være et helt tal"
              : `Skal være ${da(scale.min)} plus et multiplum af ${da(scale.step)}`,
        };
      }
      return { value: raw };
    }
    case "percentage":
      if (raw < 0 || raw > 100) return { error: "Skal være mellem 0 og 100 %" };
      return { value: raw };
    case "hours":
      if (raw < 0 || raw > scale.max) {
        return {
          error: `Skal være mellem 0 og ${da(scale.max)} timer pr. ${scale.per === "week" ? "uge" : "måned"}`,
        };
      }
      return { value: raw };
  }
}

/**
 * The band of a value: the last cut-off whose `fromValue` ≤ value, or undefined when the value is
 * below the first band (or there are no cut-offs).
 */
export function bandOf(cutOffs: readonly CutOff[] | undefined, value: number): CutOff | undefined {
  let band: CutOff | undefined;
  for (const c of cutOffs ?? []) if (value >= c.fromValue) band = c;
  return band;
}

/**
 * Checks `values` against `version` and computes its scores.
 *
 * Per item: a required item must have a value; numeric scales are range- and step-checked; a
 * categories item takes a category code. Keys that are not items of the version are errors ("Ukendt
 * spørgsmål"). When `respondent` is given it must be one of the version's respondents, and items
 * restricted to other respondents must be left empty.
 *
 * Scores: `item` → the item's numeric value; `mean` → mean of the answered items; `sum` → sum, prorated
 * (mean × number of items) when some items are missing but at least `minAnswered` are answered; null
 * when too few are answered. Scores are rounded to 6 decimals.
 *
 * Never throws; see `scoreItemsOrThrow`.
 */
export function scoreItems(
  version: InstrumentVersion,
  values: ItemValues,
  options: { respondent?: Respondent } = {},
): ScoringResult {
  const errors: ScoringErrors = {};
  const numeric: Record<string, number | null> = {};
  const accepted: Record<string, ItemValue> = {};
  const { respondent } = options;
  if (respondent !== undefined && !version.respondents.includes(respondent)) {
    errors.respondent = `${RESPONDENT_LABELS_DA[respondent]} kan ikke besvare dette instrument`;
  }
  const itemCodes = new Set(version.items.map((i) => i.code));
  for (const key of Object.keys(values)) {
    if (!itemCodes.has(key)) errors[key] = "Ukendt spørgsmål i denne version af instrumentet";
  }
  for (const item of version.items) {
    const raw = values[item.code];
    const isAnswered = raw !== undefined && raw !== null && raw !== "";
    if (
      isAnswered &&
      respondent !== undefined &&
      item.respondents &&
      !item.respondents.includes(respondent)
    ) {
      errors[item.code] = `Besvares ikke af ${RESPONDENT_LABELS_DA[respondent].toLowerCase()}`;
      continue;
    }
    const isForOthers =
      respondent !== undefined && item.respondents && !item.respondents.includes(respondent);
    const read = isForOthers && !isAnswered ? { value: null } : readItemValue(item, raw);
    if ("error" in read) {
      errors[item.code] = read.error;
      continue;
    }
    numeric[item.code] = read.value;
    accepted[item.code] = isAnswered ? (raw as ItemValue) : null;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const scored: ScoredValues = {};
  const bands: Record<string, string> = {};
  for (const score of version.scores) {
    let value: number | null;
    if (score.kind === "item") {
      value = numeric[score.item] ?? null;
    } else {
      const answered = score.items
        .map((c) => numeric[c])
        .filter((v): v is number => v !== null && v !== undefined);
      const minAnswered = score.minAnswered ?? score.items.length;
      if (answered.length < minAnswered || answered.length === 0) {
        value = null;
      } else {
        const sum = answered.reduce((a, b) => a + b, 0);
        const mean = sum / answered.length;
        if (score.kind === "mean") value = mean;
        else value = answered.length === score.items.length ? sum : mean * score.items.length;
      }
    }
    scored[score.code] = value === null ? null : roundScore(value);
    const band = value === null ? undefined : bandOf(score.cutOffs, value);
    if (band) bands[score.code] = band.code;
  }
  return { ok: true, values: accepted, scored, bands };
}

/**
 * Like `scoreItems`, for callers that treat invalid values as an error.
 * @throws ProgressionInputError with one Danish message per bad item.
 */
export function scoreItemsOrThrow(
  version: InstrumentVersion,
  values: ItemValues,
  options: { respondent?: Respondent } = {},
): Extract<ScoringResult, { ok: true }> {
  const result = scoreItems(version, values, options);
  if (!result.ok) throw new ProgressionInputError(result.errors);
  return result;
}
