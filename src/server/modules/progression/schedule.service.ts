import { and, asc, count, eq, inArray } from "drizzle-orm";
import {
  scheduleEntryProblems,
  type TrackSchedule,
  type TrackScheduleInput,
} from "../../../contracts/progression.js";
import { getLatestVersion, type MeasurementSchedule } from "../../../domain/progression/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { course, track } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { todayOf } from "../casework/case-access.js";
import { ensureProjectInstruments, loadProjectInstruments } from "./instrument-catalogue.js";
import { syncMeasurementTasks } from "./measurement-task-sync.js";
import { loadProjectFor } from "./project-access.js";

/*
 * Measurement schedules per track (issue 5 §2): which instruments are measured for whom and when. A
 * change takes effect at once for every course on the track: its measurement-due tasks are brought in
 * line in the same transaction (done tasks stay, as the record of what was done).
 */

type TrackRow = typeof track.$inferSelect;

function present(t: TrackRow, courseCount: number): TrackSchedule {
  return {
    trackId: t.id,
    trackCode: t.code,
    trackName: t.name,
    plannedDurationMonths: t.plannedDurationMonths,
    schedule: t.measurementSchedule ?? null,
    courseCount,
  };
}

async function courseCountsOf(tx: DbOrTx, trackIds: string[]): Promise<Map<string, number>> {
  if (trackIds.length === 0) return new Map();
  const rows = await tx
    .select({ trackId: course.trackId, n: count() })
    .from(course)
    .where(inArray(course.trackId, trackIds))
    .groupBy(course.trackId);
  return new Map(rows.map((r) => [r.trackId, r.n]));
}

/** Every track of the project with its planned duration and schedule (for anyone who may read it). */
export async function listSchedules(ctx: ActorContext, projectId: string): Promise<TrackSchedule[]> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadProjectFor(ctx, tx, projectId, "project.read");
    const tracks = await tx.select().from(track).where(eq(track.projectId, p.id)).orderBy(asc(track.code));
    const counts = await courseCountsOf(
      tx,
      tracks.map((t) => t.id),
    );
    return tracks.map((t) => present(t, counts.get(t.id) ?? 0));
  });
}

/**
 * The problems of a schedule the schema cannot see: each entry's instrument must exist in the project,
 * its newest version must fit the entry's subjects, and the entry must measure at least once.
 */
async function checkAgainstInstruments(tx: DbOrTx, projectId: string, schedule: MeasurementSchedule) {
  let instruments = await loadProjectInstruments(tx, projectId);
  if (instruments.length === 0) {
    await ensureProjectInstruments(tx, projectId);
    instruments = await loadProjectInstruments(tx, projectId);
  }
  const details = schedule.entries.flatMap((entry, i) => {
    const stored = instruments.find((s) => s.instrument.code === entry.instrumentCode);
    const instrument = stored
      ? { name: stored.instrument.name, version: getLatestVersion(stored.instrument) }
      : undefined;
    return scheduleEntryProblems(entry, instrument).map((problem) => ({
      path: `schedule.entries.${i}.${problem.field}`,
      message: problem.message,
    }));
  });
  if (details.length > 0) {
    throw new AppError("VALIDATION_FAILED", "Måleplanen er ikke udfyldt korrekt.", details);
  }
}

/**
 * Saves a track's planned duration and schedule (null: nothing is measured on the track), and resyncs
 * the measurement-due tasks of the track's courses.
 * @throws AppError NOT_FOUND for a track of another project; VALIDATION_FAILED per entry path.
 */
export async function saveSchedule(
  ctx: ActorContext,
  projectId: string,
  trackId: string,
  input: TrackScheduleInput & { schedule: MeasurementSchedule | null },
): Promise<TrackSchedule> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadProjectFor(ctx, tx, projectId, "project.manage");
    const [current] = await tx
      .select()
      .from(track)
      .where(and(eq(track.id, trackId), eq(track.projectId, p.id)));
    if (!current) throw notFound("Sporet");
    if (input.schedule) await checkAgainstInstruments(tx, p.id, input.schedule);
    const [saved] = await tx
      .update(track)
      .set({ plannedDurationMonths: input.plannedDurationMonths, measurementSchedule: input.schedule })
      .where(eq(track.id, current.id))
      .returning();
    const courses = await tx
      .select({ id: course.id })
      .from(course)
      .where(eq(course.trackId, current.id))
      .orderBy(asc(course.id));
    const today = todayOf(ctx);
    for (const c of courses) await syncMeasurementTasks(tx, c.id, today);
    await ctx.audit(tx, {
      type: "schedule.updated",
      subjectId: current.id,
      organisationId: p.organisationId,
      projectId: p.id,
      payload: { entries: input.schedule?.entries.length ?? 0 },
    });
    return present(saved!, courses.length);
  });
}
