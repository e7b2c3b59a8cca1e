import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type {
  CourseMeasurements,
  MeasurementCorrection,
  MeasurementInput,
  MeasurementRecord,
} from "../../../contracts/progression.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  assessDueMeasurements,
  computeDueMeasurements,
  effectiveMeasurements,
} from "../../../domain/progression/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { measurement } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { loadCourseFor, mayOn, readPurpose } from "../casework/case-access.js";
import { checkMeasurement } from "./check-measurement.js";
import { loadCourseProgress } from "./course-progress.js";
import { ensureProjectInstruments, loadProjectInstruments } from "./instrument-catalogue.js";
import { measurementsOfCourse, presentMeasurements, toDomainMeasurement } from "./measurement-rows.js";
import { syncMeasurementTasks } from "./measurement-task-sync.js";

/*
 * A course's measurements: read them with their due slots, record one, correct one. Reads and writes
 * go through the case-work access rules (the course's case team, the municipality, the project) with
 * the permissions `measurement.read` and `measurement.record`, and are audited.
 */

const courseAudit = (c: { id: string; organisationId: string; projectId: string }) => ({
  subjectId: c.id,
  organisationId: c.organisationId,
  projectId: c.projectId,
});

async function instrumentsOf(tx: DbOrTx, projectId: string) {
  let instruments = await loadProjectInstruments(tx, projectId);
  if (instruments.length === 0) {
    await ensureProjectInstruments(tx, projectId);
    instruments = await loadProjectInstruments(tx, projectId);
  }
  return instruments;
}

/** Everything the measurement tab of a course shows. Audited (measurement.viewed). */
export async function getCourseMeasurements(
  ctx: ActorContext,
  courseId: string,
): Promise<CourseMeasurements> {
  return ctx.db.transaction(async (tx) => {
    const { row, resource, today } = await loadCourseFor(ctx, tx, courseId, "measurement.read");
    const progress = await loadCourseProgress(tx, row, today);
    const instruments = await instrumentsOf(tx, row.projectId);
    const rows = await measurementsOfCourse(tx, courseId);
    const effective = effectiveMeasurements(rows.map(toDomainMeasurement));
    const due = progress.schedule
      ? assessDueMeasurements(
          computeDueMeasurements(progress.schedule, progress.dates, progress.members, {
            goals: progress.goals,
            until: today,
          }),
          effective,
          today,
        ).items
      : [];
    await ctx.audit(tx, {
      type: "measurement.viewed",
      ...courseAudit(row),
      purpose: readPurpose(ctx.actor, resource),
      payload: { section: "measurements" },
    });
    return {
      course: {
        id: row.id,
        familyId: row.familyId,
        state: row.state,
        startedOn: progress.dates.startedOn,
        plannedEndOn: progress.dates.plannedEndOn,
        endedOn: (progress.dates.endedOn ?? null) as CalendarDate | null,
      },
      instruments: instruments.map((i) => i.instrument),
      members: progress.members.map((m) => ({
        personId: m.id,
        name: m.name,
        role: m.role,
        birthDate: m.birthDate,
      })),
      goals: progress.goals.map((g) => ({ id: g.id, ownWords: g.ownWords, personId: g.memberId ?? null })),
      measurements: await presentMeasurements(tx, rows),
      due: due.map((a) => ({
        key: a.due.key,
        instrumentCode: a.due.instrumentCode,
        subject: a.due.subject,
        kind: a.due.kind,
        sequence: a.due.sequence,
        dueOn: a.due.dueOn,
        windowFrom: a.due.windowFrom,
        windowTo: a.due.windowTo,
        status: a.status,
        measurementId: a.measurementId ?? null,
        daysLate: a.daysLate ?? null,
      })),
      canRecord: mayOn(ctx.actor, "measurement.record", resource),
    };
  });
}

/**
 * Records a measurement, or with `replacing` a correction of one: the new row supersedes the old one,
 * which stays (auditors see it) but no longer counts.
 * @throws AppError VALIDATION_FAILED with a message per field; CONFLICT when the record was corrected
 *   by someone else in the meantime.
 */
export async function recordMeasurement(
  ctx: ActorContext,
  courseId: string,
  input: MeasurementInput | MeasurementCorrection,
  replacing?: string,
): Promise<MeasurementRecord> {
  return ctx.db.transaction(async (tx) => {
    const { row, today } = await loadCourseFor(ctx, tx, courseId, "measurement.record");
    // One writer per course at a time, so two simultaneous entries cannot both pass the duplicate check.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`measurement:${row.id}`}))`);
    const progress = await loadCourseProgress(tx, row, today);
    const instruments = await instrumentsOf(tx, row.projectId);
    const rows = await measurementsOfCourse(tx, courseId);
    if (replacing) {
      const old = rows.find((r) => r.id === replacing);
      if (!old) throw new AppError("NOT_FOUND", "Målingen findes ikke i dette forløb.");
      if (old.supersededById) {
        throw new AppError(
          "CONFLICT",
          "Målingen er allerede rettet. Hent siden igen, og ret den nyeste udgave.",
        );
      }
    }
    const effective = effectiveMeasurements(rows.map(toDomainMeasurement));
    const id = randomUUID();
    const checked = checkMeasurement(
      id,
      {
        instrumentCode: input.instrumentCode,
        version: input.version,
        subject: input.subject,
        goalId: input.goalId,
        measuredOn: input.measuredOn as CalendarDate,
        period: input.period as { from: CalendarDate; to: CalendarDate } | undefined,
        respondent: input.respondent,
        values: input.values,
      },
      { progress, instruments, effective, today, ...(replacing ? { replacingId: replacing } : {}) },
    );
    if (!checked.ok) {
      throw new AppError("VALIDATION_FAILED", checked.problems[0]!.message, checked.problems);
    }
    const m = checked.measurement;
    const [inserted] = await tx
      .insert(measurement)
      .values({
        id,
        organisationId: row.organisationId,
        projectId: row.projectId,
        courseId: row.id,
        familyId: row.familyId,
        personId: m.subject.kind === "person" ? m.subject.personId : null,
        goalId: m.goalId ?? null,
        instrumentVersionId: checked.instrumentVersionId,
        instrumentCode: m.instrumentCode,
        instrumentVersion: m.instrumentVersion,
        measuredOn: m.measuredOn,
        periodFrom: m.period?.from ?? null,
        periodTo: m.period?.to ?? null,
        respondent: m.respondent,
        values: m.values,
        scored: m.scored,
        bands: m.bands ?? {},
        note: input.note ?? "",
        supersedesId: replacing ?? null,
        correctionReason: "correctionReason" in input ? input.correctionReason : null,
        recordedBy: ctx.actor.userId,
      })
      .returning();
    if (replacing) {
      const updated = await tx
        .update(measurement)
        .set({ supersededById: id })
        .where(and(eq(measurement.id, replacing), isNull(measurement.supersededById)))
        .returning({ id: measurement.id });
      if (updated.length === 0) {
        throw new AppError(
          "CONFLICT",
          "Målingen er allerede rettet. Hent siden igen, og ret den nyeste udgave.",
        );
      }
    }
    await syncMeasurementTasks(tx, row.id, today);
    await ctx.audit(tx, {
      type: "measurement.recorded",
      ...courseAudit(row),
      payload: { measurementId: id, instrumentCode: m.instrumentCode, supersedes: replacing ?? null },
    });
    const [presented] = await presentMeasurements(tx, [inserted!]);
    return presented!;
  });
}
