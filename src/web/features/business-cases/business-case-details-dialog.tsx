import { Alert, Button, Checkbox, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";
import { translateServerMessage } from "../../i18n/translate-server-message.js";
import { isApiError } from "../../lib/api-error.js";
import { fieldErrorsOf } from "../../lib/api-form-errors.js";
import { notifySuccess } from "../../lib/notify.js";
import { useUpdateBusinessCase } from "./business-case-queries.js";
import type { BusinessCaseDetail } from "./business-case-types.js";

interface BusinessCaseDetailsDialogProps {
  detail: BusinessCaseDetail;
  onClose: () => void;
  /** Reads the business case again (after a stale save). */
  onReload: () => Promise<unknown>;
}

/**
 * "Navn, beskrivelse og deling": the business case's own details (not the scenario), saved with the
 * version that was read; 409 STALE_VERSION when someone changed them meanwhile.
 */
export function BusinessCaseDetailsDialog({ detail, onClose, onReload }: BusinessCaseDetailsDialogProps) {
  const { t } = useTranslation();
  const update = useUpdateBusinessCase(detail.id);
  const [name, setName] = useState(detail.name);
  const [description, setDescription] = useState(detail.description);
  const [isShared, setShared] = useState(detail.isSharedWithParties);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [staleMessage, setStaleMessage] = useState<string | null>(null);

  const submit = async () => {
    const trimmed = name.trim();
    if (trimmed.length < 2) {
      setErrors({ name: t("validation.minLength", { count: 2 }) });
      return;
    }
    setErrors({});
    setError(null);
    setStaleMessage(null);
    try {
      await update.mutateAsync({
        name: trimmed,
        description: description.trim(),
        isSharedWithParties: isShared,
        version: detail.version,
      });
      notifySuccess(t("common.saved"));
      onClose();
    } catch (e) {
      if (isApiError(e, "STALE_VERSION")) {
        setStaleMessage(translateServerMessage(e.message));
        await onReload();
        return;
      }
      setErrors(fieldErrorsOf(e) as Record<string, string>);
      setError(e);
    }
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t("businessCases.details.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          {staleMessage ? (
            <Alert color="orange" variant="light" role="alert" title={t("errors.staleTitle")}>
              {staleMessage} {t("businessCases.details.stale")}
            </Alert>
          ) : null}
          {error && !staleMessage ? <ErrorAlert error={error} title={t("errors.notSaved")} /> : null}
          <TextInput
            label={t("fields.name")}
            required
            maxLength={200}
            value={name}
            error={errors.name}
            onChange={(event) => setName(event.currentTarget.value)}
            data-autofocus
          />
          <Textarea
            label={t("fields.description")}
            autosize
            minRows={2}
            maxRows={8}
            maxLength={4000}
            value={description}
            error={errors.description}
            onChange={(event) => setDescription(event.currentTarget.value)}
          />
          <Checkbox
            label={t("businessCases.sharedLabel")}
            description={t("businessCases.sharedHint")}
            checked={isShared}
            onChange={(event) => setShared(event.currentTarget.checked)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
