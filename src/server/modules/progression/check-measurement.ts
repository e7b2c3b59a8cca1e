import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  assessDueMeasurements,
  checkMeasuredOn,
  computeDueMeasurements,
  createMeasurement,
  getLatestVersion,
  type Measurement,
  type MeasurementSubject,
  type MemberRole,
  ProgressionInputError,
  type Respondent,
} from "../../../domain/progression/index.js";
import type { CourseProgress } from "./course-progress.js";
import type { StoredInstrument } from "./instrument-catalogue.js";

/*
 * Every check a new measurement passes before it is stored, shared by the form (one measurement) and
 * the CSV import (one call per row): the instrument and version, the member, the goal, the day, the
 * item values (scored by the domain), and no second measurement for the same due slot.
 */

/** Member roles in plural, for messages ("måles kun for børn"). */
export const ROLE_WORDS: Record<MemberRole, string> = {
  parent: "forældre",
  child: "børn",
  "other-adult": "andre voksne",
};
/** A measurement as entered, before it is checked. */
export interface MeasurementCandidate {
  instrumentCode: string;
  version?: number | undefined;
  subject: { kind: "person"; personId: string } | { kind: "family" };
  goalId?: string | undefined;
  measuredOn: CalendarDate;
  period?: { from: CalendarDate; to: CalendarDate } | undefined;
  respondent: Respondent;
  values: Record<string, number | string | null>;
}

/** A problem with one field (`path` as in the request, e.g. `values.well-being`). */
export interface FieldProblem {
  path: string;
  message: string;
}

const danishDate = (d: string) => {
  const [y, m, day] = d.split("-");
  return `${Number(day)}.${Number(m)}.${y}`;
};

const SLOT_NAMES = {
  baseline: "nulpunktsmålingen",
  interval: "den løbende måling",
  end: "målingen ved afslutningen",
  "follow-up": "opfølgningsmålingen",
} as const;

/**
 * Checks a candidate against the course. `effective` are the course's measurements that count now
 * (a correction passes the one it replaces in `replacingId`, which is then ignored).
 * @returns the scored measurement (with `id`), or the problems, each keyed by a request path.
 */
export function checkMeasurement(
  id: string,
  candidate: MeasurementCandidate,
  context: {
    progress: CourseProgress;
    instruments: readonly StoredInstrument[];
    effective: readonly Measurement[];
    today: CalendarDate;
    replacingId?: string;
  },
):
  | { ok: true; measurement: Measurement; instrumentVersionId: string }
  | { ok: false; problems: FieldProblem[] } {
  const { progress, instruments, today } = context;
  const problems: FieldProblem[] = [];
  const stored = instruments.find((i) => i.instrument.code === candidate.instrumentCode);
  if (!stored)
    return {
      ok: false,
      problems: [{ path: "instrumentCode", message: "Måleredskabet findes ikke i projektet" }],
    };
  const latest = getLatestVersion(stored.instrument);
  const versionNo = candidate.version ?? latest.version;
  const version = stored.instrument.versions.find((v) => v.version === versionNo);
  const versionRow = stored.versions.find((v) => v.version === versionNo);
  if (!version || !versionRow) {
    return {
      ok: false,
      problems: [{ path: "version", message: `${stored.instrument.name} har ingen version ${versionNo}` }],
    };
  }
  // Only the newest version scores new measurements; a correction may keep the version it corrects.
  const replaced = context.replacingId
    ? context.effective.find((m) => m.id === context.replacingId)
    : undefined;
  if (versionNo !== latest.version && replaced?.instrumentVersion !== versionNo) {
    problems.push({
      path: "version",
      message: `Version ${versionNo} af ${stored.instrument.name} er afløst af version ${latest.version} og bruges ikke længere`,
    });
  }
  if (version.validFrom && candidate.measuredOn < version.validFrom) {
    problems.push({
      path: "measuredOn",
      message: `Version ${versionNo} af ${stored.instrument.name} gælder først fra ${danishDate(version.validFrom)}`,
    });
  }
  let subject: MeasurementSubject;
  if (candidate.subject.kind === "person") {
    const personId = candidate.subject.personId;
    const member = context.progress.members.find((m) => m.id === personId);
    if (!member) {
      problems.push({ path: "subject.personId", message: "Personen hører ikke til familien i dette forløb" });
    } else if (version.memberRoles && !version.memberRoles.includes(member.role)) {
      problems.push({
        path: "subject.personId",
        message: `${stored.instrument.name} måles kun for ${version.memberRoles.map((r) => ROLE_WORDS[r]).join(" og ")}`,
      });
    }
    subject = { kind: "person", personId };
  } else {
    subject = { kind: "family", familyId: progress.row.familyId };
  }
  if (candidate.goalId !== undefined && !progress.goals.some((g) => g.id === candidate.goalId)) {
    problems.push({ path: "goalId", message: "Målet findes ikke i familiens gældende plan" });
  }
  const dayProblem = checkMeasuredOn(candidate.measuredOn, progress.dates, today);
  if (dayProblem) problems.push({ path: "measuredOn", message: dayProblem });
  if (candidate.period && candidate.period.to > today) {
    problems.push({ path: "period.to", message: "Perioden slutter i fremtiden" });
  }

  let measurement: Measurement | undefined;
  try {
    measurement = createMeasurement({
      id,
      subject,
      instrument: stored.instrument,
      version: versionNo,
      ...(candidate.goalId === undefined ? {} : { goalId: candidate.goalId }),
      measuredOn: candidate.measuredOn,
      ...(candidate.period ? { period: candidate.period } : {}),
      respondent: candidate.respondent,
      values: candidate.values,
      ...(context.replacingId ? { supersedes: context.replacingId } : {}),
    });
  } catch (error) {
    if (!(error instanceof ProgressionInputError)) throw error;
    const fields = new Set(["subject", "goalId", "respondent", "period"]);
    for (const [key, message] of Object.entries(error.errors)) {
      problems.push({ path: fields.has(key) ? key : `values.${key}`, message });
    }
  }
  if (problems.length > 0 || !measurement) return { ok: false, problems };

  const duplicate = findDuplicate(measurement, stored.instrument.name, context);
  if (duplicate) return { ok: false, problems: [{ path: "measuredOn", message: duplicate }] };
  return { ok: true, measurement, instrumentVersionId: versionRow.id };
}

/** A message when another measurement already fills the due slot (or the day) of `m`, else undefined. */
function findDuplicate(
  m: Measurement,
  instrumentName: string,
  context: {
    progress: CourseProgress;
    effective: readonly Measurement[];
    today: CalendarDate;
    replacingId?: string;
  },
): string | undefined {
  const same = context.effective.filter(
    (o) =>
      o.id !== context.replacingId &&
      o.instrumentCode === m.instrumentCode &&
      (o.goalId ?? null) === (m.goalId ?? null) &&
      o.subject.kind === m.subject.kind &&
      (o.subject.kind !== "person" ||
        m.subject.kind !== "person" ||
        o.subject.personId === m.subject.personId),
  );
  if (same.length === 0) return undefined;
  const fix = "Ret den eksisterende måling i stedet for at registrere en ny.";
  const sameDay = same.find((o) => o.measuredOn === m.measuredOn);
  if (sameDay)
    return `Der er allerede registreret ${instrumentName} for den ${danishDate(m.measuredOn)}. ${fix}`;
  const { progress } = context;
  if (!progress.schedule) return undefined;
  // The same matching as the due list: the new measurement is a duplicate when it would only be an
  // extra in a slot another measurement already fills (two slots with overlapping windows — an
  // interval just before the end — each take their own measurement).
  const due = computeDueMeasurements(progress.schedule, progress.dates, progress.members, {
    goals: progress.goals,
    until: context.today,
  }).filter((s) => s.instrumentCode === m.instrumentCode);
  const { items } = assessDueMeasurements(due, [...same, m], context.today);
  // Either order: the new one may be the extra, or it may take the slot and leave the existing one as
  // the extra (when it lies closer to the due day). Both mean the slot was already filled.
  const existing = new Set(same.map((o) => o.id));
  const slot = items.find(
    (a) =>
      a.duplicateMeasurementIds.includes(m.id) ||
      (a.measurementId === m.id && a.duplicateMeasurementIds.some((id) => existing.has(id))),
  );
  const takenId =
    slot?.measurementId === m.id
      ? slot.duplicateMeasurementIds.find((id) => existing.has(id))
      : slot?.measurementId;
  const taken = same.find((o) => o.id === takenId);
  if (slot && taken) {
    const name = SLOT_NAMES[slot.due.kind];
    return `${name[0]!.toUpperCase()}${name.slice(1)} af ${instrumentName} (${danishDate(slot.due.windowFrom)}–${danishDate(slot.due.windowTo)}) er allerede registreret den ${danishDate(taken.measuredOn)}. ${fix}`;
  }
  return undefined;
}
