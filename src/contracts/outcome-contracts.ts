import { z } from "zod";
import { ContractTermsSchema } from "../domain/contract/index.js";
import { CalendarDateSchema, InstantSchema, UuidSchema } from "./common.js";

/*
 * The outcome-contract API (issue 6). Contract terms are the domain's `ContractTermsSchema` (money in
 * øre, shares in basis points); the server takes the parties from the project and checks every
 * cross-field rule with the settlement engine's validation (Danish messages per field).
 */

export { ContractTermsSchema };

export const PartyRoleSchema = z.enum(["investor", "payer", "provider", "evaluator"]);

export const ContractPartySchema = z
  .object({
    organisationId: UuidSchema,
    name: z.string(),
    role: PartyRoleSchema,
  })
  .meta({ id: "ContractParty" });

export const ContractAcceptanceSchema = z
  .object({
    partyOrganisationId: UuidSchema,
    partyName: z.string(),
    acceptedByName: z.string(),
    acceptedOn: CalendarDateSchema,
    recordedByName: z.string().nullable(),
    recordedAt: InstantSchema,
  })
  .meta({ id: "ContractAcceptance" });

export const ContractVersionViewSchema = z
  .object({
    version: z.number().int(),
    validFrom: CalendarDateSchema,
    reason: z.string().nullable(),
    createdByName: z.string().nullable(),
    createdAt: InstantSchema,
    terms: ContractTermsSchema,
    parties: z.array(ContractPartySchema),
    acceptances: z.array(ContractAcceptanceSchema),
    /** Parties that have not accepted this version yet. */
    missingAcceptances: z.array(ContractPartySchema),
    isFullyAccepted: z.boolean(),
  })
  .meta({ id: "ContractVersionView" });

export const ContractSummarySchema = z
  .object({
    id: UuidSchema,
    projectId: UuidSchema,
    projectName: z.string(),
    organisationId: UuidSchema,
    title: z.string(),
    currentVersion: z.number().int(),
    /** The highest fully accepted version, or null while none is. */
    versionInForce: z.number().int().nullable(),
    investmentOre: z.number().int(),
    capOre: z.number().int(),
    repaidOre: z.number().int().describe("Repayments booked in the ledger so far"),
    statements: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "ContractSummary" });

/** What the signed-in user may do with the contract (the web app shows only these buttons). */
export const ContractAbilitiesSchema = z.object({
  manage: z.boolean(),
  validate: z.boolean(),
  approve: z.boolean(),
  /** The user's organisations among the parties that may still accept the newest version. */
  acceptFor: z.array(ContractPartySchema),
  /** Per-family lines (names) are shown; false for investors, evaluators see pseudonyms. */
  seesFamilies: z.boolean(),
});

export const ContractDetailSchema = ContractSummarySchema.extend({
  versions: z.array(ContractVersionViewSchema),
  abilities: ContractAbilitiesSchema,
}).meta({ id: "ContractDetail" });

export const ContractCreateInputSchema = z
  .object({ terms: ContractTermsSchema })
  .meta({ id: "ContractCreateInput" });

export const ContractAmendInputSchema = z
  .object({
    terms: ContractTermsSchema,
    reason: z.string().trim().min(3, { message: "Skriv hvorfor kontrakten ændres" }).max(2000),
    /** The version the change was made from: a stale one gets 409. */
    basedOnVersion: z.number().int().min(1),
  })
  .meta({ id: "ContractAmendInput" });

export const ContractAcceptInputSchema = z
  .object({
    partyOrganisationId: UuidSchema,
    acceptedByName: z.string().trim().min(2, { message: "Skriv hvem der har underskrevet" }).max(200),
    acceptedOn: CalendarDateSchema,
  })
  .meta({ id: "ContractAcceptInput" });

export const OutcomeRuleOptionSchema = z
  .object({
    ruleId: z.string(),
    ruleVersion: z.number().int(),
    name: z.string(),
    nameEn: z.string(),
    /** Track codes of the project that measure what the rule needs. */
    trackCodes: z.array(z.string()),
  })
  .meta({ id: "OutcomeRuleOption" });

// ---------------------------------------------------------------------------------------------------
// Statements

export const StatementKindSchema = z.enum(["interim", "final", "adjustment"]);
export const StatementStateSchema = z.enum(["draft", "validated", "approved", "locked"]);

export const StatementCreateInputSchema = z
  .object({
    kind: z.enum(["interim", "final"]),
    periodId: z.string().trim().min(1).max(60).optional(),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    settlementDate: CalendarDateSchema,
  })
  .meta({ id: "StatementCreateInput" });

export const StatementStepInputSchema = z
  .object({ reason: z.string().trim().max(2000).default("") })
  .meta({ id: "StatementStepInput" });

export const StatementEventSchema = z
  .object({
    event: z.enum(["created", "recomputed", "validated", "approved", "locked"]),
    partyName: z.string().nullable(),
    byName: z.string().nullable(),
    reason: z.string(),
    occurredAt: InstantSchema,
  })
  .meta({ id: "StatementEvent" });

export const StatementSummarySchema = z
  .object({
    id: UuidSchema,
    contractId: UuidSchema,
    contractVersion: z.number().int(),
    kind: StatementKindSchema,
    periodId: z.string(),
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    settlementDate: CalendarDateSchema,
    state: StatementStateSchema,
    adjustsStatementId: UuidSchema.nullable(),
    totalOre: z.number().int(),
    /** Parties whose approval is still missing (payer and investor). */
    awaitingApprovalFrom: z.array(ContractPartySchema),
    createdAt: InstantSchema,
    updatedAt: InstantSchema,
  })
  .meta({ id: "StatementSummary" });

/** A count as shown to an investor: the number, or hidden because the group is small. */
export const ShownCountSchema = z.union([
  z.object({ value: z.number().int() }),
  z.object({ suppressed: z.literal(true) }),
]);

export const StatementFamilySchema = z
  .object({
    /** Absent for evaluators (they see `label`, a pseudonym). */
    familyId: UuidSchema.optional(),
    label: z.string(),
    status: z.enum(["met", "not-met", "not-measurable"]),
    reason: z.string().nullable(),
    isCounted: z.boolean(),
    amountOre: z.number().int(),
    observed: z.number().nullable(),
    baseline: z.number().nullable(),
  })
  .meta({ id: "StatementFamily" });

export const StatementGoalSchema = z
  .object({
    goalId: z.string(),
    name: z.string(),
    families: ShownCountSchema,
    counted: ShownCountSchema,
    met: ShownCountSchema,
    notMet: ShownCountSchema,
    notMeasurable: ShownCountSchema,
    sharePct: z.number().nullable(),
    attainmentPct: z.number().nullable(),
    payment: z.record(z.string(), z.unknown()),
    uncappedOre: z.number().int(),
    amountOre: z.number().int(),
    /** Only for users who may see families (names) or evaluators (pseudonyms). */
    familyLines: z.array(StatementFamilySchema).optional(),
  })
  .meta({ id: "StatementGoal" });

export const StatementTrackSchema = z
  .object({
    trackCode: z.string(),
    name: z.string(),
    expectedFamilies: z.number().int(),
    families: ShownCountSchema,
    uncappedOre: z.number().int(),
    amountOre: z.number().int(),
    goals: z.array(StatementGoalSchema),
  })
  .meta({ id: "StatementTrack" });

export const StatementDetailSchema = StatementSummarySchema.extend({
  contractTitle: z.string(),
  projectId: UuidSchema,
  mechanism: z.string(),
  exactTotalDisplay: z.string().describe("Σ of the goals before rounding, in kroner with øre decimals"),
  roundedTotalOre: z.number().int(),
  fullRepaymentOre: z.number().int(),
  floorOre: z.number().int(),
  capOre: z.number().int(),
  floorTopUpOre: z.number().int(),
  capReductionOre: z.number().int(),
  tracks: z.array(StatementTrackSchema),
  investor: z.object({
    investedOre: z.number().int(),
    repaidOre: z.number().int(),
    netOre: z.number().int(),
    lossOre: z.number().int(),
    returnMultipleDisplay: z.number().nullable(),
    irrPct: z.number().nullable(),
  }),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  /** For an adjusting statement: what changed against the locked statement, per track and goal. */
  adjustment: z.object({ lockedTotalOre: z.number().int(), correctedTotalOre: z.number().int() }).nullable(),
  /** Small groups are hidden (investors); the minimum group size used. */
  suppression: z.object({ minCellSize: z.number().int() }).nullable(),
  events: z.array(StatementEventSchema),
  abilities: z.object({
    recompute: z.boolean(),
    validate: z.boolean(),
    approveFor: z.array(ContractPartySchema),
    adjust: z.boolean(),
  }),
  /** Per-family lines are included (false for investors). */
  showsFamilies: z.boolean(),
  /** Families are shown as pseudonyms (evaluators). */
  isPseudonymised: z.boolean(),
}).meta({ id: "StatementDetail" });

// ---------------------------------------------------------------------------------------------------
// Ledger and forecast

export const LedgerKindSchema = z.enum(["disbursement", "repayment", "adjustment"]);

export const LedgerEntrySchema = z
  .object({
    id: UuidSchema,
    kind: LedgerKindSchema,
    amountOre: z.number().int(),
    fromOrganisationId: UuidSchema,
    fromName: z.string(),
    toOrganisationId: UuidSchema,
    toName: z.string(),
    bookedOn: CalendarDateSchema,
    statementId: UuidSchema.nullable(),
    note: z.string(),
    createdByName: z.string().nullable(),
    createdAt: InstantSchema,
  })
  .meta({ id: "LedgerEntry" });

export const LedgerSchema = z
  .object({
    items: z.array(LedgerEntrySchema),
    disbursedOre: z.number().int(),
    repaidOre: z.number().int(),
    /** Repaid − disbursed, from the investor's side. */
    netOre: z.number().int(),
  })
  .meta({ id: "Ledger" });

export const DisbursementInputSchema = z
  .object({
    amountOre: z.number().int().min(1, { message: "Beløbet skal være større end 0" }),
    bookedOn: CalendarDateSchema,
    note: z.string().trim().max(500).default(""),
  })
  .meta({ id: "DisbursementInput" });

export const ForecastScenarioSchema = z.object({
  key: z.enum(["expected", "as-now", "all-met", "none"]),
  totalOre: z.number().int(),
});

export const ContractForecastSchema = z
  .object({
    asOf: CalendarDateSchema,
    method: z.string().describe("How the forecast is made, in Danish, shown on screen"),
    investmentOre: z.number().int(),
    capOre: z.number().int(),
    scenarios: z.array(ForecastScenarioSchema),
    families: z.object({
      finished: ShownCountSchema,
      inCourse: ShownCountSchema,
      notYetReferred: ShownCountSchema,
    }),
    businessCase: z
      .object({ id: UuidSchema, name: z.string(), accumulatedAtHorizonOre: z.number().int().nullable() })
      .nullable(),
  })
  .meta({ id: "ContractForecast" });
