import type { ReactNode } from "react";
import type { daCasework } from "../../i18n/da-casework.js";
import type { CourseSummary, FamilyDetail } from "./casework-types.js";

/** What every tab of the family page receives. */
export interface FamilyTabProps {
  family: FamilyDetail;
  /** The course the page shows (the newest unless another is chosen); null before acceptance. */
  course: CourseSummary | null;
}

/** A tab of the family page. Add one by adding an entry to FAMILY_TABS (family-tabs.tsx). */
export interface FamilyTab {
  /** In the address: /families/<id>?tab=<value>. */
  value: string;
  labelKey: `casework.family.tabs.${keyof typeof daCasework.family.tabs}`;
  /** A tab about the course shows "no course yet" (with a link to the referral) until there is one. */
  needsCourse: boolean;
  render: (props: FamilyTabProps) => ReactNode;
}
