/** English texts of the case-work plan screens (part of en.ts under `plan`). */
export const enPlan = {} as const;
