/**
 * Calendar facts (measured on, contract start, settlement period) are `YYYY-MM-DD` strings.
 * Arithmetic here is done in UTC so that the result never depends on the machine's time zone.
 */

declare const calendarDateBrand: unique symbol;
/** A date without a time: `YYYY-MM-DD`. */
export type CalendarDate = string & { readonly [calendarDateBrand]: true };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not). */
export function isCalendarDate(s: string): s is CalendarDate {
  const m = PATTERN.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** Validates and brands a date string. @throws RangeError when it is not a real `YYYY-MM-DD` date. */
export function calendarDate(s: string): CalendarDate {
  if (!isCalendarDate(s)) throw new RangeError(`Not a date (YYYY-MM-DD): ${s}`);
  return s;
}

function toUtc(d: CalendarDate): Date {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, day));
}

function fromUtc(d: Date): CalendarDate {
  return d.toISOString().slice(0, 10) as CalendarDate;
}

/** The calendar date of an instant in UTC. */
export function dateOfInstant(instant: Date): CalendarDate {
  return fromUtc(instant);
}

/** Adds (or subtracts) whole days. */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  const u = toUtc(d);
  u.setUTCDate(u.getUTCDate() + days);
  return fromUtc(u);
}

/** Adds whole months; the day is clamped to the end of the target month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const [y, m, day] = d.split("-").map(Number) as [number, number, number];
  const targetMonthIndex = m - 1 + months;
  const ty = y + Math.floor(targetMonthIndex / 12);
  const tm = ((targetMonthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(ty, tm, Math.min(day, lastDay))));
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / 86_400_000);
}

/** Compares two dates for sorting (−1, 0, 1). */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
