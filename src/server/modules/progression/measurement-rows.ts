import { eq, inArray } from "drizzle-orm";
import type { MeasurementRecord } from "../../../contracts/progression.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import type { Measurement } from "../../../domain/progression/index.js";
import type { DbOrTx } from "../../db/client.js";
import { appUser, measurement } from "../../db/schema/index.js";

/** A stored measurement row. */
export type MeasurementRow = typeof measurement.$inferSelect;

/** The domain's view of a stored row (what trends, schedules and outcome rules read). */
export function toDomainMeasurement(r: MeasurementRow): Measurement {
  return {
    id: r.id,
    subject: r.personId ? { kind: "person", personId: r.personId } : { kind: "family", familyId: r.familyId },
    instrumentCode: r.instrumentCode,
    instrumentVersion: r.instrumentVersion,
    ...(r.goalId ? { goalId: r.goalId } : {}),
    measuredOn: r.measuredOn as CalendarDate,
    ...(r.periodFrom && r.periodTo
      ? { period: { from: r.periodFrom as CalendarDate, to: r.periodTo as CalendarDate } }
      : {}),
    respondent: r.respondent,
    values: r.values,
    scored: r.scored,
    ...(Object.keys(r.bands).length > 0 ? { bands: r.bands } : {}),
    ...(r.supersedesId ? { supersedes: r.supersedesId } : {}),
  };
}

/** Every measurement of a course (corrected ones included), oldest day first. */
export async function measurementsOfCourse(db: DbOrTx, courseId: string): Promise<MeasurementRow[]> {
  return db
    .select()
    .from(measurement)
    .where(eq(measurement.courseId, courseId))
    .orderBy(measurement.measuredOn, measurement.recordedAt);
}

/** The API shape of stored rows, with the names of who recorded them. */
export async function presentMeasurements(
  db: DbOrTx,
  rows: readonly MeasurementRow[],
): Promise<MeasurementRecord[]> {
  const userIds = [...new Set(rows.flatMap((r) => (r.recordedBy ? [r.recordedBy] : [])))];
  const users =
    userIds.length === 0
      ? []
      : await db
          .select({ id: appUser.id, name: appUser.displayName })
          .from(appUser)
          .where(inArray(appUser.id, userIds));
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    courseId: r.courseId,
    subject: r.personId
      ? { kind: "person" as const, personId: r.personId }
      : { kind: "family" as const, familyId: r.familyId },
    goalId: r.goalId,
    instrumentCode: r.instrumentCode,
    instrumentVersion: r.instrumentVersion,
    measuredOn: r.measuredOn as CalendarDate,
    period:
      r.periodFrom && r.periodTo
        ? { from: r.periodFrom as CalendarDate, to: r.periodTo as CalendarDate }
        : null,
    respondent: r.respondent,
    values: r.values,
    scored: r.scored,
    bands: r.bands,
    note: r.note,
    supersedesId: r.supersedesId,
    supersededById: r.supersededById,
    correctionReason: r.correctionReason,
    importId: r.importId,
    recordedAt: r.recordedAt.toISOString(),
    recordedByName: r.recordedBy ? (names.get(r.recordedBy) ?? null) : null,
  }));
}
