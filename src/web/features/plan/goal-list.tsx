import { Badge, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useFormatters } from "../../lib/use-formatters.js";
import { GoalStatusBadge } from "./goal-status-badge.js";
import { GAS_LEVELS } from "./plan-form-values.js";
import type { Goal, Measure } from "./plan-types.js";
import type { PlanText } from "./use-plan-text.js";

/** The plan's goals: whom each is about, its category, target date, status, GAS levels and sub-goals. */
export function GoalList({ goals, measures, text }: { goals: Goal[]; measures: Measure[]; text: PlanText }) {
  const { t } = useTranslation();
  if (goals.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t("plan.goals.empty")}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {goals.map((goal, index) => (
        <GoalCard
          key={goal.id}
          goal={goal}
          number={index + 1}
          servedBy={measures.filter((m) => m.goalIds.includes(goal.id))}
          text={text}
        />
      ))}
    </Stack>
  );
}

function GoalCard({
  goal,
  number,
  servedBy,
  text,
}: {
  goal: Goal;
  number: number;
  servedBy: Measure[];
  text: PlanText;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={t("plan.editor.goalLegend", { number })}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={4}>
            <Text size="sm" c="dimmed">
              {t("plan.editor.goalLegend", { number })} · {text.subject(goal.subject)} ·{" "}
              {t(`plan.categories.${goal.category}`)}
            </Text>
            <Title order={3} size="h5" fw={600} style={{ lineHeight: 1.4 }}>
              »{goal.ownWords}«
            </Title>
          </Stack>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <GoalStatusBadge status={goal.status} />
            <Text size="sm" c="dimmed" style={{ whiteSpace: "nowrap" }}>
              {t("plan.goals.targetDate", { date: format.date(goal.targetDate) })}
            </Text>
          </Stack>
        </Group>
        {goal.scale ? <GasTable scale={goal.scale} /> : null}
        {goal.subGoals.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t("plan.goals.subGoals")}
            </Text>
            <List size="sm" spacing={4}>
              {goal.subGoals.map((s) => (
                <List.Item key={s.id}>
                  <Group gap="xs" component="span">
                    <span>{s.text}</span>
                    <GoalStatusBadge status={s.status} size="sm" />
                    {s.targetDate ? (
                      <Text component="span" size="sm" c="dimmed">
                        {format.date(s.targetDate)}
                      </Text>
                    ) : null}
                  </Group>
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        <Text size="sm">
          <Text component="span" size="sm" fw={600}>
            {t("plan.goals.servedBy")}:{" "}
          </Text>
          {servedBy.length === 0 ? (
            <Text component="span" size="sm" c="dimmed">
              {t("plan.goals.noMeasures")}
            </Text>
          ) : (
            servedBy.map((m) => `${m.what} (${text.department(m)})`).join("; ")
          )}
        </Text>
      </Stack>
    </Paper>
  );
}

function GasTable({ scale }: { scale: NonNullable<Goal["scale"]> }) {
  const { t } = useTranslation();
  return (
    <Table withTableBorder verticalSpacing={4} fz="sm" maw={760}>
      <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
        {t("plan.goals.scaleTitle")}
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col" w={220}>
            {t("plan.goals.level")}
          </Table.Th>
          <Table.Th scope="col">{t("plan.goals.levelDescription")}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {[...GAS_LEVELS].reverse().map((level) => {
          const isCurrent = scale.currentLevel !== undefined && String(scale.currentLevel) === level;
          return (
            <Table.Tr key={level} bg={isCurrent ? "bundlinje.0" : undefined}>
              <Table.Th scope="row" fw={isCurrent ? 700 : 500}>
                <Group gap={6} wrap="nowrap" component="span">
                  {t(`plan.gasLevels.${level}`)}
                  {isCurrent ? (
                    <Badge size="sm" variant="filled" color="bundlinje">
                      {t("plan.goals.currentLevel")}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Th>
              <Table.Td>{scale.levels[level]}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
