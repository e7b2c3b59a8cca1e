import { count, sql } from "drizzle-orm";
import { calculateBusinessCase } from "../../domain/business-case/index.js";
import type { CalendarDate } from "../../domain/calendar-date.js";
import { danishDateOf } from "../../domain/casework/index.js";
import {
  INTENSIVE_FAMILY_TREATMENT_SCHEDULE,
  ORDINARY_FAMILY_TREATMENT_SCHEDULE,
} from "../../domain/progression/index.js";
import { recordAudit } from "../audit/record.js";
import type { Db, Tx } from "../db/client.js";
import {
  appUser,
  businessCase,
  businessCaseVersion,
  course,
  membership,
  organisation,
  priceIndex,
  project,
  projectParty,
  track,
  unitPrice,
} from "../db/schema/index.js";
import { hashPassword } from "../modules/auth/password-hash.js";
import { ENGINE_VERSION } from "../modules/business-cases/scenario-calculation.js";
import { syncAllOpenCourseTasks } from "../modules/casework/task-sync.js";
import { ensureProjectInstruments } from "../modules/progression/instrument-catalogue.js";
import { syncMeasurementTasks } from "../modules/progression/measurement-task-sync.js";
import { rodovreDemoScenario, vejleDemoScenario } from "./business-case-demo.js";
import { seedCaseworkDemo } from "./casework-seed.js";
import { seedContractDemo } from "./contract-seed.js";
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PROJECTS, DEMO_USERS } from "./demo-data.js";
import { NATIONAL_PRICE_INDEX, NATIONAL_UNIT_PRICES } from "./price-catalogue-data.js";
import { seedProgressionDemo } from "./progression-seed.js";

/** True when the database holds no organisation yet (a fresh install). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisation);
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds the demo tenants, projects, users, business cases and case work (fictional families with
 * courses, plans and contacts; CPR numbers sealed under `appKey`) in one transaction (all or nothing).
 * Fictional people only. Returns the ids by key, for tests.
 */
/**
 * A course that has run for a year has had its measures followed up: follow-ups due more than 60 days
 * ago are recorded as done by the course's first caseworker a week before their deadline, so the demo's
 * "my tasks" shows the handful a caseworker really is behind with, not every deadline since the start.
 */
async function markOldFollowUpsDone(tx: Tx, today: CalendarDate) {
  await tx.execute(sql`
    update case_task t set
      done_at = (t.due_on - 7)::timestamp + interval '10 hours',
      done_by = (select m.user_id from case_team_member m
                 where m.course_id = t.course_id and m.role = 'caseworker'
                 order by m.from_on, m.id limit 1)
    where t.kind = 'measure-follow-up' and t.done_at is null and t.due_on < ${today}::date - 60`);
}

export async function seedDemoData(db: Db, now: Date, appKey: Buffer) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const origin = { actorUserId: null, requestId: "seed", now: () => now };
    const orgIds = {} as Record<(typeof DEMO_ORGANISATIONS)[number]["key"], string>;
    for (const o of DEMO_ORGANISATIONS) {
      const [row] = await tx
        .insert(organisation)
        .values({ name: o.name, kind: o.kind, externalCode: o.externalCode, createdAt: now, updatedAt: now })
        .returning({ id: organisation.id });
      orgIds[o.key] = row!.id;
      await recordAudit(tx, origin, {
        type: "organisation.created",
        subjectId: row!.id,
        organisationId: row!.id,
        payload: { kind: o.kind },
      });
    }
    const projectIds = {} as Record<(typeof DEMO_PROJECTS)[number]["key"], string>;
    for (const p of DEMO_PROJECTS) {
      const [row] = await tx
        .insert(project)
        .values({
          organisationId: orgIds[p.owner],
          name: p.name,
          description: p.description,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          status: p.status,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: project.id });
      const id = row!.id;
      projectIds[p.key] = id;
      await tx.insert(track).values(
        p.tracks.map((t) => ({
          ...t,
          projectId: id,
          measurementSchedule:
            t.code === "intensive" ? INTENSIVE_FAMILY_TREATMENT_SCHEDULE : ORDINARY_FAMILY_TREATMENT_SCHEDULE,
        })),
      );
      await ensureProjectInstruments(tx, id);
      await tx
        .insert(projectParty)
        .values([
          { projectId: id, organisationId: orgIds[p.owner], part: "owner" as const },
          ...p.parties.map((x) => ({ projectId: id, organisationId: orgIds[x.org], part: x.part })),
        ]);
      await recordAudit(tx, origin, {
        type: "project.created",
        subjectId: id,
        organisationId: orgIds[p.owner],
        projectId: id,
        payload: { trackCodes: p.tracks.map((t) => t.code), partyIds: p.parties.map((x) => orgIds[x.org]) },
      });
    }
    const userIds: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(appUser)
        .values({ email: u.email, displayName: u.displayName, passwordHash, createdAt: now, updatedAt: now })
        .returning({ id: appUser.id });
      userIds[u.email] = row!.id;
      await tx
        .insert(membership)
        .values({ userId: row!.id, organisationId: orgIds[u.org], role: u.role, createdAt: now });
      await recordAudit(tx, origin, {
        type: "user.created",
        subjectId: row!.id,
        payload: { roles: [{ organisationId: orgIds[u.org], role: u.role }] },
      });
    }
    // The national price catalogue and index, and the two demo business cases.
    for (const p of NATIONAL_UNIT_PRICES) {
      await tx.insert(unitPrice).values({ ...p, organisationId: null, createdAt: now, updatedAt: now });
    }
    await tx.insert(priceIndex).values(NATIONAL_PRICE_INDEX.map((r) => ({ ...r, organisationId: null })));
    const demoCases = [
      {
        org: orgIds.rodovre,
        project: projectIds.rodovre,
        author: userIds["sagsbehandler@rodovre.demo"],
        name: "Invester før det sker – businesscase",
        description:
          "Rødovres businesscase bygget fra de oplyste forudsætninger: 12,5 % succes med en variant på 25 %.",
        scenario: rodovreDemoScenario(),
        shared: false,
      },
      {
        org: orgIds.vejle,
        project: projectIds.vejle,
        author: userIds["projektleder@vejle.demo"],
        name: "Familiebehandling på modersmål – businesscase",
        description:
          "Eksempel: 25 familier, 4,8 mio. kr., forløb på ca. 10 måneder. Effektstørrelser er illustrative.",
        scenario: vejleDemoScenario(),
        shared: true,
      },
    ];
    for (const bc of demoCases) {
      const result = calculateBusinessCase(bc.scenario);
      const [row] = await tx
        .insert(businessCase)
        .values({
          organisationId: bc.org,
          projectId: bc.project,
          name: bc.name,
          description: bc.description,
          isSharedWithParties: bc.shared,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: businessCase.id });
      await tx.insert(businessCaseVersion).values({
        businessCaseId: row!.id,
        version: 1,
        organisationId: bc.org,
        projectId: bc.project,
        scenario: bc.scenario as unknown as Record<string, unknown>,
        engineVersion: ENGINE_VERSION,
        accumulatedAtHorizonOre: result.accumulatedAtHorizonOre,
        paybackYears: result.payback.isPaidBack ? Math.round(result.payback.years * 1000) / 1000 : null,
        note: "Demodata",
        createdBy: bc.author ?? null,
        createdAt: now,
      });
      await recordAudit(tx, origin, {
        type: "businessCase.created",
        subjectId: row!.id,
        organisationId: bc.org,
        projectId: bc.project,
        payload: { version: 1 },
      });
    }
    const casework = await seedCaseworkDemo(tx, { orgIds, projectIds, userIds, now, appKey });
    // The seed writes courses directly; their derived deadlines (reviews, follow-ups) are made here.
    const today = danishDateOf(now);
    const progression = await seedProgressionDemo(tx, today);
    await syncAllOpenCourseTasks(tx, undefined, today);
    for (const c of await tx.select({ id: course.id }).from(course))
      await syncMeasurementTasks(tx, c.id, today);
    await markOldFollowUpsDone(tx, today);
    const contracts = await seedContractDemo(tx, { orgIds, projectIds, userIds, now, today });
    return { orgIds, projectIds, userIds, casework, progression, contracts };
  });
}
