/** The DOM id of the contract form's field (or group) for a form path: `tracks.0.code` → `ct-tracks-0-code`. */
export function fieldIdOf(path: string): string {
  return `ct-${path.replace(/\./g, "-") || "form"}`;
}
