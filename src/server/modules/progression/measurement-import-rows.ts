import { IMPORT_FIELDS, type ImportField } from "../../../contracts/progression-import.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { type CprNumber, maskCpr, parseCpr } from "../../../domain/casework/index.js";
import {
  type InstrumentVersion,
  RESPONDENT_LABELS_DA,
  RESPONDENTS,
  type Respondent,
} from "../../../domain/progression/index.js";
import { AppError } from "../../errors.js";
import { type CsvTable, parseDateCell, parseDecimalCell } from "./measurement-csv.js";

/*
 * From CSV cells to measurement candidates: the column mapping is checked against the file and the
 * instrument (a bad mapping is one 400 for the whole file), then each row's cells are read into typed
 * values, with a Danish problem per cell that cannot be read. Nothing here touches the database.
 */

/** A problem of one row; `column` is the CSV header (null: the row as a whole). */
export interface RowProblem {
  column: string | null;
  message: string;
}

/** One data row, read. Values that could not be read are absent and have a problem. */
export interface ImportRow {
  rowNumber: number;
  cpr: CprNumber | null;
  /** The CPR number masked for messages, null when the row has none that is valid. */
  cprMasked: string | null;
  personId: string | null;
  measuredOn: CalendarDate | null;
  period: { from: CalendarDate; to: CalendarDate } | undefined;
  respondent: Respondent;
  values: Record<string, number | string | null>;
  note: string;
  problems: RowProblem[];
}

/** Field or item code → the header of its column (the mapping turned round). */
export type ColumnOf = Map<string, string>;

const FIELD_NAMES: Record<ImportField, string> = {
  cpr: "CPR-nummer",
  personId: "person-id",
  measuredOn: "målt den",
  periodFrom: "periode fra",
  periodTo: "periode til",
  respondent: "besvaret af",
  note: "note",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_NOTE = 2000;

/**
 * Checks the mapping against the file's headers and the instrument version.
 * @returns field or item code → header.
 * @throws AppError VALIDATION_FAILED with a detail per problem (`mapping.<header>` or `mapping`).
 */
export function checkMapping(
  headers: readonly string[],
  mapping: Record<string, string>,
  version: InstrumentVersion,
): ColumnOf {
  const details: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const h of headers) {
    if (h === "") details.push({ path: "csv", message: "En kolonne i første række har ingen overskrift" });
    else if (seen.has(h)) details.push({ path: "csv", message: `Kolonnen «${h}» står mere end én gang` });
    seen.add(h);
  }
  const itemCodes = new Set(version.items.map((i) => i.code));
  const columnOf: ColumnOf = new Map();
  for (const [header, target] of Object.entries(mapping)) {
    const path = `mapping.${header}`;
    if (!seen.has(header)) details.push({ path, message: `Kolonnen «${header}» findes ikke i filen` });
    else if (!(IMPORT_FIELDS as readonly string[]).includes(target) && !itemCodes.has(target)) {
      details.push({ path, message: `Ukendt felt: ${target}` });
    } else if (columnOf.has(target)) {
      details.push({
        path,
        message: `Både «${columnOf.get(target)}» og «${header}» er valgt som ${labelOf(target, version)}`,
      });
    } else columnOf.set(target, header);
  }
  if (columnOf.has("cpr") === columnOf.has("personId")) {
    details.push({
      path: "mapping",
      message: columnOf.has("cpr")
        ? "Vælg enten en kolonne med CPR-nummer eller en med person-id, ikke begge"
        : "Vælg kolonnen med CPR-nummeret (eller person-id), så personerne kan findes",
    });
  }
  if (!columnOf.has("measuredOn")) {
    details.push({ path: "mapping", message: "Vælg kolonnen med datoen for målingen" });
  }
  if (columnOf.has("periodFrom") !== columnOf.has("periodTo")) {
    details.push({ path: "mapping", message: "Vælg både kolonnen for periodens start og for dens slutning" });
  }
  for (const item of version.items) {
    if (item.isRequired && !columnOf.has(item.code)) {
      details.push({ path: "mapping", message: `Vælg kolonnen med «${item.label}»` });
    }
  }
  if (details.length > 0) throw new AppError("VALIDATION_FAILED", details[0]!.message, details);
  return columnOf;
}

function labelOf(target: string, version: InstrumentVersion): string {
  if ((IMPORT_FIELDS as readonly string[]).includes(target)) return FIELD_NAMES[target as ImportField];
  return `«${version.items.find((i) => i.code === target)?.label ?? target}»`;
}

/** Codes, Danish labels and everyday words for who answered, in lower case. */
const RESPONDENT_WORDS: Record<string, Respondent> = {
  ...Object.fromEntries(RESPONDENTS.map((r) => [r, r])),
  ...Object.fromEntries(Object.entries(RESPONDENT_LABELS_DA).map(([r, label]) => [label.toLowerCase(), r])),
  skole: "school",
  skolen: "school",
  dagtilbud: "school",
  sagsbehandler: "caseworker",
  rådgiver: "caseworker",
  forælder: "parent",
  forældre: "parent",
  familiebehandler: "consultant",
  konsulent: "consultant",
  barnet: "member",
  "den unge": "member",
  medlem: "member",
} as Record<string, Respondent>;

/** A CPR number as exports write it; a leading zero lost in a spreadsheet ("10203-1234") is put back. */
function cprText(raw: string): string {
  const s = raw.trim();
  return /^\d{5}-?\d{4}$/.test(s) ? `0${s}` : s;
}

/** Reads every row of the table into candidates (see `ImportRow`). */
export function readImportRows(
  table: CsvTable,
  columnOf: ColumnOf,
  version: InstrumentVersion,
  today: CalendarDate,
): ImportRow[] {
  const index = new Map(table.headers.map((h, i) => [h, i]));
  const cellIndex = (target: string) => {
    const header = columnOf.get(target);
    return header === undefined ? undefined : index.get(header);
  };
  const at = {
    cpr: cellIndex("cpr"),
    personId: cellIndex("personId"),
    measuredOn: cellIndex("measuredOn"),
    periodFrom: cellIndex("periodFrom"),
    periodTo: cellIndex("periodTo"),
    respondent: cellIndex("respondent"),
    note: cellIndex("note"),
  };
  const items = version.items.map((item) => ({
    item,
    at: cellIndex(item.code),
    column: columnOf.get(item.code),
  }));
  const column = (field: ImportField) => columnOf.get(field) ?? null;
  const defaultRespondent = version.respondents[0]!;
  // A school's file repeats each child's CPR number once per period: read each number once.
  const cprOf = new Map<string, ReturnType<typeof parseCpr>>();
  const readCpr = (raw: string) => {
    let parsed = cprOf.get(raw);
    if (!parsed) {
      parsed = parseCpr(cprText(raw), { asOf: today });
      cprOf.set(raw, parsed);
    }
    return parsed;
  };
  const maskedOf = new Map<string, string>();
  const broken = new Map(table.brokenRows.map((b) => [b.rowNumber, b.message]));

  return table.rows.map(({ rowNumber, cells }) => {
    const problems: RowProblem[] = [];
    const cell = (i: number | undefined) => (i === undefined ? "" : (cells[i] ?? "").trim());
    const row: ImportRow = {
      rowNumber,
      cpr: null,
      cprMasked: null,
      personId: null,
      measuredOn: null,
      period: undefined,
      respondent: defaultRespondent,
      values: {},
      note: "",
      problems,
    };
    const brokenMessage = broken.get(rowNumber);
    if (brokenMessage) problems.push({ column: null, message: brokenMessage });
    const extra = cells.slice(table.headers.length).some((c) => c.trim() !== "");
    if (cells.length < table.headers.length || extra) {
      problems.push({
        column: null,
        message: `Rækken har ${cells.length} felter, men overskriften har ${table.headers.length}. Tjek skilletegn og anførselstegn`,
      });
      return row;
    }

    if (at.cpr !== undefined) {
      const raw = cell(at.cpr);
      if (raw === "") problems.push({ column: column("cpr"), message: "CPR-nummeret mangler" });
      else {
        const parsed = readCpr(raw);
        if (parsed.ok) {
          row.cpr = parsed.cpr;
          row.cprMasked = maskedOf.get(parsed.cpr) ?? maskCpr(parsed.cpr);
          maskedOf.set(parsed.cpr, row.cprMasked);
        } else problems.push({ column: column("cpr"), message: parsed.message });
      }
    } else {
      const raw = cell(at.personId);
      if (UUID.test(raw)) row.personId = raw.toLowerCase();
      else problems.push({ column: column("personId"), message: "Person-id'et er ikke gyldigt" });
    }

    const measuredOn = cell(at.measuredOn);
    row.measuredOn = parseDateCell(measuredOn) ?? null;
    if (!row.measuredOn) {
      problems.push({
        column: column("measuredOn"),
        message:
          measuredOn === ""
            ? "Datoen mangler"
            : "Datoen kan ikke læses; skriv den som dd-mm-åååå, dd.mm.åååå eller åååå-mm-dd",
      });
    }

    if (at.periodFrom !== undefined && at.periodTo !== undefined) {
      const fromText = cell(at.periodFrom);
      const toText = cell(at.periodTo);
      if (fromText !== "" || toText !== "") {
        const from = parseDateCell(fromText);
        const to = parseDateCell(toText);
        if (!from) problems.push({ column: column("periodFrom"), message: periodMessage(fromText) });
        if (!to) problems.push({ column: column("periodTo"), message: periodMessage(toText) });
        if (from && to) {
          if (from > to)
            problems.push({ column: column("periodTo"), message: "Perioden skal slutte efter den starter" });
          else row.period = { from, to };
        }
      }
    }

    if (at.respondent !== undefined) {
      const raw = cell(at.respondent);
      if (raw !== "") {
        const respondent = RESPONDENT_WORDS[raw.toLowerCase()];
        if (respondent) row.respondent = respondent;
        else problems.push({ column: column("respondent"), message: "Ukendt besvarer" });
      }
    }

    if (at.note !== undefined) {
      row.note = cell(at.note);
      if (row.note.length > MAX_NOTE) {
        problems.push({ column: column("note"), message: `Noten må højst have ${MAX_NOTE} tegn` });
      }
    }

    for (const { item, at: i, column: header } of items) {
      if (i === undefined) continue;
      const raw = cell(i);
      if (raw === "") {
        row.values[item.code] = null;
        continue;
      }
      if (item.scale.kind === "ordered-categories") {
        const lower = raw.toLowerCase();
        const category = item.scale.categories.find(
          (c) => c.code.toLowerCase() === lower || c.label.toLowerCase() === lower,
        );
        row.values[item.code] = category ? category.code : raw;
        continue;
      }
      const n = parseDecimalCell(raw);
      if (n === undefined) problems.push({ column: header ?? null, message: "Skal være et tal (fx 12,5)" });
      else row.values[item.code] = n;
    }
    return row;
  });
}

function periodMessage(text: string): string {
  return text === ""
    ? "Angiv både periodens start og slutning, eller ingen af dem"
    : "Datoen kan ikke læses; skriv den som dd-mm-åååå, dd.mm.åååå eller åååå-mm-dd";
}
