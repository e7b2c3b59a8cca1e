import { SimpleGrid, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { completionsPerYear } from "../../../domain/business-case/index.js";
import { SectionCard } from "../../components/section-card.js";
import { DraftNumberInput } from "./draft-fields.js";
import { fieldIdOf } from "./field-id.js";
import { useDraft } from "./scenario-editor-context.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

/** "Kapacitet": families at a time, course length, completion share and ramp-up, with the throughput. */
export function CapacityFields() {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const c = useDraft((d) => d.capacity);
  const f = (key: string) => ({ path: `capacity.${key}`, id: fieldIdOf(`capacity.${key}`) });
  const orDefault = (v: number | string) => (v === "" ? 100 : v);
  const throughput = (() => {
    const { familiesAtATime, courseLengthMonths } = c;
    const completedSharePct = orDefault(c.completedSharePct);
    const rampUpSharePct = orDefault(c.rampUpSharePct);
    if (
      typeof familiesAtATime !== "number" ||
      typeof courseLengthMonths !== "number" ||
      typeof completedSharePct !== "number" ||
      typeof rampUpSharePct !== "number" ||
      courseLengthMonths <= 0
    ) {
      return null;
    }
    const [first, full] = completionsPerYear(
      { familiesAtATime, courseLengthMonths, completedSharePct, rampUpSharePct },
      2,
    );
    return { first: first ?? 0, full: full ?? 0 };
  })();
  return (
    <SectionCard title={t("businessCases.editor.capacityTitle")}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
        <DraftNumberInput
          {...f("familiesAtATime")}
          label={t("businessCases.fields.familiesAtATime")}
          allowDecimal={false}
          allowNegative={false}
          required
        />
        <DraftNumberInput
          {...f("courseLengthMonths")}
          label={t("businessCases.fields.courseLengthMonths")}
          allowNegative={false}
          required
        />
        <DraftNumberInput
          {...f("completedSharePct")}
          label={t("businessCases.fields.completedSharePct")}
          description={t("businessCases.editor.completedShareHint")}
          allowNegative={false}
        />
        <DraftNumberInput
          {...f("rampUpSharePct")}
          label={t("businessCases.fields.rampUpSharePct")}
          description={t("businessCases.editor.rampUpHint")}
          allowNegative={false}
        />
      </SimpleGrid>
      {throughput ? (
        <Text size="sm" c="dimmed">
          {t("businessCases.editor.throughput", {
            full: format.decimal(throughput.full),
            first: format.decimal(throughput.first),
          })}
        </Text>
      ) : null}
    </SectionCard>
  );
}
