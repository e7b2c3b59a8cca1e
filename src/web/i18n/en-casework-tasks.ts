/** English texts of the case-work tasks screens (part of en.ts under `tasks`). */
export const enTasks = {} as const;
