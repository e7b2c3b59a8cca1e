/**
 * The input of a business case (SØM style): settings, the effort's capacity and costs, the success
 * rate, the effects with their unit prices and payers, and named variants. `validateScenario` reads
 * untrusted input (API body, imported JSON, a form) and returns either a clean scenario or Danish
 * messages keyed by field path.
 *
 * Units are in the names: `…Ore` is whole øre, `…Pct` is percent (0–100), `…Years`/`…Months` are
 * durations, `…Year` is a calendar year or a year of the horizon (1 = the first year).
 */

import { type Ore, ore } from "../money";
import { PAYERS, type Payer, type PayerSharesPct } from "./payers";
import { BusinessCaseInputError, type FieldErrors, FieldValidator, joinPath } from "./validation";

/** The longest horizon a scenario may have, in years. */
export const MAX_HORIZON_YEARS = 30;

/** The state's social discount rate, 3.5 % real (Finansministeriet), used when none is given. */
export const DEFAULT_DISCOUNT_RATE_PCT = 3.5;

/** How many families the effort holds and how fast courses end. */
export interface Capacity {
  /** Families in the effort at the same time (slots); a whole number ≥ 0. */
  familiesAtATime: number;
  /** Mean length of a course in months (> 0). */
  courseLengthMonths: number;
  /** Share of the courses that end as completed (the rest stop early, e.g. at the review), 0–100. Default 100. */
  completedSharePct?: number;
  /** Throughput in year 1 as a share of a full year's throughput (ramp-up), 0–100. Default 100. */
  rampUpSharePct?: number;
}

interface CostLineBase {
  /** Unique among the scenario's cost lines. */
  id: string;
  /** Shown to the user, e.g. "4 medarbejdere". */
  name: string;
  /** Who pays the cost. */
  payer: Payer;
  /** Whole øre ≥ 0: per year, per family slot per year, or once, depending on `kind`. */
  amountOre: Ore;
}

/** A cost paid every year (from `fromYear` to `toYear`, default the whole horizon). */
export interface FixedCostLine extends CostLineBase {
  kind: "fixed-per-year";
  /** First year of the horizon with the cost (1-based, default 1). */
  fromYear?: number;
  /** Last year of the horizon with the cost (1-based, default the horizon). */
  toYear?: number;
}

/** A cost per family slot per year (`amountOre` × `capacity.familiesAtATime`), in the years given. */
export interface PerSlotCostLine extends CostLineBase {
  kind: "per-slot-per-year";
  /** First year of the horizon with the cost (1-based, default 1). */
  fromYear?: number;
  /** Last year of the horizon with the cost (1-based, default the horizon). */
  toYear?: number;
}

/** A cost paid once, in year `year` of the horizon. */
export interface OneOffCostLine extends CostLineBase {
  kind: "one-off";
  /** The year of the horizon (1-based) in which the cost falls. */
  year: number;
}

/** One line of the effort's costs. */
export type CostLine = FixedCostLine | PerSlotCostLine | OneOffCostLine;

interface EffectBase {
  /** Unique among the scenario's effects. */
  id: string;
  /** Shown to the user, e.g. "Færre på kontanthjælp". */
  name: string;
  /** What one unit of the effect stock saves per year, in whole øre ≥ 0, at the scenario's price year. */
  unitPriceOrePerYear: Ore;
  /** Optional reference to a price in the price catalogue (checked only when the caller passes the known ones). */
  priceRef?: string;
  /** Who gains the savings, in percent per payer, summing to 100. Default: 100 % municipality. */
  payerSharesPct?: PayerSharesPct;
  /** Years from the cause (a completed course, or the year of a prevented event) to the effect; 0 = the same year. May be fractional (interpolated). Default 0. */
  lagYears?: number;
  /** When set, the stock is frozen after this year of the horizon: later years keep year T's stock (no further accumulation, no further attrition). */
  freezeAfterYear?: number;
}

/**
 * An effect caused by successful courses: each year's successes (completed courses × success rate)
 * add `personsPerSuccess` to the stock after `lagYears`, for `durationYears` years (null = permanent).
 */
export interface SuccessDrivenEffect extends EffectBase {
  kind: "success-driven";
  /** Persons (or cases) affected per successful course, ≥ 0. */
  personsPerSuccess: number;
  /** How many years each success counts (a whole number ≥ 1), or null for a permanent effect. */
  durationYears: number | null;
  /** When set, this effect uses this success rate (0–100) instead of the scenario's: it does not scale with it. */
  pinnedSuccessRatePct?: number;
}

/**
 * An effect that does not depend on the success rate: `eventsPerYear` events prevented each year, of
 * which the share `survivalPct[k − 1]` is still prevented k years later.
 */
export interface FixedEffect extends EffectBase {
  kind: "fixed";
  /** Events prevented per year (e.g. 1 placement), ≥ 0. */
  eventsPerYear: number;
  /**
   * Share (0–100) of a year's prevented events still prevented 1, 2, 3 … years later. Beyond the end of
   * the list the last share holds; an empty or missing list means no attrition (100 % for ever).
   */
  survivalPct?: number[];
}

/** An effect of the effort, priced per unit of stock per year. */
export type Effect = SuccessDrivenEffect | FixedEffect;

/** A named variant of the scenario, e.g. "25 % succes". */
export interface Variant {
  /** Unique among the scenario's variants. */
  id: string;
  /** Shown to the user. */
  name: string;
  /** The variant's success rate (0–100); default the scenario's. */
  successRatePct?: number;
  /** Success-driven effects that scale with the variant's success rate; the others keep the scenario's rate. Default: all. */
  scaledEffectIds?: string[];
}

/** A business-case scenario. */
export interface Scenario {
  /** Shown to the user. */
  name: string;
  /** The price level of every amount in the scenario (calendar year). */
  priceYear: number;
  /** The calendar year of year 1 of the horizon. */
  startYear: number;
  /** Number of years calculated, 1–30. */
  horizonYears: number;
  /** Real discount rate in percent per year, 0–100. Default 3.5 (`DEFAULT_DISCOUNT_RATE_PCT`). */
  discountRatePct?: number;
  /** Families at a time, course length, completion share, ramp-up. */
  capacity: Capacity;
  /** Share of completed courses that succeed, 0–100 (12.5 = every 8th course). */
  successRatePct: number;
  /** The effort's costs. */
  costLines: CostLine[];
  /** The effects, each with a unit price and a payer split. */
  effects: Effect[];
  /** Named variants (optional). */
  variants?: Variant[];
}

/** Options for `validateScenario`. */
export interface ValidateScenarioOptions {
  /** When given, every effect's `priceRef` must be one of these. */
  knownPriceRefs?: ReadonlySet<string>;
}

/** The outcome of `validateScenario`. */
export type ScenarioValidation = { ok: true; scenario: Scenario } | { ok: false; errors: FieldErrors };

const YEAR_RULE = { min: 1900, max: 2200, isInteger: true } as const;
const PCT_RULE = { min: 0, max: 100, rangeMessage: "Skal være mellem 0 og 100 %" } as const;
const MONEY_RULE = { min: 0, isInteger: true, rangeMessage: "Beløbet må ikke være negativt" } as const;

/**
 * Reads and checks a scenario from untrusted input. Fills defaults (discount rate 3.5 %, completion
 * and ramp-up shares 100 %, lag 0, payer split 100 % municipality) and returns a clean copy without
 * unknown fields. Never throws.
 * @returns `{ ok: true, scenario }` or `{ ok: false, errors }` with Danish messages keyed by field
 * path, e.g. `{ "effects.1.lagYears": "Forsinkelsen ligger ud over tidshorisonten (højst 9 år)" }`.
 */
export function validateScenario(input: unknown, options: ValidateScenarioOptions = {}): ScenarioValidation {
  const v = new FieldValidator();
  const root = v.object("", input);
  if (!root) return { ok: false, errors: { "": "Scenariet skal være et objekt" } };

  const name = v.text("name", root.name);
  const priceYear = v.number("priceYear", root.priceYear, YEAR_RULE);
  const startYear = v.number("startYear", root.startYear, YEAR_RULE);
  const horizonYears = v.number("horizonYears", root.horizonYears, {
    min: 1,
    max: MAX_HORIZON_YEARS,
    isInteger: true,
    rangeMessage: `Tidshorisonten skal være 1–${MAX_HORIZON_YEARS} år`,
  });
  const horizon = horizonYears ?? MAX_HORIZON_YEARS;
  const discountRatePct = v.optionalNumber(
    "discountRatePct",
    root.discountRatePct,
    DEFAULT_DISCOUNT_RATE_PCT,
    PCT_RULE,
  );
  const successRatePct = v.number("successRatePct", root.successRatePct, {
    ...PCT_RULE,
    rangeMessage: "Succesraten skal være mellem 0 og 100 %",
  });
  const capacity = readCapacity(v, root.capacity);
  const costLines = readList(v, "costLines", root.costLines, (path, value) =>
    readCostLine(v, path, value, horizon),
  );
  const effects = readList(v, "effects", root.effects, (path, value) =>
    readEffect(v, path, value, horizon, options),
  );
  checkUniqueIds(v, "costLines", costLines);
  checkUniqueIds(v, "effects", effects);
  const variants =
    root.variants === undefined || root.variants === null
      ? undefined
      : readList(v, "variants", root.variants, (path, value) =>
          readVariant(v, path, value, rawEffectKinds(root.effects)),
        );
  if (variants) checkUniqueIds(v, "variants", variants);

  if (
    !v.isValid ||
    name === undefined ||
    priceYear === undefined ||
    startYear === undefined ||
    horizonYears === undefined ||
    successRatePct === undefined ||
    capacity === undefined ||
    costLines === undefined ||
    effects === undefined
  ) {
    return { ok: false, errors: v.errors };
  }
  const scenario: Scenario = {
    name,
    priceYear,
    startYear,
    horizonYears,
    discountRatePct,
    capacity,
    successRatePct,
    costLines: costLines as CostLine[],
    effects: effects as Effect[],
  };
  if (variants) scenario.variants = variants as Variant[];
  return { ok: true, scenario };
}

/**
 * `validateScenario`, throwing on invalid input.
 * @returns the clean scenario with defaults filled.
 * @throws BusinessCaseInputError with Danish messages keyed by field path.
 */
export function parseScenario(input: unknown, options: ValidateScenarioOptions = {}): Scenario {
  const result = validateScenario(input, options);
  if (!result.ok) throw new BusinessCaseInputError(result.errors);
  return result.scenario;
}

function readList<T>(
  v: FieldValidator,
  path: string,
  value: unknown,
  readItem: (path: string, value: unknown) => T | undefined,
): (T | undefined)[] | undefined {
  const items = v.array(path, value);
  return items?.map((item, i) => readItem(joinPath(path, i), item));
}

function checkUniqueIds(
  v: FieldValidator,
  path: string,
  items: readonly ({ id: string } | undefined)[] | undefined,
) {
  const seen = new Set<string>();
  items?.forEach((item, i) => {
    if (!item) return;
    if (seen.has(item.id)) v.fail(joinPath(joinPath(path, i), "id"), "Id'et er allerede brugt");
    seen.add(item.id);
  });
}

function readCapacity(v: FieldValidator, value: unknown): Capacity | undefined {
  const c = v.object("capacity", value);
  if (!c) return undefined;
  const familiesAtATime = v.number("capacity.familiesAtATime", c.familiesAtATime, {
    min: 0,
    isInteger: true,
  });
  const courseLengthMonths = v.number("capacity.courseLengthMonths", c.courseLengthMonths, {
    min: 0,
    isMinExclusive: true,
    max: 600,
    rangeMessage: "Forløbslængden skal være over 0 og højst 600 måneder",
  });
  const completedSharePct = v.optionalNumber(
    "capacity.completedSharePct",
    c.completedSharePct,
    100,
    PCT_RULE,
  );
  const rampUpSharePct = v.optionalNumber("capacity.rampUpSharePct", c.rampUpSharePct, 100, PCT_RULE);
  if (familiesAtATime === undefined || courseLengthMonths === undefined) return undefined;
  return { familiesAtATime, courseLengthMonths, completedSharePct, rampUpSharePct };
}

function readCostLine(
  v: FieldValidator,
  path: string,
  value: unknown,
  horizon: number,
): CostLine | undefined {
  const c = v.object(path, value);
  if (!c) return undefined;
  const at = (key: string) => joinPath(path, key);
  const id = v.text(at("id"), c.id);
  const name = v.text(at("name"), c.name);
  const kind = v.oneOf(
    at("kind"),
    c.kind,
    ["fixed-per-year", "per-slot-per-year", "one-off"] as const,
    "Skal være fast pr. år, pr. familieplads pr. år eller engangsbeløb",
  );
  const payer = v.oneOf(at("payer"), c.payer, PAYERS, "Betaleren skal være kommune, region eller stat");
  const amountOre = v.number(at("amountOre"), c.amountOre, MONEY_RULE);
  const yearRule = {
    min: 1,
    max: horizon,
    isInteger: true,
    rangeMessage: `Året skal ligge inden for tidshorisonten (1–${horizon})`,
  };
  if (kind === "one-off") {
    const year = v.number(at("year"), c.year, yearRule);
    if (
      id === undefined ||
      name === undefined ||
      payer === undefined ||
      amountOre === undefined ||
      year === undefined
    ) {
      return undefined;
    }
    return { id, name, kind, payer, amountOre: ore(amountOre), year };
  }
  const fromYear = v.optionalNumber(at("fromYear"), c.fromYear, undefined, yearRule);
  const toYear = v.optionalNumber(at("toYear"), c.toYear, undefined, yearRule);
  if (fromYear !== undefined && toYear !== undefined && toYear < fromYear) {
    v.fail(at("toYear"), "Slutåret må ikke ligge før startåret");
  }
  if (
    id === undefined ||
    name === undefined ||
    kind === undefined ||
    payer === undefined ||
    amountOre === undefined
  ) {
    return undefined;
  }
  const line: FixedCostLine | PerSlotCostLine = { id, name, kind, payer, amountOre: ore(amountOre) };
  if (fromYear !== undefined) line.fromYear = fromYear;
  if (toYear !== undefined) line.toYear = toYear;
  return line;
}

function readPayerShares(v: FieldValidator, path: string, value: unknown): PayerSharesPct | undefined {
  if (value === undefined || value === null) return { municipality: 100 };
  const o = v.object(path, value);
  if (!o) return undefined;
  const shares: PayerSharesPct = {};
  let total = 0;
  let isValid = true;
  for (const key of Object.keys(o)) {
    if (!(PAYERS as readonly string[]).includes(key)) {
      v.fail(joinPath(path, key), "Ukendt betaler (brug kommune, region eller stat)");
      isValid = false;
      continue;
    }
    const share = v.number(joinPath(path, key), o[key], PCT_RULE);
    if (share === undefined) {
      isValid = false;
      continue;
    }
    if (share > 0) shares[key as Payer] = share;
    total += share;
  }
  if (!isValid) return undefined;
  if (Math.abs(total - 100) > 1e-6) {
    v.fail(path, "Fordelingen på betalere skal give 100 % i alt");
    return undefined;
  }
  return shares;
}

function readEffect(
  v: FieldValidator,
  path: string,
  value: unknown,
  horizon: number,
  options: ValidateScenarioOptions,
): Effect | undefined {
  const e = v.object(path, value);
  if (!e) return undefined;
  const at = (key: string) => joinPath(path, key);
  const id = v.text(at("id"), e.id);
  const name = v.text(at("name"), e.name);
  const kind = v.oneOf(
    at("kind"),
    e.kind,
    ["success-driven", "fixed"] as const,
    "Effekten skal være succesdrevet eller fast",
  );
  const unitPriceOrePerYear = v.number(at("unitPriceOrePerYear"), e.unitPriceOrePerYear, {
    ...MONEY_RULE,
    rangeMessage: "Prisen må ikke være negativ",
  });
  let priceRef: string | undefined;
  if (e.priceRef !== undefined && e.priceRef !== null) {
    priceRef = v.text(at("priceRef"), e.priceRef);
    if (priceRef !== undefined && options.knownPriceRefs && !options.knownPriceRefs.has(priceRef)) {
      v.fail(at("priceRef"), "Ukendt prisreference");
    }
  }
  const payerSharesPct = readPayerShares(v, at("payerSharesPct"), e.payerSharesPct);
  const lagYears = v.optionalNumber(at("lagYears"), e.lagYears, 0, { min: 0 });
  if (lagYears > horizon - 1) {
    v.fail(at("lagYears"), `Forsinkelsen ligger ud over tidshorisonten (højst ${horizon - 1} år)`);
  }
  const freezeAfterYear = v.optionalNumber(at("freezeAfterYear"), e.freezeAfterYear, undefined, {
    min: 1,
    max: MAX_HORIZON_YEARS,
    isInteger: true,
    rangeMessage: `Skal være et år fra 1 til ${MAX_HORIZON_YEARS}`,
  });

  let effect: Effect | undefined;
  if (kind === "success-driven") {
    const personsPerSuccess = v.number(at("personsPerSuccess"), e.personsPerSuccess, { min: 0 });
    let durationYears: number | null | undefined = null;
    if (e.durationYears === undefined) {
      v.fail(at("durationYears"), "Angiv varigheden i år (null for en varig effekt)");
      durationYears = undefined;
    } else if (e.durationYears !== null) {
      durationYears = v.number(at("durationYears"), e.durationYears, { min: 1, isInteger: true });
    }
    const pinnedSuccessRatePct = v.optionalNumber(
      at("pinnedSuccessRatePct"),
      e.pinnedSuccessRatePct,
      undefined,
      {
        ...PCT_RULE,
        rangeMessage: "Succesraten skal være mellem 0 og 100 %",
      },
    );
    if (
      personsPerSuccess !== undefined &&
      durationYears !== undefined &&
      id !== undefined &&
      name !== undefined
    ) {
      effect = {
        id,
        name,
        kind,
        unitPriceOrePerYear: ore(unitPriceOrePerYear ?? 0),
        personsPerSuccess,
        durationYears,
      };
      if (pinnedSuccessRatePct !== undefined) effect.pinnedSuccessRatePct = pinnedSuccessRatePct;
    }
  } else if (kind === "fixed") {
    const eventsPerYear = v.number(at("eventsPerYear"), e.eventsPerYear, { min: 0 });
    let survivalPct: number[] | undefined;
    if (e.survivalPct !== undefined && e.survivalPct !== null) {
      const list = v.array(at("survivalPct"), e.survivalPct);
      if (list && list.length > MAX_HORIZON_YEARS) {
        v.fail(at("survivalPct"), `Højst ${MAX_HORIZON_YEARS} andele`);
      } else if (list) {
        const read = list.map((s, i) => v.number(joinPath(at("survivalPct"), i), s, PCT_RULE));
        if (read.every((s) => s !== undefined)) survivalPct = read as number[];
      }
    }
    if (eventsPerYear !== undefined && id !== undefined && name !== undefined) {
      effect = { id, name, kind, unitPriceOrePerYear: ore(unitPriceOrePerYear ?? 0), eventsPerYear };
      if (survivalPct !== undefined) effect.survivalPct = survivalPct;
    }
  }
  if (!effect || unitPriceOrePerYear === undefined || payerSharesPct === undefined) return undefined;
  if (priceRef !== undefined) effect.priceRef = priceRef;
  effect.payerSharesPct = payerSharesPct;
  effect.lagYears = lagYears;
  if (freezeAfterYear !== undefined) effect.freezeAfterYear = freezeAfterYear;
  return effect;
}

/** Effect id → kind as written in the input (so that one invalid effect does not make its id "unknown"). */
function rawEffectKinds(effects: unknown): Map<unknown, unknown> | undefined {
  if (!Array.isArray(effects)) return undefined;
  return new Map(
    effects.map((e) =>
      typeof e === "object" && e !== null ? [(e as Effect).id, (e as Effect).kind] : [undefined, undefined],
    ),
  );
}

function readVariant(
  v: FieldValidator,
  path: string,
  value: unknown,
  effectKinds: Map<unknown, unknown> | undefined,
): Variant | undefined {
  const o = v.object(path, value);
  if (!o) return undefined;
  const at = (key: string) => joinPath(path, key);
  const id = v.text(at("id"), o.id);
  const name = v.text(at("name"), o.name);
  const successRatePct = v.optionalNumber(at("successRatePct"), o.successRatePct, undefined, {
    ...PCT_RULE,
    rangeMessage: "Succesraten skal være mellem 0 og 100 %",
  });
  let scaledEffectIds: string[] | undefined;
  if (o.scaledEffectIds !== undefined && o.scaledEffectIds !== null) {
    const list = v.array(at("scaledEffectIds"), o.scaledEffectIds);
    if (list) {
      scaledEffectIds = [];
      list.forEach((ref, i) => {
        const refPath = joinPath(at("scaledEffectIds"), i);
        if (typeof ref !== "string" || (effectKinds && !effectKinds.has(ref))) {
          v.fail(refPath, "Ukendt effekt");
        } else if (effectKinds && effectKinds.get(ref) !== "success-driven") {
          v.fail(refPath, "Kun succesdrevne effekter skalerer med succesraten");
        } else {
          scaledEffectIds?.push(ref);
        }
      });
    }
  }
  if (id === undefined || name === undefined) return undefined;
  const variant: Variant = { id, name };
  if (successRatePct !== undefined) variant.successRatePct = successRatePct;
  if (scaledEffectIds !== undefined) variant.scaledEffectIds = scaledEffectIds;
  return variant;
}
