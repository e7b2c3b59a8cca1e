import {
  Accordion,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MEMBER_ROLES, RESPONDENTS } from "../../../domain/progression/index.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { fieldErrorsOf, focusFirstInvalidField } from "../../lib/api-form-errors.js";
import {
  type InstrumentFormValues,
  indexesWithErrors,
  newItemValues,
  newScoreValues,
  toFormErrors,
  validateInstrumentForm,
} from "./instrument-form-values.js";
import { ItemFields } from "./item-fields.js";
import { ScoreFields } from "./score-fields.js";

export type InstrumentFormMode = "create" | "new-version" | "edit";

interface InstrumentFormProps {
  mode: InstrumentFormMode;
  initialValues: InstrumentFormValues;
  /** The number the saved version gets (1 when created). */
  versionNumber: number;
  /** Saves; throws the API's error (per-field problems are shown at the fields). */
  onSave: (values: InstrumentFormValues) => Promise<void>;
  onCancel: () => void;
}

/** A list-level message (e.g. "Mindst ét spørgsmål") under a list of fieldsets. */
function ListError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Text size="sm" c="red" role="alert">
      {String(error)}
    </Text>
  );
}

/**
 * An instrument version as a form: the instrument's texts, whom it is about and who answers, the
 * questions with their scales, and the scores. The browser checks it with the domain's schema; the
 * server's per-path messages land at the same fields.
 */
export function InstrumentForm({
  mode,
  initialValues,
  versionNumber,
  onSave,
  onCancel,
}: InstrumentFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<InstrumentFormValues>({
    initialValues,
    validate: (values) => validateInstrumentForm(values, mode === "create"),
  });
  const [saveError, setSaveError] = useState<unknown>(null);
  // Short versions start open; in a long one (nine areas) the items with an error open themselves.
  const [openItems, setOpenItems] = useState<string[]>(
    initialValues.items.length <= 2 ? initialValues.items.map((i) => i.key) : [],
  );
  const [openScores, setOpenScores] = useState<string[]>(
    initialValues.scores.length <= 2 ? initialValues.scores.map((s) => s.key) : [],
  );
  const values = form.getValues();

  const openWithErrors = (errors: FormErrors) => {
    const v = form.getValues();
    const itemKeys = indexesWithErrors(errors, "items").map((i) => v.items[i]?.key ?? "");
    const scoreKeys = indexesWithErrors(errors, "scores").map((i) => v.scores[i]?.key ?? "");
    setOpenItems((prev) => [...new Set([...prev, ...itemKeys])]);
    setOpenScores((prev) => [...new Set([...prev, ...scoreKeys])]);
    focusFirstInvalidField(formRef.current);
  };

  const save = async (v: InstrumentFormValues) => {
    setSaveError(null);
    try {
      await onSave(v);
    } catch (error) {
      const fieldErrors = toFormErrors(fieldErrorsOf(error));
      if (Object.keys(fieldErrors).length > 0) {
        form.setErrors(fieldErrors);
        openWithErrors(fieldErrors);
      }
      setSaveError(error);
    }
  };

  const hasErrorIn = (prefix: string) => Object.keys(form.errors).some((p) => p.startsWith(prefix));
  const itemOptions = values.items
    .filter((i) => i.code.trim() !== "")
    .map((i) => ({ value: i.code.trim(), label: `${i.label.trim() || i.code} (${i.code.trim()})` }));
  const submitLabel =
    mode === "create"
      ? t("instruments.form.create")
      : mode === "new-version"
        ? t("instruments.form.saveNewVersion", { version: versionNumber })
        : t("instruments.form.saveVersion", { version: versionNumber });

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={submitLabel}
      onSubmit={form.onSubmit(save, (errors) => {
        setSaveError(null);
        openWithErrors(errors);
      })}
    >
      <Stack gap="lg">
        {saveError ? <ErrorAlert error={saveError} title={t("errors.notSaved")} /> : null}
        {Object.keys(form.errors).length > 0 && !saveError ? (
          <Alert color="red" variant="light" role="alert" title={t("errors.notSaved")}>
            {t("instruments.form.invalid")}
          </Alert>
        ) : null}

        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="instrument-form-about">
          <Stack gap="md">
            <Title order={2} size="h4" id="instrument-form-about">
              {t("instruments.form.aboutTitle")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t("fields.name")} required {...form.getInputProps("name")} />
              {mode === "create" ? (
                <TextInput
                  label={t("instruments.form.code")}
                  description={t("instruments.form.instrumentCodeHint")}
                  required
                  spellCheck={false}
                  {...form.getInputProps("code")}
                />
              ) : (
                <TextInput
                  label={t("instruments.form.code")}
                  description={t("instruments.form.codeFixed")}
                  readOnly
                  value={values.code}
                />
              )}
              <TextInput label={t("instruments.form.nameEn")} {...form.getInputProps("nameEn")} />
            </SimpleGrid>
            <Textarea
              label={t("fields.description")}
              description={t("instruments.form.descriptionHint")}
              autosize
              minRows={2}
              maxRows={6}
              {...form.getInputProps("description")}
            />
          </Stack>
        </Paper>

        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="instrument-form-whom">
          <Stack gap="md">
            <Title order={2} size="h4" id="instrument-form-whom">
              {t("instruments.form.whomTitle")}
            </Title>
            <Checkbox
              label={t("instruments.form.isPerGoal")}
              description={t("instruments.form.isPerGoalHint")}
              {...form.getInputProps("isPerGoal", { type: "checkbox" })}
            />
            <Checkbox.Group
              label={t("instruments.form.subjects")}
              required
              {...form.getInputProps("subjects")}
            >
              <Group gap="md" mt="xs">
                <Checkbox value="person" label={t("instruments.subjects.person")} />
                <Checkbox value="family" label={t("instruments.subjects.family")} />
              </Group>
            </Checkbox.Group>
            {values.subjects.includes("person") ? (
              <Checkbox.Group
                label={t("instruments.form.memberRoles")}
                description={t("instruments.form.memberRolesHint")}
                {...form.getInputProps("memberRoles")}
              >
                <Group gap="md" mt="xs">
                  {MEMBER_ROLES.map((r) => (
                    <Checkbox key={r} value={r} label={t(`instruments.memberRoles.${r}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            ) : null}
            <Checkbox.Group
              label={t("instruments.form.respondents")}
              required
              {...form.getInputProps("respondents")}
            >
              <Group gap="md" mt="xs">
                {RESPONDENTS.map((r) => (
                  <Checkbox key={r} value={r} label={t(`instruments.respondents.${r}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            <Textarea
              label={t("instruments.form.periodNote")}
              description={t("instruments.form.periodNoteHint")}
              autosize
              minRows={1}
              maxRows={3}
              {...form.getInputProps("periodNote")}
            />
          </Stack>
        </Paper>

        <Stack gap="sm" component="section" aria-labelledby="instrument-form-items">
          <Title order={2} size="h4" id="instrument-form-items">
            {t("instruments.form.itemsTitle")}
          </Title>
          <Accordion multiple variant="separated" value={openItems} onChange={setOpenItems}>
            {values.items.map((item, index) => (
              <Accordion.Item key={item.key} value={item.key} bg="white">
                <Accordion.Control>
                  <Group gap="sm">
                    <Text fw={600}>
                      {t("instruments.form.itemLegend", { number: index + 1 })}:{" "}
                      {item.label.trim() || t("instruments.form.untitled")}
                    </Text>
                    {hasErrorIn(`items.${index}.`) ? (
                      <Badge color="red" variant="light">
                        {t("instruments.form.hasErrors")}
                      </Badge>
                    ) : null}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <ItemFields
                    form={form}
                    index={index}
                    item={item}
                    onRemove={
                      values.items.length > 1
                        ? () => {
                            form.removeListItem("items", index);
                            form.clearErrors();
                          }
                        : undefined
                    }
                  />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
          <ListError error={form.errors.items} />
          <div>
            <Button
              variant="default"
              onClick={() => {
                const item = newItemValues();
                form.insertListItem("items", item);
                setOpenItems((prev) => [...prev, item.key]);
              }}
            >
              {t("instruments.form.addItem")}
            </Button>
          </div>
        </Stack>

        <Stack gap="sm" component="section" aria-labelledby="instrument-form-scores">
          <Title order={2} size="h4" id="instrument-form-scores">
            {t("instruments.form.scoresTitle")}
          </Title>
          <Text size="sm" c="dimmed">
            {t("instruments.form.scoresHint")}
          </Text>
          <Accordion multiple variant="separated" value={openScores} onChange={setOpenScores}>
            {values.scores.map((score, index) => (
              <Accordion.Item key={score.key} value={score.key} bg="white">
                <Accordion.Control>
                  <Group gap="sm">
                    <Text fw={600}>
                      {t("instruments.form.scoreLegend", { number: index + 1 })}:{" "}
                      {score.label.trim() || t("instruments.form.untitled")}
                    </Text>
                    {hasErrorIn(`scores.${index}.`) ? (
                      <Badge color="red" variant="light">
                        {t("instruments.form.hasErrors")}
                      </Badge>
                    ) : null}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <ScoreFields
                    form={form}
                    index={index}
                    score={score}
                    itemOptions={itemOptions}
                    onRemove={
                      values.scores.length > 1
                        ? () => {
                            form.removeListItem("scores", index);
                            form.clearErrors();
                          }
                        : undefined
                    }
                  />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
          <ListError error={form.errors.scores} />
          <div>
            <Button
              variant="default"
              onClick={() => {
                const score = newScoreValues(values.items[0]?.code.trim() ?? "", "");
                form.insertListItem("scores", score);
                setOpenScores((prev) => [...prev, score.key]);
              }}
            >
              {t("instruments.form.addScore")}
            </Button>
          </div>
        </Stack>

        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
