/**
 * Households: people belong to a family (household) through dated memberships with a role. Both
 * ends of a membership are inclusive (`toOn` is the last day; open-ended when absent), so a move on
 * day D closes the old membership on D − 1 and opens the new one on D — no gap, no overlap.
 *
 * A person belongs to at most one household on any day: an overlapping membership (in another
 * family, or a second one in the same family) is refused. Children with two homes (delt bopæl) are
 * registered in the household the case is about; the other home is recorded as a network contact.
 */
import { z } from "zod";
import { addDays, type CalendarDate, compareDates } from "../calendar-date.js";
import { DateSchema, formatDanishDate, IdSchema } from "./schema-primitives.js";

/** The roles in a household. */
export const HOUSEHOLD_ROLES = ["parent", "child", "other-adult"] as const;
/** A role in a household. */
export const HouseholdRoleSchema = z.enum(HOUSEHOLD_ROLES, { error: "Ukendt rolle i husstanden" });
/** A role in a household: parent, child or other adult. */
export type HouseholdRole = z.infer<typeof HouseholdRoleSchema>;

/** Danish labels of the household roles. */
export const HOUSEHOLD_ROLE_LABELS: Readonly<Record<HouseholdRole, string>> = {
  parent: "Forælder",
  child: "Barn",
  "other-adult": "Anden voksen",
};

/** A person's dated membership of a family (household). */
export const HouseholdMembershipSchema = z
  .object({
    id: IdSchema,
    personId: IdSchema,
    familyId: IdSchema,
    role: HouseholdRoleSchema,
    fromOn: DateSchema,
    toOn: DateSchema.optional(),
  })
  .refine((m) => m.toOn === undefined || compareDates(m.fromOn, m.toOn) <= 0, {
    error: "Slutdatoen må ikke ligge før startdatoen",
    path: ["toOn"],
  });
/** A person's dated membership of a family (household); both ends inclusive. */
export type HouseholdMembership = z.infer<typeof HouseholdMembershipSchema>;

/** Thrown when stored memberships put a person in two households on the same day (the data is broken). */
export class HouseholdOverlapError extends Error {
  override name = "HouseholdOverlapError";
}

/** A refused change to memberships, with a Danish message. */
export interface MembershipRefusal {
  readonly ok: false;
  readonly code:
    | "overlap"
    | "duplicate-id"
    | "no-current-household"
    | "same-household"
    | "starts-same-day"
    | "invalid-period";
  readonly message: string;
  /** Ids of the memberships in the way, if any. */
  readonly conflictingIds?: readonly string[];
}

/** Two memberships of the same person that share at least one day. */
export interface MembershipOverlap {
  readonly personId: string;
  readonly firstId: string;
  readonly secondId: string;
  /** The first shared day. */
  readonly fromOn: CalendarDate;
  /** The last shared day; absent when both are open-ended. */
  readonly toOn?: CalendarDate;
}

/** True when the membership holds on `date` (both ends inclusive). */
export function isMembershipActiveOn(
  m: Pick<HouseholdMembership, "fromOn" | "toOn">,
  date: CalendarDate,
): boolean {
  return compareDates(m.fromOn, date) <= 0 && (m.toOn === undefined || compareDates(date, m.toOn) <= 0);
}

const ROLE_ORDER: Readonly<Record<HouseholdRole, number>> = { parent: 0, "other-adult": 1, child: 2 };

/** The memberships of a family on a date: parents first, then other adults, then children (each by person id). */
export function listMembersOn(
  memberships: readonly HouseholdMembership[],
  familyId: string,
  date: CalendarDate,
): HouseholdMembership[] {
  return memberships
    .filter((m) => m.familyId === familyId && isMembershipActiveOn(m, date))
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
    );
}

/**
 * A person's membership on a date, or `undefined` when they belong to no household that day.
 * @throws HouseholdOverlapError when the data holds two memberships that day (never produced by
 *   `addMembership`/`movePerson`).
 */
export function findHouseholdOn(
  memberships: readonly HouseholdMembership[],
  personId: string,
  date: CalendarDate,
): HouseholdMembership | undefined {
  const found = memberships.filter((m) => m.personId === personId && isMembershipActiveOn(m, date));
  if (found.length > 1)
    throw new HouseholdOverlapError(`Person ${personId} has ${found.length} memberships on ${date}`);
  return found[0];
}

function overlapOf(
  a: Pick<HouseholdMembership, "fromOn" | "toOn">,
  b: Pick<HouseholdMembership, "fromOn" | "toOn">,
): { fromOn: CalendarDate; toOn?: CalendarDate } | undefined {
  const fromOn = compareDates(a.fromOn, b.fromOn) >= 0 ? a.fromOn : b.fromOn;
  const toOn =
    a.toOn === undefined
      ? b.toOn
      : b.toOn === undefined
        ? a.toOn
        : compareDates(a.toOn, b.toOn) <= 0
          ? a.toOn
          : b.toOn;
  if (toOn !== undefined && compareDates(fromOn, toOn) > 0) return undefined;
  return toOn === undefined ? { fromOn } : { fromOn, toOn };
}

/** Every pair of memberships of the same person that share a day (each pair once, in input order). */
export function findMembershipOverlaps(memberships: readonly HouseholdMembership[]): MembershipOverlap[] {
  const out: MembershipOverlap[] = [];
  for (let i = 0; i < memberships.length; i++) {
    for (let j = i + 1; j < memberships.length; j++) {
      const a = memberships[i]!;
      const b = memberships[j]!;
      if (a.personId !== b.personId) continue;
      const o = overlapOf(a, b);
      if (o) out.push({ personId: a.personId, firstId: a.id, secondId: b.id, ...o });
    }
  }
  return out;
}

function period(m: { fromOn: CalendarDate; toOn?: CalendarDate | undefined }): string {
  return m.toOn === undefined
    ? `fra ${formatDanishDate(m.fromOn)} og frem`
    : `fra ${formatDanishDate(m.fromOn)} til ${formatDanishDate(m.toOn)}`;
}

/**
 * Adds a membership, refusing (never throwing) a reversed period, a reused id, or an overlap with
 * another membership of the same person.
 */
export function addMembership(
  memberships: readonly HouseholdMembership[],
  candidate: HouseholdMembership,
): { ok: true; memberships: HouseholdMembership[] } | MembershipRefusal {
  if (candidate.toOn !== undefined && compareDates(candidate.fromOn, candidate.toOn) > 0) {
    return { ok: false, code: "invalid-period", message: "Slutdatoen må ikke ligge før startdatoen." };
  }
  if (memberships.some((m) => m.id === candidate.id)) {
    return {
      ok: false,
      code: "duplicate-id",
      message: "Medlemskabet findes allerede.",
      conflictingIds: [candidate.id],
    };
  }
  const clashes = memberships.filter((m) => m.personId === candidate.personId && overlapOf(m, candidate));
  if (clashes.length > 0) {
    const first = clashes[0]!;
    const where = first.familyId === candidate.familyId ? "denne husstand" : "en anden husstand";
    return {
      ok: false,
      code: "overlap",
      message: `Personen er allerede medlem af ${where} ${period(first)}. En person kan kun høre til én husstand ad gangen.`,
      conflictingIds: clashes.map((m) => m.id),
    };
  }
  return { ok: true, memberships: [...memberships, candidate] };
}

/** A move of a person to another household (or to another role in the same one) from a day. */
export interface PersonMove {
  readonly personId: string;
  readonly toFamilyId: string;
  readonly role: HouseholdRole;
  /** The first day in the new household; the old membership ends the day before. */
  readonly on: CalendarDate;
  /** Id for the new membership (ids are made by the caller). */
  readonly newMembershipId: string;
  /** Last day in the new household, if already known. */
  readonly toOn?: CalendarDate | undefined;
}

/**
 * Moves a person: closes the membership in force on `move.on` on the day before and opens a new one
 * from `move.on`. Refuses (never throws) when the person has no household that day, when nothing
 * would change (same family, same role), when the old membership began that very day (correct it
 * instead), or when the new membership would overlap a later one.
 */
export function movePerson(
  memberships: readonly HouseholdMembership[],
  move: PersonMove,
):
  | { ok: true; closed: HouseholdMembership; opened: HouseholdMembership; memberships: HouseholdMembership[] }
  | MembershipRefusal {
  const current = memberships.filter((m) => m.personId === move.personId && isMembershipActiveOn(m, move.on));
  if (current.length > 1) {
    return {
      ok: false,
      code: "overlap",
      message: "Personen står i flere husstande samme dag. Ret medlemskaberne, før personen flyttes.",
      conflictingIds: current.map((m) => m.id),
    };
  }
  const old = current[0];
  if (!old) {
    return {
      ok: false,
      code: "no-current-household",
      message: `Personen hører ikke til nogen husstand den ${formatDanishDate(move.on)}. Opret et nyt medlemskab i stedet for en flytning.`,
    };
  }
  if (old.familyId === move.toFamilyId && old.role === move.role) {
    return {
      ok: false,
      code: "same-household",
      message: "Personen er allerede medlem af husstanden med den rolle.",
      conflictingIds: [old.id],
    };
  }
  if (old.fromOn === move.on) {
    return {
      ok: false,
      code: "starts-same-day",
      message: `Medlemskabet begyndte samme dag (${formatDanishDate(move.on)}). Ret det i stedet for at flytte personen.`,
      conflictingIds: [old.id],
    };
  }
  const closed: HouseholdMembership = { ...old, toOn: addDays(move.on, -1) };
  const opened: HouseholdMembership = {
    id: move.newMembershipId,
    personId: move.personId,
    familyId: move.toFamilyId,
    role: move.role,
    fromOn: move.on,
    ...(move.toOn !== undefined ? { toOn: move.toOn } : {}),
  };
  const rest = memberships.filter((m) => m.id !== old.id);
  const added = addMembership([...rest, closed], opened);
  if (!added.ok) return added;
  return {
    ok: true,
    closed,
    opened,
    memberships: memberships.map((m) => (m.id === old.id ? closed : m)).concat(opened),
  };
}
