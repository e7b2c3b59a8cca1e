import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MeasurementImportSummary } from "../../../contracts/progression-import.js";
import { EmptyState } from "../../components/empty-state.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";

/** The imports of the user's organisation in the project: file, instrument, rows, who and when. */
export function ImportHistoryTable({ imports }: { imports: readonly MeasurementImportSummary[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (imports.length === 0) return <EmptyState title={t("measurementImport.history.empty")} />;
  const caption = t("measurementImport.history.caption");
  return (
    <TableScroll label={caption}>
      <Table withTableBorder striped verticalSpacing="xs" bg="white" captionSide="top" miw={640}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("measurementImport.history.file")}</Table.Th>
            <Table.Th scope="col">{t("measurementImport.history.instrument")}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {t("measurementImport.history.rows")}
            </Table.Th>
            <Table.Th scope="col">{t("measurementImport.history.by")}</Table.Th>
            <Table.Th scope="col">{t("measurementImport.history.at")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {imports.map((i) => (
            <Table.Tr key={i.id}>
              <Table.Td style={{ overflowWrap: "anywhere" }}>{i.fileName}</Table.Td>
              <Table.Td>{i.instrumentName}</Table.Td>
              <Table.Td style={{ textAlign: "right" }}>{format.number(i.rowCount)}</Table.Td>
              <Table.Td>
                {i.importedByName ?? (
                  <Text span c="dimmed">
                    –
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(i.importedAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
