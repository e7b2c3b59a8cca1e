import { PAYERS, type Payer, type Scenario } from "../../../domain/business-case/index.js";
import { MoneyError } from "../../../domain/money.js";
import { kronerText, parseKronerText } from "../../lib/kroner-text.js";

/**
 * The studio edits a *draft*: the scenario's own shape and field names (so that the engine's error
 * paths such as `effects.1.lagYears` point straight at a field), but with what the user typed: numbers
 * as `number | ""`, amounts as text in kroner (`…Kr`), and a React key on every row.
 * `scenarioInputOf` turns it back into the scenario JSON for `validateScenario`.
 */

/** A number field as the inputs hold it: a number, or "" when empty (or text being typed). */
export type NumberValue = number | string;

export interface CostLineDraft {
  key: string;
  id: string;
  name: string;
  kind: "fixed-per-year" | "per-slot-per-year" | "one-off";
  payer: Payer;
  amountKr: string;
  fromYear: NumberValue;
  toYear: NumberValue;
  year: NumberValue;
}

export interface EffectDraft {
  key: string;
  id: string;
  name: string;
  kind: "success-driven" | "fixed";
  unitPriceKr: string;
  priceRef: string;
  payerSharesPct: Record<Payer, NumberValue>;
  lagYears: NumberValue;
  freezeAfterYear: NumberValue;
  personsPerSuccess: NumberValue;
  durationYears: NumberValue;
  isPermanent: boolean;
  pinnedSuccessRatePct: NumberValue;
  eventsPerYear: NumberValue;
  survivalPct: NumberValue[];
}

export interface VariantDraft {
  key: string;
  id: string;
  name: string;
  successRatePct: NumberValue;
  scalesAllEffects: boolean;
  scaledEffectIds: string[];
}

export interface ScenarioDraft {
  name: string;
  priceYear: NumberValue;
  startYear: NumberValue;
  horizonYears: NumberValue;
  discountRatePct: NumberValue;
  successRatePct: NumberValue;
  capacity: {
    familiesAtATime: NumberValue;
    courseLengthMonths: NumberValue;
    completedSharePct: NumberValue;
    rampUpSharePct: NumberValue;
  };
  costLines: CostLineDraft[];
  effects: EffectDraft[];
  variants: VariantDraft[];
}

let keyCounter = 0;
/** A React key for a new row (never sent). */
export function newRowKey(): string {
  keyCounter += 1;
  return `row-${keyCounter}`;
}

/** An id not yet used by `taken`, e.g. `effect-3`. */
export function freshId(prefix: string, taken: readonly { id: string }[]): string {
  const used = new Set(taken.map((x) => x.id));
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!used.has(id)) return id;
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function numberValue(value: unknown): NumberValue {
  return typeof value === "number" && Number.isFinite(value) ? value : "";
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function moneyText(value: unknown, language: string): string {
  return typeof value === "number" ? kronerText(value, language) : "";
}

/** A new cost line (fixed per year, paid by the municipality). */
export function newCostLine(taken: readonly { id: string }[]): CostLineDraft {
  return {
    key: newRowKey(),
    id: freshId("cost", taken),
    name: "",
    kind: "fixed-per-year",
    payer: "municipality",
    amountKr: "",
    fromYear: "",
    toYear: "",
    year: 1,
  };
}

/** A new success-driven effect, permanent, all savings to the municipality. */
export function newEffect(taken: readonly { id: string }[]): EffectDraft {
  return {
    key: newRowKey(),
    id: freshId("effect", taken),
    name: "",
    kind: "success-driven",
    unitPriceKr: "",
    priceRef: "",
    payerSharesPct: { municipality: 100, region: 0, state: 0 },
    lagYears: 0,
    freezeAfterYear: "",
    personsPerSuccess: 1,
    durationYears: "",
    isPermanent: true,
    pinnedSuccessRatePct: "",
    eventsPerYear: 1,
    survivalPct: [],
  };
}

/** A new variant at the given success rate; every success-driven effect follows it. */
export function newVariant(taken: readonly { id: string }[], successRatePct: NumberValue): VariantDraft {
  return {
    key: newRowKey(),
    id: freshId("variant", taken),
    name: "",
    successRatePct,
    scalesAllEffects: true,
    scaledEffectIds: [],
  };
}

/**
 * The draft of a scenario (saved, imported or an example). Tolerant: anything missing or of the
 * wrong type becomes an empty field, so that the engine's messages can point at it.
 */
export function draftOf(input: unknown, language: string): ScenarioDraft {
  const s = asRecord(input);
  const capacity = asRecord(s.capacity);
  return {
    name: text(s.name),
    priceYear: numberValue(s.priceYear),
    startYear: numberValue(s.startYear),
    horizonYears: numberValue(s.horizonYears),
    discountRatePct: numberValue(s.discountRatePct),
    successRatePct: numberValue(s.successRatePct),
    capacity: {
      familiesAtATime: numberValue(capacity.familiesAtATime),
      courseLengthMonths: numberValue(capacity.courseLengthMonths),
      completedSharePct: numberValue(capacity.completedSharePct),
      rampUpSharePct: numberValue(capacity.rampUpSharePct),
    },
    costLines: asList(s.costLines).map((raw) => {
      const c = asRecord(raw);
      const kind = c.kind === "per-slot-per-year" || c.kind === "one-off" ? c.kind : "fixed-per-year";
      return {
        key: newRowKey(),
        id: text(c.id),
        name: text(c.name),
        kind,
        payer: (PAYERS as readonly unknown[]).includes(c.payer) ? (c.payer as Payer) : "municipality",
        amountKr: moneyText(c.amountOre, language),
        fromYear: numberValue(c.fromYear),
        toYear: numberValue(c.toYear),
        year: numberValue(c.year),
      };
    }),
    effects: asList(s.effects).map((raw) => {
      const e = asRecord(raw);
      const shares = e.payerSharesPct === undefined ? { municipality: 100 } : asRecord(e.payerSharesPct);
      return {
        key: newRowKey(),
        id: text(e.id),
        name: text(e.name),
        kind: e.kind === "fixed" ? "fixed" : "success-driven",
        unitPriceKr: moneyText(e.unitPriceOrePerYear, language),
        priceRef: text(e.priceRef),
        payerSharesPct: {
          municipality: numberValue(shares.municipality ?? 0),
          region: numberValue(shares.region ?? 0),
          state: numberValue(shares.state ?? 0),
        },
        lagYears: numberValue(e.lagYears ?? 0),
        freezeAfterYear: numberValue(e.freezeAfterYear),
        personsPerSuccess: numberValue(e.personsPerSuccess),
        durationYears: numberValue(e.durationYears),
        isPermanent: e.kind !== "fixed" && e.durationYears === null,
        pinnedSuccessRatePct: numberValue(e.pinnedSuccessRatePct),
        eventsPerYear: numberValue(e.eventsPerYear),
        survivalPct: asList(e.survivalPct).map(numberValue),
      } satisfies EffectDraft;
    }),
    variants: asList(s.variants).map((raw) => {
      const v = asRecord(raw);
      const scaled = Array.isArray(v.scaledEffectIds) ? v.scaledEffectIds.map(text) : undefined;
      return {
        key: newRowKey(),
        id: text(v.id),
        name: text(v.name),
        successRatePct: numberValue(v.successRatePct),
        scalesAllEffects: scaled === undefined,
        scaledEffectIds: scaled ?? [],
      };
    }),
  };
}

/** A number field's value for the engine: "" → undefined (missing), text → the text (a type error). */
function numberInput(value: NumberValue): number | string | undefined {
  if (value === "") return undefined;
  if (typeof value === "number") return value;
  const parsed = Number(value.replace(",", "."));
  return Number.isFinite(parsed) && value.trim() !== "" ? parsed : value;
}

/** The result of `scenarioInputOf`. */
export interface ScenarioInput {
  /** The scenario JSON to validate (unknown: it may be invalid). */
  input: Record<string, unknown>;
  /** Problems found before the engine sees the input (amounts that are not kroner), keyed by path. */
  errors: Record<string, string>;
}

/**
 * The scenario JSON of a draft, for `validateScenario`, saving and export. Amounts typed in kroner
 * become whole øre (`parseKroner`, exact); an amount that cannot be read gets the message
 * `amountMessage` at its path and is left out (so the engine reports nothing else there).
 */
export function scenarioInputOf(
  draft: ScenarioDraft,
  language: string,
  amountMessage: string,
): ScenarioInput {
  const errors: Record<string, string> = {};
  const money = (path: string, value: string): number | undefined => {
    if (value.trim() === "") return undefined;
    try {
      return parseKronerText(value, language);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      errors[path] = amountMessage;
      return Number.NaN;
    }
  };
  const input: Record<string, unknown> = {
    name: draft.name,
    priceYear: numberInput(draft.priceYear),
    startYear: numberInput(draft.startYear),
    horizonYears: numberInput(draft.horizonYears),
    discountRatePct: numberInput(draft.discountRatePct),
    successRatePct: numberInput(draft.successRatePct),
    capacity: {
      familiesAtATime: numberInput(draft.capacity.familiesAtATime),
      courseLengthMonths: numberInput(draft.capacity.courseLengthMonths),
      completedSharePct: numberInput(draft.capacity.completedSharePct),
      rampUpSharePct: numberInput(draft.capacity.rampUpSharePct),
    },
    costLines: draft.costLines.map((c, i) => {
      const base = {
        id: c.id,
        name: c.name,
        kind: c.kind,
        payer: c.payer,
        amountOre: money(`costLines.${i}.amountKr`, c.amountKr),
      };
      return c.kind === "one-off"
        ? { ...base, year: numberInput(c.year) }
        : { ...base, fromYear: numberInput(c.fromYear), toYear: numberInput(c.toYear) };
    }),
    effects: draft.effects.map((e, i) => {
      const shares: Record<string, number | string | undefined> = {};
      for (const p of PAYERS) {
        const share = numberInput(e.payerSharesPct[p]);
        shares[p] = share === undefined ? 0 : share;
      }
      const base = {
        id: e.id,
        name: e.name,
        kind: e.kind,
        unitPriceOrePerYear: money(`effects.${i}.unitPriceKr`, e.unitPriceKr),
        priceRef: e.priceRef || undefined,
        payerSharesPct: shares,
        lagYears: numberInput(e.lagYears),
        freezeAfterYear: numberInput(e.freezeAfterYear),
      };
      if (e.kind === "fixed") {
        return {
          ...base,
          eventsPerYear: numberInput(e.eventsPerYear),
          survivalPct: e.survivalPct.length > 0 ? e.survivalPct.map(numberInput) : undefined,
        };
      }
      return {
        ...base,
        personsPerSuccess: numberInput(e.personsPerSuccess),
        durationYears: e.isPermanent ? null : numberInput(e.durationYears),
        pinnedSuccessRatePct: numberInput(e.pinnedSuccessRatePct),
      };
    }),
  };
  if (draft.variants.length > 0) {
    input.variants = draft.variants.map((v) => ({
      id: v.id,
      name: v.name,
      successRatePct: numberInput(v.successRatePct),
      scaledEffectIds: v.scalesAllEffects ? undefined : v.scaledEffectIds,
    }));
  }
  return { input: JSON.parse(JSON.stringify(input)) as Record<string, unknown>, errors };
}

/**
 * Where the engine's message for a path is shown in the editor: amounts are typed in kroner, so
 * `effects.0.unitPriceOrePerYear` is shown at the kroner field `effects.0.unitPriceKr`.
 */
export function editorPathOf(enginePath: string): string {
  return enginePath
    .replace(/\.unitPriceOrePerYear$/, ".unitPriceKr")
    .replace(/^(costLines\.\d+)\.amountOre$/, "$1.amountKr");
}

/** The validated scenario's JSON, stable for comparisons (e.g. "are there unsaved changes?"). */
export function scenarioKey(scenario: Scenario | Record<string, unknown>): string {
  return JSON.stringify(scenario);
}
