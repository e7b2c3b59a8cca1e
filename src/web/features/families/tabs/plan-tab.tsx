import { PlanPanel } from "../../plan/plan-panel.js";
import type { FamilyTabProps } from "../family-tab-types.js";

/** "Plan": Familiens Plan of the course — goals, measures, cost per department, versions and compare. */
export function FamilyPlanTab({ family, course }: FamilyTabProps) {
  // The tab needs a course (FAMILY_TABS shows "no course yet" without one).
  return course ? <PlanPanel family={family} course={course} /> : null;
}
