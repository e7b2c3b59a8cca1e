import { randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import { addDays, type CalendarDate, compareDates } from "../../domain/calendar-date.js";
import {
  type ConsentPurpose,
  type ConsentRecord,
  type CourseEvent,
  type CourseState,
  type CourseStatus,
  checkReferralAcceptance,
  danishDateOf,
  type FamilyPlan,
  isOutOfHours,
  parseCpr,
  type ReferralEvent,
  type ReferralStatus,
  startCourse,
  submitReferral,
  transitionCourse,
  transitionReferral,
  validateFamilyPlan,
} from "../../domain/casework/index.js";
import type { Tx } from "../db/client.js";
import {
  caseNote,
  caseTeamMember,
  consent,
  contact,
  course,
  courseReview,
  courseTransition,
  family,
  familyMembership,
  person,
  personIdentifier,
  planAgreement,
  planVersion,
  referral,
  referralTransition,
  track,
} from "../db/schema/index.js";
import { cprLookupHash, sealCpr } from "../modules/casework/cpr-store.js";
import {
  buildDemoContacts,
  buildDemoPlan,
  CASEWORK_DEMO_FAMILIES,
  CASEWORK_DEMO_USERS,
  DEFAULT_STEP_REASONS,
  type DemoFamily,
  danishInstant,
  daysBefore,
  demoBirthDate,
  demoCpr,
  LANGUAGE_NAMES,
  laterOf,
} from "./casework-demo-data.js";
import type { DemoOrgKey } from "./demo-data.js";

/** What the case-work seed needs from the rest of the seed. */
export interface CaseworkSeedInput {
  readonly orgIds: Readonly<Record<DemoOrgKey, string>>;
  readonly projectIds: Readonly<Record<"vejle" | "rodovre", string>>;
  /** User ids by e-mail. */
  readonly userIds: Readonly<Record<string, string>>;
  readonly now: Date;
  /** The application key that seals CPR numbers. */
  readonly appKey: Buffer;
}

/** The ids of the demo families and courses, by family key (e.g. "hassan"). */
export interface CaseworkSeedResult {
  readonly familyIds: Record<string, string>;
  /** Only families with a course (not the referrals still in the inbox). */
  readonly courseIds: Record<string, string>;
}

type Row<T extends { $inferInsert: unknown }> = T["$inferInsert"];

/**
 * Seeds the case-work demo (fictional families, their referrals, consents, courses with histories,
 * case teams, plans, contacts, notes and reviews) inside the caller's transaction, with bulk inserts.
 * Every course history is built with the domain's state machines and every plan is checked with
 * `validateFamilyPlan`; anything inconsistent throws (and the whole seed rolls back). Case tasks are
 * not written here: the service derives them.
 */
export async function seedCaseworkDemo(tx: Tx, input: CaseworkSeedInput): Promise<CaseworkSeedResult> {
  const { orgIds, projectIds, now, appKey } = input;
  const today = danishDateOf(now);
  const latest = new Date(now.getTime() - 60_000);
  /** A Danish wall-clock instant, never after the seed's `now`. */
  const at = (date: CalendarDate, hour: number, minute = 0, plusSeconds = 0): Date => {
    const instant = new Date(danishInstant(date, hour, minute).getTime() + plusSeconds * 1000);
    return instant > latest ? latest : instant;
  };
  const user = (email: string): string => {
    const id = input.userIds[email];
    if (!id) throw new Error(`Casework demo: no demo user ${email}`);
    return id;
  };
  const caseworkerId = (key: DemoFamily["caseworkers"][number]) => user(CASEWORK_DEMO_USERS[key]);
  const consultantId = user(CASEWORK_DEMO_USERS.consultant);

  const trackRows = await tx
    .select({ id: track.id, projectId: track.projectId, code: track.code })
    .from(track)
    .where(inArray(track.projectId, [projectIds.vejle, projectIds.rodovre]));
  const trackId = (projectId: string, code: string) => {
    const t = trackRows.find((r) => r.projectId === projectId && r.code === code);
    if (!t) throw new Error(`Casework demo: no track ${code}`);
    return t.id;
  };

  const rows = {
    person: [] as Row<typeof person>[],
    personIdentifier: [] as Row<typeof personIdentifier>[],
    family: [] as Row<typeof family>[],
    familyMembership: [] as Row<typeof familyMembership>[],
    referral: [] as Row<typeof referral>[],
    referralTransition: [] as Row<typeof referralTransition>[],
    consent: [] as Row<typeof consent>[],
    course: [] as Row<typeof course>[],
    courseTransition: [] as Row<typeof courseTransition>[],
    caseTeamMember: [] as Row<typeof caseTeamMember>[],
    planVersion: [] as Row<typeof planVersion>[],
    planAgreement: [] as Row<typeof planAgreement>[],
    contact: [] as Row<typeof contact>[],
    caseNote: [] as Row<typeof caseNote>[],
    courseReview: [] as Row<typeof courseReview>[],
  };
  const familyIds: Record<string, string> = {};
  const courseIds: Record<string, string> = {};
  const cprsByOrg = new Map<string, Set<string>>();
  let cprSerial = 0;

  for (const [fi, fam] of CASEWORK_DEMO_FAMILIES.entries()) {
    const orgId = orgIds[fam.municipality];
    const projectId = projectIds[fam.municipality];
    const isVejle = fam.municipality === "vejle";
    const familyId = randomUUID();
    familyIds[fam.key] = familyId;
    const c = fam.course;
    const acceptedOn = c ? daysBefore(today, c.acceptedDaysAgo) : undefined;
    const referredOn = acceptedOn
      ? addDays(acceptedOn, -24)
      : daysBefore(today, fam.pending!.referredDaysAgo);
    const screeningOn = acceptedOn
      ? addDays(referredOn, 4)
      : fam.pending!.screeningDaysAgo !== undefined
        ? daysBefore(today, fam.pending!.screeningDaysAgo)
        : undefined;
    const firstCaseworker = caseworkerId(fam.caseworkers[0]!);
    const handoverOn = fam.handoverDaysAgo !== undefined ? daysBefore(today, fam.handoverDaysAgo) : undefined;
    const currentCaseworker = handoverOn ? caseworkerId(fam.caseworkers[1]!) : firstCaseworker;
    const caseworkerOn = (date: CalendarDate) =>
      handoverOn && compareDates(date, handoverOn) >= 0 ? currentCaseworker : firstCaseworker;
    const screenerId = isVejle ? user(CASEWORK_DEMO_USERS.vejleScreener) : firstCaseworker;

    // The household.
    rows.family.push({
      id: familyId,
      organisationId: orgId,
      name: fam.name,
      createdBy: firstCaseworker,
      createdAt: at(referredOn, 9),
    });
    const personIds: Record<string, string> = {};
    for (const [mi, m] of fam.members.entries()) {
      const id = randomUUID();
      personIds[m.key] = id;
      const birthDate = demoBirthDate(today, m.age, fi * 10 + mi);
      rows.person.push({
        id,
        organisationId: orgId,
        firstName: m.firstName,
        lastName: m.lastName,
        birthDate,
        sex: m.sex,
        languages: [...m.languages],
        danishProficiency: m.danish,
        interpreterNeeded: m.interpreter,
        schoolOrDayCare: m.school,
        createdBy: firstCaseworker,
        createdAt: at(referredOn, 9, 5),
        updatedAt: at(referredOn, 9, 5),
      });
      rows.familyMembership.push({
        organisationId: orgId,
        familyId,
        personId: id,
        role: m.role,
        fromOn: laterOf(birthDate, addDays(referredOn, -730)),
        createdAt: at(referredOn, 9, 5),
      });
      if (m.hasCpr) {
        const used = cprsByOrg.get(orgId) ?? new Set<string>();
        cprsByOrg.set(orgId, used);
        let text = demoCpr(birthDate, m.sex, cprSerial++);
        while (used.has(text)) text = demoCpr(birthDate, m.sex, cprSerial++);
        used.add(text);
        const parsed = parseCpr(text, { asOf: today });
        if (!parsed.ok || parsed.birthDate !== birthDate || parsed.legalSex !== m.sex) {
          throw new Error(`Casework demo: invalid CPR number made for ${fam.key}/${m.key}`);
        }
        rows.personIdentifier.push({
          personId: id,
          organisationId: orgId,
          cprSealed: sealCpr(appKey, id, parsed.cpr),
          lookupHash: cprLookupHash(appKey, orgId, parsed.cpr),
          createdAt: at(referredOn, 9, 5),
        });
      }
    }
    const parents = fam.members.filter((m) => m.role === "parent").map((m) => personIds[m.key]!);
    const childIds = fam.members.filter((m) => m.role === "child").map((m) => personIds[m.key]!);

    // The referral and its history.
    const referralId = randomUUID();
    let rStatus: ReferralStatus = submitReferral(referredOn);
    rows.referralTransition.push({
      referralId,
      organisationId: orgId,
      event: "submit",
      fromState: null,
      toState: "submitted",
      onDate: referredOn,
      reason: "Henvist af Børn og Familie.",
      byUserId: firstCaseworker,
      createdAt: at(referredOn, 9, 30),
    });
    const referralSteps: [ReferralEvent, CalendarDate, string][] = [];
    if (screeningOn)
      referralSteps.push(["start-screening", screeningOn, "Screening af målgruppe og samtykker."]);
    if (acceptedOn) {
      referralSteps.push([
        "accept",
        acceptedOn,
        fam.track === "intensive"
          ? "Familien er i målgruppen for intensiv behandling: et barn viser alvorlige tegn på mistrivsel."
          : "Familien er i målgruppen, og samtykkerne foreligger.",
      ]);
    } else if (fam.pending?.state === "wait-listed") {
      referralSteps.push([
        "wait-list",
        daysBefore(today, fam.pending.waitListedDaysAgo!),
        fam.pending.waitListReason!,
      ]);
    }
    for (const [ri, [event, on, reason]] of referralSteps.entries()) {
      const r = transitionReferral(rStatus, event, { at: on, reason });
      if (!r.ok) throw new Error(`Casework demo: referral of ${fam.key}: ${r.message}`);
      rows.referralTransition.push({
        referralId,
        organisationId: orgId,
        event,
        fromState: r.transition.from,
        toState: r.transition.to,
        onDate: on,
        reason,
        byUserId: event === "start-screening" || event === "accept" ? screenerId : firstCaseworker,
        createdAt: at(on, 10, ri),
      });
      rStatus = r.status;
    }
    rows.referral.push({
      id: referralId,
      organisationId: orgId,
      projectId,
      trackId: trackId(projectId, fam.track),
      familyId,
      reason: fam.reason,
      legalBasis: isVejle
        ? "Barnets lov § 32, stk. 1, nr. 5 (familiebehandling)"
        : "Barnets lov § 32, stk. 1, nr. 3 (fast kontaktperson for hele familien) og lov om en aktiv beskæftigelsesindsats",
      childIds,
      referredOn,
      state: rStatus.state,
      stateSince: rStatus.since,
      caseworkerUserId: currentCaseworker,
      version: 1 + referralSteps.length,
      createdBy: firstCaseworker,
      createdAt: at(referredOn, 9, 30),
    });

    // Consents, by every parent.
    const purposes: ConsentPurpose[] = c
      ? [
          "treatment",
          "sharing-with-provider",
          ...(fam.evaluationConsent === "missing" ? [] : ["evaluation" as const]),
        ]
      : [...fam.pending!.consents];
    const consentOn = addDays(screeningOn ?? referredOn, 1);
    const consentRecords: ConsentRecord[] = [];
    for (const personId of parents) {
      for (const purpose of purposes) {
        rows.consent.push({
          organisationId: orgId,
          familyId,
          personId,
          purpose,
          isGiven: true,
          recordedOn: consentOn,
          note: "",
          recordedBy: firstCaseworker,
          createdAt: at(consentOn, 11),
        });
        consentRecords.push({
          subject: { kind: "person", personId },
          purpose,
          status: "given",
          on: consentOn,
        });
      }
      if (typeof fam.evaluationConsent === "object") {
        const on = daysBefore(today, fam.evaluationConsent.withdrawnDaysAgo);
        rows.consent.push({
          organisationId: orgId,
          familyId,
          personId,
          purpose: "evaluation",
          isGiven: false,
          recordedOn: on,
          note: fam.evaluationConsent.note,
          recordedBy: caseworkerOn(on),
          createdAt: at(on, 11, 30),
        });
      }
    }
    if (!c || !acceptedOn) continue;

    const check = checkReferralAcceptance({
      status: { state: "screening", since: screeningOn! },
      familyId,
      consentGiverIds: parents,
      consents: consentRecords,
      track: { name: fam.track, capacity: 1, openCourses: 0 },
      asOf: acceptedOn,
    });
    if (!check.canAccept) throw new Error(`Casework demo: ${fam.key} could not have been accepted`);

    // The course and its history, built by the course machine.
    const courseId = randomUUID();
    courseIds[fam.key] = courseId;
    let status: CourseStatus = startCourse(acceptedOn);
    const stepDates: Partial<Record<CourseEvent, CalendarDate[]>> = {};
    for (const [si, [event, daysAgo, reason]] of c.steps.entries()) {
      const on = daysBefore(today, daysAgo);
      const why = reason ?? DEFAULT_STEP_REASONS[event];
      const r = transitionCourse(status, event, { at: on, reason: why });
      if (!r.ok) throw new Error(`Casework demo: course of ${fam.key}, step ${si + 1}: ${r.message}`);
      rows.courseTransition.push({
        courseId,
        organisationId: orgId,
        event,
        fromState: r.transition.from,
        toState: r.transition.to,
        onDate: on,
        reason: r.transition.reason ?? "",
        byUserId: caseworkerOn(on),
        createdAt: at(on, 15, 0, si),
      });
      stepDates[event] = [...(stepDates[event] ?? []), on];
      status = r.status;
    }
    const finalState: CourseState = status.state;
    const treatmentOn = stepDates["start-treatment"]?.[0];
    const endedOn = stepDates.complete?.[0] ?? stepDates["end-early"]?.[0];
    const closedOn = stepDates.close?.[0];
    const adjustedOn = stepDates.adjust?.[0];
    const outcome = stepDates.complete ? "completed" : stepDates["end-early"] ? "ended-early" : "open";

    // The case team.
    const teamCreatedBy = isVejle ? user(CASEWORK_DEMO_USERS.vejleLeader) : firstCaseworker;
    const team = (
      userId: string,
      memberOrg: string,
      role: "caseworker" | "consultant",
      from: CalendarDate,
      to?: CalendarDate,
    ) =>
      rows.caseTeamMember.push({
        organisationId: orgId,
        courseId,
        userId,
        memberOrganisationId: memberOrg,
        role,
        fromOn: from,
        toOn: to ?? closedOn ?? null,
        createdBy: teamCreatedBy,
        createdAt: at(from, 12),
      });
    if (handoverOn) {
      team(firstCaseworker, orgId, "caseworker", acceptedOn, addDays(handoverOn, -1));
      team(currentCaseworker, orgId, "caseworker", handoverOn);
    } else {
      for (const cw of fam.caseworkers) team(caseworkerId(cw), orgId, "caseworker", acceptedOn);
    }
    if (fam.hasConsultant) team(consultantId, orgIds.provider, "consultant", acceptedOn);

    // Familiens Plan: version 1, and for some a version 2.
    const memberPersonIds = Object.values(personIds);
    const v1On = treatmentOn ?? stepDates["start-baseline"]?.[0] ?? addDays(acceptedOn, 2);
    const v2On = fam.hasPlanRevision
      ? (endedOn ?? adjustedOn ?? addDays(treatmentOn ?? v1On, 150))
      : undefined;
    const versions: { version: 1 | 2; on: CalendarDate; plan: FamilyPlan; note: string }[] = [];
    for (const [version, on] of [
      [1, v1On],
      [2, v2On],
    ] as const) {
      if (!on) continue;
      const draft = buildDemoPlan({
        family: fam,
        personIds,
        caseworkerUserId: caseworkerOn(on),
        consultantUserId: fam.hasConsultant ? consultantId : undefined,
        acceptedOn,
        treatmentOn: treatmentOn && compareDates(treatmentOn, on) <= 0 ? treatmentOn : undefined,
        endedOn,
        outcome,
        isAdjusted: adjustedOn !== undefined,
        version,
      });
      const valid = validateFamilyPlan(draft, { memberPersonIds });
      if (!valid.ok) {
        throw new Error(
          `Casework demo: plan v${version} of ${fam.key} is invalid: ${JSON.stringify(valid.errors)}`,
        );
      }
      const note =
        version === 1
          ? "Første plan, lavet sammen med familien."
          : outcome === "open"
            ? adjustedOn
              ? "Justeret efter revurderingen: flere timer og en fast kontaktperson."
              : "Opdateret status på målene og et nyt delmål."
            : "Status på målene ved forløbets afslutning.";
      versions.push({ version, on, plan: valid.plan, note });
      rows.planVersion.push({
        courseId,
        organisationId: orgId,
        version,
        plan: valid.plan,
        note,
        createdBy: caseworkerOn(on),
        createdAt: at(on, 14),
      });
    }
    const latestVersion = versions.length;
    for (const v of versions) {
      const isLatest = v.version === latestVersion;
      const agreed =
        (treatmentOn !== undefined || fam.isPlanAgreed === true) && !(fam.isPlanAgreed === false && isLatest);
      const agreedOn = addDays(v.on, v.version === 1 ? 2 : 1);
      if (!agreed || compareDates(agreedOn, today) >= 0) continue;
      rows.planAgreement.push({
        courseId,
        organisationId: orgId,
        planVersion: v.version,
        agreedOn,
        note: `Planen er gennemgået med familien på ${LANGUAGE_NAMES[fam.language] ?? fam.language}.`,
        recordedBy: caseworkerOn(agreedOn),
        createdAt: at(agreedOn, 15),
      });
    }

    // Reviews with a decision: adjust (the plan in force then was version 1) and the end.
    const snapshotOf = (plan: FamilyPlan, version: number) => ({
      planVersion: version,
      goals: plan.goals.map((g) => ({
        id: g.id,
        category: g.category,
        status: g.status,
        ...(g.scale?.currentLevel !== undefined ? { currentLevel: g.scale.currentLevel } : {}),
      })),
      measureCount: plan.measures.length,
    });
    for (const [event, decision] of [
      ["adjust", "adjust"],
      ["continue", "continue"],
      ["complete", "end"],
    ] as const) {
      for (const on of stepDates[event] ?? []) {
        const reviewed = decision === "end" ? versions[versions.length - 1]! : versions[0]!;
        const step = c.steps.find(([e, d]) => e === event && daysBefore(today, d) === on)!;
        rows.courseReview.push({
          courseId,
          organisationId: orgId,
          heldOn: on,
          decision,
          reasons: step[2] ?? "",
          planVersion: reviewed.version,
          snapshot: snapshotOf(reviewed.plan, reviewed.version),
          createdBy: caseworkerOn(on),
          createdAt: at(on, 16),
        });
      }
    }

    rows.course.push({
      id: courseId,
      organisationId: orgId,
      projectId,
      trackId: trackId(projectId, fam.track),
      familyId,
      referralId,
      providerOrganisationId: isVejle ? orgIds.provider : null,
      state: finalState,
      stateSince: status.since,
      acceptedOn,
      planVersion: latestVersion,
      version: 1 + c.steps.length,
      createdAt: at(acceptedOn, 12),
    });

    // Contacts and notes.
    const yesterday = addDays(today, -1);
    const lastDay = endedOn ?? yesterday;
    const contacts = buildDemoContacts({
      family: fam,
      familyIndex: fi,
      acceptedOn,
      lastDay: compareDates(lastDay, yesterday) <= 0 ? lastDay : yesterday,
      hasConsultant: fam.hasConsultant,
    });
    if (endedOn && (finalState === "follow-up" || finalState === "closed")) {
      const followUp = addDays(endedOn, 90);
      if (compareDates(followUp, closedOn ?? yesterday) <= 0) {
        contacts.push({
          date: followUp,
          hour: 16,
          minute: 30,
          kind: "phone",
          by: "caseworker",
          language: "da",
          interpreterUsed: fam.members.some((m) => m.role === "parent" && m.interpreter),
          durationMinutes: 25,
          memberKeys: fam.members.filter((m) => m.role === "parent").map((m) => m.key),
          others: [],
          note: "Opfølgningssamtale tre måneder efter forløbet: familien fastholder rutinerne, og der er ingen nye underretninger.",
        });
      }
    }
    for (const ct of contacts) {
      const occurredAt = at(ct.date, ct.hour, ct.minute);
      const by = ct.by === "consultant" ? consultantId : caseworkerOn(ct.date);
      const userIds = [by];
      if (ct.kind === "network-meeting" && fam.hasConsultant) userIds.push(consultantId);
      const contactId = randomUUID();
      rows.contact.push({
        id: contactId,
        organisationId: orgId,
        courseId,
        occurredAt,
        kind: ct.kind,
        participants: {
          personIds: ct.memberKeys.map((k) => personIds[k]!),
          userIds,
          others: [...ct.others],
        },
        language: ct.language,
        interpreterUsed: ct.interpreterUsed,
        durationMinutes: ct.durationMinutes,
        isOutOfHours: isOutOfHours(occurredAt, ct.durationMinutes),
        createdBy: by,
        createdAt: new Date(
          Math.min(occurredAt.getTime() + (ct.durationMinutes + 30) * 60_000, latest.getTime()),
        ),
      });
      if (ct.note) {
        const noteId = randomUUID();
        rows.caseNote.push({
          id: noteId,
          organisationId: orgId,
          courseId,
          contactId,
          body: ct.note,
          createdBy: by,
          createdAt: new Date(
            Math.min(occurredAt.getTime() + (ct.durationMinutes + 45) * 60_000, latest.getTime()),
          ),
        });
      }
    }
    // One correction: a note about a school meeting, corrected the next day (append-only history).
    if (fam.key === "hassan" && treatmentOn) {
      const on = addDays(treatmentOn, 40);
      const originalId = randomUUID();
      rows.caseNote.push(
        {
          id: originalId,
          organisationId: orgId,
          courseId,
          body: "Møde med skolen om Omars fravær er aftalt til tirsdag kl. 13 med tolk.",
          createdBy: caseworkerOn(on),
          createdAt: at(on, 12, 10),
        },
        {
          organisationId: orgId,
          courseId,
          correctsNoteId: originalId,
          body: "Rettelse: mødet med skolen er torsdag kl. 13, ikke tirsdag. Tolken er bestilt til torsdag.",
          createdBy: caseworkerOn(on),
          createdAt: at(addDays(on, 1), 8, 40),
        },
      );
    }
  }

  // Bulk inserts, parents before children.
  await tx.insert(person).values(rows.person);
  await tx.insert(personIdentifier).values(rows.personIdentifier);
  await tx.insert(family).values(rows.family);
  await tx.insert(familyMembership).values(rows.familyMembership);
  await tx.insert(referral).values(rows.referral);
  await tx.insert(referralTransition).values(rows.referralTransition);
  await tx.insert(consent).values(rows.consent);
  await tx.insert(course).values(rows.course);
  await tx.insert(courseTransition).values(rows.courseTransition);
  await tx.insert(caseTeamMember).values(rows.caseTeamMember);
  await tx.insert(planVersion).values(rows.planVersion);
  if (rows.planAgreement.length > 0) await tx.insert(planAgreement).values(rows.planAgreement);
  await tx.insert(contact).values(rows.contact);
  if (rows.caseNote.length > 0) await tx.insert(caseNote).values(rows.caseNote);
  if (rows.courseReview.length > 0) await tx.insert(courseReview).values(rows.courseReview);
  return { familyIds, courseIds };
}
