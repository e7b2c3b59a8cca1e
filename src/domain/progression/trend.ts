/**
 * Trends of one score for one subject: the series of effective values, the last value on or before a
 * day, the baseline, the change from baseline, and whether that change is large enough to count.
 */
import { addDays, type CalendarDate } from "../calendar-date.js";
import type { ChangeThreshold, Direction } from "./instrument.js";
import {
  effectiveMeasurements,
  type Measurement,
  type MeasurementSubject,
  sortByMeasuredOn,
  subjectKey,
} from "./measurement.js";
import { isAtLeast } from "./tolerance.js";

/** One value of a series. */
export interface SeriesPoint {
  /** The day measured. */
  measuredOn: CalendarDate;
  /** The scored value. */
  value: number;
  /** The measurement it comes from (so that every figure traces back). */
  measurementId: string;
}

/** Which values make a series. */
export interface SeriesSelector {
  /** The instrument's code. */
  instrumentCode: string;
  /** The score's code (a scored value of the measurements). */
  score: string;
  /** Only this person or family (default: any subject — use it only when the input holds one subject). */
  subject?: MeasurementSubject;
  /** Only measurements of this plan goal (per-goal instruments). */
  goalId?: string;
}

/** Weeks after the course start within which the first measurement is the baseline, unless a schedule or rule says otherwise. */
export const DEFAULT_BASELINE_WITHIN_WEEKS = 6;

/**
 * The effective values of one score, oldest first: superseded records, other instruments, other
 * subjects, null scores and (with `asOf`) measurements after `asOf` are left out. Values of different
 * versions of the instrument are taken as comparable (a new version that changes a score's meaning
 * should get a new score code).
 */
export function seriesOf(
  measurements: readonly Measurement[],
  selector: SeriesSelector,
  options: { asOf?: CalendarDate } = {},
): SeriesPoint[] {
  const key = selector.subject ? subjectKey(selector.subject) : undefined;
  const points: SeriesPoint[] = [];
  for (const m of sortByMeasuredOn(effectiveMeasurements(measurements))) {
    if (m.instrumentCode !== selector.instrumentCode) continue;
    if (key !== undefined && subjectKey(m.subject) !== key) continue;
    if (selector.goalId !== undefined && m.goalId !== selector.goalId) continue;
    if (options.asOf !== undefined && m.measuredOn > options.asOf) continue;
    const value = m.scored[selector.score];
    if (value === null || value === undefined) continue;
    points.push({ measuredOn: m.measuredOn, value, measurementId: m.id });
  }
  return points;
}

/**
 * The last point measured on or before `date` (for two on the same day, the later in the series), or
 * undefined when there is none.
 */
export function lastOnOrBefore(series: readonly SeriesPoint[], date: CalendarDate): SeriesPoint | undefined {
  let found: SeriesPoint | undefined;
  for (const p of series) if (p.measuredOn <= date && (!found || p.measuredOn >= found.measuredOn)) found = p;
  return found;
}

/**
 * The baseline: the first point measured from the course start through `withinWeeks` weeks after it
 * (start + 7·weeks days, inclusive). Points before the start do not count. Undefined when there is none.
 * @throws RangeError when `withinWeeks` is negative or not a whole number.
 */
export function findBaseline(
  series: readonly SeriesPoint[],
  courseStartedOn: CalendarDate,
  withinWeeks: number = DEFAULT_BASELINE_WITHIN_WEEKS,
): SeriesPoint | undefined {
  if (!Number.isInteger(withinWeeks) || withinWeeks < 0) {
    throw new RangeError(`withinWeeks must be a whole number ≥ 0: ${withinWeeks}`);
  }
  const last = addDays(courseStartedOn, withinWeeks * 7);
  let found: SeriesPoint | undefined;
  for (const p of series) {
    if (p.measuredOn < courseStartedOn || p.measuredOn > last) continue;
    if (!found || p.measuredOn < found.measuredOn) found = p;
  }
  return found;
}

/** A change from a baseline. */
export interface Change {
  /** value − baseline, in the score's unit. */
  absolute: number;
  /** (value − baseline) / |baseline| × 100; null when the baseline is 0. */
  relativePct: number | null;
}

/** The change from `baseline` to `value`, absolute and relative (null relative change for a 0 baseline). */
export function changeFromBaseline(baseline: number, value: number): Change {
  const absolute = value - baseline;
  return { absolute, relativePct: baseline === 0 ? null : (absolute / Math.abs(baseline)) * 100 };
}

/**
 * Whether a change is large enough to count: |absolute| ≥ threshold for an absolute threshold,
 * |relative| ≥ threshold % for a relative one. From a 0 baseline every non-zero change counts under a
 * relative threshold (it is infinitely large relatively).
 */
export function isMeaningfulChange(change: Change, threshold: ChangeThreshold): boolean {
  if (threshold.kind === "absolute") return isAtLeast(Math.abs(change.absolute), threshold.value);
  if (change.relativePct === null) return change.absolute !== 0;
  return isAtLeast(Math.abs(change.relativePct), threshold.value);
}

/** Whether a subject got better, stayed the same (within the threshold) or got worse. */
export type ChangeClass = "improved" | "unchanged" | "worse";

/**
 * Classifies a change: `unchanged` when it is below the instrument's threshold; otherwise `improved` or
 * `worse` by the sign of the change and the score's direction.
 */
export function classifyChange(
  change: Change,
  threshold: ChangeThreshold,
  direction: Direction,
): ChangeClass {
  if (!isMeaningfulChange(change, threshold)) return "unchanged";
  const isUp = change.absolute > 0;
  return isUp === (direction === "higher-is-better") ? "improved" : "worse";
}

/** A subject's trend for the chart: baseline, latest value, change and its class. */
export interface TrendSummary {
  /** The baseline point, if any. */
  baseline?: SeriesPoint;
  /** The last point on or before `asOf` after the baseline, if any. */
  latest?: SeriesPoint;
  /** The change from baseline to latest (both present). */
  change?: Change;
  /** The class of that change. */
  classification?: ChangeClass;
}

/**
 * The trend of one series as of a day: baseline (see `findBaseline`), the latest later point on or
 * before `asOf`, the change between them and its class. Fields are absent when they cannot be computed.
 */
export function summariseTrend(
  series: readonly SeriesPoint[],
  options: {
    courseStartedOn: CalendarDate;
    direction: Direction;
    meaningfulChange: ChangeThreshold;
    asOf: CalendarDate;
    baselineWithinWeeks?: number;
  },
): TrendSummary {
  const baseline = findBaseline(
    series.filter((p) => p.measuredOn <= options.asOf),
    options.courseStartedOn,
    options.baselineWithinWeeks,
  );
  if (!baseline) return {};
  const later = series.filter((p) => p.measuredOn > baseline.measuredOn);
  const latest = lastOnOrBefore(later, options.asOf);
  if (!latest) return { baseline };
  const change = changeFromBaseline(baseline.value, latest.value);
  return {
    baseline,
    latest,
    change,
    classification: classifyChange(change, options.meaningfulChange, options.direction),
  };
}
