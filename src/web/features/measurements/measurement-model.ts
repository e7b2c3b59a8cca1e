import { addDays, type CalendarDate, daysBetween } from "../../../domain/calendar-date.js";
import {
  categoriesOfScore,
  getInstrumentVersion,
  getLatestVersion,
  type Instrument,
  type InstrumentVersion,
  type ScoreDefinition,
} from "../../../domain/progression/instrument.js";
import { effectiveMeasurements, type Measurement } from "../../../domain/progression/measurement.js";
import {
  DEFAULT_BASELINE_WITHIN_WEEKS,
  type SeriesPoint,
  seriesOf,
  summariseTrend,
  type TrendSummary,
} from "../../../domain/progression/trend.js";
import type { CourseMeasurements, DueSlot, MeasurementRecord } from "./measurement-queries.js";

/*
 * The measurements tab's view of the API's answer, computed with the domain's own functions (the API
 * sends measurements, not trends): effective records, series per subject, baseline and change.
 */

/** Whom a measurement or a slot is about, as one key: `family`, `person:<id>` or `goal:<id>`. */
export type SubjectKey = string;

/** The key of a slot's subject. */
export function slotSubjectKey(subject: DueSlot["subject"]): SubjectKey {
  return subject.kind === "family"
    ? "family"
    : subject.kind === "person"
      ? `person:${subject.personId}`
      : `goal:${subject.goalId}`;
}

/** The key of a recorded measurement's subject (its goal for per-goal instruments). */
export function recordSubjectKey(m: Pick<MeasurementRecord, "subject" | "goalId">): SubjectKey {
  if (m.goalId) return `goal:${m.goalId}`;
  return m.subject.kind === "family" ? "family" : `person:${m.subject.personId}`;
}

/** The domain's view of a record (what trends and corrections read). */
export function toDomainMeasurement(r: MeasurementRecord): Measurement {
  return {
    id: r.id,
    subject:
      r.subject.kind === "person"
        ? { kind: "person", personId: r.subject.personId }
        : { kind: "family", familyId: r.subject.familyId },
    instrumentCode: r.instrumentCode,
    instrumentVersion: r.instrumentVersion,
    ...(r.goalId ? { goalId: r.goalId } : {}),
    measuredOn: r.measuredOn as CalendarDate,
    ...(r.period ? { period: { from: r.period.from as CalendarDate, to: r.period.to as CalendarDate } } : {}),
    respondent: r.respondent,
    values: r.values,
    scored: r.scored,
    ...(Object.keys(r.bands).length > 0 ? { bands: r.bands } : {}),
    ...(r.supersedesId ? { supersedes: r.supersedesId } : {}),
  };
}

/** The instrument version a record was scored with (its own, even when newer ones exist). */
export function versionOf(instrument: Instrument, version: number): InstrumentVersion {
  return instrument.versions.some((v) => v.version === version)
    ? getInstrumentVersion(instrument, version)
    : getLatestVersion(instrument);
}

/** The scale behind a score when the score passes one item through, else undefined (sums, means). */
export function scaleOfScore(version: InstrumentVersion, score: ScoreDefinition) {
  if (score.kind !== "item") return undefined;
  return version.items.find((i) => i.code === score.item)?.scale;
}

/** The unit of a score's change: points, percentage points or hours. */
export type ScoreUnit = "points" | "percentagePoints" | "hours";

/** The unit a score's values (and changes) are counted in. */
export function unitOfScore(version: InstrumentVersion, score: ScoreDefinition): ScoreUnit {
  const scale = scaleOfScore(version, score);
  if (scale?.kind === "percentage") return "percentagePoints";
  if (scale?.kind === "hours") return "hours";
  return "points";
}

/** The category whose value a score has (placement risk 3 → "Høj risiko"), for category scores. */
export function categoryOfValue(version: InstrumentVersion, scoreCode: string, value: number) {
  return categoriesOfScore(version, scoreCode)?.find((c) => c.value === value);
}

/**
 * How many weeks after the start a first measurement still counts as the baseline: the schedule's
 * baseline window for this instrument and subject when it has one, else the domain's default.
 */
export function baselineWeeksFor(
  due: readonly DueSlot[],
  instrumentCode: string,
  subject: SubjectKey,
  startedOn: CalendarDate,
): number {
  const slot = due.find(
    (d) =>
      d.kind === "baseline" && d.instrumentCode === instrumentCode && slotSubjectKey(d.subject) === subject,
  );
  if (!slot) return DEFAULT_BASELINE_WITHIN_WEEKS;
  return Math.max(0, Math.floor(daysBetween(startedOn, slot.windowTo as CalendarDate) / 7));
}

/** One subject's trend of one score. */
export interface SubjectTrend {
  subject: SubjectKey;
  series: SeriesPoint[];
  summary: TrendSummary;
  /** The last day a measurement counts as the baseline. */
  baselineUntil: CalendarDate;
}

/** The order subjects are listed in: the family, then the members as the API lists them, then goals. */
export function subjectOrder(data: Pick<CourseMeasurements, "members" | "goals">): SubjectKey[] {
  return [
    "family",
    ...data.members.map((m) => `person:${m.personId}`),
    ...data.goals.map((g) => `goal:${g.id}`),
  ];
}

/**
 * The trend of one score of one instrument for every subject with a measurement of it, as of `today`:
 * the effective values (corrected records left out), the baseline within the schedule's window, the
 * latest later value, the change and whether it counts (the score's own threshold and direction).
 */
export function trendsOf(
  data: CourseMeasurements,
  instrument: Instrument,
  score: ScoreDefinition,
  today: CalendarDate,
): SubjectTrend[] {
  const startedOn = data.course.startedOn as CalendarDate;
  const records = data.measurements.filter((m) => m.instrumentCode === instrument.code);
  const measurements = effectiveMeasurements(records.map(toDomainMeasurement));
  const present = new Set(records.map(recordSubjectKey));
  const order = subjectOrder(data);
  const subjects = [...present].sort((a, b) => rank(order, a) - rank(order, b));
  const familyId = data.course.familyId;
  const trends: SubjectTrend[] = [];
  for (const subject of subjects) {
    const [kind, id] = subject.split(":") as [string, string | undefined];
    const series = seriesOf(measurements, {
      instrumentCode: instrument.code,
      score: score.code,
      ...(kind === "goal"
        ? { goalId: id! }
        : {
            subject: kind === "family" ? { kind: "family", familyId } : { kind: "person", personId: id! },
          }),
    });
    if (series.length === 0) continue;
    const weeks = baselineWeeksFor(data.due, instrument.code, subject, startedOn);
    const summary = summariseTrend(series, {
      courseStartedOn: startedOn,
      direction: score.direction,
      meaningfulChange: score.meaningfulChange,
      asOf: today,
      baselineWithinWeeks: weeks,
    });
    trends.push({ subject, series, summary, baselineUntil: addDays(startedOn, weeks * 7) });
  }
  return trends;
}

function rank(order: readonly SubjectKey[], key: SubjectKey): number {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
}

/** The instruments with at least one measurement in the course, in the project's order. */
export function measuredInstruments(data: CourseMeasurements): Instrument[] {
  const codes = new Set(data.measurements.map((m) => m.instrumentCode));
  return data.instruments.filter((i) => codes.has(i.code));
}

/**
 * A day inside a slot's window to suggest on the form: today while the window is open, else the
 * window's last day (a missing measurement taken in time but not yet entered), never before the
 * course started.
 */
export function suggestedDateFor(slot: DueSlot, today: CalendarDate, startedOn: CalendarDate): CalendarDate {
  const from = (slot.windowFrom < startedOn ? startedOn : slot.windowFrom) as CalendarDate;
  if (today < from) return today;
  if (today <= slot.windowTo) return today;
  return slot.windowTo as CalendarDate;
}

/** Slots a measurement can be recorded for now: the window has opened (open, or missing after it closed). */
export function isRecordable(slot: DueSlot): boolean {
  return slot.status === "open" || slot.status === "overdue";
}
