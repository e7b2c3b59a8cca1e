import { z } from "zod";
import { COURSE_STATES } from "../domain/casework/index.js";
import { ChangeThresholdSchema, DirectionSchema } from "../domain/progression/index.js";
import { CalendarDateSchema, UuidSchema } from "./common.js";

/*
 * The project's progression views (issue 5 §2, §4): the cohort view of one instrument score (share
 * improved / unchanged / worse, median and quartiles by month since the start, before–after at the end
 * of the course), the courses behind each figure, and the data-quality list (missing, late,
 * out-of-range and duplicate measurements per course). Every figure is computed from the courses the
 * reader may see (`measurement.read` with its reach).
 */

/** A figure that rests on fewer families than this is marked as a small group (shown, never hidden). */
export const SMALL_GROUP_FAMILIES = 5;

/** The unit of a score: points, percentage points (a percentage scale) or hours. */
export const SCORE_UNITS = ["points", "percentage-points", "hours"] as const;
export type ScoreUnit = (typeof SCORE_UNITS)[number];

/** Whom a cohort counts: families (the family's own measurements) or persons (each member's). */
export const COHORT_SUBJECTS = ["family", "person"] as const;
export type CohortSubject = (typeof COHORT_SUBJECTS)[number];

/** The classes of a change from baseline, plus the courses that cannot be classified. */
export const COHORT_BUCKETS = ["improved", "unchanged", "worse", "not-measurable"] as const;
export type CohortBucketName = (typeof COHORT_BUCKETS)[number];

/**
 * The figures a drill-down can start from: the change to the latest value, the change to the end of
 * the course, one month since the start (the median chart), or the before–after table.
 */
export const COHORT_FIGURES = ["latest", "end", "month", "before-after"] as const;
export type CohortFigure = (typeof COHORT_FIGURES)[number];

const LanguageCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}$/, { message: "Ukendt sprogkode" });
const CodeParamSchema = z.string().trim().min(1).max(64);

/** The filters of the cohort view (all optional). */
export const CohortFiltersSchema = z.object({
  /** Only courses of this track. */
  track: UuidSchema.optional(),
  /** Only families where a member has this main language (the first of the person's languages). */
  language: LanguageCodeSchema.optional(),
  /** Only courses in this state. */
  state: z.enum(COURSE_STATES, { error: "Ukendt forløbsstatus" }).optional(),
});

export const CohortQuerySchema = CohortFiltersSchema.extend({
  /** The instrument's code (default: Trivsel, else the first instrument). */
  instrument: CodeParamSchema.optional(),
  /** The score's code (default: the instrument's first score). */
  score: CodeParamSchema.optional(),
  /** Families or persons (default: families when the instrument measures the family). */
  subject: z.enum(COHORT_SUBJECTS, { error: "Vælg familier eller personer" }).optional(),
});
export type CohortQuery = z.infer<typeof CohortQuerySchema>;

export const CohortCoursesQuerySchema = CohortQuerySchema.extend({
  figure: z.enum(COHORT_FIGURES, { error: "Ukendt tal i opgørelsen" }).default("latest"),
  /** For `latest` and `end`: which class. */
  bucket: z.enum(COHORT_BUCKETS, { error: "Ukendt gruppe" }).optional(),
  /** For `month`: whole months since the start (0 = the first month). */
  month: z.coerce.number().int().min(0).max(600).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  offset: z.coerce.number().int().min(0).default(0),
}).superRefine((q, ctx) => {
  if ((q.figure === "latest" || q.figure === "end") && q.bucket === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["bucket"],
      message: "Vælg forbedret, uændret, forværret eller ikke målbar",
    });
  }
  if (q.figure === "month" && q.month === undefined) {
    ctx.addIssue({ code: "custom", path: ["month"], message: "Vælg en måned efter forløbets start" });
  }
});
export type CohortCoursesQuery = z.infer<typeof CohortCoursesQuerySchema>;

const SpreadSchema = z
  .object({
    n: z.number().int(),
    min: z.number(),
    q1: z.number(),
    median: z.number(),
    q3: z.number(),
    max: z.number(),
  })
  .meta({ id: "CohortSpread" });

/** A count with its share of the measurable, the families behind it, and whether that group is small. */
const CohortShareSchema = z.object({
  count: z.number().int(),
  /** Percent of the measurable (0 when none is measurable). */
  pct: z.number(),
  families: z.number().int(),
  isSmall: z.boolean(),
});

export const CohortClassificationSchema = z
  .object({
    improved: CohortShareSchema,
    unchanged: CohortShareSchema,
    worse: CohortShareSchema,
    /** Without a baseline, or without a value after it (latest), or without an end value (end). */
    notMeasurable: z.object({ count: z.number().int(), families: z.number().int() }),
    /** Improved + unchanged + worse. */
    measurable: z.number().int(),
    /** Every family or person counted (measurable or not). */
    total: z.number().int(),
    /** Families behind the measurable ones. */
    families: z.number().int(),
    /** True when the measurable rest on fewer than SMALL_GROUP_FAMILIES families. */
    isSmall: z.boolean(),
  })
  .meta({ id: "CohortClassification" });
export type CohortClassification = z.infer<typeof CohortClassificationSchema>;

const ScoreOptionSchema = z.object({
  code: z.string(),
  label: z.string(),
  labelEn: z.string().nullable(),
  direction: DirectionSchema,
  meaningfulChange: ChangeThresholdSchema,
});

export const CohortInstrumentOptionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    /** What the instrument can be about (its newest version). */
    subjects: z.array(z.enum(COHORT_SUBJECTS)),
    /** The scores of its newest version. */
    scores: z.array(ScoreOptionSchema),
  })
  .meta({ id: "CohortInstrumentOption" });
export type CohortInstrumentOption = z.infer<typeof CohortInstrumentOptionSchema>;

const TrackOptionSchema = z.object({ id: UuidSchema, code: z.string(), name: z.string() });

export const CohortViewSchema = z
  .object({
    projectId: UuidSchema,
    /** The day the view is computed for (today in Denmark). */
    asOf: CalendarDateSchema,
    selection: z.object({
      instrumentCode: z.string(),
      instrumentName: z.string(),
      instrumentNameEn: z.string().nullable(),
      scoreCode: z.string(),
      scoreLabel: z.string(),
      scoreLabelEn: z.string().nullable(),
      subject: z.enum(COHORT_SUBJECTS),
      direction: DirectionSchema,
      /** The smallest change that counts (the instrument's threshold). */
      meaningfulChange: ChangeThresholdSchema,
      /** What the score's values (and changes) are counted in. */
      scoreUnit: z.enum(SCORE_UNITS),
      /** The baseline is the first value within this many weeks of the start. */
      baselineWithinWeeks: z.number().int(),
      /** The end value is the one closest to the end day within this window. */
      endWindowDaysBefore: z.number().int(),
      endWindowDaysAfter: z.number().int(),
      smallGroupFamilies: z.number().int(),
    }),
    options: z.object({
      /** Instruments with a score per family or person (goal attainment, scored per goal, is not one). */
      instruments: z.array(CohortInstrumentOptionSchema),
      tracks: z.array(TrackOptionSchema),
      /** Main languages of the members of the families you may see in the project. */
      languages: z.array(z.string()),
    }),
    filters: z.object({
      track: UuidSchema.nullable(),
      language: z.string().nullable(),
      state: z.string().nullable(),
    }),
    /** What the figures are about: courses and families after the filters, and the series counted. */
    population: z.object({
      courses: z.number().int(),
      families: z.number().int(),
      subjects: z.number().int(),
    }),
    /** Baseline → the latest value after it (every course). */
    toLatest: CohortClassificationSchema,
    /** Baseline → the value at the end of the course (courses that have ended). */
    toEnd: CohortClassificationSchema,
    /** The value in each whole month since the start: quartiles over the courses with a value then. */
    overTime: z.array(
      z.object({
        month: z.number().int(),
        spread: SpreadSchema,
        families: z.number().int(),
        isSmall: z.boolean(),
      }),
    ),
    /** Courses that have ended with a baseline and an end value. */
    beforeAfter: z.object({
      n: z.number().int(),
      families: z.number().int(),
      isSmall: z.boolean(),
      baseline: SpreadSchema.nullable(),
      end: SpreadSchema.nullable(),
      change: SpreadSchema.nullable(),
    }),
  })
  .meta({ id: "CohortView" });
export type CohortView = z.infer<typeof CohortViewSchema>;

const PointValueSchema = z.object({ value: z.number(), measuredOn: CalendarDateSchema });

export const CohortCourseRowSchema = z
  .object({
    courseId: UuidSchema,
    familyId: UuidSchema,
    familyName: z.string(),
    /** For a person cohort: the member. */
    personId: UuidSchema.nullable(),
    personName: z.string().nullable(),
    trackId: UuidSchema,
    trackName: z.string(),
    state: z.enum(COURSE_STATES),
    startedOn: CalendarDateSchema,
    endedOn: CalendarDateSchema.nullable(),
    baseline: PointValueSchema.nullable(),
    latest: PointValueSchema.nullable(),
    /** Latest − baseline. */
    change: z.object({ absolute: z.number(), relativePct: z.number().nullable() }).nullable(),
    classification: z.enum(["improved", "unchanged", "worse"]).nullable(),
    end: PointValueSchema.nullable(),
    /** End − baseline. */
    endChange: z.object({ absolute: z.number(), relativePct: z.number().nullable() }).nullable(),
    endClassification: z.enum(["improved", "unchanged", "worse"]).nullable(),
    /** For the `month` figure: the value that month (the last measured in it). */
    monthValue: PointValueSchema.nullable(),
  })
  .meta({ id: "CohortCourseRow" });
export type CohortCourseRow = z.infer<typeof CohortCourseRowSchema>;

export const CohortCoursesSchema = z
  .object({
    figure: z.enum(COHORT_FIGURES),
    bucket: z.enum(COHORT_BUCKETS).nullable(),
    month: z.number().int().nullable(),
    items: z.array(CohortCourseRowSchema),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .meta({ id: "CohortCourses" });
export type CohortCourses = z.infer<typeof CohortCoursesSchema>;

// ---------------------------------------------------------------------------------------------------
// Data quality

/**
 * - `missing`: a due slot whose window has closed with nothing recorded;
 * - `late`: recorded after its slot's window closed;
 * - `out-of-range`: a stored value outside the scale of the instrument version it was scored with, or a
 *   score outside what that version's items can give (see data-quality.service.ts);
 * - `duplicate`: more than one measurement in one slot's window.
 */
export const DATA_QUALITY_KINDS = ["missing", "late", "duplicate", "out-of-range"] as const;
export type DataQualityKind = (typeof DATA_QUALITY_KINDS)[number];

export const DataQualityQuerySchema = z.object({
  track: UuidSchema.optional(),
  kind: z.enum(DATA_QUALITY_KINDS, { error: "Ukendt type af fejl" }).optional(),
  /** Only courses with this caseworker on the case team today. */
  caseworker: UuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DataQualityQuery = z.infer<typeof DataQualityQuerySchema>;

export const DataQualityIssueSchema = z
  .object({
    kind: z.enum(DATA_QUALITY_KINDS),
    instrumentCode: z.string(),
    instrumentName: z.string(),
    instrumentNameEn: z.string().nullable(),
    /** Whom it is about: the family, a member (with the name) or a plan goal. */
    subject: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("family") }),
      z.object({ kind: z.literal("person"), personId: z.string(), name: z.string() }),
      z.object({ kind: z.literal("goal"), goalId: z.string(), text: z.string() }),
    ]),
    /** The due slot (missing, late, duplicate). */
    slot: z
      .object({
        kind: z.enum(["baseline", "interval", "end", "follow-up"]),
        sequence: z.number().int(),
        dueOn: CalendarDateSchema,
        windowFrom: CalendarDateSchema,
        windowTo: CalendarDateSchema,
      })
      .nullable(),
    /** Days after the window (late: when it was recorded; missing: until today). */
    daysLate: z.number().int().nullable(),
    /** The measurements concerned (late: the late one; duplicate: all in the window; out of range: the one). */
    measurements: z.array(z.object({ id: UuidSchema, measuredOn: CalendarDateSchema })),
    /** Out of range: the item or score code, its stored value and the allowed range when it has one. */
    field: z.string().nullable(),
    value: z.union([z.number(), z.string(), z.null()]),
    allowedMin: z.number().nullable(),
    allowedMax: z.number().nullable(),
    /** Out of range: what is wrong, in Danish. */
    message: z.string().nullable(),
  })
  .meta({ id: "DataQualityIssue" });
export type DataQualityIssue = z.infer<typeof DataQualityIssueSchema>;

const IssueCountsSchema = z.object({
  missing: z.number().int(),
  late: z.number().int(),
  outOfRange: z.number().int(),
  duplicate: z.number().int(),
});

export const DataQualityCourseSchema = z
  .object({
    courseId: UuidSchema,
    familyId: UuidSchema,
    familyName: z.string(),
    trackId: UuidSchema,
    trackName: z.string(),
    state: z.enum(COURSE_STATES),
    caseworkers: z.array(z.object({ id: UuidSchema, name: z.string() })),
    counts: IssueCountsSchema,
    issues: z.array(DataQualityIssueSchema),
  })
  .meta({ id: "DataQualityCourse" });
export type DataQualityCourse = z.infer<typeof DataQualityCourseSchema>;

export const DataQualityPageSchema = z
  .object({
    asOf: CalendarDateSchema,
    items: z.array(DataQualityCourseSchema),
    /** Courses with at least one issue (of the kind asked for). */
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    /** Issues of each kind over all the courses found (not only this page), and the courses looked at. */
    totals: IssueCountsSchema.extend({ coursesChecked: z.number().int() }),
    options: z.object({
      tracks: z.array(TrackOptionSchema.extend({ hasSchedule: z.boolean() })),
      /** Caseworkers on the case teams of the courses you may see. */
      caseworkers: z.array(z.object({ id: UuidSchema, name: z.string() })),
    }),
  })
  .meta({ id: "DataQualityPage" });
export type DataQualityPage = z.infer<typeof DataQualityPageSchema>;
