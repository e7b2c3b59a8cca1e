import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../../../test/test-app.js";
import { auditEvent, course, personIdentifier, referral, track } from "../../db/schema/index.js";

let t: TestApp;
let caseworker: TestClient;
let leader: TestClient;
let trackId: string;
beforeAll(async () => {
  t = await createTestApp();
  caseworker = await t.login("sagsbehandler@vejle.demo");
  leader = await t.login("leder@vejle.demo");
  const [tr] = await t.db
    .select()
    .from(track)
    .where(and(eq(track.projectId, t.seed.projectIds.vejle), eq(track.code, "ordinary")));
  trackId = tr!.id;
});
afterAll(() => t.close());

const parent = (over: Record<string, unknown> = {}) => ({
  firstName: "Hodan",
  lastName: "Warsame",
  birthDate: "1986-05-14",
  sex: "female",
  languages: ["so"],
  danishProficiency: "basic",
  interpreterNeeded: true,
  cpr: "140586-1234",
  ...over,
});
const child = {
  firstName: "Yusuf",
  lastName: "Warsame",
  birthDate: "2014-02-03",
  sex: "male",
  languages: ["so", "da"],
  danishProficiency: "fluent",
  schoolOrDayCare: "Nørremarkskolen",
};

async function submit(client: TestClient, familyName: string, parentOver: Record<string, unknown> = {}) {
  return client.post("/api/referrals", {
    newFamily: {
      name: familyName,
      members: [
        { role: "parent", fromOn: "2020-01-01", person: parent(parentOver) },
        { role: "child", fromOn: "2020-01-01", person: child },
      ],
    },
    projectId: t.seed.projectIds.vejle,
    trackId,
    reason: "Skolefravær og mistrivsel; familien ønsker hjælp på somali",
    legalBasis: "Barnets lov § 32",
    referredOn: "2026-02-20",
  });
}

describe("referral → consent → acceptance → course", () => {
  let referralId: string;
  let familyId: string;

  it("submits a referral with a new family; the CPR number is sealed and shown masked", async () => {
    const res = await submit(caseworker, "Familien Warsame");
    expect(res.status).toBe(201);
    const r = await res.json();
    referralId = r.id;
    familyId = r.familyId;
    expect(r.state).toBe("submitted");
    expect(r.caseworker.id).toBe(caseworker.userId);
    expect(r.childIds).toHaveLength(1);
    expect(JSON.stringify(r)).not.toContain("1234");

    const fam = await (await caseworker.get(`/api/families/${familyId}`)).json();
    const hodan = fam.members.find((m: { role: string }) => m.role === "parent").person;
    expect(hodan.cprMasked).toBe("140586-****");
    const [stored] = await t.db
      .select()
      .from(personIdentifier)
      .where(eq(personIdentifier.personId, hodan.id));
    expect(stored!.cprSealed).toMatch(/^v1:/);
    expect(stored!.cprSealed).not.toContain("1405861234");
  });

  it("refuses the same CPR number twice in the municipality, and warns on the same name and birth date", async () => {
    const same = await submit(caseworker, "Familien Dublet");
    expect(same.status).toBe(409);
    expect((await same.json()).error.message).toContain("samme CPR-nummer");
    const similar = await submit(caseworker, "Familien Dublet", { cpr: undefined });
    expect(similar.status).toBe(409);
    expect((await similar.json()).error.message).toContain("samme navn og fødselsdato");
    const check = await caseworker.post("/api/persons/duplicate-check", {
      firstName: "Hodan",
      lastName: "Warsame",
      birthDate: "1986-05-14",
    });
    expect((await check.json()).warnings[0].match).toBe("same-name-and-birth-date");
  });

  it("refuses an invalid CPR number with a message at the field, and writes nothing", async () => {
    const res = await submit(caseworker, "Familien Fejl", { firstName: "Test", cpr: "311399-1234" });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.details[0].path).toBe("newFamily.members.0.cpr");
    const list = await (await leader.get("/api/families?q=Fejl")).json();
    expect(list.total).toBe(0);
  });

  it("refuses acceptance without consent, then accepts once consent is recorded", async () => {
    let r = await (await caseworker.get(`/api/referrals/${referralId}`)).json();
    const screened = await caseworker.post(`/api/referrals/${referralId}/transitions`, {
      event: "start-screening",
      on: "2026-02-24",
      version: r.version,
    });
    expect(screened.status).toBe(200);
    r = await screened.json();
    expect(r.acceptance.canAccept).toBe(false);

    const blocked = await caseworker.post(`/api/referrals/${referralId}/transitions`, {
      event: "accept",
      on: "2026-02-27",
      version: r.version,
    });
    expect(blocked.status).toBe(409);
    expect((await blocked.json()).error.message).toContain("samtykke");
    expect(await t.db.select().from(course).where(eq(course.referralId, referralId))).toHaveLength(0);

    for (const purpose of ["treatment", "sharing-with-provider", "evaluation"]) {
      const c = await caseworker.post(`/api/families/${familyId}/consents`, {
        purpose,
        isGiven: true,
        recordedOn: "2026-02-26",
      });
      expect(c.status).toBe(200);
    }
    r = await (await caseworker.get(`/api/referrals/${referralId}`)).json();
    expect(r.acceptance).toEqual({ canAccept: true, problems: [] });
    const accepted = await caseworker.post(`/api/referrals/${referralId}/transitions`, {
      event: "accept",
      on: "2026-02-27",
      version: r.version,
      consultantUserId: t.seed.userIds["konsulent@modersmaal.demo"],
    });
    expect(accepted.status).toBe(200);
    const done = await accepted.json();
    expect(done.state).toBe("accepted");
    expect(done.courseId).toBeTruthy();

    const c = await (await caseworker.get(`/api/courses/${done.courseId}`)).json();
    expect(c.state).toBe("accepted");
    expect(c.team.map((m: { role: string }) => m.role).sort()).toEqual(["caseworker", "consultant"]);
    expect(c.transitions.map((x: { toState: string }) => x.toState)).toEqual(["accepted"]);
  });

  it("moves the course by its state machine; an illegal move and a missing reason are refused", async () => {
    const fam = await (await caseworker.get(`/api/families/${familyId}`)).json();
    const courseId = fam.courses[0].id;
    let c = await (await caseworker.get(`/api/courses/${courseId}`)).json();
    const illegal = await caseworker.post(`/api/courses/${courseId}/transitions`, {
      event: "close",
      on: "2026-03-01",
      version: c.version,
    });
    expect(illegal.status).toBe(409);
    expect((await illegal.json()).error.message).toMatch(/ikke mulig/);

    const baseline = await caseworker.post(`/api/courses/${courseId}/transitions`, {
      event: c.allowedEvents[0].event,
      on: "2026-03-01",
      version: c.version,
    });
    expect(baseline.status).toBe(200);
    c = await baseline.json();
    expect(c.state).toBe("baseline");

    const endEarly = c.allowedEvents.find((e: { isReasonRequired: boolean }) => e.isReasonRequired);
    const noReason = await caseworker.post(`/api/courses/${courseId}/transitions`, {
      event: endEarly.event,
      on: "2026-03-02",
      version: c.version,
    });
    expect(noReason.status).toBe(400);
    const stale = await caseworker.post(`/api/courses/${courseId}/transitions`, {
      event: "start-treatment",
      on: "2026-03-02",
      version: c.version - 1,
    });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe("STALE_VERSION");
  });

  it("reveals the CPR number only with a reason, and audits it with that reason", async () => {
    const fam = await (await caseworker.get(`/api/families/${familyId}`)).json();
    const hodan = fam.members.find((m: { role: string }) => m.role === "parent").person;
    const missing = await caseworker.post(`/api/persons/${hodan.id}/cpr-reveal`, { reason: "" });
    expect(missing.status).toBe(400);
    const res = await caseworker.post(`/api/persons/${hodan.id}/cpr-reveal`, {
      reason: "Opslag i skolens system",
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await res.json()).cpr).toBe("140586-1234");
    const [row] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.eventType, "cpr.revealed"), eq(auditEvent.subjectId, hodan.id)));
    expect(row!.purpose).toBe("Opslag i skolens system");
    expect(JSON.stringify(row!.payload)).not.toContain("1234");
  });

  it("audits every read of the family, the person, the referral and the course with a purpose", async () => {
    const reads = await t.db.select().from(auditEvent).where(eq(auditEvent.actorUserId, caseworker.userId));
    const types = new Set(reads.map((r) => r.eventType));
    for (const type of ["family.viewed", "referral.viewed", "course.viewed"]) expect(types).toContain(type);
    const viewed = reads.filter((r) => r.eventType === "family.viewed");
    expect(viewed.every((r) => r.purpose === "sagsbehandling")).toBe(true);
    const leaderRead = await leader.get(`/api/families/${familyId}`);
    expect(leaderRead.status).toBe(200);
    const [l] = await t.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.actorUserId, leader.userId), eq(auditEvent.eventType, "family.viewed")));
    expect(l!.purpose).toBe("ledelse");
  });

  it("hides the family from Rødovre, the investor, the evaluator and a Vejle caseworker not on the team", async () => {
    const fam = await (await caseworker.get(`/api/families/${familyId}`)).json();
    const courseId = fam.courses[0].id;
    const personId = fam.members[0].person.id;
    for (const email of [
      "sagsbehandler@rodovre.demo",
      "investor@fond.demo",
      "evaluator@evaluering.demo",
      "sagsbehandler2@vejle.demo",
    ]) {
      if (!t.seed.userIds[email]) continue;
      const other = await t.login(email);
      for (const path of [
        `/api/families/${familyId}`,
        `/api/courses/${courseId}`,
        `/api/referrals/${referralId}`,
        `/api/persons/${personId}`,
      ]) {
        const res = await other.get(path);
        expect([403, 404], `${email} ${path}`).toContain(res.status);
        expect(JSON.stringify(await res.json())).not.toContain("Warsame");
      }
      const list = await other.get("/api/families?q=Warsame");
      if (list.status === 200) expect((await list.json()).total).toBe(0);
      else expect(list.status).toBe(404);
    }
  });

  it("lists the family for the team leader with filters, and finds it by a member's name", async () => {
    const byMember = await (await leader.get("/api/families?q=Yusuf")).json();
    expect(byMember.items.map((f: { name: string }) => f.name)).toContain("Familien Warsame");
    const item = byMember.items.find((f: { name: string }) => f.name === "Familien Warsame");
    expect(item.courseState).toBe("baseline");
    expect(item.languages).toContain("so");
    expect(item.caseworkers[0].id).toBe(caseworker.userId);
    const byOther = await (await leader.get(`/api/families?q=Warsame&caseworkerId=${leader.userId}`)).json();
    expect(byOther.total).toBe(0);
    const [r] = await t.db.select().from(referral).where(eq(referral.id, referralId));
    expect(r!.state).toBe("accepted");
  });
});
