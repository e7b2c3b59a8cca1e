import { and, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import {
  type Actor,
  authorize,
  can,
  type Permission,
  type Resource,
  type Scope,
  scope,
} from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { danishDateOf } from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { readAll } from "../../db/read-all.js";
import { caseTeamMember, course, family, referral } from "../../db/schema/index.js";
import { enforce, notFound } from "../../errors.js";

/*
 * Who reaches a family's case, in one place. A family's case is visible through:
 * - the municipality that owns it (team leaders: reach "organisation");
 * - the projects of its referrals and courses (project managers: reach "project");
 * - the case team of its courses, on the day (caseworkers and the provider's consultants: "assigned"),
 *   and the responsible caseworker of a referral that has not become a course yet.
 * Lists use the SQL form (`familyScopeSql`, `courseScopeSql`); single records the policy's
 * `authorize` on a `Resource` built here. Both read the same relationships.
 */

/** Today in Denmark: case-team memberships and deadlines are dated. */
export const todayOf = (ctx: { now(): Date }): CalendarDate => danishDateOf(ctx.now());

const activeOn = (today: CalendarDate) =>
  sql`${caseTeamMember.fromOn} <= ${today} and (${caseTeamMember.toOn} is null or ${caseTeamMember.toOn} >= ${today})`;

/** Who the policy sees on a course's case team today. */
async function activeTeamUserIds(db: DbOrTx, courseIds: string[], today: CalendarDate) {
  if (courseIds.length === 0) return [];
  const rows = await db
    .select({ userId: caseTeamMember.userId })
    .from(caseTeamMember)
    .where(and(inArray(caseTeamMember.courseId, courseIds), activeOn(today)));
  return [...new Set(rows.map((r) => r.userId))];
}

type CourseRow = typeof course.$inferSelect;

/** A course as the policy sees it. */
export async function courseResource(db: DbOrTx, c: CourseRow, today: CalendarDate): Promise<Resource> {
  return {
    type: "family",
    organisationIds: [c.organisationId],
    projectIds: [c.projectId],
    assignedOrganisationIds: c.providerOrganisationId ? [c.providerOrganisationId] : [],
    teamUserIds: await activeTeamUserIds(db, [c.id], today),
  };
}

/** A family as the policy sees it: the union of its referrals' and courses' relationships. */
export async function familyResource(
  db: DbOrTx,
  f: { id: string; organisationId: string },
  today: CalendarDate,
): Promise<Resource> {
  const [courses, referrals] = await readAll(db, [
    () =>
      db
        .select({ id: course.id, projectId: course.projectId, provider: course.providerOrganisationId })
        .from(course)
        .where(eq(course.familyId, f.id)),
    () =>
      db
        .select({
          projectId: referral.projectId,
          state: referral.state,
          caseworker: referral.caseworkerUserId,
        })
        .from(referral)
        .where(eq(referral.familyId, f.id)),
  ]);
  const team = await activeTeamUserIds(
    db,
    courses.map((c) => c.id),
    today,
  );
  const referralCaseworkers = referrals.flatMap((r) =>
    r.state !== "accepted" && r.caseworker ? [r.caseworker] : [],
  );
  return {
    type: "family",
    organisationIds: [f.organisationId],
    projectIds: [...new Set([...courses.map((c) => c.projectId), ...referrals.map((r) => r.projectId)])],
    assignedOrganisationIds: [...new Set(courses.flatMap((c) => (c.provider ? [c.provider] : [])))],
    teamUserIds: [...new Set([...team, ...referralCaseworkers])],
  };
}

/** A referral as the policy sees it (its family's case, before a course exists). */
export function referralResource(r: typeof referral.$inferSelect): Resource {
  return {
    type: "family",
    organisationIds: [r.organisationId],
    projectIds: [r.projectId],
    teamUserIds: r.caseworkerUserId && r.state !== "accepted" ? [r.caseworkerUserId] : [],
  };
}

/**
 * Why the actor reads this record, for the audit log: on the case team (case work), through the
 * municipality (management), or through the project (project follow-up).
 */
export function readPurpose(actor: Actor, resource: Resource): string {
  if ((resource.teamUserIds ?? []).includes(actor.userId)) return "sagsbehandling";
  const viaOrganisation = actor.memberships.some((m) => resource.organisationIds.includes(m.organisationId));
  return viaOrganisation ? "ledelse" : "projektopfølgning";
}

/** Loads a course the actor may act on with `permission`, or answers 404/403. */
export async function loadCourseFor(
  ctx: ActorContext,
  db: DbOrTx,
  courseId: string,
  permission: Permission,
): Promise<{ row: CourseRow; resource: Resource; today: CalendarDate }> {
  const today = todayOf(ctx);
  const [row] = await db.select().from(course).where(eq(course.id, courseId));
  if (!row) throw notFound("Forløbet");
  const resource = await courseResource(db, row, today);
  enforce(authorize(ctx.actor, permission, resource), "Forløbet");
  return { row, resource, today };
}

/** Loads a family the actor may act on with `permission`, or answers 404/403. */
export async function loadFamilyFor(
  ctx: ActorContext,
  db: DbOrTx,
  familyId: string,
  permission: Permission,
): Promise<{ row: typeof family.$inferSelect; resource: Resource; today: CalendarDate }> {
  const today = todayOf(ctx);
  const [row] = await db.select().from(family).where(eq(family.id, familyId));
  if (!row) throw notFound("Familien");
  const resource = await familyResource(db, row, today);
  enforce(authorize(ctx.actor, permission, resource), "Familien");
  return { row, resource, today };
}

/** True when the actor may do `permission` on the resource (for the abilities a page shows). */
export const mayOn = (actor: Actor, permission: Permission, resource: Resource) =>
  can(actor, permission, resource);

// ---------------------------------------------------------------------------------------------------
// SQL forms for lists

const FALSE = sql`false`;

/** Courses (rows of `course`) within the scope of `permission` for the actor today. */
export function courseScopeSql(actor: Actor, permission: Permission, today: CalendarDate): SQL | undefined {
  const s = scope(actor, permission);
  if (s.kind === "all") return undefined;
  if (s.kind === "none") return FALSE;
  const parts = courseParts(s, today);
  if (s.organisationIds.length > 0) parts.unshift(inArray(course.organisationId, s.organisationIds));
  return parts.length > 0 ? (or(...parts) as SQL) : FALSE;
}

/** The conditions on `course` beyond "owned by one of my organisations". */
function courseParts(s: Extract<Scope, { kind: "some" }>, today: CalendarDate): SQL[] {
  const parts: SQL[] = [];
  if (s.projectIds.length > 0) parts.push(inArray(course.projectId, s.projectIds));
  if (s.assignedOrganisationIds.length > 0)
    parts.push(inArray(course.providerOrganisationId, s.assignedOrganisationIds));
  if (s.teamMember) {
    const orgs = s.teamMember.organisationIds;
    // Uncorrelated IN (a hashed subplan, evaluated once) rather than EXISTS per row: fast under OR.
    parts.push(
      and(
        or(inArray(course.organisationId, orgs), inArray(course.providerOrganisationId, orgs)),
        sql`${course.id} in (select ${caseTeamMember.courseId} from ${caseTeamMember}
          where ${caseTeamMember.userId} = ${s.teamMember.userId} and ${activeOn(today)})`,
      ) as SQL,
    );
  }
  return parts;
}

/** Referrals (rows of `referral`) within the scope of `permission`. */
export function referralScopeSql(actor: Actor, permission: Permission): SQL | undefined {
  const s = scope(actor, permission);
  if (s.kind === "all") return undefined;
  if (s.kind === "none") return FALSE;
  const parts = referralParts(s);
  if (s.organisationIds.length > 0) parts.unshift(inArray(referral.organisationId, s.organisationIds));
  return parts.length > 0 ? (or(...parts) as SQL) : FALSE;
}

/** The conditions on `referral` beyond "owned by one of my organisations". */
function referralParts(s: Extract<Scope, { kind: "some" }>): SQL[] {
  const parts: SQL[] = [];
  if (s.projectIds.length > 0) parts.push(inArray(referral.projectId, s.projectIds));
  if (s.teamMember) {
    parts.push(
      and(
        inArray(referral.organisationId, s.teamMember.organisationIds),
        eq(referral.caseworkerUserId, s.teamMember.userId),
        sql`${referral.state} <> 'accepted'`,
      ) as SQL,
    );
  }
  return parts;
}

/** Families (rows of `family`) within the scope of `permission`: through any of their courses or referrals. */
export function familyScopeSql(actor: Actor, permission: Permission, today: CalendarDate): SQL | undefined {
  const s = scope(actor, permission);
  if (s.kind === "all") return undefined;
  if (s.kind === "none") return FALSE;
  const parts: SQL[] = [];
  if (s.organisationIds.length > 0) parts.push(inArray(family.organisationId, s.organisationIds));
  // A family's courses and referrals belong to the family's municipality, so only the other reaches
  // (project, provider, case team) need a look at them: one uncorrelated subquery, evaluated once. One
  // IN over a union, not an OR of two: alone (a caseworker's scope) the planner makes it a semi-join
  // from the few families found, where an OR of two made it guess at most families and scan them all.
  const via: SQL[] = [];
  const viaCourse = courseParts(s, today);
  if (viaCourse.length > 0) via.push(sql`select ${course.familyId} from ${course} where ${or(...viaCourse)}`);
  const viaReferral = referralParts(s);
  if (viaReferral.length > 0)
    via.push(sql`select ${referral.familyId} from ${referral} where ${or(...viaReferral)}`);
  if (via.length > 0) parts.push(sql`${family.id} in (${sql.join(via, sql` union all `)})`);
  return parts.length > 0 ? (or(...parts) as SQL) : FALSE;
}
