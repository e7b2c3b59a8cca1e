import type { z } from "zod";
import type {
  ContractAcceptInputSchema,
  ContractDetailSchema,
  ContractForecastSchema,
  ContractPartySchema,
  ContractSummarySchema,
  ContractTermsSchema,
  ContractVersionViewSchema,
  DisbursementInputSchema,
  LedgerEntrySchema,
  LedgerSchema,
  OutcomeRuleOptionSchema,
  ShownCountSchema,
  StatementCreateInputSchema,
  StatementDetailSchema,
  StatementEventSchema,
  StatementFamilySchema,
  StatementGoalSchema,
  StatementSummarySchema,
  StatementTrackSchema,
} from "../../../contracts/outcome-contracts.js";

/*
 * The outcome-contract API's shapes as the web app reads them (inferred from the shared zod schemas
 * in src/contracts/outcome-contracts.ts). Money is whole øre, shares basis points.
 */

/** A contract in a list (GET /api/contracts). */
export type ContractSummary = z.infer<typeof ContractSummarySchema>;
/** One contract with its versions and what the user may do (GET /api/contracts/:id). */
export type ContractDetail = z.infer<typeof ContractDetailSchema>;
/** One version of a contract, its parties and acceptances. */
export type ContractVersionView = z.infer<typeof ContractVersionViewSchema>;
/** An organisation's part in a contract. */
export type ContractPartyView = z.infer<typeof ContractPartySchema>;
/** The terms of a contract as the server answers with them (branded øre and dates). */
export type ContractTermsView = z.infer<typeof ContractTermsSchema>;
/** The terms as the create and amend bodies take them (plain numbers and strings). */
export type ContractTermsInput = z.input<typeof ContractTermsSchema>;
export type ContractAcceptInput = z.input<typeof ContractAcceptInputSchema>;
/** An outcome rule a goal may use, and the project's tracks that measure it. */
export type OutcomeRuleOption = z.infer<typeof OutcomeRuleOptionSchema>;

export type StatementSummary = z.infer<typeof StatementSummarySchema>;
export type StatementDetail = z.infer<typeof StatementDetailSchema>;
export type StatementTrack = z.infer<typeof StatementTrackSchema>;
export type StatementGoal = z.infer<typeof StatementGoalSchema>;
export type StatementFamily = z.infer<typeof StatementFamilySchema>;
export type StatementEvent = z.infer<typeof StatementEventSchema>;
export type StatementCreateInput = z.input<typeof StatementCreateInputSchema>;
/** A count as the user may see it: the number, or hidden because the group is small. */
export type ShownCount = z.infer<typeof ShownCountSchema>;

export type Ledger = z.infer<typeof LedgerSchema>;
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type DisbursementInput = z.input<typeof DisbursementInputSchema>;
export type ContractForecast = z.infer<typeof ContractForecastSchema>;

/** The steps a statement can take (POST /api/statements/:id/<step>). */
export type StatementStep = "recompute" | "validate" | "approve" | "adjustments";
