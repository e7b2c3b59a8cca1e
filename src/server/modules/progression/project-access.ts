import { eq } from "drizzle-orm";
import { authorize } from "../../../domain/access/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { project } from "../../db/schema/index.js";
import { enforce, notFound } from "../../errors.js";

/*
 * A project's instruments and schedules belong to the project: anyone who may read the project reads
 * them (they hold no personal data); changing them is `project.manage` on the project's owner, as for
 * the project itself (src/server/modules/projects/project.service.ts).
 */

/**
 * The project row, when the actor may do `permission` on it.
 * @throws AppError NOT_FOUND when the project does not exist or is hidden; FORBIDDEN when visible only.
 */
export async function loadProjectFor(
  ctx: ActorContext,
  db: DbOrTx,
  projectId: string,
  permission: "project.read" | "project.manage",
) {
  const [row] = await db.select().from(project).where(eq(project.id, projectId));
  if (!row) throw notFound("Projektet");
  enforce(
    authorize(ctx.actor, permission, {
      type: "project",
      organisationIds: [row.organisationId],
      projectIds: [row.id],
    }),
    "Projektet",
  );
  return row;
}

/** The PostgreSQL error code behind a failed query (Drizzle wraps the driver's error in `cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = cause?.code ?? (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}
