import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import {
  type ImportableInstrument,
  type ImportProblem,
  MAX_IMPORT_ROWS,
  MAX_LISTED_PROBLEMS,
  type MeasurementImportCheck,
  type MeasurementImportInput,
  type MeasurementImportOverview,
  type MeasurementImportResult,
  type MeasurementImportSummary,
} from "../../../contracts/progression-import.js";
import { reachOf } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  computeDueMeasurements,
  getLatestVersion,
  type InstrumentVersion,
  type Measurement,
} from "../../../domain/progression/index.js";
import type { ActorContext } from "../../context.js";
import type { DbOrTx } from "../../db/client.js";
import { appUser, measurementImport } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { logError } from "../../http/logger.js";
import { todayOf } from "../casework/case-access.js";
import { checkMeasurement, type MeasurementCandidate, ROLE_WORDS } from "./check-measurement.js";
import type { CourseProgress } from "./course-progress.js";
import { loadCourseProgressMany } from "./course-progress-batch.js";
import {
  ensureProjectInstruments,
  loadProjectInstruments,
  type StoredInstrument,
} from "./instrument-catalogue.js";
import { type CsvTable, fileSha256, parseCsvTable } from "./measurement-csv.js";
import {
  courseOn,
  coursesOfPersons,
  effectiveMeasurementsOf,
  lockCourses,
  personsByCpr,
  recordableOrganisations,
} from "./measurement-import-courses.js";
import { insertImportedMeasurements } from "./measurement-import-insert.js";
import { type ColumnOf, checkMapping, type ImportRow, readImportRows } from "./measurement-import-rows.js";
import { syncMeasurementTasks } from "./measurement-task-sync.js";
import { loadProjectFor } from "./project-access.js";

/*
 * CSV import of measurements (issue 5 §3): a dry run that lists every bad row, and a commit that
 * checks again and writes every row or none. Each row names a person (CPR number or person id); the
 * person's course in the project is the one running on the day measured; then the row passes the same
 * checks as a measurement entered on the form (`checkMeasurement`), and may not repeat another row of
 * the file. A row may only reach courses the user may record on; any other row reads "Personen findes
 * ikke i projektet", as does an unknown person, so the answer never tells what exists elsewhere.
 * Rows are personal data: they are never logged, and the audit events hold counts, ids and the hash.
 */

const NOT_IN_PROJECT = "Personen findes ikke i projektet";

async function instrumentsOf(db: DbOrTx, projectId: string): Promise<StoredInstrument[]> {
  let instruments = await loadProjectInstruments(db, projectId);
  if (instruments.length === 0) {
    await ensureProjectInstruments(db, projectId);
    instruments = await loadProjectInstruments(db, projectId);
  }
  return instruments;
}

/** Instruments a file can fill: about a person or a family, not per plan goal. */
function isImportable(version: InstrumentVersion): boolean {
  return !version.isPerGoal;
}

function presentInstrument(stored: StoredInstrument): ImportableInstrument {
  const v = getLatestVersion(stored.instrument);
  return {
    code: stored.instrument.code,
    name: stored.instrument.name,
    version: v.version,
    subject: v.subjects.includes("person") ? "person" : "family",
    defaultRespondent: v.respondents[0]!,
    respondents: [...v.respondents],
    periodNote: v.periodNote ?? null,
    items: v.items.map((i) => ({
      code: i.code,
      label: i.label,
      isRequired: i.isRequired,
      kind: i.scale.kind === "ordered-categories" ? ("category" as const) : ("number" as const),
    })),
  };
}

async function importableInstrument(db: DbOrTx, projectId: string, code: string) {
  const instruments = await instrumentsOf(db, projectId);
  const stored = instruments.find((i) => i.instrument.code === code);
  if (!stored || !isImportable(getLatestVersion(stored.instrument))) {
    throw new AppError("VALIDATION_FAILED", "Måleredskabet kan ikke importeres i dette projekt", [
      { path: "instrumentCode", message: "Vælg et måleredskab fra listen" },
    ]);
  }
  return { stored, instruments, version: getLatestVersion(stored.instrument) };
}

/** The organisation an import is recorded under: the actor's membership that may record in the project. */
function importingOrganisation(ctx: ActorContext, projectId: string): string {
  const recording = ctx.actor.memberships.filter((m) => reachOf(m.role, "measurement.record") !== undefined);
  const inProject = recording.find((m) =>
    ctx.actor.projectParties.some((p) => p.projectId === projectId && p.organisationId === m.organisationId),
  );
  return (inProject ?? recording[0] ?? ctx.actor.memberships[0]!).organisationId;
}

async function summaries(
  ctx: ActorContext,
  db: DbOrTx,
  where: ReturnType<typeof and>,
  instruments: readonly StoredInstrument[],
  limit = 100,
): Promise<MeasurementImportSummary[]> {
  const rows = await db
    .select({ row: measurementImport, userName: appUser.displayName })
    .from(measurementImport)
    .leftJoin(appUser, eq(appUser.id, measurementImport.createdBy))
    .where(where)
    .orderBy(desc(measurementImport.createdAt))
    .limit(limit);
  const names = new Map(instruments.map((i) => [i.instrument.code, i.instrument.name]));
  const own = new Set(ctx.actor.memberships.map((m) => m.organisationId));
  return rows.map(({ row, userName }) => {
    const isOwnOrganisation = own.has(row.organisationId);
    return {
      id: row.id,
      fileName: isOwnOrganisation ? row.fileName : "",
      instrumentCode: row.instrumentCode,
      instrumentName: names.get(row.instrumentCode) ?? row.instrumentCode,
      rowCount: row.rowCount,
      importedAt: row.createdAt.toISOString(),
      importedByName: isOwnOrganisation ? userName : null,
      isOwnOrganisation,
    };
  });
}

const previousImportOf = async (
  ctx: ActorContext,
  db: DbOrTx,
  projectId: string,
  sha: string,
  instruments: readonly StoredInstrument[],
) =>
  (
    await summaries(
      ctx,
      db,
      and(eq(measurementImport.projectId, projectId), eq(measurementImport.fileSha256, sha)),
      instruments,
      1,
    )
  )[0] ?? null;

/** Parses the file and refuses one that cannot be an import at all (400 for the file as a whole). */
function readFile(input: MeasurementImportInput): { table: CsvTable; sha: string } {
  const table = parseCsvTable(input.csv);
  if (table.rows.length === 0) {
    throw new AppError("VALIDATION_FAILED", "Filen har ingen rækker under overskriften", [
      { path: "csv", message: "Filen har ingen rækker under overskriften" },
    ]);
  }
  if (table.rows.length > MAX_IMPORT_ROWS) {
    const message = `Filen har ${table.rows.length} rækker; højst ${MAX_IMPORT_ROWS} ad gangen. Del den op i flere filer`;
    throw new AppError("VALIDATION_FAILED", message, [{ path: "csv", message }]);
  }
  return { table, sha: fileSha256(input.csv) };
}

/** A row that passed every check, ready to be stored. */
export interface AcceptedRow {
  row: ImportRow;
  course: CourseProgress["row"];
  measurement: Measurement;
  instrumentVersionId: string;
}

/** Rows checked between two batches handed to the commit's writer. */
const PIPELINE_ROWS = 10_000;

/** One subject's measurements of the instrument in one course (stored, then accepted rows) and due windows. */
interface SubjectHistory {
  windows: { from: CalendarDate; to: CalendarDate }[];
  measured: { m: Measurement; row?: ImportRow }[];
}

interface CheckedFile {
  accepted: AcceptedRow[];
  badRows: ImportRow[];
}

/** Checks every row against the database (batched) and the measurement rules; see the file comment. */
async function checkRows(
  ctx: ActorContext,
  tx: DbOrTx,
  o: {
    projectId: string;
    stored: StoredInstrument;
    instruments: readonly StoredInstrument[];
    version: InstrumentVersion;
    rows: ImportRow[];
    columnOf: ColumnOf;
    today: CalendarDate;
    lock: boolean;
    /**
     * The commit's writer: while no row is bad, accepted rows are handed over every `PIPELINE_ROWS`
     * rows, so PostgreSQL stores one batch while the next is checked. A bad row found later throws
     * in the caller, and the transaction takes the written rows back.
     */
    write?: (batch: AcceptedRow[]) => Promise<void>;
  },
): Promise<CheckedFile> {
  const { actor } = ctx;
  const { rows, columnOf, today, version } = o;
  const personColumn = columnOf.get("cpr") ?? columnOf.get("personId") ?? null;

  // Who is who, and their courses in the project.
  const organisations = await recordableOrganisations(tx, actor, o.projectId, today);
  const byCpr = await personsByCpr(
    tx,
    ctx.deps.appKey,
    organisations,
    rows.flatMap((r) => (r.cpr ? [r.cpr] : [])),
  );
  const candidates = (r: ImportRow) => (r.cpr ? (byCpr.get(r.cpr) ?? []) : r.personId ? [r.personId] : []);
  const { byPerson } = await coursesOfPersons(tx, actor, o.projectId, rows.flatMap(candidates), today);
  const placed: { row: ImportRow; personId: string; course: CourseProgress["row"] }[] = [];
  for (const row of rows) {
    const found = candidates(row);
    if (found.length === 0 && !row.cpr && !row.personId) continue; // the cell's own problem says why
    const personId = found.find((p) => byPerson.has(p));
    if (!personId) {
      row.problems.push({ column: personColumn, message: NOT_IN_PROJECT });
      continue;
    }
    if (!row.measuredOn || row.problems.length > 0) continue;
    placed.push({ row, personId, course: courseOn(byPerson.get(personId)!, row.measuredOn)! });
  }

  const courses = new Map(placed.map((p) => [p.course.id, p.course]));
  if (o.lock) await lockCourses(tx, [...courses.keys()]);
  const progressOf = await loadCourseProgressMany(tx, [...courses.values()], today);
  const existingOf = await effectiveMeasurementsOf(tx, [...courses.keys()], o.stored.instrument.code);

  const isPersonInstrument = version.subjects.includes("person");
  const code = o.stored.instrument.code;
  // The schedule of this instrument only, and per subject (course and person) the measurements of it:
  // those already stored and those accepted from the file so far, with their due windows, computed once.
  const ownProgress = new Map<string, CourseProgress>();
  for (const [id, p] of progressOf) {
    const entries = p.schedule?.entries.filter((e) => e.instrumentCode === code);
    ownProgress.set(id, { ...p, schedule: p.schedule && entries ? { ...p.schedule, entries } : null });
  }
  const subjects = new Map<string, SubjectHistory>();
  const historyOf = (courseId: string, personId: string): SubjectHistory => {
    const key = isPersonInstrument ? `${courseId}|${personId}` : courseId;
    let h = subjects.get(key);
    if (!h) {
      const progress = ownProgress.get(courseId)!;
      const isSame = (s: { kind: string; personId?: string }) =>
        isPersonInstrument ? s.kind === "person" && s.personId === personId : s.kind === "family";
      h = {
        windows: progress.schedule
          ? computeDueMeasurements(progress.schedule, progress.dates, progress.members, {
              goals: progress.goals,
              until: today,
            })
              .filter((slot) => slot.instrumentCode === code && isSame(slot.subject))
              .map((slot) => ({ from: slot.windowFrom, to: slot.windowTo }))
          : [],
        measured: (existingOf.get(courseId) ?? []).filter((m) => isSame(m.subject)).map((m) => ({ m })),
      };
      subjects.set(key, h);
    }
    return h;
  };
  const accepted: AcceptedRow[] = [];
  let isClean = !rows.some((r) => r.problems.length > 0);
  let handedOver = 0;
  let writing: Promise<void> = Promise.resolve();
  let writeFailure: unknown;
  const handOver = () => {
    isClean &&= !placed.some((p) => p.row.problems.length > 0);
    if (!o.write || !isClean || accepted.length === handedOver) return;
    const batch = accepted.slice(handedOver);
    handedOver = accepted.length;
    const write = o.write;
    // Caught at once (an unhandled rejection would stop the process) and thrown after the loop.
    writing = writing
      .then(() => (writeFailure === undefined ? write(batch) : undefined))
      .catch((error: unknown) => {
        writeFailure ??= error;
      });
  };

  for (const [index, { row, personId, course }] of placed.entries()) {
    if (o.write && index > 0 && index % PIPELINE_ROWS === 0) {
      handOver();
      // Let the batch go out to the database before checking on.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const progress = ownProgress.get(course.id)!;
    const history = historyOf(course.id, personId);
    const candidate: MeasurementCandidate = {
      instrumentCode: code,
      subject: isPersonInstrument ? { kind: "person", personId } : { kind: "family" },
      measuredOn: row.measuredOn!,
      period: row.period,
      respondent: row.respondent,
      values: row.values,
    };
    const context = { progress, instruments: o.instruments, today };
    // Only measurements that can clash (the same day, or a due window shared with this day) go to the
    // check: it then computes the due slots only for a real clash, not for each of 100,000 rows.
    const day = candidate.measuredOn;
    const clashing = history.measured.filter(
      ({ m }) =>
        m.measuredOn === day ||
        history.windows.some(
          (w) => w.from <= day && day <= w.to && w.from <= m.measuredOn && m.measuredOn <= w.to,
        ),
    );
    const checked = checkMeasurement(randomUUID(), candidate, {
      ...context,
      effective: clashing.flatMap((c) => (c.row ? [] : [c.m])),
    });
    if (!checked.ok) {
      for (const p of checked.problems) {
        row.problems.push({ column: columnOfPath(p.path, columnOf, personColumn), message: p.message });
      }
      continue;
    }
    // A clash with an earlier row of the file: name that row (the stored-measurement message would
    // send the user to a measurement that does not exist yet).
    const earlier = clashing.find(
      (c) => c.row && !checkMeasurement("x", candidate, { ...context, effective: [c.m] }).ok,
    )?.row;
    if (earlier) {
      const who = isPersonInstrument ? "samme person" : "familien";
      row.problems.push({
        column: columnOf.get("measuredOn") ?? null,
        message: `Række ${earlier.rowNumber} har allerede en måling for ${who} ${
          clashing.some((c) => c.row === earlier && c.m.measuredOn === day)
            ? "samme dag"
            : "i samme måleperiode"
        }`,
      });
      continue;
    }
    const role = progress.members.find((m) => m.id === personId)?.role;
    if (isPersonInstrument && version.memberRoles && role && !version.memberRoles.includes(role)) {
      row.problems.push({
        column: personColumn,
        message: `${o.stored.instrument.name} måles kun for ${version.memberRoles.map((r) => ROLE_WORDS[r]).join(" og ")}`,
      });
      continue;
    }
    history.measured.push({ m: checked.measurement, row });
    accepted.push({
      row,
      course,
      measurement: checked.measurement,
      instrumentVersionId: checked.instrumentVersionId,
    });
  }
  handOver();
  await writing;
  if (writeFailure !== undefined) throw writeFailure;
  return { accepted, badRows: rows.filter((r) => r.problems.length > 0) };
}

/** The CSV column a problem of `checkMeasurement` belongs to (its path is a request path). */
function columnOfPath(path: string, columnOf: ColumnOf, personColumn: string | null): string | null {
  if (path.startsWith("values.")) return columnOf.get(path.slice("values.".length)) ?? null;
  if (path === "measuredOn") return columnOf.get("measuredOn") ?? null;
  if (path.startsWith("period")) return columnOf.get("periodTo") ?? columnOf.get("measuredOn") ?? null;
  if (path.startsWith("subject")) return personColumn;
  if (path === "respondent") return columnOf.get("respondent") ?? null;
  return null;
}

function problemsOf(badRows: readonly ImportRow[]): { problems: ImportProblem[]; isTruncated: boolean } {
  const problems: ImportProblem[] = [];
  for (const r of badRows) {
    for (const p of r.problems) {
      if (problems.length === MAX_LISTED_PROBLEMS) return { problems, isTruncated: true };
      problems.push({ row: r.rowNumber, column: p.column, cprMasked: r.cprMasked, message: p.message });
    }
  }
  return { problems, isTruncated: false };
}

const auditScope = (ctx: ActorContext, projectId: string) => ({
  organisationId: importingOrganisation(ctx, projectId),
  projectId,
});

/**
 * The dry run: every bad row with its row number, column and a Danish reason, and the number of good
 * rows. Changes nothing but the audit log (measurement.import_checked).
 */
export async function checkMeasurementImport(
  ctx: ActorContext,
  projectId: string,
  input: MeasurementImportInput,
): Promise<MeasurementImportCheck> {
  const today = todayOf(ctx);
  const { table, sha } = readFile(input);
  return ctx.db.transaction(async (tx) => {
    await loadProjectFor(ctx, tx, projectId, "project.read");
    const { stored, instruments, version } = await importableInstrument(tx, projectId, input.instrumentCode);
    const base = { fileSha256: sha, delimiter: table.delimiter, rowCount: table.rows.length };
    const previousImport = await previousImportOf(ctx, tx, projectId, sha, instruments);
    let result: MeasurementImportCheck;
    if (previousImport) {
      const none = { goodRowCount: 0, badRowCount: 0, courseCount: 0, problems: [], isTruncated: false };
      result = { ...base, ...none, previousImport };
    } else {
      const columnOf = checkMapping(table.headers, input.mapping, version);
      const rows = readImportRows(table, columnOf, version, today);
      const checked = await checkRows(ctx, tx, {
        projectId,
        stored,
        instruments,
        version,
        rows,
        columnOf,
        today,
        lock: false,
      });
      result = {
        ...base,
        goodRowCount: checked.accepted.length,
        badRowCount: checked.badRows.length,
        courseCount: new Set(checked.accepted.map((a) => a.course.id)).size,
        ...problemsOf(checked.badRows),
        previousImport: null,
      };
    }
    await ctx.audit(tx, {
      type: "measurement.import_checked",
      ...auditScope(ctx, projectId),
      payload: {
        instrumentCode: stored.instrument.code,
        rows: result.rowCount,
        badRows: result.badRowCount,
        fileSha256: sha,
      },
    });
    return result;
  });
}

/**
 * The commit: the same checks again, under the locks that single recordings take, then every row in
 * one transaction — or, with any bad row, nothing (400 with the list). The same file a second time adds
 * nothing and answers with the first import. The courses' measurement tasks are synced afterwards.
 * @throws AppError VALIDATION_FAILED with a detail per problem (`rows.<row>.<column>`).
 */
export async function commitMeasurementImport(
  ctx: ActorContext,
  projectId: string,
  input: MeasurementImportInput,
): Promise<{ result: MeasurementImportResult; isNew: boolean }> {
  const today = todayOf(ctx);
  const { table, sha } = readFile(input);
  const outcome = await ctx.db
    .transaction(async (tx) => {
      await loadProjectFor(ctx, tx, projectId, "project.read");
      // One import per project at a time: the second of two identical files then sees the first.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`measurement-import:${projectId}`}))`);
      const { stored, instruments, version } = await importableInstrument(
        tx,
        projectId,
        input.instrumentCode,
      );
      const previous = await previousImportOf(ctx, tx, projectId, sha, instruments);
      if (previous) {
        return {
          kind: "done" as const,
          isNew: false,
          result: { status: "already-imported" as const, import: previous, addedCount: 0, courseCount: 0 },
          courseIds: [],
        };
      }
      const columnOf = checkMapping(table.headers, input.mapping, version);
      const rows = readImportRows(table, columnOf, version, today);
      const scope = auditScope(ctx, projectId);
      // Every row is written or none: the row count is the file's, the transaction undoes a refusal.
      const importedAt = ctx.now();
      const [row] = await tx
        .insert(measurementImport)
        .values({
          projectId,
          organisationId: scope.organisationId,
          instrumentCode: stored.instrument.code,
          fileName: input.fileName,
          fileSha256: sha,
          mapping: input.mapping,
          rowCount: rows.length,
          createdBy: ctx.actor.userId,
          createdAt: importedAt,
        })
        .returning();
      const written = { importId: row!.id, recordedBy: ctx.actor.userId, recordedAt: importedAt };
      const checked = await checkRows(ctx, tx, {
        projectId,
        stored,
        instruments,
        version,
        rows,
        columnOf,
        today,
        lock: true,
        write: (batch) => insertImportedMeasurements(tx, batch, written),
      });
      if (checked.accepted.length + checked.badRows.length !== rows.length) {
        throw new Error("Every row of an import is either accepted or bad");
      }
      if (checked.badRows.length > 0) {
        throw new RefusedImport(checked.badRows, {
          instrumentCode: stored.instrument.code,
          rows: rows.length,
        });
      }
      await ctx.audit(tx, {
        type: "measurement.imported",
        ...scope,
        payload: {
          importId: row!.id,
          instrumentCode: stored.instrument.code,
          rows: checked.accepted.length,
          fileSha256: sha,
        },
      });
      const courseIds = [...new Set(checked.accepted.map((a) => a.course.id))];
      const [summary] = await summaries(ctx, tx, eq(measurementImport.id, row!.id), instruments, 1);
      return {
        kind: "done" as const,
        isNew: true,
        result: {
          status: "imported" as const,
          import: summary!,
          addedCount: checked.accepted.length,
          courseCount: courseIds.length,
        },
        courseIds,
      };
    })
    .catch((error: unknown) => {
      if (error instanceof RefusedImport) return { kind: "refused" as const, refused: error };
      throw error;
    });
  if (outcome.kind === "refused") {
    const { badRows, counts } = outcome.refused;
    // The refusal is audited on its own: the transaction that read the rows was undone.
    await ctx.db.transaction((tx) =>
      ctx.audit(tx, {
        type: "measurement.import_checked",
        ...auditScope(ctx, projectId),
        payload: { ...counts, badRows: badRows.length, fileSha256: sha },
      }),
    );
    const { problems } = problemsOf(badRows);
    const n = badRows.length;
    throw new AppError(
      "VALIDATION_FAILED",
      `${n === 1 ? "1 række har" : `${n} rækker har`} fejl, så intet er importeret. Ret filen, og prøv igen.`,
      problems.map((p) => ({ path: `rows.${p.row}${p.column ? `.${p.column}` : ""}`, message: p.message })),
    );
  }
  await syncTasksAfterImport(ctx, outcome.courseIds, today);
  return { result: outcome.result, isNew: outcome.isNew };
}

/** Thrown inside the commit's transaction when a row is bad, so that rows already written are undone. */
class RefusedImport extends Error {
  constructor(
    readonly badRows: ImportRow[],
    readonly counts: { instrumentCode: string; rows: number },
  ) {
    super("The import has bad rows");
  }
}

/** How long the commit request itself spends bringing measurement tasks up to date. */
const INLINE_TASK_SYNC_MS = 500;

/**
 * Measurement tasks of the imported courses, one short transaction each (PGlite serves other requests
 * in between). A usual file (a school's families) is done before the answer; a very large one goes on
 * in the background after the answer — the rows are stored already, tasks are derived from them, and
 * the periodic sync (daily-task-sync.ts) catches up after a restart. A failure is logged, not answered.
 */
async function syncTasksAfterImport(ctx: ActorContext, courseIds: readonly string[], today: CalendarDate) {
  const started = performance.now();
  const syncOne = async (courseId: string) => {
    try {
      await ctx.db.transaction((tx) => syncMeasurementTasks(tx, courseId, today));
    } catch (error) {
      logError(ctx.requestId, error);
    }
  };
  let next = 0;
  while (next < courseIds.length && performance.now() - started < INLINE_TASK_SYNC_MS) {
    await syncOne(courseIds[next++]!);
  }
  const rest = courseIds.slice(next);
  if (rest.length === 0) return;
  void (async () => {
    for (const courseId of rest) await syncOne(courseId);
  })();
}

/** What the import page needs: the instruments a file can fill, and the history of imports. */
export async function getMeasurementImportOverview(
  ctx: ActorContext,
  projectId: string,
): Promise<MeasurementImportOverview> {
  return ctx.db.transaction(async (tx) => {
    await loadProjectFor(ctx, tx, projectId, "project.read");
    const instruments = await instrumentsOf(tx, projectId);
    const own = [...new Set(ctx.actor.memberships.map((m) => m.organisationId))];
    return {
      instruments: instruments
        .filter((i) => isImportable(getLatestVersion(i.instrument)))
        .map(presentInstrument),
      imports: await summaries(
        ctx,
        tx,
        and(eq(measurementImport.projectId, projectId), inArray(measurementImport.organisationId, own)),
        instruments,
      ),
    };
  });
}
