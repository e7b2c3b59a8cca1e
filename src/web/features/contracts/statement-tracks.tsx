import { Button, Stack, Table, Text, Title } from "@mantine/core";
import { Fragment, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import type { StatementDetail, StatementGoal, StatementTrack } from "./contract-types.js";
import { ShownCountText } from "./shown-count.js";
import { StatementFamilyLines } from "./statement-family-lines.js";
import { numberHeader, numeric } from "./table-styles.js";
import { useMoney } from "./use-money.js";
import { usePctText } from "./use-pct-text.js";

const GOAL_COLUMNS = 8;

/**
 * The explanation per track and per goal: how many families, how many met the goal, the share, the
 * attainment and the amount — and, for those who may see them, the family lines behind each goal
 * (expanded on request; always expanded in the print view).
 */
export function StatementTracks({
  statement,
  isPrint = false,
}: {
  statement: StatementDetail;
  isPrint?: boolean;
}) {
  return (
    <Stack gap="lg">
      {statement.tracks.map((track) => (
        <TrackTable key={track.trackCode} track={track} statement={statement} isPrint={isPrint} />
      ))}
    </Stack>
  );
}

function TrackTable({
  track,
  statement,
  isPrint,
}: {
  track: StatementTrack;
  statement: StatementDetail;
  isPrint: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const families =
    "value" in track.families ? format.number(track.families.value) : t("contracts.suppression.hidden");
  return (
    <section aria-label={track.name}>
      <Title order={3} size="h5" mb={4}>
        {track.name}
      </Title>
      <Text size="sm" mb="xs">
        {t("contracts.explanation.trackLine", {
          families,
          expected: format.number(track.expectedFamilies),
          amount: money(track.amountOre),
        })}
        {track.uncappedOre !== track.amountOre
          ? ` ${t("contracts.explanation.beforeCap", { amount: money(track.uncappedOre) })}`
          : ""}
      </Text>
      <TableScroll label={t("contracts.explanation.goalsCaption", { track: track.name })}>
        <Table miw={900} withTableBorder>
          <Table.Caption>{t("contracts.explanation.goalsCaption", { track: track.name })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" miw={220}>
                {t("contracts.terms.goal")}
              </Table.Th>
              <Table.Th scope="col" style={numberHeader}>
                {t("contracts.explanation.families")}
              </Table.Th>
              <Table.Th scope="col" style={numberHeader}>
                {t("contracts.explanation.met")}
              </Table.Th>
              <Table.Th scope="col" style={numberHeader}>
                {t("contracts.explanation.notMet")}
              </Table.Th>
              <Table.Th scope="col" style={numberHeader}>
                {t("contracts.explanation.notMeasurable")}
              </Table.Th>
              <Table.Th scope="col" style={numberHeader}>
                {t("contracts.explanation.share")}
              </Table.Th>
              <Table.Th scope="col" style={numberHeader}>
                {t("contracts.explanation.attainment")}
              </Table.Th>
              <Table.Th scope="col" style={numberHeader}>
                {t("contracts.terms.amount")}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {track.goals.map((goal) => (
              <GoalRows key={goal.goalId} goal={goal} statement={statement} isPrint={isPrint} />
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={GOAL_COLUMNS - 1}>
                {t("contracts.explanation.trackTotal", { track: track.name })}
              </Table.Th>
              <Table.Td style={numeric} fw={700}>
                {money(track.amountOre)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </TableScroll>
    </section>
  );
}

function GoalRows({
  goal,
  statement,
  isPrint,
}: {
  goal: StatementGoal;
  statement: StatementDetail;
  isPrint: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const pct = usePctText();
  const [isOpen, setIsOpen] = useState(false);
  const linesId = useId();
  const lines = statement.showsFamilies ? goal.familyLines : undefined;
  const percent = (value: number | null) => (value === null ? "–" : format.percent(value));
  const p = goal.payment;
  const terms =
    p.kind === "weighted"
      ? t("contracts.explanation.weightedTerms", {
          weight: pct(Number(p.weightBps)),
          threshold: pct(Number(p.thresholdBps)),
          target: pct(Number(p.targetBps)),
        })
      : p.kind === "price"
        ? t("contracts.explanation.priceTerms", { price: money(Number(p.priceOre)) })
        : p.kind === "per-day"
          ? t("contracts.explanation.perDayTerms", { price: money(Number(p.pricePerDayOre)) })
          : null;
  const isShown = isPrint || isOpen;
  return (
    <Fragment>
      <Table.Tr>
        <Table.Th scope="row" fw={500}>
          {goal.name}
          {terms ? (
            <Text size="xs" c="dimmed" fw={400}>
              {terms}
            </Text>
          ) : null}
          {lines && lines.length > 0 && !isPrint ? (
            <Button
              variant="subtle"
              size="compact-xs"
              mt={4}
              ml={-6}
              aria-expanded={isOpen}
              aria-controls={linesId}
              onClick={() => setIsOpen((open) => !open)}
            >
              {isOpen
                ? t("contracts.explanation.hideFamilies")
                : t("contracts.explanation.showFamilies", { count: lines.length })}
            </Button>
          ) : null}
        </Table.Th>
        <Table.Td style={numeric}>
          <ShownCountText count={goal.families} />
        </Table.Td>
        <Table.Td style={numeric}>
          <ShownCountText count={goal.met} />
        </Table.Td>
        <Table.Td style={numeric}>
          <ShownCountText count={goal.notMet} />
        </Table.Td>
        <Table.Td style={numeric}>
          <ShownCountText count={goal.notMeasurable} />
        </Table.Td>
        <Table.Td style={numeric}>{percent(goal.sharePct)}</Table.Td>
        <Table.Td style={numeric}>{percent(goal.attainmentPct)}</Table.Td>
        <Table.Td style={numeric}>
          {money(goal.amountOre)}
          {goal.uncappedOre !== goal.amountOre ? (
            <Text size="xs" c="dimmed">
              {t("contracts.explanation.beforeCap", { amount: money(goal.uncappedOre) })}
            </Text>
          ) : null}
        </Table.Td>
      </Table.Tr>
      {lines && lines.length > 0 ? (
        <Table.Tr id={linesId} hidden={!isShown}>
          <Table.Td colSpan={GOAL_COLUMNS} bg="gray.0">
            {isShown ? (
              <StatementFamilyLines
                goalName={goal.name}
                lines={lines}
                isPseudonymised={statement.isPseudonymised}
              />
            ) : null}
          </Table.Td>
        </Table.Tr>
      ) : null}
    </Fragment>
  );
}
