/** Danish texts of the case-work tasks screens (part of da.ts under `tasks`). */
export const daTasks = {} as const;
