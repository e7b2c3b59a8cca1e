import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { fieldErrorsOf, focusFirstInvalidField } from "../../lib/api-form-errors.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";
import { todayInDenmark } from "../families/case-dates.js";
import type { CourseDetail, FamilyDetail } from "../families/casework-types.js";
import { GoalFields, goalFieldId } from "./goal-fields.js";
import { GoalStatusBadge } from "./goal-status-badge.js";
import { ItemSummary } from "./item-summary.js";
import { MeasureFields, measureFieldId } from "./measure-fields.js";
import {
  FAMILY_SUBJECT,
  indexesWithErrors,
  newGoalValues,
  newMeasureValues,
  nextId,
  type PlanFormValues,
  PlanShapeSchema,
  parseCostOre,
  toFormErrors,
  toPlanInput,
  withoutGoal,
} from "./plan-form-values.js";

interface PlanEditorProps {
  initialValues: PlanFormValues;
  /** The version the edit is based on (the If-Match of the save); 0 before the first. */
  baseVersion: number;
  family: FamilyDetail;
  team: CourseDetail["team"];
  onCancel: () => void;
  /** Saves the plan; throws the API's error (field errors are shown at the fields). */
  onSave: (values: PlanFormValues) => Promise<void>;
}

const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * The whole plan as one form: every goal and measure with its fields, and the note of the new
 * version. The browser checks each item's shape; the server's per-field messages (`plan.goals.0…`)
 * land at the same fields.
 */
export function PlanEditor({ initialValues, baseVersion, family, team, onCancel, onSave }: PlanEditorProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === "en" ? "en" : "da";
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<PlanFormValues>({
    initialValues,
    validate: (values) => {
      const errors: FormErrors = toFormErrors(
        zodFormValidator<PlanFormValues>(PlanShapeSchema, (v) => toPlanInput(v, language))(values),
      );
      values.measures.forEach((m, i) => {
        if (Number.isNaN(parseCostOre(m.costKr, language) ?? 0)) {
          errors[`measures.${i}.costKr`] = t("plan.editor.costInvalid");
        }
      });
      return errors;
    },
  });
  const [saveError, setSaveError] = useState<unknown>(null);
  // Saved goals and measures start folded; new ones and those with an error are open.
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(new Set());
  const open = (...ids: string[]) => setOpenIds((prev) => new Set([...prev, ...ids]));
  const close = (id: string) => setOpenIds((prev) => new Set([...prev].filter((x) => x !== id)));
  const openItemsWithErrors = (errors: Record<string, unknown>) => {
    const v = form.getValues();
    open(
      ...indexesWithErrors(errors, "goals").map((i) => v.goals[i]?.id ?? ""),
      ...indexesWithErrors(errors, "measures").map((i) => v.measures[i]?.id ?? ""),
    );
  };
  const save = async (v: PlanFormValues) => {
    setSaveError(null);
    try {
      await onSave(v);
    } catch (error) {
      // The API's paths are the plan's (plan.goals.0.scale.levels.-2): map them to the fields.
      const fieldErrors = toFormErrors(fieldErrorsOf(error));
      if (Object.keys(fieldErrors).length > 0) {
        form.setErrors(fieldErrors);
        openItemsWithErrors(fieldErrors);
        focusFirstInvalidField(formRef.current);
      }
      setSaveError(error);
    }
  };
  const values = form.getValues();
  const memberName = (personId: string) => {
    const m = family.members.find((x) => x.person.id === personId);
    return m ? `${m.person.firstName} ${m.person.lastName}` : t("plan.goals.unknownMember");
  };
  const hasErrors = Object.keys(form.errors).length > 0;
  const errorsKey = (prefix: string) =>
    JSON.stringify(Object.entries(form.errors).filter(([path]) => path.startsWith(prefix)));
  const goalOptions = values.goals.map((g, i) => ({
    id: g.id,
    label: `${t("plan.editor.goalLegend", { number: i + 1 })}: ${g.ownWords.trim() || t("plan.editor.untitledGoal")}`,
  }));

  const addGoal = () => {
    const id = nextId(
      "g",
      values.goals.map((g) => g.id),
    );
    form.insertListItem("goals", newGoalValues(id));
    open(id);
    focusLater(goalFieldId(id));
  };
  const addMeasure = () => {
    const id = nextId(
      "m",
      values.measures.map((m) => m.id),
    );
    form.insertListItem("measures", newMeasureValues(id, todayInDenmark()));
    open(id);
    focusLater(measureFieldId(id));
  };

  return (
    <form
      ref={formRef}
      noValidate
      aria-labelledby="plan-editor-title"
      onSubmit={form.onSubmit(save, (errors) => {
        setSaveError(null);
        openItemsWithErrors(errors);
        focusFirstInvalidField(formRef.current);
      })}
    >
      <Stack gap="lg">
        <Paper withBorder radius="md" p="lg">
          <Stack gap="xs">
            <Title order={2} size="h4" id="plan-editor-title">
              {t("plan.editor.title")}
            </Title>
            <Text size="sm" c="dimmed">
              {baseVersion > 0
                ? t("plan.editor.basedOn", { version: baseVersion })
                : t("plan.editor.basedOnNone")}
            </Text>
          </Stack>
        </Paper>
        {saveError ? <ErrorAlert error={saveError} title={t("errors.notSaved")} /> : null}
        {hasErrors && !saveError ? (
          <Alert color="red" variant="light" role="alert" title={t("errors.notSaved")}>
            {t("plan.editor.invalid")}
          </Alert>
        ) : null}
        <Stack gap="md" component="section" aria-labelledby="plan-editor-goals">
          <Title order={2} size="h4" id="plan-editor-goals">
            {t("plan.editor.goalsTitle")}
          </Title>
          {values.goals.map((goal, index) =>
            openIds.has(goal.id) ? (
              <GoalFields
                key={goal.id}
                form={form}
                index={index}
                goal={goal}
                family={family}
                errorsKey={errorsKey(`goals.${index}.`)}
                onClose={() => close(goal.id)}
                onRemove={() => {
                  form.setValues(withoutGoal(form.getValues(), index));
                  form.clearErrors();
                }}
              />
            ) : (
              <ItemSummary
                key={goal.id}
                legend={t("plan.editor.goalLegend", { number: index + 1 })}
                title={goal.ownWords.trim() || t("plan.editor.untitledGoal")}
                details={[
                  goal.subject === FAMILY_SUBJECT ? t("plan.goals.family") : memberName(goal.subject),
                  goal.category ? t(`plan.categories.${goal.category}`) : "",
                ]
                  .filter(Boolean)
                  .join(" · ")}
                badge={<GoalStatusBadge status={goal.status} size="sm" />}
                openText={t("plan.editor.editItem")}
                openLabel={t("plan.editor.editGoalNamed", { number: index + 1 })}
                onOpen={() => open(goal.id)}
              />
            ),
          )}
          <div>
            <Button variant="default" onClick={addGoal}>
              {t("plan.editor.addGoal")}
            </Button>
          </div>
        </Stack>
        <Stack gap="md" component="section" aria-labelledby="plan-editor-measures">
          <Title order={2} size="h4" id="plan-editor-measures">
            {t("plan.editor.measuresTitle")}
          </Title>
          {values.measures.map((measure, index) =>
            openIds.has(measure.id) ? (
              <MeasureFields
                key={measure.id}
                form={form}
                index={index}
                measure={measure}
                team={team}
                goals={goalOptions}
                errorsKey={errorsKey(`measures.${index}.`)}
                onClose={() => close(measure.id)}
                onRemove={() => {
                  form.removeListItem("measures", index);
                  form.clearErrors();
                }}
              />
            ) : (
              <ItemSummary
                key={measure.id}
                legend={t("plan.editor.measureLegend", { number: index + 1 })}
                title={measure.what.trim() || t("plan.editor.untitledMeasure")}
                details={[
                  measure.department ? t(`plan.departments.${measure.department}`) : "",
                  measure.costKr.trim()
                    ? t("plan.editor.costPerMonth", { amount: measure.costKr.trim() })
                    : "",
                ]
                  .filter(Boolean)
                  .join(" · ")}
                openText={t("plan.editor.editItem")}
                openLabel={t("plan.editor.editMeasureNamed", { number: index + 1 })}
                onOpen={() => open(measure.id)}
              />
            ),
          )}
          <div>
            <Button variant="default" onClick={addMeasure}>
              {t("plan.editor.addMeasure")}
            </Button>
          </div>
        </Stack>
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="plan-editor-save">
          <Stack gap="md">
            <Title order={2} size="h4" id="plan-editor-save">
              {t("plan.editor.noteTitle")}
            </Title>
            <Textarea
              label={t("plan.editor.note")}
              description={t("plan.editor.noteHint")}
              autosize
              minRows={2}
              maxRows={6}
              {...form.getInputProps("note")}
            />
            <Group gap="sm">
              <Button type="submit" loading={form.submitting}>
                {t("plan.editor.save", { version: baseVersion + 1 })}
              </Button>
              <Button variant="default" onClick={onCancel}>
                {t("plan.editor.cancel")}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Stack>
    </form>
  );
}
