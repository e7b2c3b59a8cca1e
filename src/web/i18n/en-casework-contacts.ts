/** English texts of the case-work contacts screens (part of en.ts under `contacts`). */
export const enContacts = {} as const;
