/**
 * Evaluates an outcome rule for one family as of a day: `met`, `not-met` or `not-measurable`, with a
 * Danish reason, the observed and baseline values and a detail that traces every figure back to the
 * measurements behind it.
 *
 * Semantics (see docs/progression-and-outcome-rules.md):
 * - Only effective measurements (not superseded) measured on or before `asOf` count.
 * - The point (`at`) needs the course to have ended by `asOf`; its value is the measurement closest to
 *   the target day within the point's window (ties: the later one) and, for a change, after the baseline.
 * - The baseline is the first measurement from the course start through `baselineWithinWeeks` weeks.
 * - Members in scope: the members with the rule's roles (and ages, at the course start) who have at least
 *   one measurement of the instrument; `family` means the family's own measurements.
 * - Per-member results combine three-valued: `all` is not met as soon as one member fails, otherwise not
 *   measurable if one member lacks data; `any` is met as soon as one member meets it, otherwise not
 *   measurable if one lacks data; `mean` needs every member's values and compares their means.
 */
import type { CalendarDate } from "../calendar-date.js";
import { BUILTIN_INSTRUMENTS } from "./builtin-instruments.js";
import { ageInYears, type FamilyData, type FamilyMember, type MemberRole } from "./family-data.js";
import { formatNumber, lowerFirst } from "./format-text.js";
import { computeGasTScore, DEFAULT_GAS_RHO } from "./gas-t-score.js";
import { categoriesOfScore, findInstrument, getLatestVersion, type Instrument } from "./instrument.js";
import { effectiveMeasurements, type Measurement } from "./measurement.js";
import {
  describeMeasurementPoint,
  pickPointValue,
  type ResolvedPoint,
  resolveMeasurementPoint,
} from "./measurement-point.js";
import type {
  AgeFilter,
  ChangeComparison,
  ChangeFromBaselineRule,
  MemberScope,
  NoneAtOrAboveRule,
  OutcomeRule,
  ShareOfGoalsAttainedRule,
  ValueAtRule,
  ValueComparison,
} from "./outcome-rule.js";
import { isAbove, isAtLeast, isAtMost, isBelow } from "./tolerance.js";
import { findBaseline, type SeriesPoint, seriesOf } from "./trend.js";

/** The result of a rule for one family. */
export type OutcomeStatus = "met" | "not-met" | "not-measurable";

/** The evaluation of a rule for one family. */
export interface OutcomeEvaluation {
  /** Met, not met, or not measurable (data missing, course not ended, point not reached). */
  status: OutcomeStatus;
  /** Why it is not met or not measurable, in Danish (absent when met). */
  reason?: string;
  /** The value judged: the value at the point (mean over members), the share of goals attained (%), or the number of members at or above the level. */
  observed?: number;
  /** The baseline value (mean over members), for change rules. */
  baseline?: number;
  /** What the result rests on: the point and window, per member or goal the measurement ids and values. */
  detail?: Record<string, unknown>;
}

/** Options of `evaluateOutcomeRule`. */
export interface EvaluateOutcomeRuleOptions {
  /** The instrument catalogue (default: the shipped instruments); used for names and category levels. */
  instruments?: readonly Instrument[];
}

const SCOPE_ROLES: Record<Exclude<MemberScope, "family">, readonly MemberRole[]> = {
  children: ["child"],
  adults: ["parent", "other-adult"],
  parents: ["parent"],
  members: ["parent", "child", "other-adult"],
};

const SCOPE_NOUN_DA: Record<MemberScope, string> = {
  family: "familien",
  children: "børn",
  adults: "voksne",
  parents: "forældre",
  members: "familiemedlemmer",
};

/** A member (or the family) in scope, with its effective measurements of the rule's instrument. */
interface ScopedSubject {
  key: string;
  measurements: Measurement[];
}

/** One member's (or the family's) result, reported in the detail. */
interface SubjectOutcome {
  subject: string;
  status: OutcomeStatus;
  reason?: string;
  baseline?: SeriesPoint;
  value?: SeriesPoint;
}

function instrumentNameDa(instruments: readonly Instrument[], code: string): string {
  const found = instruments.find((i) => i.code === code);
  return found ? lowerFirst(found.name) : code;
}

const da = (n: number) => formatNumber(n, "da");

function isWithinAges(member: FamilyMember, ages: AgeFilter | undefined, startedOn: CalendarDate): boolean {
  if (!ages || !member.birthDate) return true;
  const age = member.birthDate > startedOn ? 0 : ageInYears(member.birthDate, startedOn);
  return (
    (ages.minYears === undefined || age >= ages.minYears) &&
    (ages.maxYears === undefined || age <= ages.maxYears)
  );
}

function scopedSubjects(
  scope: MemberScope,
  ages: AgeFilter | undefined,
  family: FamilyData,
  measurements: readonly Measurement[],
  instrumentCode: string,
): { subjects: ScopedSubject[]; notAssessed: string[] } {
  const ofInstrument = measurements.filter((m) => m.instrumentCode === instrumentCode);
  if (scope === "family") {
    const own = ofInstrument.filter((m) => m.subject.kind === "family");
    return { subjects: own.length > 0 ? [{ key: "family", measurements: own }] : [], notAssessed: [] };
  }
  const roles = SCOPE_ROLES[scope];
  const subjects: ScopedSubject[] = [];
  const notAssessed: string[] = [];
  for (const member of family.members) {
    if (!roles.includes(member.role) || !isWithinAges(member, ages, family.course.startedOn)) continue;
    const own = ofInstrument.filter((m) => m.subject.kind === "person" && m.subject.personId === member.id);
    if (own.length > 0) subjects.push({ key: `person:${member.id}`, measurements: own });
    else notAssessed.push(member.id);
  }
  return { subjects, notAssessed };
}

function countOf(k: number, n: number, scope: MemberScope): string {
  return n > 1 ? ` (${k} af ${n} ${SCOPE_NOUN_DA[scope]})` : "";
}

/** Three-valued combination of per-subject results. */
function combine(aggregate: "all" | "any", outcomes: readonly SubjectOutcome[]): OutcomeStatus {
  if (aggregate === "all") {
    if (outcomes.some((o) => o.status === "not-met")) return "not-met";
    return outcomes.some((o) => o.status === "not-measurable") ? "not-measurable" : "met";
  }
  if (outcomes.some((o) => o.status === "met")) return "met";
  return outcomes.some((o) => o.status === "not-measurable") ? "not-measurable" : "not-met";
}

function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length;
}

function pointDetail(point: ResolvedPoint) {
  return { date: point.date, windowFrom: point.windowFrom, windowTo: point.windowTo };
}

function seriesDetail(o: SubjectOutcome) {
  return {
    subject: o.subject,
    status: o.status,
    ...(o.reason ? { reason: o.reason } : {}),
    ...(o.baseline ? { baseline: o.baseline } : {}),
    ...(o.value ? { value: o.value } : {}),
  };
}

const CHANGE_WORDS_DA: Record<ChangeComparison, string> = {
  "decrease-by-pct": "et fald på mindst",
  "decrease-by-abs": "et fald på mindst",
  "increase-by-pct": "en stigning på mindst",
  "increase-by-abs": "en stigning på mindst",
};

/** Compares a baseline and an end value under a change comparison. */
function checkChange(
  baseline: number,
  end: number,
  comparison: ChangeComparison,
  threshold: number,
  name: string,
): { status: OutcomeStatus; reason?: string } {
  const isPct = comparison.endsWith("-pct");
  if (isPct && baseline <= 0) {
    return {
      status: "not-measurable",
      reason: `Baseline for ${name} er ${da(baseline)}, så en ændring i procent kan ikke beregnes`,
    };
  }
  const change = isPct ? ((end - baseline) / baseline) * 100 : end - baseline;
  const isDecrease = comparison.startsWith("decrease");
  const isMet = isAtLeast(isDecrease ? -change : change, threshold);
  if (isMet) return { status: "met" };
  const unit = isPct ? " %" : "";
  return {
    status: "not-met",
    reason: `Ændring i ${name} fra baseline: ${change > 0 ? "+" : ""}${da(change)}${unit} (krav: ${CHANGE_WORDS_DA[comparison]} ${da(threshold)}${unit})`,
  };
}

function evaluateChangeFromBaseline(
  rule: ChangeFromBaselineRule,
  family: FamilyData,
  measurements: readonly Measurement[],
  point: ResolvedPoint,
  asOf: CalendarDate,
  instruments: readonly Instrument[],
): OutcomeEvaluation {
  const name = instrumentNameDa(instruments, rule.instrumentCode);
  const { subjects, notAssessed } = scopedSubjects(
    rule.subjects,
    rule.ages,
    family,
    measurements,
    rule.instrumentCode,
  );
  const base = { point: pointDetail(point), notAssessed };
  if (subjects.length === 0) {
    return {
      status: "not-measurable",
      reason: `Ingen målinger af ${name} for ${SCOPE_NOUN_DA[rule.subjects]}`,
      detail: base,
    };
  }
  const outcomes: SubjectOutcome[] = subjects.map((s) => {
    const series = seriesOf(s.measurements, { instrumentCode: rule.instrumentCode, score: rule.score });
    const baseline = findBaseline(series, family.course.startedOn, rule.baselineWithinWeeks);
    if (!baseline)
      return { subject: s.key, status: "not-measurable", reason: `Mangler baseline-måling for ${name}` };
    const value = pickPointValue(series, point, { asOf, after: baseline.measuredOn });
    if (!value) {
      return {
        subject: s.key,
        status: "not-measurable",
        reason: `Mangler måling af ${name} ${describeMeasurementPoint(rule.at, "da")} (${point.windowFrom} til ${point.windowTo})`,
        baseline,
      };
    }
    return { subject: s.key, status: "met", baseline, value };
  });
  const complete = outcomes.filter((o) => o.baseline && o.value);
  const observed = mean(complete.map((o) => o.value!.value));
  const baselineMean = mean(complete.map((o) => o.baseline!.value));
  const values = {
    ...(observed === undefined ? {} : { observed }),
    ...(baselineMean === undefined ? {} : { baseline: baselineMean }),
  };
  const detailOf = (list: SubjectOutcome[]) => ({
    ...base,
    aggregate: rule.subjects === "family" ? "all" : rule.aggregate,
    comparison: rule.comparison,
    threshold: rule.threshold,
    subjects: list.map(seriesDetail),
  });

  // Each member judged on its own; with `mean` this is shown in the detail, the result uses the means.
  const judged = outcomes.map((o): SubjectOutcome => {
    if (o.status === "not-measurable") return o;
    const check = checkChange(o.baseline!.value, o.value!.value, rule.comparison, rule.threshold, name);
    return { ...o, status: check.status, ...(check.reason ? { reason: check.reason } : {}) };
  });

  if (rule.aggregate === "mean" && rule.subjects !== "family") {
    const missing = outcomes.filter((o) => o.status === "not-measurable");
    if (missing.length > 0) {
      return {
        status: "not-measurable",
        reason: `${missing[0]!.reason}${countOf(missing.length, outcomes.length, rule.subjects)}`,
        ...values,
        detail: detailOf(judged),
      };
    }
    const check = checkChange(baselineMean!, observed!, rule.comparison, rule.threshold, name);
    return {
      status: check.status,
      ...(check.reason ? { reason: check.reason } : {}),
      ...values,
      detail: detailOf(judged),
    };
  }

  const aggregate = rule.subjects === "family" ? "all" : rule.aggregate === "any" ? "any" : "all";
  const status = combine(aggregate, judged);
  return { status, ...reasonFor(status, judged, rule.subjects), ...values, detail: detailOf(judged) };
}

/** The reason of a combined result: the first member's reason with "(k af n …)". */
function reasonFor(
  status: OutcomeStatus,
  outcomes: readonly SubjectOutcome[],
  scope: MemberScope,
): { reason?: string } {
  if (status === "met") return {};
  const failing = outcomes.filter((o) => o.status === status);
  const first = failing[0];
  if (!first?.reason) return {};
  return { reason: `${first.reason}${countOf(failing.length, outcomes.length, scope)}` };
}

const VALUE_WORDS_DA: Record<ValueComparison, string> = {
  "at-most": "højst",
  "at-least": "mindst",
  below: "under",
  above: "over",
};

function compareValue(value: number, comparison: ValueComparison, threshold: number): boolean {
  switch (comparison) {
    case "at-most":
      return isAtMost(value, threshold);
    case "at-least":
      return isAtLeast(value, threshold);
    case "below":
      return isBelow(value, threshold);
    case "above":
      return isAbove(value, threshold);
  }
}

/**
 * Each subject's value of the rule's score at the measurement point, judged by `judge`. A subject with
 * no value in the point's window is not measurable, and the reason names what is missing.
 */
function judgeAtPoint(
  subjects: ReturnType<typeof scopedSubjects>["subjects"],
  rule: { instrumentCode: string; score: string; at: ValueAtRule["at"] },
  point: ResolvedPoint,
  asOf: CalendarDate,
  missing: string,
  judge: (subject: string, value: NonNullable<ReturnType<typeof pickPointValue>>) => SubjectOutcome,
): SubjectOutcome[] {
  return subjects.map((s) => {
    const series = seriesOf(s.measurements, { instrumentCode: rule.instrumentCode, score: rule.score });
    const value = pickPointValue(series, point, { asOf });
    if (value) return judge(s.key, value);
    return {
      subject: s.key,
      status: "not-measurable",
      reason: `Mangler ${missing} ${describeMeasurementPoint(rule.at, "da")} (${point.windowFrom} til ${point.windowTo})`,
    };
  });
}

function evaluateValueAt(
  rule: ValueAtRule,
  family: FamilyData,
  measurements: readonly Measurement[],
  point: ResolvedPoint,
  asOf: CalendarDate,
  instruments: readonly Instrument[],
): OutcomeEvaluation {
  const name = instrumentNameDa(instruments, rule.instrumentCode);
  const { subjects, notAssessed } = scopedSubjects(
    rule.subjects,
    rule.ages,
    family,
    measurements,
    rule.instrumentCode,
  );
  const base = {
    point: pointDetail(point),
    notAssessed,
    comparison: rule.comparison,
    threshold: rule.threshold,
  };
  if (subjects.length === 0) {
    return {
      status: "not-measurable",
      reason: `Ingen målinger af ${name} for ${SCOPE_NOUN_DA[rule.subjects]}`,
      detail: base,
    };
  }
  const outcomes = judgeAtPoint(subjects, rule, point, asOf, `måling af ${name}`, (subject, value) => {
    const isMet = compareValue(value.value, rule.comparison, rule.threshold);
    return {
      subject,
      status: isMet ? "met" : "not-met",
      value,
      ...(isMet
        ? {}
        : {
            reason: `Værdien af ${name} er ${da(value.value)} (krav: ${VALUE_WORDS_DA[rule.comparison]} ${da(rule.threshold)})`,
          }),
    };
  });
  const observedMean = mean(outcomes.filter((o) => o.value).map((o) => o.value!.value));
  const observed = observedMean === undefined ? {} : { observed: observedMean };
  const detail = { ...base, aggregate: rule.aggregate, subjects: outcomes.map(seriesDetail) };
  if (rule.aggregate === "mean" && rule.subjects !== "family") {
    const missing = outcomes.filter((o) => o.status === "not-measurable");
    if (missing.length > 0) {
      return {
        status: "not-measurable",
        reason: `${missing[0]!.reason}${countOf(missing.length, outcomes.length, rule.subjects)}`,
        ...observed,
        detail,
      };
    }
    const isMet = compareValue(observedMean!, rule.comparison, rule.threshold);
    return {
      status: isMet ? "met" : "not-met",
      ...(isMet
        ? {}
        : {
            reason: `Gennemsnittet af ${name} er ${da(observedMean!)} (krav: ${VALUE_WORDS_DA[rule.comparison]} ${da(rule.threshold)})`,
          }),
      ...observed,
      detail,
    };
  }
  const aggregate = rule.subjects === "family" ? "all" : rule.aggregate === "any" ? "any" : "all";
  const status = combine(aggregate, outcomes);
  return { status, ...reasonFor(status, outcomes, rule.subjects), ...observed, detail };
}

/**
 * The numeric value of the rule's category level.
 * @throws RangeError when the instrument is unknown, its score is not an ordered-categories item, or the level is not a category.
 */
function levelValueOf(
  rule: NoneAtOrAboveRule,
  instruments: readonly Instrument[],
): { value: number; label: string } {
  const version = getLatestVersion(findInstrument(instruments, rule.instrumentCode));
  const categories = categoriesOfScore(version, rule.score);
  if (!categories)
    throw new RangeError(`Score ${rule.score} of ${rule.instrumentCode} is not an ordered-categories item`);
  const level = categories.find((c) => c.code === rule.level);
  if (!level) throw new RangeError(`Unknown level ${rule.level} of ${rule.instrumentCode}`);
  return { value: level.value, label: level.label };
}

function evaluateNoneAtOrAbove(
  rule: NoneAtOrAboveRule,
  family: FamilyData,
  measurements: readonly Measurement[],
  point: ResolvedPoint,
  asOf: CalendarDate,
  instruments: readonly Instrument[],
): OutcomeEvaluation {
  const level = levelValueOf(rule, instruments);
  const name = instrumentNameDa(instruments, rule.instrumentCode);
  const { subjects, notAssessed } = scopedSubjects(
    rule.subjects,
    rule.ages,
    family,
    measurements,
    rule.instrumentCode,
  );
  const base = { point: pointDetail(point), notAssessed, level: rule.level, levelValue: level.value };
  if (subjects.length === 0) {
    return {
      status: "not-measurable",
      reason: `Ingen målinger af ${name} for ${SCOPE_NOUN_DA[rule.subjects]}`,
      detail: base,
    };
  }
  const outcomes = judgeAtPoint(subjects, rule, point, asOf, `vurdering af ${name}`, (subject, value) => {
    const isAtOrAbove = isAtLeast(value.value, level.value);
    return { subject, status: isAtOrAbove ? "not-met" : "met", value };
  });
  const atOrAbove = outcomes.filter((o) => o.status === "not-met").length;
  const status = combine("all", outcomes);
  const detail = { ...base, subjects: outcomes.map(seriesDetail) };
  if (status === "not-met") {
    return {
      status,
      reason: `${atOrAbove} af ${outcomes.length} ${SCOPE_NOUN_DA[rule.subjects]} er vurderet til »${level.label}« eller derover`,
      observed: atOrAbove,
      detail,
    };
  }
  if (status === "not-measurable") return { status, ...reasonFor(status, outcomes, rule.subjects), detail };
  return { status, observed: 0, detail };
}

function evaluateShareOfGoals(
  rule: ShareOfGoalsAttainedRule,
  family: FamilyData,
  measurements: readonly Measurement[],
  point: ResolvedPoint,
  asOf: CalendarDate,
  instruments: readonly Instrument[],
): OutcomeEvaluation {
  const base = { point: pointDetail(point), minScore: rule.minScore, minSharePct: rule.minSharePct };
  if (family.goals.length === 0) {
    return { status: "not-measurable", reason: "Familien har ingen handleplansmål", detail: base };
  }
  const ofInstrument = measurements.filter((m) => m.instrumentCode === rule.instrumentCode);
  const goals = family.goals.map((g) => {
    const weight = g.weight ?? 1;
    if (!Number.isFinite(weight) || weight <= 0)
      throw new RangeError(`Goal ${g.id} has a weight that is not > 0: ${weight}`);
    const series = seriesOf(ofInstrument, {
      instrumentCode: rule.instrumentCode,
      score: rule.score,
      goalId: g.id,
    });
    const value = pickPointValue(series, point, { asOf });
    return {
      goalId: g.id,
      weight,
      ...(value
        ? { score: value.value, measurementId: value.measurementId, measuredOn: value.measuredOn }
        : {}),
      ...(value ? { isAttained: isAtLeast(value.value, rule.minScore) } : {}),
    };
  });
  const missing = goals.filter((g) => g.score === undefined);
  if (missing.length > 0) {
    return {
      status: "not-measurable",
      reason: `Mangler målopfyldelse for ${missing.length} af ${goals.length} mål ${describeMeasurementPoint(rule.at, "da")} (${point.windowFrom} til ${point.windowTo})`,
      detail: { ...base, goals },
    };
  }
  const total = rule.isWeighted ? goals.reduce((a, g) => a + g.weight, 0) : goals.length;
  const attained = goals
    .filter((g) => g.isAttained)
    .reduce((a, g) => a + (rule.isWeighted ? g.weight : 1), 0);
  const sharePct = (attained / total) * 100;
  const rho = instruments.find((i) => i.code === rule.instrumentCode)
    ? (getLatestVersion(findInstrument(instruments, rule.instrumentCode)).familyAggregate?.rho ??
      DEFAULT_GAS_RHO)
    : DEFAULT_GAS_RHO;
  const scores = goals.map((g) => ({ score: g.score!, weight: g.weight }));
  const isGasRange = scores.every((s) => s.score >= -2 && s.score <= 2);
  const detail = {
    ...base,
    goals,
    attainedCount: goals.filter((g) => g.isAttained).length,
    goalCount: goals.length,
    sharePct,
    ...(isGasRange ? { gasTScore: computeGasTScore(scores, rho) } : {}),
  };
  const isMet = isAtLeast(sharePct, rule.minSharePct);
  return {
    status: isMet ? "met" : "not-met",
    ...(isMet
      ? {}
      : { reason: `${da(sharePct)} % af målene er opfyldt (krav: mindst ${da(rule.minSharePct)} %)` }),
    observed: sharePct,
    detail,
  };
}

/**
 * Evaluates `rule` for one family's course as of `asOf` (see the module comment for the semantics).
 * Pure: the same inputs always give the same result.
 * @throws RangeError when the rule refers to an instrument, score or level that the catalogue does not
 *   have (`none-at-or-above`), or a goal has a weight that is not > 0. Validate stored rules with
 *   `checkOutcomeRuleReferences` to catch the former before evaluating.
 */
export function evaluateOutcomeRule(
  rule: OutcomeRule,
  family: FamilyData,
  asOf: CalendarDate,
  options: EvaluateOutcomeRuleOptions = {},
): OutcomeEvaluation {
  const instruments = options.instruments ?? BUILTIN_INSTRUMENTS;
  const resolved = resolveMeasurementPoint(rule.at, family.course, asOf);
  if (!resolved.ok) return { status: "not-measurable", reason: resolved.reason };
  const measurements = effectiveMeasurements(family.measurements).filter((m) => m.measuredOn <= asOf);
  switch (rule.kind) {
    case "change-from-baseline":
      return evaluateChangeFromBaseline(rule, family, measurements, resolved.point, asOf, instruments);
    case "value-at":
      return evaluateValueAt(rule, family, measurements, resolved.point, asOf, instruments);
    case "none-at-or-above":
      return evaluateNoneAtOrAbove(rule, family, measurements, resolved.point, asOf, instruments);
    case "share-of-goals-attained":
      return evaluateShareOfGoals(rule, family, measurements, resolved.point, asOf, instruments);
  }
}

/**
 * Checks that a rule's references exist in a catalogue: the instrument, its score, and (for
 * `none-at-or-above`) that the score passes an ordered-categories item through and the level is one of
 * its categories.
 * @returns Danish messages keyed by field (`instrumentCode`, `score`, `level`); empty when all is well.
 */
export function checkOutcomeRuleReferences(
  rule: OutcomeRule,
  instruments: readonly Instrument[] = BUILTIN_INSTRUMENTS,
): Record<string, string> {
  const instrument = instruments.find((i) => i.code === rule.instrumentCode);
  if (!instrument) return { instrumentCode: `Ukendt instrument: ${rule.instrumentCode}` };
  const version = getLatestVersion(instrument);
  if (!version.scores.some((s) => s.code === rule.score)) {
    return { score: `${instrument.name} har ingen score med koden ${rule.score}` };
  }
  if (rule.kind === "share-of-goals-attained" && !version.isPerGoal) {
    return { instrumentCode: `${instrument.name} scores ikke pr. mål` };
  }
  if (rule.kind === "none-at-or-above") {
    const categories = categoriesOfScore(version, rule.score);
    if (!categories) return { score: "Scoren skal være et spørgsmål med ordnede svarmuligheder" };
    if (!categories.some((c) => c.code === rule.level)) {
      return { level: `Ukendt niveau: ${rule.level} (gyldige: ${categories.map((c) => c.code).join(", ")})` };
    }
  }
  return {};
}
