import type { TFunction } from "i18next";

/** "auth.login_succeeded" → "Login lykkedes" (the code itself when the type is new to this build). */
export function eventTypeLabel(t: TFunction, eventType: string): string {
  const key = `audit.eventTypes.${eventType.replaceAll(".", "_")}`;
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, {
    defaultValue: eventType,
  });
}

/** "user" → "Bruger". */
export function subjectTypeLabel(t: TFunction, subjectType: string): string {
  const key = `audit.subjectTypes.${subjectType}`;
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, {
    defaultValue: subjectType,
  });
}

/** Subject types offered in the filter (the records the audit log currently speaks of). */
export const SUBJECT_TYPES = [
  "user",
  "organisation",
  "project",
  "businessCase",
  "unitPrice",
  "family",
  "person",
  "referral",
  "course",
  "instrument",
  "track",
] as const;
