import { Group, Loader, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A calm "Henter …" line, announced politely to screen readers. */
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" py="lg" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden="true" />
      <Text c="dimmed">{label ?? t("common.loading")}</Text>
    </Group>
  );
}
