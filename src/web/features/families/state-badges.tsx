import { Badge, type MantineColor } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { CourseState } from "../../../domain/casework/course-state.js";
import type { ReferralState } from "../../../domain/casework/referral-state.js";

// Only the theme's AA-checked palettes (bundlinje, green, red, orange, gray) are used for badges.
const COURSE_COLOURS: Record<CourseState, MantineColor> = {
  accepted: "bundlinje",
  baseline: "bundlinje",
  active: "green",
  review: "orange",
  completed: "green",
  "ended-early": "red",
  "follow-up": "gray",
  closed: "gray",
};

const REFERRAL_COLOURS: Record<ReferralState, MantineColor> = {
  submitted: "bundlinje",
  screening: "orange",
  accepted: "green",
  rejected: "red",
  "wait-listed": "gray",
};

/** A course's state as a coloured badge ("Aktivt"). */
export function CourseStateBadge({ state, size = "md" }: { state: CourseState; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  const isFinished = state === "completed" || state === "closed";
  return (
    <Badge color={COURSE_COLOURS[state]} variant={isFinished ? "outline" : "light"} size={size}>
      {t(`casework.courseStates.${state}`)}
    </Badge>
  );
}

/** A referral's state as a coloured badge ("Under screening"), optionally as "Henvisning: …". */
export function ReferralStateBadge({
  state,
  size = "md",
  withPrefix = false,
}: {
  state: ReferralState;
  size?: "sm" | "md" | "lg";
  withPrefix?: boolean;
}) {
  const { t } = useTranslation();
  const label = t(`casework.referralStates.${state}`);
  return (
    <Badge color={REFERRAL_COLOURS[state]} variant="light" size={size}>
      {withPrefix ? t("casework.families.referralState", { state: label }) : label}
    </Badge>
  );
}

/** A family's state: its course's, or before acceptance its referral's. */
export function FamilyStateBadge({
  courseState,
  referralState,
  size,
}: {
  courseState: CourseState | null;
  referralState: ReferralState | null;
  size?: "sm" | "md" | "lg";
}) {
  const { t } = useTranslation();
  if (courseState) return <CourseStateBadge state={courseState} size={size} />;
  if (referralState) return <ReferralStateBadge state={referralState} size={size} withPrefix />;
  return (
    <Badge color="gray" variant="outline" size={size}>
      {t("casework.families.noCourse")}
    </Badge>
  );
}
