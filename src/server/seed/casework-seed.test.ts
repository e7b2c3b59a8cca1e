import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../../test/test-app.js";
import { addDays } from "../../domain/calendar-date.js";
import {
  type CourseEvent,
  type CourseState,
  computeReviewTask,
  danishDateOf,
  findCourseDates,
  findEffectiveConsent,
  isOutOfHours,
  parseCpr,
  replayCourse,
  validateFamilyPlan,
} from "../../domain/casework/index.js";
import {
  caseNote,
  caseTask,
  caseTeamMember,
  consent,
  contact,
  course,
  courseReview,
  courseTransition,
  family,
  familyMembership,
  person,
  personIdentifier,
  planAgreement,
  planVersion,
  referral,
  referralTransition,
  track,
} from "../db/schema/index.js";
import { cprLookupHash, openCpr } from "../modules/casework/cpr-store.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const vejle = () => t.seed.orgIds.vejle;
const rodovre = () => t.seed.orgIds.rodovre;
const today = () => danishDateOf(t.clock.now());

async function coursesOf(orgId: string) {
  return t.db
    .select({ id: course.id, familyId: course.familyId, state: course.state, trackCode: track.code })
    .from(course)
    .innerJoin(track, eq(track.id, course.trackId))
    .where(eq(course.organisationId, orgId));
}

describe("case-work demo data", () => {
  it("gives Vejle 25 families with courses, 20 ordinary and 5 intensive, and states across the machine", async () => {
    const courses = await coursesOf(vejle());
    expect(courses).toHaveLength(25);
    expect(new Set(courses.map((c) => c.familyId)).size).toBe(25);
    expect(courses.filter((c) => c.trackCode === "ordinary")).toHaveLength(20);
    expect(courses.filter((c) => c.trackCode === "intensive")).toHaveLength(5);
    const states = new Set(courses.map((c) => c.state));
    for (const s of [
      "accepted",
      "baseline",
      "active",
      "review",
      "completed",
      "ended-early",
      "follow-up",
      "closed",
    ]) {
      expect(states).toContain(s);
    }
    const active = courses.filter((c) => c.state === "active").length;
    expect(active).toBeGreaterThan(courses.length / 3);
    expect(Object.keys(t.seed.casework.courseIds)).toHaveLength(28);
  });

  it("speaks many languages: at least 8 distinct among the Vejle families, with interpreters where needed", async () => {
    const people = await t.db.select().from(person).where(eq(person.organisationId, vejle()));
    const languages = new Set(people.flatMap((p) => p.languages));
    expect(languages.size).toBeGreaterThanOrEqual(8);
    for (const code of languages) expect(code).toMatch(/^[a-z]{2}$/);
    expect(people.some((p) => p.interpreterNeeded)).toBe(true);
    expect(people.some((p) => p.danishProficiency === "none")).toBe(true);
    const memberships = await t.db
      .select()
      .from(familyMembership)
      .where(eq(familyMembership.organisationId, vejle()));
    const sizes = new Map<string, number>();
    for (const m of memberships) sizes.set(m.familyId, (sizes.get(m.familyId) ?? 0) + 1);
    for (const n of sizes.values()) {
      expect(n).toBeGreaterThanOrEqual(2);
      expect(n).toBeLessThanOrEqual(6);
    }
    const children = memberships.filter((m) => m.role === "child").map((m) => m.personId);
    expect(people.filter((p) => children.includes(p.id)).every((p) => p.schoolOrDayCare !== "")).toBe(true);
  });

  it("seals CPR numbers that open to valid numbers matching the birth date, sex and lookup hash", async () => {
    const rows = await t.db
      .select({
        personId: personIdentifier.personId,
        organisationId: personIdentifier.organisationId,
        sealed: personIdentifier.cprSealed,
        lookupHash: personIdentifier.lookupHash,
        birthDate: person.birthDate,
        sex: person.sex,
      })
      .from(personIdentifier)
      .innerJoin(person, eq(person.id, personIdentifier.personId));
    const people = await t.db.select({ id: person.id }).from(person);
    expect(rows.length).toBeGreaterThan(people.length * 0.9);
    expect(rows.length).toBeLessThan(people.length);
    for (const r of rows) {
      const cpr = openCpr(t.appKey, r.personId, r.sealed);
      const parsed = parseCpr(cpr, { asOf: today() });
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.birthDate).toBe(r.birthDate);
      expect(parsed.legalSex).toBe(r.sex);
      expect(cprLookupHash(t.appKey, r.organisationId, parsed.cpr)).toBe(r.lookupHash);
      expect(r.sealed).not.toContain(cpr);
    }
  });

  it("stores course histories that replay to each course's state, with reasons where required", async () => {
    const courses = await t.db.select().from(course);
    const transitions = await t.db
      .select()
      .from(courseTransition)
      .orderBy(asc(courseTransition.createdAt), asc(courseTransition.onDate));
    for (const c of courses) {
      const history = transitions
        .filter((x) => x.courseId === c.id)
        .map((x) => ({
          from: x.fromState as CourseState,
          event: x.event as CourseEvent,
          at: x.onDate as never,
          reason: x.reason,
        }));
      const replay = replayCourse(c.acceptedOn as never, history);
      expect(replay, c.id).toMatchObject({ ok: true, status: { state: c.state, since: c.stateSince } });
    }
  });

  it("gives every referral a history that ends in its state, and keeps an inbox and a waiting list", async () => {
    const referrals = await t.db.select().from(referral);
    const steps = await t.db.select().from(referralTransition).orderBy(asc(referralTransition.createdAt));
    for (const r of referrals) {
      const mine = steps.filter((s) => s.referralId === r.id);
      expect(mine[0]).toMatchObject({ fromState: null, toState: "submitted" });
      expect(mine.at(-1)!.toState).toBe(r.state);
    }
    const sara = t.seed.userIds["sagsbehandler@vejle.demo"];
    const inbox = referrals.filter((r) => r.state === "submitted" || r.state === "screening");
    expect(inbox.length).toBeGreaterThanOrEqual(2);
    expect(inbox.every((r) => r.caseworkerUserId === sara && r.organisationId === vejle())).toBe(true);
    expect(referrals.filter((r) => r.state === "wait-listed")).toHaveLength(1);
  });

  it("validates every stored plan version, with goals about members of the family", async () => {
    const plans = await t.db
      .select({
        plan: planVersion.plan,
        version: planVersion.version,
        familyId: course.familyId,
        planVersion: course.planVersion,
      })
      .from(planVersion)
      .innerJoin(course, eq(course.id, planVersion.courseId));
    const members = await t.db.select().from(familyMembership);
    expect(plans.length).toBeGreaterThanOrEqual(28);
    expect(plans.some((p) => p.version === 2)).toBe(true);
    for (const p of plans) {
      const memberPersonIds = members.filter((m) => m.familyId === p.familyId).map((m) => m.personId);
      const result = validateFamilyPlan(p.plan, { memberPersonIds });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(p.plan.goals.length).toBeGreaterThanOrEqual(2);
      expect(p.plan.goals.length).toBeLessThanOrEqual(4);
      expect(p.plan.measures.length).toBeGreaterThanOrEqual(2);
      expect(p.plan.measures.length).toBeLessThanOrEqual(5);
      expect(p.version).toBeLessThanOrEqual(p.planVersion);
    }
    const all = plans.map((p) => p.plan);
    expect(all.some((p) => p.goals.some((g) => g.subject.kind === "member"))).toBe(true);
    expect(all.some((p) => p.goals.some((g) => g.scale !== undefined))).toBe(true);
    expect(new Set(all.flatMap((p) => p.measures.map((m) => m.department))).size).toBeGreaterThanOrEqual(5);
    const agreements = await t.db.select().from(planAgreement);
    expect(agreements.length).toBeGreaterThan(20);
  });

  it("has its tasks derived, with old follow-ups done and only a handful overdue per caseworker", async () => {
    const tasks = await t.db.select().from(caseTask);
    const followUps = tasks.filter((x) => x.kind === "measure-follow-up");
    const done = followUps.filter((x) => x.doneAt !== null);
    expect(tasks.some((x) => x.kind === "review")).toBe(true);
    expect(done.length).toBeGreaterThan(20);
    for (const x of done) {
      expect(x.doneBy, x.title).not.toBeNull();
      expect(x.dueOn < addDays(today(), -60)).toBe(true);
    }
    const overdueOpen = followUps.filter((x) => x.doneAt === null && x.dueOn < today());
    expect(overdueOpen.length).toBeGreaterThan(0);
    expect(overdueOpen.length).toBeLessThan(followUps.length / 3);
  });

  it("has review deadlines both overdue and due soon (counted from treatment start or from acceptance)", async () => {
    const courses = await t.db.select().from(course);
    const transitions = await t.db.select().from(courseTransition).orderBy(asc(courseTransition.createdAt));
    for (const fromAcceptance of [false, true]) {
      const dues = courses.flatMap((c) => {
        const dates = findCourseDates(
          transitions
            .filter((x) => x.courseId === c.id)
            .map((x) => ({ event: x.event as CourseEvent, at: x.onDate as never })),
        );
        const task = computeReviewTask({
          courseId: c.id,
          familyId: c.familyId,
          trackId: c.trackId,
          state: c.state,
          startedOn: fromAcceptance ? (c.acceptedOn as never) : dates.startedOn,
          lastReviewedOn: dates.lastReviewedOn,
        });
        return task && c.state === "active" ? [task.dueOn] : [];
      });
      expect(dues.some((d) => d < today())).toBe(true);
      expect(dues.some((d) => d >= today() && d <= addDays(today(), 30))).toBe(true);
    }
  });

  it("logs contacts with languages and interpreters, some out of hours (Danish time)", async () => {
    const contacts = await t.db.select().from(contact);
    expect(contacts.length).toBeGreaterThan(100);
    const outOfHours = contacts.filter((c) => c.isOutOfHours);
    expect(outOfHours.length).toBeGreaterThan(10);
    for (const c of contacts) {
      expect(c.isOutOfHours).toBe(isOutOfHours(c.occurredAt, c.durationMinutes));
      expect(c.occurredAt.getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
    }
    expect(new Set(contacts.map((c) => c.language)).size).toBeGreaterThanOrEqual(8);
    expect(contacts.some((c) => c.interpreterUsed)).toBe(true);
    expect(new Set(contacts.map((c) => c.kind))).toEqual(
      new Set(["home-visit", "phone", "video", "meeting", "network-meeting"]),
    );
    const notes = await t.db.select().from(caseNote);
    const correction = notes.find((n) => n.correctsNoteId !== null);
    expect(correction).toBeDefined();
    expect(notes.some((n) => n.id === correction!.correctsNoteId)).toBe(true);
  });

  it("staffs the case teams: Sara on most, Jonas on some, the provider's consultant on most", async () => {
    const members = await t.db
      .select()
      .from(caseTeamMember)
      .where(eq(caseTeamMember.organisationId, vejle()));
    const coursesWith = (email: string) =>
      new Set(members.filter((m) => m.userId === t.seed.userIds[email]).map((m) => m.courseId)).size;
    expect(coursesWith("sagsbehandler@vejle.demo")).toBeGreaterThan(15);
    expect(coursesWith("sagsbehandler2@vejle.demo")).toBeGreaterThanOrEqual(3);
    expect(coursesWith("konsulent@modersmaal.demo")).toBeGreaterThan(20);
    expect(
      members
        .filter((m) => m.role === "consultant")
        .every((m) => m.memberOrganisationId === t.seed.orgIds.provider),
    ).toBe(true);
  });

  it("records consents, with some families not consenting to evaluation", async () => {
    const rows = await t.db.select().from(consent).where(eq(consent.organisationId, vejle()));
    const records = rows.map((r) => ({
      subject: { kind: "person" as const, personId: r.personId! },
      purpose: r.purpose,
      status: r.isGiven ? ("given" as const) : ("withdrawn" as const),
      on: r.recordedOn as never,
    }));
    const courses = await coursesOf(vejle());
    const parents = await t.db
      .select()
      .from(familyMembership)
      .where(
        inArray(
          familyMembership.familyId,
          courses.map((c) => c.familyId),
        ),
      );
    const withoutEvaluation = courses.filter((c) => {
      const p = parents.find((m) => m.familyId === c.familyId && m.role === "parent")!;
      const q = { familyId: c.familyId, personId: p.personId, asOf: today() };
      expect(findEffectiveConsent(records, { ...q, purpose: "treatment" }).status).toBe("given");
      expect(findEffectiveConsent(records, { ...q, purpose: "sharing-with-provider" }).status).toBe("given");
      return findEffectiveConsent(records, { ...q, purpose: "evaluation" }).status !== "given";
    });
    expect(withoutEvaluation.length).toBeGreaterThanOrEqual(1);
    expect(withoutEvaluation.length).toBeLessThanOrEqual(2);
  });

  it("gives Rødovre 3 families with courses, the Rødovre caseworker on every team, and keeps reviews", async () => {
    const courses = await coursesOf(rodovre());
    expect(courses).toHaveLength(3);
    const families = await t.db.select().from(family).where(eq(family.organisationId, rodovre()));
    expect(families).toHaveLength(3);
    const members = await t.db
      .select()
      .from(caseTeamMember)
      .where(eq(caseTeamMember.organisationId, rodovre()));
    const rasmus = t.seed.userIds["sagsbehandler@rodovre.demo"];
    for (const c of courses)
      expect(members.some((m) => m.courseId === c.id && m.userId === rasmus)).toBe(true);
    const reviews = await t.db.select().from(courseReview);
    expect(reviews.length).toBeGreaterThanOrEqual(1);
    expect(reviews.every((r) => r.reasons.trim().length > 0)).toBe(true);
  });
});
