/** Danish texts of the case-work contacts screens (part of da.ts under `contacts`). */
export const daContacts = {} as const;
