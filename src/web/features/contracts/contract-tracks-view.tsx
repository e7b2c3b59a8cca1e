import { Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useOutcomeRules } from "./contract-queries.js";
import type { ContractTermsView } from "./contract-types.js";
import { numeric } from "./table-styles.js";
import { useMeasurementPointLabel } from "./use-measurement-point-label.js";
import { useMoney } from "./use-money.js";
import { usePctText } from "./use-pct-text.js";

/** "Spor og betalingsmål": each track with its goals — rule, measuring point and how it pays. */
export function ContractTracksView({ terms, projectId }: { terms: ContractTermsView; projectId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const pct = usePctText();
  const pointLabel = useMeasurementPointLabel();
  const rules = useOutcomeRules(projectId);
  const ruleName = (rule: { ruleId: string; ruleVersion: number }) => {
    const found = rules.data?.items.find(
      (r) => r.ruleId === rule.ruleId && r.ruleVersion === rule.ruleVersion,
    );
    if (!found) return `${rule.ruleId} (v${rule.ruleVersion})`;
    return i18n.language === "en" ? found.nameEn : found.name;
  };
  const kind = terms.mechanism.kind;
  const perTrack =
    terms.mechanism.kind === "weighted-attainment" && terms.mechanism.weighting === "per-track";
  return (
    <SectionCard title={t("contracts.terms.tracksTitle")}>
      {terms.tracks.map((track) => (
        <Stack key={track.code} gap="xs">
          <Title order={3} size="h5">
            {track.name}{" "}
            <Text span c="dimmed" size="sm">
              ({track.code})
            </Text>
          </Title>
          <Text size="sm">
            {[
              t("contracts.terms.expectedFamilies", {
                count: track.expectedFamilies,
                formatted: format.number(track.expectedFamilies),
              }),
              perTrack && track.budgetShareBps !== undefined
                ? t("contracts.terms.budgetShare", { share: pct(track.budgetShareBps) })
                : null,
              track.familyCapOre !== undefined && track.familyCapOre !== null
                ? t("contracts.terms.familyCap", { amount: money(track.familyCapOre) })
                : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          <TableScroll label={t("contracts.terms.goalsCaption", { track: track.name })}>
            <Table miw={820} withTableBorder striped>
              <Table.Caption>{t("contracts.terms.goalsCaption", { track: track.name })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t("contracts.terms.goal")}</Table.Th>
                  <Table.Th scope="col">{t("contracts.terms.rule")}</Table.Th>
                  <Table.Th scope="col">{t("contracts.terms.measurementPoint")}</Table.Th>
                  {kind === "weighted-attainment" ? (
                    <>
                      <Table.Th scope="col" style={numeric}>
                        {t("contracts.terms.weight")}
                      </Table.Th>
                      <Table.Th scope="col" style={numeric}>
                        {t("contracts.terms.threshold")}
                      </Table.Th>
                      <Table.Th scope="col" style={numeric}>
                        {t("contracts.terms.target")}
                      </Table.Th>
                    </>
                  ) : (
                    <Table.Th scope="col" style={numeric}>
                      {kind === "rate-card" ? t("contracts.terms.price") : t("contracts.terms.pricePerDay")}
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {track.goals.map((goal) => {
                  const p = goal.payment;
                  return (
                    <Table.Tr key={goal.id}>
                      <Table.Th scope="row" fw={500}>
                        {goal.name}
                      </Table.Th>
                      <Table.Td>{ruleName(goal.outcomeRule)}</Table.Td>
                      <Table.Td>{pointLabel(goal.measurementPoint)}</Table.Td>
                      {p.kind === "weighted" ? (
                        <>
                          <Table.Td style={numeric}>{pct(p.weightBps)}</Table.Td>
                          <Table.Td style={numeric}>{pct(p.thresholdBps)}</Table.Td>
                          <Table.Td style={numeric}>{pct(p.targetBps)}</Table.Td>
                        </>
                      ) : (
                        <Table.Td style={numeric}>
                          {money(p.kind === "price" ? p.priceOre : p.pricePerDayOre)}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        </Stack>
      ))}
      {kind === "weighted-attainment" ? (
        <Text size="sm" c="dimmed">
          {perTrack ? t("contracts.terms.weightsHintPerTrack") : t("contracts.terms.weightsHintPerContract")}
        </Text>
      ) : null}
    </SectionCard>
  );
}
