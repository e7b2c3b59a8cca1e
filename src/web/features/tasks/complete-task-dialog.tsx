import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CaseTask } from "../../../contracts/casework-tasks.js";
import { ConfirmDialog } from "../../components/confirm-dialog.js";
import { notifySuccess } from "../../lib/notify.js";
import { useFormatters } from "../../lib/use-formatters.js";
import { useCompleteTask } from "./task-queries.js";

/** Asks before marking a task done: the completion is a record (who and when) and cannot be undone. */
export function CompleteTaskDialog({ task, onClose }: { task: CaseTask; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const complete = useCompleteTask();
  return (
    <ConfirmDialog
      opened
      onClose={onClose}
      title={t("tasks.complete.title")}
      confirmLabel={t("tasks.actions.complete")}
      isLoading={complete.isPending}
      error={complete.error}
      onConfirm={() =>
        complete.mutate(task.id, {
          onSuccess: () => {
            notifySuccess(t("tasks.complete.done"));
            onClose();
          },
        })
      }
    >
      <Stack gap={2}>
        <Text fw={600}>{task.title}</Text>
        <Text size="sm" c="dimmed">
          {`${task.familyName} · ${t("tasks.columns.due")} ${format.date(task.dueOn)}`}
        </Text>
      </Stack>
      <Text size="sm">{t("tasks.complete.text")}</Text>
    </ConfirmDialog>
  );
}
