import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { todayInDenmark } from "../families/case-dates.js";
import { useRecordAgreement } from "./plan-queries.js";
import type { PlanVersionSummary } from "./plan-types.js";

interface AgreementFormValues {
  planVersion: string;
  agreedOn: string;
  note: string;
}

interface AgreementDialogProps {
  courseId: string;
  versions: PlanVersionSummary[];
  /** The version chosen from the start (the current one). */
  version: number;
  onClose: () => void;
}

/** "Registrér familiens accept": the version the family agreed to, the day (not in the future), a note. */
export function AgreementDialog({ courseId, versions, version, onClose }: AgreementDialogProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const formRef = useRef<HTMLFormElement>(null);
  const record = useRecordAgreement(courseId);
  const today = todayInDenmark();
  const form = useForm<AgreementFormValues>({
    initialValues: { planVersion: String(version), agreedOn: today, note: "" },
    validate: {
      agreedOn: (value) => (value ? null : t("validation.required")),
    },
  });
  const submit = useFormSubmit(form, formRef);
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      title={t("plan.agreement.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            submit.run(async () => {
              const agreement = await record.mutateAsync({
                planVersion: Number(values.planVersion),
                agreedOn: values.agreedOn,
                note: values.note.trim(),
              });
              notifySuccess(t("plan.agreement.recorded", { version: agreement.planVersion }));
              onClose();
            }),
          submit.onInvalid,
        )}
      >
        <Stack gap="md">
          {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NativeSelect
              label={t("plan.agreement.version")}
              required
              data={versions.map((v) => ({
                value: String(v.version),
                label: t("plan.agreement.versionOption", {
                  version: v.version,
                  date: format.dateTime(v.createdAt),
                }),
              }))}
              {...form.getInputProps("planVersion")}
            />
            <TextInput
              type="date"
              label={t("plan.agreement.agreedOn")}
              required
              max={today}
              {...form.getInputProps("agreedOn")}
            />
          </SimpleGrid>
          <Textarea
            label={t("plan.agreement.note")}
            description={t("plan.agreement.noteHint")}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps("note")}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("plan.agreement.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
