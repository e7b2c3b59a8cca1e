import { describe, expect, it } from "vitest";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { BUILTIN_INSTRUMENTS } from "../../../domain/progression/builtin-instruments.js";
import { getLatestVersion, type Instrument } from "../../../domain/progression/instrument.js";
import {
  checkMeasurementForm,
  emptyFormValues,
  type FormContext,
  formFieldOfApiPath,
  formValuesOfRecord,
  isUnchanged,
  subjectOptions,
  toMeasurementInput,
} from "./measurement-form-values.js";
import { suggestedDateFor, trendsOf } from "./measurement-model.js";
import type { CourseMeasurements, DueSlot, MeasurementRecord } from "./measurement-queries.js";

const TODAY = "2026-03-02" as CalendarDate;
/** A calendar date of the API's answers. */
const d = (s: string) => s as CalendarDate;
const instrument = (code: string): Instrument => BUILTIN_INSTRUMENTS.find((i) => i.code === code)!;

const data: CourseMeasurements = {
  course: {
    id: "c1",
    familyId: "f1",
    state: "active",
    startedOn: d("2025-11-03"),
    plannedEndOn: d("2026-09-03"),
    endedOn: null,
  },
  instruments: [...BUILTIN_INSTRUMENTS],
  members: [
    { personId: "p1", name: "Layla Test", role: "parent", birthDate: d("1985-03-02") },
    { personId: "c1", name: "Amina Test", role: "child", birthDate: d("2015-06-11") },
  ],
  goals: [{ id: "g1", ownWords: "Amina kommer i skole hver dag", personId: "c1" }],
  measurements: [],
  due: [],
  canRecord: true,
};
const context: FormContext = { data, today: TODAY };

function record(over: Partial<MeasurementRecord>): MeasurementRecord {
  return {
    id: "m1",
    courseId: "c1",
    subject: { kind: "family", familyId: "f1" },
    goalId: null,
    instrumentCode: "well-being",
    instrumentVersion: 1,
    measuredOn: d("2025-11-20"),
    period: null,
    respondent: "parent",
    values: { "well-being": 4 },
    scored: { "well-being": 4 },
    bands: {},
    note: "",
    supersedesId: null,
    supersededById: null,
    correctionReason: null,
    importId: null,
    recordedAt: "2025-11-20T12:00:00Z",
    recordedByName: "Kamal Konsulent",
    ...over,
  };
}

describe("the measurement form", () => {
  it("asks for the choices and checks the values with the domain's own rules", () => {
    const values = {
      ...emptyFormValues(context, { instrumentCode: "well-being", subject: "family" }),
      values: { "well-being": 11 },
    };
    const problems = checkMeasurementForm(context, values);
    expect(problems.respondent).toEqual({ key: "validation.choose" });
    expect(problems["values.well-being"]).toEqual({ message: "Skal være mellem 1 og 10" });
    expect(checkMeasurementForm(context, { ...values, measuredOn: d("2026-03-03") }).measuredOn).toEqual({
      message: "Datoen ligger i fremtiden",
    });
    expect(
      checkMeasurementForm(context, { ...values, respondent: "parent", values: { "well-being": 7 } }),
    ).toEqual({});
  });

  it("wants both ends of a period or neither, and a reason for a correction", () => {
    const values = {
      ...emptyFormValues(context, { instrumentCode: "school-absence", subject: "person:c1" }),
      respondent: "school",
      values: { "absence-pct": "12,5" },
      periodFrom: "2026-01-01",
    };
    expect(checkMeasurementForm(context, values).periodTo).toEqual({ key: "measurements.form.periodBoth" });
    const correcting = { ...context, correcting: record({}) };
    expect(
      checkMeasurementForm(correcting, { ...formValuesOfRecord(record({})), values: { "well-being": 6 } })
        .correctionReason,
    ).toEqual({ key: "measurements.correct.reasonRequired" });
  });

  it("offers only the members an instrument applies to", () => {
    const absence = getLatestVersion(instrument("school-absence"));
    expect(subjectOptions(absence, data.members).map((s) => s.key)).toEqual(["person:c1"]);
    const wellBeing = getLatestVersion(instrument("well-being"));
    expect(subjectOptions(wellBeing, data.members).map((s) => s.key)).toEqual([
      "family",
      "person:p1",
      "person:c1",
    ]);
  });

  it("sends numbers as numbers, empty answers as null, and a goal's member as the subject", () => {
    const absence = toMeasurementInput(context, {
      ...emptyFormValues(context, { instrumentCode: "school-absence", subject: "person:c1" }),
      respondent: "school",
      values: { "absence-pct": "12,5" },
    });
    expect(absence).toMatchObject({
      subject: { kind: "person", personId: "c1" },
      values: { "absence-pct": 12.5, "unauthorised-absence-pct": null },
    });
    expect(absence.period).toBeUndefined();
    const goal = toMeasurementInput(context, {
      ...emptyFormValues(context, { instrumentCode: "goal-attainment", goalId: "g1" }),
      respondent: "consultant",
      values: { attainment: "more" },
    });
    expect(goal).toMatchObject({ goalId: "g1", subject: { kind: "person", personId: "c1" } });
  });

  it("knows an unchanged correction", () => {
    const correcting = { ...context, correcting: record({}) };
    const values = formValuesOfRecord(record({}));
    expect(isUnchanged(correcting, { ...values, correctionReason: "Tastefejl" })).toBe(true);
    expect(isUnchanged(correcting, { ...values, values: { "well-being": 5 } })).toBe(false);
  });

  it("puts the API's problems at their fields", () => {
    expect(formFieldOfApiPath("values.well-being")).toBe("values.well-being");
    expect(formFieldOfApiPath("subject.personId")).toBe("subject");
    expect(formFieldOfApiPath("period.to")).toBe("periodTo");
    expect(formFieldOfApiPath("measuredOn")).toBe("measuredOn");
    expect(formFieldOfApiPath("somethingElse")).toBeUndefined();
  });
});

describe("trends and slots", () => {
  const baselineSlot: DueSlot = {
    key: "school-absence|person:c1|baseline|0",
    instrumentCode: "school-absence",
    subject: { kind: "person", personId: "c1" },
    kind: "baseline",
    sequence: 0,
    dueOn: d("2025-12-15"),
    windowFrom: d("2025-11-03"),
    windowTo: d("2025-12-15"),
    status: "overdue",
    measurementId: null,
    daysLate: 77,
  };

  it("suggests today in an open window, else the window's last day", () => {
    expect(suggestedDateFor(baselineSlot, TODAY, data.course.startedOn as CalendarDate)).toBe("2025-12-15");
    const open = { ...baselineSlot, windowTo: d("2026-03-20"), status: "open" as const };
    expect(suggestedDateFor(open, TODAY, data.course.startedOn as CalendarDate)).toBe(TODAY);
  });

  it("uses effective measurements only, the schedule's baseline window and the score's direction", () => {
    const absence = (id: string, measuredOn: string, pct: number, over: Partial<MeasurementRecord> = {}) =>
      record({
        id,
        instrumentCode: "school-absence",
        subject: { kind: "person", personId: "c1" },
        measuredOn: d(measuredOn),
        respondent: "school",
        values: { "absence-pct": pct },
        scored: { "absence-pct": pct },
        ...over,
      });
    const withData: CourseMeasurements = {
      ...data,
      due: [baselineSlot],
      measurements: [
        // Six weeks after the start (the schedule's window), so it is the baseline.
        absence("a1", "2025-12-15", 25),
        absence("a2", "2026-02-20", 10, { supersededById: "a3" }),
        absence("a3", "2026-02-20", 12, { supersedesId: "a2" }),
      ],
    };
    const version = getLatestVersion(instrument("school-absence"));
    const [trend] = trendsOf(withData, instrument("school-absence"), version.scores[0]!, TODAY);
    expect(trend!.series.map((p) => p.value)).toEqual([25, 12]);
    expect(trend!.summary.change).toEqual({ absolute: -13, relativePct: -52 });
    expect(trend!.summary.classification).toBe("improved");
  });
});
