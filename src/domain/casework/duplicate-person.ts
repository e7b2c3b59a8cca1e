/**
 * Duplicate warning when a new person is registered in a municipality: does someone already there
 * look like the same person? It only warns — the caseworker decides.
 *
 * Matches, strongest first:
 * 1. `same-cpr` — the same CPR number (compared in normalised form);
 * 2. `same-name-and-birth-date` — the same normalised name and the same birth date;
 * 3. `similar-name-and-birth-date` — the same birth date and a similar name: after normalising and
 *    sorting the name's words, one name's words are all among the other's ("Amina Hassan" /
 *    "Amina Ali Hassan"), or the two differ by at most 2 letters (edit distance; "Mohamed" /
 *    "Mohammed", "Muhammad" / "Mohammad"). Skipped when both people have valid, different CPR
 *    numbers (then they are different people — twins often have similar names).
 *
 * Name normalisation (`normalisePersonName`), simple on purpose: Unicode NFC; lower case; accents
 * and other diacritics removed (é → e, ü → u, ç → c) except the Danish letters æ, ø and å, which are
 * kept as letters of their own; hyphens and dashes become spaces; runs of whitespace become one
 * space; leading/trailing space is dropped. "aa" is not folded into "å" and transliteration
 * variants are left to the similar-name rule.
 *
 * A birth date missing on either side is taken from its CPR number when that is valid.
 * Messages never contain names or CPR numbers.
 */
import type { CalendarDate } from "../calendar-date.js";
import { parseCpr } from "./cpr.js";

/** A person as the duplicate check needs them. */
export interface DuplicateCandidate {
  readonly name: string;
  readonly birthDate?: CalendarDate | undefined;
  /** In any accepted form; an invalid number is ignored here (validation happens elsewhere). */
  readonly cpr?: string | undefined;
}

/** An existing person of the municipality. */
export interface ExistingPerson extends DuplicateCandidate {
  readonly personId: string;
}

/** How an existing person matches. */
export type DuplicateMatch = "same-cpr" | "same-name-and-birth-date" | "similar-name-and-birth-date";

/** A warning that an existing person may be the same person. */
export interface DuplicateWarning {
  readonly personId: string;
  readonly match: DuplicateMatch;
  /** Danish, without personal values. */
  readonly message: string;
}

const MESSAGES: Readonly<Record<DuplicateMatch, string>> = {
  "same-cpr": "Der findes allerede en person med samme CPR-nummer i kommunen.",
  "same-name-and-birth-date": "Der findes allerede en person med samme navn og fødselsdato i kommunen.",
  "similar-name-and-birth-date":
    "Der findes en person med samme fødselsdato og et lignende navn i kommunen. Tjek, om det er den samme person.",
};

const RANK: Readonly<Record<DuplicateMatch, number>> = {
  "same-cpr": 0,
  "same-name-and-birth-date": 1,
  "similar-name-and-birth-date": 2,
};

/** The largest edit distance at which two names (same birth date) count as similar. */
export const SIMILAR_NAME_MAX_DISTANCE = 2;

const KEPT = new Set(["æ", "ø", "å"]);

/** Normalises a name for comparison (see the module comment): "Åse Jørgensen-Müller " → "åse jørgensen muller". */
export function normalisePersonName(name: string): string {
  let out = "";
  for (const ch of name.normalize("NFC").toLowerCase()) {
    out += KEPT.has(ch) ? ch : ch.normalize("NFD").replace(/\p{M}/gu, "");
  }
  return out
    .replace(/[-\u2010-\u2015\u2212]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Levenshtein distance (insertions, deletions, substitutions) between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** True when two names count as similar (see the module comment); equal names are similar. */
export function isSimilarName(a: string, b: string): boolean {
  const ta = normalisePersonName(a).split(" ").filter(Boolean).sort();
  const tb = normalisePersonName(b).split(" ").filter(Boolean).sort();
  if (ta.length === 0 || tb.length === 0) return false;
  const [small, large] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const rest = [...large];
  const isSubset = small.every((t) => {
    const i = rest.indexOf(t);
    if (i < 0) return false;
    rest.splice(i, 1);
    return true;
  });
  return isSubset || editDistance(ta.join(" "), tb.join(" ")) <= SIMILAR_NAME_MAX_DISTANCE;
}

function identity(p: DuplicateCandidate): { name: string; birthDate?: CalendarDate; cpr?: string } {
  const parsed = p.cpr !== undefined ? parseCpr(p.cpr) : undefined;
  const cpr = parsed?.ok ? parsed.cpr : undefined;
  const birthDate = p.birthDate ?? (parsed?.ok ? parsed.birthDate : undefined);
  return {
    name: normalisePersonName(p.name),
    ...(birthDate !== undefined ? { birthDate } : {}),
    ...(cpr !== undefined ? { cpr } : {}),
  };
}

/**
 * The existing people who may be the same as `candidate`, one warning per person at their strongest
 * match, strongest first (then by person id). Pass only people of the same municipality.
 */
export function findDuplicatePeople(
  candidate: DuplicateCandidate,
  existing: readonly ExistingPerson[],
): DuplicateWarning[] {
  const c = identity(candidate);
  const out: DuplicateWarning[] = [];
  for (const person of existing) {
    const e = identity(person);
    let match: DuplicateMatch | undefined;
    if (c.cpr !== undefined && c.cpr === e.cpr) match = "same-cpr";
    else if (c.birthDate !== undefined && c.birthDate === e.birthDate && c.name !== "") {
      if (c.name === e.name) match = "same-name-and-birth-date";
      else {
        const knownDifferent = c.cpr !== undefined && e.cpr !== undefined && c.cpr !== e.cpr;
        if (!knownDifferent && isSimilarName(c.name, e.name)) match = "similar-name-and-birth-date";
      }
    }
    if (match) out.push({ personId: person.personId, match, message: MESSAGES[match] });
  }
  return out.sort(
    (a, b) =>
      RANK[a.match] - RANK[b.match] || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
}
