import { useTranslation } from "react-i18next";
import type { FamilyTabProps } from "../family-tab-types.js";
import { TabPlaceholder } from "./tab-placeholder.js";

/** The "plan" tab of the family page (being built). */
export function FamilyPlanTab(_props: FamilyTabProps) {
  const { t } = useTranslation();
  return <TabPlaceholder what={t("casework.family.tabs.plan").toLowerCase()} />;
}
