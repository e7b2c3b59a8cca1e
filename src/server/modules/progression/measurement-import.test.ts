import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { insertCourseFixture } from "../../../../test/casework-fixture.js";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { ErrorResponseSchema } from "../../../contracts/errors.js";
import {
  MeasurementImportCheckSchema,
  MeasurementImportOverviewSchema,
  MeasurementImportResultSchema,
} from "../../../contracts/progression-import.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  auditEvent,
  caseTask,
  instrument,
  instrumentVersion,
  measurement,
  measurementImport,
  personIdentifier,
} from "../../db/schema/index.js";
import { setLogLevel } from "../../http/logger.js";
import { demoCpr } from "../../seed/casework-demo-data.js";
import { cprLookupHash, sealCpr } from "../casework/cpr-store.js";
import { syncMeasurementTasks } from "./measurement-task-sync.js";

let t: TestApp;
let pm: TestClient;
let saraId: string;

beforeAll(async () => {
  t = await createTestApp();
  pm = await t.login("projektleder@vejle.demo");
  saraId = t.seed.userIds["sagsbehandler@vejle.demo"]!;
});
afterAll(() => t.close());

// The clock stands at 2026-03-02; fixture courses are accepted 2026-01-05. School absence is measured
// per child: baseline within 6 weeks (to 2026-02-16), then every 3 months in a ±21-day window.
let serial = 900;
const dashed = (cpr: string) => `${cpr.slice(0, 6)}-${cpr.slice(6)}`;

/** A Vejle course (parent and child) whose members have CPR numbers in the register. */
async function courseWithCpr(options: Parameters<typeof insertCourseFixture>[1] = {}) {
  const fx = await insertCourseFixture(t, { caseworkerIds: [saraId], ...options });
  const childCpr = demoCpr("2015-09-01" as CalendarDate, "male", serial++);
  const parentCpr = demoCpr("1988-04-12" as CalendarDate, "female", serial++);
  await t.db.insert(personIdentifier).values(
    [
      [fx.childId, childCpr],
      [fx.parentId, parentCpr],
    ].map(([personId, cpr]) => ({
      personId: personId!,
      organisationId: fx.organisationId,
      cprSealed: sealCpr(t.appKey, personId!, cpr as never),
      lookupHash: cprLookupHash(t.appKey, fx.organisationId, cpr as never),
    })),
  );
  return { ...fx, child: dashed(childCpr), parent: dashed(parentCpr) };
}

const HEADER = ["CPR-nr.", "Dato", "Fravær %", "Periode fra", "Periode til"];
const MAPPING = {
  "CPR-nr.": "cpr",
  Dato: "measuredOn",
  "Fravær %": "absence-pct",
  "Periode fra": "periodFrom",
  "Periode til": "periodTo",
};

/** A school's export: `;`, a byte-order mark, CRLF. */
const csvOf = (rows: string[][], header = HEADER, sep = ";") =>
  `\uFEFF${[header, ...rows].map((r) => r.join(sep)).join("\r\n")}\r\n`;

const input = (csv: string, overrides: Record<string, unknown> = {}) => ({
  fileName: "fravaer-skolen.csv",
  csv,
  instrumentCode: "school-absence",
  mapping: MAPPING,
  ...overrides,
});

const projectUrl = () => `/api/projects/${t.seed.projectIds.vejle}/measurement-imports`;
const check = async (body: unknown, client = pm) => client.post(`${projectUrl()}/check`, body);
const commit = async (body: unknown, client = pm) => client.post(projectUrl(), body);
const countOf = async (courseId: string) =>
  (await t.db.select().from(measurement).where(eq(measurement.courseId, courseId))).length;

async function checked(body: unknown) {
  const res = await check(body);
  expect(res.status, await res.clone().text()).toBe(200);
  return MeasurementImportCheckSchema.parse(await res.json());
}

describe("importing a CSV file of school absence", () => {
  it("checks, then imports every row in one go: Danish dates, decimal comma, BOM, periods; syncs tasks and audits", async () => {
    const a = await courseWithCpr();
    const b = await courseWithCpr();
    // The baseline window closed on 2026-02-16 without a measurement: a task is waiting.
    await t.db.transaction((tx) => syncMeasurementTasks(tx, a.courseId, "2026-03-02" as CalendarDate));
    const csv = csvOf([
      [a.child, "20-01-2026", "12,5", "01-11-2025", "31-12-2025"],
      [a.child, "25.02.2026", "8", "01.01.2026", "20.02.2026"],
      [b.child, "2026-01-21", "30.0", "2025-11-01", "2025-12-31"],
    ]);
    const dry = await checked(input(csv));
    expect(dry).toMatchObject({
      delimiter: ";",
      rowCount: 3,
      goodRowCount: 3,
      badRowCount: 0,
      courseCount: 2,
      problems: [],
      previousImport: null,
    });
    expect(await countOf(a.courseId)).toBe(0);

    const res = await commit(input(csv));
    expect(res.status, await res.clone().text()).toBe(201);
    const result = MeasurementImportResultSchema.parse(await res.json());
    expect(result).toMatchObject({
      status: "imported",
      addedCount: 3,
      courseCount: 2,
      import: {
        fileName: "fravaer-skolen.csv",
        instrumentName: "Skolefravær",
        rowCount: 3,
        importedByName: "Pia Projektleder",
      },
    });
    const rows = await t.db
      .select()
      .from(measurement)
      .where(eq(measurement.courseId, a.courseId))
      .orderBy(measurement.measuredOn);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      personId: a.childId,
      instrumentCode: "school-absence",
      instrumentVersion: 1,
      measuredOn: "2026-01-20",
      periodFrom: "2025-11-01",
      periodTo: "2025-12-31",
      respondent: "school",
      values: { "absence-pct": 12.5 },
      scored: { "absence-pct": 12.5 },
      bands: { "absence-pct": "concerning" },
      importId: result.import.id,
      recordedBy: t.seed.userIds["projektleder@vejle.demo"],
    });
    expect(rows[1]!.values).toEqual({ "absence-pct": 8, "unauthorised-absence-pct": null });
    expect(await countOf(b.courseId)).toBe(1);

    const [task] = await t.db
      .select()
      .from(caseTask)
      .where(
        and(eq(caseTask.courseId, a.courseId), eq(caseTask.key, "measurement|school-absence|baseline|0")),
      );
    expect(task?.doneAt).not.toBeNull();

    const events = await t.db
      .select({ type: auditEvent.eventType, payload: auditEvent.payload, projectId: auditEvent.projectId })
      .from(auditEvent)
      .where(sql`${auditEvent.payload}->>'fileSha256' = ${dry.fileSha256}`)
      .orderBy(auditEvent.seq);
    expect(events).toEqual([
      {
        type: "measurement.import_checked",
        projectId: t.seed.projectIds.vejle,
        payload: { instrumentCode: "school-absence", rows: 3, badRows: 0, fileSha256: dry.fileSha256 },
      },
      {
        type: "measurement.imported",
        projectId: t.seed.projectIds.vejle,
        payload: {
          importId: result.import.id,
          instrumentCode: "school-absence",
          rows: 3,
          fileSha256: dry.fileSha256,
        },
      },
    ]);
    expect(JSON.stringify(events)).not.toContain(a.child.slice(7));
  });

  it("imports the same file only once: the second time adds nothing and says when and by whom", async () => {
    const a = await courseWithCpr();
    const csv = csvOf([[a.child, "20-01-2026", "4", "", ""]]);
    expect((await commit(input(csv))).status).toBe(201);
    // Saved again without the byte-order mark: the same file.
    const again = await commit(input(csv.slice(1), { fileName: "kopi.csv" }));
    expect(again.status).toBe(200);
    const result = MeasurementImportResultSchema.parse(await again.json());
    expect(result).toMatchObject({
      status: "already-imported",
      addedCount: 0,
      import: {
        fileName: "fravaer-skolen.csv",
        importedByName: "Pia Projektleder",
        importedAt: "2026-03-02T09:00:00.000Z",
      },
    });
    expect(await countOf(a.courseId)).toBe(1);
    const dry = await checked(input(csv));
    expect(dry.previousImport).toMatchObject({ id: result.import.id, importedByName: "Pia Projektleder" });
    expect(dry.goodRowCount).toBe(0);
  });

  it("reads `,` files with quoted decimal commas, dd.mm.yyyy, and a CPR number whose leading zero a spreadsheet dropped", async () => {
    const a = await courseWithCpr();
    const header = ["Cpr", "Måledato", "Fraværsprocent", "Ulovligt fravær %", "Bemærkning"];
    const csv = csvOf(
      [
        [
          a.child.replace(/^0/, ""),
          "2.2.2026",
          '"17,5"',
          '"2,5"',
          '"Opgjort af skolen, ""1. kvartal"" {a\\b}"',
        ],
      ],
      header,
      ",",
    );
    const mapping = {
      Cpr: "cpr",
      Måledato: "measuredOn",
      Fraværsprocent: "absence-pct",
      "Ulovligt fravær %": "unauthorised-absence-pct",
      Bemærkning: "note",
    };
    // The fixture's child was born 1 September: its CPR number starts 01…, which a spreadsheet turns into 1….
    expect(a.child.startsWith("0")).toBe(true);
    const dry = await checked(input(csv, { mapping }));
    expect(dry).toMatchObject({ delimiter: ",", goodRowCount: 1, badRowCount: 0 });
    expect((await commit(input(csv, { mapping }))).status).toBe(201);
    const [row] = await t.db.select().from(measurement).where(eq(measurement.courseId, a.courseId));
    expect(row).toMatchObject({
      measuredOn: "2026-02-02",
      values: { "absence-pct": 17.5, "unauthorised-absence-pct": 2.5 },
      note: 'Opgjort af skolen, "1. kvartal" {a\\b}',
    });
  });

  it("finds people by person id too, and fills a family instrument through a parent's CPR number", async () => {
    const a = await courseWithCpr();
    const byId = csvOf([[a.childId, "2026-01-20", "3"]], ["Person-id", "Dato", "Fravær"]);
    const mapping = { "Person-id": "personId", Dato: "measuredOn", Fravær: "absence-pct" };
    expect((await commit(input(byId, { mapping }))).status).toBe(201);
    const hours = csvOf([[a.parent, "2026-01-20", "6,5"]], ["CPR", "Dato", "Støttetimer"]);
    const res = await commit(
      input(hours, {
        instrumentCode: "support-hours",
        mapping: { CPR: "cpr", Dato: "measuredOn", Støttetimer: "hours-per-week" },
      }),
    );
    expect(res.status, await res.clone().text()).toBe(201);
    const rows = await t.db.select().from(measurement).where(eq(measurement.courseId, a.courseId));
    expect(rows.map((r) => [r.instrumentCode, r.personId, r.respondent]).sort()).toEqual([
      ["school-absence", a.childId, "school"],
      ["support-hours", null, "caseworker"],
    ]);
  });

  it("lists the imports with file, instrument, rows, who and when, and the importable instruments", async () => {
    const res = await pm.get(projectUrl());
    expect(res.status).toBe(200);
    const overview = MeasurementImportOverviewSchema.parse(await res.json());
    const absence = overview.instruments.find((i) => i.code === "school-absence");
    expect(absence).toMatchObject({ subject: "person", defaultRespondent: "school", version: 1 });
    expect(absence?.items.map((i) => i.code)).toEqual(["absence-pct", "unauthorised-absence-pct"]);
    expect(overview.instruments.some((i) => i.code === "goal-attainment")).toBe(false);
    expect(overview.imports.length).toBeGreaterThanOrEqual(4);
    expect(overview.imports[0]).toMatchObject({
      importedByName: "Pia Projektleder",
      isOwnOrganisation: true,
    });
  });
});

describe("bad input: every bad row is listed with its row, column and reason, and nothing is committed", () => {
  it("values out of range, unknown person, future date, date before the course, unreadable cells, short rows", async () => {
    const a = await courseWithCpr();
    const unknown = dashed(demoCpr("2014-05-05" as CalendarDate, "female", 77));
    const csv = csvOf([
      [a.child, "20-01-2026", "130", "", ""], // row 2: out of range
      [unknown, "20-01-2026", "5", "", ""], // row 3: nobody in the project
      [a.child, "03-03-2026", "5", "", ""], // row 4: tomorrow
      [a.child, "04-01-2026", "5", "", ""], // row 5: the day before the course started
      ["", "", "", "", ""], // an empty line: skipped, but counted in the row numbers
      ["1234", "31-02-2026", "mange", "", ""], // row 7: three unreadable cells
      [a.child, "25-02-2026", "5", "01-01-2026", ""], // row 8: half a period
      [a.child, "25-02-2026"], // row 9: too few fields
      [a.parent, "25-02-2026", "5", "", ""], // row 10: a parent has no school absence
      [a.child, "25-02-2026", "12,5", "", ""], // row 11: good
    ]);
    const dry = await checked(input(csv));
    expect(dry).toMatchObject({ rowCount: 9, goodRowCount: 1, badRowCount: 8, isTruncated: false });
    const at = (row: number) => dry.problems.filter((p) => p.row === row).map((p) => [p.column, p.message]);
    expect(at(2)).toEqual([["Fravær %", "Skal være mellem 0 og 100 %"]]);
    expect(at(3)).toEqual([["CPR-nr.", "Personen findes ikke i projektet"]]);
    expect(at(4)).toEqual([["Dato", "Datoen ligger i fremtiden"]]);
    expect(at(5)).toEqual([["Dato", expect.stringMatching(/før forløbets start/)]]);
    expect(at(6)).toEqual([]);
    expect(at(7)).toEqual([
      ["CPR-nr.", expect.stringMatching(/10 cifre/)],
      ["Dato", expect.stringMatching(/kan ikke læses/)],
      ["Fravær %", "Skal være et tal (fx 12,5)"],
    ]);
    expect(at(8)).toEqual([["Periode til", expect.stringMatching(/både periodens start og slutning/)]]);
    expect(at(9)).toEqual([[null, expect.stringMatching(/Rækken har 2 felter, men overskriften har 5/)]]);
    expect(at(10)).toEqual([["CPR-nr.", "Skolefravær måles kun for børn"]]);
    // The CPR number helps find the row, masked.
    expect(dry.problems.find((p) => p.row === 2)?.cprMasked).toBe(`${a.child.slice(0, 6)}-****`);
    expect(dry.problems.find((p) => p.row === 7)?.cprMasked).toBeNull();
    expect(JSON.stringify(dry)).not.toContain(a.child.slice(7));

    const res = await commit(input(csv));
    expect(res.status).toBe(400);
    const body = ErrorResponseSchema.parse(await res.json());
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.message).toBe("8 rækker har fejl, så intet er importeret. Ret filen, og prøv igen.");
    expect(body.error.details).toContainEqual({
      path: "rows.2.Fravær %",
      message: "Skal være mellem 0 og 100 %",
    });
    expect(await countOf(a.courseId)).toBe(0);
    expect(
      await t.db.select().from(measurementImport).where(eq(measurementImport.fileSha256, dry.fileSha256)),
    ).toEqual([]);
  });

  it("a duplicate for the same due slot: against a stored measurement, and between two rows of the file", async () => {
    const a = await courseWithCpr();
    const stored = await pm.post(`/api/courses/${a.courseId}/measurements`, {
      instrumentCode: "school-absence",
      subject: { kind: "person", personId: a.childId },
      measuredOn: "2026-01-10",
      respondent: "school",
      values: { "absence-pct": 9 },
    });
    expect(stored.status).toBe(201);
    const b = await courseWithCpr();
    const dry = await checked(
      input(
        csvOf([
          [a.child, "2026-01-30", "7", "", ""], // row 2: a's baseline slot is taken in the database
          [b.child, "2026-01-20", "7", "", ""], // row 3: fills b's baseline
          [b.child, "2026-02-10", "6", "", ""], // row 4: b's baseline again (row 3)
          [b.child, "2026-01-20", "6", "", ""], // row 5: the same day as row 3
        ]),
      ),
    );
    const at = (row: number) => dry.problems.filter((p) => p.row === row).map((p) => p.message);
    expect(at(2)).toEqual([
      expect.stringMatching(/Nulpunktsmålingen af Skolefravær .* er allerede registreret den 10\.1\.2026/),
    ]);
    expect(at(3)).toEqual([]);
    expect(at(4)).toEqual(["Række 3 har allerede en måling for samme person i samme måleperiode"]);
    expect(at(5)).toEqual(["Række 3 har allerede en måling for samme person samme dag"]);
    expect(dry.goodRowCount).toBe(1);
  });

  it("refuses a file that cannot be an import at all: no rows, a bad mapping, an unknown instrument", async () => {
    const a = await courseWithCpr();
    const csv = csvOf([[a.child, "2026-01-20", "7", "", ""]]);
    const cases: [unknown, RegExp][] = [
      [input(csvOf([])), /ingen rækker/],
      [input(csv, { mapping: { ...MAPPING, "CPR-nr.": undefined } }), /CPR-nummeret/],
      [input(csv, { mapping: { ...MAPPING, Dato: "note" } }), /datoen for målingen/],
      [input(csv, { mapping: { ...MAPPING, Skole: "note" } }), /«Skole» findes ikke i filen/],
      [
        input(csv, { mapping: { ...MAPPING, "Periode til": "absence-pct" } }),
        /Både «Fravær %» og «Periode til»/,
      ],
      [input(csv, { mapping: { ...MAPPING, "Fravær %": "iq" } }), /Ukendt felt/],
      [input(csv, { instrumentCode: "goal-attainment" }), /kan ikke importeres/],
      [input(csv, { instrumentCode: "iq-test" }), /kan ikke importeres/],
    ];
    for (const [body, message] of cases) {
      for (const res of [await check(body), await commit(body)]) {
        expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(400);
        expect(ErrorResponseSchema.parse(await res.json()).error.message).toMatch(message);
      }
    }
    expect(await countOf(a.courseId)).toBe(0);
  });

  it("takes a file over the API's 1 MB limit, and refuses one over 20 MB with 413", async () => {
    const a = await courseWithCpr();
    // Over 1 MB: one good row and a long tail of rows for nobody in the project.
    const unknown = dashed(demoCpr("2014-05-05" as CalendarDate, "female", 78));
    const filler = Array.from({ length: 45_000 }, () => [unknown, "2026-01-20", "5", "", ""]);
    const big = csvOf([[a.child, "2026-01-20", "5", "", ""], ...filler]);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const dry = await checked(input(big));
    expect(dry).toMatchObject({ rowCount: 45_001, goodRowCount: 1, badRowCount: 45_000, isTruncated: true });
    expect(dry.problems).toHaveLength(5_000);
    const huge = JSON.stringify(input("x".repeat(21 * 1024 * 1024)));
    const res = await pm.call("POST", `${projectUrl()}/check`, huge);
    expect(res.status).toBe(413);
    // Other routes keep the 1 MB limit.
    const other = await pm.post(`/api/courses/${a.courseId}/measurements`, { note: "x".repeat(1_100_000) });
    expect(other.status).toBe(413);
  });
});

describe("who may import", () => {
  it("Rødovre's project manager reaches nothing of Vejle's project; the investor holds no permission", async () => {
    const a = await courseWithCpr();
    const body = input(csvOf([[a.child, "2026-01-20", "5", "", ""]]));
    const rodovre = await t.login("sagsbehandler@rodovre.demo");
    expect((await rodovre.get(projectUrl())).status).toBe(404);
    expect((await check(body, rodovre)).status).toBe(404);
    expect((await commit(body, rodovre)).status).toBe(404);
    const investor = await t.login("investor@fond.demo");
    expect((await investor.get(projectUrl())).status).toBe(404);
    expect((await commit(body, investor)).status).toBe(404);
    expect(await countOf(a.courseId)).toBe(0);
  });

  it("a caseworker imports for her own courses; a course she is not on reads as a person not in the project", async () => {
    const mine = await courseWithCpr();
    const jonasId = t.seed.userIds["sagsbehandler2@vejle.demo"]!;
    const other = await courseWithCpr({ caseworkerIds: [jonasId] });
    const sara = await t.login("sagsbehandler@vejle.demo");
    const csv = csvOf([
      [mine.child, "2026-01-20", "5", "", ""],
      [other.child, "2026-01-20", "5", "", ""],
    ]);
    const res = await check(input(csv), sara);
    const dry = MeasurementImportCheckSchema.parse(await res.json());
    expect(dry.goodRowCount).toBe(1);
    expect(dry.problems).toEqual([
      {
        row: 3,
        column: "CPR-nr.",
        cprMasked: `${other.child.slice(0, 6)}-****`,
        message: "Personen findes ikke i projektet",
      },
    ]);
    expect((await commit(input(csv), sara)).status).toBe(400);
  });
});

describe("rows never reach the log", () => {
  it("logs the request, not a CPR number, a value or a note", async () => {
    const a = await courseWithCpr();
    const lines: string[] = [];
    const spies = [
      vi.spyOn(console, "log").mockImplementation((...args) => void lines.push(args.join(" "))),
      vi.spyOn(console, "error").mockImplementation((...args) => void lines.push(args.join(" "))),
    ];
    setLogLevel("info");
    try {
      const csv = csvOf([
        [a.child, "2026-01-20", "130", "", ""],
        [a.child, "2026-01-21", "13,25", "", ""],
      ]);
      await check(input(csv));
      await commit(input(csv));
    } finally {
      setLogLevel("silent");
      for (const s of spies) s.mockRestore();
    }
    expect(lines.length).toBeGreaterThan(0);
    const log = lines.join("\n");
    expect(log).not.toContain(a.child.slice(0, 6));
    expect(log).not.toContain("13,25");
    expect(log).not.toContain("Fravær");
  });
});

// Last: a second version of school absence changes what every later import is checked against.
describe("instrument versions", () => {
  it("a new version of the instrument that is not valid yet on the day measured", async () => {
    const a = await courseWithCpr();
    const [absence] = await t.db
      .select()
      .from(instrument)
      .where(and(eq(instrument.projectId, t.seed.projectIds.vejle), eq(instrument.code, "school-absence")));
    const [v1] = await t.db
      .select()
      .from(instrumentVersion)
      .where(and(eq(instrumentVersion.instrumentId, absence!.id), eq(instrumentVersion.version, 1)));
    await t.db.insert(instrumentVersion).values({
      instrumentId: absence!.id,
      projectId: t.seed.projectIds.vejle,
      version: 2,
      definition: { ...v1!.definition, version: 2, validFrom: "2026-02-01" as CalendarDate },
    });
    const dry = await checked(input(csvOf([[a.child, "2026-01-20", "5", "", ""]])));
    expect(dry.problems.map((p) => [p.column, p.message])).toEqual([
      ["Dato", "Version 2 af Skolefravær gælder først fra 1.2.2026"],
    ]);
  });
});
