import { NativeSelect, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { IMPORT_FIELDS, type ImportableInstrument } from "../../../contracts/progression-import.js";
import { TableScroll } from "../../components/table-scroll.js";
import { displayCell } from "./read-csv-file.js";

interface ColumnMappingTableProps {
  headers: readonly string[];
  firstRow: readonly string[] | undefined;
  instrument: ImportableInstrument;
  mapping: Record<string, string>;
  onChange: (header: string, target: string) => void;
}

/** One line per column of the file: what it holds (a field or an item of the instrument) and an example. */
export function ColumnMappingTable({
  headers,
  firstRow,
  instrument,
  mapping,
  onChange,
}: ColumnMappingTableProps) {
  const { t } = useTranslation();
  const required = (isRequired: boolean) => (isRequired ? ` ${t("measurementImport.mapping.required")}` : "");
  const options = [
    { value: "", label: t("measurementImport.mapping.ignore") },
    ...IMPORT_FIELDS.map((field) => ({
      value: field,
      label: `${t(`measurementImport.mapping.fields.${field}`)}${required(field === "cpr" || field === "measuredOn")}`,
    })),
    ...instrument.items.map((item) => ({
      value: item.code,
      label: `${item.label}${required(item.isRequired)}`,
    })),
  ];
  const caption = t("measurementImport.mapping.caption");
  return (
    <TableScroll label={caption}>
      <Table miw={640} withTableBorder verticalSpacing="xs" bg="white" captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("measurementImport.mapping.column")}</Table.Th>
            <Table.Th scope="col">{t("measurementImport.mapping.field")}</Table.Th>
            <Table.Th scope="col">{t("measurementImport.mapping.example")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {headers.map((header, i) => {
            const target = mapping[header] ?? "";
            return (
              <Table.Tr key={header || `column-${i}`}>
                <Table.Th scope="row" fw={600}>
                  {header}
                </Table.Th>
                <Table.Td>
                  <NativeSelect
                    aria-label={t("measurementImport.mapping.fieldLabel", { column: header })}
                    value={target}
                    data={options}
                    onChange={(event) => onChange(header, event.currentTarget.value)}
                    miw={260}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="mono">
                    {displayCell(firstRow?.[i], target === "cpr")}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
