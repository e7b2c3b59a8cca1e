import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../../test/test-app.js";
import { createRodovreScenario } from "../../domain/business-case/index.js";
import { createVejleContract } from "../../domain/contract/index.js";
import {
  appUser,
  businessCase,
  businessCaseVersion,
  caseNote,
  caseTask,
  caseTeamMember,
  contact,
  contractAcceptance,
  contractVersion,
  course,
  family,
  familyMembership,
  instrument,
  instrumentVersion,
  ledgerEntry,
  measurement,
  membership,
  organisation,
  outcomeContract,
  person,
  planVersion,
  priceIndex,
  project,
  projectParty,
  referral,
  settlementStatement,
  statementEvent,
  track,
  unitPrice,
} from "../db/schema/index.js";
import { hashPassword } from "../modules/auth/password-hash.js";

/**
 * Walks every operation of the OpenAPI document as users of Rødovre, with Vejle's ids in the path and
 * plausible bodies, and proves that nothing of Vejle can be read or changed. A new route must be added
 * to PATH_IDS below (which id of Vejle to try) or this test fails.
 */
let t: TestApp;
let vejle: {
  orgId: string;
  projectId: string;
  userId: string;
  membershipId: string;
  businessCaseId: string;
  unitPriceId: string;
  familyId: string;
  courseId: string;
  personId: string;
  referralId: string;
  familyMembershipId: string;
  teamMemberId: string;
  taskId: string;
  measurementId: string;
  trackId: string;
  instrumentId: string;
  contractId: string;
  statementId: string;
  personName: { firstName: string; lastName: string; birthDate: string };
};
let walkers: { name: string; client: TestClient }[];

type Operation = { method: string; path: string; permission: string };

async function snapshotOfVejle() {
  const [org] = await t.db.select().from(organisation).where(eq(organisation.id, vejle.orgId));
  const [proj] = await t.db.select().from(project).where(eq(project.id, vejle.projectId));
  const tracks = await t.db.select().from(track).where(eq(track.projectId, vejle.projectId));
  const parties = await t.db.select().from(projectParty).where(eq(projectParty.projectId, vejle.projectId));
  const memberships = await t.db.select().from(membership).where(eq(membership.organisationId, vejle.orgId));
  const cases = await t.db.select().from(businessCase).where(eq(businessCase.organisationId, vejle.orgId));
  const versions = await t.db
    .select()
    .from(businessCaseVersion)
    .where(eq(businessCaseVersion.organisationId, vejle.orgId));
  const prices = await t.db.select().from(unitPrice).where(eq(unitPrice.organisationId, vejle.orgId));
  const index = await t.db.select().from(priceIndex).where(eq(priceIndex.organisationId, vejle.orgId));
  const users = await t.db
    .select()
    .from(appUser)
    .where(
      inArray(
        appUser.id,
        memberships.map((m) => m.userId),
      ),
    );
  const byOrg = eq(family.organisationId, vejle.orgId);
  const casework = {
    families: await t.db.select().from(family).where(byOrg),
    members: await t.db
      .select()
      .from(familyMembership)
      .where(eq(familyMembership.organisationId, vejle.orgId)),
    persons: await t.db.select().from(person).where(eq(person.organisationId, vejle.orgId)),
    referrals: await t.db.select().from(referral).where(eq(referral.organisationId, vejle.orgId)),
    courses: await t.db.select().from(course).where(eq(course.organisationId, vejle.orgId)),
    team: await t.db.select().from(caseTeamMember).where(eq(caseTeamMember.organisationId, vejle.orgId)),
    plans: await t.db.select().from(planVersion).where(eq(planVersion.organisationId, vejle.orgId)),
    contacts: await t.db.select().from(contact).where(eq(contact.organisationId, vejle.orgId)),
    notes: await t.db.select().from(caseNote).where(eq(caseNote.organisationId, vejle.orgId)),
    tasks: await t.db.select().from(caseTask).where(eq(caseTask.organisationId, vejle.orgId)),
    measurements: await t.db.select().from(measurement).where(eq(measurement.organisationId, vejle.orgId)),
    instruments: await t.db.select().from(instrument).where(eq(instrument.projectId, vejle.projectId)),
    instrumentVersions: await t.db
      .select()
      .from(instrumentVersion)
      .where(eq(instrumentVersion.projectId, vejle.projectId)),
    contracts: await t.db
      .select()
      .from(outcomeContract)
      .where(eq(outcomeContract.organisationId, vejle.orgId)),
    contractVersions: await t.db
      .select()
      .from(contractVersion)
      .where(eq(contractVersion.organisationId, vejle.orgId)),
    acceptances: await t.db
      .select()
      .from(contractAcceptance)
      .where(eq(contractAcceptance.organisationId, vejle.orgId)),
    statements: await t.db
      .select()
      .from(settlementStatement)
      .where(eq(settlementStatement.organisationId, vejle.orgId)),
    statementEvents: await t.db
      .select()
      .from(statementEvent)
      .where(eq(statementEvent.organisationId, vejle.orgId)),
    ledger: await t.db.select().from(ledgerEntry).where(eq(ledgerEntry.organisationId, vejle.orgId)),
  };
  // Rows in a fixed order: without ORDER BY, PostgreSQL may return them in another order once its
  // statistics change (autovacuum), which is no change to the data.
  const inOrder = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map((row) => JSON.stringify(row)).sort()
      : value && typeof value === "object"
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inOrder(v)]))
        : value;
  return JSON.stringify(
    inOrder({
      org,
      proj,
      tracks,
      parties,
      memberships,
      users,
      cases,
      versions,
      prices,
      index,
      casework,
    }),
  );
}

/** One of each case-work record of Vejle, so every case-work route is aimed at something real. */
async function vejleCaseworkIds() {
  const courseId = t.seed.casework.courseIds.hassan!;
  const [c] = await t.db.select().from(course).where(eq(course.id, courseId));
  expect(c!.organisationId).toBe(t.seed.orgIds.vejle);
  const [fm] = await t.db.select().from(familyMembership).where(eq(familyMembership.familyId, c!.familyId));
  const [r] = await t.db.select().from(referral).where(eq(referral.familyId, c!.familyId));
  const [p] = await t.db.select().from(person).where(eq(person.id, fm!.personId));
  const [tm] = await t.db.select().from(caseTeamMember).where(eq(caseTeamMember.courseId, courseId));
  // Tasks are derived by the service; reading the plan as Vejle's caseworker materialises them.
  const sara = await t.login("sagsbehandler@vejle.demo");
  await sara.get("/api/tasks/mine");
  const [task] = await t.db.select().from(caseTask).where(eq(caseTask.organisationId, t.seed.orgIds.vejle));
  expect(task, "Vejle has at least one case task").toBeDefined();
  let [m] = await t.db.select().from(measurement).where(eq(measurement.courseId, courseId)).limit(1);
  if (!m) {
    const recorded = await sara.post(`/api/courses/${courseId}/measurements`, {
      instrumentCode: "support-hours",
      subject: { kind: "family" },
      measuredOn: "2026-03-01",
      respondent: "caseworker",
      values: { "hours-per-week": 20 },
    });
    expect(recorded.status, await recorded.clone().text()).toBe(201);
    [m] = await t.db.select().from(measurement).where(eq(measurement.courseId, courseId)).limit(1);
  }
  return {
    familyId: c!.familyId,
    courseId,
    personId: fm!.personId,
    referralId: r!.id,
    familyMembershipId: fm!.id,
    teamMemberId: tm!.id,
    taskId: task!.id,
    measurementId: m!.id,
    trackId: c!.trackId,
    personName: { firstName: p!.firstName, lastName: p!.lastName, birthDate: p!.birthDate },
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const vejleCaseworker = t.seed.userIds["sagsbehandler@vejle.demo"]!;
  const [m] = await t.db.select().from(membership).where(eq(membership.userId, vejleCaseworker));
  const [bc] = await t.db
    .select()
    .from(businessCase)
    .where(eq(businessCase.organisationId, t.seed.orgIds.vejle));
  // A Vejle-owned unit price, so the catalogue's write routes have something of Vejle to aim at.
  const [price] = await t.db
    .insert(unitPrice)
    .values({
      organisationId: t.seed.orgIds.vejle,
      code: "vejle-only",
      name: "Vejles pris",
      unit: "per-hour",
      amountOre: 100,
      priceYear: 2025,
      sourceText: "Vejle",
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    .returning();
  vejle = {
    orgId: t.seed.orgIds.vejle,
    projectId: t.seed.projectIds.vejle,
    userId: vejleCaseworker,
    membershipId: m!.id,
    businessCaseId: bc!.id,
    unitPriceId: price!.id,
    instrumentId: (
      await t.db.select().from(instrument).where(eq(instrument.projectId, t.seed.projectIds.vejle))
    )[0]!.id,
    ...(await vejleCaseworkIds()),
    contractId: t.seed.contracts.contractId,
    statementId: (
      await t.db
        .select()
        .from(settlementStatement)
        .where(eq(settlementStatement.contractId, t.seed.contracts.contractId))
    ).find((s) => s.state === "draft")!.id,
  };
  // Rødovre gets one user of every municipal role, so each role's reach is walked.
  const passwordHash = await hashPassword("rødovre-test-password");
  walkers = [];
  for (const role of ["caseworker", "team_leader", "project_manager", "finance_controller"] as const) {
    const email = `${role}@rodovre.test`;
    const [u] = await t.db.insert(appUser).values({ email, displayName: role, passwordHash }).returning();
    await t.db.insert(membership).values({ userId: u!.id, organisationId: t.seed.orgIds.rodovre, role });
    walkers.push({ name: `Rødovre ${role}`, client: await t.login(email, "rødovre-test-password") });
  }
});
afterAll(() => t.close());

const PATH_IDS: Record<string, () => Record<string, string>> = {
  "/api/organisations/{id}": () => ({ id: vejle.orgId }),
  "/api/projects/{id}": () => ({ id: vejle.projectId }),
  "/api/users/{id}": () => ({ id: vejle.userId }),
  "/api/caseloads/limits/{userId}": () => ({ userId: vejle.userId }),
  "/api/users/{id}/deactivate": () => ({ id: vejle.userId }),
  "/api/users/{id}/reactivate": () => ({ id: vejle.userId }),
  "/api/users/{id}/unlock": () => ({ id: vejle.userId }),
  "/api/users/{id}/two-factor/reset": () => ({ id: vejle.userId }),
  "/api/users/{id}/roles": () => ({ id: vejle.userId }),
  "/api/users/{id}/roles/{membershipId}": () => ({ id: vejle.userId, membershipId: vejle.membershipId }),
  "/api/business-cases/{id}": () => ({ id: vejle.businessCaseId }),
  "/api/business-cases/{id}/versions": () => ({ id: vejle.businessCaseId }),
  "/api/business-cases/{id}/versions/{version}": () => ({ id: vejle.businessCaseId, version: "1" }),
  "/api/business-cases/{id}/diff": () => ({ id: vejle.businessCaseId }),
  "/api/business-cases/{id}/duplicate": () => ({ id: vejle.businessCaseId }),
  "/api/business-cases/{id}/export.xlsx": () => ({ id: vejle.businessCaseId }),
  "/api/unit-prices/{id}": () => ({ id: vejle.unitPriceId }),
  "/api/families/{id}": () => ({ id: vejle.familyId }),
  "/api/families/{id}/consents": () => ({ id: vejle.familyId }),
  "/api/families/{id}/members": () => ({ id: vejle.familyId }),
  "/api/families/{id}/members/{membershipId}/end": () => ({
    id: vejle.familyId,
    membershipId: vejle.familyMembershipId,
  }),
  "/api/families/{id}/timeline": () => ({ id: vejle.familyId }),
  "/api/persons/{id}": () => ({ id: vejle.personId }),
  "/api/persons/{id}/cpr-reveal": () => ({ id: vejle.personId }),
  "/api/referrals/{id}": () => ({ id: vejle.referralId }),
  "/api/referrals/{id}/assign": () => ({ id: vejle.referralId }),
  "/api/referrals/{id}/transitions": () => ({ id: vejle.referralId }),
  "/api/courses/{id}": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/contacts": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/notes": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/plan": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/plan/agreements": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/plan/diff": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/plan/versions": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/plan/versions/{version}": () => ({ id: vejle.courseId, version: "1" }),
  "/api/courses/{id}/reviews": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/tasks": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/team": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/team-candidates": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/team/{memberId}/end": () => ({ id: vejle.courseId, memberId: vejle.teamMemberId }),
  "/api/courses/{id}/transitions": () => ({ id: vejle.courseId }),
  "/api/tasks/{id}/complete": () => ({ id: vejle.taskId }),
  "/api/courses/{id}/measurements": () => ({ id: vejle.courseId }),
  "/api/courses/{id}/measurements/{measurementId}/corrections": () => ({
    id: vejle.courseId,
    measurementId: vejle.measurementId,
  }),
  "/api/projects/{id}/instruments": () => ({ id: vejle.projectId }),
  "/api/projects/{id}/instruments/{instrumentId}/versions": () => ({
    id: vejle.projectId,
    instrumentId: vejle.instrumentId,
  }),
  "/api/projects/{id}/instruments/{instrumentId}/versions/{version}": () => ({
    id: vejle.projectId,
    instrumentId: vejle.instrumentId,
    version: "1",
  }),
  "/api/projects/{id}/schedules": () => ({ id: vejle.projectId }),
  "/api/projects/{id}/measurement-imports": () => ({ id: vejle.projectId }),
  "/api/projects/{id}/measurement-imports/check": () => ({ id: vejle.projectId }),
  "/api/projects/{id}/progression/cohort": () => ({ id: vejle.projectId }),
  "/api/projects/{id}/progression/cohort/courses": () => ({ id: vejle.projectId }),
  "/api/projects/{id}/progression/data-quality": () => ({ id: vejle.projectId }),
  "/api/projects/{id}/tracks/{trackId}/schedule": () => ({ id: vejle.projectId, trackId: vejle.trackId }),
  "/api/projects/{projectId}/contracts": () => ({ projectId: vejle.projectId }),
  "/api/projects/{projectId}/outcome-rules": () => ({ projectId: vejle.projectId }),
  "/api/contracts/{id}": () => ({ id: vejle.contractId }),
  "/api/contracts/{id}/versions": () => ({ id: vejle.contractId }),
  "/api/contracts/{id}/versions/{version}/acceptances": () => ({ id: vejle.contractId, version: "2" }),
  "/api/contracts/{id}/statements": () => ({ id: vejle.contractId }),
  "/api/contracts/{id}/ledger": () => ({ id: vejle.contractId }),
  "/api/contracts/{id}/ledger/disbursements": () => ({ id: vejle.contractId }),
  "/api/contracts/{id}/forecast": () => ({ id: vejle.contractId }),
  "/api/contracts/{id}/indigo": () => ({ id: vejle.contractId }),
  "/api/statements/{id}": () => ({ id: vejle.statementId }),
  "/api/statements/{id}/recompute": () => ({ id: vejle.statementId }),
  "/api/statements/{id}/validate": () => ({ id: vejle.statementId }),
  "/api/statements/{id}/approve": () => ({ id: vejle.statementId }),
  "/api/statements/{id}/adjustments": () => ({ id: vejle.statementId }),
  "/api/statements/{id}/xlsx": () => ({ id: vejle.statementId }),
};

/** An instrument version that would pass every check (for the instrument routes). */
const ROGUE_VERSION = {
  subjects: ["family"],
  respondents: ["caseworker"],
  items: [
    {
      code: "x",
      label: "X",
      scale: { kind: "numeric-range", min: 0, max: 5 },
      direction: "higher-is-better",
    },
  ],
  scores: [
    {
      kind: "item",
      item: "x",
      code: "x",
      label: "X",
      direction: "higher-is-better",
      meaningfulChange: { kind: "absolute", value: 1 },
    },
  ],
};

/** Bodies that would succeed if the caller were allowed, aimed at Vejle. */
function bodyFor(op: Operation): unknown {
  const today = "2026-03-02";
  switch (`${op.method} ${op.path}`) {
    case "POST /api/projects":
      return {
        organisationId: vejle.orgId,
        name: "Overtaget projekt",
        startsOn: today,
        endsOn: "2027-03-02",
        tracks: [{ code: "xx", name: "Spor X", capacityFamilies: 5 }],
      };
    case "PATCH /api/projects/{id}":
      return { name: "Omdøbt af Rødovre", version: 1 };
    case "PATCH /api/organisations/{id}":
      return { name: "Omdøbt af Rødovre", version: 1 };
    case "POST /api/organisations":
      return { name: "Vejle Kommune 2", kind: "municipality" };
    case "POST /api/users":
      return {
        email: "ny@vejle.demo",
        displayName: "Ny bruger",
        memberships: [{ organisationId: vejle.orgId, role: "team_leader" }],
      };
    case "PATCH /api/users/{id}":
      return { displayName: "Omdøbt af Rødovre", version: 1 };
    case "POST /api/users/{id}/roles":
      return { organisationId: vejle.orgId, role: "team_leader" };
    case "POST /api/business-cases":
      return { organisationId: vejle.orgId, name: "Overtaget", scenario: createRodovreScenario() };
    case "PATCH /api/business-cases/{id}":
      return { name: "Omdøbt af Rødovre", isSharedWithParties: true, version: 1 };
    case "POST /api/business-cases/{id}/versions":
      return { scenario: createRodovreScenario(), basedOnVersion: 1 };
    case "POST /api/business-cases/{id}/duplicate":
      return { name: "Kopi til Rødovre" };
    case "POST /api/business-cases/calculate":
      return { scenario: createRodovreScenario() };
    case "POST /api/unit-prices":
      return {
        organisationId: vejle.orgId,
        code: "stolen",
        name: "Stjålet pris",
        unit: "per-hour",
        amountOre: 1,
        priceYear: 2025,
        payerSharesPct: { municipality: 100, region: 0, state: 0 },
        sourceText: "Rødovre",
      };
    case "PATCH /api/unit-prices/{id}":
      return { amountOre: 1, version: 1 };
    // Case work, aimed at Vejle's family, course and staff.
    case "POST /api/referrals":
      return {
        familyId: vejle.familyId,
        projectId: vejle.projectId,
        trackId: vejle.trackId,
        reason: "Overtaget",
        legalBasis: "Barnets lov § 32",
        referredOn: today,
      };
    case "POST /api/projects/{id}/measurement-imports":
    case "POST /api/projects/{id}/measurement-imports/check":
      // A school's file naming a Vejle person by id.
      return {
        fileName: "fravaer.csv",
        csv: `Person-id;Dato;Fravær\n${vejle.personId};01-03-2026;12,5\n`,
        instrumentCode: "school-absence",
        mapping: { "Person-id": "personId", Dato: "measuredOn", Fravær: "absence-pct" },
      };
    case "POST /api/courses/{id}/measurements":
      return {
        instrumentCode: "well-being",
        subject: { kind: "family" },
        measuredOn: today,
        respondent: "parent",
        values: { "well-being": 1 },
      };
    case "POST /api/courses/{id}/measurements/{measurementId}/corrections":
      return {
        instrumentCode: "support-hours",
        subject: { kind: "family" },
        measuredOn: today,
        respondent: "caseworker",
        values: { "hours-per-week": 99 },
        correctionReason: "Rettet af Rødovre",
      };
    case "POST /api/projects/{id}/instruments":
      return { code: "rodovre-skala", name: "Rødovres skala", versions: [{ version: 1, ...ROGUE_VERSION }] };
    case "POST /api/projects/{id}/instruments/{instrumentId}/versions":
    case "PUT /api/projects/{id}/instruments/{instrumentId}/versions/{version}":
      return { definition: ROGUE_VERSION, name: "Omdøbt af Rødovre" };
    case "PUT /api/projects/{id}/tracks/{trackId}/schedule":
      return { plannedDurationMonths: 1, schedule: null };
    case "POST /api/referrals/{id}/transitions":
      return { event: "reject", on: today, reason: "Afvist af Rødovre", version: 1 };
    case "POST /api/referrals/{id}/assign":
      return { caseworkerUserId: vejle.userId, version: 1 };
    case "POST /api/families/{id}/members":
      return {
        role: "other-adult",
        fromOn: today,
        person: {
          firstName: "Ny",
          lastName: "Person",
          birthDate: "1990-01-01",
          sex: "unknown",
          danishProficiency: "fluent",
        },
      };
    case "POST /api/families/{id}/members/{membershipId}/end":
    case "POST /api/courses/{id}/team/{memberId}/end":
      return { toOn: today };
    case "POST /api/families/{id}/consents":
      return { purpose: "evaluation", isGiven: false, recordedOn: today };
    case "POST /api/persons/duplicate-check":
      // Exactly a Vejle person: the check must not tell Rødovre that Vejle knows them.
      return vejle.personName;
    case "PATCH /api/persons/{id}":
      return { firstName: "Omdøbt", version: 1 };
    case "POST /api/persons/{id}/cpr-reveal":
      return { reason: "Nysgerrig" };
    case "POST /api/courses/{id}/transitions":
      return { event: "end-early", on: today, reason: "Afsluttet af Rødovre", version: 1 };
    case "POST /api/courses/{id}/team":
      return { userId: vejle.userId, role: "caseworker", fromOn: today };
    case "PUT /api/courses/{id}/plan":
      return { plan: { goals: [], measures: [] }, baseVersion: 1 };
    case "POST /api/courses/{id}/plan/agreements":
      return { planVersion: 1, agreedOn: today };
    case "POST /api/courses/{id}/contacts":
      return {
        occurredAt: "2026-03-02T19:00:00+01:00",
        kind: "home-visit",
        participants: {},
        language: "da",
        durationMinutes: 60,
      };
    case "POST /api/courses/{id}/notes":
      return { body: "Skrevet af Rødovre" };
    case "POST /api/courses/{id}/reviews":
      return { heldOn: today, decision: "end", reasons: "Afsluttet af Rødovre" };
    case "POST /api/caseloads/check":
      return { userId: vejle.userId, courseId: vejle.courseId };
    case "PUT /api/caseloads/limits":
      return { organisationId: vejle.orgId, userId: null, warningAtFamilies: 1, hardLimitFamilies: 2 };
    case "POST /api/caseloads/reassign":
      return { organisationId: vejle.orgId, fromUserId: vejle.userId, toUserIds: [vejle.userId], on: today };
    case "POST /api/projects/{projectId}/contracts":
    case "POST /api/contracts/{id}/versions": {
      const {
        contractId: _c,
        version: _v,
        parties: _p,
        amendment: _a,
        acceptances: _acc,
        ...terms
      } = createVejleContract();
      return { terms, reason: "Ændret af Rødovre", basedOnVersion: 2 };
    }
    case "POST /api/contracts/{id}/versions/{version}/acceptances":
      return { partyOrganisationId: vejle.orgId, acceptedByName: "Rødovre", acceptedOn: today };
    case "POST /api/contracts/{id}/statements":
      return { kind: "interim", periodId: "rodovre", from: "2022-01-01", to: today, settlementDate: today };
    case "POST /api/contracts/{id}/ledger/disbursements":
      return { amountOre: 100, bookedOn: today };
    case "PUT /api/price-index":
      return { organisationId: vejle.orgId, rows: [{ year: 2024, indexValue: 1 }] };
    default:
      return op.method === "GET" || op.method === "DELETE" ? undefined : {};
  }
}

// Operations that change nothing and answer only from the caller's own tenant (a stateless calculation
// of the posted scenario; a duplicate check among the caller's own municipality's persons).
const TENANT_FREE = new Set(["POST /api/business-cases/calculate", "POST /api/persons/duplicate-check"]);

// Routes about the caller themselves; they never take another tenant's id.
const SELF_ROUTES = new Set([
  "/api/me",
  "/api/me/password",
  "/api/me/two-factor/setup",
  "/api/me/two-factor/enable",
  "/api/me/two-factor/disable",
  "/api/auth/logout",
  "/api/auth/login",
  "/api/health",
]);

describe("cross-tenant isolation: Rødovre cannot reach Vejle through any endpoint", () => {
  it("walks every operation in the OpenAPI document", async () => {
    const doc = await (await t.request("GET", "/api/openapi.json")).json();
    const operations: Operation[] = Object.entries(
      doc.paths as Record<string, Record<string, { "x-permission": string }>>,
    ).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, o]) => ({
        method: method.toUpperCase(),
        path,
        permission: o["x-permission"],
      })),
    );
    expect(operations.length).toBeGreaterThan(25);
    const before = await snapshotOfVejle();
    const vejleIds = [
      vejle.orgId,
      vejle.projectId,
      vejle.userId,
      vejle.membershipId,
      vejle.businessCaseId,
      vejle.unitPriceId,
      vejle.familyId,
      vejle.courseId,
      vejle.personId,
      vejle.referralId,
      vejle.taskId,
      vejle.measurementId,
      vejle.contractId,
      vejle.statementId,
    ];
    let walked = 0;
    for (const op of operations) {
      if (SELF_ROUTES.has(op.path)) continue;
      const ids = op.path.includes("{") ? PATH_IDS[op.path]?.() : {};
      expect(ids, `add ${op.path} to PATH_IDS`).toBeDefined();
      const query = op.path.endsWith("/diff")
        ? "?from=1&to=1"
        : op.path === "/api/price-index"
          ? `?organisationId=${vejle.orgId}`
          : "";
      const url = op.path.replace(/\{(\w+)\}/g, (_, k: string) => ids![k]!) + query;
      for (const { name, client } of walkers) {
        const res = await client.call(op.method, url, bodyFor(op));
        const text = await res.text();
        const label = `${name}: ${op.method} ${url} → ${res.status} ${text.slice(0, 200)}`;
        if (res.status < 300) {
          // Only lists and tenant-free calculations may answer 2xx, and then without anything of Vejle.
          if (!TENANT_FREE.has(`${op.method} ${op.path}`)) {
            expect(op.method, label).toBe("GET");
            expect(op.path.includes("{"), label).toBe(false);
          }
          for (const id of vejleIds) expect(text, label).not.toContain(id);
          if (op.path === "/api/persons/duplicate-check")
            expect(JSON.parse(text).warnings, label).toEqual([]);
        } else {
          expect([400, 403, 404], label).toContain(res.status);
        }
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(80);
    expect(await snapshotOfVejle()).toBe(before);
  });

  it("the investor of Vejle's own project reaches no case work: every case-work operation answers 403 or 404", async () => {
    const investor = await t.login("investor@fond.demo");
    const doc = await (await t.request("GET", "/api/openapi.json")).json();
    const casework = [
      "/api/families",
      "/api/persons",
      "/api/referrals",
      "/api/courses",
      "/api/tasks",
      "/api/caseloads",
    ];
    const before = await snapshotOfVejle();
    let walked = 0;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      if (!casework.some((prefix) => path.startsWith(prefix))) continue;
      const ids = path.includes("{") ? PATH_IDS[path]!() : {};
      const url =
        path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k]!) +
        (path.endsWith("/diff") ? "?from=1&to=1" : "");
      for (const method of Object.keys(ops)) {
        const op = { method: method.toUpperCase(), path, permission: "" };
        const res = await investor.call(op.method, url, bodyFor(op));
        const text = await res.text();
        expect([403, 404], `investor: ${op.method} ${url} → ${res.status} ${text.slice(0, 200)}`).toContain(
          res.status,
        );
        expect(text).not.toContain(vejle.familyId);
        walked++;
      }
    }
    expect(walked).toBeGreaterThan(30);
    expect(await snapshotOfVejle()).toBe(before);
  });

  it("still lets Vejle's own project manager read and change Vejle's project (the walk is not vacuous)", async () => {
    const pm = await t.login("projektleder@vejle.demo");
    const res = await pm.get(`/api/projects/${vejle.projectId}`);
    expect(res.status).toBe(200);
    const p = await res.json();
    const patched = await pm.patch(`/api/projects/${vejle.projectId}`, {
      description: "Opdateret",
      version: p.version,
    });
    expect(patched.status).toBe(200);
  });
});

describe("every route declares its permission", () => {
  it("each operation in the OpenAPI document carries x-permission from the catalogue", async () => {
    const { PERMISSIONS } = await import("../../domain/access/index.js");
    const allowed = new Set<string>([...PERMISSIONS, "public", "authenticated"]);
    const doc = await (await t.request("GET", "/api/openapi.json")).json();
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { "x-permission"?: string }>>,
    )) {
      for (const [method, o] of Object.entries(ops)) {
        expect(allowed.has(o["x-permission"] ?? ""), `${method} ${path}`).toBe(true);
      }
    }
  });
});
