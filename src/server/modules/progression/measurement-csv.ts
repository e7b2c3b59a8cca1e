import { createHash } from "node:crypto";
import Papa from "papaparse";
import { type CsvDelimiter, detectDelimiter, stripBom } from "../../../contracts/progression-import.js";
import { type CalendarDate, isCalendarDate } from "../../../domain/calendar-date.js";

/*
 * Reading a CSV file of measurements as Danish municipal and school systems write it: `;` (Excel's
 * Danish default) or `,` or tab between fields, an optional UTF-8 byte-order mark, decimal comma
 * ("12,5"), and Danish (dd-mm-yyyy, dd.mm.yyyy) or ISO dates. Papa Parse does the quoting rules.
 */

/** A data row with its number as a spreadsheet shows it (the header is row 1). */
export interface CsvRow {
  rowNumber: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  headers: string[];
  rows: CsvRow[];
  /** Rows the parser could not read (an unclosed quote), with the reason in Danish. */
  brokenRows: { rowNumber: number; message: string }[];
}

/**
 * SHA-256 (hex) of the file: the UTF-8 bytes of its text without a byte-order mark, so the same file
 * saved with or without one is the same file.
 */
export function fileSha256(text: string): string {
  return createHash("sha256").update(stripBom(text), "utf8").digest("hex");
}

/** Parses the whole file; empty lines are skipped (row numbers still count them). */
export function parseCsvTable(text: string): CsvTable {
  const body = stripBom(text);
  const delimiter = detectDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false });
  const brokenRows = parsed.errors
    .filter((e) => e.type === "Quotes" && e.row !== undefined)
    .map((e) => ({
      rowNumber: e.row! + 1,
      message: 'Et anførselstegn (") i rækken lukkes ikke; rækken kan ikke læses',
    }));
  const [headerCells = [], ...dataRows] = parsed.data;
  const headers = headerCells.map((h) => h.trim());
  const rows: CsvRow[] = [];
  dataRows.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === "")) return;
    rows.push({ rowNumber: i + 2, cells });
  });
  return { delimiter, headers, rows, brokenRows };
}

const NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A number written the Danish or the English way: "12,5", "12.5", "1.234,5", "1,234.5", "12,5 %".
 * @returns the number, or undefined when the text is not one.
 */
export function parseDecimalCell(text: string): number | undefined {
  let s = text.replace(/[\s\u00a0]/g, "").replace(/%$/, "");
  if (s === "") return undefined;
  const comma = s.lastIndexOf(",");
  const dot = s.lastIndexOf(".");
  if (comma >= 0 && dot >= 0) {
    // The later separator is the decimal one; the other groups thousands.
    s = comma > dot ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (comma >= 0) {
    if (s.indexOf(",") !== comma) return undefined;
    s = s.replace(",", ".");
  }
  if (!NUMBER.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DANISH_DATE = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;

/**
 * A day written as dd-mm-yyyy, dd.mm.yyyy, dd/mm/yyyy (one-digit day and month allowed) or ISO
 * yyyy-mm-dd (a time after it, as some exports add, is ignored).
 * @returns the calendar date, or undefined when the text is not a valid day.
 */
export function parseDateCell(text: string): CalendarDate | undefined {
  const s = text.trim();
  let y: string;
  let m: string;
  let d: string;
  const iso = ISO_DATE.exec(s);
  const danish = iso ? null : DANISH_DATE.exec(s);
  if (iso) [, y, m, d] = iso as unknown as [string, string, string, string];
  else if (danish) [, d, m, y] = danish as unknown as [string, string, string, string];
  else return undefined;
  const date = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  return isCalendarDate(date) ? date : undefined;
}
