import { and, eq, sql } from "drizzle-orm";
import { ZodError } from "zod";
import {
  type InstrumentVersionInput,
  type ProjectInstrument,
  scheduleSubjectsProblem,
} from "../../../contracts/progression.js";
import {
  addInstrumentVersion,
  getLatestVersion,
  type Instrument,
  type InstrumentVersion,
  InstrumentVersionSchema,
  type ScheduleSubjects,
} from "../../../domain/progression/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { instrument, instrumentVersion, measurement, track } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import {
  ensureProjectInstruments,
  loadProjectInstruments,
  type StoredInstrument,
} from "./instrument-catalogue.js";
import { loadProjectFor, pgErrorCode } from "./project-access.js";

/*
 * A project's instruments (issue 5 §1): list them, add one, succeed a version, edit a version nobody has
 * measured with yet. A version in use never changes (measurements keep the version they were scored
 * with; the trigger in migrations/0008 refuses it too): the answer is a new version.
 */

type StoredVersion = StoredInstrument["versions"][number];

/**
 * The project's versions that have scored a measurement. (Read here rather than from
 * `StoredInstrument.isInUse`, whose subquery compares unqualified columns and so never matches.)
 */
async function versionsInUse(tx: DbOrTx, projectId: string): Promise<Set<string>> {
  const rows = await tx
    .select({ id: instrumentVersion.id })
    .from(instrumentVersion)
    .innerJoin(instrument, eq(instrument.id, instrumentVersion.instrumentId))
    .where(
      and(
        eq(instrumentVersion.projectId, projectId),
        // project and code first, so the lookup uses measurement_project_instrument_idx.
        sql`exists (select 1 from measurement m where m.project_id = ${instrumentVersion.projectId}
          and m.instrument_code = ${instrument.code} and m.instrument_version_id = ${instrumentVersion.id})`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** The instrument as the API sends it: every version with its definition and whether it is in use. */
function present(stored: StoredInstrument, inUse: ReadonlySet<string>): ProjectInstrument {
  const definitions = new Map(stored.instrument.versions.map((v) => [v.version, v]));
  return {
    id: stored.id,
    projectId: stored.projectId,
    code: stored.instrument.code,
    name: stored.instrument.name,
    nameEn: stored.instrument.nameEn ?? null,
    description: stored.instrument.description ?? "",
    isBuiltin: stored.isBuiltin,
    versions: stored.versions.map((v: StoredVersion) => ({
      id: v.id,
      version: v.version,
      isInUse: inUse.has(v.id),
      createdAt: v.createdAt.toISOString(),
      definition: definitions.get(v.version)!,
    })),
  };
}

/** The project's instruments; the shipped ones are copied in the first time. */
async function instrumentsOf(tx: DbOrTx, projectId: string): Promise<StoredInstrument[]> {
  const stored = await loadProjectInstruments(tx, projectId);
  if (stored.length > 0) return stored;
  await ensureProjectInstruments(tx, projectId);
  return loadProjectInstruments(tx, projectId);
}

async function presentOne(tx: DbOrTx, projectId: string, instrumentId: string): Promise<ProjectInstrument> {
  const stored = (await loadProjectInstruments(tx, projectId)).find((i) => i.id === instrumentId);
  if (!stored) throw notFound("Måleredskabet");
  return present(stored, await versionsInUse(tx, projectId));
}

/** The project's instruments with all their versions (for anyone who may read the project). */
export async function listInstruments(ctx: ActorContext, projectId: string): Promise<ProjectInstrument[]> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadProjectFor(ctx, tx, projectId, "project.read");
    const stored = await instrumentsOf(tx, p.id);
    const inUse = await versionsInUse(tx, p.id);
    return stored.map((s) => present(s, inUse));
  });
}

const codeTaken = (code: string) =>
  new AppError("VALIDATION_FAILED", "Koden bruges allerede i projektet.", [
    { path: "code", message: `Projektet har allerede et måleredskab med koden ${code}` },
  ]);

/**
 * Adds an instrument with its version 1. The code must be new in the project (schedules and outcome
 * rules refer to it).
 * @throws AppError VALIDATION_FAILED (path `code`) when the code is taken.
 */
export async function createInstrument(
  ctx: ActorContext,
  projectId: string,
  input: Instrument,
): Promise<ProjectInstrument> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadProjectFor(ctx, tx, projectId, "project.manage");
    // The shipped instruments first, so a project's own instrument can never take one of their codes.
    await ensureProjectInstruments(tx, p.id);
    const [clash] = await tx
      .select({ id: instrument.id })
      .from(instrument)
      .where(and(eq(instrument.projectId, p.id), eq(instrument.code, input.code)));
    if (clash) throw codeTaken(input.code);
    const first = input.versions[0]!;
    let instrumentId: string;
    try {
      const [row] = await tx
        .insert(instrument)
        .values({
          projectId: p.id,
          code: input.code,
          name: input.name,
          nameEn: input.nameEn ?? null,
          description: input.description ?? "",
          isBuiltin: false,
          createdBy: ctx.actor.userId,
        })
        .returning({ id: instrument.id });
      instrumentId = row!.id;
    } catch (error) {
      if (pgErrorCode(error) === "23505") throw codeTaken(input.code);
      throw error;
    }
    await tx.insert(instrumentVersion).values({
      instrumentId,
      projectId: p.id,
      version: first.version,
      definition: first,
      createdBy: ctx.actor.userId,
    });
    await ctx.audit(tx, {
      type: "instrument.created",
      subjectId: instrumentId,
      organisationId: p.organisationId,
      projectId: p.id,
      payload: { code: input.code },
    });
    return presentOne(tx, p.id, instrumentId);
  });
}

/** The instrument row of the project, locked against a second writer of its versions. */
async function lockInstrument(tx: DbOrTx, projectId: string, instrumentId: string) {
  const [row] = await tx
    .select()
    .from(instrument)
    .where(and(eq(instrument.id, instrumentId), eq(instrument.projectId, projectId)))
    .for("update");
  if (!row) throw notFound("Måleredskabet");
  const stored = (await loadProjectInstruments(tx, projectId)).find((i) => i.id === row.id)!;
  return { row, stored };
}

/** The draft as sent: an object; a `version` in it is ignored (the server numbers versions). */
function draftOf(definition: unknown): Record<string, unknown> {
  if (definition === null || typeof definition !== "object" || Array.isArray(definition)) {
    throw new AppError("VALIDATION_FAILED", "Versionens indhold mangler.", [
      { path: "definition", message: "Angiv versionens spørgsmål og scoringer" },
    ]);
  }
  const { version: _ignored, ...draft } = definition as Record<string, unknown>;
  return draft;
}

/** The domain's problems with a definition, keyed by request path (`definition.items.1.scale.max`). */
function definitionProblems(error: ZodError): AppError {
  return new AppError(
    "VALIDATION_FAILED",
    "Versionen er ikke udfyldt korrekt.",
    error.issues.map((i) => ({ path: ["definition", ...i.path].join("."), message: i.message })),
  );
}

const SUBJECT_NAMES_DA: Record<ScheduleSubjects, string> = {
  family: "familien",
  "each-child": "hvert barn",
  "each-adult": "hver voksen",
  "each-parent": "hver forælder",
  "each-member": "hvert familiemedlem",
  "each-goal": "hvert mål",
};

/**
 * A version that new measurements will use must fit every track schedule that measures the
 * instrument (else the schedule would owe measurements nobody can record).
 * @throws AppError VALIDATION_FAILED (path `definition.subjects`) naming the track.
 */
async function checkFitsSchedules(
  tx: DbOrTx,
  projectId: string,
  code: string,
  name: string,
  version: InstrumentVersion,
) {
  const tracks = await tx
    .select({ name: track.name, schedule: track.measurementSchedule })
    .from(track)
    .where(eq(track.projectId, projectId));
  const details = tracks.flatMap((t) =>
    (t.schedule?.entries ?? [])
      .filter((e) => e.instrumentCode === code)
      .flatMap((e) => {
        const problem = scheduleSubjectsProblem({ name, version }, e.subjects);
        return problem
          ? [
              {
                path: "definition.subjects",
                message: `${problem}, men måleplanen for ${t.name} måler for ${SUBJECT_NAMES_DA[e.subjects]}. Ret måleplanen først.`,
              },
            ]
          : [];
      }),
  );
  if (details.length > 0) {
    throw new AppError("VALIDATION_FAILED", "Versionen passer ikke til projektets måleplaner.", details);
  }
}

/** Name and description of the instrument, when the form changed them. */
async function updateInstrumentTexts(
  tx: DbOrTx,
  row: typeof instrument.$inferSelect,
  input: InstrumentVersionInput,
) {
  const changes = {
    ...(input.name !== undefined && input.name !== row.name ? { name: input.name } : {}),
    ...(input.nameEn !== undefined && (input.nameEn || null) !== row.nameEn
      ? { nameEn: input.nameEn || null }
      : {}),
    ...(input.description !== undefined && input.description !== row.description
      ? { description: input.description }
      : {}),
  };
  if (Object.keys(changes).length > 0) {
    await tx.update(instrument).set(changes).where(eq(instrument.id, row.id));
  }
}

/**
 * Succeeds the newest version of an instrument with a new one (number n + 1, `addInstrumentVersion`).
 * Earlier versions stay as they are, and so do the measurements scored with them.
 * @throws AppError VALIDATION_FAILED per path; STALE_VERSION when `basedOnVersion` is no longer the newest.
 */
export async function addVersion(
  ctx: ActorContext,
  projectId: string,
  instrumentId: string,
  input: InstrumentVersionInput,
): Promise<ProjectInstrument> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadProjectFor(ctx, tx, projectId, "project.manage");
    const { row, stored } = await lockInstrument(tx, p.id, instrumentId);
    const newest = getLatestVersion(stored.instrument).version;
    if (input.basedOnVersion !== undefined && input.basedOnVersion !== newest) {
      throw new AppError(
        "STALE_VERSION",
        `Nogen har gemt version ${newest} af ${row.name}, mens du skrev. Hent siden igen, og tag udgangspunkt i den nyeste version.`,
      );
    }
    let next: InstrumentVersion;
    try {
      next = getLatestVersion(
        addInstrumentVersion(
          stored.instrument,
          draftOf(input.definition) as Parameters<typeof addInstrumentVersion>[1],
        ),
      );
    } catch (error) {
      if (error instanceof ZodError) throw definitionProblems(error);
      throw error;
    }
    await checkFitsSchedules(tx, p.id, row.code, input.name ?? row.name, next);
    await tx.insert(instrumentVersion).values({
      instrumentId: row.id,
      projectId: p.id,
      version: next.version,
      definition: next,
      createdBy: ctx.actor.userId,
    });
    await updateInstrumentTexts(tx, row, input);
    await ctx.audit(tx, {
      type: "instrument.version_saved",
      subjectId: row.id,
      organisationId: p.organisationId,
      projectId: p.id,
      payload: { version: next.version, isNew: true },
    });
    return presentOne(tx, p.id, row.id);
  });
}

const versionInUse = (name: string, version: number) =>
  new AppError(
    "CONFLICT",
    `Version ${version} af ${name} er brugt til målinger og kan ikke længere ændres. Lav en ny version i stedet – målingerne beholder den version, de blev scoret med.`,
  );

/**
 * Edits a version no measurement has used yet (e.g. a mistake found before the first measurement).
 * @throws AppError CONFLICT when the version is in use; VALIDATION_FAILED per path.
 */
export async function editVersion(
  ctx: ActorContext,
  projectId: string,
  instrumentId: string,
  versionNo: number,
  input: InstrumentVersionInput,
): Promise<ProjectInstrument> {
  return ctx.db.transaction(async (tx) => {
    const p = await loadProjectFor(ctx, tx, projectId, "project.manage");
    const { row, stored } = await lockInstrument(tx, p.id, instrumentId);
    // FOR UPDATE waits for a measurement being stored with this version right now (its foreign key
    // holds a share lock on the row), so the check below sees it.
    const [versionRow] = await tx
      .select({ id: instrumentVersion.id })
      .from(instrumentVersion)
      .where(and(eq(instrumentVersion.instrumentId, row.id), eq(instrumentVersion.version, versionNo)))
      .for("update");
    if (!versionRow) throw notFound("Versionen");
    const [used] = await tx
      .select({ id: measurement.id })
      .from(measurement)
      .where(
        and(
          eq(measurement.projectId, p.id),
          eq(measurement.instrumentCode, row.code),
          eq(measurement.instrumentVersionId, versionRow.id),
        ),
      )
      .limit(1);
    if (used) throw versionInUse(row.name, versionNo);
    const parsed = InstrumentVersionSchema.safeParse({ ...draftOf(input.definition), version: versionNo });
    if (!parsed.success) throw definitionProblems(parsed.error);
    if (versionNo === getLatestVersion(stored.instrument).version) {
      await checkFitsSchedules(tx, p.id, row.code, input.name ?? row.name, parsed.data);
    }
    try {
      await tx
        .update(instrumentVersion)
        .set({ definition: parsed.data })
        .where(eq(instrumentVersion.id, versionRow.id));
    } catch (error) {
      // The database's own guard (migrations/0008): the version was used after all.
      if (pgErrorCode(error) === "42501") throw versionInUse(row.name, versionNo);
      throw error;
    }
    await updateInstrumentTexts(tx, row, input);
    await ctx.audit(tx, {
      type: "instrument.version_saved",
      subjectId: row.id,
      organisationId: p.organisationId,
      projectId: p.id,
      payload: { version: versionNo, isNew: false },
    });
    return presentOne(tx, p.id, row.id);
  });
}
