import { asc, eq, inArray, sql } from "drizzle-orm";
import { BUILTIN_INSTRUMENTS, type Instrument, InstrumentSchema } from "../../../domain/progression/index.js";
import type { DbOrTx } from "../../db/client.js";
import { instrument, instrumentVersion, measurement } from "../../db/schema/index.js";

/*
 * A project's instruments as the domain sees them (`Instrument` with all its versions), read from the
 * `instrument` and `instrument_version` tables. The shipped instruments (`BUILTIN_INSTRUMENTS`) are
 * copied into a project the first time it needs them, so a project admin can succeed a shipped version
 * without touching other projects.
 */

/** One stored instrument with its versions' row ids and whether each version is in use. */
export interface StoredInstrument {
  id: string;
  projectId: string;
  isBuiltin: boolean;
  instrument: Instrument;
  versions: { id: string; version: number; isInUse: boolean; createdAt: Date }[];
}

/** Copies the shipped instruments the project does not have yet (idempotent). */
export async function ensureProjectInstruments(tx: DbOrTx, projectId: string): Promise<number> {
  const have = await tx
    .select({ code: instrument.code })
    .from(instrument)
    .where(eq(instrument.projectId, projectId));
  const codes = new Set(have.map((r) => r.code));
  let added = 0;
  for (const builtin of BUILTIN_INSTRUMENTS) {
    if (codes.has(builtin.code)) continue;
    const [row] = await tx
      .insert(instrument)
      .values({
        projectId,
        code: builtin.code,
        name: builtin.name,
        nameEn: builtin.nameEn ?? null,
        description: builtin.description ?? "",
        isBuiltin: true,
      })
      .onConflictDoNothing()
      .returning({ id: instrument.id });
    if (!row) continue;
    await tx
      .insert(instrumentVersion)
      .values(
        builtin.versions.map((v) => ({ instrumentId: row.id, projectId, version: v.version, definition: v })),
      );
    added++;
  }
  return added;
}

/** The project's instruments, by code order of creation, each with all its versions (oldest first). */
export async function loadProjectInstruments(db: DbOrTx, projectId: string): Promise<StoredInstrument[]> {
  const instruments = await db
    .select()
    .from(instrument)
    .where(eq(instrument.projectId, projectId))
    .orderBy(asc(instrument.createdAt), asc(instrument.code));
  if (instruments.length === 0) return [];
  const versions = await db
    .select({
      id: instrumentVersion.id,
      instrumentId: instrumentVersion.instrumentId,
      version: instrumentVersion.version,
      definition: instrumentVersion.definition,
      createdAt: instrumentVersion.createdAt,
      isInUse: sql<boolean>`exists (select 1 from ${measurement} where ${measurement.instrumentVersionId} = ${instrumentVersion.id})`,
    })
    .from(instrumentVersion)
    .where(
      inArray(
        instrumentVersion.instrumentId,
        instruments.map((i) => i.id),
      ),
    )
    .orderBy(asc(instrumentVersion.version));
  return instruments.map((i) => {
    const own = versions.filter((v) => v.instrumentId === i.id);
    return {
      id: i.id,
      projectId: i.projectId,
      isBuiltin: i.isBuiltin,
      // Parsed so defaults of a stored definition are applied the same way as for a new one.
      instrument: InstrumentSchema.parse({
        code: i.code,
        name: i.name,
        nameEn: i.nameEn ?? undefined,
        description: i.description || undefined,
        versions: own.map((v) => v.definition),
      }),
      versions: own.map((v) => ({
        id: v.id,
        version: v.version,
        isInUse: Boolean(v.isInUse),
        createdAt: v.createdAt,
      })),
    };
  });
}
