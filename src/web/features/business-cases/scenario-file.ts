/**
 * Scenario JSON files: export what the editor holds (the scenario format of docs/, amounts in øre),
 * and read a file back. A file may hold the scenario itself or an object with a `scenario` field
 * (e.g. a saved version); anything else is refused before the editor sees it.
 */

/** A file name from the scenario's name: "rodovre-invester-for-det-sker.scenario.json". */
export function scenarioFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60);
  return `${slug || "scenarie"}.scenario.json`;
}

/** Offers the scenario as a JSON download (no server round trip). */
export function downloadScenarioJson(scenario: unknown, name: string): void {
  const blob = new Blob([`${JSON.stringify(scenario, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = scenarioFileName(name);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The outcome of reading a scenario file. */
export type ScenarioFileResult =
  | { ok: true; scenario: Record<string, unknown> }
  | { ok: false; problem: "json" | "shape" | "size" };

/** The largest scenario file accepted (a scenario is a few kilobytes). */
const MAX_FILE_BYTES = 1_000_000;

/**
 * Reads a scenario JSON file. The scenario is not validated here: the editor shows the engine's
 * messages at the fields.
 */
export async function readScenarioFile(file: File): Promise<ScenarioFileResult> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: "size" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await file.text());
  } catch {
    return { ok: false, problem: "json" };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return { ok: false, problem: "shape" };
  const record = parsed as Record<string, unknown>;
  const inner = record.scenario;
  if (!("costLines" in record) && typeof inner === "object" && inner !== null && !Array.isArray(inner)) {
    return { ok: true, scenario: inner as Record<string, unknown> };
  }
  if (!("costLines" in record) && !("effects" in record) && !("successRatePct" in record)) {
    return { ok: false, problem: "shape" };
  }
  return { ok: true, scenario: record };
}
