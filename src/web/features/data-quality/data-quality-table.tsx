import { Badge, Button, Group, Table, Text } from "@mantine/core";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  DATA_QUALITY_KINDS,
  type DataQualityCourse,
  type DataQualityKind,
} from "../../../contracts/progression-cohort.js";
import { RouterAnchor } from "../../components/router-links.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useIssueText } from "./issue-text.js";

/** The badge of each kind of issue; the palette's shades pass WCAG AA (src/web/app/theme.ts). */
export const KIND_BADGES: Record<DataQualityKind, { color: string; variant: "light" | "filled" }> = {
  missing: { color: "red", variant: "light" },
  late: { color: "orange", variant: "light" },
  duplicate: { color: "bundlinje", variant: "light" },
  "out-of-range": { color: "red", variant: "filled" },
};

const COUNT_OF: Record<DataQualityKind, keyof DataQualityCourse["counts"]> = {
  missing: "missing",
  late: "late",
  duplicate: "duplicate",
  "out-of-range": "outOfRange",
};

/** One row per course with its counts; a button shows the course's issues one by one. */
export function DataQualityTable({
  courses,
  caption,
  kind,
}: {
  courses: DataQualityCourse[];
  caption: string;
  /** The kind filtered on: only its count is shown. */
  kind: DataQualityKind | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const issueText = useIssueText();
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpenIds((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const k = "progressionCohort.dataQuality";
  return (
    <TableScroll label={t(`${k}.title`)}>
      <Table miw={860} withTableBorder bg="white" verticalSpacing="sm">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`${k}.columns.family`)}</Table.Th>
            <Table.Th scope="col">{t(`${k}.columns.caseworkers`)}</Table.Th>
            <Table.Th scope="col">{t(`${k}.columns.issues`)}</Table.Th>
            <Table.Th scope="col">{t(`${k}.columns.details`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {courses.map((c) => {
            const isOpen = openIds.has(c.courseId);
            const detailsId = `issues-${c.courseId}`;
            return (
              <Fragment key={c.courseId}>
                <Table.Tr>
                  <Table.Td>
                    <RouterAnchor
                      to="/families/$familyId"
                      params={{ familyId: c.familyId }}
                      search={{ tab: "measurements", courseId: c.courseId }}
                      fw={600}
                      aria-label={t(`${k}.openFamily`, { name: c.familyName })}
                    >
                      {c.familyName}
                    </RouterAnchor>
                    <Text size="xs" c="dimmed">
                      {c.trackName} · {t(`casework.courseStates.${c.state}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={c.caseworkers.length === 0 ? "dimmed" : undefined}>
                      {c.caseworkers.length === 0
                        ? t(`${k}.noCaseworker`)
                        : c.caseworkers.map((w) => w.name).join(", ")}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      {DATA_QUALITY_KINDS.filter(
                        (x) => (!kind || x === kind) && c.counts[COUNT_OF[x]] > 0,
                      ).map((x) => (
                        <Badge key={x} size="sm" {...KIND_BADGES[x]}>
                          {`${t(`${k}.kinds.${x}`)}: ${format.number(c.counts[COUNT_OF[x]])}`}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      onClick={() => toggle(c.courseId)}
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? detailsId : undefined}
                    >
                      {isOpen ? t(`${k}.hideIssues`) : t(`${k}.showIssues`, { count: c.issues.length })}
                    </Button>
                  </Table.Td>
                </Table.Tr>
                {isOpen ? (
                  <Table.Tr id={detailsId}>
                    <Table.Td colSpan={4} bg="gray.0">
                      <Table withTableBorder bg="white" fz="sm">
                        <Table.Caption>{t(`${k}.issuesOf`, { name: c.familyName })}</Table.Caption>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th scope="col" miw={170}>
                              {t(`${k}.filters.kind`)}
                            </Table.Th>
                            <Table.Th scope="col">{t(`${k}.issue.instrument`)}</Table.Th>
                            <Table.Th scope="col">{t(`${k}.issue.subject`)}</Table.Th>
                            <Table.Th scope="col">{t(`${k}.issue.slot`)}</Table.Th>
                            <Table.Th scope="col">{t(`${k}.issue.problem`)}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {c.issues.map((issue, i) => {
                            const text = issueText(issue);
                            return (
                              // Issues have no id of their own; their order is stable.
                              // biome-ignore lint/suspicious/noArrayIndexKey: see above
                              <Table.Tr key={i}>
                                <Table.Td>
                                  <Badge size="sm" {...KIND_BADGES[issue.kind]}>
                                    {t(`${k}.kinds.${issue.kind}`)}
                                  </Badge>
                                </Table.Td>
                                <Table.Td>{text.instrument}</Table.Td>
                                <Table.Td>{text.subject}</Table.Td>
                                <Table.Td>{text.slot}</Table.Td>
                                <Table.Td>{text.problem}</Table.Td>
                              </Table.Tr>
                            );
                          })}
                        </Table.Tbody>
                      </Table>
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
