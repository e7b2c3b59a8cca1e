import { Alert, Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

interface StaleVersionAlertProps {
  editedVersion: number;
  latestVersion: number;
  latestBy: string | null;
  onShowChanges: () => void;
  onSaveAnyway: () => void;
  onDiscard: () => void;
}

/**
 * Shown when saving failed with 409 STALE_VERSION: someone saved a newer version while this user was
 * editing. Nothing is lost: the user's changes are still in the editor, and they choose what to do.
 */
export function StaleVersionAlert(props: StaleVersionAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" role="alert" title={t("businessCases.conflict.title")}>
      <Text size="sm">
        {t("businessCases.conflict.text", {
          latest: props.latestVersion,
          edited: props.editedVersion,
          by: props.latestBy ?? t("businessCases.versions.unknownUser"),
        })}
      </Text>
      <Group gap="sm" mt="sm">
        <Button size="xs" variant="default" onClick={props.onShowChanges}>
          {t("businessCases.conflict.showChanges")}
        </Button>
        <Button size="xs" onClick={props.onSaveAnyway}>
          {t("businessCases.conflict.saveAnyway", { version: props.latestVersion + 1 })}
        </Button>
        <Button size="xs" variant="subtle" color="red" onClick={props.onDiscard}>
          {t("businessCases.conflict.discard", { version: props.latestVersion })}
        </Button>
      </Group>
    </Alert>
  );
}
