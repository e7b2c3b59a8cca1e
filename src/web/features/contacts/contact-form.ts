import type { ContactInput, ContactKind } from "../../../contracts/casework-plan.js";
import { isOutOfHours } from "../../../domain/casework/danish-time.js";
import { instantOfDanishWallClock } from "./danish-wall-clock.js";

/** The contact kinds in the order the form offers them (the contract's CONTACT_KINDS). */
export const CONTACT_KINDS = [
  "home-visit",
  "phone",
  "video",
  "meeting",
  "network-meeting",
] as const satisfies readonly ContactKind[];

/** A contact may be logged up to 5 minutes ahead of now (the server allows the same clock skew). */
const FUTURE_SKEW_MS = 5 * 60_000;
const NOTE_MAX = 20_000;

/** The "Registrér kontakt" form; date and time are read on the Danish wall clock. */
export interface ContactFormValues {
  date: string;
  time: string;
  kind: ContactKind | "";
  personIds: string[];
  userIds: string[];
  others: string[];
  language: string;
  interpreterUsed: boolean;
  /** NumberInput gives "" when empty. */
  durationMinutes: number | string;
  /** Forced out of hours (the server computes it anyway). */
  isOutOfHours: boolean;
  note: string;
}

/** The keys under contacts.errors that the form can show. */
export type ContactFormError =
  | "date"
  | "time"
  | "future"
  | "kind"
  | "durationRequired"
  | "durationWhole"
  | "durationMin"
  | "durationMax"
  | "language"
  | "noteLength";

function durationProblem(value: number | string): ContactFormError | null {
  if (value === "" || value === null || value === undefined) return "durationRequired";
  const n = typeof value === "number" ? value : Number(String(value).replace(",", "."));
  if (!Number.isFinite(n)) return "durationRequired";
  if (!Number.isInteger(n)) return "durationWhole";
  if (n < 1) return "durationMin";
  if (n > 1440) return "durationMax";
  return null;
}

/**
 * The form's own checks, the same rules as ContactInputSchema and the server (no time in the future),
 * as keys of Danish/English messages per field.
 */
export function validateContactForm(
  values: ContactFormValues,
  now: Date,
): Partial<Record<keyof ContactFormValues, ContactFormError>> {
  const errors: Partial<Record<keyof ContactFormValues, ContactFormError>> = {};
  if (!values.date) errors.date = "date";
  if (!values.time) errors.time = "time";
  const at = instantOfDanishWallClock(values.date, values.time);
  if (values.date && values.time && !at) errors.time = "time";
  if (at && at.getTime() > now.getTime() + FUTURE_SKEW_MS) errors.time = "future";
  if (!values.kind) errors.kind = "kind";
  const duration = durationProblem(values.durationMinutes);
  if (duration) errors.durationMinutes = duration;
  if (!values.language) errors.language = "language";
  if (values.note.trim().length > NOTE_MAX) errors.note = "noteLength";
  return errors;
}

/** Whether the server will mark the contact out of hours by itself (null until time and duration are valid). */
export function computedOutOfHours(values: ContactFormValues): boolean | null {
  const at = instantOfDanishWallClock(values.date, values.time);
  if (!at || durationProblem(values.durationMinutes)) return null;
  return isOutOfHours(at, Number(values.durationMinutes));
}

/** The request body of POST /api/courses/:id/contacts (call after validateContactForm found nothing). */
export function toContactInput(values: ContactFormValues): ContactInput {
  const at = instantOfDanishWallClock(values.date, values.time);
  if (!at || !values.kind) throw new Error("toContactInput: the form was not validated");
  const note = values.note.trim();
  return {
    occurredAt: at.toISOString(),
    kind: values.kind,
    participants: {
      personIds: values.personIds,
      userIds: values.userIds,
      others: values.others.map((o) => o.trim()).filter(Boolean),
    },
    language: values.language,
    interpreterUsed: values.interpreterUsed,
    durationMinutes: Number(values.durationMinutes),
    ...(values.isOutOfHours ? { isOutOfHours: true } : {}),
    ...(note ? { note } : {}),
  };
}

/**
 * Where the server's per-field problems belong in the form: the instant at the time field, a
 * participant at its group, anything else at the field of the same name.
 */
export function formFieldOfApiPath(path: string): keyof ContactFormValues | null {
  const p = path.replace(/^body\./, "");
  if (p === "occurredAt") return "time";
  if (p.startsWith("participants.personIds")) return "personIds";
  if (p.startsWith("participants.userIds")) return "userIds";
  if (p.startsWith("participants.others")) return "others";
  const field = p.split(".")[0];
  const known: (keyof ContactFormValues)[] = [
    "kind",
    "language",
    "interpreterUsed",
    "durationMinutes",
    "note",
  ];
  return known.find((k) => k === field) ?? null;
}
