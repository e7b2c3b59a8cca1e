import { useTranslation } from "react-i18next";
import type { FamilyTabProps } from "../family-tab-types.js";
import { TabPlaceholder } from "./tab-placeholder.js";

/** The "timeline" tab of the family page (being built). */
export function FamilyTimelineTab(_props: FamilyTabProps) {
  const { t } = useTranslation();
  return <TabPlaceholder what={t("casework.family.tabs.timeline").toLowerCase()} />;
}
