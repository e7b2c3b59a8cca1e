import { Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { QueryState } from "../../components/query-state.js";
import { RouterButton } from "../../components/router-links.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useCan } from "../../lib/use-can.js";
import { useProjectContracts } from "./contract-queries.js";
import { ContractsTable } from "./contracts-table.js";

/** The project page's "Resultatkontrakter": its contracts, and "Ny resultatkontrakt" for managers. */
export function ProjectContractsSection({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const canRead = can("contract.read");
  const contracts = useProjectContracts(projectId, canRead);
  if (!canRead) return null;
  return (
    <SectionCard
      title={t("contracts.projectSection.title")}
      actions={
        can("contract.manage") ? (
          <RouterButton to="/projects/$projectId/contracts/new" params={{ projectId }} variant="default">
            {t("contracts.projectSection.create")}
          </RouterButton>
        ) : null
      }
    >
      <QueryState query={contracts}>
        {({ items }) =>
          items.length === 0 ? (
            <Text c="dimmed">{t("contracts.projectSection.empty")}</Text>
          ) : (
            <TableScroll label={t("contracts.projectSection.title")}>
              <ContractsTable contracts={items} caption={t("contracts.count", { count: items.length })} />
            </TableScroll>
          )
        }
      </QueryState>
    </SectionCard>
  );
}
