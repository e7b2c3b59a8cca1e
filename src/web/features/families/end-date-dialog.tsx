import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { todayInDenmark } from "./case-dates.js";

/**
 * Ends a dated place (a member moving out of the household, a worker leaving the case team): asks for
 * the last day, from `minDate` on, and saves it with `onEnd`. Nothing is deleted; the place keeps its
 * history.
 */
export function EndDateDialog({
  title,
  intro,
  dateLabel,
  submitLabel,
  successMessage,
  minDate,
  onEnd,
  onClose,
}: {
  title: string;
  intro?: string;
  dateLabel: string;
  submitLabel: string;
  successMessage: string;
  minDate: string;
  onEnd: (toOn: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({
    initialValues: { toOn: todayInDenmark() },
    validate: { toOn: (value) => (value ? null : t("validation.required")) },
  });
  const submit = useFormSubmit(form, formRef);
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ "aria-label": t("common.close") }}>
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            submit.run(async () => {
              await onEnd(values.toOn);
              notifySuccess(successMessage);
              onClose();
            }),
          submit.onInvalid,
        )}
      >
        <Stack gap="md">
          {intro ? <Text size="sm">{intro}</Text> : null}
          {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
          <TextInput
            type="date"
            label={dateLabel}
            required
            min={minDate}
            style={{ maxWidth: 240 }}
            {...form.getInputProps("toOn")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color="red" loading={form.submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
