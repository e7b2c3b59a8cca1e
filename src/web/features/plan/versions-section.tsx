import { Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { PlanCompare } from "./plan-compare.js";
import type { Goal, PlanVersionSummary } from "./plan-types.js";
import type { PlanText } from "./use-plan-text.js";

interface VersionsSectionProps {
  courseId: string;
  versions: PlanVersionSummary[];
  currentVersion: number;
  /** The version shown read-only, if an older one is. */
  viewedVersion: number | null;
  onView: (version: number) => void;
  text: PlanText;
  currentGoals: Goal[];
}

/** "Versioner": every saved version (who, when, note, agreed) and the comparison of two of them. */
export function VersionsSection({
  courseId,
  versions,
  currentVersion,
  viewedVersion,
  onView,
  text,
  currentGoals,
}: VersionsSectionProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [range, setRange] = useState<{ from: number; to: number } | null>(null);
  const from = range?.from ?? versions[1]?.version ?? 0;
  const to = range?.to ?? versions[0]?.version ?? 0;
  const caption = t("plan.versions.caption");
  return (
    <Stack gap="lg">
      <SectionCard title={t("plan.versions.title")}>
        <TableScroll label={caption}>
          <Table miw={860} withTableBorder striped bg="white" verticalSpacing="xs" aria-label={caption}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("plan.versions.version")}</Table.Th>
                <Table.Th scope="col">{t("plan.versions.savedAt")}</Table.Th>
                <Table.Th scope="col">{t("plan.versions.savedBy")}</Table.Th>
                <Table.Th scope="col">{t("plan.versions.note")}</Table.Th>
                <Table.Th scope="col">{t("plan.versions.content")}</Table.Th>
                <Table.Th scope="col">{t("plan.versions.agreed")}</Table.Th>
                <Table.Th scope="col">{t("common.actions")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {versions.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Th scope="row" fw={600}>
                    <Group gap={6} wrap="nowrap">
                      {v.version}
                      {v.version === currentVersion ? (
                        <Badge size="sm" variant="light" color="green">
                          {t("plan.versions.current")}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(v.createdAt)}</Table.Td>
                  <Table.Td>{v.createdByName ?? t("plan.summary.unknownUser")}</Table.Td>
                  <Table.Td maw={320} style={{ whiteSpace: "pre-line" }}>
                    {v.note || (
                      <Text span c="dimmed" size="sm">
                        {t("plan.summary.noNote")}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {t("plan.versions.contentText", { goals: v.goals, measures: v.measures })}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {v.agreedOn ? format.date(v.agreedOn) : t("plan.versions.notAgreed")}
                  </Table.Td>
                  <Table.Td>
                    {v.version === viewedVersion ? null : (
                      <Button
                        variant="default"
                        size="compact-sm"
                        aria-label={t("plan.versions.viewNamed", { version: v.version })}
                        onClick={() => onView(v.version)}
                      >
                        {t("plan.versions.view")}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </SectionCard>
      {versions.length > 1 ? (
        <SectionCard title={t("plan.compare.title")}>
          <PlanCompare
            courseId={courseId}
            versions={versions}
            from={from}
            to={to}
            onChange={(f, tt) => setRange({ from: f, to: tt })}
            text={text}
            currentGoals={currentGoals}
          />
        </SectionCard>
      ) : null}
    </Stack>
  );
}
