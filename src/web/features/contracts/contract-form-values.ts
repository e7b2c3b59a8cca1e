import type { UseFormReturnType } from "@mantine/form";
import { randomId } from "@mantine/hooks";
import type { Mechanism, RoundingRule } from "../../../domain/contract/index.js";
import { MoneyError } from "../../../domain/money.js";
import { kronerText, parseKronerText } from "../../lib/kroner-text.js";
import { parsePctText, pctText } from "./bps-text.js";
import type { ContractTermsInput, ContractTermsView } from "./contract-types.js";

/*
 * The contract form edits the terms' own shape and field names, so that the server's error paths
 * (`terms.tracks.0.goals.1.payment.weightBps`) point straight at a field — except that what is typed
 * stays text: amounts in kroner (`…Kr` instead of `…Ore`) and shares in per cent (`…Pct` instead of
 * `…Bps`). `termsOfForm` turns the text into whole øre and basis points exactly (parseKroner, digit
 * by digit), and `formPathOf` maps a server path to the field that shows it.
 */

export type MechanismKind = Mechanism["kind"];
export type NotMeasurableHandling = Extract<Mechanism, { kind: "weighted-attainment" }>["notMeasurable"];
export type Weighting = Extract<Mechanism, { kind: "weighted-attainment" }>["weighting"];

export interface DisbursementRow {
  /** React key only; never sent. */
  key: string;
  date: string;
  amountKr: string;
}

export interface GoalRow {
  key: string;
  /** The goal's id in the track: kept from the terms; a new goal gets its rule's id. */
  id: string;
  name: string;
  /** `ruleId@ruleVersion`, or "" while none is chosen. */
  rule: string;
  measurementPoint: string;
  payment: {
    weightPct: string;
    thresholdPct: string;
    targetPct: string;
    priceKr: string;
    pricePerDayKr: string;
  };
}

export interface TrackRow {
  key: string;
  code: string;
  name: string;
  expectedFamilies: string;
  budgetSharePct: string;
  familyCapKr: string;
  goals: GoalRow[];
}

export interface ContractFormValues {
  title: string;
  validFrom: string;
  investmentKr: string;
  disbursements: DisbursementRow[];
  riskPremium: { kind: "rate" | "amount"; ratePct: string; amountKr: string };
  capKr: string;
  floorKr: string;
  serviceWindow: { from: string; to: string };
  followUpWindow: { from: string; to: string };
  mechanism: { kind: MechanismKind; notMeasurable: NotMeasurableHandling; weighting: Weighting };
  rounding: { mode: RoundingRule["mode"]; unitOre: "1" | "100" };
  tracks: TrackRow[];
}

/** The Mantine form of the contract's terms. */
export type ContractForm = UseFormReturnType<ContractFormValues>;

/**
 * The measuring points offered in the form, with their text key (the point is a label in the terms;
 * the outcome rule decides the point itself).
 */
export const MEASUREMENT_POINTS = {
  "end-of-course": "endOfCourse",
  "+6 months": "after6Months",
  "+12 months": "after12Months",
  "+24 months": "after24Months",
} as const;

/** The value of an outcome-rule choice. */
export function ruleKey(rule: { ruleId: string; ruleVersion: number }): string {
  return `${rule.ruleId}@${rule.ruleVersion}`;
}

/** `ruleId@version` back to the reference, or null for "" or anything else. */
export function ruleOfKey(key: string): { ruleId: string; ruleVersion: number } | null {
  const at = key.lastIndexOf("@");
  if (at <= 0) return null;
  const ruleVersion = Number(key.slice(at + 1));
  return Number.isSafeInteger(ruleVersion) ? { ruleId: key.slice(0, at), ruleVersion } : null;
}

export function newDisbursement(): DisbursementRow {
  return { key: randomId(), date: "", amountKr: "" };
}

export function newGoal(): GoalRow {
  return {
    key: randomId(),
    id: "",
    name: "",
    rule: "",
    measurementPoint: "end-of-course",
    payment: { weightPct: "", thresholdPct: "", targetPct: "", priceKr: "", pricePerDayKr: "" },
  };
}

export function newTrack(): TrackRow {
  return {
    key: randomId(),
    code: "",
    name: "",
    expectedFamilies: "",
    budgetSharePct: "",
    familyCapKr: "",
    goals: [newGoal()],
  };
}

/** An empty form: weighted attainment, weights per contract, half-up to whole kroner, one track. */
export function emptyContractForm(): ContractFormValues {
  return {
    title: "",
    validFrom: "",
    investmentKr: "",
    disbursements: [newDisbursement()],
    riskPremium: { kind: "rate", ratePct: "", amountKr: "" },
    capKr: "",
    floorKr: "0",
    serviceWindow: { from: "", to: "" },
    followUpWindow: { from: "", to: "" },
    mechanism: { kind: "weighted-attainment", notMeasurable: "count-as-not-met", weighting: "per-contract" },
    rounding: { mode: "half-up", unitOre: "100" },
    tracks: [newTrack()],
  };
}

/** The form of existing terms (an example, or the newest version for an amendment). */
export function formOfTerms(
  terms: ContractTermsInput | ContractTermsView,
  language: string,
): ContractFormValues {
  const kr = (ore: number | null | undefined) => (typeof ore === "number" ? kronerText(ore, language) : "");
  const pct = (bps: number | undefined) => (typeof bps === "number" ? pctText(bps, language) : "");
  const mechanism = terms.mechanism;
  return {
    title: terms.title,
    validFrom: terms.validFrom,
    investmentKr: kr(terms.investmentOre),
    disbursements: terms.disbursements.map((d) => ({
      key: randomId(),
      date: d.date,
      amountKr: kr(d.amountOre),
    })),
    riskPremium:
      terms.riskPremium.kind === "rate"
        ? { kind: "rate", ratePct: pct(terms.riskPremium.rateBps), amountKr: "" }
        : { kind: "amount", ratePct: "", amountKr: kr(terms.riskPremium.amountOre) },
    capKr: kr(terms.capOre),
    floorKr: kr(terms.floorOre),
    serviceWindow: { ...terms.serviceWindow },
    followUpWindow: { ...terms.followUpWindow },
    mechanism:
      mechanism.kind === "weighted-attainment"
        ? { ...mechanism }
        : { kind: mechanism.kind, notMeasurable: "count-as-not-met", weighting: "per-contract" },
    rounding: { mode: terms.rounding.mode, unitOre: terms.rounding.unitOre === 1 ? "1" : "100" },
    tracks: terms.tracks.map((track) => ({
      key: randomId(),
      code: track.code,
      name: track.name,
      expectedFamilies: String(track.expectedFamilies),
      budgetSharePct: pct(track.budgetShareBps),
      familyCapKr: kr(track.familyCapOre),
      goals: track.goals.map((goal) => {
        const p = goal.payment;
        return {
          key: randomId(),
          id: goal.id,
          name: goal.name,
          rule: ruleKey(goal.outcomeRule),
          measurementPoint: goal.measurementPoint,
          payment: {
            weightPct: p.kind === "weighted" ? pct(p.weightBps) : "",
            thresholdPct: p.kind === "weighted" ? pct(p.thresholdBps) : "",
            targetPct: p.kind === "weighted" ? pct(p.targetBps) : "",
            priceKr: p.kind === "price" ? kr(p.priceOre) : "",
            pricePerDayKr: p.kind === "per-day" ? kr(p.pricePerDayOre) : "",
          },
        };
      }),
    })),
  };
}

/** The messages `termsOfForm` gives for text it cannot read (translated by the caller). */
export interface FormMessages {
  required: string;
  amount: string;
  percent: string;
  wholeNumber: string;
}

/** The result of `termsOfForm`: the terms, or the problems keyed by form path. */
export type TermsOfForm =
  | { ok: true; terms: ContractTermsInput }
  | { ok: false; errors: Record<string, string> };

/**
 * The create/amend body's terms of a filled-in form. Amounts typed in kroner become whole øre
 * (`parseKroner`, exact); per cent become basis points (exact, at most two decimals). Empty or
 * unreadable fields get a message at their form path. Cross-field rules (weights summing to 100 %,
 * disbursements equal to the investment, threshold below target, …) are left to the server, which
 * answers with a Danish message per field.
 */
export function termsOfForm(
  values: ContractFormValues,
  language: string,
  messages: FormMessages,
): TermsOfForm {
  const errors: Record<string, string> = {};
  const required = (path: string, value: string): string => {
    if (value.trim() === "") errors[path] = messages.required;
    return value.trim();
  };
  const money = (path: string, value: string): number => {
    if (value.trim() === "") {
      errors[path] = messages.required;
      return 0;
    }
    try {
      return parseKronerText(value, language);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      errors[path] = messages.amount;
      return 0;
    }
  };
  const bps = (path: string, value: string): number => {
    if (value.trim() === "") {
      errors[path] = messages.required;
      return 0;
    }
    const parsed = parsePctText(value);
    if (parsed === null) errors[path] = messages.percent;
    return parsed ?? 0;
  };
  const whole = (path: string, value: string): number => {
    const s = value.trim();
    if (s === "") {
      errors[path] = messages.required;
      return 0;
    }
    if (!/^\d+$/.test(s)) {
      errors[path] = messages.wholeNumber;
      return 0;
    }
    return Number(s);
  };

  const m = values.mechanism;
  const mechanism: Mechanism =
    m.kind === "weighted-attainment"
      ? { kind: m.kind, notMeasurable: m.notMeasurable, weighting: m.weighting }
      : { kind: m.kind };
  const isWeighted = m.kind === "weighted-attainment";
  const unitOre = values.rounding.unitOre === "1" ? 1 : 100;

  const terms: ContractTermsInput = {
    title: required("title", values.title),
    validFrom: required("validFrom", values.validFrom),
    investmentOre: money("investmentKr", values.investmentKr),
    disbursements: values.disbursements.map((d, i) => ({
      date: required(`disbursements.${i}.date`, d.date),
      amountOre: money(`disbursements.${i}.amountKr`, d.amountKr),
    })),
    riskPremium:
      values.riskPremium.kind === "rate"
        ? { kind: "rate", rateBps: bps("riskPremium.ratePct", values.riskPremium.ratePct) }
        : { kind: "amount", amountOre: money("riskPremium.amountKr", values.riskPremium.amountKr) },
    capOre: money("capKr", values.capKr),
    floorOre: money("floorKr", values.floorKr),
    serviceWindow: {
      from: required("serviceWindow.from", values.serviceWindow.from),
      to: required("serviceWindow.to", values.serviceWindow.to),
    },
    followUpWindow: {
      from: required("followUpWindow.from", values.followUpWindow.from),
      to: required("followUpWindow.to", values.followUpWindow.to),
    },
    tracks: values.tracks.map((track, ti) => {
      const path = `tracks.${ti}`;
      const usedIds = new Set<string>();
      const goals = track.goals.map((goal, gi) => {
        const goalPath = `${path}.goals.${gi}`;
        const rule = ruleOfKey(goal.rule);
        if (!rule) errors[`${goalPath}.rule`] = messages.required;
        const id = uniqueId(goal.id.trim() || rule?.ruleId || `goal-${gi + 1}`, usedIds);
        const p = goal.payment;
        const payment =
          m.kind === "weighted-attainment"
            ? {
                kind: "weighted" as const,
                weightBps: bps(`${goalPath}.payment.weightPct`, p.weightPct),
                thresholdBps: bps(`${goalPath}.payment.thresholdPct`, p.thresholdPct),
                targetBps: bps(`${goalPath}.payment.targetPct`, p.targetPct),
              }
            : m.kind === "rate-card"
              ? { kind: "price" as const, priceOre: money(`${goalPath}.payment.priceKr`, p.priceKr) }
              : {
                  kind: "per-day" as const,
                  pricePerDayOre: money(`${goalPath}.payment.pricePerDayKr`, p.pricePerDayKr),
                };
        return {
          id,
          name: required(`${goalPath}.name`, goal.name),
          outcomeRule: rule ?? { ruleId: "", ruleVersion: 1 },
          measurementPoint: required(`${goalPath}.measurementPoint`, goal.measurementPoint),
          payment,
        };
      });
      return {
        code: required(`${path}.code`, track.code),
        name: required(`${path}.name`, track.name),
        expectedFamilies: whole(`${path}.expectedFamilies`, track.expectedFamilies),
        ...(isWeighted && m.weighting === "per-track"
          ? { budgetShareBps: bps(`${path}.budgetSharePct`, track.budgetSharePct) }
          : {}),
        ...(!isWeighted
          ? {
              familyCapOre:
                track.familyCapKr.trim() === "" ? null : money(`${path}.familyCapKr`, track.familyCapKr),
            }
          : {}),
        goals,
      };
    }),
    mechanism,
    rounding: { mode: values.rounding.mode, unitOre },
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, terms };
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

/**
 * The form field that shows the server's message for a path of the request body:
 * `terms.tracks.0.goals.1.payment.weightBps` → `tracks.0.goals.1.payment.weightPct`,
 * `terms.capOre` → `capKr`, `terms.tracks.0.goals.1.outcomeRule.ruleId` (or `.id`) → `….rule`.
 * Group paths (`terms.tracks`, `terms.disbursements`) stay as they are.
 */
export function formPathOf(serverPath: string): string {
  const parts = serverPath
    .replace(/\[(\d+)\]/g, ".$1")
    .replace(/^(body\.)?terms\.?/, "")
    .split(".")
    .filter((part) => part !== "");
  const mapped: string[] = [];
  for (const [i, part] of parts.entries()) {
    const isGoalLevel = parts[i - 2] === "goals";
    if (isGoalLevel && (part === "outcomeRule" || part === "id")) {
      mapped.push("rule");
      break;
    }
    if (part.endsWith("Ore") && part !== "unitOre") mapped.push(`${part.slice(0, -3)}Kr`);
    else if (part.endsWith("Bps")) mapped.push(`${part.slice(0, -3)}Pct`);
    else mapped.push(part);
  }
  return mapped.join(".");
}

/** The server's field errors (VALIDATION_FAILED details) keyed by form path, first message per field. */
export function formErrorsOf(details: readonly { path: string; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const detail of details) {
    const path = formPathOf(detail.path);
    if (!(path in errors)) errors[path] = detail.message;
  }
  return errors;
}
