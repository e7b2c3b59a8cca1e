import ExcelJS from "exceljs";
import type { z } from "zod";
import type { ShownCountSchema, StatementDetailSchema } from "../../../contracts/outcome-contracts.js";

type Detail = z.infer<typeof StatementDetailSchema>;
type Shown = z.infer<typeof ShownCountSchema>;

const DKK = '#,##0.00 "kr."';
const kroner = (ore: number) => ore / 100;
const count = (c: Shown) => ("value" in c ? c.value : "skjult (< 5)");

const STATUS_DA = { met: "Nået", "not-met": "Ikke nået", "not-measurable": "Kan ikke måles" } as const;

/**
 * The statement as a workbook, exactly as the user may see it: the investor's has suppressed counts
 * and no family sheet; the evaluator's has pseudonyms. Amounts in kroner with øre.
 */
export async function statementWorkbook(s: Detail): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Bundlinje";
  wb.title = `${s.contractTitle} – ${s.periodId}`;

  const sheet = wb.addWorksheet("Opgørelse");
  sheet.columns = [{ width: 46 }, { width: 24 }];
  sheet.addRow([s.contractTitle]).font = { bold: true, size: 14 };
  sheet.addRow([
    `Opgørelse ${s.periodId} (${s.kind}) · ${s.from} – ${s.to} · kontraktversion ${s.contractVersion}`,
  ]);
  sheet.addRow([`Status: ${s.state}`]);
  sheet.addRow([]);
  const money: [string, number][] = [
    ["Fuld tilbagebetaling (investering + risikopræmie)", s.fullRepaymentOre],
    ["Sum af målene efter afrunding", s.roundedTotalOre],
    ["Loft", s.capOre],
    ["Bund", s.floorOre],
    ["Reduceret af loftet", s.capReductionOre],
    ["Løftet af bunden", s.floorTopUpOre],
    ["Kommunen betaler tilbage", s.totalOre],
  ];
  for (const [label, ore] of money) {
    const row = sheet.addRow([label, kroner(ore)]);
    row.getCell(2).numFmt = DKK;
  }
  sheet.addRow(["Sum af målene før afrunding", s.exactTotalDisplay]);
  if (s.suppression) sheet.addRow([`Grupper under ${s.suppression.minCellSize} familier er skjult.`]);

  const goals = wb.addWorksheet("Mål");
  goals.columns = [
    { header: "Spor", width: 28 },
    { header: "Mål", width: 44 },
    { header: "Familier", width: 12 },
    { header: "Nået", width: 12 },
    { header: "Ikke nået", width: 12 },
    { header: "Kan ikke måles", width: 14 },
    { header: "Målopfyldelse (%)", width: 16 },
    { header: "Betaling (kr.)", width: 18 },
  ];
  goals.getRow(1).font = { bold: true };
  for (const t of s.tracks)
    for (const g of t.goals) {
      const row = goals.addRow([
        t.name,
        g.name,
        count(g.families),
        count(g.met),
        count(g.notMet),
        count(g.notMeasurable),
        g.attainmentPct,
        kroner(g.amountOre),
      ]);
      row.getCell(8).numFmt = DKK;
    }

  if (s.showsFamilies) {
    const families = wb.addWorksheet("Familier");
    families.columns = [
      { header: "Spor", width: 28 },
      { header: "Mål", width: 44 },
      { header: s.isPseudonymised ? "Familie (pseudonym)" : "Familie", width: 26 },
      { header: "Resultat", width: 16 },
      { header: "Begrundelse", width: 50 },
      { header: "Beløb (kr.)", width: 16 },
    ];
    families.getRow(1).font = { bold: true };
    for (const t of s.tracks)
      for (const g of t.goals)
        for (const f of g.familyLines ?? []) {
          const row = families.addRow([
            t.name,
            g.name,
            f.label,
            STATUS_DA[f.status],
            f.reason ?? "",
            kroner(f.amountOre),
          ]);
          row.getCell(6).numFmt = DKK;
        }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
