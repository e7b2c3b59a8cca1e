import { describe, expect, it } from "vitest";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { dueStatusOf } from "./task-dates.js";
import { MyTasksSearchSchema } from "./task-search.js";

const today = "2026-03-02" as CalendarDate;

describe("dueStatusOf", () => {
  it("is overdue from the day after the due date, counting the days", () => {
    expect(dueStatusOf("2026-03-01", today)).toEqual({ kind: "overdue", days: 1 });
    expect(dueStatusOf("2026-01-31", today)).toEqual({ kind: "overdue", days: 30 });
  });
  it("is due today on the day, soon within 14 days, later after that", () => {
    expect(dueStatusOf("2026-03-02", today)).toEqual({ kind: "today" });
    expect(dueStatusOf("2026-03-16", today)).toEqual({ kind: "soon", days: 14 });
    expect(dueStatusOf("2026-03-17", today)).toEqual({ kind: "later" });
  });
});

describe("MyTasksSearchSchema", () => {
  it("reads the filters from the address and drops bad values", () => {
    expect(
      MyTasksSearchSchema.parse({ status: "done", kind: "review", overdue: "true", offset: "25" }),
    ).toEqual({
      status: "done",
      kind: "review",
      overdue: true,
      offset: 25,
    });
    expect(MyTasksSearchSchema.parse({ status: "open", kind: "birthday", offset: "-1" })).toEqual({});
  });
});
