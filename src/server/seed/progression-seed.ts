import { asc, eq } from "drizzle-orm";
import { addDays, type CalendarDate, daysBetween } from "../../domain/calendar-date.js";
import {
  computeDueMeasurements,
  type DueMeasurement,
  type Measurement,
  type Respondent,
} from "../../domain/progression/index.js";
import type { Tx } from "../db/client.js";
import { caseTeamMember, course, measurement } from "../db/schema/index.js";
import { checkMeasurement, type MeasurementCandidate } from "../modules/progression/check-measurement.js";
import { type CourseProgress, loadCourseProgress } from "../modules/progression/course-progress.js";
import {
  loadProjectInstruments,
  type StoredInstrument,
} from "../modules/progression/instrument-catalogue.js";
import { seededRandom } from "./casework-demo-data.js";

/*
 * Demo measurements (issue 5 §6): for every course of the demo, each due slot of its track's schedule
 * whose window has opened is filled the way practice fills it — most on time, some late, some missing,
 * and about half of the windows open today not yet done. Each family gets a response: most improve
 * (strongly or moderately), some stay where they were, a few get worse; values follow it with noise.
 * Every value passes the same checks as one typed into the form (`checkMeasurement`). One measurement
 * is corrected, so the history of a correction can be seen.
 */

/** How a family responds to the treatment: the share of the possible improvement reached at the end. */
const RESPONSES = [
  { upTo: 0.5, effect: 1 },
  { upTo: 0.78, effect: 0.6 },
  { upTo: 0.9, effect: 0 },
  { upTo: 1, effect: -0.35 },
] as const;

/** What `seedProgressionDemo` did. */
export interface ProgressionSeedResult {
  measurements: number;
  /** Slots left empty on purpose (missing) or not yet filled (open now). */
  skipped: number;
  /** Candidates the checks refused for anything but an already filled slot (a bug in this file). */
  refused: string[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

function responseOf(random: () => number): number {
  const r = random();
  return RESPONSES.find((x) => r < x.upTo)!.effect;
}

/** The day a slot was measured, or undefined when it is (still) missing. */
function measuredOnFor(
  slot: DueMeasurement,
  today: CalendarDate,
  random: () => number,
): CalendarDate | undefined {
  const closed = slot.windowTo < today;
  const roll = random();
  if (!closed) {
    if (roll < 0.5) return undefined; // open now, not done yet
    const span = Math.max(0, daysBetween(slot.windowFrom, today));
    return addDays(slot.windowFrom, Math.floor(random() * (span + 1)));
  }
  if (roll < 0.07) return undefined; // missing
  if (roll < 0.15) {
    const late = addDays(slot.windowTo, 3 + Math.floor(random() * 20));
    return late <= today ? late : undefined;
  }
  if (slot.kind === "baseline") {
    const span = Math.max(0, daysBetween(slot.windowFrom, slot.windowTo));
    return addDays(slot.windowFrom, Math.min(span, 3 + Math.floor(random() * Math.max(1, span - 3))));
  }
  const half = Math.floor(daysBetween(slot.dueOn, slot.windowTo) / 2);
  const day = addDays(slot.dueOn, Math.round((random() * 2 - 1) * half));
  return day < slot.windowFrom ? slot.windowFrom : day; // never before the window opens
}

const GAS_CODES = ["much-less", "less", "expected", "more", "much-more"] as const;
const RISKS = ["none", "low", "medium", "high"] as const;

/** Values and respondent for one slot, from the family's response and how far into the course it is. */
function valuesFor(
  slot: DueMeasurement,
  progress: CourseProgress,
  effect: number,
  base: (key: string) => number,
  day: CalendarDate,
  random: () => number,
): Pick<MeasurementCandidate, "values" | "respondent" | "period"> | undefined {
  const months = daysBetween(progress.dates.startedOn, day) / 30.4;
  const p = clamp(months / 10, 0, 1) * effect;
  const noise = (size: number) => (random() * 2 - 1) * size;
  const subject = slot.subject;
  const who = subject.kind === "person" ? progress.members.find((m) => m.id === subject.personId) : undefined;
  const age = who ? daysBetween(who.birthDate, day) / 365.25 : 40;
  switch (slot.instrumentCode) {
    case "well-being": {
      const start = 3 + base(`wb${who?.id ?? ""}`) * 2.5;
      const respondent: Respondent =
        slot.subject.kind === "family" ? "parent" : age >= 7 ? "member" : "parent";
      return { respondent, values: { "well-being": Math.round(clamp(start + p * 4.5 + noise(0.8), 1, 10)) } };
    }
    case "family-areas": {
      const codes = [
        "parenting",
        "home",
        "children-school",
        "children-development",
        "family-relations",
        "network",
        "economy",
        "health",
        "work-education",
      ];
      const values: Record<string, number> = {};
      for (const code of codes) {
        values[code] = Math.round(clamp(3 + base(code) * 3 + p * 3.5 + noise(1), 1, 10));
      }
      return { respondent: "consultant", values };
    }
    case "school-absence": {
      if (age < 6) return undefined; // not at school yet: the school has nothing to report
      const start = 12 + base(`abs${who?.id ?? ""}`) * 30;
      const absence = clamp(start * (1 - p * 0.8) + noise(2.5), 0, 100);
      return {
        respondent: "school",
        period: { from: addDays(day, -60), to: addDays(day, -1) },
        values: {
          "absence-pct": Math.round(absence * 10) / 10,
          "unauthorised-absence-pct": Math.round(absence * 4) / 10,
        },
      };
    }
    case "support-hours": {
      const start = 14 + base("hours") * 18;
      return {
        respondent: "caseworker",
        values: { "hours-per-week": Math.round(clamp(start - p * 16 + noise(1.5), 0, 168) * 2) / 2 },
      };
    }
    case "placement-risk": {
      const start = 2 + Math.round(base(`risk${who?.id ?? ""}`));
      const level = Math.round(clamp(start - p * 2.5 + noise(0.4), 0, 3));
      return { respondent: "caseworker", values: { risk: RISKS[level]! } };
    }
    case "goal-attainment": {
      const level = Math.round(clamp(-1.2 + p * 3 + noise(0.7), -2, 2));
      return { respondent: "consultant", values: { attainment: GAS_CODES[level + 2]! } };
    }
    default:
      return undefined;
  }
}

/** Fills the demo courses' measurement slots up to `today`. Run inside the seed's transaction. */
export async function seedProgressionDemo(tx: Tx, today: CalendarDate): Promise<ProgressionSeedResult> {
  const result: ProgressionSeedResult = { measurements: 0, skipped: 0, refused: [] };
  const courses = await tx.select().from(course).orderBy(asc(course.acceptedOn), asc(course.id));
  const catalogues = new Map<string, StoredInstrument[]>();
  let corrected = false;
  for (const [index, row] of courses.entries()) {
    const progress = await loadCourseProgress(tx, row, today);
    if (!progress.schedule) continue;
    let instruments = catalogues.get(row.projectId);
    if (!instruments) {
      instruments = await loadProjectInstruments(tx, row.projectId);
      catalogues.set(row.projectId, instruments);
    }
    const team = await tx.select().from(caseTeamMember).where(eq(caseTeamMember.courseId, row.id));
    const consultant = team.find((m) => m.role === "consultant")?.userId ?? null;
    const caseworker = team.find((m) => m.role === "caseworker")?.userId ?? null;
    const random = seededRandom(4242 + index * 104729);
    const effect = responseOf(random);
    const bases = new Map<string, number>();
    const base = (key: string) => {
      if (!bases.has(key)) bases.set(key, random());
      return bases.get(key)!;
    };
    const slots = computeDueMeasurements(progress.schedule, progress.dates, progress.members, {
      goals: progress.goals,
      until: today,
    }).filter((s) => s.windowFrom <= today);
    const effective: Measurement[] = [];
    for (const slot of slots) {
      const day = measuredOnFor(slot, today, random);
      const content = day ? valuesFor(slot, progress, effect, base, day, random) : undefined;
      if (!day || !content) {
        result.skipped++;
        continue;
      }
      const subject = slot.subject;
      const goal = subject.kind === "goal" ? progress.goals.find((g) => g.id === subject.goalId) : undefined;
      const candidate: MeasurementCandidate = {
        instrumentCode: slot.instrumentCode,
        subject:
          subject.kind === "person"
            ? { kind: "person", personId: subject.personId }
            : goal?.memberId
              ? { kind: "person", personId: goal.memberId }
              : { kind: "family" },
        ...(goal ? { goalId: goal.id } : {}),
        measuredOn: day,
        ...content,
      };
      const id = crypto.randomUUID();
      const checked = checkMeasurement(id, candidate, { progress, instruments, effective, today });
      if (!checked.ok && checked.problems.some((p) => p.message.includes("allerede registreret"))) {
        // A late measurement took the next slot's window: in practice that one is then skipped too.
        result.skipped++;
        continue;
      }
      if (!checked.ok) {
        result.refused.push(`${slot.key} ${day}: ${checked.problems.map((p) => p.message).join("; ")}`);
        continue;
      }
      const m = checked.measurement;
      const recordedBy = ["well-being", "family-areas", "goal-attainment"].includes(m.instrumentCode)
        ? (consultant ?? caseworker)
        : caseworker;
      // One typing error, corrected the same afternoon, in the first family with a family well-being score.
      const typo = !corrected && m.instrumentCode === "well-being" && m.subject.kind === "family";
      const rowOf = (
        values: Record<string, number | string | null>,
        scored: Record<string, number | null>,
      ) => ({
        organisationId: row.organisationId,
        projectId: row.projectId,
        courseId: row.id,
        familyId: row.familyId,
        personId: m.subject.kind === "person" ? m.subject.personId : null,
        goalId: m.goalId ?? null,
        instrumentVersionId: checked.instrumentVersionId,
        instrumentCode: m.instrumentCode,
        instrumentVersion: m.instrumentVersion,
        measuredOn: m.measuredOn,
        periodFrom: m.period?.from ?? null,
        periodTo: m.period?.to ?? null,
        respondent: m.respondent,
        values,
        scored,
        bands: m.bands ?? {},
        recordedBy,
      });
      if (typo) {
        corrected = true;
        const wrong = (m.scored["well-being"] ?? 5) >= 5 ? 1 : 10;
        const typoId = crypto.randomUUID();
        await tx.insert(measurement).values({
          id: typoId,
          ...rowOf({ "well-being": wrong }, { "well-being": wrong }),
          recordedAt: new Date(`${m.measuredOn}T12:00:00Z`),
        });
        await tx.insert(measurement).values({
          id,
          ...rowOf(m.values, m.scored),
          supersedesId: typoId,
          correctionReason: `Tastefejl: familien svarede ${m.scored["well-being"]}, ikke ${wrong}.`,
          recordedAt: new Date(`${m.measuredOn}T15:00:00Z`),
        });
        await tx.update(measurement).set({ supersededById: id }).where(eq(measurement.id, typoId));
        result.measurements += 2;
      } else {
        await tx.insert(measurement).values({
          id,
          ...rowOf(m.values, m.scored),
          recordedAt: new Date(`${m.measuredOn}T14:00:00Z`),
        });
        result.measurements++;
      }
      effective.push(m);
    }
  }
  return result;
}
