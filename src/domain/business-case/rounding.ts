/**
 * The one rounding step of the business-case engine. Modelled quantities (effect stocks, success
 * rates, discount factors, drawn prices) are floats; a value becomes money exactly once, here:
 *
 *   savings of an effect in a year   = round(unit price [øre/yr] × stock [persons or events])
 *   cost of a cost line in a year    = round(amount [øre] × multiplier [1, slots, or 0])
 *   discounted net of a year         = round(net [øre] × discount factor)
 *
 * Everything after that (totals, per-payer splits, accumulated balances, NPV) is exact integer
 * arithmetic on øre.
 */

import { type Ore, ore } from "../money";

/**
 * Rounds a modelled value in øre to whole øre, half away from zero (2.5 → 3, −2.5 → −3). Never
 * returns −0. Works on plain numbers so the Monte Carlo kernel can use it without allocation.
 */
export function roundToWholeOre(valueOre: number): number {
  const rounded = valueOre < 0 ? -Math.round(-valueOre) : Math.round(valueOre);
  return rounded === 0 ? 0 : rounded;
}

/**
 * `roundToWholeOre`, branded as `Ore`.
 * @throws MoneyError when the rounded value is not a safe integer (beyond ±2^53 øre, or NaN).
 */
export function toOre(valueOre: number): Ore {
  return ore(roundToWholeOre(valueOre));
}
