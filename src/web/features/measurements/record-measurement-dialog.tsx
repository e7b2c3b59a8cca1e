import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { MeasurementFields } from "./measurement-fields.js";
import { emptyFormValues, type FormContext, toMeasurementInput } from "./measurement-form-values.js";
import { slotSubjectKey, suggestedDateFor } from "./measurement-model.js";
import { type CourseMeasurements, type DueSlot, useRecordMeasurement } from "./measurement-queries.js";
import { useMeasurementForm } from "./use-measurement-form.js";
import type { MeasurementText } from "./use-measurement-text.js";

interface RecordMeasurementDialogProps {
  data: CourseMeasurements;
  today: CalendarDate;
  text: MeasurementText;
  /** The due slot to fill (instrument, subject and a day in its window are filled in), or none. */
  slot?: DueSlot;
  onClose: () => void;
}

/** "Registrér måling": a new measurement, from a due slot or chosen freely. */
export function RecordMeasurementDialog({ data, today, text, slot, onClose }: RecordMeasurementDialogProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const record = useRecordMeasurement(data.course.id);
  const context: FormContext = { data, today };
  const preset = slot
    ? {
        instrumentCode: slot.instrumentCode,
        ...(slot.subject.kind === "goal"
          ? { goalId: slot.subject.goalId }
          : { subject: slotSubjectKey(slot.subject) }),
        measuredOn: suggestedDateFor(slot, today, data.course.startedOn as CalendarDate),
      }
    : {};
  const { form, error, run, onInvalid } = useMeasurementForm(
    context,
    emptyFormValues(context, preset),
    formRef,
  );
  const instrument = slot ? data.instruments.find((i) => i.code === slot.instrumentCode) : undefined;

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t("measurements.form.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            run(async () => {
              await record.mutateAsync(toMeasurementInput(context, values));
              notifySuccess(t("measurements.form.saved"));
              onClose();
            }),
          onInvalid,
        )}
      >
        <Stack gap="md">
          {slot && instrument ? (
            <Text size="sm">
              {t("measurements.form.slotContext", {
                what: text.slotName(slot),
                instrument: text.instrumentName(instrument),
                who: slotWho(slot, text),
                from: text.date(slot.windowFrom),
                to: text.date(slot.windowTo),
              })}
            </Text>
          ) : null}
          {error ? <ErrorAlert error={error} title={t("errors.notSaved")} /> : null}
          <MeasurementFields
            form={form}
            context={context}
            text={text}
            slot={slot}
            isInstrumentLocked={false}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t("measurements.form.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Whom a slot is for, in words. */
export function slotWho(slot: DueSlot, text: MeasurementText): string {
  return text.subjectName(slotSubjectKey(slot.subject));
}
