import Papa from "papaparse";
import {
  CPR_LIKE,
  type CsvDelimiter,
  detectDelimiter,
  stripBom,
} from "../../../contracts/progression-import.js";
import { maskCpr } from "../../../domain/casework/index.js";

/*
 * Reading the chosen file in the browser: its text (UTF-8, or Windows-1252 as older school and
 * municipal systems still write), the header and the first rows for the mapping and the preview. The
 * server parses the whole text again; this is only what the user sees before sending it.
 */

/** The file as the page shows it and sends it. */
export interface CsvFile {
  name: string;
  size: number;
  text: string;
  encoding: "utf-8" | "windows-1252";
  delimiter: CsvDelimiter;
  headers: string[];
  /** The first data rows (empty lines left out). */
  firstRows: string[][];
  /** Data rows in the file (empty lines not counted). */
  rowCount: number;
}

export const PREVIEW_ROWS = 5;

/** Reads the bytes with real progress (FileReader), as a fraction 0–1. */
function readBytes(file: File, onProgress: (fraction: number) => void): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.readAsArrayBuffer(file);
  });
}

/** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (Danish letters then still come out right). */
function decode(bytes: ArrayBuffer): { text: string; encoding: CsvFile["encoding"] } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}

/** Reads and previews a CSV file. */
export async function readCsvFile(file: File, onProgress: (fraction: number) => void): Promise<CsvFile> {
  const { text, encoding } = decode(await readBytes(file, onProgress));
  const body = stripBom(text);
  const delimiter = detectDelimiter(body);
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: "greedy" });
  const [headerCells = [], ...rows] = parsed.data;
  return {
    name: file.name,
    size: file.size,
    text,
    encoding,
    delimiter,
    headers: headerCells.map((h) => h.trim()),
    firstRows: rows.slice(0, PREVIEW_ROWS),
    rowCount: rows.length,
  };
}

/** A cell for the screen: anything that looks like a CPR number is masked, whatever its column. */
export function displayCell(value: string | undefined, isCprColumn: boolean): string {
  const s = (value ?? "").trim();
  if (isCprColumn || CPR_LIKE.test(s))
    return s === "" ? "" : maskCpr(s.length < 10 || /^\d{5}-/.test(s) ? `0${s}` : s);
  return s;
}
