import { type CalendarDate, daysBetween } from "../../../domain/calendar-date.js";

/** An open task due within this many days (and not overdue) is "due soon". */
export const DUE_SOON_DAYS = 14;

/** Where an open task's due date stands today (Danish date): overdue by n days, due today, soon, or later. */
export type DueStatus =
  | { kind: "overdue"; days: number }
  | { kind: "today" }
  | { kind: "soon"; days: number }
  | { kind: "later" };

/**
 * The due status of an open task on `today`. Overdue from the day after the due date, as the API's
 * `isOverdue` (src/domain/casework/deadlines.ts); "soon" within DUE_SOON_DAYS.
 */
export function dueStatusOf(dueOn: string, today: CalendarDate): DueStatus {
  const daysLeft = daysBetween(today, dueOn as CalendarDate);
  if (daysLeft < 0) return { kind: "overdue", days: -daysLeft };
  if (daysLeft === 0) return { kind: "today" };
  if (daysLeft <= DUE_SOON_DAYS) return { kind: "soon", days: daysLeft };
  return { kind: "later" };
}
