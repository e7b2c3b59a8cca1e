import { describe, expect, it } from "vitest";
import { detectDelimiter } from "../../../contracts/progression-import.js";
import { fileSha256, parseCsvTable, parseDateCell, parseDecimalCell } from "./measurement-csv.js";

describe("reading CSV files as Danish systems write them", () => {
  it("detects the delimiter from the header, so decimal commas in the rows do not fool it", () => {
    expect(detectDelimiter("CPR;Dato;Fravær\n010203-1234;1-2-2026;12,5")).toBe(";");
    expect(detectDelimiter('CPR,Dato,Fravær\n010203-1234,1-2-2026,"12,5"')).toBe(",");
    expect(detectDelimiter("CPR\tDato\tFravær\n")).toBe("\t");
    expect(detectDelimiter('"Fravær, i alt";CPR\n')).toBe(";");
    expect(detectDelimiter("\uFEFFCPR;Dato")).toBe(";");
  });

  it("parses a table: BOM stripped, quotes, empty lines skipped but counted in the row numbers", () => {
    const table = parseCsvTable('\uFEFFCPR;Note\r\n1;"a; b"\r\n\r\n2;"to\r\nlinjer"\r\n');
    expect(table.headers).toEqual(["CPR", "Note"]);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ["1", "a; b"] },
      { rowNumber: 4, cells: ["2", "to\r\nlinjer"] },
    ]);
    expect(parseCsvTable('A;B\n1;"open\n2;3\n').brokenRows).toHaveLength(1);
  });

  it("reads decimal comma and point, thousands separators and a trailing %", () => {
    expect(parseDecimalCell("12,5")).toBe(12.5);
    expect(parseDecimalCell(" 12.5 ")).toBe(12.5);
    expect(parseDecimalCell("12,5 %")).toBe(12.5);
    expect(parseDecimalCell("1.234,5")).toBe(1234.5);
    expect(parseDecimalCell("1,234.5")).toBe(1234.5);
    expect(parseDecimalCell("-3")).toBe(-3);
    for (const bad of ["", "abc", "1,2,3", "12,5x", "1e3", "--1"])
      expect(parseDecimalCell(bad), bad).toBeUndefined();
  });

  it("reads Danish and ISO dates and refuses days that do not exist", () => {
    expect(parseDateCell("01-02-2026")).toBe("2026-02-01");
    expect(parseDateCell("1.2.2026")).toBe("2026-02-01");
    expect(parseDateCell("01/02/2026")).toBe("2026-02-01");
    expect(parseDateCell("2026-02-01")).toBe("2026-02-01");
    expect(parseDateCell("2026-02-01 00:00:00")).toBe("2026-02-01");
    for (const bad of ["31-02-2026", "2026-13-01", "1-2-26", "01022026", "i går", ""]) {
      expect(parseDateCell(bad), bad).toBeUndefined();
    }
  });

  it("hashes the file without its byte-order mark", () => {
    expect(fileSha256("\uFEFFa;b\n")).toBe(fileSha256("a;b\n"));
    expect(fileSha256("a;b\n")).not.toBe(fileSha256("a;b\r\n"));
  });
});
