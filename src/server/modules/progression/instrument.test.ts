import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { ErrorResponseSchema } from "../../../contracts/errors.js";
import { MeasurementRecordSchema, ProjectInstrumentSchema } from "../../../contracts/progression.js";
import {
  appUser,
  auditEvent,
  instrument,
  instrumentVersion,
  measurement,
  membership,
} from "../../db/schema/index.js";
import { hashPassword } from "../auth/password-hash.js";

let t: TestApp;
let pm: TestClient;
let sara: TestClient;
let projectId: string;

beforeAll(async () => {
  t = await createTestApp();
  pm = await t.login("projektleder@vejle.demo");
  sara = await t.login("sagsbehandler@vejle.demo");
  projectId = t.seed.projectIds.vejle;
});
afterAll(() => t.close());

/** A project manager of Rødovre (the demo has none): `project.manage`, but not on Vejle's project. */
async function rodovreProjectManager() {
  const email = `projektleder-${crypto.randomUUID().slice(0, 8)}@rodovre.test`;
  const password = "rødovre-test-password";
  const [user] = await t.db
    .insert(appUser)
    .values({ email, displayName: "Rødovres projektleder", passwordHash: await hashPassword(password) })
    .returning();
  await t.db
    .insert(membership)
    .values({ userId: user!.id, organisationId: t.seed.orgIds.rodovre, role: "project_manager" });
  return t.login(email, password);
}

const base = () => `/api/projects/${projectId}/instruments`;

async function instrumentsAs(client: TestClient) {
  const res = await client.get(base());
  expect(res.status).toBe(200);
  return ProjectInstrumentSchema.array().parse(await res.json());
}

async function instrumentByCode(code: string) {
  const found = (await instrumentsAs(pm)).find((i) => i.code === code);
  expect(found, code).toBeDefined();
  return found!;
}

async function errorOf(res: Response) {
  return ErrorResponseSchema.parse(await res.json()).error;
}

/** A small instrument of the project's own: one 0–5 question about the family. */
const homeVisitVersion = (overrides: Record<string, unknown> = {}) => ({
  subjects: ["family"],
  respondents: ["caseworker", "consultant"],
  items: [
    {
      code: "calm",
      label: "Hvor roligt var hjemmet ved besøget?",
      help: "0 er meget uroligt, 5 er helt roligt.",
      scale: { kind: "numeric-range", min: 0, max: 5 },
      direction: "higher-is-better",
    },
  ],
  scores: [
    {
      kind: "item",
      item: "calm",
      code: "calm",
      label: "Ro i hjemmet (0–5)",
      direction: "higher-is-better",
      meaningfulChange: { kind: "absolute", value: 1 },
      cutOffs: [
        { fromValue: 0, code: "unrest", label: "Uro" },
        { fromValue: 3, code: "calm", label: "Ro" },
      ],
    },
  ],
  ...overrides,
});

const newInstrument = (code: string, versionOverrides: Record<string, unknown> = {}) => ({
  code,
  name: "Ro i hjemmet",
  description: "Familiebehandlerens indtryk af roen i hjemmet ved hjemmebesøg.",
  versions: [{ version: 1, ...homeVisitVersion(versionOverrides) }],
});

const withAdjustedWellBeingLabel = (definition: ProjectInstrumentRow["versions"][number]["definition"]) => ({
  ...definition,
  items: definition.items.map((item, i) =>
    i === 0 ? { ...item, label: "Alt i alt – hvordan har I det for tiden?" } : item,
  ),
});
type ProjectInstrumentRow = Awaited<ReturnType<typeof instrumentByCode>>;

describe("the project's instruments", () => {
  it("lists the shipped instruments with their versions and which are in use, for anyone who reads the project", async () => {
    const list = await instrumentsAs(pm);
    expect(list.map((i) => i.code)).toEqual(
      expect.arrayContaining(["well-being", "school-absence", "employment-ladder", "goal-attainment"]),
    );
    const wellBeing = list.find((i) => i.code === "well-being")!;
    expect(wellBeing).toMatchObject({ name: "Trivsel", isBuiltin: true, projectId });
    // The demo data has measured well-being with version 1; nothing has measured day-care attendance.
    expect(wellBeing.versions.map((v) => [v.version, v.isInUse])).toEqual([[1, true]]);
    expect(list.find((i) => i.code === "day-care-attendance")!.versions[0]!.isInUse).toBe(false);
    expect(wellBeing.versions[0]!.definition.scores[0]!.meaningfulChange).toEqual({
      kind: "absolute",
      value: 2,
    });
    // The investor of the project and its caseworker read them too; Rødovre does not see the project.
    expect((await instrumentsAs(await t.login("investor@fond.demo"))).length).toBe(list.length);
    expect((await instrumentsAs(sara)).length).toBe(list.length);
    const rodovre = await t.login("sagsbehandler@rodovre.demo");
    expect((await rodovre.get(base())).status).toBe(404);
  });

  it("lets the project manager add an instrument with version 1, once per code, and audits it", async () => {
    const res = await pm.post(base(), newInstrument("calm-at-home"));
    expect(res.status, await res.clone().text()).toBe(201);
    const created = ProjectInstrumentSchema.parse(await res.json());
    expect(created).toMatchObject({ code: "calm-at-home", name: "Ro i hjemmet", isBuiltin: false });
    expect(created.versions.map((v) => [v.version, v.isInUse])).toEqual([[1, false]]);
    // Defaults of the domain schema are applied and stored.
    expect(created.versions[0]!.definition.items[0]!).toMatchObject({ isRequired: true, scale: { step: 1 } });
    const [event] = await t.db
      .select({ type: auditEvent.eventType, payload: auditEvent.payload })
      .from(auditEvent)
      .where(eq(auditEvent.subjectId, created.id));
    expect(event).toEqual({ type: "instrument.created", payload: { code: "calm-at-home" } });

    for (const code of ["calm-at-home", "well-being"]) {
      const again = await pm.post(base(), newInstrument(code));
      expect(again.status, code).toBe(400);
      expect((await errorOf(again)).details).toEqual([
        { path: "code", message: `Projektet har allerede et måleredskab med koden ${code}` },
      ]);
    }
  });

  it("refuses a bad instrument with the domain's message per path", async () => {
    const cases: [unknown, string, RegExp][] = [
      [
        newInstrument("bad-range", {
          items: [{ ...homeVisitVersion().items[0], scale: { kind: "numeric-range", min: 5, max: 5 } }],
        }),
        "versions.0.items.0.scale.max",
        /Største værdi skal være større end mindste værdi/,
      ],
      [
        newInstrument("bad-score", {
          scores: [{ ...homeVisitVersion().scores[0], item: "noise" }],
        }),
        "versions.0.scores.0.item",
        /Ukendt spørgsmål: noise/,
      ],
      [newInstrument("Bad Code"), "code", /små bogstaver/],
      [
        {
          ...newInstrument("two-versions"),
          versions: [
            { version: 1, ...homeVisitVersion() },
            { version: 2, ...homeVisitVersion() },
          ],
        },
        "versions",
        /én version/,
      ],
    ];
    for (const [body, path, message] of cases) {
      const res = await pm.post(base(), body);
      expect(res.status, path).toBe(400);
      const details = (await errorOf(res)).details ?? [];
      expect(details.find((d) => d.path === path)?.message, `${path}: ${JSON.stringify(details)}`).toMatch(
        message,
      );
    }
    const codes = (await instrumentsAs(pm)).map((i) => i.code);
    expect(codes).not.toContain("bad-range");
    expect(codes).not.toContain("two-versions");
  });

  it("lets only the project's managers change instruments", async () => {
    const wellBeing = await instrumentByCode("well-being");
    const attempts = [
      ["POST", base(), newInstrument("sneaky")],
      ["POST", `${base()}/${wellBeing.id}/versions`, { definition: homeVisitVersion() }],
    ] as const;
    const investor = await t.login("investor@fond.demo");
    const rodovre = await rodovreProjectManager();
    // Every route as every Rødovre role is walked in src/server/http/cross-tenant.test.ts.
    for (const [method, url, body] of attempts) {
      expect((await sara.call(method, url, body)).status, `caseworker ${url}`).toBe(403);
      expect((await investor.call(method, url, body)).status, `investor ${url}`).toBe(403);
      expect((await rodovre.call(method, url, body)).status, `Rødovre ${url}`).toBe(404);
    }
    expect((await instrumentsAs(pm)).map((i) => i.code)).not.toContain("sneaky");
    expect((await instrumentByCode("well-being")).versions).toHaveLength(1);
  });
});

describe("versions", () => {
  it("succeeds the newest version with the next number; measurements keep the version they were scored with", async () => {
    const fx = await insertCourseFixture(t, { caseworkerIds: [t.seed.userIds["sagsbehandler@vejle.demo"]!] });
    const measure = async (personId: string) => {
      const res = await sara.post(`/api/courses/${fx.courseId}/measurements`, {
        instrumentCode: "well-being",
        subject: { kind: "person", personId },
        measuredOn: "2026-01-20",
        respondent: "member",
        values: { "well-being": 6 },
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return MeasurementRecordSchema.parse(await res.json());
    };
    const before = await measure(fx.parentId);
    expect(before.instrumentVersion).toBe(1);

    const wellBeing = await instrumentByCode("well-being");
    const v1 = wellBeing.versions[0]!;
    const res = await pm.post(`${base()}/${wellBeing.id}/versions`, {
      definition: withAdjustedWellBeingLabel(v1.definition),
      basedOnVersion: 1,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const saved = ProjectInstrumentSchema.parse(await res.json());
    expect(saved.versions.map((v) => [v.version, v.isInUse])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(saved.versions[1]!.definition.items[0]!.label).toBe("Alt i alt – hvordan har I det for tiden?");
    // Version 1 is exactly as it was.
    expect(saved.versions[0]!.definition).toEqual(v1.definition);

    const after = await measure(fx.childId);
    expect(after.instrumentVersion).toBe(2);
    const rows = await t.db
      .select({ id: measurement.id, version: measurement.instrumentVersion })
      .from(measurement)
      .where(eq(measurement.courseId, fx.courseId));
    expect(new Map(rows.map((r) => [r.id, r.version]))).toEqual(
      new Map([
        [before.id, 1],
        [after.id, 2],
      ]),
    );

    const third = await pm.post(`${base()}/${wellBeing.id}/versions`, {
      definition: saved.versions[1]!.definition,
    });
    expect(third.status).toBe(201);
    expect(ProjectInstrumentSchema.parse(await third.json()).versions.map((v) => v.version)).toEqual([
      1, 2, 3,
    ]);
    const events = await t.db
      .select({ payload: auditEvent.payload })
      .from(auditEvent)
      .where(
        and(eq(auditEvent.subjectId, wellBeing.id), eq(auditEvent.eventType, "instrument.version_saved")),
      );
    expect(events.map((e) => e.payload)).toEqual([
      { version: 2, isNew: true },
      { version: 3, isNew: true },
    ]);
  });

  it("refuses a new version started from an older one, and a bad definition per path", async () => {
    const ladder = await instrumentByCode("employment-ladder");
    const definition = ladder.versions[0]!.definition;
    const stale = await pm.post(`${base()}/${ladder.id}/versions`, { definition, basedOnVersion: 1 });
    expect(stale.status).toBe(201);
    const again = await pm.post(`${base()}/${ladder.id}/versions`, { definition, basedOnVersion: 1 });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).message).toMatch(/version 2 af Trin mod beskæftigelse/);

    const unordered = {
      ...definition,
      items: [
        {
          ...definition.items[0]!,
          scale: {
            kind: "ordered-categories",
            categories: [
              { code: "a", label: "A", value: 2 },
              { code: "b", label: "B", value: 1 },
            ],
          },
        },
      ],
    };
    const bad = await pm.post(`${base()}/${ladder.id}/versions`, { definition: unordered });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).details).toContainEqual({
      path: "definition.items.0.scale.categories.1.value",
      message: "Værdierne skal stige i den viste rækkefølge",
    });
    const empty = await pm.post(`${base()}/${ladder.id}/versions`, { definition: null });
    expect((await errorOf(empty)).details).toEqual([
      { path: "definition", message: "Angiv versionens spørgsmål og scoringer" },
    ]);
    expect((await instrumentByCode("employment-ladder")).versions).toHaveLength(2);
  });

  it("refuses a version that no longer fits a track's schedule", async () => {
    const absence = await instrumentByCode("school-absence");
    const familyOnly = { ...absence.versions[0]!.definition, subjects: ["family"], memberRoles: undefined };
    const res = await pm.post(`${base()}/${absence.id}/versions`, { definition: familyOnly });
    expect(res.status).toBe(400);
    const [detail] = (await errorOf(res)).details ?? [];
    expect(detail?.path).toBe("definition.subjects");
    expect(detail?.message).toMatch(
      /Skolefravær måles kun om familien samlet, men måleplanen for .* hvert barn/,
    );
  });

  it("edits a version nobody has measured with, and refuses once a measurement has used it (409, and the database agrees)", async () => {
    const created = ProjectInstrumentSchema.parse(
      await (await pm.post(base(), newInstrument("calm-edit"))).json(),
    );
    const url = `${base()}/${created.id}/versions/1`;
    const fixed = homeVisitVersion({
      items: [{ ...homeVisitVersion().items[0], label: "Hvor roligt var der i hjemmet?" }],
    });
    const res = await pm.call("PUT", url, { definition: fixed, name: "Ro ved hjemmebesøg" });
    expect(res.status, await res.clone().text()).toBe(200);
    const edited = ProjectInstrumentSchema.parse(await res.json());
    expect(edited.name).toBe("Ro ved hjemmebesøg");
    expect(edited.versions.map((v) => v.version)).toEqual([1]);
    expect(edited.versions[0]!.definition.items[0]!.label).toBe("Hvor roligt var der i hjemmet?");
    const [event] = await t.db
      .select({ payload: auditEvent.payload })
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectId, created.id), eq(auditEvent.eventType, "instrument.version_saved")));
    expect(event?.payload).toEqual({ version: 1, isNew: false });

    const badEdit = await pm.call("PUT", url, { definition: homeVisitVersion({ respondents: [] }) });
    expect(badEdit.status).toBe(400);
    expect((await errorOf(badEdit)).details?.[0]?.path).toBe("definition.respondents");
    expect((await pm.call("PUT", `${base()}/${created.id}/versions/2`, { definition: fixed })).status).toBe(
      404,
    );

    // A caseworker measures with it (an instrument need not be scheduled to be recorded).
    const fx = await insertCourseFixture(t, { caseworkerIds: [t.seed.userIds["sagsbehandler@vejle.demo"]!] });
    const recorded = await sara.post(`/api/courses/${fx.courseId}/measurements`, {
      instrumentCode: "calm-edit",
      subject: { kind: "family" },
      measuredOn: "2026-02-10",
      respondent: "caseworker",
      values: { calm: 3 },
    });
    expect(recorded.status, await recorded.clone().text()).toBe(201);

    const refused = await pm.call("PUT", url, { definition: homeVisitVersion() });
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toBe(
      "Version 1 af Ro ved hjemmebesøg er brugt til målinger og kan ikke længere ændres. Lav en ny version i stedet – målingerne beholder den version, de blev scoret med.",
    );
    expect((await instrumentByCode("calm-edit")).versions[0]!).toMatchObject({ isInUse: true });
    const [row] = await t.db
      .select({ id: instrumentVersion.id, definition: instrumentVersion.definition })
      .from(instrumentVersion)
      .innerJoin(instrument, eq(instrument.id, instrumentVersion.instrumentId))
      .where(eq(instrument.code, "calm-edit"));
    expect(row!.definition.items[0]!.label).toBe("Hvor roligt var der i hjemmet?");
    await expect(
      t.db.execute(sql`update instrument_version set definition = definition where id = ${row!.id}`),
    ).rejects.toMatchObject({ cause: { message: /in use/ } });
  });
});
