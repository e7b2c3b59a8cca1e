/**
 * Caseloads (sagsstammer): how many families a worker holds, weighted, against limits.
 *
 * - A worker's caseload on a date is the distinct families of the open courses (accepted, baseline,
 *   active, review) where the worker is on the case team that day (`fromOn ≤ date ≤ toOn`, both
 *   inclusive). Two workers of a pair both carry the family in full.
 * - Each family weighs its track's weight in per cent of an ordinary family (default 100; e.g. 150 for
 *   intensive treatment). When a worker holds two open courses of the same family, the family counts
 *   once, at the higher weight. Loads are whole numbers in per cent (`2500` = 25 families), so sums
 *   are exact.
 * - Limits are whole families: default warning at 20 and hard limit 25. A worker's own limits win over
 *   their team's, which win over the default. Reaching the warning limit warns; going over the hard
 *   limit (more than 25) needs a team leader's override with a reason — whether the approver is a team
 *   leader is for the policy module to decide, this module only requires the override and its reason.
 */
import { z } from "zod";
import { addDays, type CalendarDate, compareDates } from "../calendar-date.js";
import { type CourseState, isCourseOpen } from "./course-state.js";
import { cleanReason, IdSchema } from "./schema-primitives.js";

/** One family's default weight, in per cent. */
export const DEFAULT_TRACK_WEIGHT_PCT = 100;

/** Caseload limits in whole (weighted) families. */
export const CaseloadLimitsSchema = z
  .object({
    warningAtFamilies: z
      .int({ error: "Skal være et helt antal familier" })
      .min(1, { error: "Mindst 1 familie" }),
    hardLimitFamilies: z
      .int({ error: "Skal være et helt antal familier" })
      .min(1, { error: "Mindst 1 familie" }),
  })
  .refine((l) => l.warningAtFamilies <= l.hardLimitFamilies, {
    error: "Advarselsgrænsen må ikke være højere end den faste grænse",
    path: ["warningAtFamilies"],
  });
/** Caseload limits in whole (weighted) families. */
export type CaseloadLimits = z.infer<typeof CaseloadLimitsSchema>;

/** The default limits: warning at 20, hard limit at 25 families. */
export const DEFAULT_CASELOAD_LIMITS: CaseloadLimits = { warningAtFamilies: 20, hardLimitFamilies: 25 };

/** A track's caseload weight in per cent of an ordinary family (1…1000). */
export const TrackWeightPctSchema = z
  .int({ error: "Vægten skal være et helt antal procent" })
  .min(1, { error: "Vægten skal være mindst 1 %" })
  .max(1000, { error: "Vægten må højst være 1000 %" });

/** Caseload settings of a municipality: limits (default, per team, per worker) and weights per track. */
export const CaseloadSettingsSchema = z.object({
  defaultLimits: CaseloadLimitsSchema.default(DEFAULT_CASELOAD_LIMITS),
  teamLimits: z.record(IdSchema, CaseloadLimitsSchema).default({}),
  workerLimits: z.record(IdSchema, CaseloadLimitsSchema).default({}),
  trackWeightsPct: z.record(IdSchema, TrackWeightPctSchema).default({}),
});
/** Caseload settings of a municipality. */
export type CaseloadSettings = z.infer<typeof CaseloadSettingsSchema>;

/** Settings with every default: 20/25 families, every track at 100 %. */
export const DEFAULT_CASELOAD_SETTINGS: CaseloadSettings = {
  defaultLimits: DEFAULT_CASELOAD_LIMITS,
  teamLimits: {},
  workerLimits: {},
  trackWeightsPct: {},
};

/** A worker's place on a course's case team, joined with what the count needs from the course. */
export interface CaseAssignment {
  readonly courseId: string;
  readonly familyId: string;
  readonly trackId: string;
  readonly courseState: CourseState;
  readonly workerId: string;
  /** First day on the case team. */
  readonly fromOn: CalendarDate;
  /** Last day on the case team (inclusive); open-ended when absent. */
  readonly toOn?: CalendarDate | undefined;
}

/** One family on a worker's caseload. */
export interface CaseloadFamily {
  readonly familyId: string;
  readonly courseIds: readonly string[];
  /** The family's weight in per cent (the highest of its open courses' track weights). */
  readonly weightPct: number;
}

/** A worker's caseload on a date. */
export interface WorkerCaseload {
  readonly workerId: string;
  readonly families: readonly CaseloadFamily[];
  readonly familyCount: number;
  /** Σ family weights in per cent of an ordinary family: 2500 = 25 families. */
  readonly weightedLoadPct: number;
}

function lookup<V>(record: Readonly<Record<string, V>>, key: string | undefined): V | undefined {
  return key !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A track's weight in per cent (default 100). */
export function trackWeightPct(settings: Pick<CaseloadSettings, "trackWeightsPct">, trackId: string): number {
  return lookup(settings.trackWeightsPct, trackId) ?? DEFAULT_TRACK_WEIGHT_PCT;
}

/** The limits that apply to a worker: their own, else their team's, else the default. */
export function resolveCaseloadLimits(
  settings: CaseloadSettings,
  worker: { readonly workerId: string; readonly teamId?: string | undefined },
): CaseloadLimits {
  return (
    lookup(settings.workerLimits, worker.workerId) ??
    lookup(settings.teamLimits, worker.teamId) ??
    settings.defaultLimits
  );
}

/** True when the assignment holds on `date` (both ends inclusive). */
export function isAssignmentActiveOn(
  a: Pick<CaseAssignment, "fromOn" | "toOn">,
  date: CalendarDate,
): boolean {
  return compareDates(a.fromOn, date) <= 0 && (a.toOn === undefined || compareDates(date, a.toOn) <= 0);
}

function familiesOf(
  assignments: readonly CaseAssignment[],
  settings: Pick<CaseloadSettings, "trackWeightsPct">,
): CaseloadFamily[] {
  const byFamily = new Map<string, { courseIds: string[]; weightPct: number }>();
  for (const a of assignments) {
    const f = byFamily.get(a.familyId) ?? { courseIds: [], weightPct: 0 };
    if (!f.courseIds.includes(a.courseId)) f.courseIds.push(a.courseId);
    f.weightPct = Math.max(f.weightPct, trackWeightPct(settings, a.trackId));
    byFamily.set(a.familyId, f);
  }
  return [...byFamily.entries()]
    .map(([familyId, f]) => ({ familyId, courseIds: f.courseIds, weightPct: f.weightPct }))
    .sort((a, b) => (a.familyId < b.familyId ? -1 : a.familyId > b.familyId ? 1 : 0));
}

function caseloadOf(workerId: string, families: readonly CaseloadFamily[]): WorkerCaseload {
  return {
    workerId,
    families,
    familyCount: families.length,
    weightedLoadPct: families.reduce((s, f) => s + f.weightPct, 0),
  };
}

/**
 * Every worker's caseload on `asOf`, from case-team assignments (open courses only), sorted by
 * worker id. Workers listed in `workerIds` appear even with an empty caseload.
 */
export function computeCaseloads(
  assignments: readonly CaseAssignment[],
  options: {
    readonly asOf: CalendarDate;
    readonly settings?: Pick<CaseloadSettings, "trackWeightsPct">;
    readonly workerIds?: readonly string[];
  },
): WorkerCaseload[] {
  const settings = options.settings ?? DEFAULT_CASELOAD_SETTINGS;
  const byWorker = new Map<string, CaseAssignment[]>();
  for (const id of options.workerIds ?? []) byWorker.set(id, []);
  for (const a of assignments) {
    if (!isCourseOpen(a.courseState) || !isAssignmentActiveOn(a, options.asOf)) continue;
    const list = byWorker.get(a.workerId) ?? [];
    list.push(a);
    byWorker.set(a.workerId, list);
  }
  return [...byWorker.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([workerId, list]) => caseloadOf(workerId, familiesOf(list, settings)));
}

/** One worker's caseload on `asOf` (empty when they hold nothing). */
export function computeWorkerCaseload(
  assignments: readonly CaseAssignment[],
  workerId: string,
  options: { readonly asOf: CalendarDate; readonly settings?: Pick<CaseloadSettings, "trackWeightsPct"> },
): WorkerCaseload {
  const own = assignments.filter((a) => a.workerId === workerId);
  return computeCaseloads(own, { ...options, workerIds: [workerId] })[0] ?? caseloadOf(workerId, []);
}

/** Where a load stands against limits. */
export type CaseloadStatus = "ok" | "warning" | "over-hard-limit";

/** The status of a weighted load (per cent) against limits: warning from the warning limit, over above the hard limit. */
export function classifyCaseload(weightedLoadPct: number, limits: CaseloadLimits): CaseloadStatus {
  if (weightedLoadPct > limits.hardLimitFamilies * 100) return "over-hard-limit";
  if (weightedLoadPct >= limits.warningAtFamilies * 100) return "warning";
  return "ok";
}

/** A weighted load in per cent as Danish families: 2150 → "21,5", 2000 → "20". */
export function formatWeightedFamilies(weightedLoadPct: number): string {
  const whole = Math.trunc(weightedLoadPct / 100);
  const rest = Math.abs(weightedLoadPct % 100);
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, "0").replace(/0$/, "")}`;
}

/** A team leader's permission to go over the hard limit. */
export interface CaseloadOverride {
  readonly teamLeaderId: string;
  readonly reason: string;
}

/** The input of `checkCaseloadAssignment`. */
export interface CaseloadAssignmentInput {
  /** Assignments that make up the worker's current caseload (others' are ignored). */
  readonly assignments: readonly CaseAssignment[];
  readonly worker: { readonly workerId: string; readonly teamId?: string | undefined };
  /** The course to add to the worker's caseload. */
  readonly course: { readonly courseId: string; readonly familyId: string; readonly trackId: string };
  readonly asOf: CalendarDate;
  readonly settings?: CaseloadSettings;
  readonly override?: CaseloadOverride | undefined;
}

/** The answer of `checkCaseloadAssignment`. */
export interface CaseloadCheck {
  readonly status: CaseloadStatus;
  /** False only when over the hard limit without a valid override. */
  readonly isAllowed: boolean;
  /** True when over the hard limit (an override is, or was, needed). */
  readonly needsOverride: boolean;
  readonly loadBeforePct: number;
  readonly loadAfterPct: number;
  readonly limits: CaseloadLimits;
  /** Danish, for the caseworker or team leader. */
  readonly message: string;
}

/**
 * Checks assigning one more course to a worker: the weighted load after it against the worker's limits.
 * `ok` or `warning` are allowed; `over-hard-limit` is allowed only with a team leader's override that
 * has a reason. A course of a family the worker already holds adds nothing unless its track weighs more.
 */
export function checkCaseloadAssignment(input: CaseloadAssignmentInput): CaseloadCheck {
  const settings = input.settings ?? DEFAULT_CASELOAD_SETTINGS;
  const limits = resolveCaseloadLimits(settings, input.worker);
  const { workerId } = input.worker;
  const options = { asOf: input.asOf, settings };
  const before = computeWorkerCaseload(input.assignments, workerId, options);
  const added: CaseAssignment = { ...input.course, courseState: "accepted", workerId, fromOn: input.asOf };
  const after = computeWorkerCaseload([...input.assignments, added], workerId, options);
  const status = classifyCaseload(after.weightedLoadPct, limits);
  const load = `Sagsstammen bliver ${formatWeightedFamilies(after.weightedLoadPct)} familier (vægtet)`;
  const base = { status, loadBeforePct: before.weightedLoadPct, loadAfterPct: after.weightedLoadPct, limits };
  if (status === "ok") return { ...base, isAllowed: true, needsOverride: false, message: `${load}.` };
  if (status === "warning") {
    return {
      ...base,
      isAllowed: true,
      needsOverride: false,
      message: `${load} og har nået advarselsgrænsen på ${limits.warningAtFamilies} familier.`,
    };
  }
  const over = `${load} og overskrider grænsen på ${limits.hardLimitFamilies} familier.`;
  if (!input.override) {
    return {
      ...base,
      isAllowed: false,
      needsOverride: true,
      message: `${over} Det kræver en teamleders godkendelse med en begrundelse.`,
    };
  }
  if (!cleanReason(input.override.reason)) {
    return {
      ...base,
      isAllowed: false,
      needsOverride: true,
      message: `${over} Teamlederens godkendelse skal have en begrundelse.`,
    };
  }
  return {
    ...base,
    isAllowed: true,
    needsOverride: true,
    message: `${over} Overskridelsen er godkendt af en teamleder.`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Reassigning a whole caseload

/** One course moving from one worker to another. */
export interface CaseloadMove {
  readonly courseId: string;
  readonly familyId: string;
  readonly fromWorkerId: string;
  readonly toWorkerId: string;
}

/** A target worker's load before and after the plan. */
export interface ReassignmentTarget {
  readonly workerId: string;
  readonly loadBeforePct: number;
  readonly loadAfterPct: number;
  readonly status: CaseloadStatus;
  readonly limits: CaseloadLimits;
}

/** The plan: all moves (to be applied in one step), and each target's load after it. */
export interface ReassignmentPlan {
  readonly ok: true;
  /** The day the moves take effect: the old assignments end the day before (`endOldOn`), the new begin on `on`. */
  readonly on: CalendarDate;
  readonly endOldOn: CalendarDate;
  readonly moves: readonly CaseloadMove[];
  readonly targets: readonly ReassignmentTarget[];
  /** True when some target ends over its hard limit: applying the plan needs a team leader's override with a reason. */
  readonly needsOverride: boolean;
  /** False only when an override is needed and none with a reason was given. */
  readonly isAllowed: boolean;
  /** Danish summary. */
  readonly message: string;
}

/**
 * Plans moving every course a worker holds on `on` (any state but closed) to one or more target
 * workers, keeping each family together:
 * 1. a family a target already holds goes to that target (it adds no new family);
 * 2. otherwise families are taken heaviest first (then by id) and given to the target with the lowest
 *    load among those that stay within their hard limit, else the lowest load overall; ties go to the
 *    earlier target in the list.
 * Courses after the open states (completed, ended early, follow-up) move too but weigh nothing.
 * Deterministic. Refuses (never throws) when there are no targets or the leaving worker is a target.
 */
export function planCaseloadReassignment(input: {
  readonly fromWorkerId: string;
  readonly targets: readonly { readonly workerId: string; readonly teamId?: string | undefined }[];
  readonly assignments: readonly CaseAssignment[];
  readonly on: CalendarDate;
  readonly settings?: CaseloadSettings;
  readonly override?: CaseloadOverride | undefined;
}): ReassignmentPlan | { readonly ok: false; readonly message: string } {
  const settings = input.settings ?? DEFAULT_CASELOAD_SETTINGS;
  if (input.targets.length === 0)
    return { ok: false, message: "Vælg mindst én medarbejder at flytte sagerne til." };
  if (input.targets.some((t) => t.workerId === input.fromWorkerId)) {
    return { ok: false, message: "Sagerne kan ikke flyttes til den medarbejder, de flyttes fra." };
  }
  const targetIds = input.targets.map((t) => t.workerId);
  if (new Set(targetIds).size !== targetIds.length) {
    return { ok: false, message: "Den samme medarbejder er valgt flere gange." };
  }
  const options = { asOf: input.on, settings };
  const leaving = input.assignments.filter(
    (a) =>
      a.workerId === input.fromWorkerId && a.courseState !== "closed" && isAssignmentActiveOn(a, input.on),
  );
  // Families of the leaving worker, each with all of its courses and its weight (open courses only).
  const families = familiesOf(leaving, settings).map((f) => ({
    ...f,
    weightPct:
      familiesOf(
        leaving.filter((a) => a.familyId === f.familyId && isCourseOpen(a.courseState)),
        settings,
      )[0]?.weightPct ?? 0,
  }));
  families.sort(
    (a, b) => b.weightPct - a.weightPct || (a.familyId < b.familyId ? -1 : a.familyId > b.familyId ? 1 : 0),
  );

  const state = input.targets.map((t) => {
    const load = computeWorkerCaseload(input.assignments, t.workerId, options);
    return {
      workerId: t.workerId,
      limits: resolveCaseloadLimits(settings, t),
      loadBeforePct: load.weightedLoadPct,
      familyWeights: new Map(load.families.map((f) => [f.familyId, f.weightPct])),
    };
  });
  const loadOf = (s: (typeof state)[number]) => [...s.familyWeights.values()].reduce((x, w) => x + w, 0);

  const moves: CaseloadMove[] = [];
  for (const f of families) {
    const holder = state.find((s) => s.familyWeights.has(f.familyId));
    let chosen = holder;
    if (!chosen) {
      const fits = state.filter((s) => loadOf(s) + f.weightPct <= s.limits.hardLimitFamilies * 100);
      const pool = fits.length > 0 ? fits : state;
      for (const s of pool) if (!chosen || loadOf(s) < loadOf(chosen)) chosen = s;
    }
    if (!chosen) continue; // unreachable: targets is non-empty
    chosen.familyWeights.set(f.familyId, Math.max(chosen.familyWeights.get(f.familyId) ?? 0, f.weightPct));
    for (const courseId of f.courseIds) {
      moves.push({
        courseId,
        familyId: f.familyId,
        fromWorkerId: input.fromWorkerId,
        toWorkerId: chosen.workerId,
      });
    }
  }

  const targets: ReassignmentTarget[] = state.map((s) => {
    const loadAfterPct = loadOf(s);
    return {
      workerId: s.workerId,
      loadBeforePct: s.loadBeforePct,
      loadAfterPct,
      status: classifyCaseload(loadAfterPct, s.limits),
      limits: s.limits,
    };
  });
  const overCount = targets.filter((t) => t.status === "over-hard-limit").length;
  const familyCount = families.length;
  const needsOverride = overCount > 0;
  const isAllowed = !needsOverride || Boolean(input.override && cleanReason(input.override.reason));
  const moved = `${familyCount} ${familyCount === 1 ? "familie flyttes" : "familier flyttes"}.`;
  const over = `${overCount} ${overCount === 1 ? "medarbejder kommer" : "medarbejdere kommer"} over den faste grænse`;
  const message = !needsOverride
    ? `${moved} Alle modtagere holder sig inden for den faste grænse.`
    : isAllowed
      ? `${moved} ${over}; overskridelsen er godkendt af en teamleder.`
      : `${moved} ${over}; det kræver en teamleders godkendelse med en begrundelse.`;
  return {
    ok: true,
    on: input.on,
    endOldOn: addDays(input.on, -1),
    moves,
    targets,
    needsOverride,
    isAllowed,
    message,
  };
}
