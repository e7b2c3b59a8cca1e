import { useTranslation } from "react-i18next";
import { useFormatters } from "../../lib/use-formatters.js";
import type { StatementSummary } from "./contract-types.js";

/** A statement's heading: "Mellemopgørelse 1. jan. 2022 – 5. okt. 2026". */
export function useStatementTitle(): (statement: StatementSummary) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  return (s) =>
    t("contracts.statement.heading", {
      kind: t(`contracts.statementKinds.${s.kind}`),
      from: format.date(s.from),
      to: format.date(s.to),
    });
}
