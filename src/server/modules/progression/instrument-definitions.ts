import { asc, eq } from "drizzle-orm";
import {
  type Instrument,
  InstrumentSchema,
  type InstrumentVersion,
} from "../../../domain/progression/index.js";
import type { DbOrTx } from "../../db/client.js";
import { instrument, instrumentVersion } from "../../db/schema/index.js";

/*
 * A project's instruments as the domain sees them, for the project-wide views (cohort, data quality):
 * one query, and none of the "is this version in use" look-ups of `loadProjectInstruments` (each of
 * those searches the measurement table, which costs more than the whole view on a large project).
 */

/** The project's instruments, and each version by its row id. */
export interface InstrumentDefinitions {
  instruments: Instrument[];
  /** Version row id → the instrument's code and names, and the version as scored. */
  versionsById: Map<string, { instrument: Instrument; version: InstrumentVersion }>;
}

/** Reads the project's instruments with all their versions (oldest first). */
export async function loadInstrumentDefinitions(
  db: DbOrTx,
  projectId: string,
): Promise<InstrumentDefinitions> {
  const rows = await db
    .select({
      instrumentId: instrument.id,
      code: instrument.code,
      name: instrument.name,
      nameEn: instrument.nameEn,
      description: instrument.description,
      versionId: instrumentVersion.id,
      definition: instrumentVersion.definition,
    })
    .from(instrument)
    .innerJoin(instrumentVersion, eq(instrumentVersion.instrumentId, instrument.id))
    .where(eq(instrument.projectId, projectId))
    .orderBy(asc(instrument.createdAt), asc(instrument.code), asc(instrumentVersion.version));
  const byInstrument = new Map<string, typeof rows>();
  for (const r of rows) {
    const list = byInstrument.get(r.instrumentId);
    if (list) list.push(r);
    else byInstrument.set(r.instrumentId, [r]);
  }
  const instruments: Instrument[] = [];
  const versionsById = new Map<string, { instrument: Instrument; version: InstrumentVersion }>();
  for (const list of byInstrument.values()) {
    const first = list[0]!;
    // Parsed so that defaults of a stored definition apply the same way as for a new one.
    const parsed = InstrumentSchema.parse({
      code: first.code,
      name: first.name,
      nameEn: first.nameEn ?? undefined,
      description: first.description || undefined,
      versions: list.map((r) => r.definition),
    });
    instruments.push(parsed);
    list.forEach((r, i) => {
      versionsById.set(r.versionId, { instrument: parsed, version: parsed.versions[i]! });
    });
  }
  return { instruments, versionsById };
}
