import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MAX_HORIZON_YEARS } from "../../../domain/business-case/index.js";
import { SectionCard } from "../../components/section-card.js";
import { DraftNumberInput, DraftTextInput } from "./draft-fields.js";
import { fieldIdOf } from "./field-id.js";

/** "Generelt": name, price level, start, horizon, discount rate and success rate. */
export function ScenarioSettingsFields() {
  const { t } = useTranslation();
  const f = (key: string) => ({ path: key, id: fieldIdOf(key) });
  return (
    <SectionCard title={t("businessCases.editor.generalTitle")}>
      <DraftTextInput {...f("name")} label={t("businessCases.fields.name")} required />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
        <DraftNumberInput
          {...f("priceYear")}
          label={t("businessCases.fields.priceYear")}
          description={t("businessCases.editor.priceYearHint")}
          allowDecimal={false}
          required
        />
        <DraftNumberInput
          {...f("startYear")}
          label={t("businessCases.fields.startYear")}
          description={t("businessCases.editor.startYearHint")}
          allowDecimal={false}
          required
        />
        <DraftNumberInput
          {...f("horizonYears")}
          label={t("businessCases.fields.horizonYears")}
          description={t("businessCases.editor.horizonHint", { max: MAX_HORIZON_YEARS })}
          allowDecimal={false}
          allowNegative={false}
          required
        />
        <DraftNumberInput
          {...f("discountRatePct")}
          label={t("businessCases.fields.discountRatePct")}
          description={t("businessCases.editor.discountRateHint")}
          allowNegative={false}
        />
        <DraftNumberInput
          {...f("successRatePct")}
          label={t("businessCases.fields.successRatePct")}
          description={t("businessCases.editor.successRateHint")}
          allowNegative={false}
          required
        />
      </SimpleGrid>
    </SectionCard>
  );
}
