import { Alert, Button, Group, NumberInput, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { TableScroll } from "../../components/table-scroll.js";
import { notifySuccess } from "../../lib/notify.js";
import { useSavePriceIndex } from "./price-catalogue-queries.js";
import type { PriceIndex, PriceIndexRow } from "./price-catalogue-types.js";

interface RowDraft {
  key: number;
  year: number | string;
  indexValue: number | string;
}

let nextKey = 0;
const draftOf = (rows: PriceIndexRow[]): RowDraft[] =>
  [...rows]
    .sort((a, b) => a.year - b.year)
    .map((r) => ({ key: nextKey++, year: r.year, indexValue: r.indexValue }));

/** Checks the rows: whole years 1990–2100, each once, index values > 0. Errors keyed `<key>.year|indexValue`. */
function checkRows(
  rows: RowDraft[],
  t: (
    key:
      | "priceCatalogue.index.yearInvalid"
      | "priceCatalogue.index.yearTwice"
      | "priceCatalogue.index.valueInvalid",
  ) => string,
) {
  const errors: Record<string, string> = {};
  const seen = new Set<number>();
  for (const row of rows) {
    if (typeof row.year !== "number" || !Number.isInteger(row.year) || row.year < 1990 || row.year > 2100) {
      errors[`${row.key}.year`] = t("priceCatalogue.index.yearInvalid");
    } else if (seen.has(row.year)) {
      errors[`${row.key}.year`] = t("priceCatalogue.index.yearTwice");
    } else {
      seen.add(row.year);
    }
    if (typeof row.indexValue !== "number" || !(row.indexValue > 0)) {
      errors[`${row.key}.indexValue`] = t("priceCatalogue.index.valueInvalid");
    }
  }
  return errors;
}

interface PriceIndexEditorProps {
  index: PriceIndex;
  /** The organisation whose rows are edited ("" = the national index, read only). */
  organisationId: string;
  canEdit: boolean;
}

/**
 * The net price index (nettoprisindeks) by year: shown to everyone, edited by users with
 * businessCase.write for their own organisation (saving replaces the organisation's rows).
 */
export function PriceIndexEditor({ index, organisationId, canEdit }: PriceIndexEditorProps) {
  const { t, i18n } = useTranslation();
  const save = useSavePriceIndex();
  const [rows, setRows] = useState<RowDraft[]>(() => draftOf(index.rows));
  const [submitted, setSubmitted] = useState(false);
  const errors = checkRows(rows, t);
  const decimalSeparator = i18n.language === "en" ? "." : ",";
  const title = t("priceCatalogue.index.tableTitle");
  const setRow = (key: number, patch: Partial<RowDraft>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {index.organisationId ? t("priceCatalogue.index.intro") : t("priceCatalogue.index.nationalOnly")}
      </Text>
      <TableScroll label={title}>
        <Table miw={360} maw={560} withTableBorder bg="white" aria-label={title} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("priceCatalogue.index.year")}</Table.Th>
              <Table.Th scope="col">{t("priceCatalogue.index.value")}</Table.Th>
              {canEdit ? (
                <Table.Th scope="col">
                  <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                </Table.Th>
              ) : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} style={{ verticalAlign: "top" }}>
                <Table.Td>
                  {canEdit ? (
                    <NumberInput
                      size="xs"
                      aria-label={t("priceCatalogue.index.yearOf", { year: row.year })}
                      value={row.year}
                      onChange={(year) => setRow(row.key, { year })}
                      allowDecimal={false}
                      allowNegative={false}
                      hideControls
                      error={submitted ? errors[`${row.key}.year`] : undefined}
                    />
                  ) : (
                    row.year
                  )}
                </Table.Td>
                <Table.Td>
                  {canEdit ? (
                    <NumberInput
                      size="xs"
                      aria-label={t("priceCatalogue.index.valueOf", { year: row.year })}
                      value={row.indexValue}
                      onChange={(indexValue) => setRow(row.key, { indexValue })}
                      decimalSeparator={decimalSeparator}
                      decimalScale={6}
                      allowNegative={false}
                      hideControls
                      error={submitted ? errors[`${row.key}.indexValue`] : undefined}
                    />
                  ) : (
                    new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "da-DK", {
                      maximumFractionDigits: 6,
                    }).format(Number(row.indexValue))
                  )}
                </Table.Td>
                {canEdit ? (
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-sm"
                      aria-label={t("priceCatalogue.index.removeYear", { year: row.year })}
                      onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                    >
                      {t("businessCases.editor.remove")}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {canEdit ? (
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => {
              const years = rows.map((r) => (typeof r.year === "number" ? r.year : 0));
              const last = rows.at(-1);
              setRows([
                ...rows,
                {
                  key: nextKey++,
                  year: years.length ? Math.max(...years) + 1 : new Date().getFullYear(),
                  indexValue: typeof last?.indexValue === "number" ? last.indexValue : 100,
                },
              ]);
            }}
          >
            {t("priceCatalogue.index.addYear")}
          </Button>
          <Button
            loading={save.isPending}
            onClick={async () => {
              setSubmitted(true);
              if (Object.keys(errors).length > 0) return;
              const saved = await save
                .mutateAsync({
                  organisationId,
                  rows: rows.map((r) => ({ year: Number(r.year), indexValue: Number(r.indexValue) })),
                })
                .catch(() => null);
              if (saved) {
                setSubmitted(false);
                notifySuccess(t("priceCatalogue.index.saved"));
              }
            }}
          >
            {t("priceCatalogue.index.save")}
          </Button>
        </Group>
      ) : null}
      {submitted && Object.keys(errors).length > 0 ? (
        <Alert color="red" variant="light" role="alert">
          {t("priceCatalogue.index.fix")}
        </Alert>
      ) : null}
      {save.error ? <ErrorAlert error={save.error} title={t("errors.notSaved")} /> : null}
    </Stack>
  );
}
