import { and, asc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import type {
  ContractVersion,
  FamilyGoalOutcome,
  OutcomeStatus,
  SettlementPeriod,
} from "../../../domain/contract/index.js";
import {
  BUILTIN_INSTRUMENTS,
  evaluateOutcomeRule,
  findOutcomeRule,
  type Instrument,
  instrumentsOfRule,
  type Measurement,
  type OutcomeRule,
} from "../../../domain/progression/index.js";
import type { DbOrTx, Tx } from "../../db/client.js";
import { course, measurement, track } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { loadCourseProgressMany } from "../progression/course-progress-batch.js";
import { loadInstrumentDefinitions } from "../progression/instrument-definitions.js";
import { toDomainMeasurement } from "../progression/measurement-rows.js";

/*
 * The outcomes of an outcome contract for one settlement period, read from the progression data of a
 * project: for every family the contract counts and every goal of its track, the family's result
 * (met / not met / not measurable with a Danish reason), ready for `settle()` in src/domain/contract.
 * See docs/outcome-contract-outcomes.md.
 *
 * Which families count
 * - The project's courses whose track code is one of the contract's track codes, accepted
 *   (`course.accepted_on`, the course start) within the contract's service window and no later than
 *   the period's end: a course that did not exist on `period.to` never counts for that period.
 * - One course per family: when a family has two such courses, the later one counts (latest
 *   `accepted_on`, then latest `created_at`, then highest id). It is chosen before the interim filter
 *   below, so an interim period never falls back to an earlier course while the later one runs.
 * - A final period counts every such course, running or not (a running course is not measurable:
 *   "Forløbet er ikke afsluttet pr. …"). An interim period counts only the courses that ended
 *   (completed or ended early: the first such transition) on or before `period.to`. Interim periods
 *   are cumulative: a family that ended in an earlier period counts again; offsetting earlier interim
 *   payments is the settlement's job, not this loader's.
 *
 * How a goal is judged
 * - The goal's `{ ruleId, ruleVersion }` is resolved in `OUTCOME_RULE_CATALOGUE`; an unknown rule is a
 *   VALIDATION_FAILED error (contract validation should have refused it). The goal's
 *   `measurementPoint` is a label; the rule's own `at` decides the point.
 * - `evaluateOutcomeRule(rule, family, period.to)` with the course's dates, its members, the goals of
 *   the plan version the course is at, and the course's effective measurements (not superseded)
 *   measured on or before `period.to`, judged against the project's instrument catalogue. A family
 *   whose track has no data for the rule (e.g. it does not measure the instrument) is not measurable
 *   with the rule's own Danish reason ("Ingen målinger af …").
 * - Per-day-out-of-care goals are left out: they are settled from care days (`facts.careDays`), which
 *   this loader does not produce; the engine reports them as not measurable.
 *
 * Order and cost
 * - `families` in the contract's track order, then by family id; `outcomes` family by family in that
 *   order, goals in the track's order. The same data always gives the same answer.
 * - A fixed number of queries whatever the number of courses (tracks, courses, the batch course
 *   progress, the instrument catalogue, and one measurement query for the project, for the courses
 *   that ended by `period.to`), run one after the other in one transaction (repeatable read, read
 *   only, when the caller gives a database rather than a transaction), so every figure comes from the
 *   same snapshot.
 * - No access check: the caller authorises the reader for the project and the contract.
 */

/** A family the contract counts in the period, with the course that counts and its track. */
export interface ContractOutcomeFamily {
  familyId: string;
  courseId: string;
  trackCode: string;
}

/** What a family's result on one goal rests on. */
export interface ContractOutcomeDetail {
  status: OutcomeStatus;
  /** Why it is not met or not measurable, in Danish (absent when met). */
  reason?: string;
  /** The value judged (see `OutcomeEvaluation.observed`). */
  observed?: number;
  /** The baseline, for change rules. */
  baseline?: number;
  /** The day it was judged as of (`period.to`). */
  asOf: CalendarDate;
}

/** The outcomes of a contract in a period. */
export interface ContractOutcomes {
  /** One row per counted family and goal of its track (per-day goals excepted). */
  outcomes: FamilyGoalOutcome[];
  /** The counted families (pass them to `settle` as `facts.families`). */
  families: ContractOutcomeFamily[];
  /** Keyed by `${familyId}/${goalId}`. */
  details: Record<string, ContractOutcomeDetail>;
}

/** What `loadContractOutcomes` reads. */
export interface LoadContractOutcomesInput {
  projectId: string;
  contract: ContractVersion;
  period: SettlementPeriod;
}

type CourseRow = typeof course.$inferSelect;

interface ResolvedGoal {
  goalId: string;
  rule: OutcomeRule;
}

/** The catalogued rule of every goal, by track code. @throws AppError VALIDATION_FAILED for an unknown rule. */
function resolveGoals(contract: ContractVersion): Map<string, ResolvedGoal[]> {
  const out = new Map<string, ResolvedGoal[]>();
  const problems: { path: string; message: string }[] = [];
  contract.tracks.forEach((t, ti) => {
    const goals: ResolvedGoal[] = [];
    t.goals.forEach((g, gi) => {
      if (g.payment.kind === "per-day") return;
      const entry = findOutcomeRule(g.outcomeRule.ruleId, g.outcomeRule.ruleVersion);
      if (entry) goals.push({ goalId: g.id, rule: entry.rule });
      else
        problems.push({
          path: `tracks.${ti}.goals.${gi}.outcomeRule`,
          message: `Ukendt resultatregel: ${g.outcomeRule.ruleId} version ${g.outcomeRule.ruleVersion}`,
        });
    });
    out.set(t.code, goals);
  });
  if (problems.length > 0) {
    throw new AppError("VALIDATION_FAILED", "Kontrakten henviser til en ukendt resultatregel.", problems);
  }
  return out;
}

const laterOf = (a: CourseRow, b: CourseRow): CourseRow => {
  if (a.acceptedOn !== b.acceptedOn) return a.acceptedOn > b.acceptedOn ? a : b;
  const at = a.createdAt.getTime() - b.createdAt.getTime();
  if (at !== 0) return at > 0 ? a : b;
  return a.id > b.id ? a : b;
};

const earlierDate = (a: CalendarDate, b: CalendarDate) => (a < b ? a : b);

/** The project's instruments, completed with the shipped ones it has not copied (for names and levels). */
function catalogueWithBuiltins(project: readonly Instrument[]): Instrument[] {
  const codes = new Set(project.map((i) => i.code));
  return [...project, ...BUILTIN_INSTRUMENTS.filter((i) => !codes.has(i.code))];
}

async function readOutcomes(tx: DbOrTx, input: LoadContractOutcomesInput): Promise<ContractOutcomes> {
  const { projectId, contract, period } = input;
  const goalsByTrack = resolveGoals(contract);
  const trackOrder = new Map(contract.tracks.map((t, i) => [t.code, i]));
  const empty: ContractOutcomes = { outcomes: [], families: [], details: {} };

  const tracks = await tx
    .select({ id: track.id, code: track.code })
    .from(track)
    .where(and(eq(track.projectId, projectId), inArray(track.code, [...trackOrder.keys()])));
  if (tracks.length === 0) return empty;
  const codeOfTrack = new Map(tracks.map((t) => [t.id, t.code]));

  const acceptedTo = earlierDate(contract.serviceWindow.to, period.to);
  const candidates = await tx
    .select()
    .from(course)
    .where(
      and(
        eq(course.projectId, projectId),
        inArray(course.trackId, [...codeOfTrack.keys()]),
        gte(course.acceptedOn, contract.serviceWindow.from),
        lte(course.acceptedOn, acceptedTo),
      ),
    );
  const byFamily = new Map<string, CourseRow>();
  for (const row of candidates) {
    const seen = byFamily.get(row.familyId);
    byFamily.set(row.familyId, seen ? laterOf(seen, row) : row);
  }
  if (byFamily.size === 0) return empty;

  const progress = await loadCourseProgressMany(tx, [...byFamily.values()], period.to);
  const counted = [...progress.values()]
    .filter((p) => period.kind === "final" || (p.dates.endedOn != null && p.dates.endedOn <= period.to))
    .map((p) => ({ progress: p, trackCode: codeOfTrack.get(p.row.trackId)! }))
    .sort(
      (a, b) =>
        trackOrder.get(a.trackCode)! - trackOrder.get(b.trackCode)! ||
        (a.progress.row.familyId < b.progress.row.familyId ? -1 : 1),
    );
  if (counted.length === 0) return empty;

  const definitions = await loadInstrumentDefinitions(tx, projectId);
  const instruments = catalogueWithBuiltins(definitions.instruments);

  // One measurement query for the project, and only for the courses that ended by the period's end: a
  // running course is not measurable whatever was measured ("Forløbet er ikke afsluttet pr. …"), and
  // on a large project the rows are most of the cost. It reads the instruments the contract's rules
  // need, measured up to the period's end, without superseded rows. That is what the domain keeps
  // itself (`effectiveMeasurements`, then measured on or before `asOf`): a superseded row is dropped
  // whatever the day of its correction, in both. The order (day, then recording) is the one every
  // other reader uses, so that of two values on one day the later recorded counts.
  const needed = new Set<string>();
  for (const goals of goalsByTrack.values()) {
    for (const g of goals) for (const code of instrumentsOfRule(g.rule)) needed.add(code);
  }
  const judged = counted
    .filter(({ progress: p }) => p.dates.endedOn != null && p.dates.endedOn <= period.to)
    .map(({ progress: p }) => p.row.id);
  const measurementsByCourse = new Map<string, Measurement[]>();
  if (needed.size > 0 && judged.length > 0) {
    const rows = await tx
      .select()
      .from(measurement)
      .where(
        and(
          eq(measurement.projectId, projectId),
          // One array parameter, not one parameter per course (PostgreSQL allows 65,535).
          sql`${measurement.courseId} = any(${sql.param(judged)}::uuid[])`,
          inArray(measurement.instrumentCode, [...needed].sort()),
          isNull(measurement.supersededById),
          lte(measurement.measuredOn, period.to),
        ),
      )
      .orderBy(asc(measurement.measuredOn), asc(measurement.recordedAt), asc(measurement.id));
    for (const row of rows) {
      const list = measurementsByCourse.get(row.courseId);
      if (list) list.push(toDomainMeasurement(row));
      else measurementsByCourse.set(row.courseId, [toDomainMeasurement(row)]);
    }
  }

  const result: ContractOutcomes = { outcomes: [], families: [], details: {} };
  for (const { progress: p, trackCode } of counted) {
    const familyId = p.row.familyId;
    result.families.push({ familyId, courseId: p.row.id, trackCode });
    const family = {
      course: p.dates,
      members: p.members,
      measurements: measurementsByCourse.get(p.row.id) ?? [],
      goals: p.goals,
    };
    for (const goal of goalsByTrack.get(trackCode) ?? []) {
      const e = evaluateOutcomeRule(goal.rule, family, period.to, { instruments });
      result.outcomes.push({
        familyId,
        trackCode,
        goalId: goal.goalId,
        status: e.status,
        ...(e.reason ? { reason: e.reason } : {}),
      });
      result.details[`${familyId}/${goal.goalId}`] = {
        status: e.status,
        ...(e.reason ? { reason: e.reason } : {}),
        ...(e.observed !== undefined ? { observed: e.observed } : {}),
        ...(e.baseline !== undefined ? { baseline: e.baseline } : {}),
        asOf: period.to,
      };
    }
  }
  return result;
}

/**
 * The families a contract counts in a settlement period and each one's result on every goal of its
 * track, evaluated as of `period.to` (semantics in the header above and in
 * docs/outcome-contract-outcomes.md). Reads inside one transaction: its own (repeatable read, read
 * only) when given the database, or the caller's when given a transaction.
 * @throws AppError VALIDATION_FAILED when a goal names a rule that is not in the catalogue.
 */
export async function loadContractOutcomes(
  db: DbOrTx,
  input: LoadContractOutcomesInput,
): Promise<ContractOutcomes> {
  // Inside the caller's transaction its snapshot already holds; a savepoint would add nothing to reads.
  if (db instanceof PgTransaction) return readOutcomes(db as Tx, input);
  return db.transaction((tx) => readOutcomes(tx, input), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}
