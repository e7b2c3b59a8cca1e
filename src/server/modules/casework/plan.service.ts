import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { FamilyPlanView, PlanAgreement, PlanDiff } from "../../../contracts/casework-plan.js";
import type { Resource } from "../../../domain/access/index.js";
import { addMonths, type CalendarDate } from "../../../domain/calendar-date.js";
import {
  computeMonthlyCostByDepartment,
  danishDateOf,
  danishTimeOf,
  type FamilyPlan,
  type FieldErrors,
  type Goal,
  type Measure,
  validateFamilyPlan,
} from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import {
  appUser,
  course,
  familyMembership,
  membership,
  planAgreement,
  planVersion,
} from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { loadCourseFor, mayOn, readPurpose } from "./case-access.js";

/*
 * Familiens Plan: immutable versions (plan_version), the course's pointer to the current one
 * (course.plan_version, the If-Match of a save) and the family's agreements (plan_agreement).
 *
 * A save is refused with 409 when the plan moved on since the version the edit was based on. The check
 * is made twice: on the row read at the start, and by the conditional UPDATE of the course
 * (`WHERE plan_version = base`) that runs before the new version is inserted. On PostgreSQL a second,
 * concurrent save blocks on the course row, then finds the pointer moved and updates nothing; so two
 * saves on the same base can never both win.
 */

type CourseRow = typeof course.$inferSelect;

const EMPTY_PLAN: FamilyPlan = { goals: [], measures: [] };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Turns domain field errors into the API's details, under a path prefix (e.g. "plan."). */
export function toDetails(errors: FieldErrors, prefix = ""): { path: string; message: string }[] {
  return Object.entries(errors).map(([path, message]) => ({
    path: path ? `${prefix}${path}` : prefix.replace(/\.$/, "") || "(body)",
    message,
  }));
}

/** Person ids of the family's members on a day (memberships are dated; `to_on` inclusive). */
export async function memberPersonIdsOn(db: DbOrTx, familyId: string, on: CalendarDate): Promise<string[]> {
  const rows = await db
    .select({ personId: familyMembership.personId })
    .from(familyMembership)
    .where(
      and(
        eq(familyMembership.familyId, familyId),
        sql`${familyMembership.fromOn} <= ${on}`,
        sql`(${familyMembership.toOn} is null or ${familyMembership.toOn} >= ${on})`,
      ),
    );
  return [...new Set(rows.map((r) => r.personId))];
}

/**
 * Of `userIds`, those that are NOT users of the course's municipality or its provider (staff who may
 * be named on the course: responsible for a measure, taking part in a contact).
 */
export async function userIdsOutsideCourse(
  db: DbOrTx,
  c: Pick<CourseRow, "organisationId" | "providerOrganisationId">,
  userIds: readonly string[],
): Promise<Set<string>> {
  const wanted = [...new Set(userIds)];
  const candidates = wanted.filter((id) => UUID.test(id));
  const orgs = [c.organisationId, ...(c.providerOrganisationId ? [c.providerOrganisationId] : [])];
  const known =
    candidates.length === 0
      ? []
      : await db
          .selectDistinct({ userId: membership.userId })
          .from(membership)
          .where(and(inArray(membership.userId, candidates), inArray(membership.organisationId, orgs)));
  const ok = new Set(known.map((k) => k.userId.toLowerCase()));
  return new Set(wanted.filter((id) => !ok.has(id.toLowerCase())));
}

async function findVersion(db: DbOrTx, courseId: string, version: number) {
  const [row] = await db
    .select({ v: planVersion, createdByName: appUser.displayName })
    .from(planVersion)
    .leftJoin(appUser, eq(appUser.id, planVersion.createdBy))
    .where(and(eq(planVersion.courseId, courseId), eq(planVersion.version, version)));
  return row ? { ...row.v, createdByName: row.createdByName } : undefined;
}

async function planOf(db: DbOrTx, courseId: string, version: number): Promise<FamilyPlan> {
  if (version === 0) return EMPTY_PLAN;
  const row = await findVersion(db, courseId, version);
  if (!row) throw notFound(`Version ${version} af planen`);
  return row.plan;
}

async function agreementsOf(db: DbOrTx, courseId: string, version?: number): Promise<PlanAgreement[]> {
  const rows = await db
    .select({ a: planAgreement, recordedByName: appUser.displayName })
    .from(planAgreement)
    .leftJoin(appUser, eq(appUser.id, planAgreement.recordedBy))
    .where(
      and(
        eq(planAgreement.courseId, courseId),
        version === undefined ? undefined : eq(planAgreement.planVersion, version),
      ),
    )
    .orderBy(desc(planAgreement.agreedOn), desc(planAgreement.createdAt));
  return rows.map(({ a, recordedByName }) => ({
    id: a.id,
    planVersion: a.planVersion,
    agreedOn: a.agreedOn,
    note: a.note,
    recordedByName,
    createdAt: a.createdAt.toISOString(),
  }));
}

/** This month and the next `count - 1`, as `YYYY-MM`. */
function monthsFrom(today: CalendarDate, count: number): string[] {
  const first = `${today.slice(0, 7)}-01` as CalendarDate;
  return Array.from({ length: count }, (_, i) => addMonths(first, i).slice(0, 7));
}

async function presentPlan(
  ctx: ActorContext,
  db: DbOrTx,
  c: CourseRow,
  resource: Resource,
  today: CalendarDate,
  version: number,
): Promise<FamilyPlanView> {
  const row = version === 0 ? undefined : await findVersion(db, c.id, version);
  if (version !== 0 && !row) throw notFound(`Version ${version} af planen`);
  const plan = row?.plan ?? EMPTY_PLAN;
  const [agreement] = version === 0 ? [] : await agreementsOf(db, c.id, version);
  const costByDepartment = monthsFrom(today, 12).map((month) => {
    const m = computeMonthlyCostByDepartment(plan.measures, month);
    return { month, totalOre: m.totalOre as number, byDepartmentOre: m.byDepartmentOre };
  });
  return {
    courseId: c.id,
    version,
    currentVersion: c.planVersion,
    plan,
    note: row?.note ?? "",
    createdAt: row ? row.createdAt.toISOString() : null,
    createdByName: row?.createdByName ?? null,
    agreement: agreement ?? null,
    costByDepartment,
    totalMonthlyCostOre: costByDepartment[0]?.totalOre ?? 0,
    abilities: { write: mayOn(ctx.actor, "family.write", resource) },
  };
}

const auditScope = (c: CourseRow) => ({
  subjectId: c.id,
  organisationId: c.organisationId,
  projectId: c.projectId,
});

/** The current plan of a course (version 0 and an empty plan before the first save). Audited. */
export async function getCurrentPlan(ctx: ActorContext, courseId: string): Promise<FamilyPlanView> {
  return ctx.db.transaction(async (tx) => {
    const { row, resource, today } = await loadCourseFor(ctx, tx, courseId, "family.read");
    const view = await presentPlan(ctx, tx, row, resource, today, row.planVersion);
    await ctx.audit(tx, {
      type: "plan.viewed",
      ...auditScope(row),
      purpose: readPurpose(ctx.actor, resource),
      payload: { version: row.planVersion },
    });
    return view;
  });
}

/** One saved version of the plan (for history and compare). Audited. */
export async function getPlanVersion(
  ctx: ActorContext,
  courseId: string,
  version: number,
): Promise<FamilyPlanView> {
  return ctx.db.transaction(async (tx) => {
    const { row, resource, today } = await loadCourseFor(ctx, tx, courseId, "family.read");
    const view = await presentPlan(ctx, tx, row, resource, today, version);
    await ctx.audit(tx, {
      type: "plan.viewed",
      ...auditScope(row),
      purpose: readPurpose(ctx.actor, resource),
      payload: { version },
    });
    return view;
  });
}

/** Every saved version, newest first, with counts and the latest agreement date. Audited. */
export async function listPlanVersions(ctx: ActorContext, courseId: string) {
  return ctx.db.transaction(async (tx) => {
    const { row, resource } = await loadCourseFor(ctx, tx, courseId, "family.read");
    // One query at a time: a transaction is one connection.
    const versions = await tx
      .select({ v: planVersion, createdByName: appUser.displayName })
      .from(planVersion)
      .leftJoin(appUser, eq(appUser.id, planVersion.createdBy))
      .where(eq(planVersion.courseId, courseId))
      .orderBy(desc(planVersion.version));
    const agreements = await agreementsOf(tx, courseId);
    await ctx.audit(tx, {
      type: "plan.viewed",
      ...auditScope(row),
      purpose: readPurpose(ctx.actor, resource),
      payload: { version: row.planVersion },
    });
    return {
      items: versions.map(({ v, createdByName }) => ({
        version: v.version,
        createdAt: v.createdAt.toISOString(),
        createdByName,
        note: v.note,
        goals: v.plan.goals.length,
        measures: v.plan.measures.length,
        agreedOn: agreements.find((a) => a.planVersion === v.version)?.agreedOn ?? null,
      })),
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Compare

/** JSON with object keys sorted, so that equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

function diffItems<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  label: (x: T) => string,
) {
  const out: {
    id: string;
    change: "added" | "removed" | "changed";
    label: string;
    fields: { field: string; before: unknown; after: unknown }[];
    before: T | null;
    after: T | null;
  }[] = [];
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Set(after.map((x) => x.id));
  for (const a of after) {
    const b = old.get(a.id);
    if (!b) {
      out.push({ id: a.id, change: "added", label: label(a), fields: [], before: null, after: a });
      continue;
    }
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== "id");
    const fields = keys
      .map((k) => ({
        field: k,
        before: (b as Record<string, unknown>)[k] ?? null,
        after: (a as Record<string, unknown>)[k] ?? null,
      }))
      .filter((f) => canonical(f.before) !== canonical(f.after));
    if (fields.length > 0)
      out.push({ id: a.id, change: "changed", label: label(a), fields, before: b, after: a });
  }
  for (const b of before) {
    if (!now.has(b.id))
      out.push({ id: b.id, change: "removed", label: label(b), fields: [], before: b, after: null });
  }
  return out;
}

/**
 * What changed from one plan to another, per goal and per measure (matched by id): added, removed,
 * or changed with the names of the top-level fields that differ and their values before and after.
 */
export function diffPlans(before: FamilyPlan, after: FamilyPlan) {
  return {
    goals: diffItems<Goal>(before.goals, after.goals, (g) => g.ownWords),
    measures: diffItems<Measure>(before.measures, after.measures, (m) => m.what),
  };
}

/** "1 mål tilføjet, 2 indsatser ændret" — what a diff amounts to, in a few words. */
export function summarisePlanChanges(diff: ReturnType<typeof diffPlans>): string {
  const verbs = { added: "tilføjet", removed: "fjernet", changed: "ændret" } as const;
  const parts: string[] = [];
  for (const change of ["added", "removed", "changed"] as const) {
    const goals = diff.goals.filter((g) => g.change === change).length;
    if (goals > 0) parts.push(`${goals} mål ${verbs[change]}`);
    const measures = diff.measures.filter((m) => m.change === change).length;
    if (measures > 0) parts.push(`${measures} ${measures === 1 ? "indsats" : "indsatser"} ${verbs[change]}`);
  }
  return parts.length > 0 ? parts.join(", ") : "ingen ændringer i mål eller indsatser";
}

/** The differences between two versions (0 = the empty plan before the first save). Audited. */
export async function diffPlanVersions(
  ctx: ActorContext,
  courseId: string,
  from: number,
  to: number,
): Promise<PlanDiff> {
  return ctx.db.transaction(async (tx) => {
    const { row, resource } = await loadCourseFor(ctx, tx, courseId, "family.read");
    const [a, b] = [await findVersion(tx, courseId, from), await findVersion(tx, courseId, to)];
    if (from !== 0 && !a) throw notFound(`Version ${from} af planen`);
    if (to !== 0 && !b) throw notFound(`Version ${to} af planen`);
    await ctx.audit(tx, {
      type: "plan.viewed",
      ...auditScope(row),
      purpose: readPurpose(ctx.actor, resource),
      payload: { version: to },
    });
    const diff = diffPlans(a?.plan ?? EMPTY_PLAN, b?.plan ?? EMPTY_PLAN);
    return { from, to, ...diff, isNoteChanged: (a?.note ?? "") !== (b?.note ?? "") };
  });
}

// ---------------------------------------------------------------------------------------------------
// Save

const danishDate = (d: string) => {
  const [y, m, day] = d.split("-");
  return `${Number(day)}.${Number(m)}.${y}`;
};

function danishWhen(at: Date, today: CalendarDate): string {
  const { hour, minute } = danishTimeOf(at);
  const time = `kl. ${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  const day = danishDateOf(at);
  return day === today ? time : `den ${danishDate(day)} ${time}`;
}

/**
 * The 409 of a stale save, telling who saved which version when and what changed since the version
 * the user edited ("Sara Sagsbehandler gemte version 3 kl. 14:02: 1 mål tilføjet, 2 indsatser ændret.").
 */
async function staleSaveError(
  db: DbOrTx,
  courseId: string,
  base: number,
  today: CalendarDate,
): Promise<AppError> {
  const [c] = await db
    .select({ planVersion: course.planVersion })
    .from(course)
    .where(eq(course.id, courseId));
  const current = c?.planVersion ?? 0;
  if (base > current || current === 0) {
    return new AppError(
      "STALE_VERSION",
      `Planen er på version ${current}, men du har redigeret version ${base}. Hent planen igen, og prøv på ny.`,
    );
  }
  const latest = await findVersion(db, courseId, current);
  const basePlan = await planOf(db, courseId, base);
  const summary = summarisePlanChanges(diffPlans(basePlan, latest?.plan ?? EMPTY_PLAN));
  const who = latest?.createdByName ?? "En anden bruger";
  const when = latest ? ` ${danishWhen(latest.createdAt, today)}` : "";
  const since = current - base > 1 ? ` (${current - base} nye versioner siden din version ${base})` : "";
  return new AppError(
    "STALE_VERSION",
    `${who} gemte version ${current}${when}${since}: ${summary}. ` +
      "Hent planen igen, og indarbejd dine ændringer i den nyeste version.",
  );
}

/**
 * Saves a new version of the plan, based on `baseVersion` (the If-Match). Validates the plan with the
 * domain (members of the family today; responsible users of the municipality or the provider).
 * @throws AppError STALE_VERSION (409) when the plan moved on; VALIDATION_FAILED with `plan.…` paths.
 */
export async function savePlan(
  ctx: ActorContext,
  courseId: string,
  input: { plan: unknown; note: string; baseVersion: number },
): Promise<FamilyPlanView> {
  return ctx.db.transaction(async (tx) => {
    const { row, resource, today } = await loadCourseFor(ctx, tx, courseId, "family.write");
    const base = input.baseVersion;
    if (row.planVersion !== base) throw await staleSaveError(tx, courseId, base, today);

    const validated = validateFamilyPlan(input.plan, {
      memberPersonIds: await memberPersonIdsOn(tx, row.familyId, today),
    });
    if (!validated.ok) {
      throw new AppError(
        "VALIDATION_FAILED",
        "Planen har fejl. Ret felterne og prøv igen.",
        toDetails(validated.errors, "plan."),
      );
    }
    const plan = validated.plan;
    const outside = await userIdsOutsideCourse(
      tx,
      row,
      plan.measures.flatMap((m) => (m.responsibleUserId ? [m.responsibleUserId] : [])),
    );
    if (outside.size > 0) {
      throw new AppError(
        "VALIDATION_FAILED",
        "Planen har fejl. Ret felterne og prøv igen.",
        plan.measures.flatMap((m, i) =>
          m.responsibleUserId && outside.has(m.responsibleUserId)
            ? [
                {
                  path: `plan.measures.${i}.responsibleUserId`,
                  message: "Den ansvarlige skal være bruger i kommunen eller hos leverandøren",
                },
              ]
            : [],
        ),
      );
    }

    const next = base + 1;
    const [moved] = await tx
      .update(course)
      .set({ planVersion: next, version: sql`${course.version} + 1` })
      .where(and(eq(course.id, courseId), eq(course.planVersion, base)))
      .returning();
    if (!moved) throw await staleSaveError(tx, courseId, base, today);
    await tx.insert(planVersion).values({
      organisationId: row.organisationId,
      courseId,
      version: next,
      plan,
      note: input.note,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now(),
    });
    await ctx.audit(tx, {
      type: "plan.version_saved",
      ...auditScope(row),
      payload: { version: next, goals: plan.goals.length, measures: plan.measures.length },
    });
    return presentPlan(ctx, tx, moved, resource, today, next);
  });
}

/**
 * Records the family's agreement to a saved version (on a day not in the future).
 * @throws AppError VALIDATION_FAILED for an unknown version or a future date.
 */
export async function recordPlanAgreement(
  ctx: ActorContext,
  courseId: string,
  input: { planVersion: number; agreedOn: string; note: string },
): Promise<PlanAgreement> {
  return ctx.db.transaction(async (tx) => {
    const { row, today } = await loadCourseFor(ctx, tx, courseId, "family.write");
    const details: { path: string; message: string }[] = [];
    if (input.planVersion < 1 || input.planVersion > row.planVersion) {
      details.push({
        path: "planVersion",
        message:
          row.planVersion === 0
            ? "Planen er ikke gemt endnu"
            : `Planen har ingen version ${input.planVersion} (nyeste er version ${row.planVersion})`,
      });
    }
    if (input.agreedOn > today) {
      details.push({ path: "agreedOn", message: "Datoen for familiens accept må ikke ligge i fremtiden" });
    }
    if (details.length > 0) {
      throw new AppError("VALIDATION_FAILED", "Accepten kunne ikke registreres.", details);
    }
    const [a] = await tx
      .insert(planAgreement)
      .values({
        organisationId: row.organisationId,
        courseId,
        planVersion: input.planVersion,
        agreedOn: input.agreedOn,
        note: input.note,
        recordedBy: ctx.actor.userId,
        createdAt: ctx.now(),
      })
      .returning();
    await ctx.audit(tx, {
      type: "plan.agreed",
      ...auditScope(row),
      payload: { version: input.planVersion },
    });
    const [me] = await tx
      .select({ name: appUser.displayName })
      .from(appUser)
      .where(eq(appUser.id, ctx.actor.userId));
    return {
      id: a!.id,
      planVersion: a!.planVersion,
      agreedOn: a!.agreedOn,
      note: a!.note,
      recordedByName: me?.name ?? null,
      createdAt: a!.createdAt.toISOString(),
    };
  });
}

/** Parses an If-Match value: `"3"`, `W/"3"` or `3`. Undefined when absent; throws when malformed. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!m) {
    throw new AppError(
      "BAD_REQUEST",
      'If-Match skal være den version af planen, du har redigeret, fx "3" (0 før den første version).',
    );
  }
  return Number(m[1]);
}

/** The version the edit was based on: the If-Match header, else `baseVersion` in the body. */
export function baseVersionOf(ifMatch: string | undefined, bodyBaseVersion: number | undefined): number {
  const base = parseIfMatch(ifMatch) ?? bodyBaseVersion;
  if (base === undefined) {
    throw new AppError(
      "BAD_REQUEST",
      'Angiv hvilken version af planen du har redigeret: send headeren If-Match: "<version>" ' +
        "(eller baseVersion i indholdet). Den første version gemmes med version 0.",
    );
  }
  return base;
}
