import { Badge, Paper, Stack, Tabs } from "@mantine/core";
import { useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "../../components/breadcrumbs.js";
import { DefinitionList } from "../../components/definition-list.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { RouterAnchor } from "../../components/router-links.js";
import { useContract } from "./contract-queries.js";
import { CONTRACT_TABS, type ContractTab } from "./contract-search.js";
import { ContractTermsTab } from "./contract-terms-tab.js";
import type { ContractDetail } from "./contract-types.js";
import { ForecastTab } from "./forecast-tab.js";
import { IndigoExportButton } from "./indigo-export-button.js";
import { LedgerTab } from "./ledger-tab.js";
import { StatementsTab } from "./statements-tab.js";
import { useMoney } from "./use-money.js";

/** /contracts/$contractId: the contract's terms and versions, statements, ledger and forecast. */
export function ContractPage() {
  const { t } = useTranslation();
  const { contractId } = useParams({ from: "/contracts/$contractId" });
  const contract = useContract(contractId);
  const title = contract.data?.title ?? t("contracts.detailTitle");
  return (
    <>
      <PageHeader
        title={title}
        above={
          <Breadcrumbs current={title}>
            <RouterAnchor to="/contracts" size="sm">
              {t("contracts.title")}
            </RouterAnchor>
          </Breadcrumbs>
        }
        badges={contract.data ? <VersionBadges contract={contract.data} /> : null}
        actions={contract.data ? <IndigoExportButton contract={contract.data} /> : null}
      />
      <QueryState query={contract}>{(c) => <ContractTabs contract={c} />}</QueryState>
    </>
  );
}

function VersionBadges({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {contract.versionInForce === null ? (
        <Badge color="orange" variant="light">
          {t("contracts.noVersionInForceBadge")}
        </Badge>
      ) : (
        <Badge color="green" variant="light">
          {t("contracts.versionInForceBadge", { version: contract.versionInForce })}
        </Badge>
      )}
      {contract.currentVersion !== contract.versionInForce ? (
        <Badge color="orange" variant="light">
          {t("contracts.awaitingAcceptance", { version: contract.currentVersion })}
        </Badge>
      ) : null}
    </>
  );
}

function ContractTabs({ contract }: { contract: ContractDetail }) {
  const { t } = useTranslation();
  const money = useMoney();
  const search = useSearch({ from: "/contracts/$contractId" });
  const navigate = useNavigate({ from: "/contracts/$contractId" });
  const active: ContractTab = search.tab ?? "terms";
  return (
    <Stack gap="lg">
      <Paper withBorder radius="md" p="lg">
        <DefinitionList
          items={[
            {
              label: t("contracts.columns.project"),
              value: (
                <RouterAnchor to="/projects/$projectId" params={{ projectId: contract.projectId }}>
                  {contract.projectName}
                </RouterAnchor>
              ),
            },
            { label: t("contracts.columns.investment"), value: money(contract.investmentOre) },
            { label: t("contracts.columns.cap"), value: money(contract.capOre) },
            { label: t("contracts.columns.repaid"), value: money(contract.repaidOre) },
          ]}
        />
      </Paper>
      <Tabs
        value={active}
        keepMounted={false}
        onChange={(value) =>
          void navigate({
            search: (prev) => ({ ...prev, tab: value === "terms" ? undefined : (value as ContractTab) }),
            replace: true,
          })
        }
      >
        <Tabs.List mb="lg" aria-label={t("contracts.tabsLabel")}>
          {CONTRACT_TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab}>
              {t(`contracts.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="terms">
          <ContractTermsTab contract={contract} />
        </Tabs.Panel>
        <Tabs.Panel value="statements">
          <StatementsTab contract={contract} />
        </Tabs.Panel>
        <Tabs.Panel value="ledger">
          <LedgerTab contract={contract} />
        </Tabs.Panel>
        <Tabs.Panel value="forecast">
          <ForecastTab contract={contract} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
