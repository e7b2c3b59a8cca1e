import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";

interface DuplicateDialogProps {
  opened: boolean;
  onClose: () => void;
  onDuplicate: (name: string) => Promise<void>;
  initialName: string;
  isDirty: boolean;
  error: unknown;
  isSaving: boolean;
}

/** "Duplikér": a copy of the saved business case under a new name (to try another scenario). */
export function DuplicateDialog(props: DuplicateDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.initialName);
  const trimmed = name.trim();
  const nameError =
    trimmed.length > 0 && trimmed.length < 2 ? t("validation.minLength", { count: 2 }) : undefined;
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t("businessCases.duplicate.title")}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (trimmed.length >= 2) void props.onDuplicate(trimmed);
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t("businessCases.duplicate.intro")}</Text>
          {props.isDirty ? (
            <Text size="sm" fw={600}>
              {t("businessCases.duplicate.unsaved")}
            </Text>
          ) : null}
          <TextInput
            label={t("businessCases.duplicate.name")}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={nameError}
            required
            maxLength={200}
            data-autofocus
          />
          {props.error ? (
            <ErrorAlert error={props.error} title={t("businessCases.duplicate.failed")} />
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={props.onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={props.isSaving} disabled={trimmed.length < 2}>
              {t("businessCases.duplicate.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
