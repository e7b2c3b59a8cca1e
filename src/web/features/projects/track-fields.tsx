import { Button, Fieldset, Group, NumberInput, SimpleGrid, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { newTrack, type ProjectFormValues } from "./project-form-values.js";

type ProjectForm = UseFormReturnType<ProjectFormValues>;

/** The project's tracks, one fieldset each; at least one. */
export function TrackFields({ form }: { form: ProjectForm }) {
  const { t } = useTranslation();
  const tracks = form.values.tracks;
  return (
    <Fieldset legend={t("projects.tracksTitle")} variant="unstyled">
      {tracks.map((track, index) => (
        <Fieldset key={track.key} legend={t("tracks.legend", { number: index + 1 })} mb="md" bg="white">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            <TextInput
              label={t("tracks.code")}
              description={t("tracks.codeHint")}
              required
              spellCheck={false}
              {...form.getInputProps(`tracks.${index}.code`)}
            />
            <TextInput label={t("fields.name")} required {...form.getInputProps(`tracks.${index}.name`)} />
            <NumberInput
              label={t("tracks.capacityFamilies")}
              required
              min={1}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps(`tracks.${index}.capacityFamilies`)}
            />
            <NumberInput
              label={t("tracks.caseloadWeightPct")}
              description={t("tracks.caseloadWeightHint")}
              required
              min={10}
              max={1000}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps(`tracks.${index}.caseloadWeightPct`)}
            />
            <NumberInput
              label={t("tracks.reviewIntervalMonths")}
              required
              min={1}
              max={60}
              allowDecimal={false}
              allowNegative={false}
              hideControls
              {...form.getInputProps(`tracks.${index}.reviewIntervalMonths`)}
            />
          </SimpleGrid>
          {tracks.length > 1 ? (
            <Group justify="flex-end" mt="md">
              <Button
                variant="subtle"
                color="red"
                size="xs"
                aria-label={t("tracks.removeNamed", { number: index + 1 })}
                onClick={() => form.removeListItem("tracks", index)}
              >
                {t("tracks.remove")}
              </Button>
            </Group>
          ) : null}
        </Fieldset>
      ))}
      {form.errors.tracks ? (
        <div role="alert" style={{ color: "var(--mantine-color-error)", marginBottom: 8 }}>
          {form.errors.tracks}
        </div>
      ) : null}
      <Button variant="default" onClick={() => form.insertListItem("tracks", newTrack())}>
        {t("tracks.add")}
      </Button>
    </Fieldset>
  );
}
