import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TableScroll } from "../../components/table-scroll.js";
import { type CsvFile, displayCell } from "./read-csv-file.js";

/** The first rows of the file as they will be read, CPR numbers masked. */
export function FilePreviewTable({ file, mapping }: { file: CsvFile; mapping: Record<string, string> }) {
  const { t } = useTranslation();
  const caption = t("measurementImport.preview.caption", { count: file.firstRows.length });
  return (
    <TableScroll label={caption}>
      <Table withTableBorder striped verticalSpacing={4} fz="sm" bg="white" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {file.headers.map((h, i) => (
              <Table.Th key={h || `column-${i}`} scope="col" style={{ whiteSpace: "nowrap" }}>
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {file.firstRows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: preview rows have no identity but their place
            <Table.Tr key={r}>
              {file.headers.map((h, i) => (
                <Table.Td key={h || `column-${i}`} style={{ whiteSpace: "nowrap" }}>
                  {displayCell(row[i], mapping[h] === "cpr")}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
