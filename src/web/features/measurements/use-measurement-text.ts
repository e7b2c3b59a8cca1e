import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { danishDateOf } from "../../../domain/casework/danish-time.js";
import type {
  ChangeThreshold,
  Instrument,
  InstrumentVersion,
  Item,
  ScoreDefinition,
} from "../../../domain/progression/instrument.js";
import type { Change } from "../../../domain/progression/trend.js";
import { INTL_LOCALE, isLanguage } from "../../i18n/i18n.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { categoryOfValue, type SubjectKey, unitOfScore } from "./measurement-model.js";
import type { CourseMeasurements, DueSlot } from "./measurement-queries.js";

/**
 * The words and numbers of the measurements tab: names of instruments, items, scores and subjects in
 * the interface language (an instrument's English wording when it has one, else its Danish), values
 * with their unit, and changes with their sign.
 */
export function useMeasurementText(data: Pick<CourseMeasurements, "members" | "goals">) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const language = isLanguage(i18n.language) ? i18n.language : "da";
  return useMemo(() => {
    const isEnglish = language === "en";
    const locale = INTL_LOCALE[language];
    const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    // A true minus sign (U+2212) for changes: "−15", not "-15".
    const withMinus = (format: Intl.NumberFormat) => (n: number) => format.format(n).replace("-", "\u2212");
    const signed = withMinus(
      new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: "exceptZero" }),
    );
    const pct = withMinus(
      new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: "exceptZero" }),
    );
    const members = new Map(data.members.map((m) => [m.personId, m]));
    const goals = new Map(data.goals.map((g) => [g.id, g]));

    const subjectName = (key: SubjectKey): string => {
      if (key === "family") return t("measurements.subjects.family");
      const [kind, id] = key.split(":") as [string, string];
      if (kind === "person") {
        const m = members.get(id);
        return m
          ? t("measurements.subjects.member", {
              name: m.name,
              role: t(`casework.householdRoles.${m.role}`).toLowerCase(),
            })
          : t("measurements.subjects.unknown");
      }
      const goal = goals.get(id);
      return goal
        ? t("measurements.subjects.goal", { goal: goal.ownWords })
        : t("measurements.subjects.unknown");
    };

    /** A value in its unit: "7", "12,5 %", "14 timer", or a category's label ("Høj risiko"). */
    const value = (version: InstrumentVersion, score: ScoreDefinition, n: number): string => {
      const category = categoryOfValue(version, score.code, n);
      if (category) return isEnglish && category.labelEn ? category.labelEn : category.label;
      const unit = unitOfScore(version, score);
      if (unit === "percentagePoints") return t("measurements.units.percent", { value: plain.format(n) });
      if (unit === "hours") return t("measurements.units.hours", { count: n, value: plain.format(n) });
      return plain.format(n);
    };

    /** An amount of the score's unit: "2 point", "5 procentpoint", "2 timer". */
    const amount = (version: InstrumentVersion, score: ScoreDefinition, n: number, sign = false): string =>
      t(`measurements.units.${unitOfScore(version, score)}`, {
        count: Math.abs(n),
        value: sign ? signed(n) : plain.format(n),
      });

    return {
      subjectName,
      value,
      amount,
      instrumentName: (i: Instrument) => (isEnglish && i.nameEn ? i.nameEn : i.name),
      itemLabel: (item: Item) => (isEnglish && item.labelEn ? item.labelEn : item.label),
      scoreLabel: (score: ScoreDefinition) => (isEnglish && score.labelEn ? score.labelEn : score.label),
      slotName: (slot: Pick<DueSlot, "kind" | "sequence">) =>
        t(`measurements.slotKinds.${slot.kind}`, { sequence: slot.sequence }),
      /** The change from baseline: "+3 point" / "−15 procentpoint". */
      change: (version: InstrumentVersion, score: ScoreDefinition, change: Change) =>
        amount(version, score, change.absolute, true),
      /** The relative change: "+75 %", or undefined when the baseline was 0. */
      changePct: (change: Change) =>
        change.relativePct === null ? undefined : `${pct(change.relativePct)} %`,
      /** The threshold in words: "En ændring på mindst 2 point regnes som en reel ændring …". */
      threshold: (version: InstrumentVersion, score: ScoreDefinition, threshold: ChangeThreshold) =>
        threshold.kind === "absolute"
          ? t("measurements.progress.threshold", { amount: amount(version, score, threshold.value) })
          : t("measurements.progress.thresholdRelative", { pct: plain.format(threshold.value) }),
      date: format.date,
      /** The Danish calendar day of an instant (when a record was entered), e.g. "4. dec. 2026". */
      dayOf: (instant: string) => format.date(danishDateOf(new Date(instant))),
      number: (n: number) => plain.format(n),
    };
  }, [t, language, format, data.members, data.goals]);
}

/** What `useMeasurementText` gives. */
export type MeasurementText = ReturnType<typeof useMeasurementText>;
