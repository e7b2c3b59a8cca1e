/**
 * An outcome rule in words, for the UI and for the contract text, in Danish or English. The sentence is
 * generated from the rule and the instrument catalogue (names, score labels, units, category labels), so
 * what the parties read is what is evaluated.
 */
import { BUILTIN_INSTRUMENTS } from "./builtin-instruments.js";
import { formatNumber, type Locale, lowerFirst } from "./format-text.js";
import { type Category, getLatestVersion, type Instrument, type ScoreDefinition } from "./instrument.js";
import { describeMeasurementPoint } from "./measurement-point.js";
import type { AgeFilter, Aggregate, MemberScope, OutcomeRule } from "./outcome-rule.js";

interface ScoreInfo {
  name: string;
  scoreSuffix: string;
  absUnit: string;
  valueUnit: string;
  categories?: readonly Category[];
}

function scoreInfo(
  instruments: readonly Instrument[],
  code: string,
  scoreCode: string,
  locale: Locale,
): ScoreInfo {
  const instrument = instruments.find((i) => i.code === code);
  if (!instrument)
    return {
      name: code,
      scoreSuffix: scoreCode === code ? "" : ` (${scoreCode})`,
      absUnit: "",
      valueUnit: "",
    };
  const version = getLatestVersion(instrument);
  const name = locale === "da" ? instrument.name : (instrument.nameEn ?? instrument.name);
  const score: ScoreDefinition | undefined = version.scores.find((s) => s.code === scoreCode);
  const isMain = version.scores[0]?.code === scoreCode;
  const scoreLabel = score ? (locale === "da" ? score.label : (score.labelEn ?? score.label)) : scoreCode;
  const scoreSuffix = isMain ? "" : ` (${lowerFirst(scoreLabel)})`;
  const item = score?.kind === "item" ? version.items.find((i) => i.code === score.item) : undefined;
  const scale = item?.scale;
  if (!score) return { name, scoreSuffix, absUnit: "", valueUnit: "" };
  if (!scale) return { name, scoreSuffix, absUnit: locale === "da" ? " point" : " points", valueUnit: "" };
  switch (scale.kind) {
    case "percentage":
      return {
        name,
        scoreSuffix,
        absUnit: locale === "da" ? " procentpoint" : " percentage points",
        valueUnit: locale === "da" ? " %" : "%",
      };
    case "hours": {
      const per =
        locale === "da"
          ? scale.per === "week"
            ? " timer pr. uge"
            : " timer pr. måned"
          : scale.per === "week"
            ? " hours per week"
            : " hours per month";
      return { name, scoreSuffix, absUnit: per, valueUnit: per };
    }
    case "ordered-categories":
      return {
        name,
        scoreSuffix,
        absUnit: locale === "da" ? " trin" : " steps",
        valueUnit: "",
        categories: scale.categories,
      };
    case "numeric-range":
      return {
        name,
        scoreSuffix,
        absUnit: scale.unit ? ` ${scale.unit}` : "",
        valueUnit: scale.unit ? ` ${scale.unit}` : "",
      };
  }
}

const EACH: Record<
  Locale,
  Record<Exclude<MemberScope, "family">, [each: string, any: string, mean: string]>
> = {
  da: {
    children: ["for hvert barn", "for mindst ét barn", "gennemsnit for familiens børn"],
    adults: ["for hver voksen", "for mindst én voksen", "gennemsnit for familiens voksne"],
    parents: ["for hver forælder", "for mindst én forælder", "gennemsnit for familiens forældre"],
    members: ["for hvert familiemedlem", "for mindst ét familiemedlem", "gennemsnit for familiens medlemmer"],
  },
  en: {
    children: ["for each child", "for at least one child", "mean over the family's children"],
    adults: ["for each adult", "for at least one adult", "mean over the family's adults"],
    parents: ["for each parent", "for at least one parent", "mean over the family's parents"],
    members: ["for each family member", "for at least one family member", "mean over the family's members"],
  },
};

function agesText(ages: AgeFilter | undefined, locale: Locale): string {
  if (!ages || (ages.minYears === undefined && ages.maxYears === undefined)) return "";
  const { minYears: min, maxYears: max } = ages;
  if (locale === "da") {
    const range =
      min !== undefined && max !== undefined
        ? `${min}–${max} år`
        : min !== undefined
          ? `mindst ${min} år`
          : `højst ${max} år`;
    return ` (${range} ved forløbets start)`;
  }
  const range =
    min !== undefined && max !== undefined
      ? `aged ${min}–${max}`
      : min !== undefined
        ? `aged ${min} or over`
        : `aged ${max} or under`;
  return ` (${range} at the start of the course)`;
}

function scopeText(
  scope: MemberScope,
  aggregate: Aggregate,
  ages: AgeFilter | undefined,
  locale: Locale,
): string {
  if (scope === "family") return "";
  const [each, any, meanOver] = EACH[locale][scope];
  const phrase = aggregate === "all" ? each : aggregate === "any" ? any : meanOver;
  return ` – ${phrase}${agesText(ages, locale)}`;
}

const NONE_SUBJECT: Record<Locale, Record<MemberScope, string>> = {
  da: {
    family: "Familien må ikke",
    children: "Intet barn må",
    adults: "Ingen voksen må",
    parents: "Ingen forælder må",
    members: "Intet familiemedlem må",
  },
  en: {
    family: "The family may not",
    children: "No child may",
    adults: "No adult may",
    parents: "No parent may",
    members: "No family member may",
  },
};

/**
 * The rule as one sentence, e.g. (da) "Skolefravær skal falde med mindst 70 % fra baseline (første
 * måling inden for 6 uger efter forløbets start) til målingen ved forløbets afslutning – gennemsnit for
 * familiens børn." Unknown instruments are named by their codes. Never throws.
 * @param instruments the catalogue for names, units and category labels (default: the shipped instruments).
 */
export function describeOutcomeRule(
  rule: OutcomeRule,
  locale: Locale,
  instruments: readonly Instrument[] = BUILTIN_INSTRUMENTS,
): string {
  const n = (x: number) => formatNumber(x, locale);
  const point = describeMeasurementPoint(rule.at, locale);
  const info = scoreInfo(instruments, rule.instrumentCode, rule.score, locale);
  switch (rule.kind) {
    case "change-from-baseline": {
      const isPct = rule.comparison.endsWith("-pct");
      const isDecrease = rule.comparison.startsWith("decrease");
      const amount = `${n(rule.threshold)}${isPct ? (locale === "da" ? " %" : "%") : info.absUnit}`;
      const scope = scopeText(rule.subjects, rule.aggregate, rule.ages, locale);
      if (locale === "da") {
        return `${info.name}${info.scoreSuffix} skal ${isDecrease ? "falde" : "stige"} med mindst ${amount} fra baseline (første måling inden for ${rule.baselineWithinWeeks} uger efter forløbets start) til målingen ${point}${scope}.`;
      }
      return `${info.name}${info.scoreSuffix} must ${isDecrease ? "fall" : "rise"} by at least ${amount} from baseline (the first measurement within ${rule.baselineWithinWeeks} weeks of the start of the course) to the measurement ${point}${scope}.`;
    }
    case "value-at": {
      const words =
        locale === "da"
          ? { "at-most": "højst", "at-least": "mindst", below: "under", above: "over" }
          : { "at-most": "at most", "at-least": "at least", below: "below", above: "above" };
      const scope = scopeText(rule.subjects, rule.aggregate, rule.ages, locale);
      const value = `${n(rule.threshold)}${info.valueUnit}`;
      return locale === "da"
        ? `${info.name}${info.scoreSuffix} skal ${point} være ${words[rule.comparison]} ${value}${scope}.`
        : `${info.name}${info.scoreSuffix} must be ${words[rule.comparison]} ${value} ${point}${scope}.`;
    }
    case "none-at-or-above": {
      const level = info.categories?.find((c) => c.code === rule.level);
      const label = (c: Category) => (locale === "da" ? `»${c.label}«` : `“${c.labelEn ?? c.label}”`);
      const atOrAbove = level
        ? (info.categories ?? []).filter((c) => c.value >= level.value).map(label)
        : [rule.level];
      const or = locale === "da" ? " eller " : " or ";
      const who = `${NONE_SUBJECT[locale][rule.subjects]}${agesText(rule.ages, locale)}`;
      return locale === "da"
        ? `${who} ${point} være vurderet til ${atOrAbove.join(or)} på ${lowerFirst(info.name)}.`
        : `${who} be assessed as ${atOrAbove.join(or)} on ${lowerFirst(info.name)} ${point}.`;
    }
    case "share-of-goals-attained": {
      const minCategory = info.categories?.find((c) => c.value === rule.minScore);
      const minText = `${rule.minScore > 0 ? "+" : ""}${n(rule.minScore)}${minCategory ? ` (${lowerFirst(locale === "da" ? minCategory.label : (minCategory.labelEn ?? minCategory.label))})` : ""}`;
      if (locale === "da") {
        return `Mindst ${n(rule.minSharePct)} % af familiens handleplansmål${rule.isWeighted ? " (vægtet efter målenes vægt)" : ""} skal være nået med en målopfyldelse på mindst ${minText} ${point}.`;
      }
      return `At least ${n(rule.minSharePct)}% of the family's plan goals${rule.isWeighted ? " (weighted by the goals' weights)" : ""} must be reached with a goal attainment of at least ${minText} ${point}.`;
    }
  }
}
