import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { TFunction } from "i18next";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormSubmit } from "../../lib/use-form-submit.js";
import { useRemoveWorkerCaseloadLimits, useUpdateCaseloadLimits } from "./caseload-queries.js";

interface Limits {
  warningAtFamilies: number;
  hardLimitFamilies: number;
}

interface LimitsValues {
  warningAtFamilies: number | string;
  hardLimitFamilies: number | string;
}

/** The same rules as CaseloadLimitsInputSchema, in the interface's language: whole families, 1–500. */
function limitError(t: TFunction, value: number | string): string | null {
  if (value === "" || value === null) return t("validation.required");
  const n = Number(value);
  if (!Number.isInteger(n)) return t("caseload.limits.wholeFamilies");
  if (n < 1 || n > 500) return t("caseload.limits.range", { min: 1, max: 500 });
  return null;
}

interface CaseloadLimitsDialogProps {
  /** The worker whose own limits to set, or null for the municipality's default. */
  worker: { userId: string; name: string; hasOwnLimits: boolean } | null;
  organisationName: string | null;
  current: Limits;
  defaults: Limits;
  onClose: () => void;
}

/** Sets the municipality's default caseload limits, or one worker's own (PUT /api/caseloads/limits). */
export function CaseloadLimitsDialog({
  worker,
  organisationName,
  current,
  defaults,
  onClose,
}: CaseloadLimitsDialogProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const update = useUpdateCaseloadLimits();
  const remove = useRemoveWorkerCaseloadLimits();
  const form = useForm<LimitsValues>({
    initialValues: current,
    validate: {
      warningAtFamilies: (value, values) =>
        limitError(t, value) ??
        (limitError(t, values.hardLimitFamilies) === null && Number(value) > Number(values.hardLimitFamilies)
          ? t("caseload.limits.warningAboveHard")
          : null),
      hardLimitFamilies: (value) => limitError(t, value),
    },
  });
  const submit = useFormSubmit(form, formRef);
  const title = worker
    ? t("caseload.limits.workerTitle", { name: worker.name })
    : t("caseload.limits.defaultTitle", { organisation: organisationName ?? "" });

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        ref={formRef}
        noValidate
        onSubmit={form.onSubmit(
          (values) =>
            submit.run(async () => {
              await update.mutateAsync({
                userId: worker?.userId ?? null,
                warningAtFamilies: Number(values.warningAtFamilies),
                hardLimitFamilies: Number(values.hardLimitFamilies),
              });
              notifySuccess(t("caseload.limits.saved"));
              onClose();
            }),
          submit.onInvalid,
        )}
      >
        <Stack gap="md">
          <Text size="sm">
            {worker
              ? t("caseload.limits.workerIntro", {
                  warning: defaults.warningAtFamilies,
                  hard: defaults.hardLimitFamilies,
                })
              : t("caseload.limits.defaultIntro")}
          </Text>
          {submit.error ? <ErrorAlert error={submit.error} title={t("errors.notSaved")} /> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <NumberInput
              label={t("caseload.limits.warningAt")}
              description={t("caseload.limits.warningHint")}
              required
              min={1}
              max={500}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps("warningAtFamilies")}
            />
            <NumberInput
              label={t("caseload.limits.hardLimit")}
              description={t("caseload.limits.hardHint")}
              required
              min={1}
              max={500}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps("hardLimitFamilies")}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            {t("caseload.limits.weightNote")}
          </Text>
          <Group justify="flex-end" gap="sm">
            {worker?.hasOwnLimits ? (
              <Button
                variant="subtle"
                mr="auto"
                loading={remove.isPending}
                onClick={() =>
                  submit.run(async () => {
                    await remove.mutateAsync(worker.userId);
                    notifySuccess(t("caseload.limits.removed", { name: worker.name }));
                    onClose();
                  })
                }
              >
                {t("caseload.limits.useDefault")}
              </Button>
            ) : null}
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t("caseload.limits.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
