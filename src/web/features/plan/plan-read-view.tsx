import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SectionCard } from "../../components/section-card.js";
import { CostTable } from "./cost-table.js";
import { GoalList } from "./goal-list.js";
import { MeasureList } from "./measure-list.js";
import type { FamilyPlanView } from "./plan-types.js";
import type { PlanText } from "./use-plan-text.js";

/** A version of the plan, read-only: its goals, its measures by department and the cost per department. */
export function PlanReadView({ view, text }: { view: FamilyPlanView; text: PlanText }) {
  const { t } = useTranslation();
  const { goals, measures } = view.plan;
  return (
    <Stack gap="lg">
      <SectionCard title={`${t("plan.goals.title")} (${goals.length})`}>
        <GoalList goals={goals} measures={measures} text={text} />
      </SectionCard>
      <SectionCard title={`${t("plan.measures.title")} (${measures.length})`}>
        <MeasureList goals={goals} measures={measures} text={text} />
      </SectionCard>
      <SectionCard title={t("plan.cost.title")}>
        <CostTable costs={view.costByDepartment} />
      </SectionCard>
    </Stack>
  );
}
