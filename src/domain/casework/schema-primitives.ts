/**
 * Small zod building blocks and the input-parsing helper shared by the casework schemas. Internal to
 * the module: the public names are the schemas built from them (re-exported where the server needs
 * them). Messages are Danish because a caseworker reads them.
 */
import { z } from "zod";
import { type CalendarDate, isCalendarDate } from "../calendar-date.js";

/** Danish messages keyed by field path (dot-separated, array indexes as numbers), e.g. `"measures.0.endOn"`. */
export type FieldErrors = Record<string, string>;

/** A real calendar date `YYYY-MM-DD`, typed as `CalendarDate`. */
export const DateSchema = z
  .string({ error: "Skal være en dato (ÅÅÅÅ-MM-DD)" })
  .refine(isCalendarDate, { error: "Skal være en gyldig dato (ÅÅÅÅ-MM-DD)" })
  .transform((s) => s as CalendarDate);

/** A non-empty opaque id (uuid or other key). */
export const IdSchema = z
  .string({ error: "Skal udfyldes" })
  .trim()
  .min(1, { error: "Skal udfyldes" })
  .max(200, { error: "Højst 200 tegn" });

/** A non-empty free text shown to people (goal in the family's own words, a measure's title…). */
export const TextSchema = z
  .string({ error: "Skal udfyldes" })
  .trim()
  .min(1, { error: "Skal udfyldes" })
  .max(2000, { error: "Højst 2000 tegn" });

/** The reason given for a state change or an override (trimmed; blank counts as missing). */
export const ReasonSchema = z
  .string({ error: "Begrundelsen skal være tekst" })
  .trim()
  .max(2000, { error: "Begrundelsen må højst være 2000 tegn" });

const DANISH_ERRORS = z.locales.da().localeError;

/** Converts zod issues to Danish field errors (first message per path wins; the root path is ""). */
export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

/** Parses untrusted input with a schema; zod's built-in checks answer in Danish. Never throws. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): { ok: true; value: z.infer<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(input, { error: DANISH_ERRORS });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrorsFromZod(result.error) };
}

/** A trimmed reason, or `undefined` when it is missing or blank. */
export function cleanReason(reason: string | undefined): string | undefined {
  const r = reason?.trim();
  return r ? r : undefined;
}

/** Formats a calendar date the Danish way for messages: 2024-03-01 → "1.3.2024". */
export function formatDanishDate(d: CalendarDate): string {
  const [y, m, day] = d.split("-");
  return `${Number(day)}.${Number(m)}.${y}`;
}
