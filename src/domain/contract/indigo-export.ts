/**
 * Export of a contract and its results in the shape of GO Lab's INDIGO data standard 4.1.0 (the
 * `project` schema, reference/indigo-4.1.0/project.json). Pure and deterministic: no clock, no I/O.
 * See docs/indigo-export.md for the mapping table and the visibility defaults.
 *
 * What leaves Bundlinje: contract terms, money, dates, organisation ids and aggregate counts of
 * families — the counts suppressed exactly as in the investor's view (`investorViewOfSettlement`), so
 * no group of 1–4 families can be read or worked out. Never a family id, a person's name (the name in
 * `validatedBy` is not exported) or a not-measurable reason.
 */

import { addDays, addMonths, type CalendarDate, compareDates } from "../calendar-date";
import { divideRounded, type Ore, toKronerString } from "../money";
import {
  investorViewOfSettlement,
  type SuppressedCell,
  type SuppressionOptions,
} from "./aggregate-suppression";
import { forecastRepayment } from "./forecast";
import type { ContractVersion, GoalPayment, PartyRole } from "./model";
import type { Settlement } from "./settle";
import { isFullyAccepted } from "./versions";

/** INDIGO's status of a value (DISPUTED and SANDBOX are never produced here). */
export type IndigoStatus = "PUBLIC" | "PRIVATE";

/** Every INDIGO value: the value and its status. */
export interface IndigoValue<T> {
  value: T;
  status: IndigoStatus;
}

type V<T> = IndigoValue<T>;

/** INDIGO's organisation role categories (each section allows a subset; others are left out there). */
export type IndigoRoleCategory =
  | "Nonprofit/NGO"
  | "Foundation/Philanthropist"
  | "Government/Public Sector/Public Bank"
  | "Multilateral/Bilateral/Intergovernmental Financial Institution"
  | "Corporate Giving"
  | "Investment Fund"
  | "For-profit"
  | "Other";

const FUNDER_CATEGORIES: readonly IndigoRoleCategory[] = [
  "Nonprofit/NGO",
  "Foundation/Philanthropist",
  "Government/Public Sector/Public Bank",
  "Multilateral/Bilateral/Intergovernmental Financial Institution",
  "Corporate Giving",
  "Investment Fund",
];
const PROVIDER_CATEGORIES: readonly IndigoRoleCategory[] = [
  "Nonprofit/NGO",
  "Foundation/Philanthropist",
  "Government/Public Sector/Public Bank",
  "For-profit",
  "Other",
];

/** An organisation of the project; `id` is the id used in INDIGO (e.g. INDIGO-ORG-…) and by the ledger. */
export interface IndigoOrganisationInput {
  id: string;
  /** Used only in the description of the contracting parties (INDIGO keeps names in organisation records). */
  name: string;
  role: PartyRole;
  category?: IndigoRoleCategory;
}

/** The state of a settlement statement (docs: draft → validated → approved by each party → locked). */
export type IndigoStatementState = "draft" | "validated" | "approved" | "locked";

/** A settlement statement to export. */
export interface IndigoStatementInput {
  id: string;
  state: IndigoStatementState;
  settlement: Settlement;
  /** Only the organisation id and the date are exported; `name` (a person) never is. */
  validatedBy?: { organisationId: string; name: string; on: CalendarDate };
  approvedOn?: CalendarDate;
}

/** A money movement of the ledger: `amountOre` > 0 flows from `fromOrganisationId` to `toOrganisationId`. */
export interface IndigoLedgerEntry {
  date: CalendarDate;
  kind: "disbursement" | "repayment" | "adjustment";
  amountOre: Ore;
  fromOrganisationId: string;
  toOrganisationId: string;
}

/** The input of `buildIndigoProject`. */
export interface IndigoExportInput {
  /** `id`: the project's INDIGO id (INDIGO-POJ-…); startsOn/endsOn default to the contract's windows. */
  project: { id: string; name: string; description?: string; startsOn?: CalendarDate; endsOn?: CalendarDate };
  organisations: readonly IndigoOrganisationInput[];
  contract: ContractVersion;
  statements: readonly IndigoStatementInput[];
  ledger: readonly IndigoLedgerEntry[];
  /**
   * Status per INDIGO section or field path (`"results"`, `"dates.actual_completion_date"`,
   * `"overall_project_finance.total_investment_commitment"`); the most specific key given here wins,
   * then the most specific default (`INDIGO_DEFAULT_VISIBILITY`); anything else is PRIVATE.
   */
  visibility?: Readonly<Record<string, IndigoStatus>>;
  /** Small-cell suppression of the result counts (default 5, as in the investor's view). */
  suppression?: SuppressionOptions;
}

interface IndigoMoney {
  currency: V<string>;
  amount: V<number>;
}

interface IndigoPeriod {
  start_date: V<string>;
  end_date: V<string>;
}

/** An outcome metric: one per goal of a track. */
export interface IndigoOutcomeMetric {
  id: string;
  definition: V<string>;
  target_population: V<string>;
  targeted_number_of_service_users_or_beneficiaries_total: V<number>;
  unit_type_of_targeted_service_users_or_beneficiaries: V<"Other">;
  unit_description_of_service_user_or_beneficiaries: V<string>;
  outcome_metric_target: V<string>;
  outcome_validation_method: V<string>;
  policy_sector: V<string>;
  status: IndigoStatus;
}

/** A result: one per exported statement and outcome metric. */
export interface IndigoResult {
  outcome_metric_id: V<string>;
  result_level: V<"Outcome level">;
  result_type: V<"Interim" | "Final">;
  period: IndigoPeriod;
  outcomes_achieved: V<string>;
  /** The track's families; left out when suppressed. */
  number_engaged_in_impact_bond?: V<number>;
  /** Families meeting the goal; left out when suppressed. */
  number_with_positive_social_outcomes?: V<number>;
  outcomes_validator_organisation_ids?: V<string>;
  notes: string;
  status: IndigoStatus;
}

/** A planned or actual outcome payment. */
export interface IndigoOutcomePayment {
  outcome_payment_plan_id: V<string>;
  outcome_metric_id?: V<string>;
  period: IndigoPeriod;
  payer_organisation_id: V<string>;
  recipient_organisation_id?: V<string>;
  type: V<"Planned" | "Actual">;
  money: IndigoMoney;
  status: IndigoStatus;
  notes: string;
}

/** The INDIGO project data (validates against project.json). */
export interface IndigoProject {
  name: V<string>;
  notes?: V<string>;
  stage_development: V<"Contracted" | "Implementation" | "Service delivery complete" | "Complete">;
  jurisdiction: { jurisdiction: V<string> };
  purpose_and_classifications: { policy_sector: V<"Child and family welfare"> };
  dates: {
    outcomes_contract_signed?: V<string>;
    start_date_of_service_provision: V<string>;
    anticipated_end_date_of_service_provision: V<string>;
    anticipated_duration_of_service_provision: V<number>;
    anticipated_completion_date: V<string>;
    actual_completion_date?: V<string>;
  };
  service_and_beneficiaries: {
    targeted_number_service_users_or_beneficiaries_total: V<number>;
    unit_type_targeted_service_users_or_beneficiaries: V<"Other">;
    unit_description_of_service_user_or_beneficiaries: V<string>;
    actual_number_service_users_or_beneficiaries_total?: V<number>;
    unit_type_actual_service_users_or_beneficiaries?: V<"Other">;
    unit_description_of_actual_service_user_or_beneficiaries?: V<string>;
  };
  overall_project_finance: {
    total_investment_commitment: { currency: V<string>; amount: { exact: V<number> } };
    maximum_potential_outcome_payment_v2: IndigoMoney;
    maximum_potential_loss: V<string>;
    maximum_potential_return_type: V<string>;
    maximum_potential_return: V<string>;
    configuration_contracting_parties: V<string>;
    investor_repayment?: V<string>;
    total_outcome_payments_made: IndigoMoney;
  };
  investment_details: {
    total_funds_invested?: { latest: IndigoMoney & { date: V<string> } };
    internal_rate_of_return?: { latest: V<string>; date: V<string> };
  };
  investments: {
    id: string;
    organisation_id: V<string>;
    organisation_role_category?: V<IndigoRoleCategory>;
    investment_commitment?: { currency: V<string>; amount: { exact: V<number> } };
    maximum_potential_loss: V<string>;
    investor_repayment?: V<string>;
    status: IndigoStatus;
  }[];
  outcome_payment_commitments: {
    organisation_id: V<string>;
    organisation_role_category?: V<IndigoRoleCategory>;
    maximum_potential_outcome_payment: IndigoMoney;
    period: IndigoPeriod;
    total_outcome_payments: IndigoMoney;
    status: IndigoStatus;
  }[];
  service_provisions: {
    id: string;
    organisation_id: V<string>;
    organisation_role_category?: V<IndigoRoleCategory>;
    planned_service: { start_date: V<string>; end_date: V<string> };
    status: IndigoStatus;
  }[];
  outcome_metrics: IndigoOutcomeMetric[];
  outcome_pricings: {
    outcome_metric_id: V<string>;
    currency: V<string>;
    price_per_unit?: { amount: V<number> };
    maximum_price_if_all_targets_achieved?: { amount: V<string> };
    price_description: V<string>;
    status: IndigoStatus;
  }[];
  outcome_payment_plans: { id: V<string>; period: IndigoPeriod; status: IndigoStatus; notes: string }[];
  outcome_payments: IndigoOutcomePayment[];
  results: IndigoResult[];
  transactions: {
    investment_id?: V<string>;
    date: V<string>;
    sending_organisation_id: V<string>;
    receiving_organisation_id: V<string>;
    money: IndigoMoney;
    notes: string;
    status: IndigoStatus;
  }[];
}

/** The export: the project's INDIGO id beside its data (project.json describes `data`; it has no id). */
export interface IndigoProjectExport {
  id: string;
  data: IndigoProject;
}

/**
 * Default statuses: what a signed contract makes public anyway (name, dates, goals, the number of
 * families planned) is PUBLIC; money and results are PRIVATE. See docs/indigo-export.md.
 */
export const INDIGO_DEFAULT_VISIBILITY: Readonly<Record<string, IndigoStatus>> = {
  name: "PUBLIC",
  notes: "PUBLIC",
  stage_development: "PUBLIC",
  jurisdiction: "PUBLIC",
  purpose_and_classifications: "PUBLIC",
  dates: "PUBLIC",
  service_and_beneficiaries: "PUBLIC",
  "service_and_beneficiaries.actual_number_service_users_or_beneficiaries_total": "PRIVATE",
  service_provisions: "PUBLIC",
  outcome_metrics: "PUBLIC",
  outcome_payment_plans: "PUBLIC",
  overall_project_finance: "PRIVATE",
  investment_details: "PRIVATE",
  investments: "PRIVATE",
  outcome_payment_commitments: "PRIVATE",
  outcome_pricings: "PRIVATE",
  outcome_payments: "PRIVATE",
  results: "PRIVATE",
  transactions: "PRIVATE",
};

/** The top-level sections this export writes (a visibility key must start with one of them). */
export const INDIGO_SECTIONS: readonly string[] = Object.keys(INDIGO_DEFAULT_VISIBILITY).filter(
  (k) => !k.includes("."),
);

const CURRENCY = "DKK";
const MAX_EXACT_ORE = 999_999_999_999_999; // 15 significant digits: øre / 100 prints exactly

/**
 * Øre as an INDIGO amount in DKK (a JSON number with at most 2 decimals), exact: øre / 100 is one
 * correctly rounded division, and any decimal of ≤ 15 significant digits survives the double and its
 * shortest printing, so `String(oreToDkk(123456))` is "1234.56".
 * @throws RangeError beyond ±999,999,999,999,999 øre (about 10 trillion DKK).
 */
export function oreToDkk(amountOre: Ore): number {
  if (!Number.isSafeInteger(amountOre) || Math.abs(amountOre) > MAX_EXACT_ORE)
    throw new RangeError(`Amount out of the exact range: ${amountOre}`);
  return amountOre / 100;
}

/** A ratio as a percentage with 2 decimals, half-up, e.g. 1/20 → "5.00" (exact, bigint). */
function pctString(numerator: bigint, denominator: bigint): string {
  const hundredths = divideRounded(numerator * 10_000n, denominator, "half-up");
  const negative = hundredths < 0n;
  const abs = negative ? -hundredths : hundredths;
  return `${negative ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

const bpsPct = (bps: number) => pctString(BigInt(bps), 10_000n);

/** Whole months from `from` to the day after `to` (2022-01-01 … 2025-01-31 → 37). */
function wholeMonths(from: CalendarDate, to: CalendarDate): number {
  const end = addDays(to, 1);
  let months = 0;
  while (compareDates(addMonths(from, months + 1), end) <= 0) months++;
  return months;
}

function describePayment(payment: GoalPayment): string {
  switch (payment.kind) {
    case "weighted":
      return `Share of the track's counted families meeting the goal: threshold ${bpsPct(payment.thresholdBps)} % → target ${bpsPct(payment.targetBps)} %`;
    case "price":
      return "Goal met by a family (rate card: a price per family meeting the goal)";
    case "per-day":
      return "Days in care below the family's baseline (a price per day avoided)";
  }
}

function investorRepayment(repaidOre: number, investedOre: number): string {
  if (repaidOre <= 0) return "No repayment (no principle or return)";
  if (repaidOre < investedOre) return "Some repayment (but below value of principle)";
  if (repaidOre === investedOre) return "Principal repaid (but no net return)";
  return "Principal + positive financial returns";
}

const PAYABLE: readonly IndigoStatementState[] = ["approved", "locked"];

/**
 * Builds the INDIGO project for a contract version, its settlement statements and the ledger (see
 * docs/indigo-export.md for every field). Draft statements are left out; validated ones give results;
 * approved and locked ones also give actual outcome payments. Counts of families pass through the same
 * small-cell suppression as the investor's view and are left out where hidden. Amounts are DKK numbers
 * with at most 2 decimals (`oreToDkk`) with the currency "DKK"; the one string amount of the schema
 * (maximum price if all targets are achieved) is a decimal string ("1234.56").
 * @throws RangeError for a visibility key outside `INDIGO_SECTIONS`, a contract party, ledger party or
 * validator missing from `organisations`, a statement of another contract, or a ledger amount ≤ 0.
 */
export function buildIndigoProject(input: IndigoExportInput): IndigoProjectExport {
  const { contract: c, project } = input;
  const visibility = input.visibility ?? {};
  for (const key of Object.keys(visibility)) {
    if (!INDIGO_SECTIONS.includes(key.split(".")[0]!)) throw new RangeError(`Unknown INDIGO section: ${key}`);
  }
  const statusOf = (path: string): IndigoStatus => {
    const segments = path.split(".");
    for (const table of [visibility, INDIGO_DEFAULT_VISIBILITY]) {
      for (let n = segments.length; n > 0; n--) {
        const status = table[segments.slice(0, n).join(".")];
        if (status !== undefined) return status;
      }
    }
    return "PRIVATE";
  };
  const v = <T>(path: string, value: T): V<T> => ({ value, status: statusOf(path) });
  const money = (path: string, amountOre: Ore): IndigoMoney => ({
    currency: v(`${path}.currency`, CURRENCY),
    amount: v(`${path}.amount`, oreToDkk(amountOre)),
  });
  const period = (path: string, from: CalendarDate, to: CalendarDate): IndigoPeriod => ({
    start_date: v(`${path}.start_date`, from),
    end_date: v(`${path}.end_date`, to),
  });

  // Organisations: every party, ledger party and validator must be known.
  const orgs = new Map<string, IndigoOrganisationInput[]>();
  for (const o of input.organisations) orgs.set(o.id, [...(orgs.get(o.id) ?? []), o]);
  const requireOrg = (id: string, where: string) => {
    if (!orgs.has(id)) throw new RangeError(`${where}: organisation ${id} is not in organisations`);
  };
  for (const p of c.parties) {
    if (!orgs.get(p.organisationId)?.some((o) => o.role === p.role))
      throw new RangeError(`Party ${p.organisationId} (${p.role}) is not in organisations`);
  }
  const categoryOf = (id: string, allowed: readonly IndigoRoleCategory[], path: string) => {
    const category = orgs.get(id)?.find((o) => o.category !== undefined)?.category;
    return category !== undefined && allowed.includes(category)
      ? { organisation_role_category: v(`${path}.organisation_role_category`, category) }
      : {};
  };
  const payer = c.parties.find((p) => p.role === "payer")!.organisationId;
  const investors = c.parties.filter((p) => p.role === "investor").map((p) => p.organisationId);
  const soleInvestor = investors.length === 1 ? investors[0]! : null;

  // Statements: drafts are not facts; validated ones are results; approved and locked ones are paid.
  for (const s of input.statements) {
    if (s.settlement.contract.contractId !== c.contractId)
      throw new RangeError(`Statement ${s.id} belongs to another contract`);
    if (s.validatedBy) requireOrg(s.validatedBy.organisationId, `Statement ${s.id}`);
  }
  const statements = input.statements
    .filter((s) => s.state !== "draft")
    .slice()
    .sort((a, b) => compareDates(a.settlement.period.to, b.settlement.period.to));
  const finals = statements.filter((s) => s.settlement.period.kind === "final");
  const finalStatement = finals[finals.length - 1] ?? null;
  const payableFinal = [...finals].reverse().find((s) => PAYABLE.includes(s.state)) ?? null;

  // Ledger.
  const ledger = input.ledger
    .map((e, i) => {
      if (!Number.isSafeInteger(e.amountOre) || e.amountOre <= 0)
        throw new RangeError(`ledger.${i}: the amount must be a positive number of øre`);
      requireOrg(e.fromOrganisationId, `ledger.${i}`);
      requireOrg(e.toOrganisationId, `ledger.${i}`);
      return { ...e, i };
    })
    .sort((a, b) => compareDates(a.date, b.date) || a.i - b.i);
  const disbursements = ledger.filter((e) => e.kind === "disbursement");
  const investedOre = disbursements.reduce((s, e) => s + e.amountOre, 0) as Ore;
  let outcomePaymentsMadeOre = 0;
  for (const e of ledger) {
    if (e.kind === "disbursement") continue;
    if (e.fromOrganisationId === payer) outcomePaymentsMadeOre += e.amountOre;
    if (e.toOrganisationId === payer) outcomePaymentsMadeOre -= e.amountOre;
  }
  const outcomePaymentsMade = outcomePaymentsMadeOre as Ore;
  const repaymentDates = ledger.filter((e) => e.kind !== "disbursement" && e.fromOrganisationId === payer);

  const isComplete = payableFinal !== null && outcomePaymentsMade >= payableFinal.settlement.totalOre;
  const stage = isComplete
    ? "Complete"
    : finalStatement
      ? "Service delivery complete"
      : statements.length > 0 || ledger.length > 0
        ? "Implementation"
        : "Contracted";

  const investment = BigInt(c.investmentOre);
  const lossPct = pctString(investment - BigInt(c.floorOre), investment);
  const finalView = finalStatement
    ? investorViewOfSettlement(finalStatement.settlement, input.suppression)
    : null;
  const totalFamilies = finalView && "value" in finalView.families ? finalView.families.value : null;
  const signedOn = isFullyAccepted(c)
    ? c.acceptances.map((a) => a.acceptedOn).sort(compareDates)[c.acceptances.length - 1]
    : undefined;

  // Outcome metrics: one per goal of each track.
  const metricId = (trackCode: string, goalId: string) => `${trackCode}/${goalId}`;
  const metrics = c.tracks.flatMap((t) => t.goals.map((g) => ({ t, g, id: metricId(t.code, g.id) })));
  const plannedByMetric = plannedPayments(c);
  const planId = `${c.contractId}/v${c.version}`;
  const planFrom = c.serviceWindow.from;
  const planTo = c.followUpWindow.to;
  const recipient = (path: string) =>
    soleInvestor === null
      ? {}
      : { recipient_organisation_id: v(`${path}.recipient_organisation_id`, soleInvestor) };

  const payments: IndigoOutcomePayment[] = [];
  for (const m of metrics) {
    const planned = plannedByMetric.get(m.id);
    if (planned === undefined) continue;
    payments.push({
      outcome_payment_plan_id: v("outcome_payments.outcome_payment_plan_id", planId),
      outcome_metric_id: v("outcome_payments.outcome_metric_id", m.id),
      period: period("outcome_payments.period", planFrom, planTo),
      payer_organisation_id: v("outcome_payments.payer_organisation_id", payer),
      ...recipient("outcome_payments"),
      type: v("outcome_payments.type", "Planned" as const),
      money: money("outcome_payments.money", planned),
      status: statusOf("outcome_payments"),
      notes: "Planned: the contract's payment if every family meets every goal (after the cap)",
    });
  }
  for (const s of statements.filter((x) => PAYABLE.includes(x.state))) {
    const st = s.settlement;
    const base = {
      outcome_payment_plan_id: v("outcome_payments.outcome_payment_plan_id", planId),
      period: period("outcome_payments.period", st.period.from, st.period.to),
      payer_organisation_id: v("outcome_payments.payer_organisation_id", payer),
      ...recipient("outcome_payments"),
      type: v("outcome_payments.type", "Actual" as const),
      status: statusOf("outcome_payments"),
    };
    for (const t of st.tracks) {
      for (const g of t.goals) {
        payments.push({
          ...base,
          outcome_metric_id: v("outcome_payments.outcome_metric_id", metricId(t.trackCode, g.goalId)),
          money: money("outcome_payments.money", g.amountOre),
          notes: `Statement ${s.id} (${s.state}), period ${st.period.periodId}`,
        });
      }
    }
    if (st.floorTopUpOre > 0) {
      payments.push({
        ...base,
        money: money("outcome_payments.money", st.floorTopUpOre),
        notes: `Statement ${s.id} (${s.state}): floor top-up, paid regardless of outcomes`,
      });
    }
  }

  const results: IndigoResult[] = statements.flatMap((s) => {
    const view = investorViewOfSettlement(s.settlement, input.suppression);
    const st = s.settlement;
    const dates = [
      s.validatedBy ? `validated on ${s.validatedBy.on}` : null,
      s.approvedOn ? `approved on ${s.approvedOn}` : null,
    ].filter((x) => x !== null);
    return view.tracks.flatMap((t) =>
      t.goals.map((g): IndigoResult => {
        const count = (path: string, cell: SuppressedCell) =>
          "value" in cell ? { [path]: v(`results.${path}`, cell.value) } : {};
        const isSuppressed = !("value" in t.families) || !("value" in g.met);
        return {
          outcome_metric_id: v("results.outcome_metric_id", metricId(t.trackCode, g.goalId)),
          result_level: v("results.result_level", "Outcome level" as const),
          result_type: v(
            "results.result_type",
            st.period.kind === "final" ? ("Final" as const) : ("Interim" as const),
          ),
          period: period("results.period", st.period.from, st.period.to),
          outcomes_achieved: v("results.outcomes_achieved", `Attainment ${g.attainmentPct.toFixed(2)} %`),
          ...count("number_engaged_in_impact_bond", t.families),
          ...count("number_with_positive_social_outcomes", g.met),
          ...(s.validatedBy
            ? {
                outcomes_validator_organisation_ids: v(
                  "results.outcomes_validator_organisation_ids",
                  s.validatedBy.organisationId,
                ),
              }
            : {}),
          notes: [
            `Statement ${s.id} (${s.state}${dates.length > 0 ? `, ${dates.join(", ")}` : ""})`,
            ...(isSuppressed
              ? [
                  `counts of fewer than ${view.suppression.minCellSize} families are suppressed, with complementary cells`,
                ]
              : []),
          ].join("; "),
          status: statusOf("results"),
        };
      }),
    );
  });

  const partyNames = c.parties.map((p) => `${orgs.get(p.organisationId)![0]!.name} (${p.role})`).join(", ");
  const finalSettlement = payableFinal?.settlement ?? null;

  const data: IndigoProject = {
    name: v("name", project.name),
    ...(project.description ? { notes: v("notes", project.description) } : {}),
    stage_development: v("stage_development", stage),
    jurisdiction: { jurisdiction: v("jurisdiction.jurisdiction", "DK") },
    purpose_and_classifications: {
      policy_sector: v("purpose_and_classifications.policy_sector", "Child and family welfare" as const),
    },
    dates: {
      ...(signedOn ? { outcomes_contract_signed: v("dates.outcomes_contract_signed", signedOn) } : {}),
      start_date_of_service_provision: v(
        "dates.start_date_of_service_provision",
        project.startsOn ?? c.serviceWindow.from,
      ),
      anticipated_end_date_of_service_provision: v(
        "dates.anticipated_end_date_of_service_provision",
        c.serviceWindow.to,
      ),
      anticipated_duration_of_service_provision: v(
        "dates.anticipated_duration_of_service_provision",
        wholeMonths(c.serviceWindow.from, c.serviceWindow.to),
      ),
      anticipated_completion_date: v(
        "dates.anticipated_completion_date",
        project.endsOn ?? c.followUpWindow.to,
      ),
      ...(isComplete && repaymentDates.length > 0
        ? {
            actual_completion_date: v(
              "dates.actual_completion_date",
              repaymentDates[repaymentDates.length - 1]!.date,
            ),
          }
        : {}),
    },
    service_and_beneficiaries: {
      targeted_number_service_users_or_beneficiaries_total: v(
        "service_and_beneficiaries.targeted_number_service_users_or_beneficiaries_total",
        c.tracks.reduce((s, t) => s + t.expectedFamilies, 0),
      ),
      unit_type_targeted_service_users_or_beneficiaries: v(
        "service_and_beneficiaries.unit_type_targeted_service_users_or_beneficiaries",
        "Other" as const,
      ),
      unit_description_of_service_user_or_beneficiaries: v(
        "service_and_beneficiaries.unit_description_of_service_user_or_beneficiaries",
        "Families",
      ),
      ...(totalFamilies === null
        ? {}
        : {
            actual_number_service_users_or_beneficiaries_total: v(
              "service_and_beneficiaries.actual_number_service_users_or_beneficiaries_total",
              totalFamilies,
            ),
            unit_type_actual_service_users_or_beneficiaries: v(
              "service_and_beneficiaries.unit_type_actual_service_users_or_beneficiaries",
              "Other" as const,
            ),
            unit_description_of_actual_service_user_or_beneficiaries: v(
              "service_and_beneficiaries.unit_description_of_actual_service_user_or_beneficiaries",
              "Families",
            ),
          }),
    },
    overall_project_finance: {
      total_investment_commitment: {
        currency: v("overall_project_finance.total_investment_commitment.currency", CURRENCY),
        amount: {
          exact: v(
            "overall_project_finance.total_investment_commitment.amount.exact",
            oreToDkk(c.investmentOre),
          ),
        },
      },
      maximum_potential_outcome_payment_v2: money(
        "overall_project_finance.maximum_potential_outcome_payment_v2",
        c.capOre,
      ),
      maximum_potential_loss: v("overall_project_finance.maximum_potential_loss", lossPct),
      maximum_potential_return_type: v(
        "overall_project_finance.maximum_potential_return_type",
        "Total return at the contract cap, % of the investment (not annualised)",
      ),
      maximum_potential_return: v(
        "overall_project_finance.maximum_potential_return",
        pctString(BigInt(c.capOre) - investment, investment),
      ),
      configuration_contracting_parties: v(
        "overall_project_finance.configuration_contracting_parties",
        partyNames,
      ),
      ...(finalSettlement
        ? {
            investor_repayment: v(
              "overall_project_finance.investor_repayment",
              investorRepayment(finalSettlement.totalOre, c.investmentOre),
            ),
          }
        : {}),
      total_outcome_payments_made: money(
        "overall_project_finance.total_outcome_payments_made",
        outcomePaymentsMade,
      ),
    },
    investment_details: {
      ...(disbursements.length > 0
        ? {
            total_funds_invested: {
              latest: {
                ...money("investment_details.total_funds_invested.latest", investedOre),
                date: v(
                  "investment_details.total_funds_invested.latest.date",
                  disbursements[disbursements.length - 1]!.date,
                ),
              },
            },
          }
        : {}),
      ...(finalSettlement && finalSettlement.investor.irr !== null
        ? {
            internal_rate_of_return: {
              latest: v(
                "investment_details.internal_rate_of_return.latest",
                (finalSettlement.investor.irr * 100).toFixed(2),
              ),
              date: v(
                "investment_details.internal_rate_of_return.date",
                finalSettlement.period.settlementDate,
              ),
            },
          }
        : {}),
    },
    investments: investors.map((id) => ({
      id: `investment/${id}`,
      organisation_id: v("investments.organisation_id", id),
      ...categoryOf(id, FUNDER_CATEGORIES, "investments"),
      ...(soleInvestor === null
        ? {}
        : {
            investment_commitment: {
              currency: v("investments.investment_commitment.currency", CURRENCY),
              amount: {
                exact: v("investments.investment_commitment.amount.exact", oreToDkk(c.investmentOre)),
              },
            },
          }),
      maximum_potential_loss: v("investments.maximum_potential_loss", lossPct),
      ...(finalSettlement && soleInvestor !== null
        ? {
            investor_repayment: v(
              "investments.investor_repayment",
              investorRepayment(finalSettlement.totalOre, c.investmentOre),
            ),
          }
        : {}),
      status: statusOf("investments"),
    })),
    outcome_payment_commitments: [
      {
        organisation_id: v("outcome_payment_commitments.organisation_id", payer),
        ...categoryOf(payer, FUNDER_CATEGORIES, "outcome_payment_commitments"),
        maximum_potential_outcome_payment: money(
          "outcome_payment_commitments.maximum_potential_outcome_payment",
          c.capOre,
        ),
        period: period("outcome_payment_commitments.period", planFrom, planTo),
        total_outcome_payments: money(
          "outcome_payment_commitments.total_outcome_payments",
          outcomePaymentsMade,
        ),
        status: statusOf("outcome_payment_commitments"),
      },
    ],
    service_provisions: c.parties
      .filter((p) => p.role === "provider")
      .map((p) => ({
        id: `service/${p.organisationId}`,
        organisation_id: v("service_provisions.organisation_id", p.organisationId),
        ...categoryOf(p.organisationId, PROVIDER_CATEGORIES, "service_provisions"),
        planned_service: {
          start_date: v("service_provisions.planned_service.start_date", c.serviceWindow.from),
          end_date: v("service_provisions.planned_service.end_date", c.serviceWindow.to),
        },
        status: statusOf("service_provisions"),
      })),
    outcome_metrics: metrics.map(({ t, g, id }) => ({
      id,
      definition: v("outcome_metrics.definition", g.name),
      target_population: v("outcome_metrics.target_population", t.name),
      targeted_number_of_service_users_or_beneficiaries_total: v(
        "outcome_metrics.targeted_number_of_service_users_or_beneficiaries_total",
        t.expectedFamilies,
      ),
      unit_type_of_targeted_service_users_or_beneficiaries: v(
        "outcome_metrics.unit_type_of_targeted_service_users_or_beneficiaries",
        "Other" as const,
      ),
      unit_description_of_service_user_or_beneficiaries: v(
        "outcome_metrics.unit_description_of_service_user_or_beneficiaries",
        "Families",
      ),
      outcome_metric_target: v("outcome_metrics.outcome_metric_target", describePayment(g.payment)),
      outcome_validation_method: v(
        "outcome_metrics.outcome_validation_method",
        `Outcome rule ${g.outcomeRule.ruleId} version ${g.outcomeRule.ruleVersion}, measured at ${g.measurementPoint}`,
      ),
      policy_sector: v("outcome_metrics.policy_sector", "Child and family welfare"),
      status: statusOf("outcome_metrics"),
    })),
    outcome_pricings: metrics.map(({ t, g, id }) => {
      const planned = plannedByMetric.get(id);
      const p = g.payment;
      const description =
        p.kind === "weighted"
          ? `Weighted attainment: weight ${bpsPct(p.weightBps)} %${
              t.budgetShareBps === undefined
                ? ""
                : ` of the track's budget share ${bpsPct(t.budgetShareBps)} %`
            } of the investment plus the risk premium, times the goal's attainment`
          : p.kind === "price"
            ? "Price per family meeting the goal"
            : "Price per day in care avoided, per family";
      return {
        outcome_metric_id: v("outcome_pricings.outcome_metric_id", id),
        currency: v("outcome_pricings.currency", CURRENCY),
        ...(p.kind === "price" || p.kind === "per-day"
          ? {
              price_per_unit: {
                amount: v(
                  "outcome_pricings.price_per_unit.amount",
                  oreToDkk(p.kind === "price" ? p.priceOre : p.pricePerDayOre),
                ),
              },
            }
          : {}),
        ...(planned === undefined
          ? {}
          : {
              maximum_price_if_all_targets_achieved: {
                amount: v(
                  "outcome_pricings.maximum_price_if_all_targets_achieved.amount",
                  toKronerString(planned),
                ),
              },
            }),
        price_description: v("outcome_pricings.price_description", description),
        status: statusOf("outcome_pricings"),
      };
    }),
    outcome_payment_plans: [
      {
        id: v("outcome_payment_plans.id", planId),
        period: period("outcome_payment_plans.period", planFrom, planTo),
        status: statusOf("outcome_payment_plans"),
        notes: `Contract ${c.contractId}, version ${c.version}: service and follow-up`,
      },
    ],
    outcome_payments: payments,
    results,
    transactions: ledger.map((e) => {
      const investor = [e.fromOrganisationId, e.toOrganisationId].find((id) => investors.includes(id));
      return {
        ...(investor === undefined
          ? {}
          : { investment_id: v("transactions.investment_id", `investment/${investor}`) }),
        date: v("transactions.date", e.date),
        sending_organisation_id: v("transactions.sending_organisation_id", e.fromOrganisationId),
        receiving_organisation_id: v("transactions.receiving_organisation_id", e.toOrganisationId),
        money: money("transactions.money", e.amountOre),
        notes: `Bundlinje ledger: ${e.kind}`,
        status: statusOf("transactions"),
      };
    }),
  };
  return { id: project.id, data };
}

/**
 * Planned outcome payment per metric: the goal's amount if every expected family meets every goal,
 * through the settlement's own pipeline (rounding, family caps, floor and cap) — the forecast's
 * "all met" scenario. Per-day contracts have no planned amount (it depends on each family's baseline).
 */
function plannedPayments(c: ContractVersion): Map<string, Ore> {
  const out = new Map<string, Ore>();
  if (c.mechanism.kind === "per-day-out-of-care") return out;
  const forecast = forecastRepayment(c, {
    finished: [],
    inCourse: [],
    notYetReferred: c.tracks.map((t) => ({
      trackCode: t.code,
      families: t.expectedFamilies,
      goals: t.goals.map((g) => ({ goalId: g.id, metProbabilityBps: 10_000 })),
    })),
  });
  for (const g of forecast.allMet.goals) out.set(`${g.trackCode}/${g.goalId}`, g.amountOre);
  return out;
}
