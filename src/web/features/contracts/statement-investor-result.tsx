import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { DefinitionList } from "../../components/definition-list.js";
import { useFormatters } from "../../lib/use-formatters.js";
import type { StatementDetail } from "./contract-types.js";
import { useMoney } from "./use-money.js";

/** The investor's result after this statement: invested, repaid, net, loss, multiple and IRR. */
export function StatementInvestorResult({ statement }: { statement: StatementDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const money = useMoney();
  const r = statement.investor;
  return (
    <>
      <DefinitionList
        items={[
          { label: t("contracts.investor.invested"), value: money(r.investedOre) },
          { label: t("contracts.investor.repaid"), value: money(r.repaidOre) },
          { label: t("contracts.investor.net"), value: money(r.netOre) },
          { label: t("contracts.investor.loss"), value: money(r.lossOre) },
          {
            label: t("contracts.investor.multiple"),
            value: r.returnMultipleDisplay === null ? "–" : `${format.number(r.returnMultipleDisplay)} ×`,
          },
          { label: t("contracts.investor.irr"), value: r.irrPct === null ? "–" : format.percent(r.irrPct) },
        ]}
      />
      <Text size="sm" c="dimmed">
        {t("contracts.investor.hint")}
      </Text>
    </>
  );
}
