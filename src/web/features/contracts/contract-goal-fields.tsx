import { Button, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { fieldIdOf } from "./contract-field-id.js";
import { type ContractForm, MEASUREMENT_POINTS, newGoal, ruleKey } from "./contract-form-values.js";
import type { OutcomeRuleOption } from "./contract-types.js";
import { FieldGroupError } from "./field-group-error.js";
import { useMeasurementPointLabel } from "./use-measurement-point-label.js";

interface ContractGoalFieldsProps {
  form: ContractForm;
  trackIndex: number;
  /** Every outcome rule of the project; a goal may only use those its track measures. */
  rules: readonly OutcomeRuleOption[];
}

/** The payment goals of one track: name, outcome rule, measuring point and how the goal pays. */
export function ContractGoalFields({ form, trackIndex, rules }: ContractGoalFieldsProps) {
  const { t, i18n } = useTranslation();
  const pointLabel = useMeasurementPointLabel();
  const track = form.values.tracks[trackIndex];
  if (!track) return null;
  const base = `tracks.${trackIndex}.goals`;
  const field = (path: string) => ({ ...form.getInputProps(path), id: fieldIdOf(path) });
  const kind = form.values.mechanism.kind;
  const ruleName = (rule: OutcomeRuleOption) => (i18n.language === "en" ? rule.nameEn : rule.name);
  const available = rules.filter((rule) => track.code === "" || rule.trackCodes.includes(track.code));
  const percent = {
    inputMode: "decimal" as const,
    rightSection: (
      <Text size="xs" c="dimmed">
        %
      </Text>
    ),
  };

  const chooseRule = (goalIndex: number, key: string) => {
    form.setFieldValue(`${base}.${goalIndex}.rule`, key);
    const rule = rules.find((r) => ruleKey(r) === key);
    const goal = track.goals[goalIndex];
    if (rule && goal && goal.name.trim() === "")
      form.setFieldValue(`${base}.${goalIndex}.name`, ruleName(rule));
  };

  return (
    <Fieldset
      legend={t("contracts.form.goalsOf", {
        track: track.name || t("contracts.form.trackLegend", { number: trackIndex + 1 }),
      })}
      variant="unstyled"
      id={fieldIdOf(base)}
    >
      <Stack gap="sm">
        {track.goals.map((goal, goalIndex) => {
          const options = available.map((rule) => ({ value: ruleKey(rule), label: ruleName(rule) }));
          if (goal.rule && !options.some((o) => o.value === goal.rule)) {
            const known = rules.find((r) => ruleKey(r) === goal.rule);
            options.push({
              value: goal.rule,
              label: t("contracts.form.ruleNotMeasured", { rule: known ? ruleName(known) : goal.rule }),
            });
          }
          const points = Object.keys(MEASUREMENT_POINTS).map((p) => ({ value: p, label: pointLabel(p) }));
          if (goal.measurementPoint && !(goal.measurementPoint in MEASUREMENT_POINTS))
            points.push({ value: goal.measurementPoint, label: goal.measurementPoint });
          const path = `${base}.${goalIndex}`;
          return (
            <Fieldset
              key={goal.key}
              legend={t("contracts.form.goalLegend", { number: goalIndex + 1 })}
              id={fieldIdOf(path)}
              bg="gray.0"
            >
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                  <NativeSelect
                    label={t("contracts.terms.rule")}
                    description={
                      track.code ? t("contracts.form.ruleHint") : t("contracts.form.ruleHintNoTrack")
                    }
                    required
                    data={[{ value: "", label: t("common.choose") }, ...options]}
                    {...field(`${path}.rule`)}
                    onChange={(event) => chooseRule(goalIndex, event.currentTarget.value)}
                  />
                  <TextInput label={t("contracts.form.goalName")} required {...field(`${path}.name`)} />
                  <NativeSelect
                    label={t("contracts.terms.measurementPoint")}
                    required
                    data={points}
                    {...field(`${path}.measurementPoint`)}
                  />
                </SimpleGrid>
                {kind === "weighted-attainment" ? (
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                    <TextInput
                      label={t("contracts.form.weight")}
                      description={t("contracts.form.weightHint")}
                      required
                      {...percent}
                      {...field(`${path}.payment.weightPct`)}
                    />
                    <TextInput
                      label={t("contracts.form.threshold")}
                      description={t("contracts.form.thresholdHint")}
                      required
                      {...percent}
                      {...field(`${path}.payment.thresholdPct`)}
                    />
                    <TextInput
                      label={t("contracts.form.target")}
                      description={t("contracts.form.targetHint")}
                      required
                      {...percent}
                      {...field(`${path}.payment.targetPct`)}
                    />
                  </SimpleGrid>
                ) : kind === "rate-card" ? (
                  <TextInput
                    label={t("contracts.form.price")}
                    required
                    maw={280}
                    inputMode="decimal"
                    rightSection={
                      <Text size="xs" c="dimmed">
                        kr.
                      </Text>
                    }
                    {...field(`${path}.payment.priceKr`)}
                  />
                ) : (
                  <TextInput
                    label={t("contracts.form.pricePerDay")}
                    required
                    maw={280}
                    inputMode="decimal"
                    rightSection={
                      <Text size="xs" c="dimmed">
                        kr.
                      </Text>
                    }
                    {...field(`${path}.payment.pricePerDayKr`)}
                  />
                )}
                <FieldGroupError error={form.errors[`${path}.payment.kind`]} />
                {track.goals.length > 1 ? (
                  <Group justify="flex-end">
                    <Button
                      variant="subtle"
                      color="red"
                      size="xs"
                      onClick={() => form.removeListItem(base, goalIndex)}
                      aria-label={t("contracts.form.removeGoal", {
                        number: goalIndex + 1,
                        track: trackIndex + 1,
                      })}
                    >
                      {t("contracts.form.remove")}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Fieldset>
          );
        })}
        <FieldGroupError error={form.errors[base]} />
        <div>
          <Button variant="default" size="xs" onClick={() => form.insertListItem(base, newGoal())}>
            {t("contracts.form.addGoal")}
          </Button>
        </div>
      </Stack>
    </Fieldset>
  );
}
