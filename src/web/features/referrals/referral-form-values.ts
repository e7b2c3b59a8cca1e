import type { HouseholdRole } from "../../../domain/casework/household.js";
import type { ReferralCreateInput } from "../families/casework-types.js";
import { emptyMember, type MemberFormValues, toPersonInput } from "../families/person-form-values.js";

/** The new-referral form: project and track, the referral's facts, and the family (new or known). */
export interface ReferralFormValues {
  projectId: string;
  trackId: string;
  reason: string;
  legalBasis: string;
  referredOn: string;
  caseworkerUserId: string;
  /** A new family: its name and members. */
  familyName: string;
  members: MemberFormValues[];
  /** A known family: the children concerned. */
  childIds: string[];
}

export function emptyReferralForm(today: string, caseworkerUserId: string): ReferralFormValues {
  return {
    projectId: "",
    trackId: "",
    reason: "",
    legalBasis: "",
    referredOn: today,
    caseworkerUserId,
    familyName: "",
    members: [emptyMember("parent", today), emptyMember("child", today)],
    childIds: [],
  };
}

export function newMember(role: HouseholdRole | "", today: string): MemberFormValues {
  return emptyMember(role, today);
}

/** The body of POST /api/referrals: `newFamily` unless a known family is referred. */
export function toReferralInput(
  values: ReferralFormValues,
  familyId: string | undefined,
): ReferralCreateInput {
  const facts = {
    projectId: values.projectId,
    trackId: values.trackId,
    reason: values.reason,
    legalBasis: values.legalBasis,
    referredOn: values.referredOn,
    ...(values.caseworkerUserId ? { caseworkerUserId: values.caseworkerUserId } : {}),
  };
  if (familyId) return { ...facts, familyId, childIds: values.childIds };
  return {
    ...facts,
    newFamily: {
      name: values.familyName,
      members: values.members.map((m) => ({
        role: m.role as NonNullable<ReferralCreateInput["newFamily"]>["members"][number]["role"],
        fromOn: m.fromOn,
        person: toPersonInput(m.person),
        acknowledgeDuplicates: m.acknowledgeDuplicates,
      })),
    },
  };
}

const PERSON_FIELDS = new Set([
  "firstName",
  "lastName",
  "birthDate",
  "sex",
  "languages",
  "danishProficiency",
  "interpreterNeeded",
  "schoolOrDayCare",
  "cpr",
]);

/**
 * Where a problem the schema or the API reports (`newFamily.members.0.cpr`, `newFamily.name`) sits
 * in the form (`members.0.person.cpr`, `familyName`); null when the form has no such field.
 */
export function formPathOf(apiPath: string): string | null {
  const path = apiPath.replace(/^body\./, "");
  if (path === "newFamily.name" || path === "familyId" || path === "newFamily") return "familyName";
  if (path === "newFamily.members") return "members";
  const member = /^newFamily\.members\.(\d+)\.(.+)$/.exec(path);
  if (member) {
    const [, index, rest = ""] = member;
    if (rest === "person") return null;
    if (rest.startsWith("person.")) return `members.${index}.${rest}`;
    if (PERSON_FIELDS.has(rest)) return `members.${index}.person.${rest}`;
    return `members.${index}.${rest}`;
  }
  return path;
}
