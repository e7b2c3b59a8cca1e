import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type {
  ConsentInputSchema,
  FamilyListQuerySchema,
  FamilySummary,
  NewMemberInputSchema,
} from "../../../contracts/casework.js";
import { can } from "../../../domain/access/index.js";
import { type CalendarDate, compareDates } from "../../../domain/calendar-date.js";
import { OPEN_COURSE_STATES } from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import { type DbOrTx, queryRows } from "../../db/client.js";
import {
  appUser,
  caseTask,
  caseTeamMember,
  consent,
  course,
  familyMembership,
  person,
  referral,
} from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { familyScopeSql, loadFamilyFor, readPurpose, todayOf } from "./case-access.js";
import { presentCourseSummaries } from "./course.service.js";
import { createPerson, presentPerson, sealedCprOf } from "./person.service.js";
import { presentReferralSummaries } from "./referral.service.js";

const OPEN_STATES = OPEN_COURSE_STATES as readonly string[];

/**
 * The family list: families the actor may read, each with its latest course (or, before acceptance,
 * its latest referral), caseworkers and task counts. Filters: search by family or member name, project,
 * track, state, caseworker, overdue tasks. Paged; the read is audited.
 */
export async function listFamilies(ctx: ActorContext, q: z.output<typeof FamilyListQuerySchema>) {
  const today = todayOf(ctx);
  // Every condition is on `family` or its current course (c) / referral (r), joined one-to-one through
  // the pointers the database keeps (migration 0006); sets are uncorrelated subqueries evaluated once.
  const conditions: SQL[] = [familyScopeSql(ctx.actor, "family.read", today) ?? sql`true`];
  if (q.q) {
    const like = `%${q.q.replaceAll(/[%_\\]/g, (c) => `\\${c}`)}%`;
    // Uncorrelated, so the database evaluates the member search once (a correlated subquery ran it per
    // family: minutes at 10,000 families). The family scope above keeps other tenants' families out.
    conditions.push(sql`(family.name ilike ${like} or family.id in (select fm.family_id
      from family_membership fm join person p on p.id = fm.person_id
      where (p.first_name || ' ' || p.last_name) ilike ${like}))`);
  }
  if (q.projectId) conditions.push(sql`coalesce(c.project_id, r.project_id) = ${q.projectId}`);
  if (q.trackId) conditions.push(sql`coalesce(c.track_id, r.track_id) = ${q.trackId}`);
  if (q.state === "referral") conditions.push(sql`c.id is null and r.id is not null`);
  else if (q.state === "open") conditions.push(sql`c.state in ${sql.raw(`('${OPEN_STATES.join("','")}')`)}`);
  else if (q.state) conditions.push(sql`c.state = ${q.state}`);
  if (q.caseworkerId) {
    conditions.push(sql`(c.id in (select m.course_id from case_team_member m
        where m.user_id = ${q.caseworkerId} and m.from_on <= ${today} and (m.to_on is null or m.to_on >= ${today}))
      or (c.id is null and r.caseworker_user_id = ${q.caseworkerId}))`);
  }
  if (q.overdue) {
    conditions.push(
      sql`c.id in (select t.course_id from case_task t where t.done_at is null and t.due_on < ${today})`,
    );
  }
  const from = sql`from family left join course c on c.id = family.current_course_id
    left join referral r on r.id = family.current_referral_id
    where ${sql.join(conditions, sql` and `)}`;
  const [rows, [counted]] = await Promise.all([
    queryRows<ListRow>(
      ctx.db,
      sql`select family.id, family.name,
          c.id as course_id, c.state as course_state, c.project_id as course_project_id,
          c.track_id as course_track_id,
          r.id as referral_id, r.state as referral_state, r.project_id as referral_project_id,
          r.track_id as referral_track_id, r.caseworker_user_id as referral_caseworker
        ${from} order by family.name, family.id limit ${q.limit} offset ${q.offset}`,
    ),
    queryRows<{ n: string | number }>(ctx.db, sql`select count(*) as n ${from}`),
  ]);
  const total = Number(counted?.n ?? 0);
  const items = await summarise(ctx.db, rows, today);
  await ctx.audit(ctx.db, {
    type: "family.listed",
    purpose: "sagsoverblik",
    payload: {
      rows: items.length,
      filters: Object.entries(q)
        .filter(([k, v]) => v !== undefined && v !== false && k !== "limit" && k !== "offset")
        .map(([k]) => k),
    },
  });
  return { items, total, limit: q.limit, offset: q.offset };
}

interface ListRow {
  id: string;
  name: string;
  course_id: string | null;
  course_state: string | null;
  course_project_id: string | null;
  course_track_id: string | null;
  referral_id: string | null;
  referral_state: string | null;
  referral_project_id: string | null;
  referral_track_id: string | null;
  referral_caseworker: string | null;
}

async function summarise(db: DbOrTx, rows: ListRow[], today: CalendarDate): Promise<FamilySummary[]> {
  if (rows.length === 0) return [];
  const familyIds = rows.map((r) => r.id);
  const courseIds = rows.flatMap((r) => (r.course_id ? [r.course_id] : []));
  const [members, teams, tasks, names] = await Promise.all([
    db
      .select({
        familyId: familyMembership.familyId,
        languages: person.languages,
        interpreterNeeded: person.interpreterNeeded,
      })
      .from(familyMembership)
      .innerJoin(person, eq(person.id, familyMembership.personId))
      .where(
        and(
          inArray(familyMembership.familyId, familyIds),
          sql`${familyMembership.fromOn} <= ${today} and (${familyMembership.toOn} is null or ${familyMembership.toOn} >= ${today})`,
        ),
      ),
    courseIds.length > 0
      ? db
          .select({ courseId: caseTeamMember.courseId, userId: appUser.id, name: appUser.displayName })
          .from(caseTeamMember)
          .innerJoin(appUser, eq(appUser.id, caseTeamMember.userId))
          .where(
            and(
              inArray(caseTeamMember.courseId, courseIds),
              eq(caseTeamMember.role, "caseworker"),
              sql`${caseTeamMember.fromOn} <= ${today} and (${caseTeamMember.toOn} is null or ${caseTeamMember.toOn} >= ${today})`,
            ),
          )
          .orderBy(asc(caseTeamMember.fromOn))
      : Promise.resolve([]),
    courseIds.length > 0
      ? db
          .select({ courseId: caseTask.courseId, dueOn: caseTask.dueOn })
          .from(caseTask)
          .where(and(inArray(caseTask.courseId, courseIds), sql`${caseTask.doneAt} is null`))
      : Promise.resolve([]),
    queryRows<{ kind: string; id: string; name: string }>(
      db,
      sql`select 'project' as kind, id, name from project
          union all select 'track' as kind, id, name from track
          union all select 'user' as kind, id, display_name as name from app_user where id in (
            select caseworker_user_id from referral where id in ${sql`(${sql.join(
              rows.map((r) => sql`${r.referral_id ?? "00000000-0000-0000-0000-000000000000"}`),
              sql`, `,
            )})`})`,
    ),
  ]);
  const nameOf = (kind: string, id: string | null) =>
    id ? (names.find((n) => n.kind === kind && n.id === id)?.name ?? null) : null;
  return rows.map((r) => {
    const mine = members.filter((m) => m.familyId === r.id);
    const myTasks = tasks.filter((t) => t.courseId === r.course_id);
    const dues = myTasks.map((t) => t.dueOn as CalendarDate).sort(compareDates);
    const projectId = r.course_project_id ?? r.referral_project_id;
    const trackId = r.course_track_id ?? r.referral_track_id;
    const caseworkers = r.course_id
      ? teams.filter((t) => t.courseId === r.course_id).map((t) => ({ id: t.userId, name: t.name }))
      : r.referral_caseworker
        ? [{ id: r.referral_caseworker, name: nameOf("user", r.referral_caseworker) ?? "" }]
        : [];
    return {
      id: r.id,
      name: r.name,
      memberCount: mine.length,
      languages: [...new Set(mine.flatMap((m) => m.languages))].filter((l) => l !== "da"),
      interpreterNeeded: mine.some((m) => m.interpreterNeeded),
      projectId,
      projectName: nameOf("project", projectId),
      trackId,
      trackName: nameOf("track", trackId),
      courseId: r.course_id,
      courseState: r.course_state as FamilySummary["courseState"],
      referralId: r.referral_id,
      referralState: r.referral_state as FamilySummary["referralState"],
      caseworkers: [...new Map(caseworkers.map((c) => [c.id, c])).values()],
      openTasks: myTasks.length,
      overdueTasks: dues.filter((d) => compareDates(d, today) < 0).length,
      nextDueOn: dues[0] ?? null,
    };
  });
}

/** One family: members (CPR masked), consents, referrals and courses the actor may see. Audited. */
export async function getFamily(ctx: ActorContext, id: string) {
  const { row, resource, today } = await loadFamilyFor(ctx, ctx.db, id, "family.read");
  const members = await ctx.db
    .select({ m: familyMembership, p: person })
    .from(familyMembership)
    .innerJoin(person, eq(person.id, familyMembership.personId))
    .where(eq(familyMembership.familyId, id))
    .orderBy(asc(familyMembership.role), asc(person.birthDate));
  const sealed = await sealedCprOf(
    ctx.db,
    members.map((m) => m.p.id),
  );
  const consents = await ctx.db
    .select({ c: consent, byName: appUser.displayName })
    .from(consent)
    .leftJoin(appUser, eq(appUser.id, consent.recordedBy))
    .where(eq(consent.familyId, id))
    .orderBy(asc(consent.recordedOn), asc(consent.createdAt));
  const [referrals, courses] = await Promise.all([
    presentReferralSummaries(ctx.db, eq(referral.familyId, id)),
    presentCourseSummaries(ctx.db, eq(course.familyId, id)),
  ]);
  await ctx.audit(ctx.db, {
    type: "family.viewed",
    subjectId: id,
    organisationId: row.organisationId,
    purpose: readPurpose(ctx.actor, resource),
    payload: { section: "overview" },
  });
  return {
    id: row.id,
    name: row.name,
    organisationId: row.organisationId,
    version: row.version,
    members: members.map(({ m, p }) => ({
      membershipId: m.id,
      role: m.role,
      fromOn: m.fromOn,
      toOn: m.toOn,
      isCurrent: m.fromOn <= today && (m.toOn === null || m.toOn >= today),
      person: presentPerson(p, sealed.get(p.id), ctx.deps.appKey),
    })),
    consents: consents.map(({ c, byName }) => ({
      id: c.id,
      personId: c.personId,
      purpose: c.purpose,
      isGiven: c.isGiven,
      recordedOn: c.recordedOn,
      note: c.note,
      recordedByName: byName,
      createdAt: c.createdAt.toISOString(),
    })),
    referrals,
    courses,
    abilities: {
      write: can(ctx.actor, "family.write", resource),
      revealCpr: can(ctx.actor, "cpr.reveal", resource),
    },
  };
}

/**
 * Adds a member to a household inside the caller's transaction: a new person (with the duplicate
 * check) or a known person moving in. A person is in at most one household on a day.
 */
export async function addMemberInTx(
  ctx: ActorContext,
  tx: DbOrTx,
  familyRow: { id: string; organisationId: string },
  input: z.output<typeof NewMemberInputSchema>,
): Promise<{ personId: string; membershipId: string; newPerson: boolean }> {
  let personId = input.personId;
  const newPerson = personId === undefined;
  if (input.person) {
    personId = await createPerson(
      ctx,
      tx,
      familyRow.organisationId,
      input.person,
      input.acknowledgeDuplicates,
    );
  } else {
    const [p] = await tx.select().from(person).where(eq(person.id, personId!));
    if (!p || p.organisationId !== familyRow.organisationId)
      throw new AppError("NOT_FOUND", "Personen findes ikke i kommunen.");
    const overlapping = await tx
      .select({ id: familyMembership.id, familyId: familyMembership.familyId })
      .from(familyMembership)
      .where(
        and(
          eq(familyMembership.personId, personId!),
          sql`(${familyMembership.toOn} is null or ${familyMembership.toOn} >= ${input.fromOn})`,
        ),
      );
    if (overlapping.length > 0) {
      throw new AppError(
        "CONFLICT",
        overlapping.some((o) => o.familyId === familyRow.id)
          ? "Personen er allerede medlem af familien i den periode."
          : "Personen bor i en anden husstand på den dato. Afslut først medlemskabet dér (flyttedato).",
      );
    }
  }
  const [m] = await tx
    .insert(familyMembership)
    .values({
      organisationId: familyRow.organisationId,
      familyId: familyRow.id,
      personId: personId!,
      role: input.role,
      fromOn: input.fromOn,
      createdAt: ctx.now(),
    })
    .returning({ id: familyMembership.id });
  return { personId: personId!, membershipId: m!.id, newPerson };
}

/** Adds a member to a family the actor may write. */
export async function addMember(
  ctx: ActorContext,
  familyId: string,
  input: z.output<typeof NewMemberInputSchema>,
) {
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadFamilyFor(ctx, tx, familyId, "family.write");
    const added = await addMemberInTx(ctx, tx, row, input);
    await ctx.audit(tx, {
      type: "family.member_added",
      subjectId: familyId,
      organisationId: row.organisationId,
      payload: { personId: added.personId, role: input.role, newPerson: added.newPerson },
    });
  });
  return getFamily(ctx, familyId);
}

/** Ends a membership on a day (the person moved out). */
export async function endMembership(ctx: ActorContext, familyId: string, membershipId: string, toOn: string) {
  await ctx.db.transaction(async (tx) => {
    const { row } = await loadFamilyFor(ctx, tx, familyId, "family.write");
    const [m] = await tx
      .select()
      .from(familyMembership)
      .where(and(eq(familyMembership.id, membershipId), eq(familyMembership.familyId, familyId)));
    if (!m) throw new AppError("NOT_FOUND", "Medlemskabet findes ikke.");
    if (m.toOn !== null) throw new AppError("CONFLICT", "Medlemskabet er allerede afsluttet.");
    if (toOn < m.fromOn) {
      const message = "Fraflytningsdatoen må ikke ligge før indflytningsdatoen.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "toOn", message }]);
    }
    await tx.update(familyMembership).set({ toOn }).where(eq(familyMembership.id, membershipId));
    await ctx.audit(tx, {
      type: "family.member_ended",
      subjectId: familyId,
      organisationId: row.organisationId,
      payload: { personId: m.personId, membershipId },
    });
  });
  return getFamily(ctx, familyId);
}

/** Records a consent given or withdrawn (append-only). */
export async function recordConsent(
  ctx: ActorContext,
  familyId: string,
  input: z.output<typeof ConsentInputSchema>,
) {
  await ctx.db.transaction(async (tx) => {
    const { row, today } = await loadFamilyFor(ctx, tx, familyId, "family.write");
    if (input.recordedOn > today) {
      const message = "Samtykket kan ikke dateres i fremtiden.";
      throw new AppError("VALIDATION_FAILED", message, [{ path: "recordedOn", message }]);
    }
    if (input.personId) {
      const [m] = await tx
        .select({ id: familyMembership.id })
        .from(familyMembership)
        .where(and(eq(familyMembership.familyId, familyId), eq(familyMembership.personId, input.personId)));
      if (!m) {
        const message = "Personen er ikke medlem af familien.";
        throw new AppError("VALIDATION_FAILED", message, [{ path: "personId", message }]);
      }
    }
    await tx.insert(consent).values({
      organisationId: row.organisationId,
      familyId,
      personId: input.personId ?? null,
      purpose: input.purpose,
      isGiven: input.isGiven,
      recordedOn: input.recordedOn,
      note: input.note,
      recordedBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await ctx.audit(tx, {
      type: "consent.recorded",
      subjectId: familyId,
      organisationId: row.organisationId,
      payload: { purpose: input.purpose, isGiven: input.isGiven, personId: input.personId ?? null },
    });
  });
  return getFamily(ctx, familyId);
}

/** Current parents of a family on a day: the consent givers for an acceptance. */
export async function currentParentIds(db: DbOrTx, familyId: string, on: string): Promise<string[]> {
  const rows = await db
    .select({ personId: familyMembership.personId })
    .from(familyMembership)
    .where(
      and(
        eq(familyMembership.familyId, familyId),
        eq(familyMembership.role, "parent"),
        sql`${familyMembership.fromOn} <= ${on} and (${familyMembership.toOn} is null or ${familyMembership.toOn} >= ${on})`,
      ),
    );
  return rows.map((r) => r.personId);
}
