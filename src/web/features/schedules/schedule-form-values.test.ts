import { describe, expect, it, vi } from "vitest";

// The form's checks speak through i18n, which sets <html lang>: a stand-in for the page's document.
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

import type { ProjectInstrument, TrackSchedule } from "../../../contracts/progression.js";
import {
  BUILTIN_INSTRUMENTS,
  INTENSIVE_FAMILY_TREATMENT_SCHEDULE,
  MeasurementScheduleSchema,
  ORDINARY_FAMILY_TREATMENT_SCHEDULE,
} from "../../../domain/progression/index.js";
import {
  parseFollowUps,
  scheduleInputOf,
  subjectsThatFit,
  validateSchedule,
  valuesFromSchedule,
} from "./schedule-form-values.js";

const instruments: ProjectInstrument[] = BUILTIN_INSTRUMENTS.map((i, n) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  projectId: "00000000-0000-4000-8000-000000000000",
  code: i.code,
  name: i.name,
  nameEn: i.nameEn ?? null,
  description: i.description ?? "",
  isBuiltin: true,
  versions: i.versions.map((v) => ({
    id: `v-${i.code}-${v.version}`,
    version: v.version,
    isInUse: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    definition: v,
  })),
}));

const track = (schedule: TrackSchedule["schedule"]): TrackSchedule => ({
  trackId: "00000000-0000-4000-8000-0000000000aa",
  trackCode: "ordinary",
  trackName: "Almindelig familiebehandling",
  plannedDurationMonths: 10,
  schedule,
  courseCount: 3,
});

describe("the schedule editor's values", () => {
  it("give back the shipped schedules unchanged, and find nothing wrong with them", () => {
    for (const schedule of [ORDINARY_FAMILY_TREATMENT_SCHEDULE, INTENSIVE_FAMILY_TREATMENT_SCHEDULE]) {
      const values = valuesFromSchedule(track(schedule));
      const input = scheduleInputOf(values);
      expect(MeasurementScheduleSchema.parse(input.schedule)).toEqual(schedule);
      expect(validateSchedule(values, instruments)).toEqual({});
    }
  });

  it("offers only whom an instrument can be measured for", () => {
    const byCode = (code: string) => instruments.find((i) => i.code === code);
    expect(subjectsThatFit(byCode("school-absence"))).toEqual(["each-child"]);
    expect(subjectsThatFit(byCode("goal-attainment"))).toEqual(["each-goal"]);
    expect(subjectsThatFit(byCode("support-hours"))).toEqual(["family"]);
    expect(subjectsThatFit(byCode("employment-ladder"))).toEqual(["each-adult", "each-parent"]);
  });

  it("says per row what is wrong: unreadable follow-ups, a misfit, nothing measured, the same people twice", () => {
    const values = valuesFromSchedule(track(ORDINARY_FAMILY_TREATMENT_SCHEDULE));
    values.entries[0]!.followUps = "12, et år";
    values.entries[2]!.subjects = "each-child";
    Object.assign(values.entries[4]!, {
      baselineWithinWeeks: "",
      everyMonths: "",
      atEnd: false,
      followUps: "",
    });
    values.entries[1]!.subjects = "family";
    const errors = validateSchedule(values, instruments);
    expect(errors["entries.0.followUps"]).toBe("Skriv hele måneder adskilt af komma, fx 12, 24");
    expect(errors["entries.2.subjects"]).toBe(
      "Familiens situation på ni områder måles kun om familien samlet",
    );
    expect(errors["entries.4.atEnd"]).toBe("Vælg mindst ét tidspunkt, hvor der skal måles");
    expect(errors["entries.1.subjects"]).toBe(
      "Trivsel måles allerede for nogle af de samme personer i en anden række",
    );
  });

  it("reads follow-ups typed with commas or spaces, and sends no schedule when no row is left", () => {
    expect(parseFollowUps("12, 24")).toEqual([12, 24]);
    expect(parseFollowUps(" 6 12 ")).toEqual([6, 12]);
    expect(parseFollowUps("")).toEqual([]);
    expect(parseFollowUps("et år")).toBeNull();
    expect(scheduleInputOf({ plannedDurationMonths: 12, entries: [] })).toEqual({
      plannedDurationMonths: 12,
      schedule: null,
    });
  });
});
