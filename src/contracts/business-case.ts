import { z } from "zod";
import { CalendarDateSchema, UuidSchema } from "./common.js";

/**
 * The scenario format as a zod schema: it documents the API (OpenAPI) and the file format (JSON Schema
 * in docs/business-case-scenario.schema.json). The engine's own `validateScenario()` in
 * src/domain/business-case stays the authority for the rules and the per-field Danish messages; a test
 * checks that the two agree.
 */
const pct = z.number().min(0).max(100);
const ore = z.number().int().min(0).describe("Amount in øre (1 DKK = 100 øre)");
const year = z.number().int().min(1900).max(2200);
const PayerSharesSchema = z
  .object({ municipality: pct.optional(), region: pct.optional(), state: pct.optional() })
  .describe("Share of the saving or cost per payer in %, summing to 100 (default: all municipality)");
const payer = z.enum(["municipality", "region", "state"]);

const CostLineSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("fixed-per-year"),
    id: z.string().min(1),
    name: z.string().min(1),
    payer,
    amountOre: ore,
    fromYear: z.number().int().min(1).optional(),
    toYear: z.number().int().min(1).optional(),
  }),
  z.object({
    kind: z.literal("per-slot-per-year"),
    id: z.string().min(1),
    name: z.string().min(1),
    payer,
    amountOre: ore,
    fromYear: z.number().int().min(1).optional(),
    toYear: z.number().int().min(1).optional(),
  }),
  z.object({
    kind: z.literal("one-off"),
    id: z.string().min(1),
    name: z.string().min(1),
    payer,
    amountOre: ore,
    year: z.number().int().min(1),
  }),
]);

const effectBase = {
  id: z.string().min(1),
  name: z.string().min(1),
  unitPriceOrePerYear: ore.describe("Unit price per person or event per year, øre"),
  priceRef: z.string().optional().describe("Code of a unit price in the catalogue"),
  payerSharesPct: PayerSharesSchema.optional(),
  lagYears: z.number().int().min(0).optional(),
  freezeAfterYear: z.number().int().min(1).optional(),
};

const EffectSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("success-driven"),
    ...effectBase,
    personsPerSuccess: z.number().min(0),
    durationYears: z.number().int().min(1).nullable().describe("null = permanent"),
    pinnedSuccessRatePct: pct.optional(),
  }),
  z.object({
    kind: z.literal("fixed"),
    ...effectBase,
    eventsPerYear: z.number().min(0),
    survivalPct: z.array(pct).optional().describe("Share still prevented 1, 2, 3… years later"),
  }),
]);

export const ScenarioSchema = z
  .object({
    name: z.string().min(1),
    priceYear: year,
    startYear: year,
    horizonYears: z.number().int().min(1).max(30),
    discountRatePct: pct.optional().describe("Real discount rate, default 3.5"),
    capacity: z.object({
      familiesAtATime: z.number().min(0),
      courseLengthMonths: z.number().gt(0),
      completedSharePct: pct.optional(),
      rampUpSharePct: pct.optional(),
    }),
    successRatePct: pct,
    costLines: z.array(CostLineSchema),
    effects: z.array(EffectSchema),
    variants: z
      .array(
        z.object({
          id: z.string().min(1),
          name: z.string().min(1),
          successRatePct: pct.optional(),
          scaledEffectIds: z.array(z.string()).optional(),
        }),
      )
      .optional(),
  })
  .meta({ id: "BusinessCaseScenario" });

const distribution = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("uniform"), min: z.number(), max: z.number() }),
  z.object({ kind: z.literal("triangular"), min: z.number(), mode: z.number(), max: z.number() }),
  z.object({ kind: z.literal("pert"), min: z.number(), mode: z.number(), max: z.number() }),
]);
const parameterRef = z.object({
  kind: z.enum([
    "successRatePct",
    "courseLengthMonths",
    "completedSharePct",
    "rampUpSharePct",
    "unitPriceOrePerYear",
    "lagYears",
    "personsPerSuccess",
    "eventsPerYear",
    "costAmountOre",
  ]),
  effectId: z.string().optional(),
  costLineId: z.string().optional(),
});

export const CalculateInputSchema = z
  .object({
    scenario: z.unknown().describe("A BusinessCaseScenario; validated by the engine with per-field messages"),
    variantId: z.string().optional(),
    sensitivity: z.boolean().default(false).describe("Include the one-way sensitivity (tornado)"),
    monteCarlo: z
      .object({
        seed: z.number().int(),
        draws: z.number().int().min(1).max(100_000).default(10_000),
        uncertainties: z.array(z.object({ parameter: parameterRef, distribution })),
      })
      .optional(),
  })
  .meta({ id: "BusinessCaseCalculateInput" });

export const CalculateResultSchema = z
  .object({
    result: z
      .record(z.string(), z.unknown())
      .describe("BusinessCaseResult from the engine (yearly rows, totals, payback, break-even)"),
    sensitivity: z.record(z.string(), z.unknown()).optional(),
    monteCarlo: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "BusinessCaseCalculateResult" });

export const BusinessCaseSummarySchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    organisationName: z.string(),
    projectId: z.string().nullable(),
    projectName: z.string().nullable(),
    name: z.string(),
    description: z.string(),
    isSharedWithParties: z.boolean(),
    currentVersion: z.number().int(),
    updatedAt: z.string(),
    updatedByName: z.string().nullable(),
    accumulatedAtHorizonOre: z.number().int().nullable(),
    paybackYear: z
      .number()
      .nullable()
      .describe("Years until payback (fractional), null when not within the horizon"),
    version: z.number().int().describe("Row version for optimistic locking of name/description/sharing"),
  })
  .meta({ id: "BusinessCaseSummary" });

export const BusinessCaseVersionSchema = z
  .object({
    version: z.number().int(),
    scenario: ScenarioSchema,
    note: z.string(),
    createdAt: z.string(),
    createdByName: z.string().nullable(),
    engineVersion: z.string(),
  })
  .meta({ id: "BusinessCaseVersion" });

export const BusinessCaseDetailSchema = BusinessCaseSummarySchema.extend({
  current: BusinessCaseVersionSchema,
  canEdit: z.boolean(),
}).meta({ id: "BusinessCaseDetail" });

export const BusinessCaseCreateInputSchema = z
  .object({
    organisationId: UuidSchema,
    projectId: UuidSchema.nullable().optional(),
    name: z.string().trim().min(2, "Navnet skal have mindst 2 tegn").max(200),
    description: z.string().trim().max(4000).default(""),
    isSharedWithParties: z.boolean().default(false),
    scenario: z.unknown(),
    note: z.string().trim().max(1000).default(""),
  })
  .meta({ id: "BusinessCaseCreateInput" });

export const BusinessCaseUpdateInputSchema = z
  .object({
    name: z.string().trim().min(2, "Navnet skal have mindst 2 tegn").max(200).optional(),
    description: z.string().trim().max(4000).optional(),
    isSharedWithParties: z.boolean().optional(),
    version: z.number().int(),
  })
  .meta({ id: "BusinessCaseUpdateInput" });

export const BusinessCaseNewVersionInputSchema = z
  .object({
    scenario: z.unknown(),
    note: z.string().trim().max(1000).default(""),
    basedOnVersion: z.number().int().describe("The version you edited; 409 when someone saved a newer one"),
  })
  .meta({ id: "BusinessCaseNewVersionInput" });

export const ScenarioDiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(z.object({ path: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: "ScenarioDiff" });

export const UNIT_KINDS = [
  "per-person-year",
  "per-child-year",
  "per-hour",
  "per-course",
  "per-event",
  "per-family-year",
  "other",
] as const;

export const UnitPriceSchema = z
  .object({
    id: z.string(),
    organisationId: z.string().nullable().describe("null = the shared national catalogue"),
    code: z.string(),
    name: z.string(),
    unit: z.enum(UNIT_KINDS),
    amountOre: z.number().int(),
    priceYear: z.number().int(),
    payerSharesPct: z.object({ municipality: z.number(), region: z.number(), state: z.number() }),
    sourceText: z.string(),
    sourceUrl: z.string().nullable(),
    isExample: z.boolean(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "UnitPrice" });

const unitPriceFields = {
  organisationId: UuidSchema,
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,60}$/, "Koden må kun indeholde små bogstaver, tal og bindestreg"),
  name: z.string().trim().min(2).max(200),
  unit: z.enum(UNIT_KINDS),
  amountOre: z.number().int().min(0, "Prisen må ikke være negativ"),
  priceYear: z.number().int().min(1990).max(2100),
  payerSharesPct: z
    .object({
      municipality: z.number().int().min(0).max(100),
      region: z.number().int().min(0).max(100),
      state: z.number().int().min(0).max(100),
    })
    .refine((p) => p.municipality + p.region + p.state === 100, { message: "Andelene skal give 100 %" }),
  sourceText: z.string().trim().min(2, "Angiv kilden").max(1000),
  sourceUrl: z.url().nullable().optional(),
  isExample: z.boolean().default(false),
  validFrom: CalendarDateSchema.nullable().optional(),
  validTo: CalendarDateSchema.nullable().optional(),
};

export const UnitPriceInputSchema = z.object(unitPriceFields).meta({ id: "UnitPriceInput" });
export const UnitPriceUpdateInputSchema = z
  .object(unitPriceFields)
  .omit({ organisationId: true })
  .partial()
  .extend({ version: z.number().int() })
  .meta({ id: "UnitPriceUpdateInput" });

export const PriceIndexRowSchema = z
  .object({ year: z.number().int().min(1990).max(2100), indexValue: z.number().positive() })
  .meta({ id: "PriceIndexRow" });
export const PriceIndexSchema = z
  .object({ organisationId: z.string().nullable(), rows: z.array(PriceIndexRowSchema) })
  .meta({ id: "PriceIndex" });
