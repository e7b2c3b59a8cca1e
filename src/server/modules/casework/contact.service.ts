import { and, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Contact, ContactInputSchema, Note, NoteInputSchema } from "../../../contracts/casework-plan.js";
import { addDays, type CalendarDate } from "../../../domain/calendar-date.js";
import { danishDateOf, isOutOfHours } from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { appUser, caseNote, contact, person } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { loadCourseFor, readPurpose } from "./case-access.js";
import { memberPersonIdsOn, userIdsOutsideCourse } from "./plan.service.js";

/*
 * The contact log of a course and its notes. Notes are append-only (a trigger rejects UPDATE and
 * DELETE): a correction is a new note that names the note it corrects, and lists show each note's
 * latest correction.
 */

/** A contact may be logged up to 5 minutes ahead of the server's clock (clock skew between devices). */
const FUTURE_SKEW_MS = 5 * 60_000;
/** …and from 30 days before the course was accepted (the first meetings before the formal start). */
const DAYS_BEFORE_ACCEPTANCE = 30;

type ContactRow = typeof contact.$inferSelect;
type NoteRow = typeof caseNote.$inferSelect & { createdByName: string | null };

const danishDate = (d: string) => {
  const [y, m, day] = d.split("-");
  return `${Number(day)}.${Number(m)}.${y}`;
};

async function notesOfCourse(db: DbOrTx, courseId: string): Promise<NoteRow[]> {
  const rows = await db
    .select({ n: caseNote, createdByName: appUser.displayName })
    .from(caseNote)
    .leftJoin(appUser, eq(appUser.id, caseNote.createdBy))
    .where(eq(caseNote.courseId, courseId))
    .orderBy(desc(caseNote.createdAt), desc(caseNote.id));
  return rows.map((r) => ({ ...r.n, createdByName: r.createdByName }));
}

/** Notes newest first, each with its latest correction (`all` must hold every note of the course). */
function presentNotes(notes: readonly NoteRow[], all: readonly NoteRow[] = notes): Note[] {
  return notes.map((n) => {
    // `all` is newest first, so the first correction found is the latest.
    const correction = all.find((c) => c.correctsNoteId === n.id);
    return {
      id: n.id,
      body: n.body,
      contactId: n.contactId,
      correctsNoteId: n.correctsNoteId,
      correctedByNoteId: correction?.id ?? null,
      isCorrected: correction !== undefined,
      createdAt: n.createdAt.toISOString(),
      createdByName: n.createdByName,
    };
  });
}

async function namesOf(db: DbOrTx, personIds: string[], userIds: string[]) {
  // One query at a time: inside a transaction the connection is shared.
  const persons =
    personIds.length === 0
      ? []
      : await db
          .select({ id: person.id, firstName: person.firstName, lastName: person.lastName })
          .from(person)
          .where(inArray(person.id, personIds));
  const users =
    userIds.length === 0
      ? []
      : await db
          .select({ id: appUser.id, name: appUser.displayName })
          .from(appUser)
          .where(inArray(appUser.id, userIds));
  return {
    persons: new Map(persons.map((p) => [p.id, `${p.firstName} ${p.lastName}`])),
    users: new Map(users.map((u) => [u.id, u.name])),
  };
}

async function presentContacts(db: DbOrTx, rows: ContactRow[], notes: NoteRow[]): Promise<Contact[]> {
  const personIds = [...new Set(rows.flatMap((r) => r.participants.personIds))];
  const userIds = [
    ...new Set(rows.flatMap((r) => [...r.participants.userIds, ...(r.createdBy ? [r.createdBy] : [])])),
  ];
  const names = await namesOf(db, personIds, userIds);
  return rows.map((r) => ({
    id: r.id,
    courseId: r.courseId,
    occurredAt: r.occurredAt.toISOString(),
    kind: r.kind,
    participants: {
      persons: r.participants.personIds.map((id) => ({ id, name: names.persons.get(id) ?? "Ukendt person" })),
      users: r.participants.userIds.map((id) => ({ id, name: names.users.get(id) ?? "Ukendt bruger" })),
      others: r.participants.others,
    },
    language: r.language,
    interpreterUsed: r.interpreterUsed,
    durationMinutes: r.durationMinutes,
    isOutOfHours: r.isOutOfHours,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdBy ? (names.users.get(r.createdBy) ?? null) : null,
    notes: presentNotes(
      notes.filter((n) => n.contactId === r.id),
      notes,
    ),
  }));
}

const courseAudit = (c: { id: string; organisationId: string; projectId: string }) => ({
  subjectId: c.id,
  organisationId: c.organisationId,
  projectId: c.projectId,
});

/** The course's contacts, newest first, each with its notes. Audited (course.viewed, section "contacts"). */
export async function listContacts(ctx: ActorContext, courseId: string): Promise<{ items: Contact[] }> {
  return ctx.db.transaction(async (tx) => {
    const { row, resource } = await loadCourseFor(ctx, tx, courseId, "family.read");
    const rows = await tx
      .select()
      .from(contact)
      .where(eq(contact.courseId, courseId))
      .orderBy(desc(contact.occurredAt), desc(contact.createdAt));
    const notes = await notesOfCourse(tx, courseId);
    await ctx.audit(tx, {
      type: "course.viewed",
      ...courseAudit(row),
      purpose: readPurpose(ctx.actor, resource),
      payload: { section: "contacts" },
    });
    return { items: await presentContacts(tx, rows, notes) };
  });
}

/**
 * Logs a contact with the family (and optionally its first note). The out-of-hours flag is computed
 * from the Danish wall clock; the caseworker may set it to true anyway (never to false when it is).
 * @throws AppError VALIDATION_FAILED: in the future, long before the course, people outside the case.
 */
export async function logContact(
  ctx: ActorContext,
  courseId: string,
  input: z.output<typeof ContactInputSchema>,
): Promise<Contact> {
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadCourseFor(ctx, tx, courseId, "family.write");
    const occurredAt = new Date(input.occurredAt);
    const details: { path: string; message: string }[] = [];
    const earliest = addDays(row.acceptedOn as CalendarDate, -DAYS_BEFORE_ACCEPTANCE);
    const day = danishDateOf(occurredAt);
    if (occurredAt.getTime() > ctx.now().getTime() + FUTURE_SKEW_MS) {
      details.push({ path: "occurredAt", message: "Kontakten kan ikke ligge i fremtiden" });
    } else if (day < earliest) {
      details.push({
        path: "occurredAt",
        message: `Kontakten kan højst ligge ${DAYS_BEFORE_ACCEPTANCE} dage før forløbet blev visiteret (tidligst ${danishDate(earliest)})`,
      });
    }
    const personIds = [...new Set(input.participants.personIds)];
    const userIds = [...new Set(input.participants.userIds)];
    const members = new Set(await memberPersonIdsOn(tx, row.familyId, day));
    personIds.forEach((id, i) => {
      if (!members.has(id)) {
        details.push({
          path: `participants.personIds.${i}`,
          message: "Personen var ikke medlem af familien på dagen for kontakten",
        });
      }
    });
    const outside = await userIdsOutsideCourse(tx, row, userIds);
    userIds.forEach((id, i) => {
      if (outside.has(id)) {
        details.push({
          path: `participants.userIds.${i}`,
          message: "Deltageren skal være bruger i kommunen eller hos leverandøren",
        });
      }
    });
    if (details.length > 0) {
      throw new AppError(
        "VALIDATION_FAILED",
        "Kontakten kunne ikke gemmes. Ret felterne og prøv igen.",
        details,
      );
    }

    const now = ctx.now();
    const [c] = await tx
      .insert(contact)
      .values({
        organisationId: row.organisationId,
        courseId,
        occurredAt,
        kind: input.kind,
        participants: { personIds, userIds, others: input.participants.others },
        language: input.language,
        interpreterUsed: input.interpreterUsed,
        durationMinutes: input.durationMinutes,
        isOutOfHours: isOutOfHours(occurredAt, input.durationMinutes) || input.isOutOfHours === true,
        createdBy: ctx.actor.userId,
        createdAt: now,
      })
      .returning();
    await ctx.audit(tx, {
      type: "contact.logged",
      ...courseAudit(row),
      payload: { contactId: c!.id, kind: c!.kind, isOutOfHours: c!.isOutOfHours },
    });
    if (input.note !== undefined) {
      const [n] = await tx
        .insert(caseNote)
        .values({
          organisationId: row.organisationId,
          courseId,
          contactId: c!.id,
          body: input.note,
          createdBy: ctx.actor.userId,
          createdAt: now,
        })
        .returning();
      await ctx.audit(tx, {
        type: "note.added",
        ...courseAudit(row),
        payload: { noteId: n!.id, correctsNoteId: null },
      });
    }
    const notes = await notesOfCourse(tx, courseId);
    const [presented] = await presentContacts(tx, [c!], notes);
    return presented!;
  });
}

/** The course's notes, newest first, each telling whether (and by which note) it was corrected. Audited. */
export async function listNotes(ctx: ActorContext, courseId: string): Promise<{ items: Note[] }> {
  return ctx.db.transaction(async (tx) => {
    const { row, resource } = await loadCourseFor(ctx, tx, courseId, "family.read");
    const notes = await notesOfCourse(tx, courseId);
    await ctx.audit(tx, {
      type: "note.viewed",
      ...courseAudit(row),
      purpose: readPurpose(ctx.actor, resource),
      payload: { notes: notes.length },
    });
    return { items: presentNotes(notes) };
  });
}

/**
 * Adds a note, optionally about a contact of the course or as a correction of one of its notes (a
 * correction of a note about a contact is about the same contact unless told otherwise).
 * @throws AppError VALIDATION_FAILED when the contact or the corrected note is not of this course.
 */
export async function addNote(
  ctx: ActorContext,
  courseId: string,
  input: z.output<typeof NoteInputSchema>,
): Promise<Note> {
  return ctx.db.transaction(async (tx) => {
    const { row } = await loadCourseFor(ctx, tx, courseId, "family.write");
    const details: { path: string; message: string }[] = [];
    let contactId = input.contactId ?? null;
    if (input.contactId) {
      const [c] = await tx
        .select({ id: contact.id })
        .from(contact)
        .where(and(eq(contact.id, input.contactId), eq(contact.courseId, courseId)));
      if (!c) details.push({ path: "contactId", message: "Kontakten findes ikke på dette forløb" });
    }
    if (input.correctsNoteId) {
      const [corrected] = await tx
        .select({ id: caseNote.id, contactId: caseNote.contactId })
        .from(caseNote)
        .where(and(eq(caseNote.id, input.correctsNoteId), eq(caseNote.courseId, courseId)));
      if (!corrected) {
        details.push({
          path: "correctsNoteId",
          message: "Notatet, der skal rettes, findes ikke på dette forløb",
        });
      } else {
        contactId ??= corrected.contactId;
      }
    }
    if (details.length > 0) {
      throw new AppError("VALIDATION_FAILED", "Notatet kunne ikke gemmes.", details);
    }
    const [n] = await tx
      .insert(caseNote)
      .values({
        organisationId: row.organisationId,
        courseId,
        contactId,
        correctsNoteId: input.correctsNoteId ?? null,
        body: input.body,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .returning();
    await ctx.audit(tx, {
      type: "note.added",
      ...courseAudit(row),
      payload: { noteId: n!.id, correctsNoteId: n!.correctsNoteId },
    });
    const [me] = await tx
      .select({ name: appUser.displayName })
      .from(appUser)
      .where(eq(appUser.id, ctx.actor.userId));
    return presentNotes([{ ...n!, createdByName: me?.name ?? null }])[0]!;
  });
}
