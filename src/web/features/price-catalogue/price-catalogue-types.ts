import type { z } from "zod";
import type {
  PriceIndexRowSchema,
  PriceIndexSchema,
  UnitPriceInputSchema,
  UnitPriceSchema,
} from "../../../contracts/business-case.js";

/** A unit price of the national catalogue (organisationId null) or of an organisation. */
export type UnitPrice = z.infer<typeof UnitPriceSchema>;
export type UnitPriceInput = z.input<typeof UnitPriceInputSchema>;
/** An organisation's net price index (or the national one). */
export type PriceIndex = z.infer<typeof PriceIndexSchema>;
export type PriceIndexRow = z.infer<typeof PriceIndexRowSchema>;
