import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { GOAL_CATEGORIES, GOAL_STATUSES } from "../../../domain/casework/family-plan.js";
import type { FamilyDetail } from "../families/casework-types.js";
import {
  FAMILY_SUBJECT,
  GAS_LEVELS,
  type GoalValues,
  nextId,
  type PlanFormValues,
} from "./plan-form-values.js";

interface GoalFieldsProps {
  form: UseFormReturnType<PlanFormValues>;
  index: number;
  goal: GoalValues;
  family: FamilyDetail;
  /** The item's current errors, serialised: the fields re-render when these change. */
  errorsKey: string;
  /** Folds the fields away (the values stay in the form). */
  onClose: () => void;
  onRemove: () => void;
}

/** The id of a goal's first field, to move focus there when the goal is added. */
export const goalFieldId = (goalId: string) => `plan-goal-${goalId}-own-words`;

/**
 * One goal of the editor: the family's own words, whom it is about, category, dates, GAS and sub-goals.
 * Memoised by content: the form clones all values on every keystroke, and re-rendering every goal and
 * measure each time made typing lag.
 */
export const GoalFields = memo(
  GoalFieldsInner,
  (a, b) =>
    a.index === b.index &&
    a.family === b.family &&
    a.errorsKey === b.errorsKey &&
    JSON.stringify(a.goal) === JSON.stringify(b.goal),
);

function GoalFieldsInner({ form, index, goal, family, onClose, onRemove }: GoalFieldsProps) {
  const { t } = useTranslation();
  const path = `goals.${index}`;
  const number = index + 1;
  const members = family.members.filter((m) => m.isCurrent || m.person.id === goal.subject);
  const statusOptions = GOAL_STATUSES.map((s) => ({ value: s, label: t(`plan.statuses.${s}`) }));
  return (
    <Fieldset legend={t("plan.editor.goalLegend", { number })} bg="white">
      <Stack gap="md">
        <Textarea
          id={goalFieldId(goal.id)}
          label={t("plan.editor.ownWords")}
          description={t("plan.editor.ownWordsHint")}
          required
          autosize
          minRows={2}
          maxRows={6}
          {...form.getInputProps(`${path}.ownWords`)}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <NativeSelect
            label={t("plan.editor.subject")}
            required
            data={[
              { value: FAMILY_SUBJECT, label: t("plan.goals.family") },
              ...members.map((m) => ({
                value: m.person.id,
                label: `${m.person.firstName} ${m.person.lastName}`,
              })),
            ]}
            {...form.getInputProps(`${path}.subject`)}
          />
          <NativeSelect
            label={t("plan.editor.category")}
            required
            data={[
              { value: "", label: t("common.choose") },
              ...GOAL_CATEGORIES.map((c) => ({ value: c, label: t(`plan.categories.${c}`) })),
            ]}
            {...form.getInputProps(`${path}.category`)}
          />
          <TextInput
            type="date"
            label={t("plan.editor.targetDate")}
            required
            {...form.getInputProps(`${path}.targetDate`)}
          />
          <NativeSelect
            label={t("plan.editor.status")}
            required
            data={statusOptions}
            {...form.getInputProps(`${path}.status`)}
          />
        </SimpleGrid>
        <Checkbox
          label={t("plan.editor.hasScale")}
          description={t("plan.editor.hasScaleHint")}
          {...form.getInputProps(`${path}.hasScale`, { type: "checkbox" })}
        />
        {goal.hasScale ? (
          <Fieldset legend={t("plan.editor.scaleLegend")} variant="filled">
            <Stack gap="sm">
              {[...GAS_LEVELS.keys()].reverse().map((li) => (
                <TextInput
                  key={GAS_LEVELS[li]}
                  label={t(`plan.gasLevels.${GAS_LEVELS[li]!}`)}
                  required
                  {...form.getInputProps(`${path}.levels.${li}`)}
                />
              ))}
              <NativeSelect
                label={t("plan.editor.currentLevel")}
                data={[
                  { value: "", label: t("plan.editor.notAssessed") },
                  ...[...GAS_LEVELS].reverse().map((level) => ({
                    value: level,
                    label: t(`plan.gasLevels.${level}`),
                  })),
                ]}
                style={{ maxWidth: 360 }}
                {...form.getInputProps(`${path}.currentLevel`)}
              />
            </Stack>
          </Fieldset>
        ) : null}
        <Fieldset legend={t("plan.editor.subGoalsLegend")} variant="unstyled">
          <Stack gap="sm">
            {goal.subGoals.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t("plan.editor.noSubGoals")}
              </Text>
            ) : null}
            {goal.subGoals.map((s, si) => (
              <Group key={s.id} gap="sm" align="flex-start" wrap="wrap">
                <TextInput
                  label={t("plan.editor.subGoalText", { number: si + 1 })}
                  required
                  style={{ flex: "3 1 280px" }}
                  {...form.getInputProps(`${path}.subGoals.${si}.text`)}
                />
                <NativeSelect
                  label={t("plan.editor.subGoalStatus", { number: si + 1 })}
                  data={statusOptions}
                  style={{ flex: "1 1 160px" }}
                  {...form.getInputProps(`${path}.subGoals.${si}.status`)}
                />
                <TextInput
                  type="date"
                  label={t("plan.editor.subGoalDate", { number: si + 1 })}
                  style={{ flex: "1 1 160px" }}
                  {...form.getInputProps(`${path}.subGoals.${si}.targetDate`)}
                />
                <Button
                  variant="subtle"
                  color="red"
                  mt={24}
                  aria-label={t("plan.editor.removeSubGoalNamed", { number: si + 1 })}
                  onClick={() => form.removeListItem(`${path}.subGoals`, si)}
                >
                  {t("plan.editor.remove")}
                </Button>
              </Group>
            ))}
            <div>
              <Button
                variant="default"
                size="xs"
                onClick={() =>
                  form.insertListItem(`${path}.subGoals`, {
                    id: nextId(
                      "s",
                      goal.subGoals.map((s) => s.id),
                    ),
                    text: "",
                    status: "not-started",
                    targetDate: "",
                  })
                }
              >
                {t("plan.editor.addSubGoal")}
              </Button>
            </div>
          </Stack>
        </Fieldset>
        <Group justify="space-between">
          <Button variant="default" size="xs" onClick={onClose}>
            {t("plan.editor.fold")}
          </Button>
          <Button
            variant="subtle"
            color="red"
            size="xs"
            aria-label={t("plan.editor.removeGoalNamed", { number })}
            onClick={onRemove}
          >
            {t("plan.editor.removeGoal")}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
