import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import type { AcceptedRow } from "./measurement-import.service.js";

/*
 * Writes the rows of an import: ten thousand measurements per statement, each column passed as one
 * array parameter and zipped by `unnest` — no 65,535-parameter limit of a multi-row VALUES, no huge
 * query text, and measured 2× faster than one JSON parameter unpacked by `json_to_recordset` (parsing
 * JSON dominated). What every row of an import shares (the instrument version, the import, who and
 * when) is one scalar; the municipality, project and family come from the course by a join. Ids are
 * the database's default. (The column of `measurement.recordedAt` is `created_at`.)
 */

const CHUNK = 10_000;

/** A PostgreSQL array literal, every element quoted: `{"a","b\"c",NULL}`. */
function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`)).join(",")}}`;
}

/** Inserts the accepted rows as measurements of the import, in the caller's transaction. */
export async function insertImportedMeasurements(
  tx: DbOrTx,
  accepted: readonly AcceptedRow[],
  o: { importId: string; recordedBy: string; recordedAt: Date },
): Promise<void> {
  const first = accepted[0];
  if (!first) return;
  const versionId = first.instrumentVersionId;
  // Every row is scored with the instrument's newest version; the scalar below relies on it.
  if (accepted.some((a) => a.instrumentVersionId !== versionId)) {
    throw new Error("An import writes one instrument version");
  }
  const m0 = first.measurement;
  for (let start = 0; start < accepted.length; start += CHUNK) {
    const chunk = accepted.slice(start, start + CHUNK);
    const column = (f: (a: AcceptedRow) => string | null) => arrayLiteral(chunk.map(f));
    const json = (f: (a: AcceptedRow) => unknown) => JSON.stringify(chunk.map(f));
    await tx.execute(sql`
      insert into measurement (organisation_id, project_id, course_id, family_id, person_id,
        instrument_version_id, instrument_code, instrument_version, measured_on, period_from, period_to,
        respondent, "values", scored, bands, note, import_id, recorded_by, created_at)
      select c.organisation_id, c.project_id, r.course_id, c.family_id, r.person_id,
        ${versionId}::uuid, ${m0.instrumentCode}, ${m0.instrumentVersion}::integer, r.measured_on,
        r.period_from, r.period_to, r.respondent, r.vals, r.scored, r.bands, r.note,
        ${o.importId}::uuid, ${o.recordedBy}::uuid, ${o.recordedAt.toISOString()}::timestamptz
      from unnest(
        ${column((a) => a.course.id)}::uuid[],
        ${column((a) => (a.measurement.subject.kind === "person" ? a.measurement.subject.personId : null))}::uuid[],
        ${column((a) => a.measurement.measuredOn)}::date[],
        ${column((a) => a.measurement.period?.from ?? null)}::date[],
        ${column((a) => a.measurement.period?.to ?? null)}::date[],
        ${column((a) => a.measurement.respondent)}::text[],
        ${column((a) => a.row.note)}::text[],
        array(select e from jsonb_array_elements(${json((a) => a.measurement.values)}::jsonb) with ordinality x(e, i) order by i),
        array(select e from jsonb_array_elements(${json((a) => a.measurement.scored)}::jsonb) with ordinality x(e, i) order by i),
        array(select e from jsonb_array_elements(${json((a) => a.measurement.bands ?? {})}::jsonb) with ordinality x(e, i) order by i)
      ) as r(course_id, person_id, measured_on, period_from, period_to, respondent, note, vals, scored, bands)
      join course c on c.id = r.course_id`);
  }
}
