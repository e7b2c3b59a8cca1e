import type { FormErrors } from "@mantine/form";
import {
  type ProjectInstrument,
  scheduleEntryProblems,
  scheduleSubjectsProblem,
  type TrackSchedule,
  type TrackScheduleInput,
  TrackScheduleInputSchema,
} from "../../../contracts/progression.js";
import {
  SCHEDULE_SCHEMA_VERSION,
  type ScheduleEntry,
  type ScheduleSubjects,
} from "../../../domain/progression/index.js";
import { i18n } from "../../i18n/i18n.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";

/*
 * The schedule editor's values: one row per entry, numbers as NumberInput gives them ("" = none) and
 * the follow-ups as typed ("12, 24"). Error paths of the API (`schedule.entries.2.subjects`) and of the
 * browser's own check are mapped to the row's fields (`entries.2.subjects`).
 */

export const SCHEDULE_SUBJECTS = [
  "family",
  "each-child",
  "each-adult",
  "each-parent",
  "each-member",
  "each-goal",
] as const satisfies readonly ScheduleSubjects[];

type NumberValue = number | string;

export interface EntryValues {
  key: string;
  instrumentCode: string;
  subjects: ScheduleSubjects;
  baselineWithinWeeks: NumberValue;
  everyMonths: NumberValue;
  atEnd: boolean;
  /** Months after the end, as typed: "12, 24". */
  followUps: string;
  windowDays: NumberValue;
}

export interface ScheduleFormValues {
  plannedDurationMonths: NumberValue;
  entries: EntryValues[];
}

let keyCounter = 0;
const newKey = () => `e${++keyCounter}`;

export function valuesFromSchedule(track: TrackSchedule): ScheduleFormValues {
  return {
    plannedDurationMonths: track.plannedDurationMonths,
    entries: (track.schedule?.entries ?? []).map((e) => ({
      key: newKey(),
      instrumentCode: e.instrumentCode,
      subjects: e.subjects,
      baselineWithinWeeks: e.baselineWithinWeeks ?? "",
      everyMonths: e.everyMonths ?? "",
      atEnd: e.atEnd,
      followUps: e.followUpMonthsAfterEnd.join(", "),
      windowDays: e.windowDays,
    })),
  };
}

/** The newest version of an instrument with its name: what a schedule entry is checked against. */
export function newestOf(instrument: ProjectInstrument) {
  return { name: instrument.name, version: instrument.versions[instrument.versions.length - 1]!.definition };
}

/** Whom an instrument can be measured for, in the order of the choices. */
export function subjectsThatFit(instrument: ProjectInstrument | undefined): ScheduleSubjects[] {
  if (!instrument) return [...SCHEDULE_SUBJECTS];
  const newest = newestOf(instrument);
  return SCHEDULE_SUBJECTS.filter((s) => scheduleSubjectsProblem(newest, s) === null);
}

/** A new row: the first instrument, for whom it fits first, at baseline and the end. */
export function newEntryValues(instruments: readonly ProjectInstrument[]): EntryValues {
  const first = instruments[0];
  return {
    key: newKey(),
    instrumentCode: first?.code ?? "",
    subjects: subjectsThatFit(first)[0] ?? "family",
    baselineWithinWeeks: 4,
    everyMonths: "",
    atEnd: true,
    followUps: "",
    windowDays: 14,
  };
}

const numberOf = (v: NumberValue): number | string | undefined => {
  if (typeof v === "number") return v;
  const text = v.trim();
  if (text === "") return undefined;
  const n = Number(text.replace(",", "."));
  return Number.isFinite(n) ? n : text;
};

/** "12, 24" → [12, 24]; null when the text is not whole numbers separated by commas or spaces. */
export function parseFollowUps(text: string): number[] | null {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (!parts.every((p) => /^\d+$/.test(p))) return null;
  return parts.map(Number);
}

/** PUT …/schedule: the duration and the schedule (null when no row is left). */
export function scheduleInputOf(values: ScheduleFormValues): TrackScheduleInput {
  return {
    plannedDurationMonths: numberOf(values.plannedDurationMonths) as number,
    schedule:
      values.entries.length === 0
        ? null
        : {
            schemaVersion: SCHEDULE_SCHEMA_VERSION,
            entries: values.entries.map((e) => ({
              instrumentCode: e.instrumentCode,
              subjects: e.subjects,
              baselineWithinWeeks: numberOf(e.baselineWithinWeeks) as number | undefined,
              everyMonths: numberOf(e.everyMonths) as number | undefined,
              atEnd: e.atEnd,
              followUpMonthsAfterEnd: parseFollowUps(e.followUps) ?? [],
              windowDays: (numberOf(e.windowDays) ?? 14) as number,
            })),
          },
  };
}

/** The API's paths (`schedule.entries.1.followUpMonthsAfterEnd.0`) as the editor's fields. */
export function toFormErrors(errors: FormErrors): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path
      .replace(/^schedule\./, "")
      .replace(/^(entries\.\d+)\.followUpMonthsAfterEnd(\.\d+)?$/, "$1.followUps");
    if (!out[field]) out[field] = message;
  }
  return out;
}

/**
 * The browser's check: the shared schema (ranges, two rows measuring the same people), whether the
 * follow-ups can be read, and each row against the project's instruments (`scheduleEntryProblems`).
 */
export function validateSchedule(
  values: ScheduleFormValues,
  instruments: readonly ProjectInstrument[],
): FormErrors {
  const errors = toFormErrors(
    zodFormValidator<ScheduleFormValues>(TrackScheduleInputSchema, scheduleInputOf)(values),
  );
  values.entries.forEach((e, i) => {
    const instrument = instruments.find((x) => x.code === e.instrumentCode);
    // The schema's own message names codes ("well-being måles allerede for each-member"): say it in words.
    if (/måles allerede for/.test(String(errors[`entries.${i}.subjects`] ?? ""))) {
      errors[`entries.${i}.subjects`] = i18n.t("schedules.editor.overlap", {
        name: instrument?.name ?? e.instrumentCode,
      });
    }
    if (parseFollowUps(e.followUps) === null) {
      errors[`entries.${i}.followUps`] = i18n.t("schedules.editor.followUpsInvalid");
    }
    const entry = scheduleInputOf({ ...values, entries: [e] }).schedule!.entries[0]!;
    for (const problem of scheduleEntryProblems(
      {
        ...entry,
        atEnd: e.atEnd,
        followUpMonthsAfterEnd: entry.followUpMonthsAfterEnd ?? [],
      } as ScheduleEntry,
      instrument ? newestOf(instrument) : undefined,
    )) {
      const path = `entries.${i}.${problem.field}`;
      if (!errors[path]) errors[path] = translateServerMessage(problem.message);
    }
  });
  return errors;
}
