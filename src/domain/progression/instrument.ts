/**
 * Instruments as data. An instrument (e.g. "Trivsel") has numbered versions; a version has items (what
 * is asked or recorded), each with a scale and a direction, the respondents who may answer it, and
 * scoring rules that turn item values into scored values (a single item passed through, a sum or a mean
 * of items) with optional cut-off bands and a threshold for a change large enough to count.
 *
 * A version that has been used to score a measurement is immutable: changes are a new version
 * (`addInstrumentVersion`). Every measurement keeps the version it was scored with.
 *
 * The zod schemas validate instruments stored as JSON and instruments written by project admins; their
 * messages are Danish and keyed by path.
 */
import { z } from "zod";
import { MEMBER_ROLES } from "./family-data.js";
import { CodeSchema, DateSchema, FiniteNumberSchema, LabelSchema } from "./schema-primitives.js";

/** Who answers an item: the member themself, a parent, the provider's consultant, the caseworker, the school or day care. */
export const RESPONDENTS = ["member", "parent", "consultant", "caseworker", "school"] as const;
/** Who answers an item. */
export const RespondentSchema = z.enum(RESPONDENTS, { error: "Ukendt besvarer" });
/** Who answers an item. */
export type Respondent = z.infer<typeof RespondentSchema>;

/** Danish labels of the respondents. */
export const RESPONDENT_LABELS_DA: Record<Respondent, string> = {
  member: "Familiemedlemmet selv",
  parent: "Forælder",
  consultant: "Familiebehandler",
  caseworker: "Sagsbehandler",
  school: "Skole eller dagtilbud",
};

/** Whether a higher value is an improvement (`higher-is-better`) or a deterioration (`lower-is-better`). */
export const DirectionSchema = z.enum(["higher-is-better", "lower-is-better"], { error: "Ukendt retning" });
/** Whether a higher value is an improvement or a deterioration. */
export type Direction = z.infer<typeof DirectionSchema>;

/** What a measurement is about: one person, or the family as a whole. */
export const SubjectKindSchema = z.enum(["person", "family"], { error: "Ukendt emne" });
/** What a measurement is about: one person, or the family as a whole. */
export type SubjectKind = z.infer<typeof SubjectKindSchema>;

/** A member role (see `MemberRole`). */
export const MemberRoleSchema = z.enum(MEMBER_ROLES, {
  error: "Ukendt rolle i familien",
});

/** An integer or decimal scale between `min` and `max` (inclusive), in steps of `step` from `min`. */
export const NumericRangeScaleSchema = z.object({
  kind: z.literal("numeric-range"),
  /** Smallest allowed value (inclusive). */
  min: FiniteNumberSchema,
  /** Largest allowed value (inclusive); greater than `min`. */
  max: FiniteNumberSchema,
  /** Values must be `min + k·step`; default 1 (whole numbers when `min` is whole). */
  step: z.number().positive({ message: "Skal være større end 0" }).default(1),
  /** What the lowest value means, e.g. "Meget dårligt". */
  minLabel: LabelSchema.optional(),
  /** What the highest value means, e.g. "Rigtig godt". */
  maxLabel: LabelSchema.optional(),
  /** Unit shown after the value, e.g. "dage". */
  unit: z.string().max(20).optional(),
});

/** One answer option of an ordered-categories scale. */
export const CategorySchema = z.object({
  /** Stored value, e.g. `high`. */
  code: CodeSchema,
  /** Danish label, e.g. "Høj". */
  label: LabelSchema,
  /** English label. */
  labelEn: LabelSchema.optional(),
  /** Numeric value used for scoring and trends; strictly increasing in the listed order. */
  value: FiniteNumberSchema,
});
/** One answer option of an ordered-categories scale. */
export type Category = z.infer<typeof CategorySchema>;

/** Ordered answer options (lowest first), stored by code, scored by their numeric `value`. */
export const OrderedCategoriesScaleSchema = z.object({
  kind: z.literal("ordered-categories"),
  /** At least two options, lowest value first. */
  categories: z.array(CategorySchema).min(2, { message: "Mindst to svarmuligheder" }),
});

/** A percentage 0–100 (decimals allowed), e.g. absence in % of school days. */
export const PercentageScaleSchema = z.object({
  kind: z.literal("percentage"),
  /** Decimals kept when recording (default 1); values are not rejected for more, only rounded for display. */
  decimals: z.number().int().min(0).max(4).default(1),
});

/** Hours per week or per month, 0 to `max` (decimals allowed). */
export const HoursScaleSchema = z.object({
  kind: z.literal("hours"),
  /** The period the hours refer to. */
  per: z.enum(["week", "month"]).default("week"),
  /** Largest allowed value (default 168, the hours of a week). */
  max: z.number().positive().default(168),
});

/** The scale of an item. */
export const ScaleSchema = z.discriminatedUnion("kind", [
  NumericRangeScaleSchema,
  OrderedCategoriesScaleSchema,
  PercentageScaleSchema,
  HoursScaleSchema,
]);
/** The scale of an item. */
export type Scale = z.infer<typeof ScaleSchema>;

/** One thing asked or recorded. */
export const ItemSchema = z.object({
  /** Unique within the version; the key of the item's value in a measurement. */
  code: CodeSchema,
  /** The question or field in Danish (own wording). */
  label: LabelSchema,
  /** English label. */
  labelEn: LabelSchema.optional(),
  /** Guidance shown beside the field. */
  help: z.string().max(1000).optional(),
  /** The scale. */
  scale: ScaleSchema,
  /** Whether a higher value is better or worse. */
  direction: DirectionSchema,
  /** Restricts who may answer this item (default: the version's respondents). */
  respondents: z.array(RespondentSchema).min(1).optional(),
  /** When true (default), a measurement without a value for the item is rejected. */
  isRequired: z.boolean().default(true),
});
/** One thing asked or recorded. */
export type Item = z.infer<typeof ItemSchema>;

/**
 * A change large enough to count: an absolute difference in the score's unit (`absolute`), or a
 * difference in percent of the baseline (`relative-pct`).
 */
export const ChangeThresholdSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("absolute"),
    value: z.number().positive({ message: "Skal være større end 0" }),
  }),
  z.object({
    kind: z.literal("relative-pct"),
    value: z.number().positive({ message: "Skal være større end 0" }),
  }),
]);
/** A change large enough to count. */
export type ChangeThreshold = z.infer<typeof ChangeThresholdSchema>;

/** A band of a score: values ≥ `fromValue` (and below the next band's `fromValue`) get this band. */
export const CutOffSchema = z.object({
  /** Lower bound, inclusive. The first band's bound may be above the scale's minimum (lower values get no band). */
  fromValue: FiniteNumberSchema,
  /** Band code, e.g. `concern`. */
  code: CodeSchema,
  /** Danish label, e.g. "Bekymring". */
  label: LabelSchema,
});
/** A band of a score. */
export type CutOff = z.infer<typeof CutOffSchema>;

const ScoreBase = {
  /** Unique within the version; the key of the scored value in a measurement. */
  code: CodeSchema,
  /** Danish name of the score. */
  label: LabelSchema,
  /** English name. */
  labelEn: LabelSchema.optional(),
  /** Whether a higher score is better or worse. */
  direction: DirectionSchema,
  /** The smallest change that counts as a real change (stated on screen with the trend). */
  meaningfulChange: ChangeThresholdSchema,
  /** Optional bands (ascending `fromValue`). */
  cutOffs: z.array(CutOffSchema).optional(),
};

/**
 * A scoring rule: `item` passes one item's numeric value through (a category scores its `value`);
 * `sum` and `mean` combine items. With `minAnswered` below the number of items, missing items are
 * allowed: the mean is taken over the answered items and the sum is prorated (mean × number of items).
 * Fewer answered items than `minAnswered` gives no score (null).
 */
export const ScoreDefinitionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("item"), item: CodeSchema, ...ScoreBase }),
  z.object({
    kind: z.literal("sum"),
    items: z.array(CodeSchema).min(1),
    /** Least number of answered items for a score (default: all). */
    minAnswered: z.number().int().min(1).optional(),
    ...ScoreBase,
  }),
  z.object({
    kind: z.literal("mean"),
    items: z.array(CodeSchema).min(1),
    /** Least number of answered items for a score (default: all). */
    minAnswered: z.number().int().min(1).optional(),
    ...ScoreBase,
  }),
]);
/** A scoring rule. */
export type ScoreDefinition = z.infer<typeof ScoreDefinitionSchema>;

/**
 * How per-goal scores combine into one family score: the Kiresuk–Sherman goal-attainment T-score
 * (see `computeGasTScore`), with inter-goal correlation `rho` (default 0.3).
 */
export const GasAggregateSchema = z.object({
  kind: z.literal("gas-t-score"),
  /** Assumed correlation between goals' scores, 0 ≤ ρ < 1 (default 0.3). */
  rho: z.number().min(0).lt(1).default(0.3),
  /** The smallest change of the T-score that counts (default 10 points, one standard deviation). */
  meaningfulChange: ChangeThresholdSchema.default({ kind: "absolute", value: 10 }),
});
/** How per-goal scores combine into one family score. */
export type GasAggregate = z.infer<typeof GasAggregateSchema>;

/** One version of an instrument: what is asked, of whom, and how it is scored. */
export const InstrumentVersionSchema = z
  .object({
    /** 1, 2, 3, … increasing within the instrument. */
    version: z.number().int().min(1),
    /** The first day the version may be used. */
    validFrom: DateSchema.optional(),
    /** What a measurement with this version can be about. */
    subjects: z.array(SubjectKindSchema).min(1),
    /** For person measurements: the member roles it applies to (default all). */
    memberRoles: z.array(MemberRoleSchema).min(1).optional(),
    /** Who may answer. */
    respondents: z.array(RespondentSchema).min(1),
    /** When true, each measurement is about one plan goal (`Measurement.goalId` is required). */
    isPerGoal: z.boolean().default(false),
    /** What the values refer to, e.g. "the last 3 months" — shown on the form. */
    periodNote: z.string().max(500).optional(),
    /** The items; at least one. */
    items: z.array(ItemSchema).min(1, { message: "Mindst ét spørgsmål" }),
    /** The scoring rules; at least one. */
    scores: z.array(ScoreDefinitionSchema).min(1, { message: "Mindst én scoring" }),
    /** How per-goal measurements combine into a family score (goal attainment only). */
    familyAggregate: GasAggregateSchema.optional(),
  })
  .superRefine((v, ctx) => {
    const itemCodes = new Set<string>();
    v.items.forEach((item, i) => {
      if (itemCodes.has(item.code)) {
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "code"],
          message: `Koden ${item.code} er brugt før`,
        });
      }
      itemCodes.add(item.code);
      const scale = item.scale;
      if (scale.kind === "numeric-range" && !(scale.min < scale.max)) {
        ctx.addIssue({
          code: "custom",
          path: ["items", i, "scale", "max"],
          message: "Største værdi skal være større end mindste værdi",
        });
      }
      if (scale.kind === "ordered-categories") {
        const codes = new Set<string>();
        scale.categories.forEach((c, j) => {
          if (codes.has(c.code)) {
            ctx.addIssue({
              code: "custom",
              path: ["items", i, "scale", "categories", j, "code"],
              message: `Svarmuligheden ${c.code} er brugt før`,
            });
          }
          codes.add(c.code);
          const prev = scale.categories[j - 1];
          if (prev && !(c.value > prev.value)) {
            ctx.addIssue({
              code: "custom",
              path: ["items", i, "scale", "categories", j, "value"],
              message: "Værdierne skal stige i den viste rækkefølge",
            });
          }
        });
      }
    });
    const scoreCodes = new Set<string>();
    v.scores.forEach((s, i) => {
      if (scoreCodes.has(s.code)) {
        ctx.addIssue({
          code: "custom",
          path: ["scores", i, "code"],
          message: `Koden ${s.code} er brugt før`,
        });
      }
      scoreCodes.add(s.code);
      const refs = s.kind === "item" ? [s.item] : s.items;
      refs.forEach((ref, j) => {
        if (!itemCodes.has(ref)) {
          ctx.addIssue({
            code: "custom",
            path: s.kind === "item" ? ["scores", i, "item"] : ["scores", i, "items", j],
            message: `Ukendt spørgsmål: ${ref}`,
          });
        }
      });
      if (s.kind !== "item" && s.minAnswered !== undefined && s.minAnswered > s.items.length) {
        ctx.addIssue({
          code: "custom",
          path: ["scores", i, "minAnswered"],
          message: "Kan ikke være større end antallet af spørgsmål",
        });
      }
      s.cutOffs?.forEach((c, j) => {
        const prev = s.cutOffs?.[j - 1];
        if (prev && !(c.fromValue > prev.fromValue)) {
          ctx.addIssue({
            code: "custom",
            path: ["scores", i, "cutOffs", j, "fromValue"],
            message: "Grænserne skal stige",
          });
        }
      });
    });
    if (v.familyAggregate && !v.isPerGoal) {
      ctx.addIssue({
        code: "custom",
        path: ["familyAggregate"],
        message: "En samlet målopfyldelsesscore kræver et instrument pr. mål",
      });
    }
  });
/** One version of an instrument. */
export type InstrumentVersion = z.infer<typeof InstrumentVersionSchema>;
/** One version of an instrument as written (defaults not yet applied). */
export type InstrumentVersionInput = z.input<typeof InstrumentVersionSchema>;

/** An instrument with all its versions (oldest first). */
export const InstrumentSchema = z
  .object({
    /** Unique instrument code, e.g. `school-absence`; referenced by schedules and outcome rules. */
    code: CodeSchema,
    /** Danish name, e.g. "Skolefravær". */
    name: LabelSchema,
    /** English name. */
    nameEn: LabelSchema.optional(),
    /** What it measures and why, in Danish. */
    description: z.string().max(2000).optional(),
    /** The versions, numbered 1, 2, 3, … in order. */
    versions: z.array(InstrumentVersionSchema).min(1, { message: "Mindst én version" }),
  })
  .superRefine((instrument, ctx) => {
    instrument.versions.forEach((v, i) => {
      if (v.version !== i + 1) {
        ctx.addIssue({
          code: "custom",
          path: ["versions", i, "version"],
          message: `Versionerne skal nummereres 1, 2, 3, … (forventede ${i + 1})`,
        });
      }
    });
  });
/** An instrument with all its versions. */
export type Instrument = z.infer<typeof InstrumentSchema>;
/** An instrument as written (defaults not yet applied). */
export type InstrumentInput = z.input<typeof InstrumentSchema>;

/** Points at one version of one instrument. */
export interface InstrumentVersionRef {
  /** The instrument's code. */
  instrumentCode: string;
  /** The version number. */
  version: number;
}

/**
 * The version with the given number.
 * @throws RangeError when the instrument has no such version.
 */
export function getInstrumentVersion(instrument: Instrument, version: number): InstrumentVersion {
  const found = instrument.versions.find((v) => v.version === version);
  if (!found) throw new RangeError(`Instrument ${instrument.code} has no version ${version}`);
  return found;
}

/** The newest version of an instrument (the one new measurements use). */
export function getLatestVersion(instrument: Instrument): InstrumentVersion {
  return instrument.versions[instrument.versions.length - 1]!;
}

/**
 * Finds an instrument by code in a catalogue.
 * @throws RangeError when no instrument has the code.
 */
export function findInstrument(instruments: readonly Instrument[], code: string): Instrument {
  const found = instruments.find((i) => i.code === code);
  if (!found) throw new RangeError(`Unknown instrument: ${code}`);
  return found;
}

/**
 * Succeeds an instrument's latest version: returns a new instrument with `draft` appended as version
 * n + 1 (the number in `draft` is ignored). Earlier versions are never edited, so measurements scored
 * with them keep their meaning.
 * @throws ZodError when the resulting version is invalid.
 */
export function addInstrumentVersion(
  instrument: Instrument,
  draft: Omit<InstrumentVersionInput, "version">,
): Instrument {
  const next = InstrumentVersionSchema.parse({ ...draft, version: instrument.versions.length + 1 });
  return { ...instrument, versions: [...instrument.versions, next] };
}

/** The score definition with the given code in a version, or undefined. */
export function findScoreDefinition(
  version: InstrumentVersion,
  scoreCode: string,
): ScoreDefinition | undefined {
  return version.scores.find((s) => s.code === scoreCode);
}

/**
 * The ordered categories behind a score when the score passes one categories item through (e.g.
 * placement risk), else undefined.
 */
export function categoriesOfScore(
  version: InstrumentVersion,
  scoreCode: string,
): readonly Category[] | undefined {
  const score = findScoreDefinition(version, scoreCode);
  if (score?.kind !== "item") return undefined;
  const item = version.items.find((i) => i.code === score.item);
  return item?.scale.kind === "ordered-categories" ? item.scale.categories : undefined;
}
