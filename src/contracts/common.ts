import { z } from "zod";
import { isCalendarDate } from "../domain/calendar-date.js";

export const UuidSchema = z.uuid({ message: "Ugyldigt id" });
export const CalendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: "Datoen skal være en gyldig dato (ÅÅÅÅ-MM-DD)" });
export const IdParamSchema = z.object({ id: UuidSchema });
export const InstantSchema = z.string().describe("ISO 8601 instant");
export const OkSchema = z.object({ ok: z.literal(true) }).meta({ id: "Ok" });
