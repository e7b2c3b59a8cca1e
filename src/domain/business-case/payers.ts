/**
 * Who pays and who gains. SØM splits unit prices by payer (municipality, region, state) after
 * reimbursement; cost lines have a single payer.
 */

import { allocate, type Ore, ZERO } from "../money";

/** The public payers, in display order. */
export const PAYERS = ["municipality", "region", "state"] as const;

/** A public payer. */
export type Payer = (typeof PAYERS)[number];

/** Shares in percent per payer; missing payers have 0 %. The shares sum to 100. */
export type PayerSharesPct = Partial<Record<Payer, number>>;

/** The default split: everything falls to the municipality. */
export const MUNICIPALITY_ONLY: Readonly<PayerSharesPct> = Object.freeze({ municipality: 100 });

/** Danish names of the payers (for labels). */
export const PAYER_LABELS_DA: Readonly<Record<Payer, string>> = Object.freeze({
  municipality: "Kommune",
  region: "Region",
  state: "Stat",
});

/**
 * Integer weights (1/10,000 of a percentage point) for `allocate`, in `PAYERS` order.
 * Shares with more than four decimals are rounded half-up to four.
 */
export function payerWeights(shares: PayerSharesPct): number[] {
  return PAYERS.map((p) => Math.round((shares[p] ?? 0) * 10_000));
}

/** An amount per payer, all zero. */
export function zeroByPayer(): Record<Payer, Ore> {
  return { municipality: ZERO, region: ZERO, state: ZERO };
}

/**
 * Splits an amount by payer weights so that the parts add up to the amount exactly (largest
 * remainder, see `allocate` in money.ts).
 * @param weights integer weights in `PAYERS` order, not all zero (see `payerWeights`).
 * @throws MoneyError when the weights are all zero or negative.
 */
export function splitByPayer(amount: Ore, weights: readonly number[]): Record<Payer, Ore> {
  const [municipality, region, state] = allocate(amount, weights) as [Ore, Ore, Ore];
  return { municipality, region, state };
}
