import { Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BusinessCaseResult } from "../../../domain/business-case/index.js";
import { TableScroll } from "../../components/table-scroll.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

const right = { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" } as const;

/**
 * Year by year: completed courses (cumulative), savings, costs, net, accumulated balance and the
 * discounted accumulated balance. Negative amounts carry a minus sign (not only a colour).
 */
export function YearTable({
  result,
  caption,
  isCompact = false,
}: {
  result: BusinessCaseResult;
  caption?: string;
  /** Fits the table to an A4 page (print view): no minimum width, smaller text. */
  isCompact?: boolean;
}) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const label = caption ?? t("businessCases.results.yearTableTitle");
  return (
    <TableScroll label={label}>
      <Table
        miw={isCompact ? undefined : 820}
        fz={isCompact ? "xs" : undefined}
        striped
        withTableBorder
        bg="white"
        className="bc-year-table"
        horizontalSpacing={isCompact ? 6 : "sm"}
        verticalSpacing={isCompact ? 4 : undefined}
      >
        <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>
          <Text size="sm" c="dimmed" component="span">
            {caption ?? t("businessCases.results.yearTableCaption")}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("businessCases.results.year")}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.results.completedCourses")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.results.savings")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.results.costs")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.results.net")}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t("businessCases.results.accumulated")}
            </Table.Th>
            {isCompact ? null : (
              <Table.Th scope="col" style={right}>
                {t("businessCases.results.accumulatedDiscounted")}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.years.map((y) => (
            <Table.Tr key={y.year} data-year={y.year}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: "nowrap" }}>
                {t("businessCases.results.yearLabel", { year: y.year, calendarYear: y.calendarYear })}
              </Table.Th>
              <Table.Td style={right}>{format.decimal(y.completedCoursesCumulative, 0)}</Table.Td>
              <Table.Td style={right} data-column="savings">
                {format.kroner(y.savingsOre)}
              </Table.Td>
              <Table.Td style={right}>{format.kroner(y.costsOre)}</Table.Td>
              <Table.Td style={right}>{format.kroner(y.netOre)}</Table.Td>
              <Table.Td style={{ ...right, fontWeight: 600 }} data-column="accumulated">
                {format.kroner(y.accumulatedOre)}
              </Table.Td>
              {isCompact ? null : (
                <Table.Td style={right}>{format.kroner(y.accumulatedDiscountedOre)}</Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t("businessCases.results.total")}</Table.Th>
            <Table.Td style={right}>{format.decimal(result.totals.completedCourses, 0)}</Table.Td>
            <Table.Td style={right}>{format.kroner(result.totals.savingsOre)}</Table.Td>
            <Table.Td style={right}>{format.kroner(result.totals.costsOre)}</Table.Td>
            <Table.Td style={right}>{format.kroner(result.totals.netOre)}</Table.Td>
            <Table.Td style={{ ...right, fontWeight: 600 }}>
              {format.kroner(result.accumulatedAtHorizonOre)}
            </Table.Td>
            {isCompact ? null : <Table.Td style={right}>{format.kroner(result.npvOre)}</Table.Td>}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}
