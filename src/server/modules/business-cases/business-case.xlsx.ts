import ExcelJS from "exceljs";
import { PAYER_LABELS_DA, runMonteCarlo, type Scenario } from "../../../domain/business-case/index.js";
import { calculate, defaultUncertainties } from "./scenario-calculation.js";

const DKK = '#,##0 "kr."';
const kroner = (ore: number) => Math.round(ore) / 100;
const MONTE_CARLO = { seed: 42, draws: 10_000 };

/**
 * The council-ready workbook: inputs, yearly results, sensitivity and a Monte Carlo summary. Amounts
 * are in kroner (øre / 100, exact to two decimals) with Danish number formats.
 */
export async function businessCaseWorkbook(
  meta: { name: string; version: number; organisationName: string },
  scenario: Scenario,
): Promise<Buffer> {
  const { result, sensitivity } = calculate(scenario, { sensitivity: true });
  const mc = runMonteCarlo(scenario, { ...MONTE_CARLO, uncertainties: defaultUncertainties(scenario) });
  const wb = new ExcelJS.Workbook();
  wb.creator = "Bundlinje";
  wb.title = `${meta.name} – version ${meta.version}`;

  const inputs = wb.addWorksheet("Forudsætninger");
  inputs.columns = [{ width: 42 }, { width: 22 }, { width: 22 }, { width: 22 }, { width: 22 }];
  inputs.addRow([meta.name]).font = { bold: true, size: 14 };
  inputs.addRow([`${meta.organisationName} · version ${meta.version}`]);
  inputs.addRow([]);
  const general: [string, string | number][] = [
    ["Prisniveau (år)", scenario.priceYear],
    ["Startår", scenario.startYear],
    ["Tidshorisont (år)", scenario.horizonYears],
    ["Diskonteringsrente (% real)", scenario.discountRatePct ?? 3.5],
    ["Familier ad gangen", scenario.capacity.familiesAtATime],
    ["Gennemsnitlig forløbslængde (måneder)", scenario.capacity.courseLengthMonths],
    ["Succesrate (%)", scenario.successRatePct],
  ];
  for (const row of general) inputs.addRow(row);
  inputs.addRow([]);
  inputs.addRow(["Omkostninger", "Type", "Betaler", "Beløb (kr.)"]).font = { bold: true };
  for (const c of scenario.costLines) {
    inputs.addRow([c.name, c.kind, PAYER_LABELS_DA[c.payer], kroner(c.amountOre)]).getCell(4).numFmt = DKK;
  }
  inputs.addRow([]);
  inputs.addRow(["Effekter", "Type", "Enhedspris pr. år (kr.)", "Forsinkelse (år)", "Prisreference"]).font = {
    bold: true,
  };
  for (const e of scenario.effects) {
    inputs
      .addRow([e.name, e.kind, kroner(e.unitPriceOrePerYear), e.lagYears ?? 0, e.priceRef ?? ""])
      .getCell(3).numFmt = DKK;
  }

  const years = wb.addWorksheet("Resultater");
  years.columns = [
    { header: "År", width: 8 },
    { header: "Kalenderår", width: 12 },
    { header: "Afsluttede forløb (akk.)", width: 24 },
    { header: "Besparelser (kr.)", width: 20, style: { numFmt: DKK } },
    { header: "Omkostninger (kr.)", width: 20, style: { numFmt: DKK } },
    { header: "Netto (kr.)", width: 20, style: { numFmt: DKK } },
    { header: "Akkumuleret (kr.)", width: 20, style: { numFmt: DKK } },
    { header: "Diskonteret netto (kr.)", width: 22, style: { numFmt: DKK } },
  ];
  years.getRow(1).font = { bold: true };
  for (const y of result.years) {
    years.addRow([
      y.year,
      y.calendarYear,
      Math.round(y.completedCoursesCumulative * 10) / 10,
      kroner(y.savingsOre),
      kroner(y.costsOre),
      kroner(y.netOre),
      kroner(y.accumulatedOre),
      kroner(y.discountedNetOre),
    ]);
  }
  years.addRow([]);
  const payback = result.payback.isPaidBack
    ? `${result.payback.years.toFixed(1).replace(".", ",")} år`
    : "Ikke inden for tidshorisonten";
  const breakEven =
    result.breakEven.status === "found"
      ? `${result.breakEven.successRatePct.toFixed(1).replace(".", ",")} %`
      : result.breakEven.status === "pays-back-at-zero"
        ? "Tjener sig hjem selv ved 0 %"
        : "Nås ikke";
  for (const [label, value] of [
    ["Akkumuleret ved horisonten (kr.)", kroner(result.accumulatedAtHorizonOre)],
    ["Nutidsværdi (kr.)", kroner(result.npvOre)],
    ["Tilbagebetalingstid", payback],
    ["Break-even succesrate", breakEven],
  ] as const) {
    const row = years.addRow([label, "", "", value]);
    row.getCell(1).font = { bold: true };
    if (typeof value === "number") row.getCell(4).numFmt = DKK;
  }

  const tornado = wb.addWorksheet("Følsomhed");
  tornado.columns = [
    { header: "Parameter", width: 40 },
    { header: "Lav værdi", width: 16 },
    { header: "Høj værdi", width: 16 },
    { header: "Akkumuleret ved lav (kr.)", width: 24, style: { numFmt: DKK } },
    { header: "Akkumuleret ved høj (kr.)", width: 24, style: { numFmt: DKK } },
    { header: "Udsving (kr.)", width: 20, style: { numFmt: DKK } },
  ];
  tornado.getRow(1).font = { bold: true };
  for (const b of sensitivity?.bars ?? []) {
    tornado.addRow([
      b.label,
      b.lowValue,
      b.highValue,
      kroner(b.accumulatedAtLowOre),
      kroner(b.accumulatedAtHighOre),
      kroner(b.swingOre),
    ]);
  }

  const monte = wb.addWorksheet("Monte Carlo");
  monte.columns = [
    { header: "År", width: 8 },
    { header: "Kalenderår", width: 12 },
    { header: "P10 akkumuleret (kr.)", width: 22, style: { numFmt: DKK } },
    { header: "P50 akkumuleret (kr.)", width: 22, style: { numFmt: DKK } },
    { header: "P90 akkumuleret (kr.)", width: 22, style: { numFmt: DKK } },
  ];
  monte.getRow(1).font = { bold: true };
  for (const y of mc.years)
    monte.addRow([
      y.year,
      y.calendarYear,
      kroner(y.accumulatedP10Ore),
      kroner(y.accumulatedP50Ore),
      kroner(y.accumulatedP90Ore),
    ]);
  monte.addRow([]);
  monte.addRow([
    `${mc.draws} træk, frø ${mc.seed}. Succesrate trekantfordelt ±50 %, enhedspriser PERT ±20 %.`,
  ]);
  monte.addRow([
    `Sandsynlighed for tilbagebetaling inden for horisonten: ${mc.paybackProbabilityPct.toFixed(1).replace(".", ",")} %`,
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
