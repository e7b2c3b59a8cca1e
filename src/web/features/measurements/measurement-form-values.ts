import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  getLatestVersion,
  type Instrument,
  type InstrumentVersion,
  RESPONDENTS,
  type Respondent,
} from "../../../domain/progression/instrument.js";
import {
  checkMeasuredOn,
  createMeasurement,
  type MeasurementSubject,
} from "../../../domain/progression/measurement.js";
import { ProgressionInputError, scoreItems } from "../../../domain/progression/scoring.js";
import { versionOf } from "./measurement-model.js";
import type {
  CourseMeasurements,
  MeasurementCorrection,
  MeasurementInput,
  MeasurementRecord,
} from "./measurement-queries.js";

/*
 * The measurement form as plain values, and the pure steps around it: the first values (empty, from a
 * due slot, or from the record being corrected), the client-side checks (the domain's own
 * `createMeasurement` and `checkMeasuredOn`, so the browser refuses what the server would), the API
 * body, and where the API's per-field problems belong on the form.
 */

/** One item's value on the form: "" for not answered, a number, or a category code (radios give strings). */
export type ItemFormValue = string | number;

export interface MeasurementFormValues {
  instrumentCode: string;
  /** `family` or `person:<id>`; unused for per-goal instruments (the goal decides). */
  subject: string;
  goalId: string;
  measuredOn: string;
  periodFrom: string;
  periodTo: string;
  respondent: string;
  values: Record<string, ItemFormValue>;
  note: string;
  /** Only for a correction: why the measurement is corrected. */
  correctionReason: string;
}

/** What the checks need to know about the course. */
export interface FormContext {
  data: Pick<CourseMeasurements, "course" | "instruments" | "members" | "goals">;
  today: CalendarDate;
  /** The record being corrected (its version is kept), or undefined for a new measurement. */
  correcting?: MeasurementRecord;
}

/** The instrument chosen on the form, or undefined. */
export function instrumentOf(context: FormContext, code: string): Instrument | undefined {
  return context.data.instruments.find((i) => i.code === code);
}

/** The version the form fills in: the corrected record's own, else the newest. */
export function formVersion(context: FormContext, instrument: Instrument): InstrumentVersion {
  return context.correcting?.instrumentCode === instrument.code
    ? versionOf(instrument, context.correcting.instrumentVersion)
    : getLatestVersion(instrument);
}

/** The respondent to start with: the only one allowed, else none (the user says who answered). */
export function defaultRespondent(version: InstrumentVersion | undefined): string {
  return version?.respondents.length === 1 ? version.respondents[0]! : "";
}

/** Empty values for a new measurement (optionally with the instrument, subject, goal and day chosen). */
export function emptyFormValues(
  context: FormContext,
  preset: { instrumentCode?: string; subject?: string; goalId?: string; measuredOn?: string } = {},
): MeasurementFormValues {
  const instrument = preset.instrumentCode ? instrumentOf(context, preset.instrumentCode) : undefined;
  return {
    instrumentCode: preset.instrumentCode ?? "",
    subject: preset.subject ?? "",
    goalId: preset.goalId ?? "",
    measuredOn: preset.measuredOn ?? context.today,
    periodFrom: "",
    periodTo: "",
    respondent: defaultRespondent(instrument ? formVersion(context, instrument) : undefined),
    values: {},
    note: "",
    correctionReason: "",
  };
}

/** The values of a recorded measurement, to start a correction from. */
export function formValuesOfRecord(record: MeasurementRecord): MeasurementFormValues {
  const values: Record<string, ItemFormValue> = {};
  for (const [code, value] of Object.entries(record.values)) values[code] = value ?? "";
  return {
    instrumentCode: record.instrumentCode,
    subject: record.subject.kind === "family" ? "family" : `person:${record.subject.personId}`,
    goalId: record.goalId ?? "",
    measuredOn: record.measuredOn,
    periodFrom: record.period?.from ?? "",
    periodTo: record.period?.to ?? "",
    respondent: record.respondent,
    values,
    note: record.note,
    correctionReason: "",
  };
}

/** The subjects an instrument version can be about on this course: the family and/or members by role. */
export function subjectOptions(
  version: InstrumentVersion,
  members: FormContext["data"]["members"],
): Array<{ key: string; personId?: string }> {
  const options: Array<{ key: string; personId?: string }> = [];
  if (version.subjects.includes("family")) options.push({ key: "family" });
  if (version.subjects.includes("person")) {
    for (const m of members) {
      if (!version.memberRoles || version.memberRoles.includes(m.role)) {
        options.push({ key: `person:${m.personId}`, personId: m.personId });
      }
    }
  }
  return options;
}

/** A per-goal measurement is about the goal's member, or the family for a family goal. */
function subjectKeyOfGoal(context: FormContext, goalId: string): string {
  const goal = context.data.goals.find((g) => g.id === goalId);
  return goal?.personId ? `person:${goal.personId}` : "family";
}

function apiSubject(key: string): MeasurementInput["subject"] {
  return key.startsWith("person:") ? { kind: "person", personId: key.slice(7) } : { kind: "family" };
}

function domainSubject(key: string, familyId: string): MeasurementSubject {
  return key.startsWith("person:")
    ? { kind: "person", personId: key.slice(7) }
    : { kind: "family", familyId };
}

/** A form value as the API takes it: null for not answered, numbers for numeric scales. */
function itemValueOf(version: InstrumentVersion, code: string, raw: ItemFormValue | undefined) {
  if (raw === undefined || raw === "") return null;
  const item = version.items.find((i) => i.code === code);
  if (item?.scale.kind === "ordered-categories") return String(raw);
  if (typeof raw === "number") return raw;
  const n = Number(raw.trim().replace(",", "."));
  return Number.isFinite(n) && raw.trim() !== "" ? n : raw;
}

/** The item values of the form for the version's items (answers to other versions' items are dropped). */
export function itemValuesOf(
  version: InstrumentVersion,
  values: MeasurementFormValues["values"],
): Record<string, number | string | null> {
  const out: Record<string, number | string | null> = {};
  for (const item of version.items) out[item.code] = itemValueOf(version, item.code, values[item.code]);
  return out;
}

/** The subject the measurement is about, as a form key (for per-goal instruments: from the goal). */
export function effectiveSubjectKey(
  context: FormContext,
  version: InstrumentVersion,
  values: MeasurementFormValues,
): string {
  return version.isPerGoal && values.goalId ? subjectKeyOfGoal(context, values.goalId) : values.subject;
}

/** The API body of a new measurement. */
export function toMeasurementInput(context: FormContext, values: MeasurementFormValues): MeasurementInput {
  const instrument = instrumentOf(context, values.instrumentCode)!;
  const version = formVersion(context, instrument);
  const hasPeriod = values.periodFrom !== "" && values.periodTo !== "";
  return {
    instrumentCode: instrument.code,
    version: version.version,
    subject: apiSubject(effectiveSubjectKey(context, version, values)),
    ...(version.isPerGoal && values.goalId ? { goalId: values.goalId } : {}),
    measuredOn: values.measuredOn,
    ...(hasPeriod ? { period: { from: values.periodFrom, to: values.periodTo } } : {}),
    respondent: values.respondent as Respondent,
    values: itemValuesOf(version, values.values),
    note: values.note.trim(),
  };
}

/** The API body of a correction. */
export function toCorrectionInput(
  context: FormContext,
  values: MeasurementFormValues,
): MeasurementCorrection {
  return { ...toMeasurementInput(context, values), correctionReason: values.correctionReason.trim() };
}

/** Why the form cannot be sent, keyed by form field: an i18n key (`key`) or a Danish domain message. */
export type FormProblems = Record<string, { key: string } | { message: string }>;

/**
 * Checks the form as the server will: required choices, the day (not in the future, not before the
 * course), the period, and the item values and subject through the domain's `createMeasurement`.
 */
export function checkMeasurementForm(context: FormContext, values: MeasurementFormValues): FormProblems {
  const problems: FormProblems = {};
  const instrument = instrumentOf(context, values.instrumentCode);
  if (!instrument) return { instrumentCode: { key: "validation.choose" } };
  const version = formVersion(context, instrument);
  if (version.isPerGoal && !values.goalId) problems.goalId = { key: "validation.choose" };
  if (!version.isPerGoal && !values.subject) problems.subject = { key: "validation.choose" };
  if (!values.respondent || !(RESPONDENTS as readonly string[]).includes(values.respondent))
    problems.respondent = { key: "validation.choose" };
  if (!values.measuredOn) problems.measuredOn = { key: "validation.required" };
  else {
    const day = checkMeasuredOn(
      values.measuredOn as CalendarDate,
      { startedOn: context.data.course.startedOn as CalendarDate },
      context.today,
    );
    if (day) problems.measuredOn = { message: day };
  }
  if (values.periodFrom && !values.periodTo) problems.periodTo = { key: "measurements.form.periodBoth" };
  if (values.periodTo && !values.periodFrom) problems.periodFrom = { key: "measurements.form.periodBoth" };
  if (values.periodTo && values.periodTo > context.today)
    problems.periodTo = { key: "measurements.form.periodFuture" };
  if (context.correcting && !values.correctionReason.trim())
    problems.correctionReason = { key: "measurements.correct.reasonRequired" };

  const subjectKey = effectiveSubjectKey(context, version, values);
  if (!subjectKey) return problems;
  const hasPeriod = values.periodFrom !== "" && values.periodTo !== "";
  try {
    createMeasurement({
      id: "form",
      subject: domainSubject(subjectKey, context.data.course.familyId),
      instrument,
      version: version.version,
      ...(version.isPerGoal && values.goalId ? { goalId: values.goalId } : {}),
      measuredOn: (values.measuredOn || context.today) as CalendarDate,
      ...(hasPeriod
        ? { period: { from: values.periodFrom as CalendarDate, to: values.periodTo as CalendarDate } }
        : {}),
      respondent: (problems.respondent ? version.respondents[0] : values.respondent) as Respondent,
      values: itemValuesOf(version, values.values),
    });
  } catch (error) {
    if (!(error instanceof ProgressionInputError)) throw error;
    for (const [key, message] of Object.entries(error.errors)) {
      const field = formFieldOfApiPath(
        ["subject", "goalId", "respondent", "period"].includes(key) ? key : `values.${key}`,
      );
      if (field && !problems[field]) problems[field] = { message };
    }
  }
  return problems;
}

/** The scores of the values entered so far, or undefined while they cannot be scored. */
export function previewScores(version: InstrumentVersion, values: MeasurementFormValues["values"]) {
  const result = scoreItems(version, itemValuesOf(version, values));
  return result.ok ? result : undefined;
}

/** Whether a correction changes nothing the measurement says (then there is nothing to correct). */
export function isUnchanged(context: FormContext, values: MeasurementFormValues): boolean {
  const record = context.correcting;
  if (!record) return false;
  const before = toMeasurementInput(context, formValuesOfRecord(record));
  return JSON.stringify(toMeasurementInput(context, values)) === JSON.stringify(before);
}

/** The form field of an API problem's path (`values.well-being`, `subject.personId`, `period.to` …). */
export function formFieldOfApiPath(path: string): string | undefined {
  const p = path.replace(/^body\./, "");
  if (p.startsWith("values.")) return p;
  if (p === "subject" || p.startsWith("subject.")) return "subject";
  if (p === "period" || p === "period.to") return "periodTo";
  if (p === "period.from") return "periodFrom";
  if (p === "version" || p === "instrumentCode") return "instrumentCode";
  if (["goalId", "measuredOn", "respondent", "note", "correctionReason"].includes(p)) return p;
  return undefined;
}
