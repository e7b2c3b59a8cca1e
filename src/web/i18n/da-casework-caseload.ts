/** Danish texts of the case-work caseload screens (part of da.ts under `caseload`). */
export const daCaseload = {} as const;
