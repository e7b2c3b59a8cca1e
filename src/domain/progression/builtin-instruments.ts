/**
 * The instruments Bundlinje ships. The wording is our own (no licensed questionnaire text). Each score
 * states the smallest change that counts (`meaningfulChange`), which trend views show on screen and
 * cohort views use to sort families into improved / unchanged / worse.
 *
 * Project admins may add their own instruments and new versions of these (see `addInstrumentVersion`).
 */
import {
  type Instrument,
  type InstrumentInput,
  InstrumentSchema,
  type InstrumentVersionInput,
  type ScoreDefinition,
} from "./instrument.js";

/** Codes of the shipped instruments (referenced by schedules and outcome rules). */
export const INSTRUMENT_CODES = {
  wellBeing: "well-being",
  familyAreas: "family-areas",
  schoolAbsence: "school-absence",
  dayCareAttendance: "day-care-attendance",
  supportHours: "support-hours",
  placementRisk: "placement-risk",
  employmentLadder: "employment-ladder",
  goalAttainment: "goal-attainment",
} as const;

/** Score codes of the shipped instruments' main scores. */
export const SCORE_CODES = {
  wellBeing: "well-being",
  familyAreasTotal: "total",
  absencePct: "absence-pct",
  attendancePct: "attendance-pct",
  hoursPerWeek: "hours-per-week",
  placementRisk: "risk",
  employmentStep: "step",
  goalAttainment: "attainment",
} as const;

const wellBeing: InstrumentInput = {
  code: INSTRUMENT_CODES.wellBeing,
  name: "Trivsel",
  nameEn: "Well-being",
  description:
    "Familiens egen vurdering af trivsel på en skala fra 1 til 10 – for hvert familiemedlem og for familien samlet.",
  versions: [
    {
      version: 1,
      subjects: ["person", "family"],
      respondents: ["member", "parent", "consultant"],
      items: [
        {
          code: "well-being",
          label: "Alt i alt – hvordan har du det (eller familien) for tiden?",
          labelEn: "All in all – how are you (or the family) doing at the moment?",
          help: "1 er det dårligste, 10 det bedste. Små børn kan svare sammen med en voksen; for familien svarer I samlet.",
          scale: {
            kind: "numeric-range",
            min: 1,
            max: 10,
            minLabel: "Meget dårligt",
            maxLabel: "Rigtig godt",
          },
          direction: "higher-is-better",
        },
      ],
      scores: [
        {
          kind: "item",
          item: "well-being",
          code: "well-being",
          label: "Trivsel (1–10)",
          labelEn: "Well-being (1–10)",
          direction: "higher-is-better",
          meaningfulChange: { kind: "absolute", value: 2 },
          cutOffs: [
            { fromValue: 1, code: "low", label: "Lav trivsel" },
            { fromValue: 5, code: "moderate", label: "Middel trivsel" },
            { fromValue: 8, code: "high", label: "God trivsel" },
          ],
        },
      ],
    },
  ],
};

const FAMILY_AREAS: ReadonlyArray<{ code: string; label: string; labelEn: string; help: string }> = [
  {
    code: "parenting",
    label: "Forældrerollen",
    labelEn: "Parenting",
    help: "Omsorg, grænser, struktur og nærvær over for børnene.",
  },
  {
    code: "home",
    label: "Hjemmet og hverdagen",
    labelEn: "The home and daily routines",
    help: "Bolig, husholdning, måltider, søvn og faste rutiner.",
  },
  {
    code: "children-school",
    label: "Børnenes skole og dagtilbud",
    labelEn: "The children's school and day care",
    help: "Fremmøde, trivsel i skolen eller dagtilbuddet og samarbejdet med personalet.",
  },
  {
    code: "children-development",
    label: "Børnenes trivsel og udvikling",
    labelEn: "The children's well-being and development",
    help: "Hvordan børnene har det og udvikler sig – følelsesmæssigt, socialt og i forhold til alder.",
  },
  {
    code: "family-relations",
    label: "Samspillet i familien",
    labelEn: "Relations in the family",
    help: "Hvordan I taler sammen, løser konflikter og er sammen.",
  },
  {
    code: "network",
    label: "Netværk og fritid",
    labelEn: "Network and leisure",
    help: "Familie, venner og fællesskaber I kan trække på; børnenes fritidsliv.",
  },
  {
    code: "economy",
    label: "Økonomi",
    labelEn: "Finances",
    help: "Overblik over indtægter, udgifter og gæld; at pengene slår til.",
  },
  {
    code: "health",
    label: "Helbred",
    labelEn: "Health",
    help: "Fysisk og psykisk helbred hos de voksne og børnene.",
  },
  {
    code: "work-education",
    label: "Arbejde og uddannelse",
    labelEn: "Work and education",
    help: "De voksnes tilknytning til arbejde, uddannelse eller aktivering.",
  },
];

const familyAreaScores: ScoreDefinition[] = FAMILY_AREAS.map((a) => ({
  kind: "item",
  item: a.code,
  code: a.code,
  label: a.label,
  labelEn: a.labelEn,
  direction: "higher-is-better",
  meaningfulChange: { kind: "absolute", value: 2 },
}));

const familyAreasVersion: InstrumentVersionInput = {
  version: 1,
  subjects: ["family"],
  respondents: ["consultant", "parent", "caseworker"],
  periodNote: "Udfyldes i fællesskab med familien og beskriver situationen den seneste måned.",
  items: FAMILY_AREAS.map((a) => ({
    code: a.code,
    label: a.label,
    labelEn: a.labelEn,
    help: a.help,
    scale: { kind: "numeric-range", min: 1, max: 10, minLabel: "Meget svært", maxLabel: "Går rigtig godt" },
    direction: "higher-is-better",
  })),
  scores: [
    {
      kind: "mean",
      items: FAMILY_AREAS.map((a) => a.code),
      minAnswered: 7,
      code: "total",
      label: "Samlet gennemsnit (1–10)",
      labelEn: "Overall mean (1–10)",
      direction: "higher-is-better",
      meaningfulChange: { kind: "absolute", value: 1 },
      cutOffs: [
        { fromValue: 1, code: "considerable-concern", label: "Stor bekymring" },
        { fromValue: 4, code: "some-concern", label: "Nogen bekymring" },
        { fromValue: 7, code: "stable", label: "Stabil" },
      ],
    },
    {
      kind: "mean",
      items: ["parenting", "children-school", "children-development"],
      minAnswered: 2,
      code: "children-and-parenting",
      label: "Børnene og forældrerollen",
      labelEn: "The children and parenting",
      direction: "higher-is-better",
      meaningfulChange: { kind: "absolute", value: 1.5 },
    },
    {
      kind: "mean",
      items: ["family-relations", "network"],
      minAnswered: 2,
      code: "relations-and-network",
      label: "Samspil og netværk",
      labelEn: "Relations and network",
      direction: "higher-is-better",
      meaningfulChange: { kind: "absolute", value: 1.5 },
    },
    {
      kind: "mean",
      items: ["home", "economy", "health", "work-education"],
      minAnswered: 3,
      code: "everyday-life",
      label: "Hverdagsliv, helbred og forsørgelse",
      labelEn: "Everyday life, health and income",
      direction: "higher-is-better",
      meaningfulChange: { kind: "absolute", value: 1.5 },
    },
    ...familyAreaScores,
  ],
};

const familyAreas: InstrumentInput = {
  code: INSTRUMENT_CODES.familyAreas,
  name: "Familiens situation på ni områder",
  nameEn: "The family's situation in nine areas",
  description:
    "Familien og familiebehandleren vurderer sammen ni områder af familiens liv, hvert på en skala fra 1 til 10.",
  versions: [familyAreasVersion],
};

const schoolAbsence: InstrumentInput = {
  code: INSTRUMENT_CODES.schoolAbsence,
  name: "Skolefravær",
  nameEn: "School absence",
  description: "Barnets fravær i procent af skoledagene i en periode, som skolen opgør det.",
  versions: [
    {
      version: 1,
      subjects: ["person"],
      memberRoles: ["child"],
      respondents: ["school", "caseworker"],
      periodNote: "Angiv perioden fraværet gælder (fx de seneste tre måneder).",
      items: [
        {
          code: "absence-pct",
          label: "Fravær i procent af skoledagene i perioden",
          labelEn: "Absence as a percentage of the school days in the period",
          help: "Alt fravær: sygdom, lovligt og ulovligt fravær.",
          scale: { kind: "percentage", decimals: 1 },
          direction: "lower-is-better",
        },
        {
          code: "unauthorised-absence-pct",
          label: "Heraf ulovligt fravær (procent af skoledagene)",
          labelEn: "Of which unauthorised absence (percentage of school days)",
          scale: { kind: "percentage", decimals: 1 },
          direction: "lower-is-better",
          isRequired: false,
        },
      ],
      scores: [
        {
          kind: "item",
          item: "absence-pct",
          code: "absence-pct",
          label: "Fravær (%)",
          labelEn: "Absence (%)",
          direction: "lower-is-better",
          meaningfulChange: { kind: "absolute", value: 5 },
          cutOffs: [
            { fromValue: 0, code: "usual", label: "Almindeligt fravær" },
            { fromValue: 10, code: "concerning", label: "Bekymrende fravær (10 % eller mere)" },
            { fromValue: 20, code: "high", label: "Højt fravær (20 % eller mere)" },
          ],
        },
        {
          kind: "item",
          item: "unauthorised-absence-pct",
          code: "unauthorised-absence-pct",
          label: "Ulovligt fravær (%)",
          labelEn: "Unauthorised absence (%)",
          direction: "lower-is-better",
          meaningfulChange: { kind: "absolute", value: 5 },
        },
      ],
    },
  ],
};

const dayCareAttendance: InstrumentInput = {
  code: INSTRUMENT_CODES.dayCareAttendance,
  name: "Fremmøde i dagtilbud",
  nameEn: "Day-care attendance",
  description: "Barnets fremmøde i procent af dagtilbuddets åbningsdage i en periode.",
  versions: [
    {
      version: 1,
      subjects: ["person"],
      memberRoles: ["child"],
      respondents: ["school", "caseworker"],
      periodNote: "Angiv perioden fremmødet gælder (fx de seneste tre måneder).",
      items: [
        {
          code: "attendance-pct",
          label: "Fremmøde i procent af dagtilbuddets åbningsdage i perioden",
          labelEn: "Attendance as a percentage of the day-care's opening days in the period",
          scale: { kind: "percentage", decimals: 1 },
          direction: "higher-is-better",
        },
      ],
      scores: [
        {
          kind: "item",
          item: "attendance-pct",
          code: "attendance-pct",
          label: "Fremmøde (%)",
          labelEn: "Attendance (%)",
          direction: "higher-is-better",
          meaningfulChange: { kind: "absolute", value: 10 },
          cutOffs: [
            { fromValue: 0, code: "low", label: "Lavt fremmøde (under 80 %)" },
            { fromValue: 80, code: "usual", label: "Almindeligt fremmøde" },
          ],
        },
      ],
    },
  ],
};

const supportHours: InstrumentInput = {
  code: INSTRUMENT_CODES.supportHours,
  name: "Støttetimer",
  nameEn: "Support hours",
  description:
    "Timer pr. uge, familien får i praktisk eller pædagogisk støtte fra kommunen (alle foranstaltninger i hjemmet).",
  versions: [
    {
      version: 1,
      subjects: ["family"],
      respondents: ["caseworker", "consultant"],
      items: [
        {
          code: "hours-per-week",
          label: "Støttetimer pr. uge fra kommunen",
          labelEn: "Hours of municipal support per week",
          help: "Læg alle bevilgede timer sammen (støtte-kontaktperson, praktisk pædagogisk støtte, familiebehandling i hjemmet …).",
          scale: { kind: "hours", per: "week", max: 168 },
          direction: "lower-is-better",
        },
      ],
      scores: [
        {
          kind: "item",
          item: "hours-per-week",
          code: "hours-per-week",
          label: "Støttetimer pr. uge",
          labelEn: "Support hours per week",
          direction: "lower-is-better",
          meaningfulChange: { kind: "absolute", value: 2 },
        },
      ],
    },
  ],
};

const placementRisk: InstrumentInput = {
  code: INSTRUMENT_CODES.placementRisk,
  name: "Risiko for anbringelse",
  nameEn: "Placement risk",
  description: "Sagsbehandlerens vurdering af, om barnet kan blive anbragt uden for hjemmet.",
  versions: [
    {
      version: 1,
      subjects: ["person"],
      memberRoles: ["child"],
      respondents: ["caseworker"],
      items: [
        {
          code: "risk",
          label: "Vurderet risiko for anbringelse",
          labelEn: "Assessed risk of out-of-home placement",
          scale: {
            kind: "ordered-categories",
            categories: [
              { code: "none", label: "Ingen risiko", labelEn: "No risk", value: 0 },
              { code: "low", label: "Lav risiko", labelEn: "Low risk", value: 1 },
              { code: "medium", label: "Middel risiko", labelEn: "Medium risk", value: 2 },
              { code: "high", label: "Høj risiko", labelEn: "High risk", value: 3 },
              { code: "placed", label: "Anbragt", labelEn: "Placed", value: 4 },
            ],
          },
          direction: "lower-is-better",
        },
      ],
      scores: [
        {
          kind: "item",
          item: "risk",
          code: "risk",
          label: "Risiko for anbringelse (0 = ingen, 4 = anbragt)",
          labelEn: "Placement risk (0 = none, 4 = placed)",
          direction: "lower-is-better",
          meaningfulChange: { kind: "absolute", value: 1 },
        },
      ],
    },
  ],
};

const employmentLadder: InstrumentInput = {
  code: INSTRUMENT_CODES.employmentLadder,
  name: "Trin mod beskæftigelse",
  nameEn: "Employment ladder",
  description:
    "Hvor den voksne står på vejen fra kontanthjælp til selvforsørgelse, vurderet af sagsbehandleren.",
  versions: [
    {
      version: 1,
      subjects: ["person"],
      memberRoles: ["parent", "other-adult"],
      respondents: ["caseworker"],
      items: [
        {
          code: "step",
          label: "Nuværende trin",
          labelEn: "Current step",
          scale: {
            kind: "ordered-categories",
            categories: [
              {
                code: "cash-benefit-not-ready",
                label: "Kontanthjælp – ikke jobparat",
                labelEn: "Cash benefit – not job-ready",
                value: 1,
              },
              { code: "activation", label: "I aktivering", labelEn: "In activation", value: 2 },
              {
                code: "work-placement",
                label: "I virksomhedspraktik",
                labelEn: "In a work placement",
                value: 3,
              },
              {
                code: "part-time-job-or-education",
                label: "Deltidsjob eller i uddannelse",
                labelEn: "Part-time job or in education",
                value: 4,
              },
              { code: "self-supporting", label: "Selvforsørgende", labelEn: "Self-supporting", value: 5 },
            ],
          },
          direction: "higher-is-better",
        },
      ],
      scores: [
        {
          kind: "item",
          item: "step",
          code: "step",
          label: "Trin (1 = kontanthjælp, 5 = selvforsørgende)",
          labelEn: "Step (1 = cash benefit, 5 = self-supporting)",
          direction: "higher-is-better",
          meaningfulChange: { kind: "absolute", value: 1 },
        },
      ],
    },
  ],
};

const goalAttainment: InstrumentInput = {
  code: INSTRUMENT_CODES.goalAttainment,
  name: "Målopfyldelse",
  nameEn: "Goal attainment",
  description:
    "Hvert mål i familiens plan scores fra −2 til +2, hvor 0 er det forventede resultat. Målene samles i en vægtet T-score for familien, hvor 50 er som forventet (Goal Attainment Scaling).",
  versions: [
    {
      version: 1,
      subjects: ["person", "family"],
      respondents: ["consultant", "caseworker", "parent", "member"],
      isPerGoal: true,
      items: [
        {
          code: "attainment",
          label: "Hvor langt er målet nået?",
          labelEn: "How far has the goal been reached?",
          scale: {
            kind: "ordered-categories",
            categories: [
              {
                code: "much-less",
                label: "Meget mindre end forventet",
                labelEn: "Much less than expected",
                value: -2,
              },
              { code: "less", label: "Mindre end forventet", labelEn: "Less than expected", value: -1 },
              { code: "expected", label: "Som forventet", labelEn: "As expected", value: 0 },
              { code: "more", label: "Mere end forventet", labelEn: "More than expected", value: 1 },
              {
                code: "much-more",
                label: "Meget mere end forventet",
                labelEn: "Much more than expected",
                value: 2,
              },
            ],
          },
          direction: "higher-is-better",
        },
      ],
      scores: [
        {
          kind: "item",
          item: "attainment",
          code: "attainment",
          label: "Målopfyldelse (−2 til +2)",
          labelEn: "Goal attainment (−2 to +2)",
          direction: "higher-is-better",
          meaningfulChange: { kind: "absolute", value: 1 },
        },
      ],
      familyAggregate: { kind: "gas-t-score", rho: 0.3, meaningfulChange: { kind: "absolute", value: 10 } },
    },
  ],
};

/** The shipped instruments, validated with `InstrumentSchema` (defaults applied). */
export const BUILTIN_INSTRUMENTS: readonly Instrument[] = [
  wellBeing,
  familyAreas,
  schoolAbsence,
  dayCareAttendance,
  supportHours,
  placementRisk,
  employmentLadder,
  goalAttainment,
].map((i) => InstrumentSchema.parse(i));

/**
 * A shipped instrument by code.
 * @throws RangeError for an unknown code.
 */
export function getBuiltinInstrument(code: string): Instrument {
  const found = BUILTIN_INSTRUMENTS.find((i) => i.code === code);
  if (!found) throw new RangeError(`Unknown built-in instrument: ${code}`);
  return found;
}
