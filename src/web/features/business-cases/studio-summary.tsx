import { Alert, Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Scenario } from "../../../domain/business-case/index.js";
import { KeyFigures } from "./key-figures.js";
import type { ScenarioResults } from "./scenario-results.js";
import { useBusinessCaseFormat } from "./use-business-case-format.js";

interface StudioSummaryProps {
  /** The valid scenario (or the last valid one) whose variants can be chosen. */
  scenario: Scenario | null;
  results: ScenarioResults | null;
  isStale: boolean;
  variantId: string | null;
  onVariantChange: (variantId: string | null) => void;
}

/**
 * The top of the studio, above the tabs: which variant is shown and its key figures, recalculated
 * as the user types.
 */
export function StudioSummary({
  scenario,
  results,
  isStale,
  variantId,
  onVariantChange,
}: StudioSummaryProps) {
  const { t } = useTranslation();
  const format = useBusinessCaseFormat();
  const labelId = useId();
  const variants = scenario?.variants ?? [];
  const selected = variants.some((v) => v.id === variantId) ? (variantId ?? "") : "";
  return (
    <Stack gap="sm" mb="lg">
      {variants.length > 0 && scenario ? (
        <Group gap="sm" align="center" wrap="wrap">
          <Text id={labelId} size="sm" fw={600}>
            {t("businessCases.studio.showVariant")}
          </Text>
          <SegmentedControl
            aria-labelledby={labelId}
            value={selected}
            onChange={(value) => onVariantChange(value || null)}
            data={[
              {
                value: "",
                label: t("businessCases.studio.baseScenario", {
                  rate: format.percent(scenario.successRatePct),
                }),
              },
              ...variants.map((v) => ({
                value: v.id,
                label:
                  v.successRatePct === undefined
                    ? v.name
                    : t("businessCases.studio.variantOption", {
                        name: v.name,
                        rate: format.percent(v.successRatePct),
                      }),
              })),
            ]}
          />
        </Group>
      ) : null}
      {isStale && results ? (
        <Alert color="orange" variant="light" py="xs">
          {t("businessCases.studio.staleResults")}
        </Alert>
      ) : null}
      {results ? (
        <KeyFigures result={results.result} />
      ) : (
        <Alert color="gray" variant="light">
          {t("businessCases.studio.noResults")}
        </Alert>
      )}
    </Stack>
  );
}
