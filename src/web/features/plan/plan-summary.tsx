import { Badge, Button, Group, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Ore } from "../../../domain/money.js";
import { DefinitionList } from "../../components/definition-list.js";
import { SectionCard } from "../../components/section-card.js";
import { useFormatters } from "../../lib/use-formatters.js";
import type { FamilyPlanView } from "./plan-types.js";

interface PlanSummaryProps {
  view: FamilyPlanView;
  /** The edit and agreement buttons (none for a read-only user or an older version). */
  actions?: { onEdit: () => void; onAgree: () => void } | null;
}

/** The version shown: who saved it when, its note, whether the family agreed, and this month's cost. */
export function PlanSummary({ view, actions }: PlanSummaryProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const agreement = view.agreement;
  return (
    <SectionCard
      title={t("plan.title")}
      actions={
        actions ? (
          <Group gap="sm">
            <Button variant="default" onClick={actions.onAgree}>
              {t("plan.recordAgreement")}
            </Button>
            <Button onClick={actions.onEdit}>{t("plan.edit")}</Button>
          </Group>
        ) : null
      }
    >
      <Text size="sm" c="dimmed" maw={760}>
        {t("plan.intro")}
      </Text>
      <DefinitionList
        items={[
          {
            label: t("plan.summary.version"),
            value: t("plan.summary.versionNumber", { version: view.version }),
          },
          {
            label: t("plan.summary.savedBy"),
            value: t("plan.summary.savedByAt", {
              name: view.createdByName ?? t("plan.summary.unknownUser"),
              when: view.createdAt ? format.dateTime(view.createdAt) : "",
            }),
          },
          {
            label: t("plan.summary.agreement"),
            value: agreement ? (
              <Stack gap={2} component="span">
                <span>
                  <Badge color="green" variant="light">
                    {t("plan.summary.agreedOn", { date: format.date(agreement.agreedOn) })}
                  </Badge>
                </span>
                {agreement.recordedByName ? (
                  <Text component="span" size="sm" c="dimmed">
                    {t("plan.summary.agreedBy", { name: agreement.recordedByName })}
                  </Text>
                ) : null}
              </Stack>
            ) : (
              <Badge color="orange" variant="light">
                {t("plan.summary.notAgreed")}
              </Badge>
            ),
          },
          {
            label: t("plan.summary.monthlyCost"),
            value: format.money(view.totalMonthlyCostOre as Ore),
          },
          {
            label: t("plan.summary.note"),
            value: view.note ? (
              <span style={{ whiteSpace: "pre-line" }}>{view.note}</span>
            ) : (
              <Text component="span" c="dimmed">
                {t("plan.summary.noNote")}
              </Text>
            ),
          },
        ]}
      />
    </SectionCard>
  );
}
