import { Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** "Mine opgaver": the signed-in user's deadlines across their courses (GET /api/tasks/mine). */
export function MyTasksPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t("nav.myTasks")}</Title>;
}
