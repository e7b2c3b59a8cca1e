/**
 * Small-cell suppression of aggregate counts of families, and the investor's view of a settlement
 * (issue 6 §5: the investor sees aggregate outcomes per goal and track, never a person, a name or a
 * family id). Pure and deterministic. See docs/investor-view.md.
 *
 * The rule, for counts of families linked by additive lines (total = Σ parts):
 *   1. primary: every cell with 1 … min − 1 families (default min = 5) is hidden, totals included;
 *      0 stays visible (no family can be recognised in an empty group);
 *   2. complementary: no hidden cell may follow from the visible cells. The lines (and any further
 *      linear facts the reader knows, e.g. a share published with a payment) are solved together by
 *      exact elimination; for every hidden cell they pin down, one more cell is hidden: the smallest
 *      visible non-zero part of a line through it, then such a line's total, then the smallest visible
 *      non-zero cell anywhere — the first that frees the cell and is not pinned itself (else the first
 *      that is not pinned itself, else the first). A line with exactly one hidden cell is the simplest
 *      case. The choice is greedy: it may hide more than the fewest cells possible;
 *   3. group: where a line's total is known, its unknown parts add up to a known sum S. When
 *      0 < S < min they form a small group of their own, and when S equals the number of unknown parts
 *      each of them is 1 (hidden cells are never 0); either way one more part (or the total) is hidden;
 *   4. repeat 2–3 until nothing changes (at most one step per cell).
 * A hidden cell that a fact pins down whatever else is hidden (e.g. a rate-card payment = price × met)
 * cannot be protected: it stays hidden, is reported as derivable, and the rest is protected around it.
 */

import type { CalendarDate } from "../calendar-date";
import type { Ore } from "../money";
import type { InvestorResult } from "./investor";
import type { GoalPayment, Mechanism, RoundingRule } from "./model";
import type { SettlementPeriod } from "./outcomes";
import { fromFraction, toDisplayNumber } from "./rational";
import type { ExplanationNode, Settlement, SettlementWarning } from "./settle";

/** The smallest group of families shown, unless the caller chooses another. */
export const DEFAULT_MIN_CELL_SIZE = 5;

/** A count as shown: its value, or hidden. */
export type SuppressedCell = { value: number } | { suppressed: true };

/** Options of the suppression functions. */
export interface SuppressionOptions {
  /** Cells with 1 … minCellSize − 1 families are hidden (an integer ≥ 1; default 5; 1 hides nothing). */
  minCellSize?: number;
}

/** Cells of counts linked by additive lines. */
export interface LinkedCountsInput {
  /** Every cell once, with a unique key; values are non-negative safe integers. */
  cells: readonly { key: string; value: number }[];
  /** Additive identities: value(total) = Σ value(parts), each part once. They must hold. */
  lines: readonly { total: string; parts: readonly string[] }[];
  /**
   * Further linear facts the reader knows: Σ coefficient × value(key) is known (its value follows from
   * the cells). E.g. a published share met/counted = 3/5 is `[{ key: met, coefficient: 5 },
   * { key: counted, coefficient: -3 }]`; a single term means the cell itself is known.
   */
  facts?: readonly (readonly { key: string; coefficient: number }[])[];
}

/** The result of `suppressLinkedCounts`. */
export interface LinkedCountsResult {
  /** Per key: `{ value }` or `{ suppressed: true }`. */
  cells: Record<string, SuppressedCell>;
  /** The hidden keys, in input order. */
  suppressedKeys: string[];
  /**
   * Hidden keys the reader can still work out. Only facts can cause this (a fact that pins a cell
   * whatever else is hidden); without facts it is always empty.
   */
  derivableKeys: string[];
  minCellSize: number;
}

interface Equation {
  terms: { cell: number; coefficient: bigint }[];
}

interface IndexedLine {
  total: number;
  parts: number[];
}

type Problem = { kind: "determined"; cell: number } | { kind: "group"; line: number };

function checkMinCellSize(min: number): void {
  if (!Number.isSafeInteger(min) || min < 1)
    throw new RangeError(`minCellSize must be an integer ≥ 1: ${min}`);
}

/**
 * Hides small counts and enough complementary counts that no hidden count can be worked out from the
 * visible ones (see the module comment for the rule). Deterministic: the same input gives the same
 * cells; ties between equal candidates go to the earlier part of the line, then the earlier cell.
 *
 * Guarantees, with `derivableKeys` empty (always so without facts): every cell with 1 … min − 1 is
 * hidden and every 0 is visible; no hidden cell is determined by the lines and facts together (so every
 * line has 0 or ≥ 2 hidden cells); where a line's total is known, its unknown parts add up to 0, or to
 * at least `min` and more than their number. Not covered: bounds from several lines at once (interval
 * disclosure) beyond the group rule.
 * @throws RangeError for a negative or non-integer count, a duplicate or unknown key, a line that does
 * not add up or repeats a cell, a non-integer coefficient, or a bad minCellSize.
 */
export function suppressLinkedCounts(
  input: LinkedCountsInput,
  options: SuppressionOptions = {},
): LinkedCountsResult {
  const min = options.minCellSize ?? DEFAULT_MIN_CELL_SIZE;
  checkMinCellSize(min);
  const index = new Map<string, number>();
  for (const [i, c] of input.cells.entries()) {
    if (index.has(c.key)) throw new RangeError(`Duplicate cell key: ${c.key}`);
    if (!Number.isSafeInteger(c.value) || c.value < 0)
      throw new RangeError(`${c.key}: a count must be a non-negative integer`);
    index.set(c.key, i);
  }
  const at = (key: string): number => {
    const i = index.get(key);
    if (i === undefined) throw new RangeError(`Unknown cell key: ${key}`);
    return i;
  };
  const values = input.cells.map((c) => c.value);
  const lines: IndexedLine[] = input.lines.map((l, li) => {
    const line = { total: at(l.total), parts: l.parts.map(at) };
    const members = new Set([line.total, ...line.parts]);
    if (members.size !== line.parts.length + 1) throw new RangeError(`Line ${li} repeats a cell`);
    const sum = line.parts.reduce((s, p) => s + values[p]!, 0);
    if (sum !== values[line.total]) throw new RangeError(`Line ${li} does not add up: ${l.total} ≠ Σ parts`);
    return line;
  });
  const equations: Equation[] = [
    ...lines.map((l) => ({
      terms: [{ cell: l.total, coefficient: 1n }, ...l.parts.map((cell) => ({ cell, coefficient: -1n }))],
    })),
    ...(input.facts ?? []).map((fact, fi) => {
      const byCell = new Map<number, bigint>();
      for (const t of fact) {
        if (!Number.isSafeInteger(t.coefficient))
          throw new RangeError(`Fact ${fi}: coefficients are integers`);
        const cell = at(t.key);
        byCell.set(cell, (byCell.get(cell) ?? 0n) + BigInt(t.coefficient));
      }
      return {
        terms: [...byCell.entries()]
          .filter(([, c]) => c !== 0n)
          .map(([cell, coefficient]) => ({ cell, coefficient })),
      };
    }),
  ];

  const determined = (hidden: readonly boolean[]) => determinedCells(equations, hidden);
  // Cells a fact pins whatever is hidden: nothing can protect them (only facts can do this).
  const inherent = determined(values.map((v) => v > 0));
  const hidden = values.map((v) => v > 0 && v < min);

  const isGroupProblem = (line: IndexedLine, h: readonly boolean[], det: ReadonlySet<number>): boolean => {
    if (h[line.total] && !det.has(line.total)) return false;
    const unknown = line.parts.filter((p) => h[p] && !det.has(p));
    const sum = unknown.reduce((s, p) => s + values[p]!, 0);
    return unknown.length > 0 && (sum < min || sum === unknown.length);
  };

  const problems = (det: ReadonlySet<number>): Problem[] => [
    ...[...det].filter((c) => !inherent.has(c)).map((cell) => ({ kind: "determined" as const, cell })),
    ...lines.flatMap((l, line) => (isGroupProblem(l, hidden, det) ? [{ kind: "group" as const, line }] : [])),
  ];

  const byValue = (a: number, b: number) => values[a]! - values[b]!;
  const visibleNonZero = (cells: readonly number[]) => cells.filter((c) => !hidden[c] && values[c]! > 0);
  const lineCandidates = (l: IndexedLine) => [
    ...visibleNonZero(l.parts).sort(byValue), // stable: ties keep the line's order
    ...visibleNonZero([l.total]),
  ];

  /** The complementary cell for a problem, or null when there is none. */
  const complementFor = (problem: Problem): number | null => {
    let candidates: number[];
    let isResolved: (h: boolean[], det: ReadonlySet<number>) => boolean;
    if (problem.kind === "determined") {
      const c = problem.cell;
      const through = lines.filter((l) => l.total === c || l.parts.includes(c));
      candidates = [
        ...visibleNonZero(through.flatMap((l) => l.parts)).sort(byValue),
        ...visibleNonZero(through.map((l) => l.total)),
        ...equations
          .slice(lines.length)
          .filter((e) => e.terms.some((t) => t.cell === c))
          .flatMap((e) => visibleNonZero(e.terms.map((t) => t.cell)).sort(byValue)),
        ...visibleNonZero(values.map((_, i) => i)).sort(byValue),
      ];
      isResolved = (_h, det) => !det.has(c);
    } else {
      const line = lines[problem.line]!;
      candidates = lineCandidates(line);
      isResolved = (h, det) => !isGroupProblem(line, h, det);
    }
    candidates = [...new Set(candidates)];
    // Best: resolves the problem and is itself protected; next: is itself protected; last: any (progress).
    let fallback: number | null = null;
    for (const x of candidates) {
      const trial = hidden.slice();
      trial[x] = true;
      const det = determined(trial);
      if (det.has(x)) continue;
      if (isResolved(trial, det)) return x;
      fallback ??= x;
    }
    return fallback ?? candidates[0] ?? null;
  };

  const unfixable = new Set<string>();
  for (;;) {
    let next: number | null = null;
    for (const problem of problems(determined(hidden))) {
      const id = problem.kind === "determined" ? `c${problem.cell}` : `l${problem.line}`;
      if (unfixable.has(id)) continue;
      next = complementFor(problem);
      if (next !== null) break;
      unfixable.add(id);
    }
    if (next === null) break;
    hidden[next] = true;
  }

  const det = determined(hidden);
  const keys = input.cells.map((c) => c.key);
  return {
    cells: Object.fromEntries(
      keys.map((k, i) => [k, hidden[i] ? { suppressed: true } : { value: values[i]! }]),
    ),
    suppressedKeys: keys.filter((_, i) => hidden[i]),
    derivableKeys: keys.filter((_, i) => hidden[i] && det.has(i)),
    minCellSize: min,
  };
}

/**
 * The hidden cells that the equations pin down once the visible cells are moved to the right-hand side:
 * a cell is determined iff its unit vector lies in the row space of the equations restricted to the
 * hidden cells. Fraction-free Gauss–Jordan elimination over bigint (exact).
 */
function determinedCells(equations: readonly Equation[], hidden: readonly boolean[]): Set<number> {
  const columns: number[] = [];
  const columnOf = new Map<number, number>();
  hidden.forEach((h, cell) => {
    if (h) {
      columnOf.set(cell, columns.length);
      columns.push(cell);
    }
  });
  const rows: bigint[][] = [];
  for (const e of equations) {
    const row = new Array<bigint>(columns.length).fill(0n);
    for (const t of e.terms) {
      const c = columnOf.get(t.cell);
      if (c !== undefined) row[c] = row[c]! + t.coefficient;
    }
    if (row.some((x) => x !== 0n)) rows.push(row);
  }
  const pivots: { row: number; col: number }[] = [];
  for (let c = 0, r = 0; c < columns.length && r < rows.length; c++) {
    const p = rows.findIndex((row, i) => i >= r && row[c] !== 0n);
    if (p < 0) continue;
    [rows[r], rows[p]] = [rows[p]!, rows[r]!];
    const pivotRow = rows[r]!;
    const pv = pivotRow[c]!;
    for (const [i, row] of rows.entries()) {
      const f = row[c]!;
      if (i === r || f === 0n) continue;
      for (let k = 0; k < row.length; k++) row[k] = row[k]! * pv - pivotRow[k]! * f;
      divideByGcd(row);
    }
    pivots.push({ row: r, col: c });
    r++;
  }
  // Reduced: a pivot row has zeros in every other pivot column, so it pins its pivot cell iff it has
  // no entry in a free column.
  const out = new Set<number>();
  for (const { row, col } of pivots) {
    if (rows[row]!.every((x, k) => k === col || x === 0n)) out.add(columns[col]!);
  }
  return out;
}

function divideByGcd(row: bigint[]): void {
  let g = 0n;
  for (const x of row) {
    let a = x < 0n ? -x : x;
    let b = g;
    while (b !== 0n) [a, b] = [b, a % b];
    g = a;
  }
  if (g > 1n) for (let k = 0; k < row.length; k++) row[k] = row[k]! / g;
}

// ---------------------------------------------------------------------------------------------------
// The investor's view of a settlement

/** A count of the investor's view, named by track and goal (never by family). */
export interface CountRef {
  /** null: all families of the settlement. */
  trackCode: string | null;
  /** null: the track's families. */
  goalId: string | null;
  count: "families" | "counted" | "met" | "notMet" | "notMeasurable";
}

/** One goal of one track in the investor's view. */
export interface InvestorGoalView {
  goalId: string;
  name: string;
  measurementPoint: string;
  /** The goal's payment terms (weight/threshold/target, price, or price per day). */
  payment: GoalPayment;
  /** Families in the share's denominator. */
  counted: SuppressedCell;
  met: SuppressedCell;
  notMet: SuppressedCell;
  notMeasurable: SuppressedCell;
  /**
   * As in the settlement, for display (never suppressed): weighted — the attainment a; rate card — the
   * share met / families; per day — days avoided / baseline days.
   */
  attainmentPct: number;
  /** After the rounding step, before floor and cap (never suppressed). */
  uncappedOre: Ore;
  /** Paid (never suppressed). */
  amountOre: Ore;
}

/** One track in the investor's view. */
export interface InvestorTrackView {
  trackCode: string;
  name: string;
  /** The contract's expected number of families (a term of the contract, not a count). */
  expectedFamilies: number;
  /** Families of the track in this settlement. */
  families: SuppressedCell;
  uncappedOre: Ore;
  amountOre: Ore;
  goals: InvestorGoalView[];
}

/** A node of the investor's explanation tree: as the settlement's, without family nodes. */
export interface InvestorExplanationNode {
  kind: Exclude<ExplanationNode["kind"], "family">;
  key: string;
  label: string;
  uncappedOre: Ore;
  amountOre: Ore;
  /** Empty for a goal: its families are left out, so a goal is a leaf here. */
  children: InvestorExplanationNode[];
}

/** What the investor sees of a settlement: money in full, counts as suppressed aggregates, nobody. */
export interface InvestorSettlementView {
  engineVersion: string;
  contract: { contractId: string; version: number; validFrom: CalendarDate; isFullyAccepted: boolean };
  period: SettlementPeriod;
  mechanism: Mechanism["kind"];
  rounding: RoundingRule;
  money: {
    /** Σ E_g before the rounding step, in øre with 2 decimals — display only. */
    exactTotalOreDisplay: number;
    roundedTotalOre: Ore;
    floorOre: Ore;
    capOre: Ore;
    fullRepaymentOre: Ore;
    floorTopUpOre: Ore;
    capReductionOre: Ore;
    /** R: what the payer repays. */
    totalOre: Ore;
  };
  investor: InvestorResult;
  /** The payer's cost (= total). The settlement's average per family is left out: it reveals the count. */
  municipality: { payerOrganisationId: string; costOre: Ore };
  /** All families of the settlement. */
  families: SuppressedCell;
  tracks: InvestorTrackView[];
  explanation: InvestorExplanationNode;
  warnings: SettlementWarning[];
  suppression: {
    minCellSize: number;
    suppressedCells: number;
    /** Hidden counts the reader can still work out from the shown attainment or payment and the terms. */
    derivable: CountRef[];
    /** Danish, for the reader. */
    notes: string[];
  };
}

/** The model of a settlement's counts: cells, lines and facts for `suppressLinkedCounts`. */
function countModel(settlement: Settlement) {
  const cells: { key: string; value: number }[] = [];
  const refs = new Map<string, CountRef>();
  const lines: { total: string; parts: string[] }[] = [];
  const facts: { key: string; coefficient: number }[][] = [];
  const cell = (key: string, value: number, ref: CountRef) => {
    cells.push({ key, value });
    refs.set(key, ref);
    return key;
  };
  const all = cell(
    "n",
    settlement.tracks.reduce((s, t) => s + t.families, 0),
    { trackCode: null, goalId: null, count: "families" },
  );
  const keys = settlement.tracks.map((t, ti) => {
    const ref = (goalId: string | null, count: CountRef["count"]): CountRef => ({
      trackCode: t.trackCode,
      goalId,
      count,
    });
    const families = cell(`t${ti}`, t.families, ref(null, "families"));
    const goals = t.goals.map((g, gi) => {
      const k = `t${ti}.g${gi}`;
      const met = cell(`${k}.met`, g.met, ref(g.goalId, "met"));
      const notMet = cell(`${k}.notMet`, g.notMet, ref(g.goalId, "notMet"));
      const notMeasurable = cell(`${k}.nm`, g.notMeasurable, ref(g.goalId, "notMeasurable"));
      lines.push({ total: families, parts: [met, notMet, notMeasurable] });
      // Counted is the track's families, except when not-measurable families are excluded.
      let counted = families;
      if (g.counted !== g.families) {
        counted = cell(`${k}.counted`, g.counted, ref(g.goalId, "counted"));
        lines.push({ total: counted, parts: [met, notMet] });
      }
      for (const fact of factsShownFor(g.payment, g, met, counted)) facts.push(fact);
      return { met, notMet, notMeasurable, counted };
    });
    return { families, goals };
  });
  lines.push({ total: all, parts: keys.map((k) => k.families) });
  return { cells, lines, facts, refs, keys, all };
}

/**
 * What the shown attainment and payment tell a reader who knows the contract terms, as linear facts.
 * Weighted: a strictly between 0 and 1 gives the share met / counted exactly (x = th + a·(tg − th)), and
 * so does a = 1 with a target of 100 %. Rate card: the attainment shown is the share; and the payment is
 * price × met (family caps aside — treated as known anyway, which only hides more). Per day: the
 * attainment and the payment are in days, not families. Bounds (a = 0 or 1 otherwise) are not facts.
 */
function factsShownFor(
  payment: GoalPayment,
  g: Settlement["tracks"][number]["goals"][number],
  met: string,
  counted: string,
): { key: string; coefficient: number }[][] {
  if (g.counted === 0 || g.met === 0) return [];
  const share = fromFraction(g.share);
  const ratio = [
    { key: met, coefficient: Number(share.d) },
    { key: counted, coefficient: -Number(share.n) },
  ];
  if (payment.kind === "weighted") {
    const a = fromFraction(g.attainment);
    const isExact = (a.n > 0n && a.n < a.d) || (a.n === a.d && payment.targetBps === 10_000);
    return isExact ? [ratio] : [];
  }
  if (payment.kind === "price")
    return payment.priceOre > 0 ? [ratio, [{ key: met, coefficient: 1 }]] : [ratio];
  return [];
}

function stripFamilies(node: ExplanationNode): InvestorExplanationNode {
  if (node.kind === "family") throw new Error("unreachable: family nodes are filtered by the parent");
  return {
    kind: node.kind,
    key: node.key,
    label: node.label,
    uncappedOre: node.uncappedOre,
    amountOre: node.amountOre,
    children: node.children.filter((c) => c.kind !== "family").map(stripFamilies),
  };
}

function suppressionNotes(min: number, hasDerivable: boolean): string[] {
  if (min <= 1) return ["Ingen tal er skjult (mindste gruppestørrelse er 1)."];
  const small = min === 2 ? "1 familie" : `1–${min - 1} familier`;
  const notes = [
    `Tal for grupper med ${small} vises ikke; det gælder også totaler.`,
    "Flere tal er skjult, så et skjult tal ikke kan regnes ud fra de viste tal, totaler og andele.",
  ];
  if (hasDerivable)
    notes.push(
      "Nogle skjulte antal kan regnes ud af et måls viste målopfyldelse eller betaling og kontraktens vilkår. " +
        "Beløb vises altid, fordi de er kontraktlige betalinger til investor.",
    );
  return notes;
}

/**
 * The investor's view of a settlement: contract, period, money (never suppressed), the investor's
 * result, the payer's cost, and per track and goal the counts of families suppressed with
 * `suppressLinkedCounts` — no family id, per-family line, family node or not-measurable reason. The
 * counts are linked by: track families = met + not met + not measurable (per goal), counted = met +
 * not met (when not-measurable families are excluded), all families = Σ tracks; and by what the shown
 * attainment and payment reveal (see `factsShownFor`): such counts are treated as known to the reader
 * when complementary cells are chosen, and listed in `suppression.derivable` if hidden. JSON-safe.
 * @throws RangeError for a bad minCellSize.
 */
export function investorViewOfSettlement(
  settlement: Settlement,
  options: SuppressionOptions = {},
): InvestorSettlementView {
  const model = countModel(settlement);
  const result = suppressLinkedCounts(model, options);
  const shown = (key: string): SuppressedCell => ({ ...result.cells[key]! });
  const derivable = result.derivableKeys.map((k) => model.refs.get(k)!);
  const s = settlement;
  return {
    engineVersion: s.engineVersion,
    contract: {
      contractId: s.contract.contractId,
      version: s.contract.version,
      validFrom: s.contract.validFrom,
      isFullyAccepted: s.contract.isFullyAccepted,
    },
    period: { ...s.period },
    mechanism: s.mechanism,
    rounding: { ...s.rounding },
    money: {
      exactTotalOreDisplay: toDisplayNumber(fromFraction(s.exactTotal), 2),
      roundedTotalOre: s.roundedTotalOre,
      floorOre: s.floorOre,
      capOre: s.capOre,
      fullRepaymentOre: s.fullRepaymentOre,
      floorTopUpOre: s.floorTopUpOre,
      capReductionOre: s.capReductionOre,
      totalOre: s.totalOre,
    },
    investor: {
      ...s.investor,
      returnMultiple: { ...s.investor.returnMultiple },
      cashFlows: s.investor.cashFlows.map((f) => ({ ...f })),
    },
    municipality: {
      payerOrganisationId: s.municipality.payerOrganisationId,
      costOre: s.municipality.costOre,
    },
    families: shown(model.all),
    tracks: s.tracks.map((t, ti) => {
      const k = model.keys[ti]!;
      return {
        trackCode: t.trackCode,
        name: t.name,
        expectedFamilies: t.expectedFamilies,
        families: shown(k.families),
        uncappedOre: t.uncappedOre,
        amountOre: t.amountOre,
        goals: t.goals.map((g, gi) => {
          const gk = k.goals[gi]!;
          return {
            goalId: g.goalId,
            name: g.name,
            measurementPoint: g.measurementPoint,
            payment: { ...g.payment },
            counted: shown(gk.counted),
            met: shown(gk.met),
            notMet: shown(gk.notMet),
            notMeasurable: shown(gk.notMeasurable),
            attainmentPct: g.attainmentPct,
            uncappedOre: g.uncappedOre,
            amountOre: g.amountOre,
          };
        }),
      };
    }),
    explanation: stripFamilies(s.explanation),
    warnings: s.warnings.map((w) => ({ ...w })),
    suppression: {
      minCellSize: result.minCellSize,
      suppressedCells: result.suppressedKeys.length,
      derivable,
      notes: suppressionNotes(result.minCellSize, derivable.length > 0),
    },
  };
}
