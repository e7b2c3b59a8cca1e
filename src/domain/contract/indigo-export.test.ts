/**
 * The INDIGO export: the Vejle example validated against GO Lab's project schema (4.1.0, copied into
 * reference/), once as published and once made strict (no unknown field anywhere), plus key values,
 * statuses, the absence of any family id or person, and the other two mechanisms.
 */
import Ajv from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import projectSchema from "../../../reference/indigo-4.1.0/project.json";
import { calendarDate } from "../calendar-date";
import { fromKroner, type Ore, ore, toKronerString } from "../money";
import {
  buildIndigoProject,
  type IndigoExportInput,
  type IndigoLedgerEntry,
  type IndigoProject,
  oreToDkk,
} from "./indigo-export";
import type { ContractVersion } from "./model";
import type { FamilyGoalOutcome } from "./outcomes";
import { settle } from "./settle";
import { makeContract, outcomeRows, TEST_PERIOD } from "./test-fixtures";
import {
  createVejleContract,
  createVejleOutcomes,
  VEJLE_EXPECTED_DKK,
  VEJLE_FINAL_PERIOD,
  VEJLE_PARTIES,
} from "./vejle-example";

const INDIGO_KEYWORDS = [
  "priority",
  "codelist",
  "codelistDescription",
  "patternHint",
  "references-model",
  "references-models-seperator",
  "references-data-key",
  "references-data-list",
  "references-datas-seperator",
];

type Schema = { [key: string]: unknown };

/** The schema with `additionalProperties: false` on every object, and a status beside every value. */
function strictCopy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictCopy);
  if (node === null || typeof node !== "object") return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node as Schema)) {
    out[k] =
      k === "properties" || k === "definitions"
        ? Object.fromEntries(Object.entries(v as Schema).map(([name, s]) => [name, strictCopy(s)]))
        : strictCopy(v);
  }
  const props = out.properties as Schema | undefined;
  if (props) {
    out.additionalProperties = false;
    if ("value" in props && !("status" in props))
      props.status = { type: "string", enum: ["PUBLIC", "PRIVATE", "DISPUTED"] };
  }
  return out;
}

function validator(schema: unknown) {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(INDIGO_KEYWORDS);
  return ajv.compile(schema as Schema);
}

const validate = validator(projectSchema);
const validateStrict = validator(strictCopy(projectSchema));

function expectValid(data: IndigoProject) {
  const json = JSON.parse(JSON.stringify(data));
  expect(validate(json), JSON.stringify(validate.errors, null, 1)).toBe(true);
  expect(validateStrict(json), JSON.stringify(validateStrict.errors, null, 1)).toBe(true);
}

/** Every `{ value }` object in the export carries a status of PUBLIC or PRIVATE. */
function valueObjects(node: unknown, path = ""): { path: string; status: unknown }[] {
  if (Array.isArray(node)) return node.flatMap((x, i) => valueObjects(x, `${path}[${i}]`));
  if (node === null || typeof node !== "object") return [];
  const o = node as Schema;
  const own = "value" in o ? [{ path, status: o.status }] : [];
  return [...own, ...Object.entries(o).flatMap(([k, v]) => valueObjects(v, `${path}.${k}`))];
}

const D = calendarDate;
const vejleSettlement = () => settle(createVejleContract(), createVejleOutcomes(), VEJLE_FINAL_PERIOD);

function vejleInput(overrides: Partial<IndigoExportInput> = {}): IndigoExportInput {
  const interimOutcomes = createVejleOutcomes().filter((o) => o.trackCode === "ordinary");
  const ledger: IndigoLedgerEntry[] = [
    ...["2022-01-03", "2023-01-02", "2024-01-02"].map((date) => ({
      date: D(date),
      kind: "disbursement" as const,
      amountOre: fromKroner(1_600_000),
      fromOrganisationId: VEJLE_PARTIES.investor,
      toOrganisationId: VEJLE_PARTIES.provider,
    })),
    {
      date: D("2027-03-31"),
      kind: "repayment",
      amountOre: fromKroner(VEJLE_EXPECTED_DKK.total),
      fromOrganisationId: VEJLE_PARTIES.payer,
      toOrganisationId: VEJLE_PARTIES.investor,
    },
  ];
  return {
    project: {
      id: "INDIGO-POJ-0262",
      name: "Resultatbaseret familiebehandling, Vejle",
      description: "Familiebehandling for 25 familier (eksempel)",
    },
    organisations: [
      {
        id: VEJLE_PARTIES.payer,
        name: "Vejle Kommune",
        role: "payer",
        category: "Government/Public Sector/Public Bank",
      },
      {
        id: VEJLE_PARTIES.investor,
        name: "Social investeringsfond",
        role: "investor",
        category: "Investment Fund",
      },
      { id: VEJLE_PARTIES.provider, name: "Leverandør", role: "provider", category: "For-profit" },
      { id: VEJLE_PARTIES.evaluator, name: "Evaluator", role: "evaluator" },
    ],
    contract: createVejleContract(),
    statements: [
      {
        id: "stmt-final",
        state: "locked",
        settlement: vejleSettlement(),
        validatedBy: { organisationId: VEJLE_PARTIES.evaluator, name: "Jens Hansen", on: D("2027-03-10") },
        approvedOn: D("2027-03-20"),
      },
      {
        id: "stmt-draft",
        state: "draft",
        settlement: settle(createVejleContract(), interimOutcomes, {
          ...VEJLE_FINAL_PERIOD,
          periodId: "draft-interim",
          kind: "interim",
        }),
      },
    ],
    ledger,
    ...overrides,
  };
}

describe("the schema check itself", () => {
  it("rejects unknown fields (strict copy), bad enums, bad dates and string amounts", () => {
    expect(validateStrict({ name: { value: "x", status: "PUBLIC" } })).toBe(true);
    expect(validateStrict({ name: { value: "x", status: "PUBLIC", familyId: "f1" } })).toBe(false);
    expect(validateStrict({ familyIds: [] })).toBe(false);
    expect(validate({ stage_development: { value: "Finished", status: "PUBLIC" } })).toBe(false);
    expect(
      validate({ dates: { start_date_of_service_provision: { value: "1/1/2022", status: "PUBLIC" } } }),
    ).toBe(false);
    expect(
      validate({ overall_project_finance: { total_outcome_payments_made: { amount: { value: "10" } } } }),
    ).toBe(false);
  });
});

describe("buildIndigoProject — Vejle", () => {
  const out = buildIndigoProject(vejleInput());
  const d = out.data;

  it("validates against INDIGO 4.1.0 project.json, also with no unknown field allowed", () => {
    expect(out.id).toBe("INDIGO-POJ-0262");
    expectValid(d);
  });

  it("gives every value a status, and uses the defaults: name and dates public, money and results private", () => {
    const values = valueObjects(d);
    expect(values.length).toBeGreaterThan(100);
    for (const x of values) expect(["PUBLIC", "PRIVATE"], x.path).toContain(x.status);
    expect(d.name).toEqual({ value: "Resultatbaseret familiebehandling, Vejle", status: "PUBLIC" });
    expect(d.dates.start_date_of_service_provision).toEqual({ value: "2022-01-01", status: "PUBLIC" });
    expect(d.dates.anticipated_duration_of_service_provision.value).toBe(37);
    expect(d.dates.outcomes_contract_signed?.value).toBe("2021-11-15");
    expect(d.overall_project_finance.total_investment_commitment.amount.exact.status).toBe("PRIVATE");
    expect(d.results.every((r) => r.status === "PRIVATE" && r.outcome_metric_id.status === "PRIVATE")).toBe(
      true,
    );
    expect(d.outcome_metrics.every((m) => m.status === "PUBLIC")).toBe(true);
  });

  it("exports the money in DKK: investment 4,800,000, cap, planned and actual payments per goal", () => {
    const f = d.overall_project_finance;
    expect(f.total_investment_commitment.currency.value).toBe("DKK");
    expect(f.total_investment_commitment.amount.exact.value).toBe(4_800_000);
    expect(f.maximum_potential_outcome_payment_v2.amount.value).toBe(5_040_000);
    expect(f.maximum_potential_loss.value).toBe("100.00");
    expect(f.maximum_potential_return.value).toBe("5.00");
    expect(f.total_outcome_payments_made.amount.value).toBe(3_270_960);
    expect(f.investor_repayment?.value).toBe("Some repayment (but below value of principle)");
    expect(d.investment_details.total_funds_invested?.latest.amount.value).toBe(4_800_000);
    expect(d.investment_details.internal_rate_of_return?.latest.value).toBe("-8.70");
    expect(d.investments).toHaveLength(1);
    expect(d.investments[0]!.investment_commitment?.amount.exact.value).toBe(4_800_000);
    expect(d.stage_development.value).toBe("Complete");
    expect(d.dates.actual_completion_date?.value).toBe("2027-03-31");

    const actual = d.outcome_payments.filter((p) => p.type.value === "Actual");
    for (const [key, expected] of Object.entries(VEJLE_EXPECTED_DKK.goals)) {
      const p = actual.find((x) => x.outcome_metric_id?.value === key)!;
      expect(p.money.amount.value, key).toBe(expected.payment);
      expect(p.period.start_date.value).toBe("2022-01-01");
    }
    const planned = d.outcome_payments.filter((p) => p.type.value === "Planned");
    expect(
      planned.find((p) => p.outcome_metric_id?.value === "ordinary/plan-goals")!.money.amount.value,
    ).toBe(
      1_209_600, // 3,024,000 × 40 %
    );
    expect(planned.reduce((s, p) => s + p.money.amount.value, 0)).toBe(5_040_000);
    const pricing = d.outcome_pricings.find((p) => p.outcome_metric_id.value === "intensive/no-placement")!;
    expect(pricing.maximum_price_if_all_targets_achieved?.amount.value).toBe("604800.00");
    expect(d.transactions.map((t) => t.money.amount.value)).toEqual([
      1_600_000, 1_600_000, 1_600_000, 3_270_960,
    ]);
    expect(d.transactions[3]!.investment_id?.value).toBe(`investment/${VEJLE_PARTIES.investor}`);
  });

  it("has one outcome metric per goal of each track, and results with the validator, suppressed like the investor's view", () => {
    const keys = Object.keys(VEJLE_EXPECTED_DKK.goals);
    expect(d.outcome_metrics.map((m) => m.id)).toEqual(keys);
    expect(d.outcome_pricings.map((m) => m.outcome_metric_id.value)).toEqual(keys);
    expect(d.results.map((r) => r.outcome_metric_id.value)).toEqual(keys); // the draft is left out
    expect(d.outcome_metrics[0]!.targeted_number_of_service_users_or_beneficiaries_total.value).toBe(20);
    const plan = d.results[0]!;
    expect(plan.result_type.value).toBe("Final");
    expect(plan.number_engaged_in_impact_bond?.value).toBe(20);
    expect(plan.number_with_positive_social_outcomes?.value).toBe(14);
    expect(plan.outcomes_validator_organisation_ids?.value).toBe(VEJLE_PARTIES.evaluator);
    expect(plan.notes).toContain("validated on 2027-03-10");
    const intensive = d.results.find((r) => r.outcome_metric_id.value === "intensive/plan-goals")!;
    expect(intensive.number_engaged_in_impact_bond).toBeUndefined();
    expect(intensive.number_with_positive_social_outcomes).toBeUndefined();
    expect(intensive.outcomes_achieved.value).toBe("Attainment 60.00 %");
    // All families (25) is hidden in the investor's view, so it is not exported either.
    expect(d.service_and_beneficiaries.actual_number_service_users_or_beneficiaries_total).toBeUndefined();
    expect(d.service_and_beneficiaries.targeted_number_service_users_or_beneficiaries_total.value).toBe(25);
  });

  it("contains no family id and no person", () => {
    const json = JSON.stringify(out);
    for (const row of createVejleOutcomes()) expect(json).not.toContain(row.familyId);
    expect(json).not.toContain("vejle-o");
    expect(json).not.toContain("vejle-i");
    expect(json).not.toContain("Jens Hansen");
    expect(json).not.toContain("Fraværsdata");
    expect(json).not.toContain("draft-interim");
  });
});

describe("buildIndigoProject — visibility and input checks", () => {
  it("honours statuses per section and per field path, the most specific first", () => {
    const d = buildIndigoProject(
      vejleInput({
        visibility: {
          name: "PRIVATE",
          results: "PUBLIC",
          "results.number_with_positive_social_outcomes": "PRIVATE",
          "overall_project_finance.total_investment_commitment": "PUBLIC",
          service_and_beneficiaries: "PUBLIC",
        },
      }),
    ).data;
    expect(d.name.status).toBe("PRIVATE");
    expect(d.results[0]!.status).toBe("PUBLIC");
    expect(d.results[0]!.number_engaged_in_impact_bond?.status).toBe("PUBLIC");
    expect(d.results[0]!.number_with_positive_social_outcomes?.status).toBe("PRIVATE");
    expect(d.overall_project_finance.total_investment_commitment.amount.exact.status).toBe("PUBLIC");
    expect(d.overall_project_finance.total_investment_commitment.currency.status).toBe("PUBLIC");
    expect(d.overall_project_finance.maximum_potential_outcome_payment_v2.amount.status).toBe("PRIVATE");
    expectValid(d);
  });

  it("rejects an unknown section, a missing organisation, another contract and a non-positive amount", () => {
    expect(() => buildIndigoProject(vejleInput({ visibility: { result: "PUBLIC" } }))).toThrow(RangeError);
    expect(() => buildIndigoProject(vejleInput({ organisations: [] }))).toThrow(RangeError);
    const base = vejleInput();
    expect(() =>
      buildIndigoProject({ ...base, ledger: [{ ...base.ledger[0]!, amountOre: ore(0) }] }),
    ).toThrow(RangeError);
    expect(() =>
      buildIndigoProject({ ...base, ledger: [{ ...base.ledger[0]!, toOrganisationId: "someone" }] }),
    ).toThrow(RangeError);
    const other = { ...createVejleContract(), contractId: "other" };
    expect(() => buildIndigoProject({ ...base, contract: other })).toThrow(RangeError);
  });

  it("leaves out results and payments of drafts, and gives results but no actual payment for a validated statement", () => {
    const base = vejleInput();
    const validated = buildIndigoProject({
      ...base,
      statements: [{ ...base.statements[0]!, state: "validated" }],
      ledger: [],
    }).data;
    expect(validated.results).toHaveLength(7);
    expect(validated.outcome_payments.filter((p) => p.type.value === "Actual")).toEqual([]);
    expect(validated.stage_development.value).toBe("Service delivery complete");
    expect(validated.overall_project_finance.investor_repayment).toBeUndefined();
    const none = buildIndigoProject({ ...base, statements: [base.statements[1]!], ledger: [] }).data;
    expect(none.results).toEqual([]);
    expect(none.stage_development.value).toBe("Contracted");
    expectValid(validated);
    expectValid(none);
  });
});

describe("buildIndigoProject — other mechanisms", () => {
  const exportOf = (contract: ContractVersion, outcomes: FamilyGoalOutcome[]) =>
    buildIndigoProject({
      project: { id: "INDIGO-POJ-TEST", name: "Test" },
      organisations: [
        { id: "payer", name: "Kommune", role: "payer" },
        { id: "investor", name: "Fond", role: "investor" },
      ],
      contract,
      statements: [{ id: "s1", state: "approved", settlement: settle(contract, outcomes, TEST_PERIOD) }],
      ledger: [],
    }).data;

  it("rate card: a price per unit and a planned amount within the family cap", () => {
    const contract = makeContract({
      mechanism: { kind: "rate-card" },
      tracks: [
        {
          code: "A",
          expectedFamilies: 6,
          familyCapOre: fromKroner(20_000),
          goals: [
            { id: "g1", payment: { kind: "price", priceOre: ore(1_000_050) } },
            { id: "g2", payment: { kind: "price", priceOre: fromKroner(15_000) } },
          ],
        },
      ],
    });
    const ids = ["F-alpha", "F-beta", "F-gamma", "F-delta", "F-eps", "F-zeta"];
    const d = exportOf(contract, [
      ...outcomeRows("A", "g1", { met: ids.slice(0, 4), notMet: ids.slice(4) }),
      ...outcomeRows("A", "g2", { met: ids.slice(0, 1), notMeasurable: ids.slice(1) }),
    ]);
    expectValid(d);
    expect(d.outcome_pricings[0]!.price_per_unit?.amount.value).toBe(10_000.5);
    // 6 families × the family cap of 20,000, split 10,000.50 : 15,000 per family.
    const planned = d.outcome_payments
      .filter((p) => p.type.value === "Planned")
      .map((p) => p.money.amount.value);
    expect(planned.reduce((s, x) => s + x, 0)).toBe(120_000);
    expect(JSON.stringify(d)).not.toContain("F-");
  });

  it("per day: a price per day and no planned amount", () => {
    const contract = makeContract({
      mechanism: { kind: "per-day-out-of-care" },
      tracks: [
        {
          code: "A",
          expectedFamilies: 3,
          goals: [{ id: "days", payment: { kind: "per-day", pricePerDayOre: fromKroner(1_500) } }],
        },
      ],
    });
    const c2 = settle(contract, [], TEST_PERIOD, {
      careDays: [{ familyId: "F-one", trackCode: "A", goalId: "days", baselineDays: 365, daysInCare: 200 }],
    });
    const d = buildIndigoProject({
      project: { id: "INDIGO-POJ-TEST", name: "Test" },
      organisations: [
        { id: "payer", name: "Kommune", role: "payer" },
        { id: "investor", name: "Fond", role: "investor" },
      ],
      contract,
      statements: [{ id: "s1", state: "locked", settlement: c2 }],
      ledger: [],
    }).data;
    expectValid(d);
    expect(d.outcome_pricings[0]!.price_per_unit?.amount.value).toBe(1_500);
    expect(d.outcome_payments.map((p) => p.type.value)).toEqual(["Actual"]);
    expect(d.outcome_payments[0]!.money.amount.value).toBe(247_500);
    expect(d.results[0]!.number_engaged_in_impact_bond).toBeUndefined(); // 1 family
    expect(JSON.stringify(d)).not.toContain("F-one");
  });
});

describe("oreToDkk", () => {
  it("property: the DKK number prints exactly as the øre's decimal string", () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), (x) => {
        // "1234.50" → "1234.5", "100.00" → "100", "0.05" stays.
        const expected = toKronerString(x as Ore).replace(/\.?0+$/, "");
        expect(String(oreToDkk(x as Ore))).toBe(expected);
      }),
      { numRuns: 2_000 },
    );
    expect(oreToDkk(fromKroner(4_800_000))).toBe(4_800_000);
    expect(() => oreToDkk(ore(1_000_000_000_000_000))).toThrow(RangeError);
  });
});
