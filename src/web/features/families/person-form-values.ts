import type { DANISH_PROFICIENCIES, PersonInput, SEXES } from "../../../contracts/casework.js";
import { parseCpr } from "../../../domain/casework/cpr.js";
import type { HouseholdRole } from "../../../domain/casework/household.js";

/** A new person as the form holds it ("" for a choice not made yet). */
export interface PersonFormValues {
  firstName: string;
  lastName: string;
  birthDate: string;
  sex: (typeof SEXES)[number] | "";
  languages: string[];
  danishProficiency: (typeof DANISH_PROFICIENCIES)[number] | "";
  interpreterNeeded: boolean;
  schoolOrDayCare: string;
  cpr: string;
}

/** A new member: role, the day they belong from, the person, and the answer to a duplicate warning. */
export interface MemberFormValues {
  /** A stable React key for the list. */
  key: string;
  role: HouseholdRole | "";
  fromOn: string;
  person: PersonFormValues;
  acknowledgeDuplicates: boolean;
}

export function emptyPerson(): PersonFormValues {
  return {
    firstName: "",
    lastName: "",
    birthDate: "",
    sex: "",
    languages: [],
    danishProficiency: "",
    interpreterNeeded: false,
    schoolOrDayCare: "",
    cpr: "",
  };
}

let nextKey = 0;
export function emptyMember(role: HouseholdRole | "", fromOn: string): MemberFormValues {
  nextKey += 1;
  return { key: `member-${nextKey}`, role, fromOn, person: emptyPerson(), acknowledgeDuplicates: false };
}

/** The person as the API takes it: an empty CPR field is left out, a choice not made stays empty. */
export function toPersonInput(values: PersonFormValues): PersonInput {
  const cpr = values.cpr.trim();
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    birthDate: values.birthDate,
    sex: values.sex as PersonInput["sex"],
    languages: values.languages,
    danishProficiency: values.danishProficiency as PersonInput["danishProficiency"],
    interpreterNeeded: values.interpreterNeeded,
    schoolOrDayCare: values.schoolOrDayCare,
    ...(cpr ? { cpr } : {}),
  };
}

/**
 * Formats what is typed into a CPR field as DDMMYY-SSSS: digits only, the hyphen after the sixth.
 * (An input mask: the user never has to type the hyphen, and pasting "0101901234" works.)
 */
export function maskCprInput(raw: string): string {
  const digits = raw.replace(/\D/g, "").slice(0, 10);
  return digits.length > 6 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits;
}

/** The birth date a complete, valid CPR number implies (to pre-fill the birth date), else null. */
export function birthDateFromCprInput(cpr: string): string | null {
  const parsed = parseCpr(cpr);
  return parsed.ok ? parsed.birthDate : null;
}
