import { Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { danishDateOf } from "../../../domain/casework/danish-time.js";
import { MoneyError } from "../../../domain/money.js";
import { ErrorAlert } from "../../components/error-alert.js";
import { parseKronerText } from "../../lib/kroner-text.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { useRecordDisbursement } from "./contract-queries.js";

interface DisbursementDialogProps {
  opened: boolean;
  onClose: () => void;
  contractId: string;
}

/**
 * "Registrér udbetaling": money paid by the investor into the programme. One idempotency key per
 * opening of the dialog, so pressing the button twice (or a retried request) books it only once.
 */
export function DisbursementDialog(props: DisbursementDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t("contracts.disbursement.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <DisbursementForm {...props} />
    </Modal>
  );
}

interface DisbursementValues {
  amountKr: string;
  bookedOn: string;
  note: string;
}

function DisbursementForm({ onClose, contractId }: DisbursementDialogProps) {
  const { t, i18n } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const record = useRecordDisbursement(contractId);
  const amountOf = (text: string): number | null => {
    try {
      return parseKronerText(text, i18n.language);
    } catch (error) {
      if (error instanceof MoneyError) return null;
      throw error;
    }
  };
  const form = useForm<DisbursementValues>({
    initialValues: { amountKr: "", bookedOn: danishDateOf(new Date()), note: "" },
    validate: {
      amountKr: (value) => {
        if (value.trim() === "") return t("validation.required");
        const amount = amountOf(value);
        if (amount === null) return t("contracts.form.amountInvalid");
        return amount > 0 ? null : t("contracts.disbursement.positive");
      },
      bookedOn: (value) => (value ? null : t("validation.required")),
    },
  });
  const submit = useFormSubmit(form, formRef);
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={form.onSubmit(
        (values) =>
          submit.run(async () => {
            await record.mutateAsync({
              input: {
                amountOre: amountOf(values.amountKr) ?? 0,
                bookedOn: values.bookedOn,
                note: values.note.trim(),
              },
              idempotencyKey,
            });
            notifySuccess(t("contracts.disbursement.done"));
            onClose();
          }),
        submit.onInvalid,
      )}
    >
      <Stack gap="md">
        <Text size="sm">{t("contracts.disbursement.intro")}</Text>
        <TextInput
          label={t("contracts.disbursement.amount")}
          description={t("contracts.form.kronerHint")}
          required
          inputMode="decimal"
          data-autofocus
          {...form.getInputProps("amountKr")}
          error={form.errors.amountKr ?? form.errors.amountOre}
        />
        <TextInput
          type="date"
          label={t("contracts.ledger.bookedOn")}
          required
          {...form.getInputProps("bookedOn")}
        />
        <Textarea
          label={t("contracts.ledger.note")}
          maxLength={500}
          autosize
          minRows={2}
          {...form.getInputProps("note")}
        />
        {submit.error ? <ErrorAlert error={submit.error} title={t("contracts.disbursement.failed")} /> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t("contracts.disbursement.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
