import { Button, Collapse, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { RouterAnchor } from "../../components/router-links.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { CourseStateBadge } from "../families/state-badges.js";
import { CaseloadLoadBar, CaseloadStatusBadge } from "./caseload-load.js";
import type { CaseloadFamily, CaseloadWorker } from "./caseload-queries.js";

interface WorkerCaseloadCardProps {
  worker: CaseloadWorker;
  /** Open the family list from the start (a caseworker looking at their own caseload). */
  isInitiallyOpen?: boolean;
  /** Team leaders: "Flyt sager" and "Grænser". */
  onReassign?: () => void;
  onEditLimits?: () => void;
}

/** One worker on the board: families, weighted load against the limits, status, overdue tasks. */
export function WorkerCaseloadCard({
  worker,
  isInitiallyOpen = false,
  onReassign,
  onEditLimits,
}: WorkerCaseloadCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const familiesId = useId();
  const [isOpen, setIsOpen] = useState(isInitiallyOpen);
  return (
    <Paper withBorder radius="md" p="lg" component="article" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={2}>
            <Title order={3} size="h4" id={headingId}>
              {worker.name}
            </Title>
            <Text size="sm" c="dimmed">
              {t("caseload.worker.roleAt", {
                role: t(`casework.teamRoles.${worker.role}`),
                organisation: worker.organisationName,
              })}
            </Text>
          </Stack>
          <CaseloadStatusBadge status={worker.status} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" verticalSpacing="md">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t("caseload.worker.families")}
            </Text>
            <Text fw={650} fz="xl">
              {format.number(worker.familyCount)}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {worker.hasOwnLimits ? t("caseload.worker.loadOwnLimits") : t("caseload.worker.load")}
            </Text>
            <CaseloadLoadBar
              weightedLoadPct={worker.weightedLoadPct}
              limits={worker.limits}
              status={worker.status}
            />
          </Stack>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t("caseload.worker.overdueTasks")}
            </Text>
            <Text fw={650} fz="xl">
              {format.number(worker.overdueTasks)}
            </Text>
          </Stack>
        </SimpleGrid>
        <Group gap="sm" wrap="wrap">
          <Button
            variant="subtle"
            size="compact-sm"
            aria-expanded={isOpen}
            aria-controls={familiesId}
            disabled={worker.families.length === 0}
            onClick={() => setIsOpen((open) => !open)}
          >
            {isOpen
              ? t("caseload.worker.hideFamilies", { count: worker.families.length })
              : t("caseload.worker.showFamilies", { count: worker.families.length })}
          </Button>
          {onReassign && worker.families.length > 0 ? (
            <Button
              variant="default"
              size="compact-sm"
              onClick={onReassign}
              aria-label={t("caseload.worker.reassignNamed", { name: worker.name })}
            >
              {t("caseload.worker.reassign")}
            </Button>
          ) : null}
          {onEditLimits ? (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={onEditLimits}
              aria-label={t("caseload.worker.limitsNamed", { name: worker.name })}
            >
              {t("caseload.worker.limits")}
            </Button>
          ) : null}
        </Group>
        <Collapse expanded={isOpen} id={familiesId}>
          {worker.families.length > 0 ? (
            <WorkerFamiliesTable worker={worker} families={worker.families} />
          ) : null}
        </Collapse>
      </Stack>
    </Paper>
  );
}

/** A worker's courses: family (link), track, weight, course state, overdue tasks. */
function WorkerFamiliesTable({ worker, families }: { worker: CaseloadWorker; families: CaseloadFamily[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const right = { textAlign: "right" } as const;
  const sorted = [...families].sort((a, b) => a.familyName.localeCompare(b.familyName, "da"));
  const caption = t("caseload.families.caption", { name: worker.name });
  return (
    <TableScroll label={caption}>
      <Table miw={720} striped withTableBorder bg="white" verticalSpacing="xs">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("caseload.families.family")}</Table.Th>
            <Table.Th scope="col">{t("caseload.families.track")}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t("caseload.families.weight")}
            </Table.Th>
            <Table.Th scope="col">{t("caseload.families.courseState")}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t("caseload.families.overdueTasks")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((f) => (
            <Table.Tr key={f.courseId}>
              <Table.Th scope="row" fw={400}>
                <RouterAnchor to="/families/$familyId" params={{ familyId: f.familyId }} search={{}} fw={600}>
                  {f.familyName}
                </RouterAnchor>
              </Table.Th>
              <Table.Td>{f.trackName}</Table.Td>
              <Table.Td style={right}>{format.percent(f.weightPct)}</Table.Td>
              <Table.Td>
                <CourseStateBadge state={f.courseState} size="sm" />
              </Table.Td>
              <Table.Td style={right} fw={f.overdueTasks > 0 ? 650 : undefined}>
                {format.number(f.overdueTasks)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
