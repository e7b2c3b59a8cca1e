import { Button, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { DefinitionList } from "../../components/definition-list.js";
import { EmptyState } from "../../components/empty-state.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useLedger } from "./contract-queries.js";
import type { ContractDetail } from "./contract-types.js";
import { DisbursementDialog } from "./disbursement-dialog.js";
import { numeric } from "./table-styles.js";
import { useMoney } from "./use-money.js";

/**
 * "Posteringer": the money that has moved — the investor's disbursements, the payer's repayments
 * after each locked statement, and adjustments. Entries are never changed; a correction is a new one.
 */
export function LedgerTab({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const ledger = useLedger(contract.id);
  const [opened, { open, close }] = useDisclosure(false);
  const canBook = contract.abilities.manage;
  return (
    <SectionCard
      title={t("contracts.ledger.title")}
      actions={canBook ? <Button onClick={open}>{t("contracts.disbursement.open")}</Button> : null}
    >
      <Text size="sm">{t("contracts.ledger.intro")}</Text>
      <QueryState query={ledger}>
        {(l) => (
          <Stack gap="md">
            <DefinitionList
              items={[
                { label: t("contracts.ledger.disbursed"), value: money(l.disbursedOre) },
                { label: t("contracts.ledger.repaid"), value: money(l.repaidOre) },
                { label: t("contracts.ledger.net"), value: money(l.netOre) },
              ]}
            />
            {l.items.length === 0 ? (
              <EmptyState title={t("contracts.ledger.empty")} />
            ) : (
              <TableScroll label={t("contracts.ledger.title")}>
                <Table miw={900} striped withTableBorder>
                  <Table.Caption>{t("contracts.ledger.count", { count: l.items.length })}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("contracts.ledger.bookedOn")}</Table.Th>
                      <Table.Th scope="col">{t("contracts.ledger.kind")}</Table.Th>
                      <Table.Th scope="col">{t("contracts.ledger.fromTo")}</Table.Th>
                      <Table.Th scope="col" style={numeric}>
                        {t("contracts.terms.amount")}
                      </Table.Th>
                      <Table.Th scope="col">{t("contracts.ledger.note")}</Table.Th>
                      <Table.Th scope="col">{t("contracts.ledger.bookedBy")}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {l.items.map((entry) => (
                      <Table.Tr key={entry.id}>
                        <Table.Td style={{ whiteSpace: "nowrap" }}>{format.date(entry.bookedOn)}</Table.Td>
                        <Table.Td>{t(`contracts.ledgerKinds.${entry.kind}`)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">
                            {t("contracts.ledger.fromToValue", { from: entry.fromName, to: entry.toName })}
                          </Text>
                        </Table.Td>
                        <Table.Td style={numeric}>{money(entry.amountOre)}</Table.Td>
                        <Table.Td>
                          <Text size="sm">{entry.note || "–"}</Text>
                          {entry.statementId ? (
                            <RouterAnchor
                              to="/statements/$statementId"
                              params={{ statementId: entry.statementId }}
                              size="xs"
                            >
                              {t("contracts.ledger.showStatement")}
                            </RouterAnchor>
                          ) : null}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{entry.createdByName ?? t("contracts.unknownUser")}</Text>
                          <Text size="xs" c="dimmed">
                            {format.dateTime(entry.createdAt)}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )}
          </Stack>
        )}
      </QueryState>
      {canBook ? <DisbursementDialog opened={opened} onClose={close} contractId={contract.id} /> : null}
    </SectionCard>
  );
}
