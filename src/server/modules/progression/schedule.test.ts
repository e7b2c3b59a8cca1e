import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { ErrorResponseSchema } from "../../../contracts/errors.js";
import { type TrackSchedule, TrackScheduleSchema } from "../../../contracts/progression.js";
import { appUser, auditEvent, caseTask, course, membership, track } from "../../db/schema/index.js";
import { hashPassword } from "../auth/password-hash.js";

let t: TestApp;
let pm: TestClient;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  pm = await t.login("projektleder@vejle.demo");
  projectId = t.seed.projectIds.vejle;
});
afterAll(() => t.close());

/** A project manager of Rødovre (the demo has none): `project.manage`, but not on Vejle's project. */
async function rodovreProjectManager() {
  const email = `projektleder-${crypto.randomUUID().slice(0, 8)}@rodovre.test`;
  const password = "rødovre-test-password";
  const [user] = await t.db
    .insert(appUser)
    .values({ email, displayName: "Rødovres projektleder", passwordHash: await hashPassword(password) })
    .returning();
  await t.db
    .insert(membership)
    .values({ userId: user!.id, organisationId: t.seed.orgIds.rodovre, role: "project_manager" });
  return t.login(email, password);
}

async function schedulesAs(client: TestClient) {
  const res = await client.get(`/api/projects/${projectId}/schedules`);
  expect(res.status).toBe(200);
  return TrackScheduleSchema.array().parse(await res.json());
}

async function ordinary(): Promise<TrackSchedule> {
  return (await schedulesAs(pm)).find((s) => s.trackCode === "ordinary")!;
}

const put = (client: TestClient, trackId: string, body: unknown) =>
  client.call("PUT", `/api/projects/${projectId}/tracks/${trackId}/schedule`, body);

/** The ordinary track's schedule plus the employment ladder for each adult (baseline within 12 weeks). */
function withLadder(s: TrackSchedule) {
  return {
    plannedDurationMonths: s.plannedDurationMonths,
    schedule: {
      schemaVersion: 1,
      entries: [
        ...s.schedule!.entries,
        {
          instrumentCode: "employment-ladder",
          subjects: "each-adult",
          baselineWithinWeeks: 12,
          everyMonths: 6,
        },
      ],
    },
  };
}

const measurementTasksOf = (courseId: string) =>
  t.db
    .select({ key: caseTask.key, title: caseTask.title, dueOn: caseTask.dueOn, doneAt: caseTask.doneAt })
    .from(caseTask)
    .where(and(eq(caseTask.courseId, courseId), eq(caseTask.kind, "measurement-due")));

describe("schedules per track", () => {
  it("lists every track with its planned duration, schedule and number of courses, for anyone who reads the project", async () => {
    const list = await schedulesAs(pm);
    expect(list.map((s) => s.trackCode).sort()).toEqual(["intensive", "ordinary"]);
    const o = list.find((s) => s.trackCode === "ordinary")!;
    expect(o.plannedDurationMonths).toBeGreaterThan(0);
    expect(o.schedule?.entries.map((e) => `${e.instrumentCode}:${e.subjects}`)).toContain(
      "school-absence:each-child",
    );
    const courses = await t.db.select({ id: course.id }).from(course).where(eq(course.trackId, o.trackId));
    expect(o.courseCount).toBe(courses.length);
    expect(await schedulesAs(await t.login("investor@fond.demo"))).toEqual(list);
    expect((await (await rodovreProjectManager()).get(`/api/projects/${projectId}/schedules`)).status).toBe(
      404,
    );
  });

  it("saves a track's schedule, audits it, and brings the measurement tasks of its courses in line at once", async () => {
    const fx = await insertCourseFixture(t, { caseworkerIds: [t.seed.userIds["sagsbehandler@vejle.demo"]!] });
    const before = await ordinary();
    expect(fx.trackId).toBe(before.trackId);
    const res = await put(pm, before.trackId, withLadder(before));
    expect(res.status, await res.clone().text()).toBe(200);
    const saved = TrackScheduleSchema.parse(await res.json());
    expect(saved.schedule?.entries.at(-1)).toEqual({
      instrumentCode: "employment-ladder",
      subjects: "each-adult",
      baselineWithinWeeks: 12,
      everyMonths: 6,
      atEnd: true,
      followUpMonthsAfterEnd: [],
      windowDays: 14,
    });
    expect(await ordinary()).toEqual(saved);
    // The tasks follow at once: the open baseline task of the fixture's course (started 2026-01-05)
    // now also asks for the employment ladder of its parent.
    const baselineTask = async () =>
      (await measurementTasksOf(fx.courseId)).find((x) => x.key === "measurement|baseline|0");
    expect((await baselineTask())?.title).toMatch(
      /^Måling: nulpunktsmåling – mangler .*Trin mod beskæftigelse/,
    );
    const [event] = await t.db
      .select({ type: auditEvent.eventType, payload: auditEvent.payload, projectId: auditEvent.projectId })
      .from(auditEvent)
      .where(eq(auditEvent.subjectId, before.trackId));
    expect(event).toEqual({
      type: "schedule.updated",
      payload: { entries: before.schedule!.entries.length + 1 },
      projectId,
    });

    // Back as it was: the open task goes with the entry; a longer course moves the end.
    const restored = await put(pm, before.trackId, {
      plannedDurationMonths: before.plannedDurationMonths + 2,
      schedule: before.schedule,
    });
    expect(restored.status).toBe(200);
    expect((await baselineTask())?.title).not.toContain("Trin mod beskæftigelse");
    const [row] = await t.db.select().from(track).where(eq(track.id, before.trackId));
    expect(row!.plannedDurationMonths).toBe(before.plannedDurationMonths + 2);

    // No schedule at all: nothing is owed, so the open measurement tasks go too.
    expect((await put(pm, before.trackId, { plannedDurationMonths: 10, schedule: null })).status).toBe(200);
    expect((await measurementTasksOf(fx.courseId)).filter((x) => x.doneAt === null)).toEqual([]);
    expect((await ordinary()).schedule).toBeNull();
    await put(pm, before.trackId, {
      plannedDurationMonths: before.plannedDurationMonths,
      schedule: before.schedule,
    });
  });

  it("refuses entries that do not fit the project's instruments, with a Danish message per entry, and changes nothing", async () => {
    const before = await ordinary();
    const entry = (instrumentCode: string, subjects: string, extra: Record<string, unknown> = {}) => ({
      instrumentCode,
      subjects,
      baselineWithinWeeks: 4,
      ...extra,
    });
    const res = await put(pm, before.trackId, {
      plannedDurationMonths: 10,
      schedule: {
        schemaVersion: 1,
        entries: [
          entry("iq-test", "family"),
          entry("family-areas", "each-child"),
          entry("goal-attainment", "family"),
          entry("well-being", "each-goal"),
          entry("school-absence", "each-adult"),
          entry("support-hours", "family", { baselineWithinWeeks: undefined, atEnd: false }),
          entry("employment-ladder", "each-parent"),
        ],
      },
    });
    expect(res.status).toBe(400);
    const error = ErrorResponseSchema.parse(await res.json()).error;
    expect(error.message).toBe("Måleplanen er ikke udfyldt korrekt.");
    expect(error.details).toEqual([
      { path: "schedule.entries.0.instrumentCode", message: "Måleredskabet iq-test findes ikke i projektet" },
      {
        path: "schedule.entries.1.subjects",
        message: "Familiens situation på ni områder måles kun om familien samlet",
      },
      {
        path: "schedule.entries.2.subjects",
        message: "Målopfyldelse måles pr. mål i planen: vælg «hvert mål»",
      },
      { path: "schedule.entries.3.subjects", message: "Trivsel måles ikke pr. mål i planen" },
      { path: "schedule.entries.4.subjects", message: "Skolefravær gælder kun børn" },
      { path: "schedule.entries.5.atEnd", message: "Vælg mindst ét tidspunkt, hvor der skal måles" },
    ]);

    const shape = await put(pm, before.trackId, {
      plannedDurationMonths: 0,
      schedule: {
        schemaVersion: 1,
        entries: [entry("well-being", "family"), entry("well-being", "family", { windowDays: 500 })],
      },
    });
    expect(shape.status).toBe(400);
    const paths = ErrorResponseSchema.parse(await shape.json()).error.details?.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(["plannedDurationMonths", "schedule.entries.1.windowDays"]));
    expect(await ordinary()).toEqual(before);
  });

  it("lets only the project's managers change a schedule, and only of the project's own tracks", async () => {
    const before = await schedulesAs(pm);
    const o = before.find((s) => s.trackCode === "ordinary")!;
    const body = withLadder(o);
    expect((await put(await t.login("sagsbehandler@vejle.demo"), o.trackId, body)).status).toBe(403);
    expect((await put(await t.login("leder@vejle.demo"), o.trackId, body)).status).toBe(403);
    expect((await put(await t.login("investor@fond.demo"), o.trackId, body)).status).toBe(403);
    expect((await put(await rodovreProjectManager(), o.trackId, body)).status).toBe(404);
    // Rødovre's track under Vejle's project is not a track of the project.
    const [rodovreTrack] = await t.db
      .select()
      .from(track)
      .where(eq(track.projectId, t.seed.projectIds.rodovre));
    expect((await put(pm, rodovreTrack!.id, body)).status).toBe(404);
    expect(await schedulesAs(pm)).toEqual(before);
  });
});
