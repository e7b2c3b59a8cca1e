import { Button, Group, NativeSelect, SimpleGrid, Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { PageHeader } from "../../components/page-header.js";
import { QueryState } from "../../components/query-state.js";
import { SearchInput } from "../../components/search-input.js";
import { SectionCard } from "../../components/section-card.js";
import { notifySuccess } from "../../lib/notify.js";
import { useCan } from "../../lib/use-can.js";
import { useBusinessCaseOwners } from "../business-cases/use-business-case-owners.js";
import { PriceCalculator } from "./price-calculator.js";
import {
  useCreateUnitPrice,
  usePriceIndex,
  useUnitPrices,
  useUpdateUnitPrice,
} from "./price-catalogue-queries.js";
import type { UnitPrice } from "./price-catalogue-types.js";
import { PriceIndexEditor } from "./price-index-editor.js";
import { UnitPriceFormDialog } from "./unit-price-form-dialog.js";
import { UnitPricesTable } from "./unit-prices-table.js";

/**
 * "Priskatalog": the national catalogue and the organisation's own unit prices (each with its source
 * and price year), the net price index, and a calculator that moves a price to another year.
 */
export function PriceCataloguePage() {
  const { t } = useTranslation();
  const can = useCan();
  const owners = useBusinessCaseOwners();
  // Writers work in their own organisation's catalogue; readers see the national catalogue and the
  // prices of the organisations they may read.
  const organisations = owners.length > 0 ? owners : [];
  const [organisationId, setOrganisationId] = useState(owners[0]?.id ?? "");
  const [q, setQ] = useState("");
  const [editing, setEditing] = useState<UnitPrice | "new" | null>(null);
  const prices = useUnitPrices(organisationId || undefined, q || undefined);
  const allPrices = useUnitPrices(organisationId || undefined);
  const index = usePriceIndex(organisationId || undefined);
  const createPrice = useCreateUnitPrice();
  const updatePrice = useUpdateUnitPrice();
  const canWrite = can("businessCase.write") && owners.some((o) => o.id === organisationId);

  return (
    <>
      <PageHeader
        title={t("priceCatalogue.title")}
        description={t("priceCatalogue.description")}
        actions={
          canWrite ? <Button onClick={() => setEditing("new")}>{t("priceCatalogue.create")}</Button> : null
        }
      />
      <Stack gap="lg">
        {organisations.length > 1 ? (
          <NativeSelect
            label={t("priceCatalogue.organisation")}
            value={organisationId}
            data={organisations.map((o) => ({ value: o.id, label: o.name }))}
            onChange={(event) => setOrganisationId(event.currentTarget.value)}
            style={{ maxWidth: 420 }}
          />
        ) : null}
        <SectionCard title={t("priceCatalogue.pricesTitle")}>
          <Group align="flex-end">
            <SearchInput label={t("priceCatalogue.search")} value={q} onSearch={setQ} />
          </Group>
          <QueryState query={prices}>
            {(page) =>
              page.items.length === 0 ? (
                <EmptyState title={q ? t("priceCatalogue.noMatches", { q }) : t("priceCatalogue.empty")} />
              ) : (
                <UnitPricesTable
                  prices={page.items}
                  canEditRow={(price) => canWrite && price.organisationId === organisationId}
                  onEdit={setEditing}
                />
              )
            }
          </QueryState>
        </SectionCard>
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
          <SectionCard title={t("priceCatalogue.index.title")}>
            <QueryState query={index}>
              {(data) => (
                <PriceIndexEditor
                  key={`${organisationId}:${data.organisationId}:${data.rows.length}`}
                  index={data}
                  organisationId={organisationId}
                  canEdit={canWrite && organisationId !== ""}
                />
              )}
            </QueryState>
          </SectionCard>
          <SectionCard title={t("priceCatalogue.calculator.title")}>
            <PriceCalculator prices={allPrices.data?.items ?? []} rows={index.data?.rows ?? []} />
          </SectionCard>
        </SimpleGrid>
      </Stack>
      {editing ? (
        <UnitPriceFormDialog
          organisationId={organisationId}
          price={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSave={async (input, version) => {
            if (editing === "new") {
              const created = await createPrice.mutateAsync(input);
              notifySuccess(t("priceCatalogue.created", { name: created.name }));
            } else {
              const { organisationId: _owner, ...patch } = input;
              await updatePrice.mutateAsync({
                id: editing.id,
                input: { ...patch, version: version ?? editing.version },
              });
              notifySuccess(t("common.saved"));
            }
            setEditing(null);
          }}
        />
      ) : null}
    </>
  );
}
