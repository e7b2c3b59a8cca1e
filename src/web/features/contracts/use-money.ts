import type { Ore } from "../../../domain/money.js";
import { useFormatters } from "../../lib/use-formatters.js";

/**
 * Øre from the API as Danish kroner with øre ("1.209.600,00 kr."). The API's amounts are whole øre
 * (the shared schemas check it), so they are branded here, at the edge where they are shown.
 */
export function useMoney(): (amountOre: number) => string {
  const format = useFormatters();
  return (amountOre) => format.money(amountOre as Ore);
}
