import { Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/empty-state.js";
import { SectionCard } from "../../components/section-card.js";
import { EffectCard } from "./effect-card.js";
import { newEffect } from "./scenario-draft.js";
import { useDraft, useScenarioEditor } from "./scenario-editor-context.js";

/** "Effekter": one card per effect, added and removed. */
export function EffectsEditor({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const editor = useScenarioEditor();
  const effects = useDraft((d) => d.effects);
  const add = () => editor.update((d) => ({ ...d, effects: [...d.effects, newEffect(d.effects)] }));
  return (
    <SectionCard
      title={t("businessCases.editor.effectsTitle")}
      actions={
        editor.isReadOnly ? null : (
          <Button variant="default" size="xs" onClick={add}>
            {t("businessCases.editor.addEffect")}
          </Button>
        )
      }
    >
      {effects.length === 0 ? (
        <EmptyState
          title={t("businessCases.editor.noEffects")}
          description={t("businessCases.editor.noEffectsHint")}
        />
      ) : (
        <Stack gap="md">
          {effects.map((effect, index) => (
            <EffectCard key={effect.key} effect={effect} index={index} organisationId={organisationId} />
          ))}
        </Stack>
      )}
      {effects.length > 0 && !editor.isReadOnly ? (
        <div>
          <Button variant="default" size="xs" onClick={add}>
            {t("businessCases.editor.addEffect")}
          </Button>
        </div>
      ) : null}
    </SectionCard>
  );
}
