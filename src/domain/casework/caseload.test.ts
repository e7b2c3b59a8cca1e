import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDate } from "../calendar-date.js";
import {
  type CaseAssignment,
  type CaseloadSettings,
  CaseloadSettingsSchema,
  checkCaseloadAssignment,
  classifyCaseload,
  computeCaseloads,
  computeWorkerCaseload,
  DEFAULT_CASELOAD_LIMITS,
  formatWeightedFamilies,
  planCaseloadReassignment,
  resolveCaseloadLimits,
} from "./caseload.js";

const d = calendarDate;
const asOf = d("2024-06-01");
const settings: CaseloadSettings = CaseloadSettingsSchema.parse({ trackWeightsPct: { intensive: 150 } });

function assign(
  workerId: string,
  n: number,
  extra: Partial<CaseAssignment> = {},
  prefix = workerId,
): CaseAssignment[] {
  return Array.from({ length: n }, (_, i) => ({
    courseId: `${prefix}-c${i}`,
    familyId: `${prefix}-f${i}`,
    trackId: "ordinary",
    courseState: "active" as const,
    workerId,
    fromOn: d("2024-01-01"),
    ...extra,
  }));
}

describe("computing caseloads", () => {
  it("weighs intensive families more and counts a family once, at its highest weight", () => {
    const list = [
      ...assign("w1", 3),
      ...assign("w1", 1, { trackId: "intensive" }, "w1i"),
      { ...assign("w1", 1)[0]!, courseId: "w1-extra", trackId: "intensive" }, // same family w1-f0, second course
    ];
    const load = computeWorkerCaseload(list, "w1", { asOf, settings });
    expect(load.familyCount).toBe(4);
    expect(load.weightedLoadPct).toBe(150 + 100 + 100 + 150);
    expect(load.families.find((f) => f.familyId === "w1-f0")).toEqual({
      familyId: "w1-f0",
      courseIds: ["w1-c0", "w1-extra"],
      weightPct: 150,
    });
  });

  it("counts only open courses and assignments in force on the day (both ends inclusive)", () => {
    const list = [
      ...assign("w1", 1, { courseState: "follow-up" }, "a"),
      ...assign("w1", 1, { toOn: d("2024-05-31") }, "b"),
      ...assign("w1", 1, { toOn: d("2024-06-01") }, "c"),
      ...assign("w1", 1, { fromOn: d("2024-06-02") }, "e"),
    ];
    expect(computeWorkerCaseload(list, "w1", { asOf }).families.map((f) => f.familyId)).toEqual(["c-f0"]);
  });

  it("lists requested workers even when they hold nothing", () => {
    expect(
      computeCaseloads(assign("w2", 2), { asOf, workerIds: ["w1"] }).map((c) => [c.workerId, c.familyCount]),
    ).toEqual([
      ["w1", 0],
      ["w2", 2],
    ]);
  });
});

describe("limits", () => {
  it("resolves worker, then team, then default limits", () => {
    const s = CaseloadSettingsSchema.parse({
      teamLimits: { t1: { warningAtFamilies: 15, hardLimitFamilies: 20 } },
      workerLimits: { w9: { warningAtFamilies: 8, hardLimitFamilies: 10 } },
    });
    expect(resolveCaseloadLimits(s, { workerId: "w1" })).toEqual(DEFAULT_CASELOAD_LIMITS);
    expect(resolveCaseloadLimits(s, { workerId: "w1", teamId: "t1" }).hardLimitFamilies).toBe(20);
    expect(resolveCaseloadLimits(s, { workerId: "w9", teamId: "t1" }).hardLimitFamilies).toBe(10);
  });

  it("refuses a warning limit above the hard limit", () => {
    const r = CaseloadSettingsSchema.safeParse({
      defaultLimits: { warningAtFamilies: 30, hardLimitFamilies: 25 },
    });
    expect(r.error?.issues[0]?.message).toBe("Advarselsgrænsen må ikke være højere end den faste grænse");
  });

  it("warns from 20 and is over above 25 (weighted)", () => {
    expect(classifyCaseload(1999, DEFAULT_CASELOAD_LIMITS)).toBe("ok");
    expect(classifyCaseload(2000, DEFAULT_CASELOAD_LIMITS)).toBe("warning");
    expect(classifyCaseload(2500, DEFAULT_CASELOAD_LIMITS)).toBe("warning");
    expect(classifyCaseload(2501, DEFAULT_CASELOAD_LIMITS)).toBe("over-hard-limit");
  });

  it("formats weighted families the Danish way", () => {
    expect([2000, 2150, 2105, 2110, 50].map(formatWeightedFamilies)).toEqual([
      "20",
      "21,5",
      "21,05",
      "21,1",
      "0,5",
    ]);
  });
});

describe("checkCaseloadAssignment", () => {
  const newCourse = { courseId: "new", familyId: "new-f", trackId: "ordinary" };

  it("is ok below the warning limit and warns from it", () => {
    const ok = checkCaseloadAssignment({
      assignments: assign("w1", 18),
      worker: { workerId: "w1" },
      course: newCourse,
      asOf,
    });
    expect(ok).toMatchObject({ status: "ok", isAllowed: true, loadBeforePct: 1800, loadAfterPct: 1900 });
    expect(ok.message).toBe("Sagsstammen bliver 19 familier (vægtet).");
    const warn = checkCaseloadAssignment({
      assignments: assign("w1", 19),
      worker: { workerId: "w1" },
      course: newCourse,
      asOf,
    });
    expect(warn).toMatchObject({ status: "warning", isAllowed: true, needsOverride: false });
    expect(warn.message).toBe(
      "Sagsstammen bliver 20 familier (vægtet) og har nået advarselsgrænsen på 20 familier.",
    );
  });

  it("stops an assignment over the hard limit without a team leader's override with a reason", () => {
    const input = {
      assignments: assign("w1", 24),
      worker: { workerId: "w1" },
      course: { ...newCourse, trackId: "intensive" },
      asOf,
      settings,
    };
    const stopped = checkCaseloadAssignment(input);
    expect(stopped).toMatchObject({
      status: "over-hard-limit",
      isAllowed: false,
      needsOverride: true,
      loadAfterPct: 2550,
    });
    expect(stopped.message).toBe(
      "Sagsstammen bliver 25,5 familier (vægtet) og overskrider grænsen på 25 familier. Det kræver en teamleders godkendelse med en begrundelse.",
    );
    expect(
      checkCaseloadAssignment({ ...input, override: { teamLeaderId: "tl", reason: "  " } }).isAllowed,
    ).toBe(false);
    expect(
      checkCaseloadAssignment({ ...input, override: { teamLeaderId: "tl", reason: "Kollega på barsel" } }),
    ).toMatchObject({ isAllowed: true, needsOverride: true });
  });

  it("adds nothing for a second course of a family the worker already holds", () => {
    const r = checkCaseloadAssignment({
      assignments: assign("w1", 25),
      worker: { workerId: "w1" },
      course: { courseId: "x", familyId: "w1-f3", trackId: "ordinary" },
      asOf,
    });
    expect(r).toMatchObject({ status: "warning", loadBeforePct: 2500, loadAfterPct: 2500, isAllowed: true });
  });
});

describe("planCaseloadReassignment", () => {
  it("keeps families together, sends a family to a target that already holds it, and balances the rest", () => {
    const leaving = [
      ...assign("old", 4),
      { ...assign("old", 1)[0]!, courseId: "old-c0b", trackId: "intensive" }, // family old-f0 has two courses
    ];
    const partner = [{ ...assign("a", 1)[0]!, familyId: "old-f3", courseId: "a-shared" }]; // a already holds old-f3
    const plan = planCaseloadReassignment({
      fromWorkerId: "old",
      targets: [{ workerId: "a" }, { workerId: "b" }],
      assignments: [...leaving, ...partner],
      on: asOf,
      settings,
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.endOldOn).toBe("2024-05-31");
    expect(plan.moves.map((m) => `${m.courseId}>${m.toWorkerId}`)).toEqual([
      "old-c0>b", // heaviest family (intensive) first, to the emptiest target
      "old-c0b>b",
      "old-c1>a",
      "old-c2>b",
      "old-c3>a", // a already holds old-f3: it adds nothing there
    ]);
    expect(plan.targets.map((t) => [t.workerId, t.loadBeforePct, t.loadAfterPct])).toEqual([
      ["a", 100, 200],
      ["b", 0, 250],
    ]);
    expect(plan).toMatchObject({
      needsOverride: false,
      isAllowed: true,
      message: "4 familier flyttes. Alle modtagere holder sig inden for den faste grænse.",
    });
  });

  it("needs an override when the targets cannot take everything within their hard limits", () => {
    const input = {
      fromWorkerId: "old",
      targets: [{ workerId: "a" }],
      assignments: [...assign("old", 3), ...assign("a", 24)],
      on: asOf,
    };
    const plan = planCaseloadReassignment(input);
    expect(plan).toMatchObject({ ok: true, needsOverride: true, isAllowed: false });
    if (plan.ok)
      expect(plan.message).toBe(
        "3 familier flyttes. 1 medarbejder kommer over den faste grænse; det kræver en teamleders godkendelse med en begrundelse.",
      );
    expect(
      planCaseloadReassignment({ ...input, override: { teamLeaderId: "tl", reason: "Midlertidigt" } }),
    ).toMatchObject({
      isAllowed: true,
    });
  });

  it("refuses no targets, the leaving worker as a target, and a repeated target", () => {
    const base = { fromWorkerId: "old", assignments: assign("old", 1), on: asOf };
    expect(planCaseloadReassignment({ ...base, targets: [] }).ok).toBe(false);
    expect(planCaseloadReassignment({ ...base, targets: [{ workerId: "old" }] }).ok).toBe(false);
    expect(planCaseloadReassignment({ ...base, targets: [{ workerId: "a" }, { workerId: "a" }] }).ok).toBe(
      false,
    );
  });
});

describe("properties", () => {
  const workers = ["w1", "w2", "w3", "w4"];
  const tracks = ["ordinary", "intensive", "light"];
  const weights: CaseloadSettings = CaseloadSettingsSchema.parse({
    trackWeightsPct: { intensive: 175, light: 50 },
  });
  const states: CaseAssignment["courseState"][] = ["accepted", "active", "review", "follow-up", "closed"];
  // A course belongs to one family and one track and has one state; workers are assigned to courses.
  const assignmentArb = fc
    .record({ course: fc.integer({ min: 0, max: 60 }), workerId: fc.constantFrom(...workers) })
    .map(
      ({ course, workerId }): CaseAssignment => ({
        courseId: `c${course}`,
        familyId: `f${course % 23}`,
        trackId: tracks[course % tracks.length]!,
        courseState: states[Math.floor(course / 3) % states.length]!,
        workerId,
        fromOn: d("2024-01-01"),
      }),
    );

  it("loads are the sum of each worker's distinct families at their highest weight", () => {
    fc.assert(
      fc.property(fc.array(assignmentArb, { maxLength: 80 }), (list) => {
        const loads = computeCaseloads(list, { asOf, settings: weights });
        const expected = new Map<string, number>();
        for (const a of list) {
          if (a.courseState === "follow-up" || a.courseState === "closed") continue;
          const w = weights.trackWeightsPct[a.trackId] ?? 100;
          const key = `${a.workerId}|${a.familyId}`;
          expected.set(key, Math.max(expected.get(key) ?? 0, w));
        }
        const total = [...expected.values()].reduce((s, w) => s + w, 0);
        expect(loads.reduce((s, l) => s + l.weightedLoadPct, 0)).toBe(total);
        for (const l of loads)
          expect(l.weightedLoadPct).toBe(l.families.reduce((s, f) => s + f.weightPct, 0));
      }),
    );
  });

  it("a reassignment moves every course of the leaving worker once, keeps families together and conserves load", () => {
    fc.assert(
      fc.property(
        fc.array(assignmentArb, { maxLength: 60 }),
        fc.subarray(["w2", "w3", "w4"], { minLength: 1 }),
        (list, targetIds) => {
          const plan = planCaseloadReassignment({
            fromWorkerId: "w1",
            targets: targetIds.map((workerId) => ({ workerId })),
            assignments: list,
            on: asOf,
            settings: weights,
          });
          expect(plan.ok).toBe(true);
          if (!plan.ok) return;
          const leaving = list.filter((a) => a.workerId === "w1" && a.courseState !== "closed");
          expect(plan.moves.map((m) => m.courseId).sort()).toEqual(
            [...new Set(leaving.map((a) => a.courseId))].sort(),
          );
          const targetOf = new Map<string, string>();
          for (const m of plan.moves) {
            expect(targetOf.get(m.familyId) ?? m.toWorkerId).toBe(m.toWorkerId);
            targetOf.set(m.familyId, m.toWorkerId);
          }
          // Applying the plan gives the targets exactly the loads it predicts.
          const moved = new Set(plan.moves.map((m) => m.courseId));
          const after = [
            ...list.filter((a) => !(a.workerId === "w1" && moved.has(a.courseId))),
            ...list
              .filter((a) => a.workerId === "w1" && moved.has(a.courseId))
              .map((a) => ({
                ...a,
                workerId: plan.moves.find((m) => m.courseId === a.courseId)!.toWorkerId,
              })),
          ];
          const loads = computeCaseloads(after, { asOf, settings: weights, workerIds: targetIds });
          for (const t of plan.targets) {
            expect(loads.find((l) => l.workerId === t.workerId)?.weightedLoadPct).toBe(t.loadAfterPct);
          }
          expect(computeWorkerCaseload(after, "w1", { asOf, settings: weights }).familyCount).toBe(0);
        },
      ),
    );
  });
});
