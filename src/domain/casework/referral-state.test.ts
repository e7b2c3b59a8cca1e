import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { calendarDate } from "../calendar-date.js";
import type { ConsentRecord } from "./consent.js";
import {
  checkReferralAcceptance,
  listAllowedReferralEvents,
  REFERRAL_EVENTS,
  REFERRAL_MACHINE,
  type ReferralAcceptanceInput,
  ReferralInputSchema,
  type ReferralStatus,
  submitReferral,
  transitionReferral,
} from "./referral-state.js";

const d = calendarDate;

describe("transitionReferral", () => {
  it("screens, wait-lists with a reason, re-screens and accepts", () => {
    let status: ReferralStatus = submitReferral(d("2024-03-01"));
    for (const [event, at, reason] of [
      ["start-screening", "2024-03-04", undefined],
      ["wait-list", "2024-03-10", "Sporet er fuldt"],
      ["start-screening", "2024-05-01", undefined],
      ["accept", "2024-05-03", undefined],
    ] as const) {
      const r = transitionReferral(status, event, { at: d(at), reason });
      expect(r.ok).toBe(true);
      if (r.ok) status = r.status;
    }
    expect(status).toEqual({ state: "accepted", since: "2024-05-03" });
  });

  it("requires a reason to reject or wait-list", () => {
    const screening: ReferralStatus = { state: "screening", since: d("2024-03-04") };
    expect(transitionReferral(screening, "reject", { at: d("2024-03-05") })).toEqual({
      ok: false,
      code: "reason-required",
      message: 'Handlingen "Afvis" kræver en begrundelse.',
    });
    expect(transitionReferral(screening, "wait-list", { at: d("2024-03-05") })).toMatchObject({ ok: false });
    expect(
      transitionReferral(screening, "reject", { at: d("2024-03-05"), reason: "Uden for målgruppen" }),
    ).toMatchObject({
      ok: true,
      status: { state: "rejected" },
    });
  });

  it("accepts from the waiting list directly, but not a referral that has not been screened", () => {
    expect(
      transitionReferral({ state: "wait-listed", since: d("2024-03-10") }, "accept", { at: d("2024-04-01") })
        .ok,
    ).toBe(true);
    const r = transitionReferral(submitReferral(d("2024-03-01")), "accept", { at: d("2024-03-02") });
    expect(r).toMatchObject({ ok: false, code: "not-allowed" });
    if (!r.ok) expect(r.message).toContain('Mulige handlinger: "Start screening"');
  });

  it("rejected and accepted are final", () => {
    expect(listAllowedReferralEvents("rejected")).toEqual([]);
    expect(listAllowedReferralEvents("accepted")).toEqual([]);
    expect(listAllowedReferralEvents("wait-listed").map((e) => e.event)).toEqual([
      "start-screening",
      "accept",
    ]);
  });

  it("validates a new referral's input in Danish", () => {
    const r = ReferralInputSchema.safeParse({
      familyId: "f1",
      trackId: "ordinary",
      reason: "Bekymring for trivsel",
      legalBasis: "Barnets lov § 32",
      childPersonIds: [],
      referredOn: "2024-03-01",
    });
    expect(r.error?.issues[0]?.message).toBe("Vælg mindst ét barn, henvisningen gælder");
  });

  it("only ever moves along the machine's rules", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...REFERRAL_EVENTS), { maxLength: 20 }), (events) => {
        let status = submitReferral(d("2024-01-01"));
        for (const event of events) {
          const r = transitionReferral(status, event, { at: d("2024-01-02"), reason: "x" });
          expect(r.ok).toBe(REFERRAL_MACHINE.rules[event].from.includes(status.state));
          if (r.ok) status = r.status;
        }
      }),
    );
  });
});

describe("checkReferralAcceptance", () => {
  const given = (personId: string, purpose: ConsentRecord["purpose"], on = "2024-03-05"): ConsentRecord => ({
    subject: { kind: "person", personId },
    purpose,
    status: "given",
    on: d(on),
  });
  const allConsents = ["p1", "p2"].flatMap((p) =>
    (["treatment", "sharing-with-provider", "evaluation"] as const).map((purpose) => given(p, purpose)),
  );
  const base: ReferralAcceptanceInput = {
    status: { state: "screening", since: d("2024-03-04") },
    familyId: "f1",
    consentGiverIds: ["p1", "p2"],
    consents: allConsents,
    track: { name: "Intensiv familiebehandling", capacity: 5, openCourses: 4 },
    asOf: d("2024-03-10"),
  };

  it("accepts when consents are in force and there is a free place", () => {
    expect(checkReferralAcceptance(base)).toEqual({ canAccept: true, problems: [] });
  });

  it("blocks when a parent has not consented to treatment", () => {
    const r = checkReferralAcceptance({
      ...base,
      consents: allConsents.filter(
        (c) => !(c.purpose === "treatment" && c.subject.kind === "person" && c.subject.personId === "p2"),
      ),
    });
    expect(r).toEqual({
      canAccept: false,
      problems: [
        {
          code: "consent-missing",
          severity: "blocking",
          purpose: "treatment",
          personIds: ["p2"],
          message: "Der mangler samtykke til behandling (1 af 2 personer).",
        },
      ],
    });
  });

  it("blocks when consent to sharing with the provider was withdrawn; same day the withdrawal wins", () => {
    const withdrawn: ConsentRecord = {
      subject: { kind: "person", personId: "p1" },
      purpose: "sharing-with-provider",
      status: "withdrawn",
      on: d("2024-03-05"),
    };
    const r = checkReferralAcceptance({ ...base, consents: [...allConsents, withdrawn] });
    expect(r.canAccept).toBe(false);
    expect(r.problems).toEqual([
      expect.objectContaining({
        code: "consent-withdrawn",
        message: "Samtykket til deling af oplysninger med leverandøren er trukket tilbage (1 af 2 personer).",
      }),
    ]);
  });

  it("ignores consents dated after the day of acceptance", () => {
    const r = checkReferralAcceptance({
      ...base,
      consents: allConsents.map((c) => (c.purpose === "treatment" ? { ...c, on: d("2024-03-11") } : c)),
    });
    expect(r.problems.map((p) => p.code)).toEqual(["consent-missing"]);
  });

  it("only warns when consent to evaluation is missing", () => {
    const r = checkReferralAcceptance({
      ...base,
      consents: allConsents.filter((c) => c.purpose !== "evaluation"),
    });
    expect(r.canAccept).toBe(true);
    expect(r.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        purpose: "evaluation",
        message:
          "Der mangler samtykke til evaluering (2 af 2 personer). Henvisningen kan godkendes, men familien indgår ikke i evalueringen, før samtykket foreligger.",
      }),
    ]);
  });

  it("accepts a consent recorded for the whole family", () => {
    const family = (["treatment", "sharing-with-provider", "evaluation"] as const).map(
      (purpose): ConsentRecord => ({
        subject: { kind: "family", familyId: "f1" },
        purpose,
        status: "given",
        on: d("2024-03-01"),
      }),
    );
    expect(checkReferralAcceptance({ ...base, consents: family }).canAccept).toBe(true);
    expect(checkReferralAcceptance({ ...base, consentGiverIds: [], consents: family }).canAccept).toBe(true);
    const other = family.map((c) => ({ ...c, subject: { kind: "family" as const, familyId: "f2" } }));
    expect(
      checkReferralAcceptance({ ...base, consentGiverIds: [], consents: other }).problems[0]?.message,
    ).toBe("Familien har ikke givet samtykke til behandling.");
  });

  it("blocks when the track is full, and when the referral is not being screened", () => {
    const full = checkReferralAcceptance({ ...base, track: { ...base.track, openCourses: 5 } });
    expect(full.problems).toEqual([
      {
        code: "capacity-full",
        severity: "blocking",
        message:
          'Sporet "Intensiv familiebehandling" er fuldt: 5 af 5 pladser er optaget. Sæt henvisningen på venteliste, eller afslut et forløb først.',
      },
    ]);
    const submitted = checkReferralAcceptance({ ...base, status: submitReferral(d("2024-03-01")) });
    expect(submitted).toMatchObject({ canAccept: false, problems: [{ code: "state" }] });
  });

  it("canAccept is exactly 'no blocking problem', and a full track is always a problem", () => {
    fc.assert(
      fc.property(
        fc.subarray(allConsents),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 12 }),
        (consents, capacity, openCourses) => {
          const r = checkReferralAcceptance({
            ...base,
            consents,
            track: { name: "Almindelig", capacity, openCourses },
          });
          expect(r.canAccept).toBe(r.problems.every((p) => p.severity === "warning"));
          expect(r.problems.some((p) => p.code === "capacity-full")).toBe(openCourses >= capacity);
        },
      ),
    );
  });
});
