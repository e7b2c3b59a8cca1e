import type { CalendarDate } from "../../../domain/calendar-date.js";
import { danishDateOf } from "../../../domain/casework/danish-time.js";

/** Today in Denmark (`YYYY-MM-DD`), the day the API counts as "today" (dates may not lie after it). */
export function todayInDenmark(): CalendarDate {
  return danishDateOf(new Date());
}

/** Whole years between a birth date and a day (both `YYYY-MM-DD`); null when a date is malformed. */
export function ageOn(birthDate: string, on: string): number | null {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  if (!by || !bm || !bd || !y || !m || !d) return null;
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}
