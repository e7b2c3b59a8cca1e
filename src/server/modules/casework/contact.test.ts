import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { ContactSchema, NoteSchema, TimelineSchema } from "../../../contracts/casework-plan.js";
import {
  auditEvent,
  consent,
  contact,
  course,
  courseReview,
  courseTransition,
  referral,
} from "../../db/schema/index.js";

let t: TestApp;
let sara: TestClient;
let saraId: string;

beforeAll(async () => {
  t = await createTestApp();
  sara = await t.login("sagsbehandler@vejle.demo");
  saraId = t.seed.userIds["sagsbehandler@vejle.demo"]!;
});
afterAll(() => t.close());

type Fixture = Awaited<ReturnType<typeof insertCourseFixture>>;
const newCourse = () => insertCourseFixture(t, { caseworkerIds: [saraId] });

const contactInput = (fx: Fixture, overrides: Record<string, unknown> = {}) => ({
  // 10:00 UTC = 11:00 in Denmark (winter time).
  occurredAt: "2026-02-26T10:00:00Z",
  kind: "home-visit",
  participants: { personIds: [fx.parentId, fx.childId], userIds: [saraId], others: ["tolk"] },
  language: "so",
  interpreterUsed: true,
  durationMinutes: 60,
  ...overrides,
});

async function auditRows(type: string, subjectId: string) {
  return t.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.eventType, type), eq(auditEvent.subjectId, subjectId)));
}

describe("contacts", () => {
  it("logs a contact with names of who took part, flags the evening in Danish time, and audits", async () => {
    const fx = await newCourse();
    const day = await sara.post(`/api/courses/${fx.courseId}/contacts`, contactInput(fx));
    expect(day.status).toBe(201);
    const dayContact = ContactSchema.parse(await day.json());
    expect(dayContact).toMatchObject({
      kind: "home-visit",
      isOutOfHours: false,
      language: "so",
      interpreterUsed: true,
      createdByName: "Sara Sagsbehandler",
      participants: {
        persons: [
          { id: fx.parentId, name: "Amina Test" },
          { id: fx.childId, name: "Ali Test" },
        ],
        users: [{ id: saraId, name: "Sara Sagsbehandler" }],
        others: ["tolk"],
      },
      notes: [],
    });

    // 16:30 UTC = 17:30 in Denmark: the evening.
    const evening = await sara.post(
      `/api/courses/${fx.courseId}/contacts`,
      contactInput(fx, { occurredAt: "2026-02-27T16:30:00Z", kind: "phone", note: "Mor ringede om Ali" }),
    );
    expect(evening.status).toBe(201);
    const eveningContact = ContactSchema.parse(await evening.json());
    expect(eveningContact.isOutOfHours).toBe(true);
    expect(eveningContact.notes.map((n) => n.body)).toEqual(["Mor ringede om Ali"]);

    // 15:00–16:30 Danish time ends inside working hours… but the caseworker may flag it anyway.
    const flagged = await sara.post(
      `/api/courses/${fx.courseId}/contacts`,
      contactInput(fx, { occurredAt: "2026-02-25T14:00:00Z", isOutOfHours: true }),
    );
    expect((await flagged.json()).isOutOfHours).toBe(true);
    // A contact that runs past 17:00 is out of hours even when it starts in the afternoon.
    const long = await sara.post(
      `/api/courses/${fx.courseId}/contacts`,
      contactInput(fx, { occurredAt: "2026-02-24T15:30:00Z", durationMinutes: 45 }),
    );
    expect((await long.json()).isOutOfHours).toBe(true);

    const list = await sara.get(`/api/courses/${fx.courseId}/contacts`);
    expect(list.status).toBe(200);
    const items = (await list.json()).items.map((c: unknown) => ContactSchema.parse(c));
    expect(items.map((c: { occurredAt: string }) => c.occurredAt)).toEqual([
      "2026-02-27T16:30:00.000Z",
      "2026-02-26T10:00:00.000Z",
      "2026-02-25T14:00:00.000Z",
      "2026-02-24T15:30:00.000Z",
    ]);
    expect(items[0].notes).toHaveLength(1);

    const logged = await auditRows("contact.logged", fx.courseId);
    expect(logged.map((r) => r.payload)).toContainEqual({
      contactId: eveningContact.id,
      kind: "phone",
      isOutOfHours: true,
    });
    const noteAdded = await auditRows("note.added", fx.courseId);
    expect(noteAdded).toHaveLength(1);
    expect(JSON.stringify(noteAdded[0]!.payload)).not.toContain("Mor ringede");
    const viewed = await auditRows("course.viewed", fx.courseId);
    expect(viewed.map((r) => [r.purpose, r.payload])).toEqual([["sagsbehandling", { section: "contacts" }]]);
  });

  it("refuses a contact in the future, long before the course, or with people outside the case", async () => {
    const fx = await newCourse();
    const post = (overrides: Record<string, unknown>) =>
      sara.post(`/api/courses/${fx.courseId}/contacts`, contactInput(fx, overrides));
    const pathsOf = async (res: Response) => {
      expect(res.status).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("VALIDATION_FAILED");
      return error.details.map((d: { path: string }) => d.path);
    };
    // The clock is 2026-03-02T09:00Z; 3 minutes ahead is clock skew, 10 minutes is the future.
    const now = t.clock.now().getTime();
    expect((await post({ occurredAt: new Date(now + 3 * 60_000).toISOString() })).status).toBe(201);
    const future = await post({ occurredAt: new Date(now + 10 * 60_000).toISOString() });
    expect(await pathsOf(future)).toEqual(["occurredAt"]);
    // Accepted 2026-01-05: from 2025-12-06 (30 days before).
    expect((await post({ occurredAt: "2025-12-06T09:00:00Z" })).status).toBe(201);
    const early = await post({ occurredAt: "2025-12-05T09:00:00Z" });
    expect(await pathsOf(early)).toEqual(["occurredAt"]);

    const other = await insertCourseFixture(t, { familyName: "Familien Anden" });
    const rodovreUser = t.seed.userIds["sagsbehandler@rodovre.demo"]!;
    const outsiders = await post({
      participants: { personIds: [fx.parentId, other.childId], userIds: [saraId, rodovreUser], others: [] },
    });
    expect(await pathsOf(outsiders)).toEqual(["participants.personIds.1", "participants.userIds.1"]);

    const bad = await post({
      kind: "carrier-pigeon",
      durationMinutes: 0,
      language: "Somali",
      occurredAt: "i går",
    });
    expect(await pathsOf(bad)).toEqual(
      expect.arrayContaining(["kind", "durationMinutes", "language", "occurredAt"]),
    );
    const tooLong = await post({ durationMinutes: 1441 });
    expect(await pathsOf(tooLong)).toEqual(["durationMinutes"]);
  });
});

describe("notes", () => {
  it("adds notes, corrects one by a new note (append-only), and shows what was corrected", async () => {
    const fx = await newCourse();
    const c = ContactSchema.parse(
      await (await sara.post(`/api/courses/${fx.courseId}/contacts`, contactInput(fx))).json(),
    );
    const first = await sara.post(`/api/courses/${fx.courseId}/notes`, {
      body: "Ali var i skole 3 af 5 dage.",
      contactId: c.id,
    });
    expect(first.status).toBe(201);
    const original = NoteSchema.parse(await first.json());
    expect(original).toMatchObject({
      contactId: c.id,
      isCorrected: false,
      createdByName: "Sara Sagsbehandler",
    });

    t.clock.advanceMinutes(1);
    const loose = NoteSchema.parse(
      await (await sara.post(`/api/courses/${fx.courseId}/notes`, { body: "Ring til skolen" })).json(),
    );
    expect(loose.contactId).toBeNull();

    t.clock.advanceMinutes(1);
    const fix = await sara.post(`/api/courses/${fx.courseId}/notes`, {
      body: "Rettelse: Ali var i skole 4 af 5 dage.",
      correctsNoteId: original.id,
    });
    expect(fix.status).toBe(201);
    const correction = NoteSchema.parse(await fix.json());
    // A correction of a note about a contact is about the same contact.
    expect(correction).toMatchObject({ correctsNoteId: original.id, contactId: c.id });

    const list = await sara.get(`/api/courses/${fx.courseId}/notes`);
    expect(list.status).toBe(200);
    const notes = (await list.json()).items.map((n: unknown) => NoteSchema.parse(n));
    expect(notes.map((n: { id: string }) => n.id)).toEqual([correction.id, loose.id, original.id]);
    expect(notes[2]).toMatchObject({ isCorrected: true, correctedByNoteId: correction.id });
    expect(notes[0]).toMatchObject({ isCorrected: false, correctedByNoteId: null });

    const contacts = (await (await sara.get(`/api/courses/${fx.courseId}/contacts`)).json()).items;
    expect(contacts[0].notes.map((n: { id: string }) => n.id)).toEqual([correction.id, original.id]);

    // Notes are never changed in place.
    await expect(
      t.db.execute(sql`UPDATE case_note SET body = 'x' WHERE course_id = ${fx.courseId}`),
    ).rejects.toThrow();

    const added = await auditRows("note.added", fx.courseId);
    expect(added.map((r) => r.payload)).toContainEqual({
      noteId: correction.id,
      correctsNoteId: original.id,
    });
    for (const r of added) expect(JSON.stringify(r.payload)).not.toContain("skole");
    const viewed = await auditRows("note.viewed", fx.courseId);
    expect(viewed.map((r) => [r.purpose, r.payload])).toEqual([["sagsbehandling", { notes: 3 }]]);
  });

  it("refuses a correction of another course's note, or a contact of another course", async () => {
    const fx = await newCourse();
    const other = await newCourse();
    const foreignNote = NoteSchema.parse(
      await (await sara.post(`/api/courses/${other.courseId}/notes`, { body: "Andet forløb" })).json(),
    );
    const foreignContact = ContactSchema.parse(
      await (await sara.post(`/api/courses/${other.courseId}/contacts`, contactInput(other))).json(),
    );
    const res = await sara.post(`/api/courses/${fx.courseId}/notes`, {
      body: "Rettelse",
      correctsNoteId: foreignNote.id,
      contactId: foreignContact.id,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details.map((d: { path: string }) => d.path)).toEqual([
      "contactId",
      "correctsNoteId",
    ]);
    expect((await sara.post(`/api/courses/${fx.courseId}/notes`, { body: "   " })).status).toBe(400);
  });
});

describe("who reaches contacts and notes", () => {
  it("hides them from a caseworker not on the team, from Rødovre and from the investor", async () => {
    const unassigned = await insertCourseFixture(t);
    for (const path of ["contacts", "notes"]) {
      expect((await sara.get(`/api/courses/${unassigned.courseId}/${path}`)).status, path).toBe(404);
    }
    expect(
      (await sara.post(`/api/courses/${unassigned.courseId}/contacts`, contactInput(unassigned))).status,
    ).toBe(404);
    expect((await sara.post(`/api/courses/${unassigned.courseId}/notes`, { body: "x" })).status).toBe(404);
    expect((await sara.get(`/api/families/${unassigned.familyId}/timeline`)).status).toBe(404);

    const fx = await newCourse();
    const rodovre = await t.login("sagsbehandler@rodovre.demo");
    for (const path of [
      `/api/courses/${fx.courseId}/contacts`,
      `/api/courses/${fx.courseId}/notes`,
      `/api/families/${fx.familyId}/timeline`,
    ]) {
      expect((await rodovre.get(path)).status, path).toBe(404);
    }
    expect((await rodovre.post(`/api/courses/${fx.courseId}/notes`, { body: "x" })).status).toBe(404);
    expect((await rodovre.post(`/api/courses/${fx.courseId}/contacts`, contactInput(fx))).status).toBe(404);

    // The investor holds no family permission: the route's gate refuses before any record is read.
    const investor = await t.login("investor@fond.demo");
    expect((await investor.get(`/api/courses/${fx.courseId}/contacts`)).status).toBe(404);
    expect((await investor.get(`/api/families/${fx.familyId}/timeline`)).status).toBe(404);
    expect(await auditRows("course.viewed", fx.courseId)).toHaveLength(0);
    expect(await auditRows("family.viewed", fx.familyId)).toHaveLength(0);
  });
});

describe("GET /api/families/{id}/timeline", () => {
  it("lists everything around the family newest first, only from courses the reader may read", async () => {
    const fx = await newCourse();
    const leaderId = t.seed.userIds["leder@vejle.demo"]!;
    // A history: the course started on 2026-01-12, a review, a consent.
    await t.db.insert(courseTransition).values({
      organisationId: fx.organisationId,
      courseId: fx.courseId,
      event: "start-treatment",
      fromState: "baseline",
      toState: "active",
      onDate: "2026-01-12",
      byUserId: saraId,
    });
    await t.db.insert(courseReview).values({
      organisationId: fx.organisationId,
      courseId: fx.courseId,
      heldOn: "2026-02-20",
      decision: "continue",
      reasons: "Familien er i god gang",
      planVersion: 0,
      snapshot: {},
      createdBy: leaderId,
    });
    await t.db.insert(consent).values({
      organisationId: fx.organisationId,
      familyId: fx.familyId,
      purpose: "treatment",
      isGiven: true,
      recordedOn: "2026-01-05",
      recordedBy: saraId,
    });
    const plan = {
      goals: [
        {
          id: "g1",
          subject: { kind: "family" },
          ownWords: "Vi spiser aftensmad sammen",
          category: "family-relations",
          targetDate: "2026-12-31",
          status: "in-progress",
        },
      ],
      measures: [
        {
          id: "m1",
          what: "Familiebehandling",
          performedBy: "Leverandøren",
          responsibleName: "Familiekonsulent",
          department: "provider",
          startOn: "2026-02-01",
          endOn: "2026-07-31",
          estimatedMonthlyCostOre: 2_000_000,
          goalIds: ["g1"],
        },
      ],
    };
    const saved = await sara.call("PUT", `/api/courses/${fx.courseId}/plan`, { plan }, { "if-match": '"0"' });
    expect(saved.status).toBe(200);
    await sara.post(`/api/courses/${fx.courseId}/plan/agreements`, {
      planVersion: 1,
      agreedOn: "2026-03-02",
    });
    await sara.post(
      `/api/courses/${fx.courseId}/contacts`,
      contactInput(fx, { occurredAt: "2026-02-27T17:00:00Z", note: "x".repeat(300) }),
    );

    // A second course of the same family that Sara is not on: she must not see it; the team leader does.
    const [secondReferral] = await t.db
      .insert(referral)
      .values({
        organisationId: fx.organisationId,
        projectId: fx.projectId,
        trackId: fx.trackId,
        familyId: fx.familyId,
        reason: "Anden bekymring",
        legalBasis: "Barnets lov § 32",
        childIds: [fx.childId],
        referredOn: "2026-02-01",
        state: "accepted",
        stateSince: "2026-02-01",
      })
      .returning();
    const [secondCourse] = await t.db
      .insert(course)
      .values({
        organisationId: fx.organisationId,
        projectId: fx.projectId,
        trackId: fx.trackId,
        familyId: fx.familyId,
        referralId: secondReferral!.id,
        state: "active",
        stateSince: "2026-02-01",
        acceptedOn: "2026-02-01",
      })
      .returning();
    await t.db.insert(contact).values({
      organisationId: fx.organisationId,
      courseId: secondCourse!.id,
      occurredAt: new Date("2026-03-01T10:00:00Z"),
      kind: "meeting",
      participants: { personIds: [], userIds: [], others: [] },
      language: "da",
      durationMinutes: 30,
      isOutOfHours: false,
    });

    const res = await sara.get(`/api/families/${fx.familyId}/timeline`);
    expect(res.status).toBe(200);
    const timeline = TimelineSchema.parse(await res.json());
    // Upcoming dates first, then newest first; a day counts from its start (below that day's instants).
    expect(timeline.items.map((i) => i.kind)).toEqual([
      "measure-end",
      "note",
      "plan-saved",
      "plan-agreed",
      "contact",
      "review",
      "measure-start",
      "course-transition",
      "consent",
    ]);
    // Newest first (days count from their start).
    const keys = timeline.items.map((i) => (i.at.length === 10 ? `${i.at}T00:00:00.000Z` : i.at));
    expect([...keys].sort().reverse()).toEqual(keys);
    const byKind = (k: string) => timeline.items.filter((i) => i.kind === k);
    expect(byKind("contact")).toEqual([
      expect.objectContaining({
        title: "Hjemmebesøg (uden for almindelig arbejdstid)",
        byName: "Sara Sagsbehandler",
        courseId: fx.courseId,
      }),
    ]);
    expect(byKind("contact")[0]!.detail).toContain("Amina Test, Ali Test, Sara Sagsbehandler, tolk");
    expect(byKind("contact")[0]!.detail).toContain("sprog: somali, med tolk");
    const note = byKind("note")[0]!;
    expect(note.detail.length).toBe(140);
    expect(note.detail.endsWith("…")).toBe(true);
    expect(byKind("plan-saved")[0]!.title).toBe("Familiens Plan version 1 gemt");
    expect(byKind("plan-agreed")[0]!.at).toBe("2026-03-02");
    expect(byKind("measure-start")[0]).toMatchObject({ at: "2026-02-01", isUpcoming: false });
    expect(byKind("measure-end")[0]).toMatchObject({ at: "2026-07-31", isUpcoming: true });
    expect(byKind("review")[0]).toMatchObject({ title: "Revurdering: Fortsæt", byName: "Lars Leder" });
    expect(byKind("course-transition")[0]).toMatchObject({ title: "Forløb: Aktivt", at: "2026-01-12" });
    expect(byKind("consent")[0]).toMatchObject({ title: "Samtykke givet: behandling", courseId: null });
    expect(timeline.items.every((i) => i.courseId === null || i.courseId === fx.courseId)).toBe(true);

    const audit = await auditRows("family.viewed", fx.familyId);
    expect(audit.map((r) => [r.purpose, r.payload])).toEqual([["sagsbehandling", { section: "timeline" }]]);

    const lars = await t.login("leder@vejle.demo");
    const all = TimelineSchema.parse(await (await lars.get(`/api/families/${fx.familyId}/timeline`)).json());
    expect(all.items.filter((i) => i.courseId === secondCourse!.id).map((i) => i.kind)).toEqual(["contact"]);
  });
});
