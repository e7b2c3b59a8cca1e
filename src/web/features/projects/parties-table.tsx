import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Project } from "../../../contracts/admin.js";
import { TableScroll } from "../../components/table-scroll.js";

/** The organisations taking part in a project, and their part in it. */
export function PartiesTable({ parties }: { parties: Project["parties"] }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t("projects.partiesTitle")}>
      <Table miw={520} withTableBorder aria-label={t("projects.partiesTitle")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("fields.organisation")}</Table.Th>
            <Table.Th scope="col">{t("fields.organisationKind")}</Table.Th>
            <Table.Th scope="col">{t("projects.part")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parties.map((party) => (
            <Table.Tr key={`${party.organisationId}:${party.part}`}>
              <Table.Td>{party.organisationName}</Table.Td>
              <Table.Td>{t(`organisationKinds.${party.organisationKind}`)}</Table.Td>
              <Table.Td>{t(`projectParts.${party.part}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
