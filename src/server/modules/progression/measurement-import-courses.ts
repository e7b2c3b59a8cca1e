import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import type { CprNumber } from "../../../domain/casework/index.js";
import type { DbOrTx } from "../../db/client.js";
import { course, familyMembership, measurement, personIdentifier } from "../../db/schema/index.js";
import { courseScopeSql } from "../casework/case-access.js";
import { cprLookupHash } from "../casework/cpr-store.js";
import { type MeasurementRow, toDomainMeasurement } from "./measurement-rows.js";

/*
 * The database side of an import, batched: a handful of queries for the whole file, never one per row
 * (100,000 rows must import in seconds). Who is who (CPR number → person through the keyed lookup
 * hash), which courses of the project the actor may record on, and the measurements already there.
 * Each course's dates, members, goals and schedule come from `loadCourseProgressMany`.
 */

type CourseRow = typeof course.$inferSelect;

/** A JSON array parameter, expanded in SQL: one parameter whatever the number of values. */
const jsonList = (values: readonly string[]) =>
  sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
const uuidList = (values: readonly string[]) =>
  sql`(select (jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))::uuid)`;

/** Courses of the project within the actor's reach for recording measurements. */
const recordableCourses = (actor: Actor, projectId: string, today: CalendarDate): SQL =>
  and(eq(course.projectId, projectId), courseScopeSql(actor, "measurement.record", today)) as SQL;

/** The organisations owning courses of the project that the actor may record on (whose CPR registers count). */
export async function recordableOrganisations(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  today: CalendarDate,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: course.organisationId })
    .from(course)
    .where(recordableCourses(actor, projectId, today));
  return rows.map((r) => r.id);
}

/**
 * Persons by CPR number in the given municipalities, through the keyed lookup hash (the CPR numbers
 * are never decrypted). A CPR number known in two municipalities gives both persons.
 */
export async function personsByCpr(
  db: DbOrTx,
  appKey: Buffer,
  organisationIds: readonly string[],
  cprs: readonly CprNumber[],
): Promise<Map<CprNumber, string[]>> {
  const cprOfHash = new Map<string, CprNumber>();
  for (const organisationId of organisationIds) {
    for (const cpr of new Set(cprs)) cprOfHash.set(cprLookupHash(appKey, organisationId, cpr), cpr);
  }
  const found = new Map<CprNumber, string[]>();
  if (cprOfHash.size === 0) return found;
  const rows = await db
    .select({ personId: personIdentifier.personId, hash: personIdentifier.lookupHash })
    .from(personIdentifier)
    .where(
      and(
        inArray(personIdentifier.organisationId, [...organisationIds]),
        sql`${personIdentifier.lookupHash} in ${jsonList([...cprOfHash.keys()])}`,
      ),
    );
  for (const r of rows) {
    const cpr = cprOfHash.get(r.hash)!;
    found.set(cpr, [...(found.get(cpr) ?? []), r.personId]);
  }
  return found;
}

/** Every course of the project (within the actor's reach) of the families these persons belong to. */
export async function coursesOfPersons(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  personIds: readonly string[],
  today: CalendarDate,
): Promise<{ byPerson: Map<string, CourseRow[]>; courses: Map<string, CourseRow> }> {
  const byPerson = new Map<string, CourseRow[]>();
  const courses = new Map<string, CourseRow>();
  if (personIds.length === 0) return { byPerson, courses };
  const rows = await db
    .selectDistinct({ personId: familyMembership.personId, course })
    .from(familyMembership)
    .innerJoin(course, eq(course.familyId, familyMembership.familyId))
    .where(
      and(
        sql`${familyMembership.personId} in ${uuidList([...new Set(personIds)])}`,
        recordableCourses(actor, projectId, today),
      ),
    );
  for (const r of rows) {
    courses.set(r.course.id, r.course);
    const list = byPerson.get(r.personId) ?? [];
    if (!list.some((c) => c.id === r.course.id)) list.push(r.course);
    byPerson.set(r.personId, list);
  }
  for (const list of byPerson.values()) list.sort((a, b) => (a.acceptedOn < b.acceptedOn ? -1 : 1));
  return { byPerson, courses };
}

/**
 * The course a measurement of `measuredOn` belongs to: the latest that had started by then (a
 * follow-up after the end still belongs to it), else the first (the checks then say "before the start").
 * @param courses sorted by acceptance, oldest first.
 */
export function courseOn(courses: readonly CourseRow[], measuredOn: CalendarDate): CourseRow | undefined {
  let chosen: CourseRow | undefined;
  for (const c of courses) if (c.acceptedOn <= measuredOn) chosen = c;
  return chosen ?? courses[0];
}

/** The measurements of one instrument that count now, per course. */
export async function effectiveMeasurementsOf(
  db: DbOrTx,
  courseIds: readonly string[],
  instrumentCode: string,
): Promise<Map<string, ReturnType<typeof toDomainMeasurement>[]>> {
  const byCourse = new Map<string, ReturnType<typeof toDomainMeasurement>[]>();
  if (courseIds.length === 0) return byCourse;
  const rows: MeasurementRow[] = await db
    .select()
    .from(measurement)
    .where(
      and(
        sql`${measurement.courseId} in ${uuidList(courseIds)}`,
        eq(measurement.instrumentCode, instrumentCode),
        sql`${measurement.supersededById} is null`,
      ),
    )
    .orderBy(measurement.measuredOn, measurement.recordedAt);
  for (const r of rows) {
    const list = byCourse.get(r.courseId) ?? [];
    list.push(toDomainMeasurement(r));
    byCourse.set(r.courseId, list);
  }
  return byCourse;
}

/** Takes the same per-course locks as recording one measurement, in one statement (sorted: no deadlock). */
export async function lockCourses(db: DbOrTx, courseIds: readonly string[]): Promise<void> {
  if (courseIds.length === 0) return;
  await db.execute(
    sql`select pg_advisory_xact_lock(hashtext('measurement:' || c)) from (select c from ${jsonList(
      [...courseIds].sort(),
    )} as l(c) order by c) s`,
  );
}
