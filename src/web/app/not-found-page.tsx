import { Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/page-header.js";
import { RouterButton } from "../components/router-links.js";

/** No route matches the address. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <PageHeader title={t("notFound.title")} description={t("notFound.description")} />
      <RouterButton to="/">{t("notFound.home")}</RouterButton>
      <Text size="sm" c="dimmed">
        {t("notFound.hint")}
      </Text>
    </Stack>
  );
}
