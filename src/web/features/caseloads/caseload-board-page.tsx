import { Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** The caseload board for team leaders (GET /api/caseloads, reassign, limits). */
export function CaseloadBoardPage() {
  const { t } = useTranslation();
  return <Title order={1}>{t("nav.caseloads")}</Title>;
}
