import { describe, expect, it } from "vitest";
import { calendarDate } from "../calendar-date.js";
import {
  computeCaseworkTasks,
  computeInvestigationTask,
  computeMeasureFollowUpTask,
  computeReviewTask,
  flagTasks,
  isOverdue,
  TaskDescriptorSchema,
} from "./deadlines.js";

const d = calendarDate;
const course = {
  courseId: "c1",
  familyId: "f1",
  trackId: "ordinary",
  state: "active" as const,
  startedOn: d("2024-02-01"),
};

describe("review", () => {
  it("is due 12 months after the start of treatment by default", () => {
    expect(computeReviewTask(course)).toEqual({
      key: "review|course:c1|2025-02-01",
      kind: "review",
      dueOn: "2025-02-01",
      subject: { familyId: "f1", courseId: "c1" },
      title: "Revurdering af forløbet",
    });
  });

  it("uses the track's months, counts from the last review decision, clamps to the month's end", () => {
    expect(computeReviewTask(course, 6)?.dueOn).toBe("2024-08-01");
    expect(computeReviewTask({ ...course, lastReviewedOn: d("2025-02-03") }, 6)?.dueOn).toBe("2025-08-03");
    expect(computeReviewTask({ ...course, startedOn: d("2023-08-31") }, 6)?.dueOn).toBe("2024-02-29");
  });

  it("stays while the review is under way and disappears once the course has ended or has not started", () => {
    expect(computeReviewTask({ ...course, state: "review" })).toBeDefined();
    for (const state of [
      "accepted",
      "baseline",
      "completed",
      "ended-early",
      "follow-up",
      "closed",
    ] as const) {
      expect(computeReviewTask({ ...course, state })).toBeUndefined();
    }
    expect(computeReviewTask({ ...course, startedOn: undefined })).toBeUndefined();
  });
});

describe("measure follow-up and children's investigation", () => {
  it("follows up a measure within 3 months of its start, until followed up", () => {
    const m = {
      measureId: "m1",
      familyId: "f1",
      courseId: "c1",
      title: " Mentor ",
      startOn: d("2024-11-30"),
    };
    expect(computeMeasureFollowUpTask(m)).toEqual({
      key: "measure-follow-up|measure:m1",
      kind: "measure-follow-up",
      dueOn: "2025-02-28",
      subject: { familyId: "f1", measureId: "m1", courseId: "c1" },
      title: 'Opfølgning på indsatsen "Mentor"',
    });
    expect(computeMeasureFollowUpTask({ ...m, followedUpOn: d("2025-01-15") })).toBeUndefined();
  });

  it("finishes a children's investigation within 4 months of its start", () => {
    const i = { investigationId: "u1", familyId: "f1", childPersonId: "k1", startedOn: d("2024-10-31") };
    expect(computeInvestigationTask(i)).toMatchObject({
      dueOn: "2025-02-28",
      subject: { familyId: "f1", investigationId: "u1", personId: "k1" },
      title: "Den børnefaglige undersøgelse skal være afsluttet",
    });
    expect(computeInvestigationTask({ ...i, finishedOn: d("2025-01-01") })).toBeUndefined();
  });
});

describe("computeCaseworkTasks and flags", () => {
  const tasks = computeCaseworkTasks(
    {
      courses: [course, { ...course, courseId: "c2", trackId: "intensive" }],
      measures: [{ measureId: "m1", familyId: "f1", title: "Familiebehandling", startOn: d("2024-02-01") }],
      investigations: [
        { investigationId: "u1", familyId: "f1", childPersonId: "k1", startedOn: d("2024-01-15") },
      ],
    },
    { intensive: 6 },
  );

  it("collects every open task, with per-track review months, sorted by due date", () => {
    expect(tasks.map((t) => [t.kind, t.dueOn])).toEqual([
      ["measure-follow-up", "2024-05-01"],
      ["investigation-deadline", "2024-05-15"],
      ["review", "2024-08-01"],
      ["review", "2025-02-01"],
    ]);
    for (const t of tasks) expect(TaskDescriptorSchema.parse(t)).toEqual(t);
  });

  it("is overdue from the day after the due date", () => {
    expect(isOverdue(d("2024-05-01"), d("2024-05-01"))).toBe(false);
    expect(isOverdue(d("2024-05-01"), d("2024-05-02"))).toBe(true);
    expect(flagTasks(tasks, d("2024-05-02")).map((t) => [t.kind, t.isOverdue, t.daysUntilDue])).toEqual([
      ["measure-follow-up", true, -1],
      ["investigation-deadline", false, 13],
      ["review", false, 91],
      ["review", false, 275],
    ]);
  });

  it("is not fooled by a track id that names an Object property", () => {
    const [t] = computeCaseworkTasks({ courses: [{ ...course, trackId: "constructor" }] });
    expect(t?.dueOn).toBe("2025-02-01");
  });
});
