import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from "@mantine/core";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { MeasurementFields } from "./measurement-fields.js";
import {
  type FormContext,
  formValuesOfRecord,
  isUnchanged,
  toCorrectionInput,
} from "./measurement-form-values.js";
import {
  type CourseMeasurements,
  type MeasurementRecord,
  useCorrectMeasurement,
} from "./measurement-queries.js";
import { MeasurementSummary } from "./measurement-summary.js";
import { useMeasurementForm } from "./use-measurement-form.js";
import type { MeasurementText } from "./use-measurement-text.js";

interface CorrectionDialogProps {
  data: CourseMeasurements;
  record: MeasurementRecord;
  today: CalendarDate;
  text: MeasurementText;
  onClose: () => void;
}

/**
 * "Ret måling": the form starts from the measurement's own values; saving stores a new measurement
 * that replaces it, with the reason. The old one is never changed and stays in the history.
 */
export function CorrectionDialog({ data, record, today, text, onClose }: CorrectionDialogProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const correct = useCorrectMeasurement(data.course.id);
  const context: FormContext = { data, today, correcting: record };
  const [isUnchangedShown, setIsUnchangedShown] = useState(false);
  const { form, error, run, onInvalid } = useMeasurementForm(context, formValuesOfRecord(record), formRef);

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={t("measurements.correct.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit((values) => {
          setIsUnchangedShown(isUnchanged(context, values));
          if (isUnchanged(context, values)) return;
          return run(async () => {
            await correct.mutateAsync({
              measurementId: record.id,
              input: toCorrectionInput(context, values),
            });
            notifySuccess(t("measurements.correct.saved"));
            onClose();
          });
        }, onInvalid)}
      >
        <Stack gap="md">
          <Text size="sm">{t("measurements.correct.intro")}</Text>
          <Paper withBorder p="sm" bg="gray.0">
            <Text size="sm" fw={600} mb={4}>
              {t("measurements.correct.original")}
            </Text>
            <MeasurementSummary data={data} record={record} text={text} />
          </Paper>
          {error ? <ErrorAlert error={error} title={t("errors.notSaved")} /> : null}
          {isUnchangedShown ? (
            <Alert color="orange" variant="light" role="alert">
              {t("measurements.correct.unchanged")}
            </Alert>
          ) : null}
          <MeasurementFields form={form} context={context} text={text} isInstrumentLocked />
          <Textarea
            label={t("measurements.correct.reason")}
            description={t("measurements.correct.reasonHint")}
            required
            autosize
            minRows={2}
            maxRows={5}
            maxLength={500}
            {...form.getInputProps("correctionReason")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={correct.isPending}>
              {t("measurements.correct.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
