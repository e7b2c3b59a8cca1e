/**
 * Danish texts of the tasks tab, the "Mine opgaver" page and the review dialog (part of da.ts under
 * `tasks`). en-casework-tasks.ts has the same shape. Kinds, decisions, goal categories, goal statuses
 * and departments are the domain's own Danish labels, so that the screens and the API speak alike.
 */
import { REVIEW_DECISION_LABELS } from "../../contracts/casework-tasks.js";
import { TASK_KIND_LABELS } from "../../domain/casework/deadlines.js";
import {
  DEPARTMENT_LABELS,
  GOAL_CATEGORY_LABELS,
  GOAL_STATUS_LABELS,
} from "../../domain/casework/family-plan.js";

export const daTasks = {
  /** By the stored kind (the API's `kind`). */
  kinds: {
    review: TASK_KIND_LABELS.review,
    "measure-follow-up": TASK_KIND_LABELS["measure-follow-up"],
    investigation: TASK_KIND_LABELS["investigation-deadline"],
    "measurement-due": TASK_KIND_LABELS["measurement-due"],
  },
  decisions: { ...REVIEW_DECISION_LABELS },
  /** The short words in the issue (fortsæt / justér / afslut), on the radio buttons. */
  decisionHints: {
    continue: "Forløbet fortsætter som planlagt. Næste revurdering sættes ét interval frem.",
    adjust: "Forløbet fortsætter med ændringer. Ret planen under fanen Familiens plan.",
    end: "Forløbet skal afsluttes. Selve afslutningen registreres under fanen Forløb.",
  },
  goalCategories: { ...GOAL_CATEGORY_LABELS },
  goalStatuses: { ...GOAL_STATUS_LABELS },
  departments: { ...DEPARTMENT_LABELS },
  measureStatuses: {
    planned: "Ikke startet",
    running: "I gang",
    ended: "Afsluttet",
  },
  due: {
    overdue_one: "Overskredet med {{count}} dag",
    overdue_other: "Overskredet med {{count}} dage",
    today: "Frist i dag",
    soon_one: "Snart – om {{count}} dag",
    soon_other: "Snart – om {{count}} dage",
    done: "Udført",
  },
  columns: {
    due: "Frist",
    family: "Familie",
    kind: "Type",
    task: "Opgave",
    action: "Handling",
  },
  doneBy: "Udført {{date}} af {{name}}",
  doneOn: "Udført {{date}}",
  readOnly: "Kun læseadgang",
  actions: {
    complete: "Markér som udført",
    holdReview: "Afhold revurdering",
  },
  complete: {
    title: "Markér opgaven som udført",
    text: "Opgaven markeres som udført i dag, med dig som den, der har udført den. Det kan ikke fortrydes.",
    done: "Opgaven er markeret som udført.",
  },
  mine: {
    title: "Mine opgaver",
    description:
      "Fristerne i de forløb, hvor du er på sagsteamet: revurderinger, opfølgning på indsatser, børnefaglige undersøgelser og målinger. Overskredne frister står øverst.",
    filtersTitle: "Filtrér opgaver",
    status: "Status",
    statuses: {
      open: "Åbne opgaver",
      done: "Udførte opgaver",
      all: "Alle opgaver",
    },
    kind: "Type",
    allKinds: "Alle typer",
    onlyOverdue: "Kun overskredne frister",
    clear: "Nulstil filtre",
    showing: "Opgave {{from}}–{{to}} af {{total}}",
    overdueSummary_one: "{{count}} overskredet frist",
    overdueSummary_other: "{{count}} overskredne frister",
    empty: "Du har ingen åbne opgaver.",
    emptyHint: "Opgaver vises her, når du er på sagsteamet for et forløb med en frist.",
    noMatches: "Ingen opgaver matcher filtrene.",
    pagination: "Sider i opgavelisten",
    previous: "Forrige side",
    next: "Næste side",
    pageOf: "Side {{page}} af {{pages}}",
  },
  tab: {
    tasksTitle: "Opgaver og frister",
    tasksDescription:
      "Forløbets frister: revurdering, opfølgning på hver indsats inden for 3 måneder og eventuel børnefaglig undersøgelse inden for 4 måneder.",
    empty: "Forløbet har ingen opgaver.",
    caption: "Forløbets opgaver, åbne og udførte",
  },
  reviews: {
    title: "Revurderinger",
    description:
      "Ved revurderingen (normalt ca. 12 måneder inde i forløbet) tager I stilling til, om forløbet skal fortsætte, justeres eller afsluttes. Planen og målingerne gemmes, som de var den dag.",
    empty: "Der er ikke holdt nogen revurdering af forløbet endnu.",
    nextDue: "Næste revurdering: {{date}}",
    nextDueOverdue: "Revurderingen skulle have været holdt {{date}}",
    closedCourse: "Forløbet er {{state}}, så der kan ikke holdes flere revurderinger.",
    heading: "Revurdering {{date}}",
    decision: "Afgørelse",
    heldBy: "Afholdt af",
    planVersion: "Planversion",
    planVersionValue: "Version {{version}}",
    noPlan: "Ingen plan gemt",
    contacts: "Kontakter siden sidste revurdering",
    contactsValue_one: "{{count}} kontakt fra {{date}}",
    contactsValue_other: "{{count}} kontakter fra {{date}}",
    reasons: "Begrundelse",
    goals: "Mål i planen",
    goalCategory: "Mål (kategori)",
    goalStatus: "Status",
    noGoals: "Planen havde ingen mål.",
    measures: "Indsatser i planen",
    measure: "Indsats",
    period: "Periode",
    periodOpen: "fra {{from}}",
    measureStatus: "Status",
    noMeasures: "Planen havde ingen indsatser.",
    unknownUser: "Ukendt bruger",
    endHint:
      "Revurderingen {{date}} besluttede at afslutte forløbet, men forløbet er stadig {{state}}. Afslut forløbet under fanen Forløb.",
    reviewStateHint:
      "Forløbet står i revurdering. Når afgørelsen er truffet, flyttes forløbet videre under fanen Forløb.",
    goToCourse: "Gå til fanen Forløb",
  },
  dialog: {
    title: "Afhold revurdering – {{family}}",
    intro:
      "Revurderingen gemmer et øjebliksbillede af familiens plan – målene og indsatserne med deres status – og kontakterne siden sidste revurdering, sammen med jeres afgørelse og begrundelsen.",
    heldOn: "Dato for revurderingen",
    heldOnHint: "Den dag, revurderingen blev holdt (ikke en fremtidig dato).",
    decision: "Afgørelse",
    reasons: "Begrundelse",
    reasonsHint:
      "Hvorfor fortsætter, justeres eller afsluttes forløbet? Skriv, så familien og kolleger kan følge det.",
    save: "Gem revurderingen",
    saved: "Revurderingen er gemt.",
    savedEnd: "Revurderingen er gemt. Afslut nu forløbet under fanen Forløb.",
    errors: {
      heldOnRequired: "Vælg datoen for revurderingen",
      heldOnFuture: "Revurderingen kan ikke dateres i fremtiden",
      heldOnBeforeAcceptance: "Revurderingen kan ikke ligge før forløbet blev visiteret ({{date}})",
      decisionRequired: "Vælg en afgørelse: fortsæt, justér eller afslut",
      reasonsRequired: "Skriv begrundelsen for afgørelsen",
      reasonsTooLong: "Begrundelsen må højst have {{max}} tegn",
    },
  },
} as const;
