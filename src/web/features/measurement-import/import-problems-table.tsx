import { Button, Stack, Table, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportProblem } from "../../../contracts/progression-import.js";
import { TableScroll } from "../../components/table-scroll.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { useFormatters } from "../../lib/use-formatters.js";

const FIRST = 200;

/** Every bad row: its row number in the file, the CPR number masked, the column and the reason. */
export function ImportProblemsTable({ problems }: { problems: readonly ImportProblem[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? problems : problems.slice(0, FIRST);
  const caption = t("measurementImport.result.problemsCaption");
  return (
    <Stack gap="xs">
      <TableScroll label={caption}>
        <Table withTableBorder striped verticalSpacing="xs" bg="white" captionSide="top" miw={640}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("measurementImport.result.row")}</Table.Th>
              <Table.Th scope="col">{t("measurementImport.result.cpr")}</Table.Th>
              <Table.Th scope="col">{t("measurementImport.result.column")}</Table.Th>
              <Table.Th scope="col">{t("measurementImport.result.problem")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((p) => (
              <Table.Tr key={`${p.row}|${p.column ?? ""}|${p.message}`}>
                <Table.Td style={{ whiteSpace: "nowrap" }}>{format.number(p.row)}</Table.Td>
                <Table.Td className="mono" style={{ whiteSpace: "nowrap" }}>
                  {p.cprMasked ?? "–"}
                </Table.Td>
                <Table.Td>
                  {p.column ?? (
                    <Text span c="dimmed" size="sm">
                      {t("measurementImport.result.wholeRow")}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{translateServerMessage(p.message)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {problems.length > shown.length ? (
        <div>
          <Button variant="default" size="xs" onClick={() => setShowAll(true)}>
            {t("measurementImport.result.showAll", { formatted: format.number(problems.length) })}
          </Button>
        </div>
      ) : null}
    </Stack>
  );
}
