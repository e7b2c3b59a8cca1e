import { count } from "drizzle-orm";
import { recordAudit } from "../audit/record.js";
import type { Db } from "../db/client.js";
import { appUser, membership, organisation, project, projectParty, track } from "../db/schema/index.js";
import { hashPassword } from "../modules/auth/password-hash.js";
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_PROJECTS, DEMO_USERS } from "./demo-data.js";

/** True when the database holds no organisation yet (a fresh install). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(organisation);
  return (row?.n ?? 0) === 0;
}

/**
 * Seeds the demo tenants, projects and users in one transaction (all or nothing). Fictional people
 * only. Returns the ids by key, for tests.
 */
export async function seedDemoData(db: Db, now: Date) {
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
      await tx.insert(track).values(p.tracks.map((t) => ({ ...t, projectId: id })));
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
    return { orgIds, projectIds, userIds };
  });
}
