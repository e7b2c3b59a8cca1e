import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useCan } from "../../lib/use-can.js";
import { useContracts } from "./contract-queries.js";
import { ContractsTable } from "./contracts-table.js";

/** "Resultatkontrakter": every outcome contract the user may see, with its headline money. */
export function ContractListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const contracts = useContracts();
  return (
    <>
      <PageHeader title={t("contracts.title")} description={t("contracts.description")} />
      <QueryState query={contracts}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title={t("contracts.empty")}
              description={can("contract.manage") ? t("contracts.emptyHintManage") : t("contracts.emptyHint")}
            />
          ) : (
            <TableScroll label={t("contracts.title")}>
              <ContractsTable
                contracts={items}
                showProject
                caption={t("contracts.count", { count: items.length })}
              />
            </TableScroll>
          )
        }
      </QueryState>
    </>
  );
}
