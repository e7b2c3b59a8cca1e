import { Button, Group, NativeSelect, Table, Text, VisuallyHidden } from "@mantine/core";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { PAYERS } from "../../../domain/business-case/index.js";
import { EmptyState } from "../../components/empty-state.js";
import { SectionCard } from "../../components/section-card.js";
import { TableScroll } from "../../components/table-scroll.js";
import { DraftKronerInput, DraftNumberInput, DraftTextarea } from "./draft-fields.js";
import { fieldIdOf } from "./field-id.js";
import { type CostLineDraft, newCostLine } from "./scenario-draft.js";
import { useDraft, useDraftError, useScenarioEditor } from "./scenario-editor-context.js";

const COST_KINDS = ["fixed-per-year", "per-slot-per-year", "one-off"] as const;

/** "Omkostninger": a table of cost lines (kind, payer, amount, years), rows added and removed. */
export function CostLinesEditor() {
  const { t } = useTranslation();
  const editor = useScenarioEditor();
  const lines = useDraft((d) => d.costLines);
  const add = () => editor.update((d) => ({ ...d, costLines: [...d.costLines, newCostLine(d.costLines)] }));
  return (
    <SectionCard
      title={t("businessCases.editor.costsTitle")}
      actions={
        editor.isReadOnly ? null : (
          <Button variant="default" size="xs" onClick={add}>
            {t("businessCases.editor.addCost")}
          </Button>
        )
      }
    >
      {lines.length === 0 ? (
        <EmptyState
          title={t("businessCases.editor.noCosts")}
          description={t("businessCases.editor.noCostsHint")}
        />
      ) : (
        <TableScroll label={t("businessCases.editor.costsTitle")}>
          <Table
            miw={900}
            verticalSpacing="xs"
            horizontalSpacing="xs"
            aria-label={t("businessCases.editor.costsTitle")}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("businessCases.fields.costName")}</Table.Th>
                <Table.Th scope="col" w={200}>
                  {t("businessCases.fields.costKind")}
                </Table.Th>
                <Table.Th scope="col" w={130}>
                  {t("businessCases.fields.payer")}
                </Table.Th>
                <Table.Th scope="col" w={160}>
                  {t("businessCases.fields.amountKr")}
                </Table.Th>
                <Table.Th scope="col" w={160}>
                  {t("businessCases.fields.years")}
                </Table.Th>
                {editor.isReadOnly ? null : (
                  <Table.Th scope="col" w={64}>
                    <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line, index) => (
                <CostLineRow key={line.key} line={line} index={index} />
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </SectionCard>
  );
}

const CostLineRow = memo(function CostLineRow({ line, index }: { line: CostLineDraft; index: number }) {
  const { t } = useTranslation();
  const editor = useScenarioEditor();
  const at = (key: string) => `costLines.${index}.${key}`;
  const rowName = line.name.trim() || t("businessCases.editor.costNumber", { number: index + 1 });
  const label = (field: string) => `${field}, ${rowName}`;
  const families = useDraft((d) => d.capacity.familiesAtATime);
  const horizon = useDraft((d) => d.horizonYears);
  const idError = useDraftError(at("id"));
  return (
    <Table.Tr style={{ verticalAlign: "top" }}>
      <Table.Td>
        <DraftTextarea
          path={at("name")}
          id={fieldIdOf(at("name"))}
          aria-label={t("businessCases.editor.costNameLabel", { number: index + 1 })}
        />
        {idError ? (
          <Text size="xs" c="red.9" mt={4}>
            {idError}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <NativeSelect
          id={fieldIdOf(at("kind"))}
          aria-label={label(t("businessCases.fields.costKind"))}
          disabled={editor.isReadOnly}
          value={line.kind}
          data={COST_KINDS.map((kind) => ({ value: kind, label: t(`businessCases.costKinds.${kind}`) }))}
          onChange={(event) => editor.setField(at("kind"), event.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          id={fieldIdOf(at("payer"))}
          aria-label={label(t("businessCases.fields.payer"))}
          disabled={editor.isReadOnly}
          value={line.payer}
          data={PAYERS.map((payer) => ({ value: payer, label: t(`businessCases.payers.${payer}`) }))}
          onChange={(event) => editor.setField(at("payer"), event.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <DraftKronerInput
          path={at("amountKr")}
          id={fieldIdOf(at("amountKr"))}
          aria-label={label(t("businessCases.fields.amountKr"))}
          description={
            line.kind === "per-slot-per-year" && typeof families === "number"
              ? t("businessCases.editor.perSlotHint", { count: families })
              : undefined
          }
        />
      </Table.Td>
      <Table.Td>
        {line.kind === "one-off" ? (
          <DraftNumberInput
            path={at("year")}
            id={fieldIdOf(at("year"))}
            aria-label={label(t("businessCases.fields.year"))}
            placeholder={t("businessCases.fields.year")}
            allowDecimal={false}
            allowNegative={false}
          />
        ) : (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <DraftNumberInput
              path={at("fromYear")}
              id={fieldIdOf(at("fromYear"))}
              aria-label={label(t("businessCases.fields.fromYear"))}
              placeholder="1"
              allowDecimal={false}
              allowNegative={false}
            />
            <Text size="sm" pt={6} aria-hidden="true">
              –
            </Text>
            <DraftNumberInput
              path={at("toYear")}
              id={fieldIdOf(at("toYear"))}
              aria-label={label(t("businessCases.fields.toYear"))}
              placeholder={typeof horizon === "number" ? String(horizon) : undefined}
              allowDecimal={false}
              allowNegative={false}
            />
          </Group>
        )}
      </Table.Td>
      {editor.isReadOnly ? null : (
        <Table.Td>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={t("businessCases.editor.removeNamed", { name: rowName })}
            onClick={() =>
              editor.update((d) => ({ ...d, costLines: d.costLines.filter((_, i) => i !== index) }))
            }
          >
            {t("businessCases.editor.remove")}
          </Button>
        </Table.Td>
      )}
    </Table.Tr>
  );
});
