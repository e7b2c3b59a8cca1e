/**
 * The investor's result: repaid vs invested, loss, return multiple (exact) and the internal rate of
 * return from dated cash flows (XIRR convention). IRR is a display figure, never money: it is solved in
 * floating point by bisection, which cannot fail to converge once a root is bracketed.
 */

import { type CalendarDate, compareDates, daysBetween } from "../calendar-date";
import { max, type Ore, ore, subtract, sum } from "../money";
import { type Fraction, rational, toDisplayNumber, toFraction } from "./rational";

/** A dated cash flow seen from the investor: negative = paid out (disbursement), positive = received. */
export interface CashFlow {
  date: CalendarDate;
  amountOre: Ore;
}

/** XIRR's day count: years = days / 365 (actual/365 fixed), as in spreadsheet XIRR. */
export const XIRR_DAYS_PER_YEAR = 365;

/**
 * The precision of `xirr`: the returned annual rate r satisfies |r − r*| ≤ IRR_PRECISION × (1 + r*)
 * where r* is the exact root of the floating-point NPV (bisection on ln(1 + r) down to a width of 1e-13).
 */
export const IRR_PRECISION = 1e-10;

const LN_LOW = -1e5; // 1 + r = e^-100000: far below any rate expressible in øre
const LN_HIGH = 1e5;

/**
 * The annual internal rate of return of dated cash flows, XIRR-style: the r with
 * Σ amount_i / (1 + r)^(days_i / 365) = 0, days counted from the earliest flow.
 *
 * Returns null when the rate is undefined or not unique: fewer than two dates, or the date-ordered net
 * flows do not change sign exactly once (all paid out, e.g. a repayment of 0; all received; or
 * out–in–out patterns with possibly several roots). With exactly one sign change the root is unique
 * in (−100 %, ∞) (Descartes' rule of signs for generalised polynomials) and bisection finds it.
 * Precision: see `IRR_PRECISION`.
 */
export function xirr(flows: readonly CashFlow[]): number | null {
  const byDate = new Map<CalendarDate, bigint>();
  for (const f of flows) byDate.set(f.date, (byDate.get(f.date) ?? 0n) + BigInt(f.amountOre));
  const dated = [...byDate.entries()]
    .filter(([, a]) => a !== 0n)
    .sort(([a], [b]) => compareDates(a, b))
    .map(([date, amount]) => ({ date, amount: Number(amount) }));
  if (dated.length < 2) return null;
  let signChanges = 0;
  for (let i = 1; i < dated.length; i++)
    if (Math.sign(dated[i]!.amount) !== Math.sign(dated[i - 1]!.amount)) signChanges++;
  if (signChanges !== 1) return null;

  const first = dated[0]!.date;
  const last = dated[dated.length - 1]!.date;
  const span = daysBetween(first, last) / XIRR_DAYS_PER_YEAR;
  const times = dated.map((f) => daysBetween(first, f.date) / XIRR_DAYS_PER_YEAR);
  // Sign of NPV at ln(1 + r) = y, computed without overflow: for y < 0 as the value at the last date
  // (factors e^{y(T − t)} ≤ 1), for y ≥ 0 as the value at the first date (factors e^{−y t} ≤ 1). Both
  // differ from NPV by a positive factor, so they have the same sign and the same root.
  const value = (y: number): number => {
    let s = 0;
    for (let i = 0; i < dated.length; i++) {
      const exponent = y < 0 ? y * (span - times[i]!) : -y * times[i]!;
      s += dated[i]!.amount * Math.exp(exponent);
    }
    return s;
  };
  let lo = LN_LOW;
  let hi = LN_HIGH;
  const signLo = Math.sign(value(lo));
  const signHi = Math.sign(value(hi));
  if (signLo === 0) return Math.expm1(lo);
  if (signHi === 0) return Math.expm1(hi);
  if (signLo === signHi) return null;
  for (let i = 0; i < 400 && hi - lo > 1e-13; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid === lo || mid === hi) break;
    const s = Math.sign(value(mid));
    if (s === 0) return Math.expm1(mid);
    if (s === signLo) lo = mid;
    else hi = mid;
  }
  return Math.expm1(lo + (hi - lo) / 2);
}

/** The investor's result of a settlement or of a whole contract. */
export interface InvestorResult {
  /** Σ disbursements (øre). */
  investedOre: Ore;
  /** Σ repayments (øre). */
  repaidOre: Ore;
  /** repaid − invested (øre, may be negative). */
  netOre: Ore;
  /** max(0, invested − repaid) (øre): the shortfall the investor covers. */
  lossOre: Ore;
  /** repaid / invested, exact. */
  returnMultiple: Fraction;
  /** repaid / invested for display (6 decimals). */
  returnMultipleDisplay: number;
  /** Annual IRR (0.1 = 10 %), see `xirr`; null when undefined. */
  irr: number | null;
  /** The cash flows used, date-ordered: disbursements negative, repayments positive. */
  cashFlows: CashFlow[];
}

/**
 * The investor's result from dated disbursements (paid by the investor, given as positive amounts) and
 * dated repayments (received, positive).
 * @throws RangeError when nothing was invested or an amount is negative.
 */
export function calculateInvestorResult(
  disbursements: readonly CashFlow[],
  repayments: readonly CashFlow[],
): InvestorResult {
  if ([...disbursements, ...repayments].some((f) => f.amountOre < 0))
    throw new RangeError("Disbursements and repayments are given as positive amounts");
  const investedOre = sum(disbursements.map((d) => d.amountOre));
  if (investedOre <= 0) throw new RangeError("Nothing was invested");
  const repaidOre = sum(repayments.map((r) => r.amountOre));
  const multiple = rational(repaidOre, investedOre);
  const cashFlows = [
    ...disbursements.map((d) => ({ date: d.date, amountOre: ore(-d.amountOre) })),
    ...repayments.map((r) => ({ date: r.date, amountOre: r.amountOre })),
  ].sort((a, b) => compareDates(a.date, b.date) || a.amountOre - b.amountOre);
  return {
    investedOre,
    repaidOre,
    netOre: subtract(repaidOre, investedOre),
    lossOre: max(ore(0), subtract(investedOre, repaidOre)),
    returnMultiple: toFraction(multiple),
    returnMultipleDisplay: toDisplayNumber(multiple),
    irr: xirr(cashFlows),
    cashFlows,
  };
}
