/** The DOM id of the editor field for a scenario path (`effects.1.lagYears` → `bc-effects-1-lagYears`). */
export function fieldIdOf(path: string): string {
  return `bc-${path.replace(/\./g, "-")}`;
}
