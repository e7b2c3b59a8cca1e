import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { DEPARTMENTS } from "../../../domain/casework/family-plan.js";
import type { CourseDetail } from "../families/casework-types.js";
import { FREQUENCY_PERIODS, type MeasureValues, type PlanFormValues } from "./plan-form-values.js";

interface MeasureFieldsProps {
  form: UseFormReturnType<PlanFormValues>;
  index: number;
  measure: MeasureValues;
  /** Users who may be responsible: the case team (the municipality's and the provider's staff). */
  team: CourseDetail["team"];
  /** The plan's goals as the link checkboxes name them. */
  goals: { id: string; label: string }[];
  /** The item's current errors, serialised: the fields re-render when these change. */
  errorsKey: string;
  /** Folds the fields away (the values stay in the form). */
  onClose: () => void;
  onRemove: () => void;
}

/** The id of a measure's first field, to move focus there when the measure is added. */
export const measureFieldId = (measureId: string) => `plan-measure-${measureId}-what`;

/**
 * One measure of the editor: what, who performs it and who is responsible, department, legal basis,
 * period, intensity, the estimated cost per month (typed in kroner) and the goals it serves.
 */
export const MeasureFields = memo(
  MeasureFieldsInner,
  (a, b) =>
    a.index === b.index &&
    a.team === b.team &&
    a.errorsKey === b.errorsKey &&
    JSON.stringify(a.measure) === JSON.stringify(b.measure) &&
    JSON.stringify(a.goals) === JSON.stringify(b.goals),
);

function MeasureFieldsInner({ form, index, measure, team, goals, onClose, onRemove }: MeasureFieldsProps) {
  const { t } = useTranslation();
  const path = `measures.${index}`;
  const number = index + 1;
  // Each user once; a user who left the team stays choosable while a measure names them.
  const users = [
    ...new Map(
      team
        .filter((m) => m.isActive || m.userId === measure.responsibleUserId)
        .map((m) => [m.userId, { value: m.userId, label: `${m.name} (${m.organisationName})` }]),
    ).values(),
  ];
  return (
    <Fieldset legend={t("plan.editor.measureLegend", { number })} bg="white">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            id={measureFieldId(measure.id)}
            label={t("plan.editor.what")}
            description={t("plan.editor.whatHint")}
            required
            {...form.getInputProps(`${path}.what`)}
          />
          <TextInput
            label={t("plan.editor.performedBy")}
            description={t("plan.editor.performedByHint")}
            required
            {...form.getInputProps(`${path}.performedBy`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <NativeSelect
            label={t("plan.editor.department")}
            required
            data={[
              { value: "", label: t("common.choose") },
              ...DEPARTMENTS.map((d) => ({ value: d, label: t(`plan.departments.${d}`) })),
            ]}
            {...form.getInputProps(`${path}.department`)}
          />
          {measure.department === "other" ? (
            <TextInput
              label={t("plan.editor.departmentOther")}
              required
              {...form.getInputProps(`${path}.departmentOther`)}
            />
          ) : null}
          <TextInput
            label={t("plan.editor.legalBasis")}
            description={t("plan.editor.legalBasisHint")}
            {...form.getInputProps(`${path}.legalBasis`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={t("plan.editor.responsibleUser")}
            description={t("plan.editor.responsibleUserHint")}
            data={[{ value: "", label: t("plan.editor.noResponsibleUser") }, ...users]}
            {...form.getInputProps(`${path}.responsibleUserId`)}
          />
          <TextInput
            label={t("plan.editor.responsibleName")}
            description={t("plan.editor.responsibleNameHint")}
            {...form.getInputProps(`${path}.responsibleName`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <TextInput
            type="date"
            label={t("plan.editor.startOn")}
            required
            {...form.getInputProps(`${path}.startOn`)}
          />
          <TextInput
            type="date"
            label={t("plan.editor.endOn")}
            description={t("plan.editor.endOnHint")}
            {...form.getInputProps(`${path}.endOn`)}
          />
          <NativeSelect
            label={t("plan.editor.intensity")}
            data={[
              { value: "", label: t("plan.editor.intensityNone") },
              { value: "hours-per-week", label: t("plan.editor.intensityHours") },
              { value: "frequency", label: t("plan.editor.intensityFrequency") },
            ]}
            {...form.getInputProps(`${path}.intensity`)}
          />
          {measure.intensity === "hours-per-week" ? (
            <TextInput
              label={t("plan.editor.hoursPerWeek")}
              inputMode="decimal"
              required
              {...form.getInputProps(`${path}.hoursPerWeek`)}
            />
          ) : null}
          {measure.intensity === "frequency" ? (
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <TextInput
                label={t("plan.editor.times")}
                inputMode="numeric"
                required
                style={{ flex: 1 }}
                {...form.getInputProps(`${path}.times`)}
              />
              <NativeSelect
                label={t("plan.editor.per")}
                data={FREQUENCY_PERIODS.map((p) => ({ value: p, label: t(`plan.per.${p}`) }))}
                style={{ flex: 1 }}
                {...form.getInputProps(`${path}.per`)}
              />
            </Group>
          ) : null}
        </SimpleGrid>
        <TextInput
          label={t("plan.editor.cost")}
          description={t("plan.editor.costHint")}
          required
          inputMode="decimal"
          rightSection={<Text size="sm">kr.</Text>}
          rightSectionWidth={40}
          style={{ maxWidth: 320 }}
          {...form.getInputProps(`${path}.costKr`)}
        />
        <Checkbox.Group label={t("plan.editor.goalLinks")} {...form.getInputProps(`${path}.goalIds`)}>
          <Stack gap="xs" mt="xs">
            {goals.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("plan.editor.noGoalsYet")}
              </Text>
            ) : null}
            {goals.map((g) => (
              <Checkbox key={g.id} value={g.id} label={g.label} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group justify="space-between">
          <Button variant="default" size="xs" onClick={onClose}>
            {t("plan.editor.fold")}
          </Button>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={t("plan.editor.removeMeasureNamed", { number })}
            onClick={onRemove}
          >
            {t("plan.editor.remove")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
