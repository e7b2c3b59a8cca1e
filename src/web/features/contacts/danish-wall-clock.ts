import type { CalendarDate } from "../../../domain/calendar-date.js";
import { danishDateOf, danishTimeOf } from "../../../domain/casework/danish-time.js";

/*
 * Contacts are entered and shown on the Danish wall clock (CET/CEST), whatever the browser's own time
 * zone: a home visit at 19:30 in Vejle is "19:30" for everyone who reads the case.
 */

const pad = (n: number) => String(n).padStart(2, "0");
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** The Danish date and time ("YYYY-MM-DD", "HH:MM") of an instant. */
export function danishWallClockOf(instant: Date): { date: CalendarDate; time: string } {
  const { hour, minute } = danishTimeOf(instant);
  return { date: danishDateOf(instant), time: `${pad(hour)}:${pad(minute)}` };
}

/**
 * The instant at a Danish date and time, e.g. ("2026-01-14", "19:30") → 2026-01-14T18:30:00.000Z.
 * A time skipped by the spring change (02:00–03:00) lands an hour later; one repeated in the autumn is
 * read as summer time. Null when the date or time is malformed.
 */
export function instantOfDanishWallClock(date: string, time: string): Date | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wanted).getUTCDate() !== day) return null;
  // Start from the same reading in UTC and move by the difference the Danish clock shows (twice, so a
  // guess on the other side of a daylight-saving change settles).
  let guess = wanted;
  for (let i = 0; i < 2; i += 1) {
    const shown = danishWallClockOf(new Date(guess));
    const [sy, sm, sd] = shown.date.split("-").map(Number) as [number, number, number];
    const [sh, smin] = shown.time.split(":").map(Number) as [number, number];
    guess -= Date.UTC(sy, sm - 1, sd, sh, smin) - wanted;
  }
  return new Date(guess);
}
