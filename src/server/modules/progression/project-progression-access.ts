import { and, eq, type SQL } from "drizzle-orm";
import { type Actor, authorize, reachOf } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { course, project } from "../../db/schema/index.js";
import { enforce } from "../../errors.js";
import { courseScopeSql } from "../casework/case-access.js";

/*
 * Who sees what of a project's progression views (cohort, data quality). The project must be visible
 * (`project.read`: Rødovre's users get 404 for Vejle's project); the figures are computed only from the
 * courses the actor reaches with `measurement.read` (a caseworker: the courses she is on; a team
 * leader: the municipality's; a project manager: the project's). The route itself names
 * `measurement.read`, so an investor, who holds no such permission, is refused before any of this.
 */

type ProjectRow = typeof project.$inferSelect;

/** Loads the project the actor may see, or answers 404. */
export async function loadProgressionProject(
  ctx: ActorContext,
  db: DbOrTx,
  projectId: string,
): Promise<ProjectRow> {
  const [row] = await db.select().from(project).where(eq(project.id, projectId));
  const decision = row
    ? authorize(ctx.actor, "project.read", {
        type: "project",
        organisationIds: [row.organisationId],
        projectIds: [row.id],
      })
    : ({ allowed: false, reason: "hidden" } as const);
  enforce(decision, "Projektet");
  return row!;
}

/** The project's courses within the actor's `measurement.read` scope today (a WHERE on `course`). */
export function progressionCourseScope(actor: Actor, projectId: string, today: CalendarDate): SQL {
  return and(eq(course.projectId, projectId), courseScopeSql(actor, "measurement.read", today)) as SQL;
}

/**
 * Why the actor reads the project's measurements, for the audit log: management (the municipality
 * that owns the project), project follow-up (a party to the project), or case work (only the
 * courses she is on).
 */
export function progressionPurpose(actor: Actor, p: Pick<ProjectRow, "organisationId">): string {
  const reaches = actor.memberships.map((m) => ({ m, reach: reachOf(m.role, "measurement.read") }));
  if (reaches.some(({ m, reach }) => reach === "organisation" && m.organisationId === p.organisationId))
    return "ledelse";
  if (reaches.some(({ reach }) => reach === "project" || reach === "organisation" || reach === "any"))
    return "projektopfølgning";
  return "sagsbehandling";
}
