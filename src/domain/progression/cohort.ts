/**
 * Cohort views of one score over many courses (a project or a track): the share of courses improved /
 * unchanged / worse, the median and quartiles by months since the start, and the before–after at the
 * end of the course. Every figure carries the ids of the courses behind it, so a click can list them.
 * Filtering (track, language, state) is the caller's: pass the series of the courses wanted.
 */
import type { CalendarDate } from "../calendar-date.js";
import type { ChangeThreshold, Direction } from "./instrument.js";
import {
  END_OF_COURSE,
  type MeasurementPoint,
  pickPointValue,
  resolveMeasurementPoint,
} from "./measurement-point.js";
import { type Spread, spreadOf } from "./statistics.js";
import {
  type ChangeClass,
  changeFromBaseline,
  classifyChange,
  DEFAULT_BASELINE_WITHIN_WEEKS,
  findBaseline,
  lastOnOrBefore,
  type SeriesPoint,
} from "./trend.js";

/** One course's series of the score (one subject: the family, or one member — the caller decides). */
export interface CohortSeries {
  /** The course's id (returned with every figure it contributes to). */
  courseId: string;
  /** The course's start. */
  startedOn: CalendarDate;
  /** The course's end, when it has ended. */
  endedOn?: CalendarDate | null;
  /** The effective values, e.g. from `seriesOf`. */
  points: readonly SeriesPoint[];
}

/** Options of `summariseCohort`. */
export interface CohortOptions {
  /** The score's direction. */
  direction: Direction;
  /** The score's threshold for a change that counts. */
  meaningfulChange: ChangeThreshold;
  /** The day the view is as of; later points are ignored. */
  asOf: CalendarDate;
  /** Baseline window in weeks after the start (default 6). */
  baselineWithinWeeks?: number;
  /** Width of a time bucket in months (default 1; 3 gives quarters). */
  bucketMonths?: number;
  /** The end point for before–after (default: end of course, window 60 days before to 30 after). */
  endPoint?: MeasurementPoint;
}

/** A count with its share and the courses behind it. */
export interface CohortShare {
  /** Number of courses. */
  count: number;
  /** Share of the measurable courses in percent (0 when none is measurable). */
  pct: number;
  /** The courses. */
  courseIds: string[];
}

/** The spread of values in one time bucket. */
export interface CohortBucket {
  /** First whole month since the start in the bucket (0 = the first month). */
  fromMonth: number;
  /** First month after the bucket. */
  toMonth: number;
  /** n, min, quartiles, max of the courses' values (one value per course: its last in the bucket). */
  spread: Spread;
  /** The courses behind it. */
  courseIds: string[];
}

/** The cohort view of one score. */
export interface CohortSummary {
  /** Courses by change from baseline to their latest value on or before `asOf`. */
  classification: Record<ChangeClass, CohortShare> & {
    /** Courses without a baseline or without a later value. */
    notMeasurable: { count: number; courseIds: string[] };
    /** All courses given. */
    total: number;
  };
  /** Median and spread per bucket of months since the start, in order. */
  overTime: CohortBucket[];
  /** Baseline and end values of the courses that have ended with both measured. */
  beforeAfter: {
    /** Number of courses with both values. */
    n: number;
    /** Those courses. */
    courseIds: string[];
    /** Spread of the baselines (absent when n = 0). */
    baseline?: Spread;
    /** Spread of the end values. */
    end?: Spread;
    /** Spread of the changes (end − baseline). */
    change?: Spread;
  };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Digits of a `YYYY-MM-DD` string at [from, to) as a number (no allocation). */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** Year, month and day of a date. */
function partsOf(d: CalendarDate): [year: number, month: number, day: number] {
  return [digits(d, 0, 4), digits(d, 5, 7), digits(d, 8, 10)];
}

function monthsSince(start: readonly [number, number, number], date: CalendarDate): number {
  const [dy, dm, dd] = partsOf(date);
  const months = (dy - start[0]) * 12 + (dm - start[1]);
  // start + months lands in the date's own month, on the start's day clamped to that month's length
  return dd < Math.min(start[2], daysInMonth(dy, dm)) ? months - 1 : months;
}

/**
 * Whole calendar months from `start` to `date`: the largest m with start + m months ≤ date (month-end
 * clamped, as `addMonths`), negative before the start. Plain arithmetic on the date strings (cohorts
 * call it for every point).
 */
export function wholeMonthsBetween(start: CalendarDate, date: CalendarDate): number {
  return monthsSince(partsOf(start), date);
}

/**
 * Summarises one score over many courses as of a day.
 * - classification: baseline (first value within `baselineWithinWeeks` of the start) vs the latest value
 *   after it on or before `asOf`, classified with the score's threshold and direction;
 * - over time: each course contributes its last value in each bucket of `bucketMonths` months since its
 *   start (values before the start are left out); quartiles are type 7 (interpolated);
 * - before–after: ended courses (end ≤ `asOf`) with a baseline and an end value (closest to the end day
 *   within the end point's window, after the baseline).
 * @throws RangeError when `bucketMonths` is not a whole number ≥ 1.
 */
export function summariseCohort(series: readonly CohortSeries[], options: CohortOptions): CohortSummary {
  const bucketMonths = options.bucketMonths ?? 1;
  if (!Number.isInteger(bucketMonths) || bucketMonths < 1) {
    throw new RangeError(`bucketMonths must be a whole number ≥ 1: ${bucketMonths}`);
  }
  const weeks = options.baselineWithinWeeks ?? DEFAULT_BASELINE_WITHIN_WEEKS;
  const endPoint = options.endPoint ?? END_OF_COURSE;
  const classes: Record<ChangeClass, string[]> = { improved: [], unchanged: [], worse: [] };
  const notMeasurable: string[] = [];
  const buckets = new Map<number, Array<{ courseId: string; value: number }>>();
  const pairs: Array<{ courseId: string; baseline: number; end: number }> = [];

  for (const course of series) {
    const points = course.points.filter((p) => p.measuredOn <= options.asOf);
    const baseline = findBaseline(points, course.startedOn, weeks);
    const latest =
      baseline &&
      lastOnOrBefore(
        points.filter((p) => p.measuredOn > baseline.measuredOn),
        options.asOf,
      );
    if (baseline && latest) {
      const cls = classifyChange(
        changeFromBaseline(baseline.value, latest.value),
        options.meaningfulChange,
        options.direction,
      );
      classes[cls].push(course.courseId);
    } else {
      notMeasurable.push(course.courseId);
    }

    const lastInBucket = new Map<number, number>();
    const startParts = partsOf(course.startedOn);
    for (const p of points) {
      const months = monthsSince(startParts, p.measuredOn);
      if (months < 0) continue;
      lastInBucket.set(Math.floor(months / bucketMonths), p.value); // points are oldest first: the last wins
    }
    for (const [bucket, value] of lastInBucket) {
      const list = buckets.get(bucket);
      if (list) list.push({ courseId: course.courseId, value });
      else buckets.set(bucket, [{ courseId: course.courseId, value }]);
    }

    if (baseline) {
      const resolved = resolveMeasurementPoint(endPoint, course, options.asOf);
      const end = resolved.ok
        ? pickPointValue(points, resolved.point, { asOf: options.asOf, after: baseline.measuredOn })
        : undefined;
      if (end) pairs.push({ courseId: course.courseId, baseline: baseline.value, end: end.value });
    }
  }

  const measurable = classes.improved.length + classes.unchanged.length + classes.worse.length;
  const share = (ids: string[]): CohortShare => ({
    count: ids.length,
    pct: measurable === 0 ? 0 : (ids.length / measurable) * 100,
    courseIds: ids,
  });
  const overTime = [...buckets.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([bucket, values]) => ({
      fromMonth: bucket * bucketMonths,
      toMonth: (bucket + 1) * bucketMonths,
      spread: spreadOf(values.map((v) => v.value))!,
      courseIds: values.map((v) => v.courseId),
    }));
  const baselineSpread = spreadOf(pairs.map((p) => p.baseline));
  const endSpread = spreadOf(pairs.map((p) => p.end));
  const changeSpread = spreadOf(pairs.map((p) => p.end - p.baseline));
  return {
    classification: {
      improved: share(classes.improved),
      unchanged: share(classes.unchanged),
      worse: share(classes.worse),
      notMeasurable: { count: notMeasurable.length, courseIds: notMeasurable },
      total: series.length,
    },
    overTime,
    beforeAfter: {
      n: pairs.length,
      courseIds: pairs.map((p) => p.courseId),
      ...(baselineSpread ? { baseline: baselineSpread } : {}),
      ...(endSpread ? { end: endSpread } : {}),
      ...(changeSpread ? { change: changeSpread } : {}),
    },
  };
}
