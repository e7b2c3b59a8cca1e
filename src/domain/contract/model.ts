/**
 * The outcome contract: parties, money terms, windows, tracks with payment goals, the payment mechanism
 * and the rounding rule — as zod schemas (for every boundary) and the types they infer. A contract is
 * always a *version*: an amendment is a new version with a reason, an author and the parties'
 * acceptances, and a settlement names the version it used. See docs/settlement-engine.md.
 *
 * Units: money in whole øre (`*Ore`), weights, thresholds, targets and rates in basis points
 * (`*Bps`, 10 000 bps = 100 %), dates as `YYYY-MM-DD`.
 */

import { z } from "zod";
import { type CalendarDate, compareDates, isCalendarDate } from "../calendar-date";
import { type Ore, ore } from "../money";
import { Q_ZERO, type Rational, rational, roundToUnit } from "./rational";

/** 10 000 basis points = 100 %. */
export const BPS = 10_000;

/** Danish messages keyed by field path (dot-separated, array indexes as numbers), e.g. `"tracks.0.goals.1.payment.weightBps"`. */
export type FieldErrors = Record<string, string>;

/** Thrown when a contract, outcomes or a forecast input is invalid; `errors` holds one Danish message per field. */
export class ContractInputError extends Error {
  override name = "ContractInputError";
  /** Danish messages keyed by field path. */
  readonly errors: FieldErrors;

  /** @param errors at least one message keyed by field path. */
  constructor(errors: FieldErrors) {
    const first = Object.entries(errors)[0];
    super(first ? `Ugyldigt input – ${first[0] || "(rod)"}: ${first[1]}` : "Ugyldigt input");
    this.errors = errors;
  }
}

// ---------------------------------------------------------------------------------------------------
// Scalars

/** Whole øre (any sign), safe integer. */
export const OreSchema = z
  .int({ error: "Beløbet skal være et helt antal øre" })
  .transform((v): Ore => ore(v));
/** Whole øre ≥ 0. */
export const NonNegativeOreSchema = z
  .int({ error: "Beløbet skal være et helt antal øre" })
  .min(0, { error: "Beløbet må ikke være negativt" })
  .transform((v): Ore => ore(v));
/** A `YYYY-MM-DD` calendar date. */
export const CalendarDateSchema = z
  .string()
  .refine(isCalendarDate, { error: "Datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD)" })
  .transform((s) => s as CalendarDate);
/** Basis points 0 … 10 000. */
export const BpsSchema = z
  .int({ error: "Skal være et helt antal basispoint" })
  .min(0, { error: "Må ikke være negativ" })
  .max(BPS, { error: "Må højst være 10.000 basispoint (100 %)" });
const IdSchema = z.string().trim().min(1, { error: "Skal udfyldes" }).max(200);

// ---------------------------------------------------------------------------------------------------
// Parties, money terms, windows

/** The roles a party can have in an outcome contract. */
export const PartyRoleSchema = z.enum(["investor", "payer", "provider", "evaluator"]);
/** investor (pre-finances), payer (the municipality that repays), provider (delivers), evaluator (validates). */
export type PartyRole = z.infer<typeof PartyRoleSchema>;

/** An organisation's part in the contract. */
export const ContractPartySchema = z.object({
  organisationId: IdSchema,
  name: IdSchema,
  role: PartyRoleSchema,
});
/** An organisation's part in the contract. */
export type ContractParty = z.infer<typeof ContractPartySchema>;

/** A dated payment from the investor into the programme. */
export const DisbursementSchema = z.object({
  date: CalendarDateSchema,
  amountOre: NonNegativeOreSchema.refine((v) => v > 0, { error: "Udbetalingen skal være større end 0" }),
});
/** A dated payment from the investor into the programme. */
export type Disbursement = z.infer<typeof DisbursementSchema>;

/** The risk premium: a rate in basis points of the investment, or a fixed amount. Never negative. */
export const RiskPremiumSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("rate"),
    rateBps: z
      .int({ error: "Risikopræmien skal være et helt antal basispoint" })
      .min(0, { error: "Risikopræmien må ikke være negativ" })
      .max(100 * BPS, { error: "Risikopræmien må højst være 10.000 %" }),
  }),
  z.object({ kind: z.literal("amount"), amountOre: NonNegativeOreSchema }),
]);
/** The risk premium: a rate in basis points of the investment, or a fixed amount. */
export type RiskPremium = z.infer<typeof RiskPremiumSchema>;

/** A closed date interval [from, to]. */
export const DateWindowSchema = z
  .object({ from: CalendarDateSchema, to: CalendarDateSchema })
  .refine((w) => compareDates(w.from, w.to) <= 0, {
    error: "Slutdatoen må ikke ligge før startdatoen",
    path: ["to"],
  });
/** A closed date interval [from, to]. */
export type DateWindow = z.infer<typeof DateWindowSchema>;

/**
 * The contract's rounding rule — applied exactly once per settlement, to the total before floor and cap
 * (see `roundToUnit`): `mode` as in money.ts, `unitOre` 1 (whole øre) or 100 (whole kroner).
 */
export const RoundingRuleSchema = z.object({
  mode: z.enum(["half-up", "half-even", "down", "up"]),
  unitOre: z.union([z.literal(1), z.literal(100)], {
    error: "Afrundingsenheden skal være 1 øre eller 100 øre (1 kr.)",
  }),
});
/** The contract's rounding rule. */
export type RoundingRule = z.infer<typeof RoundingRuleSchema>;

// ---------------------------------------------------------------------------------------------------
// Goals, tracks, mechanism

/** A reference to an outcome rule of the progression module (opaque here). */
export const OutcomeRuleRefSchema = z.object({
  ruleId: IdSchema,
  ruleVersion: z.int().min(1, { error: "Versionen skal være mindst 1" }),
});
/** A reference to an outcome rule of the progression module (opaque here). */
export type OutcomeRuleRef = z.infer<typeof OutcomeRuleRefSchema>;

/**
 * How a goal is paid; must match the contract's mechanism:
 * - `weighted` (weighted attainment): weight of the goal (bps; see `Mechanism.weighting`), and the share
 *   of counted families meeting it at which attainment starts (`thresholdBps`, pays 0) and is full
 *   (`targetBps`, pays the whole weight); threshold < target.
 * - `price` (rate card): øre per family that meets the goal.
 * - `per-day` (per day out of care): øre per day in care below the family's baseline.
 */
export const GoalPaymentSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("weighted"),
    weightBps: BpsSchema,
    thresholdBps: BpsSchema,
    targetBps: BpsSchema,
  }),
  z.object({ kind: z.literal("price"), priceOre: NonNegativeOreSchema }),
  z.object({ kind: z.literal("per-day"), pricePerDayOre: NonNegativeOreSchema }),
]);
/** How a goal is paid. */
export type GoalPayment = z.infer<typeof GoalPaymentSchema>;

/** A payment goal of a track, built on an outcome rule and measured at a stated point. */
export const PaymentGoalSchema = z.object({
  id: IdSchema,
  name: IdSchema,
  outcomeRule: OutcomeRuleRefSchema,
  /** E.g. "end-of-course", "+12 months" (a label; the progression module evaluates it). */
  measurementPoint: IdSchema,
  payment: GoalPaymentSchema,
});
/** A payment goal of a track. */
export type PaymentGoal = z.infer<typeof PaymentGoalSchema>;

/** A track (e.g. ordinary, intensive) with its expected number of families and its payment goals. */
export const TrackSchema = z.object({
  code: IdSchema,
  name: IdSchema,
  expectedFamilies: z.int().min(0, { error: "Antallet af familier må ikke være negativt" }),
  /** Weighted attainment with `weighting: "per-track"`: the track's share of I·(1+π) in bps (Σ = 10 000). */
  budgetShareBps: BpsSchema.optional(),
  /** Rate card and per day: the most one family can earn in this track (øre), or null for no cap. */
  familyCapOre: NonNegativeOreSchema.nullable().optional(),
  goals: z.array(PaymentGoalSchema).min(1, { error: "Sporet skal have mindst ét betalingsmål" }),
});
/** A track with its payment goals. */
export type Track = z.infer<typeof TrackSchema>;

/**
 * The payment mechanism of the contract:
 * - `weighted-attainment`: R = min(cap, max(floor, I·(1+π)·Σ w·a)); `notMeasurable` says whether a
 *   not-measurable family counts as not met (default) or is left out of the share; `weighting` says
 *   whether goal weights sum to 10 000 over the whole contract, or per track with each track's
 *   `budgetShareBps` (then the effective weight is budgetShare × weight).
 * - `rate-card`: price per goal met per family, family cap per track, contract cap.
 * - `per-day-out-of-care`: price per day below the family's baseline, family cap per track, contract cap.
 */
export const MechanismSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("weighted-attainment"),
    notMeasurable: z.enum(["count-as-not-met", "exclude"]),
    weighting: z.enum(["per-contract", "per-track"]),
  }),
  z.object({ kind: z.literal("rate-card") }),
  z.object({ kind: z.literal("per-day-out-of-care") }),
]);
/** The payment mechanism of the contract. */
export type Mechanism = z.infer<typeof MechanismSchema>;

/** Why and by whom a version after the first was made. */
export const AmendmentSchema = z.object({
  previousVersion: z.int().min(1),
  reason: IdSchema,
  author: IdSchema,
});
/** Why and by whom a version after the first was made. */
export type Amendment = z.infer<typeof AmendmentSchema>;

/** A party's acceptance of a contract version. */
export const AcceptanceSchema = z.object({
  organisationId: IdSchema,
  acceptedBy: IdSchema,
  acceptedOn: CalendarDateSchema,
});
/** A party's acceptance of a contract version. */
export type Acceptance = z.infer<typeof AcceptanceSchema>;

const ContractVersionObjectSchema = z.object({
  contractId: IdSchema,
  /** 1 for the signed contract, +1 per amendment. */
  version: z.int().min(1, { error: "Versionen skal være mindst 1" }),
  validFrom: CalendarDateSchema,
  title: IdSchema,
  parties: z.array(ContractPartySchema).min(1),
  investmentOre: NonNegativeOreSchema.refine((v) => v > 0, { error: "Investeringen skal være større end 0" }),
  disbursements: z.array(DisbursementSchema).min(1, { error: "Der skal være mindst én udbetaling" }),
  riskPremium: RiskPremiumSchema,
  /** The most the payer repays in total (øre), a whole number of rounding units. */
  capOre: NonNegativeOreSchema,
  /** The least the payer repays in total (øre, usually 0), a whole number of rounding units. */
  floorOre: NonNegativeOreSchema,
  serviceWindow: DateWindowSchema,
  followUpWindow: DateWindowSchema,
  tracks: z.array(TrackSchema).min(1, { error: "Kontrakten skal have mindst ét spor" }),
  mechanism: MechanismSchema,
  rounding: RoundingRuleSchema,
  /** null for version 1; required for every later version. */
  amendment: AmendmentSchema.nullable(),
  acceptances: z.array(AcceptanceSchema),
});

/**
 * The terms of a contract as the parties write them: a version without its identity, its parties
 * (the server takes them from the project), its amendment record and its acceptances.
 */
export const ContractTermsSchema = ContractVersionObjectSchema.omit({
  contractId: true,
  version: true,
  parties: true,
  amendment: true,
  acceptances: true,
});
/** The terms of a contract as the parties write them. */
export type ContractTerms = z.infer<typeof ContractTermsSchema>;

const PAYMENT_KIND: Record<Mechanism["kind"], GoalPayment["kind"]> = {
  "weighted-attainment": "weighted",
  "rate-card": "price",
  "per-day-out-of-care": "per-day",
};

/** Options for contract validation. */
export interface ValidateContractOptions {
  /**
   * Answers whether an outcome rule exists and is measured in a track (from the progression module).
   * When given, a goal referring to a rule the track does not measure is an error.
   */
  isRuleAvailable?: (rule: OutcomeRuleRef, trackCode: string) => boolean;
}

function checkContract(
  c: z.infer<typeof ContractVersionObjectSchema>,
  add: (path: string, msg: string) => void,
) {
  // Versions and amendments
  if (c.version === 1 && c.amendment !== null) add("amendment", "Den første version har ingen ændring");
  if (c.version > 1) {
    if (c.amendment === null) add("amendment", "En ændret version skal have begrundelse og forfatter");
    else if (c.amendment.previousVersion !== c.version - 1)
      add("amendment.previousVersion", "Skal være den foregående version");
  }
  // Parties
  const seenParty = new Set<string>();
  c.parties.forEach((p, i) => {
    const key = `${p.organisationId}|${p.role}`;
    if (seenParty.has(key)) add(`parties.${i}`, "Parten har allerede denne rolle");
    seenParty.add(key);
  });
  if (!c.parties.some((p) => p.role === "investor")) add("parties", "Kontrakten skal have en investor");
  if (c.parties.filter((p) => p.role === "payer").length !== 1)
    add("parties", "Kontrakten skal have præcis én betalende kommune");
  const partyIds = new Set(c.parties.map((p) => p.organisationId));
  const seenAcceptance = new Set<string>();
  c.acceptances.forEach((a, i) => {
    if (!partyIds.has(a.organisationId)) add(`acceptances.${i}.organisationId`, "Ikke en part i kontrakten");
    if (seenAcceptance.has(a.organisationId)) add(`acceptances.${i}`, "Parten har allerede accepteret");
    seenAcceptance.add(a.organisationId);
  });
  // Money
  const disbursed = c.disbursements.reduce((s, d) => s + BigInt(d.amountOre), 0n);
  if (disbursed !== BigInt(c.investmentOre))
    add("disbursements", "Udbetalingerne skal tilsammen være lig med investeringen");
  if (c.floorOre > c.capOre) add("floorOre", "Gulvet må ikke være større end loftet");
  const unit = c.rounding.unitOre;
  if (c.capOre % unit !== 0) add("capOre", "Loftet skal være et helt antal afrundingsenheder");
  if (c.floorOre % unit !== 0) add("floorOre", "Gulvet skal være et helt antal afrundingsenheder");
  if (compareDates(c.followUpWindow.from, c.serviceWindow.from) < 0)
    add("followUpWindow.from", "Opfølgningen kan ikke begynde før indsatsen");
  // Tracks and goals
  const kind = PAYMENT_KIND[c.mechanism.kind];
  const trackCodes = new Set<string>();
  let contractWeight = 0;
  let budgetShare = 0;
  c.tracks.forEach((t, ti) => {
    if (trackCodes.has(t.code)) add(`tracks.${ti}.code`, "Sporkoden findes allerede");
    trackCodes.add(t.code);
    const goalIds = new Set<string>();
    let trackWeight = 0;
    if (c.mechanism.kind === "weighted-attainment") {
      if (t.familyCapOre !== undefined && t.familyCapOre !== null)
        add(`tracks.${ti}.familyCapOre`, "Loft pr. familie bruges kun ved takstkort og pr. dag");
      if (c.mechanism.weighting === "per-track") {
        if (t.budgetShareBps === undefined) add(`tracks.${ti}.budgetShareBps`, "Sporets andel skal udfyldes");
        else budgetShare += t.budgetShareBps;
      } else if (t.budgetShareBps !== undefined) {
        add(`tracks.${ti}.budgetShareBps`, "Sporandel bruges kun ved vægte pr. spor");
      }
    } else {
      if (t.budgetShareBps !== undefined)
        add(`tracks.${ti}.budgetShareBps`, "Sporandel bruges kun ved vægtet målopfyldelse");
      if (t.familyCapOre !== undefined && t.familyCapOre !== null && t.familyCapOre % unit !== 0)
        add(`tracks.${ti}.familyCapOre`, "Loftet skal være et helt antal afrundingsenheder");
    }
    t.goals.forEach((g, gi) => {
      const path = `tracks.${ti}.goals.${gi}`;
      if (goalIds.has(g.id)) add(`${path}.id`, "Målets id findes allerede i sporet");
      goalIds.add(g.id);
      const p = g.payment;
      if (p.kind !== kind) {
        add(`${path}.payment.kind`, "Målets betaling passer ikke til kontraktens betalingsmekanisme");
        return;
      }
      if (p.kind === "weighted") {
        trackWeight += p.weightBps;
        contractWeight += p.weightBps;
        if (p.thresholdBps >= p.targetBps)
          add(`${path}.payment.thresholdBps`, "Tærsklen skal ligge under målet");
      } else if (p.kind === "price") {
        if (p.priceOre % unit !== 0)
          add(`${path}.payment.priceOre`, "Prisen skal være et helt antal afrundingsenheder");
      } else if (p.pricePerDayOre % unit !== 0) {
        add(`${path}.payment.pricePerDayOre`, "Prisen skal være et helt antal afrundingsenheder");
      }
    });
    if (
      c.mechanism.kind === "weighted-attainment" &&
      c.mechanism.weighting === "per-track" &&
      trackWeight !== BPS
    )
      add(`tracks.${ti}.goals`, "Vægtene i sporet skal tilsammen være 100 %");
  });
  if (c.mechanism.kind === "weighted-attainment") {
    if (c.mechanism.weighting === "per-contract" && contractWeight !== BPS)
      add("tracks", "Vægtene skal tilsammen være 100 %");
    if (c.mechanism.weighting === "per-track" && budgetShare !== BPS)
      add("tracks", "Sporenes andele skal tilsammen være 100 %");
  }
}

/** The contract version schema, with every cross-field rule (see `checkContract` rules in the doc). */
export const ContractVersionSchema = ContractVersionObjectSchema.superRefine((c, ctx) => {
  checkContract(c, (path, message) => {
    ctx.addIssue({ code: "custom", message, path: path === "" ? [] : path.split(".").map(pathPart) });
  });
});
/** A contract version (the unit a settlement is made against). */
export type ContractVersion = z.infer<typeof ContractVersionSchema>;
/** A contract version as it arrives at a boundary (before branding). */
export type ContractVersionInput = z.input<typeof ContractVersionSchema>;

function pathPart(s: string): string | number {
  return /^\d+$/.test(s) ? Number(s) : s;
}

/** Converts zod issues to Danish field errors (first message per path wins). */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

const DANISH_ERRORS = z.locales.da().localeError;

/** Parses untrusted input with a schema, Danish messages for zod's built-in checks. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(input, { error: DANISH_ERRORS });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrorsFromZod(result.error) };
}

/**
 * Validates an untrusted contract version: shape, units and every cross-field rule (weights summing to
 * 100 %, threshold below target, goals matching the mechanism, disbursements summing to the investment,
 * floor ≤ cap, one payer, amendments, acceptances by parties, optionally rules the track measures).
 * Never throws.
 */
export function validateContractVersion(
  input: unknown,
  options: ValidateContractOptions = {},
): { ok: true; contract: ContractVersion } | { ok: false; errors: FieldErrors } {
  const parsed = parseWith(ContractVersionSchema, input);
  if (!parsed.ok) return parsed;
  const contract = parsed.value;
  if (options.isRuleAvailable) {
    const errors: FieldErrors = {};
    contract.tracks.forEach((t, ti) => {
      t.goals.forEach((g, gi) => {
        if (!options.isRuleAvailable?.(g.outcomeRule, t.code))
          errors[`tracks.${ti}.goals.${gi}.outcomeRule`] =
            "Målet henviser til en resultatregel, som sporet ikke måler";
      });
    });
    if (Object.keys(errors).length > 0) return { ok: false, errors };
  }
  return { ok: true, contract };
}

/**
 * `validateContractVersion`, throwing on invalid input.
 * @throws ContractInputError with one Danish message per field.
 */
export function parseContractVersion(input: unknown, options: ValidateContractOptions = {}): ContractVersion {
  const result = validateContractVersion(input, options);
  if (!result.ok) throw new ContractInputError(result.errors);
  return result.contract;
}

// ---------------------------------------------------------------------------------------------------
// Derived terms

/** The risk premium in exact øre (a rate of the investment may give a fraction of an øre). */
export function premiumExact(contract: ContractVersion): Rational {
  const p = contract.riskPremium;
  return p.kind === "amount"
    ? rational(p.amountOre)
    : rational(BigInt(contract.investmentOre) * BigInt(p.rateBps), BPS);
}

/** I·(1+π) in exact øre: what full attainment of every goal repays before rounding and cap. */
export function fullRepaymentExact(contract: ContractVersion): Rational {
  const premium = premiumExact(contract);
  return rational(BigInt(contract.investmentOre) * premium.d + premium.n, premium.d);
}

/**
 * I·(1+π) rounded by the contract's rounding rule (øre), before the cap — "investment plus premium".
 * @throws MoneyError beyond ±2^53 øre.
 */
export function fullRepaymentOre(contract: ContractVersion): Ore {
  return roundToUnit(fullRepaymentExact(contract), contract.rounding.unitOre, contract.rounding.mode);
}

/**
 * The effective weight of a weighted goal as an exact fraction of I·(1+π): weight / 10 000
 * (per-contract weighting) or budgetShare × weight / 10 000² (per-track). 0 for other mechanisms.
 */
export function effectiveWeight(contract: ContractVersion, track: Track, goal: PaymentGoal): Rational {
  if (goal.payment.kind !== "weighted" || contract.mechanism.kind !== "weighted-attainment") return Q_ZERO;
  if (contract.mechanism.weighting === "per-contract") return rational(goal.payment.weightBps, BPS);
  return rational(BigInt(track.budgetShareBps ?? 0) * BigInt(goal.payment.weightBps), BPS * BPS);
}

/** The organisation that pays (the municipality). */
export function payerOf(contract: ContractVersion): ContractParty {
  const payer = contract.parties.find((p) => p.role === "payer");
  if (!payer) throw new ContractInputError({ parties: "Kontrakten skal have præcis én betalende kommune" });
  return payer;
}
