import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { ProjectInstrument, TrackSchedule } from "../../../contracts/progression.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useScheduleText } from "./use-schedule-text.js";

/** A track's schedule as a table: one row per instrument and whom it measures. */
export function ScheduleTable({
  track,
  instruments,
}: {
  track: TrackSchedule;
  instruments: readonly ProjectInstrument[];
}) {
  const { t } = useTranslation();
  const text = useScheduleText();
  const entries = track.schedule?.entries ?? [];
  if (entries.length === 0) return <Text c="dimmed">{t("schedules.page.noEntries")}</Text>;
  const label = t("schedules.page.tableLabel", { track: track.trackName });
  return (
    <TableScroll label={label}>
      <Table miw={820} withTableBorder aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("schedules.columns.instrument")}</Table.Th>
            <Table.Th scope="col">{t("schedules.columns.subjects")}</Table.Th>
            <Table.Th scope="col">{t("schedules.columns.baseline")}</Table.Th>
            <Table.Th scope="col">{t("schedules.columns.every")}</Table.Th>
            <Table.Th scope="col">{t("schedules.columns.atEnd")}</Table.Th>
            <Table.Th scope="col">{t("schedules.columns.followUps")}</Table.Th>
            <Table.Th scope="col">{t("schedules.columns.window")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={`${e.instrumentCode}|${e.subjects}`}>
              <Table.Th scope="row" fw={600}>
                {instruments.find((i) => i.code === e.instrumentCode)?.name ?? e.instrumentCode}
              </Table.Th>
              <Table.Td>{t(`schedules.subjects.${e.subjects}`)}</Table.Td>
              <Table.Td>{text.baseline(e)}</Table.Td>
              <Table.Td>{text.every(e)}</Table.Td>
              <Table.Td>{text.atEnd(e)}</Table.Td>
              <Table.Td>{text.followUps(e)}</Table.Td>
              <Table.Td>{text.window(e)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
