import { Badge, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SMALL_GROUP_FAMILIES } from "../../../contracts/progression-cohort.js";

/** Marks a figure that rests on fewer than five families: shown, to be read with care. */
export function SmallGroupBadge() {
  const { t } = useTranslation();
  return (
    <Badge size="sm" color="orange" variant="light">
      {t("progressionCohort.cohort.smallGroup")}
      <VisuallyHidden>
        {` (${t("progressionCohort.cohort.smallGroupHint", { count: SMALL_GROUP_FAMILIES })})`}
      </VisuallyHidden>
    </Badge>
  );
}
