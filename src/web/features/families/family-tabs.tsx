import { FamilyMeasurementsTab } from "../measurements/measurements-tab.js";
import type { FamilyTab } from "./family-tab-types.js";
import { FamilyContactsTab } from "./tabs/contacts-tab.js";
import { FamilyCourseTab } from "./tabs/course-tab.js";
import { FamilyOverviewTab } from "./tabs/overview-tab.js";
import { FamilyPlanTab } from "./tabs/plan-tab.js";
import { FamilyTasksTab } from "./tabs/tasks-tab.js";
import { FamilyTimelineTab } from "./tabs/timeline-tab.js";

/**
 * The tabs of the family page, in order. To add one: write a component taking FamilyTabProps, add
 * its label under casework.family.tabs in da-casework.ts / en-casework.ts, and add an entry here.
 */
export const FAMILY_TABS: FamilyTab[] = [
  {
    value: "overview",
    labelKey: "casework.family.tabs.overview",
    needsCourse: false,
    render: (p) => <FamilyOverviewTab {...p} />,
  },
  {
    value: "course",
    labelKey: "casework.family.tabs.course",
    needsCourse: true,
    render: (p) => <FamilyCourseTab {...p} />,
  },
  {
    value: "plan",
    labelKey: "casework.family.tabs.plan",
    needsCourse: true,
    render: (p) => <FamilyPlanTab {...p} />,
  },
  {
    value: "timeline",
    labelKey: "casework.family.tabs.timeline",
    needsCourse: false,
    render: (p) => <FamilyTimelineTab {...p} />,
  },
  {
    value: "contacts",
    labelKey: "casework.family.tabs.contacts",
    needsCourse: true,
    render: (p) => <FamilyContactsTab {...p} />,
  },
  {
    value: "tasks",
    labelKey: "casework.family.tabs.tasks",
    needsCourse: true,
    render: (p) => <FamilyTasksTab {...p} />,
  },
  {
    value: "measurements",
    labelKey: "casework.family.tabs.measurements",
    needsCourse: true,
    render: (p) => <FamilyMeasurementsTab {...p} />,
  },
];
