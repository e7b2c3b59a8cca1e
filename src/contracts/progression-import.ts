import { z } from "zod";
import { RESPONDENTS } from "../domain/progression/index.js";
import { InstantSchema, UuidSchema } from "./common.js";

/*
 * CSV import of measurements (issue 5 §3), e.g. school absence exported from the school system: the
 * browser sends the file's text with a column mapping; a dry run lists every bad row, the commit
 * writes all rows or none, and the same file (by its SHA-256) is never imported twice.
 * See docs/measurement-import.md.
 */

/** Fields a column can fill besides the instrument's items. */
export const IMPORT_FIELDS = [
  "cpr",
  "personId",
  "measuredOn",
  "periodFrom",
  "periodTo",
  "respondent",
  "note",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Longest CSV text accepted (characters): room for well over 100,000 rows of absence. */
export const MAX_IMPORT_CSV_CHARS = 19_000_000;
/** Most data rows in one file. */
export const MAX_IMPORT_ROWS = 200_000;
/** Most problems listed in one answer (the counts are always complete). */
export const MAX_LISTED_PROBLEMS = 5_000;

export const MeasurementImportInputSchema = z
  .object({
    fileName: z
      .string({ error: "Angiv filens navn" })
      .trim()
      .min(1, "Angiv filens navn")
      .max(255, "Filnavnet må højst have 255 tegn"),
    /** The file's text (UTF-8; a byte-order mark is ignored). `;`, `,` or tab between fields. */
    csv: z
      .string({ error: "Vælg en fil" })
      .min(1, "Filen er tom")
      .max(MAX_IMPORT_CSV_CHARS, "Filen er for stor: del den op i flere filer"),
    instrumentCode: z.string({ error: "Vælg et måleredskab" }).min(1, "Vælg et måleredskab"),
    /**
     * CSV header → what the column holds: one of `IMPORT_FIELDS` or an item code of the instrument's
     * newest version. Columns left out are ignored.
     */
    mapping: z.record(z.string(), z.string()),
  })
  .meta({ id: "MeasurementImportInput" });
export type MeasurementImportInput = z.infer<typeof MeasurementImportInputSchema>;

/** One problem of one row: its row number as a spreadsheet shows it (the header is row 1). */
export const ImportProblemSchema = z
  .object({
    row: z.number().int().min(2),
    /** The CSV header of the column, or null when the problem is the row as a whole. */
    column: z.string().nullable(),
    /** The row's CPR number masked (`DDMMYY-****`), to help find the row; null without one. */
    cprMasked: z.string().nullable(),
    message: z.string(),
  })
  .meta({ id: "ImportProblem" });
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/** A committed import, as the history lists it. */
export const MeasurementImportSummarySchema = z
  .object({
    id: UuidSchema,
    fileName: z.string(),
    instrumentCode: z.string(),
    instrumentName: z.string(),
    rowCount: z.number().int(),
    importedAt: InstantSchema,
    /** Null when another organisation imported it (the name is theirs to know). */
    importedByName: z.string().nullable(),
    isOwnOrganisation: z.boolean(),
  })
  .meta({ id: "MeasurementImportSummary" });
export type MeasurementImportSummary = z.infer<typeof MeasurementImportSummarySchema>;

export const MeasurementImportCheckSchema = z
  .object({
    fileSha256: z.string(),
    delimiter: z.enum([";", ",", "\t"]),
    /** Data rows in the file (empty lines not counted). */
    rowCount: z.number().int(),
    goodRowCount: z.number().int(),
    badRowCount: z.number().int(),
    /** Courses the good rows belong to. */
    courseCount: z.number().int(),
    problems: z.array(ImportProblemSchema),
    /** True when there were more than `MAX_LISTED_PROBLEMS` problems (only the first are listed). */
    isTruncated: z.boolean(),
    /** Set when the same file was imported before: importing it again adds nothing. */
    previousImport: MeasurementImportSummarySchema.nullable(),
  })
  .meta({ id: "MeasurementImportCheck" });
export type MeasurementImportCheck = z.infer<typeof MeasurementImportCheckSchema>;

export const MeasurementImportResultSchema = z
  .object({
    /** `already-imported`: the same file was imported before and nothing was added. */
    status: z.enum(["imported", "already-imported"]),
    import: MeasurementImportSummarySchema,
    addedCount: z.number().int(),
    courseCount: z.number().int(),
  })
  .meta({ id: "MeasurementImportResult" });
export type MeasurementImportResult = z.infer<typeof MeasurementImportResultSchema>;

/** A field of an importable instrument (an item of its newest version). */
export const ImportableItemSchema = z.object({
  code: z.string(),
  label: z.string(),
  isRequired: z.boolean(),
  /** How the cell is read: a number (decimal comma or point) or a category code or label. */
  kind: z.enum(["number", "category"]),
});

export const ImportableInstrumentSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    version: z.number().int(),
    /** A row is about the person found, or about that person's family. */
    subject: z.enum(["person", "family"]),
    /** Who answered when the file has no such column (the instrument's natural respondent). */
    defaultRespondent: z.enum(RESPONDENTS),
    respondents: z.array(z.enum(RESPONDENTS)),
    periodNote: z.string().nullable(),
    items: z.array(ImportableItemSchema),
  })
  .meta({ id: "ImportableInstrument" });
export type ImportableInstrument = z.infer<typeof ImportableInstrumentSchema>;

export const MeasurementImportOverviewSchema = z
  .object({
    instruments: z.array(ImportableInstrumentSchema),
    /** Imports by the user's own organisations, newest first. */
    imports: z.array(MeasurementImportSummarySchema),
  })
  .meta({ id: "MeasurementImportOverview" });
export type MeasurementImportOverview = z.infer<typeof MeasurementImportOverviewSchema>;

// ---------------------------------------------------------------------------------------------------
// Reading the file (the server parses it; the browser reads the header and the first rows the same way)

export type CsvDelimiter = ";" | "," | "\t";

/** The text without a leading UTF-8 byte-order mark. */
export function stripBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/**
 * The delimiter, read from the header line (outside quotes): `;` or tab when the header has one,
 * otherwise `,`. The header decides because data rows are ambiguous: "12,5" in a `;` file.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ";": 0, "\t": 0, ",": 0 };
  let inQuotes = false;
  for (const ch of stripBom(text)) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && (ch === ";" || ch === "\t" || ch === ",")) counts[ch]++;
  }
  if (counts[";"] > 0 && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > 0) return "\t";
  return ",";
}

/** A CPR number as it may stand in a cell (with or without the hyphen, or a leading zero lost). */
export const CPR_LIKE = /^\d{5,6}-?\d{4}$/;

// ---------------------------------------------------------------------------------------------------
// Guessing the mapping from the headers (the web preselects it; the user can change every column).

/** Lower case, "%"/"procent" → "pct", letters and digits only: "Fravær (%)" → "fraværpct". */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/%/g, "pct")
    .replace(/procent/g, "pct")
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const FIELD_HEADERS: Record<ImportField, string[]> = {
  cpr: ["cpr", "cprnr", "cprnummer", "personnummer", "elevcpr", "elevenscpr", "barnetscpr", "personnr"],
  personId: ["personid", "bundlinjeid", "bundlinjepersonid"],
  measuredOn: [
    "dato",
    "måledato",
    "maaledato",
    "måltden",
    "opgjortden",
    "opgørelsesdato",
    "opgoerelsesdato",
    "udtræksdato",
    "measuredon",
    "date",
  ],
  periodFrom: ["periodefra", "fra", "fradato", "startdato", "periodestart", "periodfrom", "from"],
  periodTo: ["periodetil", "til", "tildato", "slutdato", "periodeslut", "periodto", "to"],
  respondent: ["besvaretaf", "kilde", "respondent", "indberetter", "indberettetaf"],
  note: ["note", "bemærkning", "bemærkninger", "kommentar", "notat"],
};

/** Common names of the shipped instruments' items in municipal and school exports. */
const ITEM_HEADERS: Record<string, string[]> = {
  "absence-pct": [
    "fravær",
    "fraværpct",
    "fraværspct",
    "fraværipct",
    "samletfravær",
    "samletfraværpct",
    "samletfraværipct",
    "totalfravær",
    "totalfraværpct",
    "fravaer",
    "fravaerpct",
    "fravaerspct",
    "absence",
    "absencepct",
  ],
  "unauthorised-absence-pct": [
    "ulovligtfravær",
    "ulovligtfraværpct",
    "ulovligtfraværipct",
    "heraftulovligt",
    "heraftulovligtfravær",
    "ulovligtfravaer",
    "ulovligtfravaerpct",
    "unauthorisedabsence",
    "unauthorisedabsencepct",
  ],
  "attendance-pct": ["fremmøde", "fremmødepct", "fremmødeipct", "fremmoede", "attendance", "attendancepct"],
  "hours-per-week": ["støttetimer", "timerpruge", "støttetimerpruge", "hoursperweek"],
};

/**
 * A first guess of the mapping: each header that names a field or an item (by a common Danish header,
 * the item's code or its label) is mapped to it; every field is used at most once.
 * @returns header → field or item code, for the headers that were recognised.
 */
export function guessImportMapping(
  headers: readonly string[],
  instrument: Pick<ImportableInstrument, "items">,
): Record<string, string> {
  const wanted: [string, Set<string>][] = [
    ...IMPORT_FIELDS.map((f): [string, Set<string>] => [f, new Set(FIELD_HEADERS[f])]),
    ...instrument.items.map((item): [string, Set<string>] => [
      item.code,
      new Set([normaliseHeader(item.code), normaliseHeader(item.label), ...(ITEM_HEADERS[item.code] ?? [])]),
    ]),
  ];
  const mapping: Record<string, string> = {};
  const used = new Set<string>();
  for (const header of headers) {
    const key = normaliseHeader(header);
    if (!key) continue;
    const match = wanted.find(([target, names]) => !used.has(target) && names.has(key));
    if (!match) continue;
    mapping[header] = match[0];
    used.add(match[0]);
  }
  return mapping;
}
