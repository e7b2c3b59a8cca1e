/**
 * Small zod building blocks shared by the progression schemas (instrument, measurement, schedule,
 * outcome rule). Internal to the module: the public names are the schemas built from them.
 */
import { z } from "zod";
import { isCalendarDate } from "../calendar-date.js";

/** A real calendar date `YYYY-MM-DD`, typed as `CalendarDate`. */
export const DateSchema = z
  .string({ error: "Skal være en dato (ÅÅÅÅ-MM-DD)" })
  .refine(isCalendarDate, { message: "Skal være en gyldig dato (ÅÅÅÅ-MM-DD)" });

/** A machine code: lower-case letters, digits and single hyphens, e.g. `school-absence`. */
export const CodeSchema = z
  .string({ error: "Skal udfyldes" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    message: "Koden må kun bestå af små bogstaver, tal og bindestreger (fx school-absence)",
  })
  .max(64, { message: "Koden må højst være 64 tegn" });

/** A non-empty text shown to people. */
export const LabelSchema = z
  .string({ error: "Skal udfyldes" })
  .trim()
  .min(1, { message: "Skal udfyldes" })
  .max(500, { message: "Højst 500 tegn" });

/** A non-empty id (uuid or other opaque key). */
export const IdSchema = z.string({ error: "Skal udfyldes" }).min(1, { message: "Skal udfyldes" });

/** A finite number. */
export const FiniteNumberSchema = z.number({ error: "Skal være et tal" }).finite();
