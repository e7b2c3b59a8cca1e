import {
  createRootRoute,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Navigate,
  type RouteComponent,
} from "@tanstack/react-router";
import type { Permission } from "../../domain/access/index.js";
import { LoadingState } from "../components/loading-state.js";
import { OrganisationListSearchSchema } from "../features/admin/organisations/organisation-search.js";
import { UserCreateSearchSchema, UserListSearchSchema } from "../features/admin/users/user-search.js";
import { AuditSearchSchema } from "../features/audit/audit-search.js";
import {
  BusinessCaseListSearchSchema,
  CompareSearchSchema,
  PrintSearchSchema,
  StudioSearchSchema,
} from "../features/business-cases/business-case-search.js";
import { ContractPageSearchSchema } from "../features/contracts/contract-search.js";
import { DataQualitySearchSchema } from "../features/data-quality/data-quality-search.js";
import { FamilyListSearchSchema, FamilyPageSearchSchema } from "../features/families/family-search.js";
import { HomePage } from "../features/home/home-page.js";
import { InstrumentPageSearchSchema } from "../features/instruments/instrument-search.js";
import { CohortSearchSchema } from "../features/progression-cohort/cohort-search.js";
import {
  ReferralCreateSearchSchema,
  ReferralListSearchSchema,
} from "../features/referrals/referral-search.js";
import { MyTasksSearchSchema } from "../features/tasks/task-search.js";
import { NotFoundPage } from "./not-found-page.js";
import { requirePermission } from "./require-permission.js";
import { RootLayout } from "./root-layout.js";
import { RouteErrorPage } from "./route-error-page.js";

/** A page loaded on first visit (its own chunk), shown only to users holding `permission`. */
function page<T extends Record<string, unknown>>(
  permission: Permission | null,
  importer: () => Promise<T>,
  exportName: keyof T & string,
): RouteComponent {
  const Lazy = lazyRouteComponent(importer, exportName);
  return permission ? requirePermission(permission, Lazy) : Lazy;
}

/** A page about one record: without the permission it is "not found" (existence does not leak). */
function recordPage<T extends Record<string, unknown>>(
  permission: Permission,
  importer: () => Promise<T>,
  exportName: keyof T & string,
): RouteComponent {
  return requirePermission(permission, lazyRouteComponent(importer, exportName), "not-found");
}

const rootRoute = createRootRoute({ component: RootLayout, notFoundComponent: NotFoundPage });

const homeRoute = createRoute({ getParentRoute: () => rootRoute, path: "/", component: HomePage });

/** After logging in on /login, go home. (Signed out, every address shows the login page.) */
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/login",
  component: () => <Navigate to="/" replace />,
});

const projectListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects",
  component: page(
    "project.read",
    () => import("../features/projects/project-list-page.js"),
    "ProjectListPage",
  ),
});
const projectCreateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/new",
  component: page(
    "project.manage",
    () => import("../features/projects/project-create-page.js"),
    "ProjectCreatePage",
  ),
});
const projectDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId",
  component: page(
    "project.read",
    () => import("../features/projects/project-detail-page.js"),
    "ProjectDetailPage",
  ),
});
const projectEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/edit",
  component: page(
    "project.manage",
    () => import("../features/projects/project-edit-page.js"),
    "ProjectEditPage",
  ),
});
const measurementImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/measurement-import",
  component: page(
    "measurement.record",
    () => import("../features/measurement-import/measurement-import-page.js"),
    "MeasurementImportPage",
  ),
});

// A project's instruments and measurement schedules (issue 5 §1–2).
const instruments = () => import("../features/instruments/instrument-editor-pages.js");
const instrumentListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/instruments",
  component: page(
    "project.read",
    () => import("../features/instruments/instrument-list-page.js"),
    "InstrumentListPage",
  ),
});
const instrumentCreateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/instruments/new",
  component: page("project.manage", instruments, "InstrumentCreatePage"),
});
const instrumentRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/instruments/$instrumentId",
  validateSearch: (search) => InstrumentPageSearchSchema.parse(search),
  component: page(
    "project.read",
    () => import("../features/instruments/instrument-page.js"),
    "InstrumentPage",
  ),
});
const instrumentVersionCreateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/instruments/$instrumentId/versions/new",
  component: page("project.manage", instruments, "VersionCreatePage"),
});
const instrumentVersionEditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/instruments/$instrumentId/versions/$version/edit",
  component: page("project.manage", instruments, "VersionEditPage"),
});
const scheduleRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/schedules",
  component: page("project.read", () => import("../features/schedules/schedule-page.js"), "SchedulePage"),
});

const projectProgressionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/progression",
  validateSearch: (search) => CohortSearchSchema.parse(search),
  component: page(
    "measurement.read",
    () => import("../features/progression-cohort/cohort-page.js"),
    "CohortPage",
  ),
});
const projectDataQualityRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/data-quality",
  validateSearch: (search) => DataQualitySearchSchema.parse(search),
  component: page(
    "measurement.read",
    () => import("../features/data-quality/data-quality-page.js"),
    "DataQualityPage",
  ),
});
const progressionLandingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/progression",
  component: page(
    "measurement.read",
    () => import("../features/progression-cohort/progression-landing-page.js"),
    "ProgressionLandingPage",
  ),
});

const familyListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/families",
  validateSearch: (search) => FamilyListSearchSchema.parse(search),
  component: page("family.read", () => import("../features/families/family-list-page.js"), "FamilyListPage"),
});
const familyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/families/$familyId",
  validateSearch: (search) => FamilyPageSearchSchema.parse(search),
  component: recordPage("family.read", () => import("../features/families/family-page.js"), "FamilyPage"),
});
const referralListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/referrals",
  validateSearch: (search) => ReferralListSearchSchema.parse(search),
  component: page(
    "family.read",
    () => import("../features/referrals/referral-list-page.js"),
    "ReferralListPage",
  ),
});
const referralCreateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/referrals/new",
  validateSearch: (search) => ReferralCreateSearchSchema.parse(search),
  component: page(
    "family.write",
    () => import("../features/referrals/referral-create-page.js"),
    "ReferralCreatePage",
  ),
});
const referralDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/referrals/$referralId",
  component: recordPage(
    "family.read",
    () => import("../features/referrals/referral-detail-page.js"),
    "ReferralDetailPage",
  ),
});

const myTasksRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/tasks",
  validateSearch: (search) => MyTasksSearchSchema.parse(search),
  component: page("family.write", () => import("../features/tasks/my-tasks-page.js"), "MyTasksPage"),
});
const caseloadBoardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/caseloads",
  component: page(
    "caseload.read",
    () => import("../features/caseloads/caseload-board-page.js"),
    "CaseloadBoardPage",
  ),
});

const organisationListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/organisations",
  validateSearch: (search) => OrganisationListSearchSchema.parse(search),
  component: page(
    "organisation.manage",
    () => import("../features/admin/organisations/organisation-list-page.js"),
    "OrganisationListPage",
  ),
});
const organisationCreateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/organisations/new",
  component: page(
    "organisation.manage",
    () => import("../features/admin/organisations/organisation-create-page.js"),
    "OrganisationCreatePage",
  ),
});
const organisationDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/organisations/$organisationId",
  component: page(
    "organisation.manage",
    () => import("../features/admin/organisations/organisation-detail-page.js"),
    "OrganisationDetailPage",
  ),
});

const userListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/users",
  validateSearch: (search) => UserListSearchSchema.parse(search),
  component: page("user.manage", () => import("../features/admin/users/user-list-page.js"), "UserListPage"),
});
const userCreateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/users/new",
  validateSearch: (search) => UserCreateSearchSchema.parse(search),
  component: page(
    "user.manage",
    () => import("../features/admin/users/user-create-page.js"),
    "UserCreatePage",
  ),
});
const userDetailRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/users/$userId",
  component: page(
    "user.manage",
    () => import("../features/admin/users/user-detail-page.js"),
    "UserDetailPage",
  ),
});

const auditRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/audit",
  validateSearch: (search) => AuditSearchSchema.parse(search),
  component: page("audit.read", () => import("../features/audit/audit-page.js"), "AuditPage"),
});

const businessCaseListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/business-cases",
  validateSearch: (search) => BusinessCaseListSearchSchema.parse(search),
  component: page(
    "businessCase.read",
    () => import("../features/business-cases/business-case-list-page.js"),
    "BusinessCaseListPage",
  ),
});
const businessCaseCreateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/business-cases/new",
  validateSearch: (search) => BusinessCaseListSearchSchema.parse(search),
  component: page(
    "businessCase.write",
    () => import("../features/business-cases/business-case-create-page.js"),
    "BusinessCaseCreatePage",
  ),
});
const businessCaseCompareRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/business-cases/compare",
  validateSearch: (search) => CompareSearchSchema.parse(search),
  component: page(
    "businessCase.read",
    () => import("../features/business-cases/business-case-compare-page.js"),
    "BusinessCaseComparePage",
  ),
});
const businessCaseStudioRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/business-cases/$businessCaseId",
  validateSearch: (search) => StudioSearchSchema.parse(search),
  component: page(
    "businessCase.read",
    () => import("../features/business-cases/business-case-studio-page.js"),
    "BusinessCaseStudioPage",
  ),
});
const businessCasePrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/business-cases/$businessCaseId/print",
  validateSearch: (search) => PrintSearchSchema.parse(search),
  component: page(
    "businessCase.read",
    () => import("../features/business-cases/business-case-print-page.js"),
    "BusinessCasePrintPage",
  ),
});
const priceCatalogueRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/price-catalogue",
  component: page(
    "businessCase.read",
    () => import("../features/price-catalogue/price-catalogue-page.js"),
    "PriceCataloguePage",
  ),
});

// Outcome contracts (issue 6): list, contract page with tabs, statements with a print view, creation,
// amendment.
const contractListRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/contracts",
  component: page(
    "contract.read",
    () => import("../features/contracts/contract-list-page.js"),
    "ContractListPage",
  ),
});
const contractRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/contracts/$contractId",
  validateSearch: (search) => ContractPageSearchSchema.parse(search),
  component: recordPage(
    "contract.read",
    () => import("../features/contracts/contract-page.js"),
    "ContractPage",
  ),
});
/** A new version of the terms (an amendment); the contract's page shows the button only to its managers. */
const contractAmendRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/contracts/$contractId/amend",
  component: page(
    "contract.manage",
    () => import("../features/contracts/contract-amend-page.js"),
    "ContractAmendPage",
  ),
});
const contractCreateRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/projects/$projectId/contracts/new",
  component: page(
    "contract.manage",
    () => import("../features/contracts/contract-create-page.js"),
    "ContractCreatePage",
  ),
});
const statementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/statements/$statementId",
  component: recordPage(
    "contract.read",
    () => import("../features/contracts/statement-page.js"),
    "StatementPage",
  ),
});
const statementPrintRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/statements/$statementId/print",
  component: recordPage(
    "contract.read",
    () => import("../features/contracts/statement-print-page.js"),
    "StatementPrintPage",
  ),
});

const twoFactorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account/two-factor",
  component: page(null, () => import("../features/account/two-factor-page.js"), "TwoFactorPage"),
});
const passwordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/account/password",
  component: page(null, () => import("../features/account/change-password-page.js"), "ChangePasswordPage"),
});

const routeTree = rootRoute.addChildren([
  homeRoute,
  loginRoute,
  projectListRoute,
  projectCreateRoute,
  projectDetailRoute,
  projectEditRoute,
  measurementImportRoute,
  projectProgressionRoute,
  projectDataQualityRoute,
  progressionLandingRoute,
  instrumentListRoute,
  instrumentCreateRoute,
  instrumentRoute,
  instrumentVersionCreateRoute,
  instrumentVersionEditRoute,
  scheduleRoute,
  familyListRoute,
  familyRoute,
  referralListRoute,
  referralCreateRoute,
  referralDetailRoute,
  myTasksRoute,
  caseloadBoardRoute,
  businessCaseListRoute,
  businessCaseCreateRoute,
  businessCaseCompareRoute,
  businessCaseStudioRoute,
  businessCasePrintRoute,
  priceCatalogueRoute,
  contractListRoute,
  contractRoute,
  contractAmendRoute,
  contractCreateRoute,
  statementRoute,
  statementPrintRoute,
  organisationListRoute,
  organisationCreateRoute,
  organisationDetailRoute,
  userListRoute,
  userCreateRoute,
  userDetailRoute,
  auditRoute,
  twoFactorRoute,
  passwordRoute,
]);

export const router = createRouter({
  routeTree,
  defaultPreload: "intent",
  defaultPendingComponent: () => <LoadingState />,
  defaultErrorComponent: RouteErrorPage,
  defaultNotFoundComponent: NotFoundPage,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
