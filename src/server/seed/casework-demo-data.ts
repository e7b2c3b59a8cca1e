import {
  addDays,
  addMonths,
  type CalendarDate,
  compareDates,
  daysBetween,
} from "../../domain/calendar-date.js";
import type {
  ConsentPurpose,
  CourseEvent,
  FamilyPlanInput,
  HouseholdRole,
} from "../../domain/casework/index.js";

/*
 * Fictional case-work demo data (issue 4 §8): the families of the Vejle project (Familiebehandling på
 * modersmål: 20 ordinary and 5 intensive courses, plus referrals still in the inbox) and three Rødovre
 * families. Every person, name and CPR number is invented. Pure: dates are computed from the `today`
 * passed in, variation comes from a seeded generator, so the same day always gives the same data.
 */

// ---------------------------------------------------------------------------------------------------
// Shapes

export type DanishProficiency = "none" | "basic" | "conversational" | "fluent" | "native";

/** A member of a demo family. */
export interface DemoMember {
  /** Key within the family ("p1", "c1", …). */
  readonly key: string;
  readonly role: HouseholdRole;
  readonly firstName: string;
  readonly lastName: string;
  readonly sex: "female" | "male";
  /** Whole years on the seed day. */
  readonly age: number;
  /** ISO 639-1, the main language first. */
  readonly languages: readonly string[];
  readonly danish: DanishProficiency;
  readonly interpreter: boolean;
  /** A child's school or day care. */
  readonly school: string;
  /** False for a person without a CPR number yet (newly arrived). */
  readonly hasCpr: boolean;
}

/** Who the municipality's caseworkers are in the demo. */
export type DemoCaseworker = "sara" | "jonas" | "rasmus";

/** Demo user e-mails by role in the case-work demo. */
export const CASEWORK_DEMO_USERS = {
  sara: "sagsbehandler@vejle.demo",
  jonas: "sagsbehandler2@vejle.demo",
  rasmus: "sagsbehandler@rodovre.demo",
  consultant: "konsulent@modersmaal.demo",
  vejleLeader: "leder@vejle.demo",
  vejleScreener: "projektleder@vejle.demo",
} as const;

/** Goal templates (see `GOAL_TEMPLATES`). */
export type GoalTemplateKey =
  | "school"
  | "wellbeing"
  | "language"
  | "job"
  | "conflict"
  | "routines"
  | "finances"
  | "leisure"
  | "daycare"
  | "health"
  | "housing";

/** A goal of the family: template and (for member goals) the member it is about. */
export type GoalPick = readonly [GoalTemplateKey, string?];

/** One course step: event, days before the seed day, and (where the machine needs one) the reason. */
export type DemoCourseStep = readonly [CourseEvent, number, string?];

/** A course in the demo: accepted `acceptedDaysAgo` days before the seed day, then the steps in order. */
export interface DemoCourse {
  readonly acceptedDaysAgo: number;
  readonly steps: readonly DemoCourseStep[];
}

/** A referral not (yet) accepted: still in the inbox or on the waiting list. */
export interface DemoPendingReferral {
  readonly state: "submitted" | "screening" | "wait-listed";
  readonly referredDaysAgo: number;
  readonly screeningDaysAgo?: number;
  readonly waitListedDaysAgo?: number;
  readonly waitListReason?: string;
  /** Consents recorded so far (by every parent). */
  readonly consents: readonly ConsentPurpose[];
}

/** A fictional family and its case. */
export interface DemoFamily {
  readonly key: string;
  readonly municipality: "vejle" | "rodovre";
  readonly track: "ordinary" | "intensive";
  /** "Familien …" */
  readonly name: string;
  /** The family's language (ISO 639-1): what the provider's consultant speaks with them. */
  readonly language: string;
  readonly members: readonly DemoMember[];
  readonly reason: string;
  readonly goals: readonly GoalPick[];
  /** Caseworkers on the team (the first from acceptance; see `handoverDaysAgo`). */
  readonly caseworkers: readonly DemoCaseworker[];
  /** The first caseworker hands over to the second on this day (then only one caseworker is on the team). */
  readonly handoverDaysAgo?: number;
  /** Whether the provider's consultant is on the case team. */
  readonly hasConsultant: boolean;
  readonly course?: DemoCourse;
  readonly pending?: DemoPendingReferral;
  /** Evaluation consent: given (default), never given, or given and withdrawn `n` days ago. */
  readonly evaluationConsent?: "missing" | { readonly withdrawnDaysAgo: number; readonly note: string };
  /** A second plan version (a revision, or the final statuses at the end of the course). */
  readonly hasPlanRevision: boolean;
  /** Whether the family has agreed to the latest plan (default true once treatment has started). */
  readonly isPlanAgreed?: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Helpers

type MemberOptions = {
  interpreter?: boolean;
  school?: string;
  hasCpr?: boolean;
};

function member(
  key: string,
  role: HouseholdRole,
  firstName: string,
  lastName: string,
  sex: "female" | "male",
  age: number,
  languages: readonly string[],
  danish: DanishProficiency,
  options: MemberOptions = {},
): DemoMember {
  return {
    key,
    role,
    firstName,
    lastName,
    sex,
    age,
    languages,
    danish,
    interpreter: options.interpreter ?? danish === "none",
    school: options.school ?? "",
    hasCpr: options.hasCpr ?? true,
  };
}

const F = "female" as const;
const M = "male" as const;

/** Baseline 8 days and treatment 29 days after acceptance (the usual start). */
function start(acceptedDaysAgo: number, treatmentDaysAgo = acceptedDaysAgo - 29): DemoCourseStep[] {
  return [
    ["start-baseline", acceptedDaysAgo - 8],
    ["start-treatment", treatmentDaysAgo],
  ];
}

const REVIEW_AFTER_12 = "Revurdering efter 12 måneders behandling.";

// ---------------------------------------------------------------------------------------------------
// The families

const VEJLE_FAMILIES: DemoFamily[] = [
  {
    key: "hassan",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Hassan",
    language: "ar",
    members: [
      member("p1", "parent", "Ahmad", "Hassan", M, 41, ["ar"], "basic"),
      member("p2", "parent", "Rania", "Hassan", F, 36, ["ar"], "none"),
      member("c1", "child", "Lina", "Hassan", F, 12, ["ar", "da"], "fluent", { school: "Nørremarksskolen" }),
      member("c2", "child", "Omar", "Hassan", M, 9, ["ar", "da"], "conversational", {
        school: "Nørremarksskolen",
      }),
      member("c3", "child", "Yara", "Hassan", F, 4, ["ar", "da"], "basic", {
        school: "Børnehuset Nørremarken",
      }),
    ],
    reason:
      "Omar har over 20 % fravær og er ked af det i skolen. Forældrene har svært ved at samarbejde med skolen på dansk, og mor taler næsten ikke dansk.",
    goals: [["school", "c2"], ["language", "p2"], ["routines"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    // Accepted ~13 months ago and treated for over a year: the review is overdue.
    course: { acceptedDaysAgo: 405, steps: start(405, 375) },
    hasPlanRevision: true,
  },
  {
    key: "warsame",
    municipality: "vejle",
    track: "intensive",
    name: "Familien Warsame",
    language: "so",
    members: [
      member("p1", "parent", "Hodan", "Warsame", F, 34, ["so"], "none"),
      member("c1", "child", "Abdirahman", "Warsame", M, 14, ["so", "da"], "fluent", {
        school: "Søndermarksskolen",
      }),
      member("c2", "child", "Sagal", "Warsame", F, 11, ["so", "da"], "fluent", {
        school: "Søndermarksskolen",
      }),
      member("c3", "child", "Mohamed", "Warsame", M, 7, ["so", "da"], "conversational", {
        school: "Søndermarksskolen",
      }),
    ],
    reason:
      "Abdirahman er næsten ikke i skole og opholder sig om aftenen med ældre unge. Skolen og SSP er bekymrede, og der er risiko for anbringelse. Mor er alene med tre børn og taler ikke dansk.",
    goals: [["wellbeing", "c1"], ["school", "c1"], ["conflict"], ["leisure", "c2"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 150, steps: start(150) },
    hasPlanRevision: false,
  },
  {
    key: "yilmaz",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Yılmaz",
    language: "tr",
    members: [
      member("p1", "parent", "Mehmet", "Yılmaz", M, 44, ["tr"], "conversational"),
      member("p2", "parent", "Ayşe", "Yılmaz", F, 40, ["tr"], "basic", { interpreter: true }),
      member("c1", "child", "Elif", "Yılmaz", F, 15, ["tr", "da"], "native", { school: "Rosborg Skole" }),
      member("c2", "child", "Emre", "Yılmaz", M, 10, ["tr", "da"], "fluent", { school: "Rosborg Skole" }),
    ],
    reason:
      "Mange konflikter mellem forældrene og Elif. Elif har fortalt skolen, at hun ikke har lyst til at komme hjem. Mor har brug for hjælp på tyrkisk.",
    goals: [["conflict"], ["wellbeing", "c1"], ["job", "p2"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: {
      acceptedDaysAgo: 345,
      steps: [
        ...start(345, 315),
        ["start-review", 30, "Forløbet nærmer sig de planlagte 10 måneder; revurdering før afslutning."],
        [
          "complete",
          21,
          "Familien har nået to af tre mål og delvist det tredje. Konflikterne er faldet markant, og Elif trives. Forløbet afsluttes som planlagt.",
        ],
      ],
    },
    hasPlanRevision: true,
  },
  {
    key: "ahmadi",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Ahmadi",
    language: "fa",
    members: [
      member("p1", "parent", "Reza", "Ahmadi", M, 38, ["fa"], "basic"),
      member("p2", "parent", "Zahra", "Ahmadi", F, 33, ["fa"], "none"),
      member("c1", "child", "Maryam", "Ahmadi", F, 8, ["fa", "da"], "fluent", { school: "Mølholm Skole" }),
      member("c2", "child", "Ali", "Ahmadi", M, 5, ["fa", "da"], "basic", {
        school: "Børnehaven Solsikken",
      }),
      member("c3", "child", "Fatemeh", "Ahmadi", F, 1, ["fa"], "none", {
        school: "Dagplejen Vejle Nord",
        interpreter: false,
      }),
    ],
    reason:
      "Sundhedsplejersken er bekymret for Alis sprog og for mors overskud efter den seneste fødsel. Familien har brug for støtte på dari.",
    goals: [["daycare", "c2"], ["health", "p2"], ["routines"]],
    caseworkers: ["jonas"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 240, steps: start(240) },
    hasPlanRevision: false,
  },
  {
    key: "tesfamariam",
    municipality: "vejle",
    track: "intensive",
    name: "Familien Tesfamariam",
    language: "ti",
    members: [
      member("p1", "parent", "Senait", "Tesfamariam", F, 31, ["ti"], "basic", { interpreter: true }),
      member("p2", "parent", "Yonas", "Habte", M, 35, ["ti", "ar"], "basic"),
      member("c1", "child", "Luwam", "Yonas", F, 9, ["ti", "da"], "fluent", { school: "Petersmindeskolen" }),
      member("c2", "child", "Natnael", "Yonas", M, 6, ["ti", "da"], "conversational", {
        school: "Petersmindeskolen",
      }),
      member("c3", "child", "Abel", "Yonas", M, 2, ["ti"], "basic", { school: "Vuggestuen Mælkebøtten" }),
    ],
    reason:
      "Luwam viser alvorlige tegn på mistrivsel: hun spiser dårligt, er indesluttet og har fortalt om voldsomme skænderier derhjemme. Underretning fra skolen; risiko for anbringelse.",
    goals: [["wellbeing", "c1"], ["conflict"], ["school", "c1"]],
    caseworkers: ["sara", "jonas"],
    hasConsultant: true,
    course: {
      acceptedDaysAgo: 330,
      steps: [
        ...start(330, 300),
        [
          "start-review",
          130,
          "Tidlig revurdering: Luwam trives fortsat dårligt, og skolen har underrettet igen.",
        ],
        [
          "adjust",
          120,
          "Forløbet fortsætter med justeret plan: flere timer familiebehandling og en fast kontaktperson for Luwam.",
        ],
        ["start-review", 12, REVIEW_AFTER_12],
      ],
    },
    hasPlanRevision: true,
  },
  {
    key: "mahmood",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Mahmood",
    language: "ur",
    members: [
      member("p1", "parent", "Tariq", "Mahmood", M, 46, ["ur", "pa"], "conversational"),
      member("p2", "parent", "Nadia", "Mahmood", F, 39, ["ur"], "basic", { interpreter: true }),
      member("c1", "child", "Hamza", "Mahmood", M, 13, ["ur", "da"], "native", { school: "Hældagerskolen" }),
      member("c2", "child", "Aisha", "Mahmood", F, 11, ["ur", "da"], "native", { school: "Hældagerskolen" }),
      member("c3", "child", "Zainab", "Mahmood", F, 6, ["ur", "da"], "fluent", { school: "Hældagerskolen" }),
    ],
    reason:
      "Hamza har meget fravær og har været involveret i flere episoder i skolen. Far arbejder om aftenen, og mor oplever ikke at kunne sætte grænser.",
    goals: [["school", "c1"], ["conflict"], ["language", "p2"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    // Accepted a little over a year ago, treatment started a few days later: the review is due now.
    course: { acceptedDaysAgo: 372, steps: start(372, 362) },
    hasPlanRevision: false,
  },
  {
    key: "rashid",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Rashid",
    language: "ku",
    members: [
      member("p1", "parent", "Dilan", "Rashid", F, 32, ["ku", "ar"], "basic", { interpreter: true }),
      member("p2", "parent", "Karwan", "Rashid", M, 37, ["ku"], "basic"),
      member("c1", "child", "Rojin", "Rashid", F, 10, ["ku", "da"], "fluent", { school: "Kirkebakkeskolen" }),
      member("c2", "child", "Rebin", "Rashid", M, 3, ["ku"], "basic", { school: "Børnehuset Bakken" }),
    ],
    reason:
      "Familien er flyttet til Vejle for et år siden og har ikke fået fodfæste. Rojin passer sin lillebror meget og har svært ved at følge med i skolen.",
    goals: [["school", "c1"], ["daycare", "c2"], ["finances"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 90, steps: start(90) },
    hasPlanRevision: false,
  },
  {
    key: "kowalski",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Kowalski",
    language: "pl",
    members: [
      member("p1", "parent", "Agnieszka", "Kowalska", F, 35, ["pl"], "basic"),
      member("p2", "parent", "Tomasz", "Kowalski", M, 38, ["pl"], "none"),
      member("c1", "child", "Zuzanna", "Kowalska", F, 12, ["pl", "da"], "fluent", {
        school: "Langelinieskolen",
      }),
      member("c2", "child", "Jakub", "Kowalski", M, 8, ["pl", "da"], "conversational", {
        school: "Langelinieskolen",
      }),
    ],
    reason:
      "Far arbejder lange dage på en byggeplads og taler ikke dansk. Jakub har udadreagerende adfærd i skolen, og forældrene er uenige om opdragelsen.",
    goals: [["conflict"], ["school", "c2"], ["language", "p2"]],
    caseworkers: ["sara", "jonas"],
    handoverDaysAgo: 60,
    hasConsultant: true,
    course: { acceptedDaysAgo: 300, steps: start(300) },
    hasPlanRevision: false,
  },
  {
    key: "popescu",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Popescu",
    language: "ro",
    members: [
      member("p1", "parent", "Ioana", "Popescu", F, 29, ["ro"], "none"),
      member("p2", "parent", "Andrei", "Popescu", M, 33, ["ro"], "basic"),
      member("c1", "child", "Maria", "Popescu", F, 6, ["ro", "da"], "basic", { school: "Vinding Skole" }),
      member("c2", "child", "Luca", "Popescu", M, 3, ["ro"], "basic", { school: "Børnehaven Troldehøj" }),
    ],
    reason:
      "Maria er lige startet i skole og taler kun lidt dansk. Familien bor trangt og har økonomiske problemer; børnehaven har bemærket, at Luca ofte er sulten.",
    goals: [["daycare", "c2"], ["finances"], ["routines"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 30, steps: [["start-baseline", 21]] },
    hasPlanRevision: false,
    isPlanAgreed: true,
  },
  {
    key: "begic",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Begić",
    language: "bs",
    members: [
      member("p1", "parent", "Amra", "Begić", F, 42, ["bs"], "conversational"),
      member("a1", "other-adult", "Fatima", "Begić", F, 68, ["bs"], "none"),
      member("c1", "child", "Edin", "Begić", M, 16, ["bs", "da"], "native", { school: "Rosborg Gymnasium" }),
      member("c2", "child", "Lejla", "Begić", F, 13, ["bs", "da"], "native", { school: "Grejsdalens Skole" }),
    ],
    reason:
      "Mor er alene med to teenagere og sin mor, der har brug for pleje. Lejla har selvskadende adfærd ifølge skolens AKT-lærer.",
    goals: [
      ["wellbeing", "c2"],
      ["health", "p1"],
    ],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: {
      acceptedDaysAgo: 600,
      steps: [
        ...start(600, 570),
        ["start-review", 290, "Revurdering ved forløbets planlagte afslutning."],
        [
          "complete",
          283,
          "Begge mål er nået: Lejla går til samtaler og har ikke skadet sig selv i et halvt år, og mor har fået aflastning.",
        ],
        ["start-follow-up", 270, "Opfølgning på effekterne i to år efter behandlingen."],
      ],
    },
    hasPlanRevision: true,
  },
  {
    key: "noori",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Noori",
    language: "ps",
    members: [
      member("p1", "parent", "Gul", "Noori", F, 30, ["ps", "fa"], "none"),
      member("p2", "parent", "Jawid", "Noori", M, 36, ["ps"], "basic"),
      member("a1", "other-adult", "Naseer", "Noori", M, 24, ["ps"], "none", { hasCpr: false }),
      member("c1", "child", "Mursal", "Noori", F, 7, ["ps", "da"], "conversational", {
        school: "Smidstrup-Skærup Skole",
      }),
      member("c2", "child", "Ahmad", "Noori", M, 4, ["ps"], "basic", { school: "Børnehuset Skærup" }),
    ],
    reason:
      "Familien er ny i kommunen. Mursal virker utryg og græder meget i skolen, og familien har ikke noget netværk. Fars bror er netop kommet til Danmark og bor hos familien.",
    goals: [
      ["wellbeing", "c1"],
      ["leisure", "c1"],
    ],
    caseworkers: ["sara"],
    hasConsultant: false,
    course: { acceptedDaysAgo: 6, steps: [] },
    hasPlanRevision: false,
  },
  {
    key: "shevchenko",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Shevchenko",
    language: "uk",
    members: [
      member("p1", "parent", "Olena", "Shevchenko", F, 37, ["uk", "ru"], "basic"),
      member("a1", "other-adult", "Halyna", "Shevchenko", F, 64, ["uk"], "none", { hasCpr: false }),
      member("c1", "child", "Daryna", "Shevchenko", F, 14, ["uk", "da"], "conversational", {
        school: "Englystskolen",
      }),
      member("c2", "child", "Maksym", "Shevchenko", M, 9, ["uk", "da"], "conversational", {
        school: "Englystskolen",
      }),
    ],
    reason:
      "Familien er flygtet fra krigen. Maksym har mareridt og voldsomme vredesudbrud; mor er udmattet og har svært ved at finde arbejde.",
    goals: [["wellbeing", "c2"], ["job", "p1"], ["routines"]],
    caseworkers: ["jonas"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 120, steps: start(120) },
    evaluationConsent: "missing",
    hasPlanRevision: false,
  },
  {
    key: "al-masri",
    municipality: "vejle",
    track: "intensive",
    name: "Familien Al-Masri",
    language: "ar",
    members: [
      member("p1", "parent", "Khaled", "Al-Masri", M, 45, ["ar"], "conversational"),
      member("p2", "parent", "Samira", "Al-Masri", F, 41, ["ar"], "basic", { interpreter: true }),
      member("c1", "child", "Youssef", "Al-Masri", M, 15, ["ar", "da"], "native", { school: "Ødsted Skole" }),
      member("c2", "child", "Nour", "Al-Masri", F, 12, ["ar", "da"], "native", { school: "Ødsted Skole" }),
      member("c3", "child", "Adam", "Al-Masri", M, 8, ["ar", "da"], "fluent", { school: "Ødsted Skole" }),
    ],
    reason:
      "Youssef har ikke været i skole i to måneder og er sigtet for tyveri. Forældrene står magtesløse; kommunen overvejer anbringelse, hvis der ikke sker en hurtig ændring.",
    goals: [["school", "c1"], ["wellbeing", "c1"], ["conflict"], ["finances"]],
    caseworkers: ["sara", "jonas"],
    hasConsultant: true,
    // Accepted and started about 11½ months ago: the review is due within weeks.
    course: { acceptedDaysAgo: 355, steps: start(355, 340) },
    hasPlanRevision: false,
  },
  {
    key: "sivakumar",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Sivakumar",
    language: "ta",
    members: [
      member("p1", "parent", "Priya", "Sivakumar", F, 39, ["ta"], "basic"),
      member("p2", "parent", "Kumar", "Sivakumar", M, 44, ["ta", "en"], "conversational"),
      member("c1", "child", "Anusha", "Sivakumar", F, 10, ["ta", "da"], "native", { school: "Højen Skole" }),
    ],
    reason:
      "Anusha er meget stille og har ingen venner i klassen. Mor er isoleret i hjemmet og har tegn på depression.",
    goals: [
      ["leisure", "c1"],
      ["health", "p1"],
    ],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: {
      acceptedDaysAgo: 760,
      steps: [
        ...start(760, 730),
        ["start-review", 460, "Revurdering ved forløbets planlagte afslutning."],
        [
          "complete",
          455,
          "Anusha går til badminton og har to faste veninder; mor er i behandling og deltager i en kvindegruppe.",
        ],
        ["start-follow-up", 450],
        ["close", 90, "Opfølgningen er afsluttet uden nye bekymringer."],
      ],
    },
    hasPlanRevision: true,
  },
  {
    key: "nguyen",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Nguyen",
    language: "vi",
    members: [
      member("p1", "parent", "Thi Lan", "Nguyen", F, 34, ["vi"], "basic"),
      member("p2", "parent", "Van Minh", "Tran", M, 40, ["vi"], "none"),
      member("c1", "child", "Bao", "Tran", M, 7, ["vi", "da"], "conversational", { school: "Skibet Skole" }),
      member("c2", "child", "Linh", "Tran", F, 4, ["vi", "da"], "basic", { school: "Børnehaven Spiren" }),
    ],
    reason:
      "Bao er ofte alene hjemme om eftermiddagen, fordi begge forældre arbejder i restauranten til sent. Skolen er bekymret for hans trivsel.",
    goals: [["routines"], ["leisure", "c1"], ["language", "p2"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 210, steps: start(210) },
    hasPlanRevision: false,
  },
  {
    key: "mohamud",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Mohamud",
    language: "so",
    members: [
      member("p1", "parent", "Faadumo", "Mohamud", F, 38, ["so"], "basic", { interpreter: true }),
      member("p2", "parent", "Abdi", "Mohamud", M, 43, ["so"], "conversational"),
      member("c1", "child", "Hamse", "Mohamud", M, 12, ["so", "da"], "native", {
        school: "Søndermarksskolen",
      }),
      member("c2", "child", "Ifrah", "Mohamud", F, 9, ["so", "da"], "native", {
        school: "Søndermarksskolen",
      }),
      member("c3", "child", "Nasteho", "Mohamud", F, 5, ["so", "da"], "conversational", {
        school: "Børnehuset Søndermarken",
      }),
    ],
    reason:
      "Hamse er udadreagerende i skolen og har været bortvist to gange. Forældrene oplever, at skolen ikke forstår dem.",
    goals: [["school", "c1"], ["conflict"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 400, steps: [...start(400, 370), ["start-review", 8, REVIEW_AFTER_12]] },
    hasPlanRevision: false,
  },
  {
    key: "demir",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Demir",
    language: "tr",
    members: [
      member("p1", "parent", "Zeynep", "Demir", F, 28, ["tr"], "conversational"),
      member("p2", "parent", "Serkan", "Demir", M, 31, ["ku", "tr"], "basic"),
      member("c1", "child", "Deniz", "Demir", M, 3, ["tr"], "basic", { school: "Børnehaven Regnbuen" }),
    ],
    reason:
      "Deniz taler næsten ikke og har voldsomme raserianfald. Forældrene er unge og har ikke familie i Danmark.",
    goals: [["daycare", "c1"], ["routines"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: {
      acceptedDaysAgo: 200,
      steps: [
        ...start(200, 172),
        [
          "end-early",
          95,
          "Familien er flyttet til Horsens Kommune; sagen er overdraget med familiens samtykke.",
        ],
      ],
    },
    hasPlanRevision: true,
    isPlanAgreed: false,
  },
  {
    key: "haile",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Haile",
    language: "am",
    members: [
      member("p1", "parent", "Meron", "Haile", F, 33, ["am", "ti"], "basic", { interpreter: true }),
      member("c1", "child", "Dawit", "Haile", M, 11, ["am", "da"], "fluent", { school: "Kirkebakkeskolen" }),
      member("c2", "child", "Hanna", "Haile", F, 7, ["am", "da"], "fluent", { school: "Kirkebakkeskolen" }),
    ],
    reason:
      "Mor er alene og arbejder på skiftehold. Dawit passer sin søster om morgenen og kommer for sent i skole næsten hver dag.",
    goals: [
      ["school", "c1"],
      ["job", "p1"],
    ],
    caseworkers: ["jonas"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 60, steps: start(60) },
    hasPlanRevision: false,
  },
  {
    key: "hosseini",
    municipality: "vejle",
    track: "intensive",
    name: "Familien Hosseini",
    language: "fa",
    members: [
      member("p1", "parent", "Fatemeh", "Hosseini", F, 40, ["fa"], "none"),
      member("c1", "child", "Mahdi", "Hosseini", M, 17, ["fa", "da"], "fluent", {
        school: "Vejle Tekniske Skole",
      }),
      member("c2", "child", "Narges", "Hosseini", F, 13, ["fa", "da"], "fluent", { school: "Mølholm Skole" }),
      member("c3", "child", "Amir", "Hosseini", M, 10, ["fa", "da"], "fluent", { school: "Mølholm Skole" }),
    ],
    reason:
      "Narges har fortalt sin lærer, at hun ikke vil leve. Hun er indlagt kortvarigt i børne- og ungdomspsykiatrien. Mor taler ikke dansk, og Mahdi tolker for familien.",
    goals: [["wellbeing", "c2"], ["language", "p1"], ["conflict"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 40, steps: [["start-baseline", 30]] },
    hasPlanRevision: false,
    isPlanAgreed: false,
  },
  {
    key: "abdullah",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Abdullah",
    language: "ar",
    members: [
      member("p1", "parent", "Mustafa", "Abdullah", M, 50, ["ar"], "basic"),
      member("p2", "parent", "Huda", "Abdullah", F, 45, ["ar"], "none"),
      member("c1", "child", "Zaid", "Abdullah", M, 14, ["ar", "da"], "native", {
        school: "Nørremarksskolen",
      }),
      member("c2", "child", "Rahaf", "Abdullah", F, 12, ["ar", "da"], "native", {
        school: "Nørremarksskolen",
      }),
      member("c3", "child", "Ibrahim", "Abdullah", M, 9, ["ar", "da"], "fluent", {
        school: "Nørremarksskolen",
      }),
      member("c4", "child", "Ruqaya", "Abdullah", F, 6, ["ar", "da"], "conversational", {
        school: "Nørremarksskolen",
      }),
    ],
    reason:
      "Stor familie i en lille lejlighed. Far er sygemeldt, og der er rykkere for husleje. Zaid og Rahaf har begge højt fravær.",
    goals: [["finances"], ["housing"], ["school", "c1"], ["health", "p1"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 180, steps: start(180) },
    hasPlanRevision: false,
  },
  {
    key: "nowak",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Nowak",
    language: "pl",
    members: [
      member("p1", "parent", "Katarzyna", "Nowak", F, 31, ["pl"], "basic"),
      member("p2", "parent", "Piotr", "Nowak", M, 34, ["pl"], "basic"),
      member("c1", "child", "Oliwia", "Nowak", F, 5, ["pl", "da"], "conversational", {
        school: "Børnehaven Bredballe",
      }),
      member("c2", "child", "Filip", "Nowak", M, 1, ["pl"], "none", {
        school: "Dagplejen Bredballe",
        interpreter: false,
      }),
    ],
    reason:
      "Sundhedsplejersken har underrettet om Filips vægt og om mors tristhed. Far arbejder i Tyskland i ugerne.",
    goals: [["routines"], ["health", "p1"]],
    caseworkers: ["jonas"],
    hasConsultant: false,
    course: { acceptedDaysAgo: 13, steps: [] },
    hasPlanRevision: false,
  },
  {
    key: "madsen",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Madsen",
    language: "th",
    members: [
      member("p1", "parent", "Ploy", "Madsen", F, 36, ["th"], "basic", { interpreter: true }),
      member("p2", "parent", "Kim", "Madsen", M, 48, ["da"], "native"),
      member("c1", "child", "Noah", "Madsen", M, 9, ["da", "th"], "native", { school: "Bredballe Skole" }),
    ],
    reason:
      "Mor forstår ikke skolens beskeder og føler sig udenfor. Forældrene skændes meget om Noahs opdragelse, og Noah er ked af det.",
    goals: [["conflict"], ["language", "p1"], ["school", "c1"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: {
      acceptedDaysAgo: 420,
      steps: [
        ...start(420, 392),
        [
          "end-early",
          250,
          "Familien ønskede selv at stoppe behandlingen. Samarbejdet mellem hjem og skole fortsætter uden projektet.",
        ],
        ["start-follow-up", 240],
      ],
    },
    evaluationConsent: {
      withdrawnDaysAgo: 250,
      note: "Forældrene trak samtykket til evaluering tilbage, da de afsluttede behandlingen.",
    },
    hasPlanRevision: true,
  },
  {
    key: "abdi",
    municipality: "vejle",
    track: "intensive",
    name: "Familien Abdi",
    language: "so",
    members: [
      member("p1", "parent", "Ayaan", "Abdi", F, 36, ["so"], "none"),
      member("a1", "other-adult", "Hibo", "Abdi", F, 27, ["so", "da"], "conversational"),
      member("c1", "child", "Yusuf", "Abdi", M, 16, ["so", "da"], "fluent", {
        school: "Vejle Tekniske Skole",
      }),
      member("c2", "child", "Khadra", "Abdi", F, 13, ["so", "da"], "fluent", { school: "Grejsdalens Skole" }),
      member("c3", "child", "Zakaria", "Abdi", M, 8, ["so", "da"], "conversational", {
        school: "Grejsdalens Skole",
      }),
    ],
    reason:
      "Yusuf er droppet ud af sin uddannelse og er ude om natten. Khadra har overtaget meget af omsorgen for Zakaria. Risiko for anbringelse af Yusuf.",
    goals: [["wellbeing", "c1"], ["school", "c2"], ["routines"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 100, steps: start(100) },
    hasPlanRevision: false,
  },
  {
    key: "karimi",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Karimi",
    language: "ku",
    members: [
      member("p1", "parent", "Shirin", "Karimi", F, 34, ["ku", "fa"], "basic"),
      member("p2", "parent", "Aram", "Karimi", M, 39, ["ku"], "conversational"),
      member("c1", "child", "Dana", "Karimi", M, 7, ["ku", "da"], "fluent", { school: "Petersmindeskolen" }),
      member("c2", "child", "Hana", "Karimi", F, 3, ["ku", "da"], "basic", { school: "Børnehaven Kløveren" }),
    ],
    reason:
      "Dana har svært ved at falde til i skolen og slår andre børn. Forældrene har begge traumer fra flugten og har svært ved at få hverdagen til at hænge sammen.",
    goals: [["school", "c1"], ["routines"], ["job", "p1"]],
    caseworkers: ["jonas"],
    hasConsultant: true,
    course: {
      acceptedDaysAgo: 380,
      steps: [
        ...start(380, 352),
        ["start-review", 50, "Revurdering ved forløbets planlagte afslutning."],
        [
          "complete",
          40,
          "Dana er faldet til i klassen, og familien har faste rutiner. Mor er i praktik. Alle mål er nået eller delvist nået.",
        ],
      ],
    },
    hasPlanRevision: true,
  },
  {
    key: "petrauskas",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Petrauskas",
    language: "lt",
    members: [
      member("p1", "parent", "Rasa", "Petrauskienė", F, 32, ["lt", "ru"], "none"),
      member("p2", "parent", "Darius", "Petrauskas", M, 35, ["lt"], "basic"),
      member("c1", "child", "Emilija", "Petrauskaitė", F, 8, ["lt", "da"], "conversational", {
        school: "Vinding Skole",
      }),
      member("c2", "child", "Matas", "Petrauskas", M, 5, ["lt", "da"], "basic", {
        school: "Børnehaven Vinding",
      }),
    ],
    reason: "Politiet har været tilkaldt til huslig uro to gange. Børnene er bange, og mor taler ikke dansk.",
    goals: [["conflict"], ["wellbeing", "c1"], ["language", "p1"]],
    caseworkers: ["sara"],
    hasConsultant: true,
    course: { acceptedDaysAgo: 270, steps: start(270) },
    hasPlanRevision: false,
  },
  // Referrals still in the inbox or on the waiting list (no course yet).
  {
    key: "darwish",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Darwish",
    language: "ar",
    members: [
      member("p1", "parent", "Mona", "Darwish", F, 30, ["ar"], "none"),
      member("p2", "parent", "Samer", "Darwish", M, 34, ["ar"], "basic"),
      member("c1", "child", "Jana", "Darwish", F, 7, ["ar", "da"], "conversational", {
        school: "Hældagerskolen",
      }),
      member("c2", "child", "Kareem", "Darwish", M, 4, ["ar"], "basic", { school: "Børnehaven Hældager" }),
    ],
    reason:
      "Skolen har underrettet om Janas trivsel: hun er ofte træt og sulten. Forældrene ønsker selv hjælp, men taler kun lidt dansk.",
    goals: [],
    caseworkers: ["sara"],
    hasConsultant: false,
    pending: { state: "submitted", referredDaysAgo: 3, consents: [] },
    hasPlanRevision: false,
  },
  {
    key: "farah",
    municipality: "vejle",
    track: "ordinary",
    name: "Familien Farah",
    language: "so",
    members: [
      member("p1", "parent", "Sahra", "Farah", F, 27, ["so"], "basic", { interpreter: true }),
      member("c1", "child", "Liban", "Farah", M, 5, ["so", "da"], "basic", {
        school: "Børnehuset Søndermarken",
      }),
      member("c2", "child", "Ilhan", "Farah", F, 2, ["so"], "none", {
        school: "Vuggestuen Søndermarken",
        interpreter: false,
      }),
    ],
    reason:
      "Mor er alene med to små børn og har svært ved at overskue hverdagen. Børnehaven er bekymret for Libans sprog og hygiejne.",
    goals: [],
    caseworkers: ["sara"],
    hasConsultant: false,
    pending: { state: "screening", referredDaysAgo: 15, screeningDaysAgo: 11, consents: ["treatment"] },
    hasPlanRevision: false,
  },
  {
    key: "rezaei",
    municipality: "vejle",
    track: "intensive",
    name: "Familien Rezaei",
    language: "fa",
    members: [
      member("p1", "parent", "Leila", "Rezaei", F, 42, ["fa"], "basic", { interpreter: true }),
      member("p2", "parent", "Hossein", "Rezaei", M, 47, ["fa"], "none"),
      member("c1", "child", "Parisa", "Rezaei", F, 15, ["fa", "da"], "fluent", { school: "Mølholm Skole" }),
      member("c2", "child", "Arash", "Rezaei", M, 12, ["fa", "da"], "fluent", { school: "Mølholm Skole" }),
    ],
    reason:
      "Parisa er stukket af hjemmefra to gange efter konflikter om hendes venner. Skolen og politiet har underrettet; der er risiko for anbringelse.",
    goals: [],
    caseworkers: ["sara"],
    hasConsultant: false,
    pending: {
      state: "wait-listed",
      referredDaysAgo: 45,
      screeningDaysAgo: 41,
      waitListedDaysAgo: 30,
      waitListReason:
        "Familien er i målgruppen, men det intensive spor er fuldt (5 af 5 pladser). Familien får den første ledige plads.",
      consents: ["treatment", "sharing-with-provider", "evaluation"],
    },
    hasPlanRevision: false,
  },
];

const RODOVRE_FAMILIES: DemoFamily[] = [
  {
    key: "larsen",
    municipality: "rodovre",
    track: "intensive",
    name: "Familien Larsen",
    language: "da",
    members: [
      member("p1", "parent", "Mette", "Larsen", F, 31, ["da"], "native"),
      member("c1", "child", "Freja", "Larsen", F, 8, ["da"], "native", { school: "Valhøjs Skole" }),
      member("c2", "child", "Oscar", "Larsen", M, 4, ["da"], "native", { school: "Børnehuset Espelunden" }),
    ],
    reason:
      "Mor har modtaget kontanthjælp i fire år og har angst. Frejas fravær er steget, og der er tidligere givet praktisk pædagogisk støtte uden varig effekt.",
    goals: [
      ["job", "p1"],
      ["school", "c1"],
      ["health", "p1"],
    ],
    caseworkers: ["rasmus"],
    hasConsultant: false,
    course: { acceptedDaysAgo: 300, steps: start(300) },
    hasPlanRevision: false,
  },
  {
    key: "haddad",
    municipality: "rodovre",
    track: "intensive",
    name: "Familien Haddad",
    language: "ar",
    members: [
      member("p1", "parent", "Hiba", "Haddad", F, 34, ["ar"], "conversational"),
      member("p2", "parent", "Bilal", "Haddad", M, 38, ["ar"], "basic", { interpreter: true }),
      member("c1", "child", "Ranim", "Haddad", F, 11, ["ar", "da"], "native", { school: "Islev Skole" }),
      member("c2", "child", "Karim", "Haddad", M, 6, ["ar", "da"], "fluent", { school: "Islev Skole" }),
    ],
    reason:
      "Begge forældre modtager kontanthjælp. Familien har gæld og en sag om huslejerestance; Karim har en sag i Børn og Familie om udviklingsforstyrrelse.",
    goals: [["job", "p2"], ["finances"], ["daycare", "c2"]],
    caseworkers: ["rasmus"],
    hasConsultant: false,
    // Treatment started about a year ago: the review is due soon.
    course: { acceptedDaysAgo: 385, steps: start(385, 358) },
    hasPlanRevision: false,
  },
  {
    key: "wisniewski",
    municipality: "rodovre",
    track: "intensive",
    name: "Familien Wiśniewski",
    language: "pl",
    members: [
      member("p1", "parent", "Magdalena", "Wiśniewska", F, 28, ["pl"], "basic"),
      member("p2", "parent", "Marek", "Wiśniewski", M, 33, ["pl"], "basic", { interpreter: true }),
      member("c1", "child", "Zofia", "Wiśniewska", F, 3, ["pl", "da"], "basic", {
        school: "Børnehuset Tjørnely",
      }),
    ],
    reason:
      "Far har mistet sit arbejde og modtager kontanthjælp; familien har misbrugsproblemer i netværket. Sundhedsplejersken er bekymret for Zofias udvikling.",
    goals: [
      ["job", "p2"],
      ["daycare", "c1"],
    ],
    caseworkers: ["rasmus"],
    hasConsultant: false,
    course: { acceptedDaysAgo: 20, steps: [["start-baseline", 12]] },
    hasPlanRevision: false,
    isPlanAgreed: false,
  },
];

/** All demo families: Vejle (25 with courses, 3 referrals without) and Rødovre (3). */
export const CASEWORK_DEMO_FAMILIES: readonly DemoFamily[] = [...VEJLE_FAMILIES, ...RODOVRE_FAMILIES];

// ---------------------------------------------------------------------------------------------------
// Deterministic variation

/** A tiny seeded generator (mulberry32): the same seed gives the same sequence, values in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A person's birth date: `age` whole years on `today`, on a day that varies with `n`. */
export function demoBirthDate(today: CalendarDate, age: number, n: number): CalendarDate {
  // 1–330 days before the last birthday keeps the age exact on `today`.
  return addDays(addMonths(today, -12 * age), -(1 + ((n * 97) % 330)));
}

/**
 * A fictional CPR number for a birth date and sex. The serial's first digit follows the CPR office's
 * century table (0–3 for 1900–1999, 4–9 for 2000–2036), the last digit the legal sex (odd = male), and
 * the number deliberately fails the old modulus-11 check (still a valid form since 2007), which keeps it
 * clear of most numbers issued before then. `n` makes serials distinct; the caller checks uniqueness.
 */
export function demoCpr(birthDate: CalendarDate, sex: "female" | "male", n: number): string {
  const [y, m, d] = birthDate.split("-") as [string, string, string];
  const year = Number(y);
  if (year < 1900 || year > 2036) throw new RangeError(`No demo CPR for a birth year of ${year}`);
  const seventh = year < 2000 ? n % 4 : 4 + (n % 6);
  const middle = String(Math.floor(n / 4) % 100).padStart(2, "0");
  const parity = sex === "male" ? [1, 3, 5, 7, 9] : [0, 2, 4, 6, 8];
  let last = parity[(n * 3) % 5]!;
  const base = `${d}${m}${y.slice(2)}${seventh}${middle}`;
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  const mod11 = (digits: string) => [...digits].reduce((s, c, i) => s + Number(c) * weights[i]!, 0) % 11;
  if (mod11(`${base}${last}`) === 0) last = (last + 2) % 10;
  return `${base}${last}`;
}

const DANISH_WALL_CLOCK = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Copenhagen",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant at a Danish wall-clock time on a calendar date (CET/CEST). */
export function danishInstant(date: CalendarDate, hour: number, minute: number): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const wanted = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  for (const offset of [1, 2]) {
    const candidate = new Date(Date.UTC(y, mo - 1, d, hour - offset, minute));
    if (DANISH_WALL_CLOCK.format(candidate) === wanted) return candidate;
  }
  // A wall time skipped by the spring change: take the hour after.
  return new Date(Date.UTC(y, mo - 1, d, hour - 1, minute));
}

/** The date `daysAgo` days before `today`. */
export function daysBefore(today: CalendarDate, daysAgo: number): CalendarDate {
  return addDays(today, -daysAgo);
}

/** The later of two dates. */
export function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

// ---------------------------------------------------------------------------------------------------
// Default reasons for the optional course steps

/** Reasons recorded with the optional steps when the family's data gives none. */
export const DEFAULT_STEP_REASONS: Partial<Record<CourseEvent, string>> = {
  "start-baseline": "Samtykker er på plads; baselinemåling og første hjemmebesøg er aftalt.",
  "start-treatment": "Familiens plan er lavet sammen med familien, og behandlingen går i gang.",
  "start-review": REVIEW_AFTER_12,
  "start-follow-up": "Opfølgning på effekterne efter behandlingen.",
  close: "Opfølgningen er afsluttet.",
};

// ---------------------------------------------------------------------------------------------------
// Familiens Plan

/** Danish adjectives for the languages of the demo ("… på arabisk"). */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ar: "arabisk",
  so: "somali",
  tr: "tyrkisk",
  fa: "dari/persisk",
  ti: "tigrinya",
  ur: "urdu",
  ku: "kurdisk",
  pl: "polsk",
  ro: "rumænsk",
  bs: "bosnisk",
  ps: "pashto",
  uk: "ukrainsk",
  ta: "tamil",
  vi: "vietnamesisk",
  am: "amharisk",
  th: "thai",
  lt: "litauisk",
  da: "dansk",
};

type Goal = NonNullable<FamilyPlanInput["goals"]>[number];
type Measure = NonNullable<FamilyPlanInput["measures"]>[number];

/** What a plan needs besides the family's data. */
export interface DemoPlanContext {
  readonly family: DemoFamily;
  readonly personIds: Readonly<Record<string, string>>;
  readonly caseworkerUserId: string;
  readonly consultantUserId: string | undefined;
  readonly acceptedOn: CalendarDate;
  /** First day of treatment, when it has started. */
  readonly treatmentOn: CalendarDate | undefined;
  /** The day the course ended (completed or ended early), when it has. */
  readonly endedOn: CalendarDate | undefined;
  readonly outcome: "open" | "completed" | "ended-early";
  /** Whether the course was adjusted at a review (the revision adds support). */
  readonly isAdjusted: boolean;
  readonly version: 1 | 2;
}

interface GoalDraft {
  readonly goal: Omit<Goal, "id" | "status" | "targetDate">;
  readonly hasScale: boolean;
  /** A measure serving the goal (besides the provider's family treatment), if any. */
  readonly measure?: Omit<Measure, "id" | "goalIds" | "startOn">;
  /** Whether the provider's family treatment serves the goal. */
  readonly isProviderGoal: boolean;
}

function pronoun(m: DemoMember): string {
  return m.sex === "female" ? "hun" : "han";
}

function levels(l: [string, string, string, string, string]) {
  return { "-2": l[0], "-1": l[1], "0": l[2], "1": l[3], "2": l[4] };
}

function draftGoal(key: GoalTemplateKey, family: DemoFamily, who: DemoMember | undefined, personId?: string) {
  const subject = who && personId ? { kind: "member" as const, personId } : { kind: "family" as const };
  const name = who?.firstName ?? "";
  const vejle = family.municipality === "vejle";
  const drafts: Record<GoalTemplateKey, () => GoalDraft> = {
    school: () => ({
      goal: {
        subject,
        ownWords: `Vi vil have, at ${name} kommer i skole hver dag og har det godt i klassen.`,
        category: "school-day-care",
        scale: {
          levels: levels([
            "Fravær over 20 % af skoledagene",
            "Fravær 10–20 %",
            "Fravær under 10 %",
            "Fravær under 5 %",
            `Intet ulovligt fravær, og ${name} siger selv, at ${pronoun(who!)} har det godt i klassen`,
          ]),
        },
        subGoals: [
          {
            id: "s1",
            text: "Fast morgenrutine: vækkeur kl. 7 og madpakke aftenen før",
            status: "not-started",
          },
          { id: "s2", text: "Forældrene læser beskeder fra skolen på Aula hver dag", status: "not-started" },
        ],
      },
      hasScale: true,
      measure: {
        what: "Fraværsopfølgning og ugentlig kontakt mellem skole og hjem",
        performedBy: "Skolen",
        responsibleName: `Klasselærer, ${who!.school}`,
        department: "school",
        intensity: { kind: "frequency", times: 1, per: "week" },
        estimatedMonthlyCostOre: 120_000,
      },
      isProviderGoal: true,
    }),
    wellbeing: () => ({
      goal: {
        subject,
        ownWords: `Vi vil have, at ${name} får det bedre og tør sige til en voksen, når noget er svært.`,
        category: "well-being",
        scale: {
          levels: levels([
            `${name} isolerer sig og vil ikke tale med nogen`,
            `${name} taler med én voksen, når ${pronoun(who!)} bliver spurgt`,
            `${name} fortæller selv en voksen, når noget er svært`,
            `${name} har en fast ven og en fritidsaktivitet`,
            `${name} siger selv, at ${pronoun(who!)} har det godt både hjemme og i skolen`,
          ]),
        },
        subGoals: [
          { id: "s1", text: `${name} har en fast voksen på skolen at gå til`, status: "not-started" },
        ],
      },
      hasScale: true,
      measure: {
        what: `Samtaleforløb hos børnepsykolog for ${name}`,
        performedBy: "Psykolog i Børn og Familie",
        responsibleName: "Børnepsykolog, Familiehuset",
        department: "children-and-family",
        legalBasis: "Barnets lov § 32, stk. 1, nr. 5",
        intensity: { kind: "frequency", times: 2, per: "month" },
        estimatedMonthlyCostOre: 900_000,
      },
      isProviderGoal: true,
    }),
    language: () => ({
      goal: {
        subject,
        ownWords: "Jeg vil kunne tale med lærerne og lægen selv, uden tolk.",
        category: "language",
        scale: {
          levels: levels([
            "Kan ikke klare en samtale uden tolk",
            "Klarer korte beskeder med hjælp",
            "Klarer et forældremøde med lidt hjælp",
            "Klarer forældremøder og lægebesøg alene",
            "Hjælper andre forældre, der taler samme sprog",
          ]),
        },
        subGoals: [{ id: "s1", text: "Starte på danskuddannelse", status: "not-started" }],
      },
      hasScale: true,
      measure: {
        what: "Danskuddannelse med undervisning om aftenen",
        performedBy: "Sprogcentret",
        responsibleName: "Vejleder på sprogcentret",
        department: "other",
        departmentOther: vejle ? "Sprogcenter Vejle" : "Sprogcentret",
        intensity: { kind: "hours-per-week", hoursPerWeek: 6 },
        estimatedMonthlyCostOre: 250_000,
      },
      isProviderGoal: false,
    }),
    job: () => ({
      goal: {
        subject,
        ownWords: "Jeg vil i praktik og på sigt have et arbejde, så jeg kan forsørge min familie.",
        category: "employment-education",
        subGoals: [
          { id: "s1", text: "Afklaringssamtale i jobcentret", status: "not-started" },
          { id: "s2", text: "Virksomhedspraktik i 13 uger", status: "not-started" },
        ],
      },
      hasScale: false,
      measure: {
        what: "Virksomhedspraktik med mentor",
        performedBy: "Jobcentret",
        responsibleName: vejle ? "Jobkonsulent, Jobcenter Vejle" : "Jobkonsulent, Jobcenter Rødovre",
        department: "job-centre",
        intensity: { kind: "hours-per-week", hoursPerWeek: 20 },
        estimatedMonthlyCostOre: 450_000,
      },
      isProviderGoal: false,
    }),
    conflict: () => ({
      goal: {
        subject,
        ownWords: "Vi vil skændes mindre og tale pænt til hinanden derhjemme.",
        category: "family-relations",
        scale: {
          levels: levels([
            "Daglige konflikter med råb",
            "Konflikter flere gange om ugen",
            "Konflikter højst én gang om ugen",
            "Vi løser uenigheder ved at tale sammen",
            "Børnene fortæller selv, at der er ro derhjemme",
          ]),
        },
        subGoals: [{ id: "s1", text: "Et ugentligt familiemøde ved aftensmaden", status: "not-started" }],
      },
      hasScale: true,
      isProviderGoal: true,
    }),
    routines: () => {
      const baby = family.members.find((m) => m.role === "child" && m.age < 3);
      return {
        goal: {
          subject,
          ownWords: "Vi vil have faste rutiner morgen og aften, så børnene sover nok og kommer til tiden.",
          category: "parenting",
          subGoals: [{ id: "s1", text: "Sengetid kl. 20 for de mindste på hverdage", status: "not-started" }],
        },
        hasScale: false,
        ...(baby
          ? {
              measure: {
                what: "Ekstra besøg af sundhedsplejersken",
                performedBy: "Sundhedsplejen",
                responsibleName: "Sundhedsplejerske",
                department: "health-visitor" as const,
                intensity: { kind: "frequency" as const, times: 2, per: "month" as const },
                estimatedMonthlyCostOre: 120_000,
              },
            }
          : {}),
        isProviderGoal: true,
      };
    },
    finances: () => ({
      goal: {
        subject,
        ownWords: "Vi vil have styr på regningerne og ikke få flere rykkere.",
        category: "finances",
        subGoals: [{ id: "s1", text: "Et månedsbudget, som hele familien kender", status: "not-started" }],
      },
      hasScale: false,
      measure: {
        what: "Økonomisk rådgivning og hjælp til budget",
        performedBy: "Økonomisk rådgiver",
        responsibleName: "Økonomisk rådgiver, Social og Psykiatri",
        department: "social-and-psychiatry",
        intensity: { kind: "frequency", times: 2, per: "month" },
        estimatedMonthlyCostOre: 80_000,
      },
      isProviderGoal: false,
    }),
    leisure: () => ({
      goal: {
        subject,
        ownWords: `${name} vil gerne gå til en fritidsaktivitet og have en ven at være sammen med efter skole.`,
        category: "network-leisure",
      },
      hasScale: false,
      measure: {
        what: "Fritidspas: kontingent og følgeskab de første gange",
        performedBy: "Fritidsvejleder",
        responsibleName: "Fritidsvejleder",
        department: "other",
        departmentOther: "Kultur og Fritid",
        estimatedMonthlyCostOre: 30_000,
      },
      isProviderGoal: true,
    }),
    daycare: () => ({
      goal: {
        subject,
        ownWords: `${name} skal trives i børnehaven og lære dansk, før ${pronoun(who!)} starter i skole.`,
        category: "school-day-care",
        scale: {
          levels: levels([
            "Siger næsten ingenting på dansk",
            "Forstår korte beskeder på dansk",
            "Leger på dansk med de andre børn",
            "Fortæller små historier på dansk",
            "Sprogvurderingen viser alderssvarende dansk",
          ]),
        },
      },
      hasScale: true,
      measure: {
        what: "Sprogstøtte i dagtilbuddet",
        performedBy: "Dagtilbuddet",
        responsibleName: `Pædagog, ${who!.school}`,
        department: "day-care",
        intensity: { kind: "hours-per-week", hoursPerWeek: 2 },
        estimatedMonthlyCostOre: 150_000,
      },
      isProviderGoal: false,
    }),
    health: () => ({
      goal: {
        subject,
        ownWords: "Jeg vil have hjælp til min søvn og min hovedpine, så jeg har mere overskud til børnene.",
        category: "health",
      },
      hasScale: false,
      measure: {
        what: "Samtaleforløb i Social og Psykiatri",
        performedBy: "Psykolog",
        responsibleName: "Psykolog, Social og Psykiatri",
        department: "social-and-psychiatry",
        intensity: { kind: "frequency", times: 2, per: "month" },
        estimatedMonthlyCostOre: 300_000,
      },
      isProviderGoal: false,
    }),
    housing: () => ({
      goal: {
        subject,
        ownWords: "Vi vil have en større bolig, så børnene kan have ro til lektierne.",
        category: "housing",
      },
      hasScale: false,
      measure: {
        what: "Boligsocial rådgivning og hjælp til boligansøgning",
        performedBy: "Boligsocial medarbejder",
        responsibleName: "Boligsocial medarbejder",
        department: "other",
        departmentOther: "Boligsocial helhedsplan",
        estimatedMonthlyCostOre: 0,
      },
      isProviderGoal: false,
    }),
  };
  return drafts[key]();
}

/**
 * One version of the family's plan (the input to `validateFamilyPlan`): the family's goals with
 * statuses and attainment levels that fit the course's stage, the provider's family treatment (Vejle) or
 * the coordinating caseworker's support (Rødovre), and the measures of the other departments.
 */
export function buildDemoPlan(ctx: DemoPlanContext): FamilyPlanInput {
  const { family, version, outcome } = ctx;
  const isVejle = family.municipality === "vejle";
  const months = isVejle ? 10 : 18;
  const targetDate = addMonths(ctx.acceptedOn, months);
  const startOn = ctx.treatmentOn ?? addDays(ctx.acceptedOn, 30);
  const isFinal = version === 2 && outcome !== "open";
  const intensive = family.track === "intensive";

  const drafts = family.goals.map(([key, memberKey]) => {
    const who = memberKey ? family.members.find((m) => m.key === memberKey) : undefined;
    if (memberKey && !who) throw new Error(`Demo family ${family.key}: no member ${memberKey}`);
    return draftGoal(key, family, who, memberKey ? ctx.personIds[memberKey] : undefined);
  });

  const goals: Goal[] = drafts.map((d, i) => {
    let status: Goal["status"] = ctx.treatmentOn ? "in-progress" : "not-started";
    let level: number = intensive && i === 0 ? -2 : -1;
    if (version === 2) {
      if (outcome === "completed") {
        status = i % 3 === 2 ? "partly-achieved" : "achieved";
        level = i % 3 === 2 ? 0 : i === 0 ? 2 : 1;
      } else if (outcome === "ended-early") {
        status = i === 0 ? "partly-achieved" : "not-achieved";
        level = -1;
      } else {
        level = i === 0 ? 0 : -1;
      }
    }
    const subGoals = (d.goal.subGoals ?? []).map((s, si) => ({
      ...s,
      targetDate: addMonths(ctx.acceptedOn, Math.min(months - 1, 3 + 2 * si)),
      status:
        version === 2 && si === 0
          ? ("achieved" as const)
          : isFinal
            ? outcome === "completed"
              ? ("achieved" as const)
              : ("dropped" as const)
            : status === "in-progress" && si === 0
              ? ("in-progress" as const)
              : ("not-started" as const),
    }));
    if (version === 2 && !isFinal) {
      subGoals.push({
        id: `s${subGoals.length + 1}`,
        text: "Næste skridt aftalt på opfølgningsmødet",
        status: "not-started",
        targetDate,
      });
    }
    const scale =
      d.hasScale && d.goal.scale
        ? { ...d.goal.scale, ...(ctx.treatmentOn ? { currentLevel: level } : {}) }
        : undefined;
    return {
      id: `g${i + 1}`,
      ...d.goal,
      ...(scale ? { scale } : {}),
      subGoals,
      targetDate,
      status,
    };
  });

  const measures: Measure[] = [];
  const endOn = isFinal ? ctx.endedOn : undefined;
  if (isVejle) {
    const hours = (intensive ? 8 : 4) + (ctx.isAdjusted && version === 2 ? 2 : 0);
    const providerGoals = goals.filter((_, i) => drafts[i]!.isProviderGoal).map((g) => g.id);
    measures.push({
      id: "m1",
      what: `Familiebehandling i hjemmet på ${LANGUAGE_NAMES[family.language] ?? family.language}`,
      performedBy: "Familiekonsulent fra Familiebehandling på Modersmål",
      ...(ctx.consultantUserId
        ? { responsibleUserId: ctx.consultantUserId }
        : { responsibleName: "Familiekonsulent (tildeles ved opstart)" }),
      department: "provider",
      legalBasis: "Barnets lov § 32, stk. 1, nr. 5",
      startOn,
      endOn: endOn ?? addMonths(ctx.acceptedOn, months),
      intensity: { kind: "hours-per-week", hoursPerWeek: hours },
      estimatedMonthlyCostOre: intensive ? 2_800_000 + (hours - 8) * 300_000 : 1_600_000,
      goalIds: providerGoals.length > 0 ? providerGoals : goals.map((g) => g.id),
    });
  } else {
    measures.push({
      id: "m1",
      what: "Koordinerende familierådgiver: fast kontaktperson for hele familien",
      performedBy: "Familierådgiver i Invester før det sker",
      responsibleUserId: ctx.caseworkerUserId,
      department: "children-and-family",
      legalBasis: "Barnets lov § 32, stk. 1, nr. 3",
      startOn,
      intensity: { kind: "frequency", times: 1, per: "week" },
      estimatedMonthlyCostOre: 0,
      goalIds: goals.map((g) => g.id),
    });
    measures.push({
      id: "m2",
      what: "Praktisk, pædagogisk støtte i hjemmet",
      performedBy: "Familiepædagog",
      responsibleName: "Familiepædagog, Børn og Familie",
      department: "children-and-family",
      legalBasis: "Barnets lov § 32, stk. 1, nr. 2",
      startOn,
      intensity: { kind: "hours-per-week", hoursPerWeek: 3 },
      estimatedMonthlyCostOre: 650_000,
      goalIds: goals.filter((g) => g.category !== "employment-education").map((g) => g.id),
    });
  }
  drafts.forEach((d, i) => {
    if (!d.measure || measures.length >= 5) return;
    const measureStart = addDays(startOn, 14 * (measures.length - 1));
    const isJob = d.measure.department === "job-centre";
    const end = isJob ? addDays(measureStart, 90) : endOn;
    measures.push({
      id: `m${measures.length + 1}`,
      ...d.measure,
      startOn: measureStart,
      ...(end && compareDates(end, measureStart) >= 0 ? { endOn: end } : {}),
      goalIds: [goals[i]!.id],
    });
  });
  if (ctx.isAdjusted && version === 2 && measures.length < 5) {
    const child = family.goals.find(([k]) => k === "wellbeing")?.[1];
    const who = family.members.find((m) => m.key === child);
    measures.push({
      id: `m${measures.length + 1}`,
      what: `Fast kontaktperson for ${who?.firstName ?? "barnet"}`,
      performedBy: "Kontaktperson fra Børn og Familie",
      responsibleUserId: ctx.caseworkerUserId,
      department: "children-and-family",
      legalBasis: "Barnets lov § 32, stk. 1, nr. 3",
      startOn: laterOf(startOn, addDays(ctx.treatmentOn ?? startOn, 180)),
      intensity: { kind: "frequency", times: 1, per: "week" },
      estimatedMonthlyCostOre: 650_000,
      goalIds: goals.filter((_, i) => family.goals[i]![0] === "wellbeing").map((g) => g.id),
    });
  }
  return { goals, measures };
}

// ---------------------------------------------------------------------------------------------------
// Contacts and notes

/** A contact to insert (ids resolved by the seed). */
export interface DemoContact {
  readonly date: CalendarDate;
  readonly hour: number;
  readonly minute: number;
  readonly kind: "home-visit" | "phone" | "video" | "meeting" | "network-meeting";
  readonly by: "caseworker" | "consultant";
  readonly language: string;
  readonly interpreterUsed: boolean;
  readonly durationMinutes: number;
  /** Member keys taking part. */
  readonly memberKeys: readonly string[];
  readonly others: readonly string[];
  /** A note written after the contact, if any. */
  readonly note?: string;
}

const EVENING_SLOTS: readonly (readonly [number, number])[] = [
  [17, 30],
  [18, 0],
  [19, 15],
  [20, 0],
  [7, 15],
];

const HOME_NOTES: readonly ((child: string, language: string) => string)[] = [
  (c, l) =>
    `Hjemmebesøg på ${l}. Familien har holdt fast i morgenrutinen; ${c} kom i skole alle dage i sidste uge. Vi aftalte at se på aftenrutinen næste gang.`,
  (c, l) =>
    `Samtale på ${l} med begge forældre om konflikter ved sengetid. ${c} var med det sidste kvarter og fortalte selv om skolen.`,
  (c, l) =>
    `Besøg på ${l}. Mor fortalte, at ${c} har haft en svær uge; vi lavede en plan for, hvem ${c} kan gå til på skolen.`,
];

const NETWORK_NOTE = (c: string) =>
  `Netværksmøde med skolen. Lærerne oplever ${c} som gladere og mere deltagende. Forældrene vil gerne have et nyt møde om seks uger.`;

/**
 * The contacts of a course from acceptance to its end (or yesterday): a start-up meeting, then home
 * visits by the consultant in the family's language (many in the evening or early morning), phone calls
 * by the caseworker (with an interpreter where a parent needs one) and network meetings with the
 * school. Intensive families are seen about twice as often. At most 14 contacts per course.
 */
export function buildDemoContacts(input: {
  family: DemoFamily;
  familyIndex: number;
  acceptedOn: CalendarDate;
  lastDay: CalendarDate;
  hasConsultant: boolean;
}): DemoContact[] {
  const { family, acceptedOn, lastDay } = input;
  const random = seededRandom(1000 + input.familyIndex * 7919);
  const parents = family.members.filter((m) => m.role === "parent").map((m) => m.key);
  const children = family.members.filter((m) => m.role === "child");
  const focus =
    family.goals.map(([, k]) => k).find((k) => children.some((c) => c.key === k)) ?? children[0]?.key;
  const focusName = family.members.find((m) => m.key === focus)?.firstName ?? "barnet";
  const needsInterpreter = family.members.some((m) => m.role !== "child" && m.interpreter);
  const languageName = LANGUAGE_NAMES[family.language] ?? family.language;
  const span = Math.max(0, daysBetween(acceptedOn, lastDay));
  const perCourse = family.track === "intensive" ? 14 : 11;
  const step = Math.max(family.track === "intensive" ? 9 : 15, Math.floor(span / perCourse));

  const out: DemoContact[] = [];
  const first = addDays(acceptedOn, 3);
  if (compareDates(first, lastDay) <= 0) {
    out.push({
      date: first,
      hour: 10,
      minute: 0,
      kind: "meeting",
      by: "caseworker",
      language: "da",
      interpreterUsed: needsInterpreter,
      durationMinutes: 90,
      memberKeys: parents,
      others: needsInterpreter ? ["Tolk"] : [],
    });
  }
  let day = 10;
  let n = 0;
  while (out.length < 14) {
    const date = addDays(acceptedOn, day + Math.floor(random() * 5));
    if (compareDates(date, lastDay) > 0) break;
    const slot = n % 4;
    if (slot === 3) {
      out.push({
        date,
        hour: 13,
        minute: 0,
        kind: "network-meeting",
        by: "caseworker",
        language: "da",
        interpreterUsed: needsInterpreter,
        durationMinutes: 90,
        memberKeys: parents,
        others: ["Klasselærer", ...(needsInterpreter ? ["Tolk"] : [])],
      });
    } else if (slot === 1) {
      out.push({
        date,
        hour: 11,
        minute: 30,
        kind: "phone",
        by: "caseworker",
        language: "da",
        interpreterUsed: needsInterpreter,
        durationMinutes: 20 + Math.floor(random() * 3) * 5,
        memberKeys: parents.slice(0, 1),
        others: needsInterpreter ? ["Telefontolk"] : [],
      });
    } else if (input.hasConsultant) {
      const evening = random() < 0.6;
      const [hour, minute] = evening ? EVENING_SLOTS[Math.floor(random() * EVENING_SLOTS.length)]! : [14, 0];
      out.push({
        date,
        hour,
        minute,
        kind: n % 7 === 4 ? "video" : "home-visit",
        by: "consultant",
        language: family.language,
        interpreterUsed: false,
        durationMinutes: 60 + Math.floor(random() * 4) * 15,
        memberKeys: [...parents, ...(focus ? [focus] : [])],
        others: [],
      });
    } else {
      out.push({
        date,
        hour: 9,
        minute: 30,
        kind: "home-visit",
        by: "caseworker",
        language: "da",
        interpreterUsed: needsInterpreter,
        durationMinutes: 60,
        memberKeys: parents,
        others: needsInterpreter ? ["Tolk"] : [],
      });
    }
    n += 1;
    day += step;
  }
  // Notes on some contacts (every other family, on its first visit or meeting after the start-up).
  if (input.familyIndex % 2 === 0) {
    const i = out.findIndex((c, ci) => ci > 0 && c.kind !== "phone");
    if (i > 0) {
      const c = out[i]!;
      const template =
        c.kind === "network-meeting"
          ? NETWORK_NOTE
          : HOME_NOTES[Math.floor(input.familyIndex / 2) % HOME_NOTES.length]!;
      out[i] = { ...c, note: template(focusName, languageName) };
    }
  }
  return out;
}
