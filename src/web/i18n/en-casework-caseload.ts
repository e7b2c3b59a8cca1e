/** English texts of the case-work caseload screens (part of en.ts under `caseload`). */
export const enCaseload = {} as const;
