import { and, eq } from "drizzle-orm";
import type { Db } from "../src/server/db/client.js";
import {
  caseTeamMember,
  course,
  family,
  familyMembership,
  person,
  referral,
  track,
} from "../src/server/db/schema/index.js";
import type { TestApp } from "./test-app.js";

/**
 * Inserts a family with two members (a parent and a child), an accepted referral and a course with a
 * case team, straight into the tables — for tests of what happens after acceptance. Ids by key.
 */
export async function insertCourseFixture(
  t: Pick<TestApp, "db" | "seed">,
  options: {
    municipality?: "vejle" | "rodovre";
    trackCode?: string;
    state?: (typeof course.$inferInsert)["state"];
    acceptedOn?: string;
    /** Users (by id) on the case team as caseworker from `acceptedOn`. */
    caseworkerIds?: string[];
    consultantIds?: string[];
    familyName?: string;
  } = {},
) {
  const db: Db = t.db;
  const municipality = options.municipality ?? "vejle";
  const orgId = t.seed.orgIds[municipality];
  const projectId = t.seed.projectIds[municipality];
  const acceptedOn = options.acceptedOn ?? "2026-01-05";
  const [tr] = await db
    .select()
    .from(track)
    .where(and(eq(track.projectId, projectId), eq(track.code, options.trackCode ?? "ordinary")));
  const trackRow = tr ?? (await db.select().from(track).where(eq(track.projectId, projectId)))[0]!;
  return db.transaction(async (tx) => {
    const [f] = await tx
      .insert(family)
      .values({ organisationId: orgId, name: options.familyName ?? "Familien Test" })
      .returning();
    const [parent, child] = await tx
      .insert(person)
      .values([
        {
          organisationId: orgId,
          firstName: "Amina",
          lastName: "Test",
          birthDate: "1988-04-12",
          sex: "female",
          languages: ["so", "da"],
          danishProficiency: "basic",
          interpreterNeeded: true,
        },
        {
          organisationId: orgId,
          firstName: "Ali",
          lastName: "Test",
          birthDate: "2015-09-01",
          sex: "male",
          languages: ["so", "da"],
          danishProficiency: "fluent",
          schoolOrDayCare: "Midtbyens Skole",
        },
      ])
      .returning();
    await tx.insert(familyMembership).values([
      { organisationId: orgId, familyId: f!.id, personId: parent!.id, role: "parent", fromOn: "2020-01-01" },
      { organisationId: orgId, familyId: f!.id, personId: child!.id, role: "child", fromOn: "2020-01-01" },
    ]);
    const [r] = await tx
      .insert(referral)
      .values({
        organisationId: orgId,
        projectId,
        trackId: trackRow.id,
        familyId: f!.id,
        reason: "Bekymring for skolefravær",
        legalBasis: "Barnets lov § 32",
        childIds: [child!.id],
        referredOn: acceptedOn,
        state: "accepted",
        stateSince: acceptedOn,
      })
      .returning();
    const [c] = await tx
      .insert(course)
      .values({
        organisationId: orgId,
        projectId,
        trackId: trackRow.id,
        familyId: f!.id,
        referralId: r!.id,
        providerOrganisationId: municipality === "vejle" ? t.seed.orgIds.provider : null,
        state: options.state ?? "active",
        stateSince: acceptedOn,
        acceptedOn,
      })
      .returning();
    const team = [
      ...(options.caseworkerIds ?? []).map((userId) => ({ userId, role: "caseworker" as const, org: orgId })),
      ...(options.consultantIds ?? []).map((userId) => ({
        userId,
        role: "consultant" as const,
        org: t.seed.orgIds.provider,
      })),
    ];
    if (team.length > 0) {
      await tx.insert(caseTeamMember).values(
        team.map((m) => ({
          organisationId: orgId,
          courseId: c!.id,
          userId: m.userId,
          memberOrganisationId: m.org,
          role: m.role,
          fromOn: acceptedOn,
        })),
      );
    }
    return {
      familyId: f!.id,
      parentId: parent!.id,
      childId: child!.id,
      referralId: r!.id,
      courseId: c!.id,
      trackId: trackRow.id,
      organisationId: orgId,
      projectId,
    };
  });
}
