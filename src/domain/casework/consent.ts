/**
 * Consent (samtykke), recorded per purpose and dated: given or withdrawn, by a person or on behalf of
 * the whole family. The effective consent on a date is the latest record on or before that date that
 * applies (the person's own records and the family's records both apply to the person); when a
 * "given" and a "withdrawn" fall on the same day, the withdrawal wins — the safe reading.
 */
import { z } from "zod";
import { type CalendarDate, compareDates } from "../calendar-date.js";
import { DateSchema, IdSchema } from "./schema-primitives.js";

/** The purposes consent is recorded for. */
export const CONSENT_PURPOSES = ["treatment", "sharing-with-provider", "evaluation"] as const;
/** A purpose of consent. */
export const ConsentPurposeSchema = z.enum(CONSENT_PURPOSES, { error: "Ukendt formål med samtykket" });
/** A purpose of consent: treatment, sharing information with the provider, evaluation. */
export type ConsentPurpose = z.infer<typeof ConsentPurposeSchema>;

/** Danish names of the purposes, to be used inside a sentence ("samtykke til …"). */
export const CONSENT_PURPOSE_LABELS: Readonly<Record<ConsentPurpose, string>> = {
  treatment: "behandling",
  "sharing-with-provider": "deling af oplysninger med leverandøren",
  evaluation: "evaluering",
};

/** Who a consent record is from: one person, or the family as a whole. */
export const ConsentSubjectSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("person"), personId: IdSchema }),
    z.object({ kind: z.literal("family"), familyId: IdSchema }),
  ],
  { error: "Angiv, om samtykket er givet af en person eller familien" },
);
/** Who a consent record is from. */
export type ConsentSubject = z.infer<typeof ConsentSubjectSchema>;

/** One dated consent record (given or withdrawn) for one purpose. */
export const ConsentRecordSchema = z.object({
  subject: ConsentSubjectSchema,
  purpose: ConsentPurposeSchema,
  status: z.enum(["given", "withdrawn"], { error: "Samtykket skal være givet eller trukket tilbage" }),
  on: DateSchema,
});
/** One dated consent record. */
export type ConsentRecord = z.infer<typeof ConsentRecordSchema>;

/** The effective consent of one person (or the family) for one purpose on a date. */
export type EffectiveConsent =
  | { status: "given"; on: CalendarDate }
  | { status: "withdrawn"; on: CalendarDate }
  | { status: "missing" };

/**
 * The consent in force on `asOf` for `purpose`: of a person (`personId`, whose own and whose
 * family's records apply) or, without `personId`, of the family's own records. Records dated after
 * `asOf` are ignored; on the same day a withdrawal beats a consent.
 */
export function findEffectiveConsent(
  records: readonly ConsentRecord[],
  query: { familyId: string; personId?: string; purpose: ConsentPurpose; asOf: CalendarDate },
): EffectiveConsent {
  let latest: ConsentRecord | undefined;
  for (const r of records) {
    if (r.purpose !== query.purpose || compareDates(r.on, query.asOf) > 0) continue;
    const applies =
      r.subject.kind === "family"
        ? r.subject.familyId === query.familyId
        : query.personId !== undefined && r.subject.personId === query.personId;
    if (!applies) continue;
    if (
      !latest ||
      compareDates(r.on, latest.on) > 0 ||
      (r.on === latest.on && r.status === "withdrawn" && latest.status === "given")
    ) {
      latest = r;
    }
  }
  return latest ? { status: latest.status, on: latest.on } : { status: "missing" };
}
