import { Badge, type MantineColor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { GoalStatus } from "../../../domain/casework/family-plan.js";

// Only the theme's AA-checked palettes (bundlinje, green, red, orange, gray) are used for badges.
const COLOURS: Record<GoalStatus, MantineColor> = {
  "not-started": "gray",
  "in-progress": "bundlinje",
  achieved: "green",
  "partly-achieved": "green",
  "not-achieved": "red",
  dropped: "gray",
};
const OUTLINED = new Set<GoalStatus>(["partly-achieved", "dropped"]);

/** A goal's or sub-goal's status as a badge (text, not colour alone, carries the meaning). */
export function GoalStatusBadge({ status, size = "md" }: { status: GoalStatus; size?: "sm" | "md" }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOURS[status]} variant={OUTLINED.has(status) ? "outline" : "light"} size={size}>
      {t(`plan.statuses.${status}`)}
    </Badge>
  );
}
