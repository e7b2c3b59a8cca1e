/** Danish texts of the case-work plan screens (part of da.ts under `plan`). */
export const daPlan = {} as const;
