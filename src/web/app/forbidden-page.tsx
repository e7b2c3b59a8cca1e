import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PageHeader } from "../components/page-header.js";
import { RouterButton } from "../components/router-links.js";

/** The page exists, but the user's roles do not give access to it. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start">
      <PageHeader title={t("forbidden.title")} description={t("forbidden.description")} />
      <RouterButton to="/">{t("notFound.home")}</RouterButton>
    </Stack>
  );
}
