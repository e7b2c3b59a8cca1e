import {
  Button,
  Fieldset,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Project } from "../../../contracts/admin.js";
import { fieldIdOf } from "./contract-field-id.js";
import { type ContractForm, newTrack } from "./contract-form-values.js";
import { ContractGoalFields } from "./contract-goal-fields.js";
import type { OutcomeRuleOption } from "./contract-types.js";
import { FieldGroupError } from "./field-group-error.js";
import { sumPctTexts } from "./form-sums.js";
import { usePctText } from "./use-pct-text.js";

interface ContractTrackFieldsProps {
  form: ContractForm;
  projectTracks: readonly Project["tracks"][number][];
  rules: readonly OutcomeRuleOption[];
}

/** "Spor og betalingsmål": one fieldset per track (a track of the project) with its goals. */
export function ContractTrackFields({ form, projectTracks, rules }: ContractTrackFieldsProps) {
  const { t } = useTranslation();
  const pct = usePctText();
  const field = (path: string) => ({ ...form.getInputProps(path), id: fieldIdOf(path) });
  const { tracks, mechanism } = form.values;
  const isWeighted = mechanism.kind === "weighted-attainment";
  const isPerTrack = isWeighted && mechanism.weighting === "per-track";
  const allWeights = sumPctTexts(tracks.flatMap((track) => track.goals.map((g) => g.payment.weightPct)));
  const shares = sumPctTexts(tracks.map((track) => track.budgetSharePct));

  const chooseCode = (index: number, code: string) => {
    form.setFieldValue(`tracks.${index}.code`, code);
    const projectTrack = projectTracks.find((p) => p.code === code);
    const track = tracks[index];
    if (!projectTrack || !track) return;
    if (track.name.trim() === "") form.setFieldValue(`tracks.${index}.name`, projectTrack.name);
    if (track.expectedFamilies.trim() === "")
      form.setFieldValue(`tracks.${index}.expectedFamilies`, String(projectTrack.capacityFamilies));
  };

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="ct-tracks-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="ct-tracks-title">
          {t("contracts.terms.tracksTitle")}
        </Title>
        <Text size="sm">{t("contracts.form.tracksIntro")}</Text>
        <div id={fieldIdOf("tracks")}>
          <Stack gap="lg">
            {tracks.map((track, index) => {
              const codes = projectTracks.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }));
              if (track.code && !projectTracks.some((p) => p.code === track.code))
                codes.push({
                  value: track.code,
                  label: t("contracts.form.unknownTrack", { code: track.code }),
                });
              const trackWeights = sumPctTexts(track.goals.map((g) => g.payment.weightPct));
              return (
                <Fieldset
                  key={track.key}
                  id={fieldIdOf(`tracks.${index}`)}
                  legend={t("contracts.form.trackLegend", { number: index + 1 })}
                  bg="white"
                >
                  <Stack gap="md">
                    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
                      <NativeSelect
                        label={t("contracts.form.trackCode")}
                        description={t("contracts.form.trackCodeHint")}
                        required
                        data={[{ value: "", label: t("common.choose") }, ...codes]}
                        {...field(`tracks.${index}.code`)}
                        onChange={(event) => chooseCode(index, event.currentTarget.value)}
                      />
                      <TextInput
                        label={t("contracts.form.name")}
                        required
                        {...field(`tracks.${index}.name`)}
                      />
                      <TextInput
                        label={t("contracts.form.expectedFamilies")}
                        required
                        inputMode="numeric"
                        {...field(`tracks.${index}.expectedFamilies`)}
                      />
                      {isPerTrack ? (
                        <TextInput
                          label={t("contracts.form.budgetShare")}
                          description={t("contracts.form.budgetShareHint")}
                          required
                          inputMode="decimal"
                          rightSection={
                            <Text size="xs" c="dimmed">
                              %
                            </Text>
                          }
                          {...field(`tracks.${index}.budgetSharePct`)}
                        />
                      ) : null}
                      {!isWeighted ? (
                        <TextInput
                          label={t("contracts.form.familyCap")}
                          description={t("contracts.form.familyCapHint")}
                          inputMode="decimal"
                          rightSection={
                            <Text size="xs" c="dimmed">
                              kr.
                            </Text>
                          }
                          {...field(`tracks.${index}.familyCapKr`)}
                        />
                      ) : null}
                    </SimpleGrid>
                    <ContractGoalFields form={form} trackIndex={index} rules={rules} />
                    {isPerTrack ? (
                      <Text size="sm" aria-live="polite">
                        {trackWeights === null
                          ? t("contracts.form.weightsTrackHint")
                          : t("contracts.form.weightsTrackSum", { sum: pct(trackWeights) })}
                      </Text>
                    ) : null}
                    {tracks.length > 1 ? (
                      <Group justify="flex-end">
                        <Button
                          variant="subtle"
                          color="red"
                          size="xs"
                          onClick={() => form.removeListItem("tracks", index)}
                        >
                          {t("contracts.form.removeTrack", { number: index + 1 })}
                        </Button>
                      </Group>
                    ) : null}
                  </Stack>
                </Fieldset>
              );
            })}
          </Stack>
        </div>
        {isWeighted ? (
          <Text size="sm" aria-live="polite">
            {isPerTrack
              ? shares === null
                ? t("contracts.form.sharesHint")
                : t("contracts.form.sharesSum", { sum: pct(shares) })
              : allWeights === null
                ? t("contracts.form.weightsContractHint")
                : t("contracts.form.weightsContractSum", { sum: pct(allWeights) })}
          </Text>
        ) : null}
        <FieldGroupError error={form.errors.tracks} />
        <div>
          <Button variant="default" onClick={() => form.insertListItem("tracks", newTrack())}>
            {t("contracts.form.addTrack")}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
