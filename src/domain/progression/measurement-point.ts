/**
 * When an outcome is judged: at the end of the course, or a number of months after it (follow-up). A
 * point has a target day and a window around it; the measurement that counts is the effective one
 * closest to the target day inside the window (ties: the later one), measured on or before the day of
 * evaluation.
 */
import { z } from "zod";
import { addDays, addMonths, type CalendarDate, daysBetween } from "../calendar-date.js";
import type { CourseDates } from "./family-data.js";
import type { Locale } from "./format-text.js";
import type { SeriesPoint } from "./trend.js";

const WindowDays = z
  .number()
  .int()
  .min(0, { message: "Skal være 0 eller mere" })
  .max(366, { message: "Højst 366 dage" });

/** End of the course: target = the course's end day; window default 60 days before to 30 days after. */
export const EndOfCoursePointSchema = z.object({
  kind: z.literal("end-of-course"),
  /** Days before the end day a measurement may be taken and still count (default 60). */
  windowDaysBefore: WindowDays.default(60),
  /** Days after the end day a measurement may be taken and still count (default 30). */
  windowDaysAfter: WindowDays.default(30),
});

/** Follow-up: target = end day + `months` (month-end clamped); window default ±60 days. */
export const MonthsAfterEndPointSchema = z.object({
  kind: z.literal("months-after-end"),
  /** Whole months after the end of the course, 1–120. */
  months: z.number().int().min(1, { message: "Mindst 1 måned" }).max(120, { message: "Højst 120 måneder" }),
  /** Days before the target day (default 60). */
  windowDaysBefore: WindowDays.default(60),
  /** Days after the target day (default 60). */
  windowDaysAfter: WindowDays.default(60),
});

/** When an outcome is judged. */
export const MeasurementPointSchema = z.discriminatedUnion("kind", [
  EndOfCoursePointSchema,
  MonthsAfterEndPointSchema,
]);
/** When an outcome is judged. */
export type MeasurementPoint = z.infer<typeof MeasurementPointSchema>;
/** When an outcome is judged, as written (window defaults optional). */
export type MeasurementPointInput = z.input<typeof MeasurementPointSchema>;

/** The end of the course with the default window. */
export const END_OF_COURSE: Readonly<MeasurementPoint> = Object.freeze(
  MeasurementPointSchema.parse({ kind: "end-of-course" }),
);

/** A point placed on the calendar of one course. */
export interface ResolvedPoint {
  /** The target day. */
  date: CalendarDate;
  /** First day of the window (inclusive). */
  windowFrom: CalendarDate;
  /** Last day of the window (inclusive). */
  windowTo: CalendarDate;
}

/**
 * Places a point on a course's calendar as of a day.
 * @returns the target day and its window, or a Danish reason why the point cannot be judged yet: the
 *   course has not ended by `asOf`, or (follow-up) the window has not opened by `asOf`.
 */
export function resolveMeasurementPoint(
  point: MeasurementPoint,
  course: CourseDates,
  asOf: CalendarDate,
): { ok: true; point: ResolvedPoint } | { ok: false; reason: string } {
  const end = course.endedOn;
  if (!end || end > asOf) return { ok: false, reason: `Forløbet er ikke afsluttet pr. ${asOf}` };
  const date = point.kind === "end-of-course" ? end : addMonths(end, point.months);
  const resolved = {
    date,
    windowFrom: addDays(date, -point.windowDaysBefore),
    windowTo: addDays(date, point.windowDaysAfter),
  };
  if (point.kind === "months-after-end" && asOf < resolved.windowFrom) {
    return {
      ok: false,
      reason: `Opfølgningen ${describeMeasurementPoint(point, "da")} (${date}) er ikke nået pr. ${asOf}`,
    };
  }
  return { ok: true, point: resolved };
}

/**
 * The point of a series that counts at a resolved point: inside the window, on or before `asOf`, after
 * `after` (exclusive, e.g. the baseline's day) when given, and closest to the target day; of two equally
 * close, the later. Undefined when there is none.
 */
export function pickPointValue(
  series: readonly SeriesPoint[],
  point: ResolvedPoint,
  options: { asOf: CalendarDate; after?: CalendarDate },
): SeriesPoint | undefined {
  let best: SeriesPoint | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const p of series) {
    if (p.measuredOn < point.windowFrom || p.measuredOn > point.windowTo || p.measuredOn > options.asOf)
      continue;
    if (options.after !== undefined && p.measuredOn <= options.after) continue;
    const distance = Math.abs(daysBetween(point.date, p.measuredOn));
    if (distance < bestDistance || (distance === bestDistance && best && p.measuredOn >= best.measuredOn)) {
      best = p;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The point in words, e.g. "ved forløbets afslutning" / "12 måneder efter forløbets afslutning" (da),
 * "at the end of the course" / "12 months after the end of the course" (en).
 */
export function describeMeasurementPoint(point: MeasurementPoint, locale: Locale): string {
  if (point.kind === "end-of-course")
    return locale === "da" ? "ved forløbets afslutning" : "at the end of the course";
  return locale === "da"
    ? `${point.months} ${point.months === 1 ? "måned" : "måneder"} efter forløbets afslutning`
    : `${point.months} ${point.months === 1 ? "month" : "months"} after the end of the course`;
}
