import fs from "node:fs";
import { parseArgs } from "node:util";
import {
  type BusinessCaseResult,
  type MonteCarloResult,
  runMonteCarlo,
  validateMonteCarloOptions,
  validateScenario,
} from "../../domain/business-case/index.js";
import { toKronerString } from "../../domain/money.js";
import { calculate, defaultUncertainties } from "../modules/business-cases/scenario-calculation.js";

/**
 * `npx bundlinje business-case <scenario.json> [--format table|csv|json] [--draws N --seed S]`
 * Prints the yearly results of a scenario file — the same engine and numbers as the API and the web
 * app. With --draws it also runs Monte Carlo (default uncertainties: success rate ±50 % triangular,
 * unit prices ±20 % PERT), with a progress bar on a terminal.
 */
export async function runBusinessCaseCli(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "table" },
      draws: { type: "string" },
      seed: { type: "string", default: "42" },
    },
  });
  const file = positionals[0];
  if (!file) {
    console.error(
      "Brug: npx bundlinje business-case <scenario.json> [--format table|csv|json] [--draws N --seed S]",
    );
    return 1;
  }
  if (!["table", "csv", "json"].includes(values.format!)) {
    console.error(`Ukendt format "${values.format}": vælg table, csv eller json.`);
    return 1;
  }
  let input: unknown;
  try {
    input = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    console.error(`Kan ikke læse ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
  const validation = validateScenario(input);
  if (!validation.ok) {
    console.error("Scenariet har fejl:");
    for (const [path, message] of Object.entries(validation.errors))
      console.error(`  ${path || "(scenario)"}: ${message}`);
    return 1;
  }
  const scenario = validation.scenario;
  const { result } = calculate(scenario, {});
  let monteCarlo: MonteCarloResult | undefined;
  if (values.draws !== undefined) {
    const options = validateMonteCarloOptions(scenario, {
      seed: Number(values.seed),
      draws: Number(values.draws),
      uncertainties: defaultUncertainties(scenario),
    });
    if (!options.ok) {
      for (const [path, message] of Object.entries(options.errors)) console.error(`  ${path}: ${message}`);
      return 1;
    }
    const showProgress = process.stderr.isTTY && values.format !== "json";
    monteCarlo = runMonteCarlo(scenario, {
      ...options.options,
      onProgress: showProgress
        ? (done, total) => {
            const width = 30;
            const filled = Math.round((done / total) * width);
            process.stderr.write(
              `\rMonte Carlo [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`,
            );
            if (done === total) process.stderr.write("\n");
          }
        : undefined,
    });
  }
  process.stdout.write(formatOutput(values.format as "table" | "csv" | "json", result, monteCarlo));
  return 0;
}

function formatOutput(
  format: "table" | "csv" | "json",
  result: BusinessCaseResult,
  mc?: MonteCarloResult,
): string {
  if (format === "json") {
    const { scenario: _s, ...rest } = result;
    return `${JSON.stringify({ result: rest, ...(mc ? { monteCarlo: mc } : {}) }, null, 2)}\n`;
  }
  const header = [
    "year",
    "calendarYear",
    "completedCoursesCumulative",
    "savingsDkk",
    "costsDkk",
    "netDkk",
    "accumulatedDkk",
    "discountedNetDkk",
  ];
  const rows = result.years.map((y) => [
    String(y.year),
    String(y.calendarYear),
    y.completedCoursesCumulative.toFixed(1),
    toKronerString(y.savingsOre),
    toKronerString(y.costsOre),
    toKronerString(y.netOre),
    toKronerString(y.accumulatedOre),
    toKronerString(y.discountedNetOre),
  ]);
  if (format === "csv") return `${[header, ...rows].map((r) => r.join(",")).join("\n")}\n`;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padStart(widths[i]!)).join("  ");
  const payback = result.payback.isPaidBack
    ? `${result.payback.years.toFixed(2)} years (${result.payback.calendarYear})`
    : "not within the horizon";
  const lines = [
    line(header),
    ...rows.map(line),
    "",
    `Accumulated at horizon: ${toKronerString(result.accumulatedAtHorizonOre)} DKK`,
    `NPV: ${toKronerString(result.npvOre)} DKK`,
    `Payback: ${payback}`,
  ];
  if (result.breakEven.status === "found")
    lines.push(`Break-even success rate: ${result.breakEven.successRatePct.toFixed(2)} %`);
  if (mc) {
    const last = mc.years.at(-1)!;
    lines.push(
      `Monte Carlo (${mc.draws} draws, seed ${mc.seed}): accumulated at horizon P10 ${toKronerString(last.accumulatedP10Ore)} / P50 ${toKronerString(last.accumulatedP50Ore)} / P90 ${toKronerString(last.accumulatedP90Ore)} DKK; payback within horizon ${mc.paybackProbabilityPct.toFixed(1)} %`,
    );
  }
  return `${lines.join("\n")}\n`;
}
