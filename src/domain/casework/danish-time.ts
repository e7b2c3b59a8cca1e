import type { CalendarDate } from "../calendar-date.js";

/*
 * Case work happens in Danish local time: "today" for a deadline and "evening" for a contact are read
 * on the wall clock in Denmark (CET/CEST), not in UTC.
 */

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Copenhagen",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

function wallClock(instant: Date): { date: CalendarDate; hour: number; minute: number } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}` as CalendarDate,
    hour: Number(p.hour),
    minute: Number(p.minute),
  };
}

/** The calendar date in Denmark at an instant. */
export function danishDateOf(instant: Date): CalendarDate {
  return wallClock(instant).date;
}

/** The hour and minute in Denmark at an instant (for display and the out-of-hours rule). */
export function danishTimeOf(instant: Date): { hour: number; minute: number } {
  const { hour, minute } = wallClock(instant);
  return { hour, minute };
}

/** Ordinary working hours start at 08:00 and end at 17:00, Danish time. */
export const WORKING_HOURS = { startHour: 8, endHour: 17 } as const;

/**
 * True when a contact that starts at `start` and lasts `durationMinutes` falls partly in the evening
 * or at night (before 08:00 or from 17:00 Danish time) — the out-of-hours flag of the contact log.
 */
export function isOutOfHours(start: Date, durationMinutes: number): boolean {
  const end = new Date(start.getTime() + Math.max(0, durationMinutes - 1) * 60_000);
  const outside = (d: Date) => {
    const { hour } = wallClock(d);
    return hour < WORKING_HOURS.startHour || hour >= WORKING_HOURS.endHour;
  };
  return outside(start) || outside(end);
}
