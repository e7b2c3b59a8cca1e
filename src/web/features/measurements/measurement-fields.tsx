import { Fieldset, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { getLatestVersion } from "../../../domain/progression/instrument.js";
import { bandOf } from "../../../domain/progression/scoring.js";
import { ItemField } from "./item-field.js";
import {
  defaultRespondent,
  type FormContext,
  formVersion,
  instrumentOf,
  type MeasurementFormValues,
  previewScores,
  subjectOptions,
} from "./measurement-form-values.js";
import type { DueSlot } from "./measurement-queries.js";
import type { MeasurementText } from "./use-measurement-text.js";

interface MeasurementFieldsProps {
  form: UseFormReturnType<MeasurementFormValues>;
  context: FormContext;
  text: MeasurementText;
  /** The due slot the form was opened from (its window is named at the date). */
  slot?: DueSlot;
  /** A correction keeps the instrument (a wrong instrument is a new measurement, not a correction). */
  isInstrumentLocked: boolean;
}

/**
 * The fields of a measurement, generated from the instrument version: who it is about (a member, the
 * family or a plan goal), the day, the period the values refer to (when the instrument asks for one),
 * who answered, one field per item, the score as it will be computed, and a note.
 */
export function MeasurementFields({ form, context, text, slot, isInstrumentLocked }: MeasurementFieldsProps) {
  const { t } = useTranslation();
  const values = form.getValues();
  const instrument = instrumentOf(context, values.instrumentCode);
  const version = instrument ? formVersion(context, instrument) : undefined;
  const { course, members, goals } = context.data;
  const respondentLabel = (r: string) =>
    t(`measurements.respondents.${r}` as "measurements.respondents.member");

  const chooseInstrument = (code: string) => {
    const next = instrumentOf(context, code);
    const nextVersion = next ? getLatestVersion(next) : undefined;
    const subjects = nextVersion ? subjectOptions(nextVersion, members) : [];
    form.setValues({
      instrumentCode: code,
      subject: subjects.some((s) => s.key === values.subject)
        ? values.subject
        : subjects.length === 1
          ? subjects[0]!.key
          : "",
      goalId: "",
      respondent: defaultRespondent(nextVersion),
      values: {},
      periodFrom: "",
      periodTo: "",
    });
    form.clearErrors();
  };

  /** A respondent who may not answer an item leaves it empty (the server would refuse a value). */
  const chooseRespondent = (respondent: string) => {
    const cleared = { ...values.values };
    for (const item of version?.items ?? []) {
      if (item.respondents && !item.respondents.includes(respondent as never)) delete cleared[item.code];
    }
    form.setValues({ respondent, values: cleared });
  };

  const subjects = version ? subjectOptions(version, members) : [];
  const preview = version ? previewScores(version, values.values) : undefined;
  const mainScore = version?.scores[0];
  const mainValue = preview && mainScore ? preview.scored[mainScore.code] : undefined;
  const band = mainScore && typeof mainValue === "number" ? bandOf(mainScore.cutOffs, mainValue) : undefined;
  const dateHint = slot
    ? t("measurements.form.measuredOnSlotHint", {
        from: text.date(slot.windowFrom),
        to: text.date(slot.windowTo),
        what: text.slotName(slot).toLowerCase(),
      })
    : t("measurements.form.measuredOnHint", { start: text.date(course.startedOn) });

  return (
    <Stack gap="md">
      {isInstrumentLocked && instrument ? (
        <div>
          <Text size="sm" fw={500}>
            {t("measurements.form.instrument")}
          </Text>
          <Text>{text.instrumentName(instrument)}</Text>
        </div>
      ) : (
        <NativeSelect
          label={t("measurements.form.instrument")}
          required
          data={[
            { value: "", label: t("common.choose") },
            ...context.data.instruments.map((i) => ({ value: i.code, label: text.instrumentName(i) })),
          ]}
          {...form.getInputProps("instrumentCode")}
          onChange={(event) => chooseInstrument(event.currentTarget.value)}
        />
      )}
      {instrument?.description && !isInstrumentLocked ? (
        <Text size="sm" c="dimmed" mt={-8}>
          {instrument.description}
        </Text>
      ) : null}

      {version ? (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {version.isPerGoal ? (
              <NativeSelect
                label={t("measurements.form.goal")}
                description={
                  goals.length === 0 ? t("measurements.form.noGoals") : t("measurements.form.goalHint")
                }
                required
                data={[
                  { value: "", label: t("common.choose") },
                  ...goals.map((g) => ({ value: g.id, label: g.ownWords })),
                ]}
                {...form.getInputProps("goalId")}
              />
            ) : (
              <NativeSelect
                label={t("measurements.form.subject")}
                description={subjects.length === 0 ? t("measurements.form.noSubjects") : undefined}
                required
                data={[
                  { value: "", label: t("common.choose") },
                  ...subjects.map((s) => ({ value: s.key, label: text.subjectName(s.key) })),
                ]}
                {...form.getInputProps("subject")}
              />
            )}
            <TextInput
              type="date"
              label={t("measurements.form.measuredOn")}
              description={dateHint}
              required
              min={course.startedOn}
              max={context.today}
              {...form.getInputProps("measuredOn")}
            />
            <NativeSelect
              label={t("measurements.form.respondent")}
              required
              data={[
                { value: "", label: t("common.choose") },
                ...version.respondents.map((r) => ({ value: r, label: respondentLabel(r) })),
              ]}
              {...form.getInputProps("respondent")}
              onChange={(event) => chooseRespondent(event.currentTarget.value)}
            />
          </SimpleGrid>

          {version.periodNote ? (
            <Fieldset legend={t("measurements.form.period")}>
              <Text size="sm" c="dimmed" mb="xs">
                {version.periodNote} {t("measurements.form.periodOptional")}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  type="date"
                  label={t("measurements.form.periodFrom")}
                  max={context.today}
                  {...form.getInputProps("periodFrom")}
                />
                <TextInput
                  type="date"
                  label={t("measurements.form.periodTo")}
                  max={context.today}
                  {...form.getInputProps("periodTo")}
                />
              </SimpleGrid>
            </Fieldset>
          ) : null}

          <Fieldset legend={t("measurements.form.items")}>
            <Stack gap="lg">
              {version.items.map((item) => {
                const isForOthers =
                  values.respondent !== "" &&
                  item.respondents !== undefined &&
                  !item.respondents.includes(values.respondent as never);
                return (
                  <ItemField
                    key={`${version.version}-${item.code}`}
                    item={item}
                    value={values.values[item.code]}
                    onChange={(v) => form.setFieldValue(`values.${item.code}`, v)}
                    error={form.errors[`values.${item.code}`]}
                    disabledReason={
                      isForOthers
                        ? t("measurements.form.notForRespondent", {
                            respondent: respondentLabel(values.respondent).toLowerCase(),
                          })
                        : undefined
                    }
                    text={text}
                  />
                );
              })}
            </Stack>
          </Fieldset>

          {/* A live region that stays in place, so the new score is announced as the values change. */}
          <Text size="sm" role="status" mih={22}>
            {mainScore && typeof mainValue === "number" ? (
              <>
                <Text span fw={600} size="sm">
                  {t("measurements.form.preview")}:
                </Text>{" "}
                {text.scoreLabel(mainScore)}: {text.value(version, mainScore, mainValue)}
                {band ? ` – ${band.label}` : ""}
              </>
            ) : null}
          </Text>

          <Textarea
            label={t("measurements.form.note")}
            description={t("measurements.form.noteHint")}
            autosize
            minRows={2}
            maxRows={6}
            maxLength={2000}
            {...form.getInputProps("note")}
          />
        </>
      ) : null}
    </Stack>
  );
}
