import { Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DefinitionList } from "../../components/definition-list.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { newestVersionOf } from "./contract-amend-values.js";
import { ContractTracksView } from "./contract-tracks-view.js";
import type { ContractDetail, ContractVersionView } from "./contract-types.js";
import { ContractVersions } from "./contract-versions.js";
import { numeric } from "./table-styles.js";
import { useMoney } from "./use-money.js";
import { usePctText } from "./use-pct-text.js";

/** "Vilkår": the newest version's terms, then every version with its reason and acceptances. */
export function ContractTermsTab({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const newest = newestVersionOf(contract);
  if (!newest) return null;
  return (
    <Stack gap="lg">
      <Text>
        {t("contracts.terms.showing", {
          version: newest.version,
          validFrom: format.date(newest.validFrom),
        })}{" "}
        {newest.isFullyAccepted ? t("contracts.terms.showingAccepted") : t("contracts.terms.showingPending")}
      </Text>
      <PartiesCard version={newest} />
      <MoneyCard version={newest} />
      <MechanismCard version={newest} />
      <ContractTracksView terms={newest.terms} projectId={contract.projectId} />
      <ContractVersions contract={contract} newest={newest} />
    </Stack>
  );
}

function PartiesCard({ version }: { version: ContractVersionView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const acceptance = new Map(version.acceptances.map((a) => [a.partyOrganisationId, a]));
  return (
    <SectionCard title={t("contracts.terms.partiesTitle")}>
      <TableScroll label={t("contracts.terms.partiesTitle")}>
        <Table miw={560} withTableBorder>
          <Table.Caption>{t("contracts.terms.partiesCaption", { version: version.version })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("contracts.terms.party")}</Table.Th>
              <Table.Th scope="col">{t("contracts.terms.role")}</Table.Th>
              <Table.Th scope="col">{t("contracts.terms.accepted")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {version.parties.map((p) => {
              const a = acceptance.get(p.organisationId);
              return (
                <Table.Tr key={`${p.organisationId}-${p.role}`}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{t(`contracts.roles.${p.role}`)}</Table.Td>
                  <Table.Td>
                    {a
                      ? t("contracts.terms.acceptedBy", {
                          name: a.acceptedByName,
                          date: format.date(a.acceptedOn),
                        })
                      : t("contracts.terms.notAccepted")}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </SectionCard>
  );
}

function MoneyCard({ version }: { version: ContractVersionView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const pct = usePctText();
  const terms = version.terms;
  const premium =
    terms.riskPremium.kind === "rate"
      ? t("contracts.terms.premiumRate", { rate: pct(terms.riskPremium.rateBps) })
      : t("contracts.terms.premiumAmount", { amount: money(terms.riskPremium.amountOre) });
  const disbursed = terms.disbursements.reduce((sum, d) => sum + d.amountOre, 0);
  return (
    <SectionCard title={t("contracts.terms.moneyTitle")}>
      <DefinitionList
        items={[
          { label: t("contracts.columns.investment"), value: money(terms.investmentOre) },
          { label: t("contracts.terms.riskPremium"), value: premium },
          { label: t("contracts.columns.cap"), value: money(terms.capOre) },
          { label: t("contracts.terms.floor"), value: money(terms.floorOre) },
        ]}
      />
      <Table withTableBorder maw={520}>
        <Table.Caption>{t("contracts.terms.disbursementsCaption")}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("contracts.terms.date")}</Table.Th>
            <Table.Th scope="col" style={numeric}>
              {t("contracts.terms.amount")}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {terms.disbursements.map((d, i) => (
            // Disbursements have no id; their order is part of the terms.
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list, never reordered
            <Table.Tr key={i}>
              <Table.Td>{format.date(d.date)}</Table.Td>
              <Table.Td style={numeric}>{money(d.amountOre)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t("contracts.terms.total")}</Table.Th>
            <Table.Td style={numeric} fw={600}>
              {money(disbursed)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </SectionCard>
  );
}

function MechanismCard({ version }: { version: ContractVersionView }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const terms = version.terms;
  const m = terms.mechanism;
  const window = (w: { from: string; to: string }) => `${format.date(w.from)} – ${format.date(w.to)}`;
  return (
    <SectionCard title={t("contracts.terms.mechanismTitle")}>
      <DefinitionList
        items={[
          { label: t("contracts.terms.serviceWindow"), value: window(terms.serviceWindow) },
          { label: t("contracts.terms.followUpWindow"), value: window(terms.followUpWindow) },
          { label: t("contracts.terms.mechanism"), value: t(`contracts.mechanisms.${m.kind}`) },
          ...(m.kind === "weighted-attainment"
            ? [
                {
                  label: t("contracts.terms.notMeasurable"),
                  value: t(`contracts.notMeasurable.${m.notMeasurable}`),
                },
                { label: t("contracts.terms.weighting"), value: t(`contracts.weighting.${m.weighting}`) },
              ]
            : []),
          {
            label: t("contracts.terms.rounding"),
            value: t("contracts.terms.roundingValue", {
              mode: t(`contracts.roundingModes.${terms.rounding.mode}`),
              unit: t(
                terms.rounding.unitOre === 1
                  ? "contracts.roundingUnits.ore"
                  : "contracts.roundingUnits.krone",
              ),
            }),
          },
        ]}
      />
    </SectionCard>
  );
}
