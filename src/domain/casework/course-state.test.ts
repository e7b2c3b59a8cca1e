import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, calendarDate } from "../calendar-date.js";
import {
  COURSE_EVENTS,
  COURSE_MACHINE,
  COURSE_STATES,
  type CourseEvent,
  type CourseState,
  type CourseStatus,
  type CourseTransition,
  CourseTransitionInputSchema,
  countOpenCourses,
  findCourseDates,
  isCourseReasonRequired,
  listAllowedCourseEvents,
  replayCourse,
  startCourse,
  transitionCourse,
} from "./course-state.js";

const d = calendarDate;

function run(steps: [CourseEvent, string, string?][], start = "2024-01-10") {
  let status: CourseStatus = startCourse(d(start));
  const history: CourseTransition[] = [];
  for (const [event, at, reason] of steps) {
    const r = transitionCourse(status, event, { at: d(at), reason });
    if (!r.ok) throw new Error(r.message);
    status = r.status;
    history.push(r.transition);
  }
  return { status, history };
}

describe("transitionCourse", () => {
  it("walks a course from accepted to closed, through a review that continues", () => {
    const { status, history } = run([
      ["start-baseline", "2024-01-15"],
      ["start-treatment", "2024-02-01"],
      ["start-review", "2025-01-20"],
      ["continue", "2025-02-01", "Familien profiterer; fortsætter 6 måneder"],
      ["start-review", "2025-07-15"],
      ["complete", "2025-08-01", "Målene er nået"],
      ["start-follow-up", "2025-08-01"],
      ["close", "2026-08-01"],
    ]);
    expect(status).toEqual({ state: "closed", since: "2026-08-01" });
    expect(history.map((t) => `${t.from}>${t.to}`)).toEqual([
      "accepted>baseline",
      "baseline>active",
      "active>review",
      "review>active",
      "active>review",
      "review>completed",
      "completed>follow-up",
      "follow-up>closed",
    ]);
    expect(history[3]).toEqual({
      from: "review",
      to: "active",
      event: "continue",
      at: "2025-02-01",
      reason: "Familien profiterer; fortsætter 6 måneder",
    });
    expect(history[0]).not.toHaveProperty("reason");
  });

  it("refuses an illegal transition with a Danish message naming the allowed events", () => {
    const r = transitionCourse({ state: "active", since: d("2024-02-01") }, "close", { at: d("2024-03-01") });
    expect(r).toEqual({
      ok: false,
      code: "not-allowed",
      message:
        'Handlingen "Luk forløbet" er ikke mulig, når forløbet er "Aktivt". Mulige handlinger: "Start revurdering", "Afbryd før tid".',
    });
  });

  it("says that a closed course cannot change any more", () => {
    const r = transitionCourse({ state: "closed", since: d("2024-02-01") }, "start-treatment", {
      at: d("2024-03-01"),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("Forløbet kan ikke ændres mere.");
  });

  it("requires a reason for review decisions and early ends; blank does not count", () => {
    const review: CourseStatus = { state: "review", since: d("2025-01-20") };
    for (const event of ["continue", "adjust", "complete", "end-early"] as const) {
      expect(isCourseReasonRequired(event)).toBe(true);
      const r = transitionCourse(review, event, { at: d("2025-02-01"), reason: "   " });
      expect(r).toMatchObject({ ok: false, code: "reason-required" });
    }
    expect(
      transitionCourse(review, "adjust", { at: d("2025-02-01"), reason: " Flere timer " }),
    ).toMatchObject({
      ok: true,
      transition: { reason: "Flere timer" },
    });
    expect(isCourseReasonRequired("start-treatment")).toBe(false);
  });

  it("lets a course end early before the review, with a reason", () => {
    const r = transitionCourse({ state: "baseline", since: d("2024-01-15") }, "end-early", {
      at: d("2024-03-01"),
      reason: "Familien er flyttet fra kommunen",
    });
    expect(r).toMatchObject({ ok: true, status: { state: "ended-early", since: "2024-03-01" } });
  });

  it("refuses a date before the current state began", () => {
    const r = transitionCourse({ state: "active", since: d("2024-02-01") }, "start-review", {
      at: d("2024-01-31"),
    });
    expect(r).toEqual({
      ok: false,
      code: "before-current-state",
      message: 'Datoen 31.1.2024 ligger før forløbet blev "Aktivt" (1.2.2024).',
    });
  });

  it("refuses an unknown event arriving from outside", () => {
    const r = transitionCourse(startCourse(d("2024-01-01")), "toString" as CourseEvent, {
      at: d("2024-01-02"),
    });
    expect(r).toEqual({ ok: false, code: "unknown-event", message: "Ukendt handling." });
    expect(
      CourseTransitionInputSchema.safeParse({ event: "fly", at: "2024-01-01" }).error?.issues[0]?.message,
    ).toBe("Ukendt handling for forløbet");
  });
});

describe("listAllowedCourseEvents", () => {
  it("gives the UI the review's decisions with labels and reason flags", () => {
    expect(listAllowedCourseEvents("review")).toEqual([
      { event: "continue", label: "Fortsæt forløbet", to: "active", isReasonRequired: true },
      { event: "adjust", label: "Justér forløbet", to: "active", isReasonRequired: true },
      { event: "complete", label: "Afslut som gennemført", to: "completed", isReasonRequired: true },
      { event: "end-early", label: "Afbryd før tid", to: "ended-early", isReasonRequired: true },
    ]);
    expect(listAllowedCourseEvents("closed")).toEqual([]);
  });

  it("every state is reachable from accepted, and closed is reachable from every state", () => {
    const next = (s: CourseState) => listAllowedCourseEvents(s).map((a) => a.to);
    const reach = (from: CourseState) => {
      const seen = new Set<CourseState>([from]);
      const queue = [from];
      while (queue.length > 0) {
        for (const t of next(queue.shift()!)) {
          if (seen.has(t)) continue;
          seen.add(t);
          queue.push(t);
        }
      }
      return seen;
    };
    expect([...reach("accepted")].sort()).toEqual([...COURSE_STATES].sort());
    for (const s of COURSE_STATES) expect(reach(s).has("closed")).toBe(true);
  });
});

describe("replayCourse and findCourseDates", () => {
  it("rebuilds the status from a history and finds the start and the last review decision", () => {
    const { status, history } = run([
      ["start-baseline", "2024-01-15"],
      ["start-treatment", "2024-02-01"],
      ["start-review", "2025-01-20"],
      ["adjust", "2025-02-01", "Mere sprogstøtte"],
    ]);
    expect(replayCourse(d("2024-01-10"), history)).toEqual({ ok: true, status });
    expect(findCourseDates(history)).toEqual({ startedOn: "2024-02-01", lastReviewedOn: "2025-02-01" });
  });

  it("refuses a history whose step does not start where the last one ended", () => {
    const r = replayCourse(d("2024-01-10"), [
      { from: "accepted", event: "start-baseline", at: d("2024-01-15") },
      { from: "active", event: "start-review", at: d("2024-06-01") },
    ]);
    expect(r).toMatchObject({ ok: false, index: 1 });
  });

  it("counts open courses", () => {
    expect(countOpenCourses(["accepted", "active", "review", "follow-up", "closed", "baseline"])).toBe(4);
  });
});

describe("properties", () => {
  const steps = fc.array(
    fc.record({
      event: fc.constantFrom(...COURSE_EVENTS),
      gap: fc.integer({ min: -3, max: 60 }),
      reason: fc.option(fc.constantFrom("", "  ", "Begrundet"), { nil: undefined }),
    }),
    { maxLength: 40 },
  );

  it("a course changes state only through an allowed event, and its history replays to the same status", () => {
    fc.assert(
      fc.property(steps, (list) => {
        let status = startCourse(d("2024-01-01"));
        const history: CourseTransition[] = [];
        for (const { event, gap, reason } of list) {
          const at = addDays(status.since, gap);
          const r = transitionCourse(status, event, { at, reason });
          const rule = COURSE_MACHINE.rules[event];
          const allowed =
            rule.from.includes(status.state) &&
            (!rule.isReasonRequired || Boolean(reason?.trim())) &&
            gap >= 0;
          expect(r.ok).toBe(allowed);
          if (r.ok) {
            expect(r.transition.from).toBe(status.state);
            expect(r.status).toEqual({ state: rule.to, since: at });
            status = r.status;
            history.push(r.transition);
          }
        }
        expect(replayCourse(d("2024-01-01"), history)).toEqual({ ok: true, status });
      }),
    );
  });
});
