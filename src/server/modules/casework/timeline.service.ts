import { desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { CONTACT_KIND_LABELS, type TimelineItem } from "../../../contracts/casework-plan.js";
import { authorize } from "../../../domain/access/index.js";
import type { CalendarDate } from "../../../domain/calendar-date.js";
import {
  CONSENT_PURPOSE_LABELS,
  COURSE_STATE_LABELS,
  type CourseState,
  DEPARTMENT_LABELS,
  type FamilyPlan,
  REFERRAL_STATE_LABELS,
  type ReferralState,
} from "../../../domain/casework/index.js";
import type { ActorContext } from "../../context.js";
import {
  appUser,
  caseNote,
  consent,
  contact,
  course,
  courseReview,
  courseTransition,
  person,
  planAgreement,
  planVersion,
  referral,
  referralTransition,
} from "../../db/schema/index.js";
import { courseResource, loadFamilyFor, readPurpose, referralResource } from "./case-access.js";

/*
 * One list of everything around a family, newest first: referral and course transitions, plan versions
 * and agreements, the current plans' measures starting and ending, contacts, notes, reviews and
 * consents. Only courses the actor may read contribute (a caseworker on one course of a family sees
 * that course, not a sibling course handled by someone else); consents belong to the family.
 *
 * `at` is an instant (ISO) for what was recorded at a moment, and a calendar date for what took effect
 * on a day. For sorting, a day counts from its start, so it sorts below the same day's instants.
 */

const NOTE_EXCERPT = 140;
const REVIEW_DECISION_LABELS = { continue: "Fortsæt", adjust: "Justér", end: "Afslut" } as const;

const excerpt = (text: string, max = NOTE_EXCERPT) => {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
};
const sortKey = (at: string) => (at.length === 10 ? `${at}T00:00:00.000Z` : at);
const languageNames = new Intl.DisplayNames(["da"], { type: "language", fallback: "code" });
/** "kurdisk" for "ku": the timeline is read by people, not by code tables. */
const languageName = (code: string) => {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
};

/** The family's timeline (only courses the actor may read). Audited as family.viewed, section "timeline". */
export async function getFamilyTimeline(
  ctx: ActorContext,
  familyId: string,
): Promise<{ familyId: string; items: TimelineItem[] }> {
  return ctx.db.transaction(async (tx) => {
    const { row: fam, resource, today } = await loadFamilyFor(ctx, tx, familyId, "family.read");

    const allCourses = await tx.select().from(course).where(eq(course.familyId, familyId));
    const courses = [];
    for (const c of allCourses) {
      if (authorize(ctx.actor, "family.read", await courseResource(tx, c, today)).allowed) courses.push(c);
    }
    const courseIds = courses.map((c) => c.id);
    const courseOfReferral = new Map(courses.map((c) => [c.referralId, c.id]));
    const referrals = (await tx.select().from(referral).where(eq(referral.familyId, familyId))).filter(
      (r) => courseOfReferral.has(r.id) || authorize(ctx.actor, "family.read", referralResource(r)).allowed,
    );
    const referralIds = referrals.map((r) => r.id);

    // One query at a time: a transaction is one connection.
    const byUser = alias(appUser, "by_user");
    const none = courseIds.length === 0;
    const referralTransitions =
      referralIds.length === 0
        ? []
        : await tx
            .select({ t: referralTransition, byName: byUser.displayName })
            .from(referralTransition)
            .leftJoin(byUser, eq(byUser.id, referralTransition.byUserId))
            .where(inArray(referralTransition.referralId, referralIds));
    const courseTransitions = none
      ? []
      : await tx
          .select({ t: courseTransition, byName: byUser.displayName })
          .from(courseTransition)
          .leftJoin(byUser, eq(byUser.id, courseTransition.byUserId))
          .where(inArray(courseTransition.courseId, courseIds));
    const versions = none
      ? []
      : await tx
          .select({ v: planVersion, byName: byUser.displayName })
          .from(planVersion)
          .leftJoin(byUser, eq(byUser.id, planVersion.createdBy))
          .where(inArray(planVersion.courseId, courseIds))
          .orderBy(desc(planVersion.version));
    const agreements = none
      ? []
      : await tx
          .select({ a: planAgreement, byName: byUser.displayName })
          .from(planAgreement)
          .leftJoin(byUser, eq(byUser.id, planAgreement.recordedBy))
          .where(inArray(planAgreement.courseId, courseIds));
    const contacts = none
      ? []
      : await tx
          .select({ c: contact, byName: byUser.displayName })
          .from(contact)
          .leftJoin(byUser, eq(byUser.id, contact.createdBy))
          .where(inArray(contact.courseId, courseIds));
    const notes = none
      ? []
      : await tx
          .select({ n: caseNote, byName: byUser.displayName })
          .from(caseNote)
          .leftJoin(byUser, eq(byUser.id, caseNote.createdBy))
          .where(inArray(caseNote.courseId, courseIds));
    const reviews = none
      ? []
      : await tx
          .select({ r: courseReview, byName: byUser.displayName })
          .from(courseReview)
          .leftJoin(byUser, eq(byUser.id, courseReview.createdBy))
          .where(inArray(courseReview.courseId, courseIds));
    const consents = await tx
      .select({ c: consent, byName: byUser.displayName })
      .from(consent)
      .leftJoin(byUser, eq(byUser.id, consent.recordedBy))
      .where(eq(consent.familyId, familyId));

    // Names of the people and staff who took part in contacts, and of consent givers.
    const personIds = [
      ...new Set([
        ...contacts.flatMap((x) => x.c.participants.personIds),
        ...consents.flatMap((x) => (x.c.personId ? [x.c.personId] : [])),
      ]),
    ];
    const userIds = [...new Set(contacts.flatMap((x) => x.c.participants.userIds))];
    const persons =
      personIds.length === 0
        ? []
        : await tx
            .select({ id: person.id, firstName: person.firstName, lastName: person.lastName })
            .from(person)
            .where(inArray(person.id, personIds));
    const users =
      userIds.length === 0
        ? []
        : await tx
            .select({ id: appUser.id, name: appUser.displayName })
            .from(appUser)
            .where(inArray(appUser.id, userIds));
    const personName = new Map(persons.map((p) => [p.id, `${p.firstName} ${p.lastName}`]));
    const userName = new Map(users.map((u) => [u.id, u.name]));

    const items: TimelineItem[] = [];
    const push = (item: Omit<TimelineItem, "isUpcoming"> & { isUpcoming?: boolean }) =>
      items.push({ isUpcoming: false, ...item });

    for (const { t, byName } of referralTransitions) {
      push({
        id: `referral-transition:${t.id}`,
        at: t.onDate,
        kind: "referral-transition",
        title: `Henvisning: ${REFERRAL_STATE_LABELS[t.toState as ReferralState] ?? t.toState}`,
        detail: t.reason,
        byName,
        courseId: courseOfReferral.get(t.referralId) ?? null,
      });
    }
    for (const { t, byName } of courseTransitions) {
      push({
        id: `course-transition:${t.id}`,
        at: t.onDate,
        kind: "course-transition",
        title: `Forløb: ${COURSE_STATE_LABELS[t.toState as CourseState] ?? t.toState}`,
        detail: t.reason,
        byName,
        courseId: t.courseId,
      });
    }
    for (const { v, byName } of versions) {
      const counts = `${v.plan.goals.length} mål, ${v.plan.measures.length} ${v.plan.measures.length === 1 ? "indsats" : "indsatser"}`;
      push({
        id: `plan-saved:${v.id}`,
        at: v.createdAt.toISOString(),
        kind: "plan-saved",
        title: `Familiens Plan version ${v.version} gemt`,
        detail: v.note ? `${counts}. ${excerpt(v.note)}` : counts,
        byName,
        courseId: v.courseId,
      });
    }
    for (const { a, byName } of agreements) {
      push({
        id: `plan-agreed:${a.id}`,
        at: a.agreedOn,
        kind: "plan-agreed",
        title: `Familien har accepteret planen (version ${a.planVersion})`,
        detail: excerpt(a.note),
        byName,
        courseId: a.courseId,
      });
    }
    // The measures of each course's current plan.
    for (const c of courses) {
      if (c.planVersion === 0) continue;
      const current = versions.find((x) => x.v.courseId === c.id && x.v.version === c.planVersion);
      const plan: FamilyPlan | undefined = current?.v.plan;
      for (const m of plan?.measures ?? []) {
        const detail = `${DEPARTMENT_LABELS[m.department] ?? m.department} · ${m.performedBy}`;
        push({
          id: `measure-start:${c.id}:${m.id}`,
          at: m.startOn,
          kind: "measure-start",
          title: `Indsats starter: ${m.what}`,
          detail,
          byName: null,
          courseId: c.id,
          isUpcoming: m.startOn > today,
        });
        if (m.endOn) {
          push({
            id: `measure-end:${c.id}:${m.id}`,
            at: m.endOn,
            kind: "measure-end",
            title: `Indsats slutter: ${m.what}`,
            detail,
            byName: null,
            courseId: c.id,
            isUpcoming: (m.endOn as CalendarDate) > today,
          });
        }
      }
    }
    for (const { c, byName } of contacts) {
      const who = [
        ...c.participants.personIds.map((id) => personName.get(id) ?? "Ukendt person"),
        ...c.participants.userIds.map((id) => userName.get(id) ?? "Ukendt bruger"),
        ...c.participants.others,
      ];
      const facts = [
        who.length > 0 ? `Deltagere: ${who.join(", ")}` : "",
        `${c.durationMinutes} min.`,
        `sprog: ${languageName(c.language)}${c.interpreterUsed ? ", med tolk" : ""}`,
      ].filter(Boolean);
      push({
        id: `contact:${c.id}`,
        at: c.occurredAt.toISOString(),
        kind: "contact",
        title: `${CONTACT_KIND_LABELS[c.kind]}${c.isOutOfHours ? " (uden for almindelig arbejdstid)" : ""}`,
        detail: facts.join(" · "),
        byName,
        courseId: c.courseId,
      });
    }
    for (const { n, byName } of notes) {
      push({
        id: `note:${n.id}`,
        at: n.createdAt.toISOString(),
        kind: "note",
        title: n.correctsNoteId ? "Rettelse af notat" : "Notat",
        detail: excerpt(n.body),
        byName,
        courseId: n.courseId,
      });
    }
    for (const { r, byName } of reviews) {
      push({
        id: `review:${r.id}`,
        at: r.heldOn,
        kind: "review",
        title: `Revurdering: ${REVIEW_DECISION_LABELS[r.decision]}`,
        detail: excerpt(r.reasons),
        byName,
        courseId: r.courseId,
      });
    }
    for (const { c, byName } of consents) {
      const whose = c.personId ? (personName.get(c.personId) ?? "Ukendt person") : "Hele familien";
      push({
        id: `consent:${c.id}`,
        at: c.recordedOn,
        kind: "consent",
        title: `Samtykke ${c.isGiven ? "givet" : "trukket tilbage"}: ${CONSENT_PURPOSE_LABELS[c.purpose]}`,
        detail: c.note ? `${whose}. ${excerpt(c.note)}` : whose,
        byName,
        courseId: null,
      });
    }

    items.sort((a, b) => {
      const ka = sortKey(a.at);
      const kb = sortKey(b.at);
      return ka < kb ? 1 : ka > kb ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    });

    await ctx.audit(tx, {
      type: "family.viewed",
      subjectId: familyId,
      organisationId: fam.organisationId,
      purpose: readPurpose(ctx.actor, resource),
      payload: { section: "timeline" },
    });
    return { familyId, items };
  });
}
