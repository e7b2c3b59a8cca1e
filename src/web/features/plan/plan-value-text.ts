import { useTranslation } from "react-i18next";
import type { GoalCategory, GoalStatus } from "../../../domain/casework/family-plan.js";
import type { Ore } from "../../../domain/money.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { GAS_LEVELS } from "./plan-form-values.js";
import type { Goal, Measure } from "./plan-types.js";
import type { PlanText } from "./use-plan-text.js";

const DATE_FIELDS = new Set(["targetDate", "startOn", "endOn"]);

/**
 * A field's value of a goal or measure as words, for comparing versions: labels for codes, Danish
 * dates, kroner for øre, names for ids, one line per GAS level or sub-goal. "–" when absent.
 */
export function usePlanValueText(text: PlanText, goalNames: ReadonlyMap<string, string>) {
  const { t } = useTranslation();
  const format = useFormatters();
  const empty = t("plan.compare.empty");
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return empty;
    if (DATE_FIELDS.has(field) && typeof value === "string") return format.date(value);
    switch (field) {
      case "subject":
        return text.subject(value as Goal["subject"]);
      case "category":
        return t(`plan.categories.${value as GoalCategory}`);
      case "status":
        return t(`plan.statuses.${value as GoalStatus}`);
      case "department":
        return t(`plan.departments.${value as Measure["department"]}`);
      case "responsibleUserId":
        return text.userName(String(value));
      case "intensity":
        return text.intensity(value as Measure["intensity"]);
      case "estimatedMonthlyCostOre":
        return format.money(Number(value) as Ore);
      case "goalIds": {
        const ids = value as string[];
        return ids.length === 0 ? empty : ids.map((id) => `»${goalNames.get(id) ?? id}«`).join(", ");
      }
      case "scale": {
        const scale = value as NonNullable<Goal["scale"]>;
        const lines = [...GAS_LEVELS]
          .reverse()
          .map((l) => `${t(`plan.gasLevels.${l}`)} – ${scale.levels[l]}`);
        if (scale.currentLevel !== undefined) {
          lines.push(t("plan.goals.currentLevelText", { level: scale.currentLevel }));
        }
        return lines.join("\n");
      }
      case "subGoals": {
        const subGoals = value as Goal["subGoals"];
        if (subGoals.length === 0) return empty;
        return subGoals
          .map(
            (s) =>
              `${s.text} (${t(`plan.statuses.${s.status}`)}${s.targetDate ? `, ${format.date(s.targetDate)}` : ""})`,
          )
          .join("\n");
      }
      default:
        return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
    }
  };
}
