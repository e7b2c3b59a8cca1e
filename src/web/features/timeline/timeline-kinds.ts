import type { TimelineKind } from "../../../contracts/casework-plan.js";
import { danishDateOf } from "../../../domain/casework/danish-time.js";

/** The kinds a user filters the timeline by (several of the API's kinds make one). */
export const TIMELINE_GROUPS = ["contact", "note", "measure", "plan", "review", "case", "consent"] as const;
export type TimelineGroup = (typeof TIMELINE_GROUPS)[number];

export const GROUP_OF_KIND: Readonly<Record<TimelineKind, TimelineGroup>> = {
  "referral-transition": "case",
  "course-transition": "case",
  "plan-saved": "plan",
  "plan-agreed": "plan",
  "measure-start": "measure",
  "measure-end": "measure",
  contact: "contact",
  note: "note",
  review: "review",
  consent: "consent",
};

/** The dot beside each item (decoration: the kind is always written next to it). */
export const GROUP_COLOR: Readonly<Record<TimelineGroup, string>> = {
  contact: "var(--mantine-color-bundlinje-6)",
  note: "var(--mantine-color-gray-6)",
  measure: "var(--mantine-color-teal-7)",
  plan: "var(--mantine-color-indigo-6)",
  review: "var(--mantine-color-orange-6)",
  case: "var(--mantine-color-grape-6)",
  consent: "var(--mantine-color-green-7)",
};

/** The Danish day of an item: a calendar date as it is, an instant on the Danish wall clock. */
export function danishDayOf(at: string): string {
  return at.length === 10 ? at : danishDateOf(new Date(at));
}

/** Consecutive items of the same month ("2026-01"), keeping the order they came in (newest first). */
export function groupByMonth<T extends { at: string }>(items: readonly T[]): { month: string; items: T[] }[] {
  const months: { month: string; items: T[] }[] = [];
  for (const item of items) {
    const month = danishDayOf(item.at).slice(0, 7);
    const last = months[months.length - 1];
    if (last && last.month === month) last.items.push(item);
    else months.push({ month, items: [item] });
  }
  return months;
}
