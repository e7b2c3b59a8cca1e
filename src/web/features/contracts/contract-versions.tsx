import { Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { RouterButton } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { ContractAcceptDialog } from "./contract-accept-dialog.js";
import type { ContractDetail, ContractVersionView } from "./contract-types.js";

/**
 * "Versioner og accept": every version newest first — when it applies from, why and by whom it was
 * made, who has accepted it and who has not. Parties the user may sign for can record an acceptance
 * of the newest version; the contract's managers can amend it (a new version).
 */
export function ContractVersions({
  contract,
  newest,
}: {
  contract: ContractDetail;
  newest: ContractVersionView;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const versions = [...contract.versions].sort((a, b) => b.version - a.version);
  const canAccept = contract.abilities.acceptFor.length > 0 && !newest.isFullyAccepted;
  const canAmend = contract.abilities.manage;
  return (
    <SectionCard
      title={t("contracts.versions.title")}
      actions={
        canAccept || canAmend ? (
          <Group gap="sm">
            {canAmend ? (
              <RouterButton
                variant={canAccept ? "default" : "filled"}
                to="/contracts/$contractId/amend"
                params={{ contractId: contract.id }}
              >
                {t("contracts.amend.open")}
              </RouterButton>
            ) : null}
            {canAccept ? (
              <Button onClick={open}>{t("contracts.accept.open", { version: newest.version })}</Button>
            ) : null}
          </Group>
        ) : null
      }
    >
      {versions.map((v) => (
        <VersionItem key={v.version} version={v} />
      ))}
      {canAccept ? (
        <ContractAcceptDialog
          opened={opened}
          onClose={close}
          contractId={contract.id}
          version={newest.version}
          parties={contract.abilities.acceptFor}
        />
      ) : null}
    </SectionCard>
  );
}

function VersionItem({ version }: { version: ContractVersionView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper
      withBorder
      radius="sm"
      p="md"
      component="article"
      aria-label={t("contracts.versions.version", { version: version.version })}
    >
      <Stack gap="sm">
        <Group gap="sm">
          <Title order={3} size="h5">
            {t("contracts.versions.version", { version: version.version })}
          </Title>
          {version.isFullyAccepted ? (
            <Badge color="green" variant="light">
              {t("contracts.versions.fullyAccepted")}
            </Badge>
          ) : (
            <Badge color="orange" variant="light">
              {t("contracts.versions.pending")}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t("contracts.versions.validFrom", { date: format.date(version.validFrom) })} ·{" "}
          {t("contracts.versions.createdBy", {
            name: version.createdByName ?? t("contracts.unknownUser"),
            at: format.dateTime(version.createdAt),
          })}
        </Text>
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t("contracts.versions.reason")}:
          </Text>{" "}
          {version.reason ?? t("contracts.versions.firstVersion")}
        </Text>
        {version.acceptances.length > 0 ? (
          <TableScroll label={t("contracts.versions.acceptancesCaption", { version: version.version })}>
            <Table miw={640} withTableBorder>
              <Table.Caption>
                {t("contracts.versions.acceptancesCaption", { version: version.version })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("contracts.terms.party")}</Table.Th>
                  <Table.Th scope="col">{t("contracts.versions.signedBy")}</Table.Th>
                  <Table.Th scope="col">{t("contracts.terms.date")}</Table.Th>
                  <Table.Th scope="col">{t("contracts.versions.recordedBy")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {version.acceptances.map((a) => (
                  <Table.Tr key={a.partyOrganisationId}>
                    <Table.Td>{a.partyName}</Table.Td>
                    <Table.Td>{a.acceptedByName}</Table.Td>
                    <Table.Td>{format.date(a.acceptedOn)}</Table.Td>
                    <Table.Td>
                      {a.recordedByName ?? t("contracts.unknownUser")}, {format.dateTime(a.recordedAt)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
        ) : (
          <Text size="sm">{t("contracts.versions.noAcceptances")}</Text>
        )}
        {version.missingAcceptances.length > 0 ? (
          <div>
            <Text size="sm" fw={600}>
              {t("contracts.versions.missing")}
            </Text>
            <List size="sm">
              {version.missingAcceptances.map((p) => (
                <List.Item key={`${p.organisationId}-${p.role}`}>
                  {p.name} ({t(`contracts.roles.${p.role}`)})
                </List.Item>
              ))}
            </List>
          </div>
        ) : null}
      </Stack>
    </Paper>
  );
}
