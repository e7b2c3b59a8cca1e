import type { OutcomeRuleRef } from "../../../domain/contract/index.js";
import {
  findOutcomeRule,
  instrumentsOfRule,
  type MeasurementSchedule,
} from "../../../domain/progression/index.js";

/*
 * Whether a track can deliver what a contract goal's outcome rule needs: every instrument the rule
 * reads must be in the track's measurement schedule (`track.measurement_schedule`). Contract validation
 * uses it to refuse "a goal referring to an instrument the track does not measure"
 * (`validateContractVersion(input, { isRuleAvailable })`).
 */

/**
 * True when the rule is in the outcome-rule catalogue and every instrument it needs has an entry in the
 * track's schedule. An unknown rule (id or version), or a track without a schedule, is not available.
 */
export function isRuleAvailableOnTrack(
  rule: OutcomeRuleRef,
  trackSchedule: MeasurementSchedule | null | undefined,
): boolean {
  const entry = findOutcomeRule(rule.ruleId, rule.ruleVersion);
  if (!entry || !trackSchedule) return false;
  const measured = new Set(trackSchedule.entries.map((e) => e.instrumentCode));
  return instrumentsOfRule(entry.rule).every((code) => measured.has(code));
}

/**
 * The `isRuleAvailable` option of `validateContractVersion` for a project's tracks (by code): a track
 * code the project does not have makes every goal of it unavailable.
 */
export function ruleAvailabilityOfTracks(
  tracks: readonly { code: string; measurementSchedule: MeasurementSchedule | null }[],
): (rule: OutcomeRuleRef, trackCode: string) => boolean {
  const schedules = new Map(tracks.map((t) => [t.code, t.measurementSchedule]));
  return (rule, trackCode) => isRuleAvailableOnTrack(rule, schedules.get(trackCode));
}
