import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProjectInstrument, TrackSchedule } from "../../../contracts/progression.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { TableScroll } from "../../components/table-scroll.js";
import { fieldErrorsOf, focusFirstInvalidField } from "../../lib/api-form-errors.js";
import { useNumberInputProps } from "../instruments/item-fields.js";
import {
  type EntryValues,
  newEntryValues,
  type ScheduleFormValues,
  scheduleInputOf,
  subjectsThatFit,
  toFormErrors,
  validateSchedule,
  valuesFromSchedule,
} from "./schedule-form-values.js";

interface ScheduleEditorProps {
  track: TrackSchedule;
  instruments: readonly ProjectInstrument[];
  /** Saves; throws the API's error (per-row problems are shown in the rows). */
  onSave: (input: ReturnType<typeof scheduleInputOf>) => Promise<void>;
  onCancel: () => void;
}

/**
 * A track's schedule as a form: the planned duration and one row per instrument and whom it measures,
 * with add and remove. "Hvem" offers only what the instrument's newest version can be measured for.
 */
export function ScheduleEditor({ track, instruments, onSave, onCancel }: ScheduleEditorProps) {
  const { t } = useTranslation();
  const numberProps = useNumberInputProps();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm<ScheduleFormValues>({
    initialValues: valuesFromSchedule(track),
    validate: (values) => validateSchedule(values, instruments),
  });
  const [saveError, setSaveError] = useState<unknown>(null);
  const values = form.getValues();
  const row = (i: number) => t("schedules.editor.row", { number: i + 1 });

  const changeInstrument = (index: number, entry: EntryValues, code: string) => {
    form.setFieldValue(`entries.${index}.instrumentCode`, code);
    const fitting = subjectsThatFit(instruments.find((x) => x.code === code));
    if (!fitting.includes(entry.subjects) && fitting[0]) {
      form.setFieldValue(`entries.${index}.subjects`, fitting[0]);
    }
  };

  const save = async (v: ScheduleFormValues) => {
    setSaveError(null);
    try {
      await onSave(scheduleInputOf(v));
    } catch (error) {
      const fieldErrors = toFormErrors(fieldErrorsOf(error));
      if (Object.keys(fieldErrors).length > 0) {
        form.setErrors(fieldErrors);
        focusFirstInvalidField(formRef.current);
      }
      setSaveError(error);
    }
  };

  return (
    <form
      ref={formRef}
      noValidate
      aria-label={t("schedules.editor.title", { track: track.trackName })}
      onSubmit={form.onSubmit(save, () => {
        setSaveError(null);
        focusFirstInvalidField(formRef.current);
      })}
    >
      <Stack gap="md">
        {saveError ? <ErrorAlert error={saveError} title={t("errors.notSaved")} /> : null}
        {Object.keys(form.errors).length > 0 && !saveError ? (
          <Alert color="red" variant="light" role="alert" title={t("errors.notSaved")}>
            {t("schedules.editor.invalid")}
          </Alert>
        ) : null}
        <NumberInput
          label={t("schedules.editor.plannedDuration")}
          description={t("schedules.editor.plannedDurationHint")}
          required
          min={1}
          max={60}
          allowDecimal={false}
          maw={320}
          {...numberProps}
          {...form.getInputProps("plannedDurationMonths")}
        />
        {values.entries.length === 0 ? (
          <Text c="dimmed">{t("schedules.editor.noRows")}</Text>
        ) : (
          <TableScroll label={t("schedules.editor.tableLabel")}>
            <Table
              miw={860}
              layout="fixed"
              withTableBorder
              verticalSpacing="sm"
              horizontalSpacing="xs"
              aria-label={t("schedules.editor.tableLabel")}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" w="25%">
                    {t("schedules.columns.instrument")}
                  </Table.Th>
                  <Table.Th scope="col" w="17%">
                    {t("schedules.columns.subjects")}
                  </Table.Th>
                  <Table.Th scope="col" w="10%">
                    {t("schedules.editor.baselineWeeks")}
                  </Table.Th>
                  <Table.Th scope="col" w="10%">
                    {t("schedules.editor.everyMonths")}
                  </Table.Th>
                  <Table.Th scope="col" w="9%">
                    {t("schedules.columns.atEnd")}
                  </Table.Th>
                  <Table.Th scope="col" w="13%">
                    {t("schedules.editor.followUps")}
                  </Table.Th>
                  <Table.Th scope="col" w="9%">
                    {t("schedules.editor.windowDays")}
                  </Table.Th>
                  <Table.Th scope="col" w="7%">
                    <VisuallyHidden>{t("common.actions")}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {values.entries.map((entry, i) => {
                  const path = `entries.${i}`;
                  const fitting = subjectsThatFit(instruments.find((x) => x.code === entry.instrumentCode));
                  const subjectOptions = fitting.includes(entry.subjects)
                    ? fitting
                    : [entry.subjects, ...fitting];
                  return (
                    <Table.Tr key={entry.key} style={{ verticalAlign: "top" }}>
                      <Table.Td>
                        <NativeSelect
                          aria-label={`${t("schedules.columns.instrument")}, ${row(i)}`}
                          data={[
                            ...(instruments.some((x) => x.code === entry.instrumentCode)
                              ? []
                              : [{ value: entry.instrumentCode, label: entry.instrumentCode }]),
                            ...instruments.map((x) => ({ value: x.code, label: x.name })),
                          ]}
                          {...form.getInputProps(`${path}.instrumentCode`)}
                          onChange={(event) => changeInstrument(i, entry, event.currentTarget.value)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NativeSelect
                          aria-label={`${t("schedules.columns.subjects")}, ${row(i)}`}
                          data={subjectOptions.map((s) => ({
                            value: s,
                            label: t(`schedules.subjects.${s}`),
                          }))}
                          {...form.getInputProps(`${path}.subjects`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={`${t("schedules.editor.baselineWeeks")}, ${row(i)}`}
                          min={0}
                          max={52}
                          allowDecimal={false}
                          allowNegative={false}
                          {...numberProps}
                          {...form.getInputProps(`${path}.baselineWithinWeeks`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={`${t("schedules.editor.everyMonths")}, ${row(i)}`}
                          min={1}
                          max={60}
                          allowDecimal={false}
                          allowNegative={false}
                          {...numberProps}
                          {...form.getInputProps(`${path}.everyMonths`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Checkbox
                          mt={8}
                          aria-label={`${t("schedules.columns.atEnd")}, ${row(i)}`}
                          {...form.getInputProps(`${path}.atEnd`, { type: "checkbox" })}
                        />
                      </Table.Td>
                      <Table.Td>
                        <TextInput
                          aria-label={`${t("schedules.editor.followUps")}, ${row(i)}`}
                          placeholder={t("schedules.editor.followUpsPlaceholder")}
                          {...form.getInputProps(`${path}.followUps`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <NumberInput
                          aria-label={`${t("schedules.editor.windowDays")}, ${row(i)}`}
                          min={0}
                          max={90}
                          allowDecimal={false}
                          allowNegative={false}
                          {...numberProps}
                          {...form.getInputProps(`${path}.windowDays`)}
                        />
                      </Table.Td>
                      <Table.Td>
                        <Button
                          variant="subtle"
                          color="red"
                          size="xs"
                          mt={4}
                          aria-label={t("schedules.editor.removeRow", { number: i + 1 })}
                          onClick={() => {
                            form.removeListItem("entries", i);
                            form.clearErrors();
                          }}
                        >
                          {t("schedules.editor.remove")}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        <Text size="sm" c="dimmed">
          {t("schedules.editor.emptyMeansNone")}
        </Text>
        <Group gap="sm">
          <Button
            variant="default"
            onClick={() => form.insertListItem("entries", newEntryValues(instruments))}
          >
            {t("schedules.editor.addRow")}
          </Button>
        </Group>
        {track.courseCount > 0 ? (
          <Text size="sm">{t("schedules.editor.affects", { count: track.courseCount })}</Text>
        ) : null}
        <Group gap="sm">
          <Button type="submit" loading={form.submitting}>
            {t("schedules.editor.save")}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
