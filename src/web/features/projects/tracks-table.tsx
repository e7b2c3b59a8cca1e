import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Project } from "../../../contracts/admin.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";

/** A project's tracks (e.g. ordinary and intensive) with capacity and follow-up interval. */
export function TracksTable({ tracks }: { tracks: Project["tracks"] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const right = { textAlign: "right" } as const;
  return (
    <TableScroll label={t("projects.tracksTitle")}>
      <Table miw={640} withTableBorder aria-label={t("projects.tracksTitle")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("tracks.code")}</Table.Th>
            <Table.Th scope="col">{t("fields.name")}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t("tracks.capacityFamilies")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("tracks.caseloadWeightPct")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("tracks.reviewIntervalMonths")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tracks.map((track) => (
            <Table.Tr key={track.id}>
              <Table.Td className="mono">{track.code}</Table.Td>
              <Table.Td>{track.name}</Table.Td>
              <Table.Td style={right}>{format.number(track.capacityFamilies)}</Table.Td>
              <Table.Td style={right}>{format.percent(track.caseloadWeightPct)}</Table.Td>
              <Table.Td style={right}>{t("tracks.months", { count: track.reviewIntervalMonths })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
