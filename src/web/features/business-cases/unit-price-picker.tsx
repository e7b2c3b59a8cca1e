import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { adjustPrice } from "../../../domain/business-case/price-adjustment.js";
import type { Ore } from "../../../domain/money.js";
import { EmptyState } from "../../components/empty-state.js";
import { QueryState } from "../../components/query-state.js";
import { TableScroll } from "../../components/table-scroll.js";
import { usePriceIndex, useUnitPrices } from "../price-catalogue/price-catalogue-queries.js";
import type { UnitPrice } from "../price-catalogue/price-catalogue-types.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

/** What picking a catalogue price puts into an effect. */
export interface PickedUnitPrice {
  price: UnitPrice;
  /** The price at the scenario's price year (adjusted with the net price index when it can be). */
  amountOre: Ore;
  /** False when the index lacks one of the years: the price is used as stated. */
  isAdjusted: boolean;
}

interface UnitPricePickerProps {
  opened: boolean;
  onClose: () => void;
  onPick: (picked: PickedUnitPrice) => void;
  organisationId: string;
  /** The scenario's price year (null while the field is invalid: prices are then used as stated). */
  priceYear: number | null;
  /** Whose price this is for, in the dialog's title. */
  effectName: string;
}

/** "Vælg fra priskatalog": search the catalogue, see each price at the scenario's price year, pick one. */
export function UnitPricePicker(props: UnitPricePickerProps) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const prices = useUnitPrices(props.organisationId, debouncedQ || undefined);
  const index = usePriceIndex(props.organisationId);
  const rows = index.data?.rows ?? [];

  const atPriceYear = (price: UnitPrice): PickedUnitPrice => {
    if (props.priceYear === null) return { price, amountOre: price.amountOre as Ore, isAdjusted: false };
    const adjusted = adjustPrice(price.amountOre as Ore, price.priceYear, props.priceYear, rows);
    return adjusted.ok
      ? { price, amountOre: adjusted.amountOre, isAdjusted: true }
      : { price, amountOre: price.amountOre as Ore, isAdjusted: false };
  };

  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      size="xl"
      title={t("businessCases.picker.title", { name: props.effectName })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack gap="md">
        <Text size="sm">
          {props.priceYear === null
            ? t("businessCases.picker.noPriceYear")
            : t("businessCases.picker.intro", { year: props.priceYear })}
        </Text>
        <TextInput
          type="search"
          label={t("businessCases.picker.search")}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          data-autofocus
        />
        <QueryState query={prices}>
          {(page) =>
            page.items.length === 0 ? (
              <EmptyState title={t("businessCases.picker.empty")} />
            ) : (
              <TableScroll label={t("businessCases.picker.tableLabel")}>
                <Table miw={720} verticalSpacing="xs" aria-label={t("businessCases.picker.tableLabel")}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t("priceCatalogue.fields.name")}</Table.Th>
                      <Table.Th scope="col" style={{ textAlign: "right" }}>
                        {t("priceCatalogue.fields.amount")}
                      </Table.Th>
                      <Table.Th scope="col" style={{ textAlign: "right" }}>
                        {t("businessCases.picker.atPriceYear", { year: props.priceYear ?? "–" })}
                      </Table.Th>
                      <Table.Th scope="col">{t("priceCatalogue.fields.source")}</Table.Th>
                      <Table.Th scope="col">
                        <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.items.map((price) => {
                      const picked = atPriceYear(price);
                      return (
                        <Table.Tr key={price.id}>
                          <Table.Td>
                            <Text size="sm" fw={600}>
                              {price.name}
                            </Text>
                            <Group gap={4} mt={2}>
                              <Text size="xs" c="dimmed">
                                {t(`priceCatalogue.units.${price.unit}`)}
                              </Text>
                              {price.organisationId === null ? (
                                <Badge size="xs" variant="light" color="gray">
                                  {t("priceCatalogue.national")}
                                </Badge>
                              ) : null}
                              {price.isExample ? (
                                <Badge size="xs" variant="light" color="orange">
                                  {t("priceCatalogue.example")}
                                </Badge>
                              ) : null}
                            </Group>
                          </Table.Td>
                          <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                            <Text size="sm">{format.kroner(price.amountOre)}</Text>
                            <Text size="xs" c="dimmed">
                              {t("priceCatalogue.priceLevel", { year: price.priceYear })}
                            </Text>
                          </Table.Td>
                          <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                            <Text size="sm">{format.kroner(picked.amountOre)}</Text>
                            {!picked.isAdjusted &&
                            props.priceYear !== null &&
                            price.priceYear !== props.priceYear ? (
                              <Text size="xs" c="orange.9">
                                {t("businessCases.picker.notAdjusted")}
                              </Text>
                            ) : null}
                          </Table.Td>
                          <Table.Td>
                            {price.sourceUrl ? (
                              <Anchor href={price.sourceUrl} target="_blank" rel="noreferrer" size="sm">
                                {price.sourceText}
                              </Anchor>
                            ) : (
                              <Text size="sm">{price.sourceText}</Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Button
                              size="xs"
                              aria-label={t("businessCases.picker.pickNamed", { name: price.name })}
                              onClick={() => props.onPick(picked)}
                            >
                              {t("businessCases.picker.pick")}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </TableScroll>
            )
          }
        </QueryState>
      </Stack>
    </Modal>
  );
}
