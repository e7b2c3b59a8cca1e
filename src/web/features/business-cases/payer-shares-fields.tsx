import { Fieldset, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PAYERS } from "../../../domain/business-case/index.js";
import { DraftNumberInput } from "./draft-fields.js";
import { fieldIdOf } from "./field-id.js";
import { useDraftError } from "./scenario-editor-context.js";

/** "Hvem sparer": the effect's savings in percent per payer (municipality, region, state; sum 100). */
export function PayerSharesFields({ path }: { path: string }) {
  const { t } = useTranslation();
  const sumError = useDraftError(path);
  const sumErrorId = `${fieldIdOf(path)}-error`;
  return (
    <Fieldset
      legend={t("businessCases.fields.payerSharesPct")}
      variant="unstyled"
      id={fieldIdOf(path)}
      styles={{ legend: { fontSize: "var(--mantine-font-size-sm)", fontWeight: 600, marginBottom: 4 } }}
    >
      <Group gap="xs" align="flex-start" wrap="nowrap">
        {PAYERS.map((payer) => (
          <DraftNumberInput
            key={payer}
            path={`${path}.${payer}`}
            id={fieldIdOf(`${path}.${payer}`)}
            label={`${t(`businessCases.payers.${payer}`)} (%)`}
            allowNegative={false}
            style={{ flex: "1 1 0", minWidth: 84 }}
            aria-describedby={sumError ? sumErrorId : undefined}
          />
        ))}
      </Group>
      {sumError ? (
        <Text id={sumErrorId} size="sm" c="red.9" mt={4}>
          {sumError}
        </Text>
      ) : null}
    </Fieldset>
  );
}
