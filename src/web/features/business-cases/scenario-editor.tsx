import { Stack } from "@mantine/core";
import { memo } from "react";
import { CapacityFields } from "./capacity-fields.js";
import { CostLinesEditor } from "./cost-lines-editor.js";
import { EffectsEditor } from "./effects-editor.js";
import { ScenarioSettingsFields } from "./scenario-settings-fields.js";
import { VariantsEditor } from "./variants-editor.js";

/** The whole scenario: settings, capacity, costs, effects and variants (state from the editor context). */
export const ScenarioEditor = memo(function ScenarioEditor({ organisationId }: { organisationId: string }) {
  return (
    <Stack gap="lg">
      <ScenarioSettingsFields />
      <CapacityFields />
      <CostLinesEditor />
      <EffectsEditor organisationId={organisationId} />
      <VariantsEditor />
    </Stack>
  );
});
