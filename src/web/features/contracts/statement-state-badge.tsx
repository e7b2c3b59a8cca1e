import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { StatementSummary } from "./contract-types.js";

const COLOR: Record<StatementSummary["state"], string> = {
  draft: "gray",
  validated: "bundlinje",
  approved: "orange",
  locked: "green",
};

/** Kladde / Valideret / Godkendt / Låst — the word carries the meaning, the colour only helps. */
export function StatementStateBadge({ state }: { state: StatementSummary["state"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[state]} variant="light" miw="max-content">
      {t(`contracts.statementStates.${state}`)}
    </Badge>
  );
}
