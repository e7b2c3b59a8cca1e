import {
  Badge,
  Group,
  type MantineColor,
  NativeSelect,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/query-state.js";
import { TableScroll } from "../../components/table-scroll.js";
import { usePlanDiff } from "./plan-queries.js";
import type { Goal, PlanDiff, PlanDiffEntry, PlanVersionSummary } from "./plan-types.js";
import { usePlanValueText } from "./plan-value-text.js";
import type { PlanText } from "./use-plan-text.js";

const CHANGE_COLOURS: Record<PlanDiffEntry["change"], MantineColor> = {
  added: "green",
  removed: "red",
  changed: "orange",
};

interface PlanCompareProps {
  courseId: string;
  versions: PlanVersionSummary[];
  from: number;
  to: number;
  onChange: (from: number, to: number) => void;
  text: PlanText;
  /** Goals known from the current plan, to name the goals a measure links to. */
  currentGoals: Goal[];
}

/** "Sammenlign versioner": goals and measures added, removed or changed, field by field. */
export function PlanCompare({
  courseId,
  versions,
  from,
  to,
  onChange,
  text,
  currentGoals,
}: PlanCompareProps) {
  const { t } = useTranslation();
  const diff = usePlanDiff(courseId, from, to);
  const options = versions.map((v) => ({
    value: String(v.version),
    label: t("plan.compare.option", { version: v.version }),
  }));
  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t("plan.compare.from")}
          value={String(from)}
          data={options}
          onChange={(event) => onChange(Number(event.currentTarget.value), to)}
          style={{ flex: "0 1 220px" }}
        />
        <NativeSelect
          label={t("plan.compare.to")}
          value={String(to)}
          data={options}
          onChange={(event) => onChange(from, Number(event.currentTarget.value))}
          style={{ flex: "0 1 220px" }}
        />
      </Group>
      {from === to ? (
        <Text size="sm" c="dimmed">
          {t("plan.compare.sameVersion")}
        </Text>
      ) : (
        <QueryState query={diff}>
          {(d) => <DiffView diff={d} text={text} currentGoals={currentGoals} />}
        </QueryState>
      )}
    </Stack>
  );
}

function DiffView({ diff, text, currentGoals }: { diff: PlanDiff; text: PlanText; currentGoals: Goal[] }) {
  const { t } = useTranslation();
  const goalNames = new Map<string, string>(currentGoals.map((g) => [g.id, g.ownWords]));
  for (const g of diff.goals) {
    const goal = g.after ?? g.before;
    if (goal && !goalNames.has(g.id)) goalNames.set(g.id, goal.ownWords);
  }
  const valueText = usePlanValueText(text, goalNames);
  if (diff.goals.length === 0 && diff.measures.length === 0) {
    return (
      <Stack gap="xs">
        <Text fw={600}>{t("plan.compare.noChanges")}</Text>
        {diff.isNoteChanged ? <Text size="sm">{t("plan.compare.noteChanged")}</Text> : null}
      </Stack>
    );
  }
  const section = (title: string, entries: PlanDiffEntry[], none: string) => (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {title}
      </Title>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {none}
        </Text>
      ) : (
        entries.map((entry) => (
          <DiffEntry key={entry.id} entry={entry} from={diff.from} to={diff.to} valueText={valueText} />
        ))
      )}
    </Stack>
  );
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t("plan.compare.summary", { from: diff.from, to: diff.to })}
        {diff.isNoteChanged ? ` ${t("plan.compare.noteChanged")}` : ""}
      </Text>
      {section(t("plan.compare.goalsTitle"), diff.goals, t("plan.compare.noGoalChanges"))}
      {section(t("plan.compare.measuresTitle"), diff.measures, t("plan.compare.noMeasureChanges"))}
    </Stack>
  );
}

function DiffEntry({
  entry,
  from,
  to,
  valueText,
}: {
  entry: PlanDiffEntry;
  from: number;
  to: number;
  valueText: (field: string, value: unknown) => string;
}) {
  const { t } = useTranslation();
  const caption = t("plan.compare.changesCaption", { label: entry.label });
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={entry.label}>
      <Stack gap="sm">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <Badge color={CHANGE_COLOURS[entry.change]} variant="light" style={{ flexShrink: 0 }}>
            {t(`plan.compare.${entry.change}`)}
          </Badge>
          <Text fw={600} size="sm">
            {entry.label}
          </Text>
        </Group>
        {entry.change === "changed" ? (
          <TableScroll label={caption}>
            <Table miw={640} withTableBorder striped bg="white" verticalSpacing="xs" aria-label={caption}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w={200}>
                    {t("plan.compare.field")}
                  </Table.Th>
                  <Table.Th scope="col">{t("plan.compare.before", { version: from })}</Table.Th>
                  <Table.Th scope="col">{t("plan.compare.after", { version: to })}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entry.fields.map((f) => (
                  <Table.Tr key={f.field}>
                    <Table.Th scope="row" fw={500}>
                      {isKnownField(f.field) ? t(`plan.fields.${f.field}`) : f.field}
                    </Table.Th>
                    <Table.Td style={{ whiteSpace: "pre-line" }}>
                      <del>{valueText(f.field, f.before)}</del>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: "pre-line" }}>
                      <ins style={{ textDecoration: "none", fontWeight: 600 }}>
                        {valueText(f.field, f.after)}
                      </ins>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : null}
      </Stack>
    </Paper>
  );
}

const FIELDS = [
  "subject",
  "ownWords",
  "category",
  "targetDate",
  "status",
  "scale",
  "subGoals",
  "what",
  "performedBy",
  "responsibleUserId",
  "responsibleName",
  "department",
  "departmentOther",
  "legalBasis",
  "startOn",
  "endOn",
  "intensity",
  "estimatedMonthlyCostOre",
  "goalIds",
] as const;

const isKnownField = (field: string): field is (typeof FIELDS)[number] =>
  (FIELDS as readonly string[]).includes(field);
