import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { type ReactNode, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { todayInDenmark } from "./case-dates.js";

interface TransitionDialogProps {
  /** The button's label, e.g. "Start baseline"; the dialog's title. */
  title: string;
  fromLabel: string;
  toLabel: string;
  isReasonRequired: boolean;
  /** Extra fields (the acceptance's provider and consultant). */
  children?: ReactNode;
  /** A destructive step (reject, end early) gets a red button. */
  isDestructive?: boolean;
  /** Saves; throws the ApiError when the server refuses. */
  onSubmit: (values: { on: string; reason: string }) => Promise<unknown>;
  onClose: () => void;
}

/** Asks for the date and (when required) the reason of one step of a course or a referral. */
export function TransitionDialog(props: TransitionDialogProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const today = todayInDenmark();
  const form = useForm({
    initialValues: { on: today, reason: "" },
    validate: {
      on: (value) => (value ? null : t("validation.required")),
      reason: (value) =>
        props.isReasonRequired && value.trim() === "" ? t("casework.transitions.reasonRequired") : null,
    },
  });
  const submit = useFormSubmit(form, formRef);
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.title}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) => submit.run(() => props.onSubmit({ on: values.on, reason: values.reason.trim() })),
          submit.onInvalid,
        )}
      >
        <Stack gap="md">
          <Text size="sm">
            {t("casework.transitions.dialogText", { from: props.fromLabel, to: props.toLabel })}
          </Text>
          {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
          <TextInput
            type="date"
            label={t("casework.transitions.date")}
            description={t("casework.transitions.dateHint")}
            required
            max={today}
            style={{ maxWidth: 240 }}
            {...form.getInputProps("on")}
          />
          {props.children}
          <Textarea
            label={t("casework.transitions.reasonLabel")}
            description={
              props.isReasonRequired
                ? t("casework.transitions.reasonRequired")
                : t("casework.transitions.reasonOptional")
            }
            required={props.isReasonRequired}
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps("reason")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting} color={props.isDestructive ? "red" : undefined}>
              {props.title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
