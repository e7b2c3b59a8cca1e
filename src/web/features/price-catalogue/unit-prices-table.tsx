import { Anchor, Badge, Button, Group, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PAYERS } from "../../../domain/business-case/index.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useBusinessCaseFormat } from "../business-cases/use-business-case-format.js";
import type { UnitPrice } from "./price-catalogue-types.js";

interface UnitPricesTableProps {
  prices: UnitPrice[];
  /** True when the user may edit this row (an own organisation's price, businessCase.write). */
  canEditRow: (price: UnitPrice) => boolean;
  onEdit: (price: UnitPrice) => void;
}

const right = { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

/** Unit prices with unit, amount, price level, payer split, source, example flag and validity. */
export function UnitPricesTable({ prices, canEditRow, onEdit }: UnitPricesTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const bcFormat = useBusinessCaseFormat();
  const title = t("priceCatalogue.pricesTitle");
  const anyEditable = prices.some(canEditRow);
  return (
    <TableScroll label={title}>
      <Table miw={860} striped withTableBorder bg="white">
        <Table.Caption>{t("priceCatalogue.count", { count: prices.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("priceCatalogue.fields.name")}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t("priceCatalogue.fields.price")}
            </Table.Th>
            <Table.Th scope="col">{t("priceCatalogue.fields.payerShares")}</Table.Th>
            <Table.Th scope="col">{t("priceCatalogue.fields.source")}</Table.Th>
            <Table.Th scope="col">{t("priceCatalogue.fields.validity")}</Table.Th>
            {anyEditable ? <Table.Th scope="col">{t("common.actions")}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {prices.map((price) => (
            <Table.Tr key={price.id} style={{ verticalAlign: "top" }}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {price.name}
                </Text>
                <Group gap={4} mt={2}>
                  <Text size="xs" c="dimmed" className="mono">
                    {price.code}
                  </Text>
                  <Badge
                    size="xs"
                    variant="light"
                    color={price.organisationId === null ? "gray" : "bundlinje"}
                  >
                    {price.organisationId === null ? t("priceCatalogue.national") : t("priceCatalogue.own")}
                  </Badge>
                  {price.isExample ? (
                    <Badge size="xs" variant="light" color="orange">
                      {t("priceCatalogue.example")}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td style={right}>
                <Text size="sm" fw={600}>
                  {bcFormat.kroner(price.amountOre)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`priceCatalogue.units.${price.unit}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t("priceCatalogue.priceLevel", { year: price.priceYear })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {PAYERS.filter((p) => price.payerSharesPct[p] > 0)
                    .map(
                      (p) => `${t(`businessCases.payers.${p}`)} ${bcFormat.percent(price.payerSharesPct[p])}`,
                    )
                    .join(", ")}
                </Text>
              </Table.Td>
              <Table.Td maw={260}>
                {price.sourceUrl ? (
                  <Anchor href={price.sourceUrl} target="_blank" rel="noreferrer" size="sm">
                    {price.sourceText}
                  </Anchor>
                ) : (
                  <Text size="sm">{price.sourceText}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: "nowrap" }}>
                  {price.validFrom || price.validTo
                    ? `${price.validFrom ? format.date(price.validFrom) : "…"} – ${price.validTo ? format.date(price.validTo) : "…"}`
                    : t("priceCatalogue.alwaysValid")}
                </Text>
              </Table.Td>
              {anyEditable ? (
                <Table.Td>
                  {canEditRow(price) ? (
                    <Button
                      variant="default"
                      size="compact-sm"
                      aria-label={t("priceCatalogue.editNamed", { name: price.name })}
                      onClick={() => onEdit(price)}
                    >
                      {t("priceCatalogue.edit")}
                    </Button>
                  ) : null}
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}
