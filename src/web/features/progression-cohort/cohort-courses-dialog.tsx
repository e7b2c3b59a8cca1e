import { Button, Group, Modal, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CohortCourseRow, CohortView } from "../../../contracts/progression-cohort.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { formatValue, useUnitWords } from "./cohort-format.js";
import { COURSES_PAGE_SIZE, type FigureChoice, useCohortCourses } from "./cohort-queries.js";
import type { CohortSearch } from "./cohort-search.js";

interface CohortCoursesDialogProps {
  projectId: string;
  search: CohortSearch;
  view: CohortView;
  figure: FigureChoice | null;
  offset: number;
  onOffset: (offset: number) => void;
  onClose: () => void;
}

/** The families (or members) behind a figure, with their values; each links to the family's measurements. */
export function CohortCoursesDialog({
  projectId,
  search,
  view,
  figure,
  offset,
  onOffset,
  onClose,
}: CohortCoursesDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unit = useUnitWords(view.selection.subject);
  const courses = useCohortCourses(projectId, search, figure, offset);
  const k = "progressionCohort.cohort.courses";
  const title = !figure
    ? ""
    : figure.figure === "month"
      ? t(`${k}.titleMonth`, { month: figure.month })
      : figure.figure === "before-after"
        ? t(`${k}.titleBeforeAfter`)
        : t(figure.figure === "end" ? `${k}.titleEnd` : `${k}.titleLatest`, {
            what: t(`progressionCohort.cohort.classes.${figure.bucket ?? "improved"}`),
          });
  const isPerson = view.selection.subject === "person";
  const point = (p: { value: number; measuredOn: string } | null) =>
    p
      ? t(`${k}.valueOn`, { value: formatValue(format, p.value), date: format.date(p.measuredOn) })
      : t(`${k}.none`);
  const change = (c: CohortCourseRow["change"]) =>
    c ? formatValue(format, c.absolute, true) : t(`${k}.none`);
  const classText = (c: CohortCourseRow["classification"]) =>
    c ? ` · ${t(`progressionCohort.cohort.classes.${c}`)}` : "";

  return (
    <Modal
      opened={figure !== null}
      onClose={onClose}
      title={title}
      size="80rem"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <QueryState query={courses}>
        {(page) => (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t(`${k}.count`, { count: page.total, unit: unit.count(page.total) })}. {t(`${k}.audited`)}
            </Text>
            {page.items.length === 0 ? (
              <Text>{t(`${k}.empty`)}</Text>
            ) : (
              <TableScroll label={title}>
                <Table miw={900} striped withTableBorder>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t(`${k}.family`)}</Table.Th>
                      {isPerson ? <Table.Th scope="col">{t(`${k}.person`)}</Table.Th> : null}
                      <Table.Th scope="col">{t(`${k}.track`)}</Table.Th>
                      <Table.Th scope="col">{t(`${k}.state`)}</Table.Th>
                      <Table.Th scope="col">{t(`${k}.baseline`)}</Table.Th>
                      {figure?.figure === "month" ? (
                        <Table.Th scope="col">{t(`${k}.monthValue`)}</Table.Th>
                      ) : null}
                      <Table.Th scope="col">{t(`${k}.latest`)}</Table.Th>
                      <Table.Th scope="col">{t(`${k}.change`)}</Table.Th>
                      <Table.Th scope="col">{t(`${k}.end`)}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((r) => (
                      <Table.Tr key={`${r.courseId}|${r.personId ?? ""}`}>
                        <Table.Td>
                          <RouterAnchor
                            to="/families/$familyId"
                            params={{ familyId: r.familyId }}
                            search={{ tab: "measurements", courseId: r.courseId }}
                            fw={600}
                            aria-label={t(`${k}.openFamily`, { name: r.familyName })}
                          >
                            {r.familyName}
                          </RouterAnchor>
                        </Table.Td>
                        {isPerson ? <Table.Td>{r.personName ?? t(`${k}.none`)}</Table.Td> : null}
                        <Table.Td>{r.trackName}</Table.Td>
                        <Table.Td>{t(`casework.courseStates.${r.state}`)}</Table.Td>
                        <Table.Td>{point(r.baseline)}</Table.Td>
                        {figure?.figure === "month" ? <Table.Td>{point(r.monthValue)}</Table.Td> : null}
                        <Table.Td>{point(r.latest)}</Table.Td>
                        <Table.Td>
                          {change(r.change)}
                          {classText(r.classification)}
                        </Table.Td>
                        <Table.Td>
                          {r.end
                            ? `${point(r.end)} · ${change(r.endChange)}${classText(r.endClassification)}`
                            : t(`${k}.none`)}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
            {page.total > COURSES_PAGE_SIZE ? (
              <nav aria-label={t(`${k}.pagination`)}>
                <Group justify="space-between">
                  <Button
                    variant="default"
                    disabled={offset === 0}
                    onClick={() => onOffset(Math.max(0, offset - COURSES_PAGE_SIZE))}
                  >
                    {t(`${k}.previous`)}
                  </Button>
                  <Text size="sm" c="dimmed">
                    {t(`${k}.showing`, {
                      from: format.number(offset + 1),
                      to: format.number(offset + page.items.length),
                      total: format.number(page.total),
                    })}
                  </Text>
                  <Button
                    variant="default"
                    disabled={offset + COURSES_PAGE_SIZE >= page.total}
                    onClick={() => onOffset(offset + COURSES_PAGE_SIZE)}
                  >
                    {t(`${k}.next`)}
                  </Button>
                </Group>
              </nav>
            ) : null}
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}
