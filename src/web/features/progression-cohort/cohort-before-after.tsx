import { Button, Group, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CohortView } from "../../../contracts/progression-cohort.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { formatValue, useUnitWords } from "./cohort-format.js";
import type { FigureChoice } from "./cohort-queries.js";
import { SmallGroupBadge } from "./small-group-badge.js";

interface CohortBeforeAfterProps {
  view: CohortView;
  onShow: (figure: FigureChoice) => void;
}

/** Baseline, end value and change of the courses that have ended: quartiles and median. */
export function CohortBeforeAfter({ view, onShow }: CohortBeforeAfterProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unit = useUnitWords(view.selection.subject);
  const k = "progressionCohort.cohort.beforeAfter";
  const ba = view.beforeAfter;
  if (ba.n === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t(`${k}.none`)}
      </Text>
    );
  }
  const rows = [
    { key: "baseline", label: t(`${k}.baseline`), spread: ba.baseline, signed: false },
    { key: "end", label: t(`${k}.end`), spread: ba.end, signed: false },
    { key: "change", label: t(`${k}.change`), spread: ba.change, signed: true },
  ] as const;
  const o = "progressionCohort.cohort.overTime";
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t(`${k}.description`)}
      </Text>
      <Table withTableBorder striped bg="white" captionSide="bottom">
        <Table.Caption>{t(`${k}.caption`, { count: ba.n, unit: unit.count(ba.n) })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`${k}.row`)}</Table.Th>
            <Table.Th scope="col">{t(`${o}.min`)}</Table.Th>
            <Table.Th scope="col">{t(`${o}.q1`)}</Table.Th>
            <Table.Th scope="col">{t(`${o}.median`)}</Table.Th>
            <Table.Th scope="col">{t(`${o}.q3`)}</Table.Th>
            <Table.Th scope="col">{t(`${o}.max`)}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row" fw={500}>
                {r.label}
              </Table.Th>
              {r.spread ? (
                <>
                  <Table.Td>{formatValue(format, r.spread.min, r.signed)}</Table.Td>
                  <Table.Td>{formatValue(format, r.spread.q1, r.signed)}</Table.Td>
                  <Table.Td fw={600}>{formatValue(format, r.spread.median, r.signed)}</Table.Td>
                  <Table.Td>{formatValue(format, r.spread.q3, r.signed)}</Table.Td>
                  <Table.Td>{formatValue(format, r.spread.max, r.signed)}</Table.Td>
                </>
              ) : (
                <Table.Td colSpan={5}>–</Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="sm">
        <Button variant="default" size="xs" onClick={() => onShow({ figure: "before-after" })}>
          {t(`${k}.show`, { count: ba.n, unit: unit.count(ba.n) })}
        </Button>
        {ba.isSmall ? <SmallGroupBadge /> : null}
      </Group>
    </Stack>
  );
}
