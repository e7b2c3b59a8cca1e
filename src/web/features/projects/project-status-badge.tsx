import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Project } from "../../../contracts/admin.js";

const COLOR: Record<Project["status"], string> = { planned: "bundlinje", active: "green", closed: "gray" };

/** Planlagt / Aktiv / Afsluttet. */
export function ProjectStatusBadge({ status }: { status: Project["status"] }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light">
      {t(`projectStatus.${status}`)}
    </Badge>
  );
}
