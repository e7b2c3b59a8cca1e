import type { Permission } from "../../domain/access/index.js";

export type NavPath =
  | "/"
  | "/families"
  | "/referrals"
  | "/tasks"
  | "/caseloads"
  | "/progression"
  | "/projects"
  | "/business-cases"
  | "/contracts"
  | "/price-catalogue"
  | "/admin/organisations"
  | "/admin/users"
  | "/admin/audit";

export interface NavItem {
  to: NavPath;
  labelKey:
    | "nav.home"
    | "nav.families"
    | "nav.referrals"
    | "nav.myTasks"
    | "nav.caseloads"
    | "nav.progression"
    | "nav.projects"
    | "nav.businessCases"
    | "nav.contracts"
    | "nav.priceCatalogue"
    | "nav.organisations"
    | "nav.users"
    | "nav.audit";
  /** Shown only to users holding this permission; no permission = everyone. */
  permission?: Permission;
  exact?: boolean;
}

export interface NavGroup {
  /** Heading of the group; none for the first, ungrouped entries. */
  labelKey?: "nav.administration";
  items: NavItem[];
}

/** The navigation, filtered by Me.abilities at render time. */
export const NAV_GROUPS: NavGroup[] = [
  {
    items: [
      { to: "/", labelKey: "nav.home", exact: true },
      { to: "/families", labelKey: "nav.families", permission: "family.read" },
      { to: "/referrals", labelKey: "nav.referrals", permission: "family.read" },
      { to: "/tasks", labelKey: "nav.myTasks", permission: "family.write" },
      { to: "/caseloads", labelKey: "nav.caseloads", permission: "caseload.read" },
      { to: "/progression", labelKey: "nav.progression", permission: "measurement.read" },
      { to: "/projects", labelKey: "nav.projects", permission: "project.read" },
      { to: "/business-cases", labelKey: "nav.businessCases", permission: "businessCase.read" },
      { to: "/contracts", labelKey: "nav.contracts", permission: "contract.read" },
      { to: "/price-catalogue", labelKey: "nav.priceCatalogue", permission: "businessCase.read" },
    ],
  },
  {
    labelKey: "nav.administration",
    items: [
      { to: "/admin/organisations", labelKey: "nav.organisations", permission: "organisation.manage" },
      { to: "/admin/users", labelKey: "nav.users", permission: "user.manage" },
      { to: "/admin/audit", labelKey: "nav.audit", permission: "audit.read" },
    ],
  },
];
