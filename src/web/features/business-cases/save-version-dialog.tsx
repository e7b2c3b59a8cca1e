import { Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/error-alert.js";

interface SaveVersionDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Saves with the note; resolves true when saved (a failure is shown through `error`). */
  onSave: (note: string) => Promise<boolean>;
  nextVersion: number;
  error: unknown;
  isSaving: boolean;
}

/** "Gem som ny version": a short note on what changed, then save. Versions are never overwritten. */
export function SaveVersionDialog({
  opened,
  onClose,
  onSave,
  nextVersion,
  error,
  isSaving,
}: SaveVersionDialogProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState("");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t("businessCases.save.title", { version: nextVersion })}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void onSave(note.trim()).then((isSaved) => {
            if (isSaved) setNote("");
          });
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t("businessCases.save.intro")}</Text>
          <Textarea
            label={t("businessCases.save.note")}
            description={t("businessCases.save.noteHint")}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
            maxRows={6}
            data-autofocus
          />
          {error ? <ErrorAlert error={error} title={t("errors.notSaved")} /> : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={isSaving}>
              {t("businessCases.save.submit")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
