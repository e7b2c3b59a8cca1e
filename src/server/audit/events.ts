/**
 * The typed catalogue of audit events. Each event names its subject type and the payload it carries:
 * ids, field names and codes — never personal values (no names, CPR numbers, notes or e-mail text).
 */
export interface AuditEventCatalogue {
  "auth.login_succeeded": {
    subject: "user";
    payload: { method: "password" | "password+totp" | "password+recovery" };
  };
  "auth.login_failed": {
    subject: "user" | null;
    payload: { reason: "unknown_user" | "bad_password" | "inactive" | "bad_second_factor" | "locked" };
  };
  "auth.account_locked": { subject: "user"; payload: { failedAttempts: number; lockedMinutes: number } };
  "auth.logged_out": { subject: "user"; payload: Record<string, never> };
  "auth.password_changed": { subject: "user"; payload: Record<string, never> };
  "auth.two_factor_enabled": { subject: "user"; payload: Record<string, never> };
  "auth.two_factor_disabled": { subject: "user"; payload: { byAdmin: boolean } };
  "auth.recovery_code_used": { subject: "user"; payload: { remaining: number } };
  "organisation.created": { subject: "organisation"; payload: { kind: string } };
  "organisation.updated": { subject: "organisation"; payload: { fields: string[] } };
  "project.created": { subject: "project"; payload: { trackCodes: string[]; partyIds: string[] } };
  "project.updated": { subject: "project"; payload: { fields: string[] } };
  "user.created": { subject: "user"; payload: { roles: { organisationId: string; role: string }[] } };
  "user.updated": { subject: "user"; payload: { fields: string[] } };
  "user.viewed": { subject: "user"; payload: Record<string, never> };
  "user.deactivated": { subject: "user"; payload: { endedSessions: number } };
  "user.reactivated": { subject: "user"; payload: Record<string, never> };
  "user.unlocked": { subject: "user"; payload: Record<string, never> };
  "role.assigned": { subject: "user"; payload: { organisationId: string; role: string } };
  "role.revoked": { subject: "user"; payload: { organisationId: string; role: string } };
  "businessCase.created": { subject: "businessCase"; payload: { version: number; duplicatedFrom?: string } };
  "businessCase.updated": { subject: "businessCase"; payload: { fields: string[] } };
  "businessCase.version_saved": {
    subject: "businessCase";
    payload: { version: number; changedPaths: number };
  };
  "businessCase.exported": { subject: "businessCase"; payload: { version: number; format: "xlsx" } };
  "unitPrice.created": { subject: "unitPrice"; payload: { code: string } };
  "unitPrice.updated": { subject: "unitPrice"; payload: { fields: string[] } };
  "priceIndex.updated": { subject: null; payload: { years: number[] } };
  // Case work (personal data). Reads carry a purpose; payloads hold ids, codes and field names only.
  "family.listed": { subject: null; payload: { rows: number; filters: string[] } };
  "family.viewed": { subject: "family"; payload: { section: string } };
  "family.created": { subject: "family"; payload: { referralId: string; members: number } };
  "family.member_added": {
    subject: "family";
    payload: { personId: string; role: string; newPerson: boolean };
  };
  "family.member_ended": { subject: "family"; payload: { personId: string; membershipId: string } };
  "person.viewed": { subject: "person"; payload: Record<string, never> };
  "person.updated": { subject: "person"; payload: { fields: string[] } };
  "person.duplicate_warned": { subject: null; payload: { matches: string[] } };
  "cpr.revealed": { subject: "person"; payload: Record<string, never> };
  "consent.recorded": {
    subject: "family";
    payload: { purpose: string; isGiven: boolean; personId: string | null };
  };
  "referral.listed": { subject: null; payload: { rows: number; filters: string[] } };
  "referral.viewed": { subject: "referral"; payload: Record<string, never> };
  "referral.submitted": { subject: "referral"; payload: { familyId: string; trackId: string } };
  "referral.transitioned": {
    subject: "referral";
    payload: { event: string; from: string; to: string; courseId?: string };
  };
  "course.viewed": { subject: "course"; payload: { section: string } };
  "course.transitioned": { subject: "course"; payload: { event: string; from: string; to: string } };
  "course.team_member_added": {
    subject: "course";
    payload: { userId: string; role: string; overrideUsed: boolean; loadAfterPct: number };
  };
  "course.team_member_ended": { subject: "course"; payload: { userId: string; memberId: string } };
  "plan.viewed": { subject: "course"; payload: { version: number } };
  "plan.version_saved": { subject: "course"; payload: { version: number; goals: number; measures: number } };
  "plan.agreed": { subject: "course"; payload: { version: number } };
  "contact.logged": {
    subject: "course";
    payload: { contactId: string; kind: string; isOutOfHours: boolean };
  };
  "note.viewed": { subject: "course"; payload: { notes: number } };
  "note.added": { subject: "course"; payload: { noteId: string; correctsNoteId: string | null } };
  "task.listed": { subject: null; payload: { rows: number } };
  "task.completed": { subject: "course"; payload: { taskId: string; kind: string } };
  "review.recorded": { subject: "course"; payload: { reviewId: string; decision: string } };
  "caseload.viewed": { subject: null; payload: { workers: number } };
  "caseload.reassigned": {
    subject: null;
    payload: { fromUserId: string; moves: number; targets: string[]; overrideUsed: boolean };
  };
  "caseload.limits_updated": { subject: null; payload: { userId: string | null; removed?: boolean } };
  // Progression measurement (issue 5). Cohort figures are aggregates; the courses behind them are personal.
  "measurement.viewed": { subject: "course"; payload: { section: string } };
  "measurement.recorded": {
    subject: "course";
    payload: { measurementId: string; instrumentCode: string; supersedes: string | null };
  };
  "measurement.import_checked": {
    subject: null;
    payload: { instrumentCode: string; rows: number; badRows: number; fileSha256: string };
  };
  "measurement.imported": {
    subject: null;
    payload: { importId: string; instrumentCode: string; rows: number; fileSha256: string };
  };
  "cohort.viewed": { subject: null; payload: { instrumentCode: string; filters: string[] } };
  "cohort.courses_listed": { subject: null; payload: { instrumentCode: string; rows: number } };
  "dataQuality.viewed": { subject: null; payload: { rows: number; filters: string[] } };
  "instrument.created": { subject: "instrument"; payload: { code: string } };
  "instrument.version_saved": { subject: "instrument"; payload: { version: number; isNew: boolean } };
  "schedule.updated": { subject: "track"; payload: { entries: number } };
  // Outcome contracts (issue 6). A statement viewed with its families is a read of personal data.
  "contract.created": { subject: "contract"; payload: { version: number; tracks: string[] } };
  "contract.amended": { subject: "contract"; payload: { version: number } };
  "contract.accepted": { subject: "contract"; payload: { version: number; partyOrganisationId: string } };
  "contract.exported": { subject: "contract"; payload: { format: "indigo" | "xlsx" } };
  "statement.created": {
    subject: "statement";
    payload: { kind: string; periodId: string; families: number };
  };
  "statement.recomputed": { subject: "statement"; payload: { totalOre: number } };
  "statement.validated": { subject: "statement"; payload: { partyOrganisationId: string } };
  "statement.approved": { subject: "statement"; payload: { partyOrganisationId: string } };
  "statement.locked": { subject: "statement"; payload: { totalOre: number; ledgerEntryId: string | null } };
  "statement.viewed": { subject: "statement"; payload: { families: "names" | "pseudonyms" | "none" } };
  "statement.exported": { subject: "statement"; payload: { format: "xlsx" } };
  "ledger.booked": { subject: "contract"; payload: { entryId: string; kind: string; amountOre: number } };
  "audit.viewed": { subject: null; payload: { filters: string[] } };
  "audit.exported": { subject: null; payload: { filters: string[]; rows: number } };
}

export type AuditEventType = keyof AuditEventCatalogue;

export const AUDIT_EVENT_TYPES = [
  "auth.login_succeeded",
  "auth.login_failed",
  "auth.account_locked",
  "auth.logged_out",
  "auth.password_changed",
  "auth.two_factor_enabled",
  "auth.two_factor_disabled",
  "auth.recovery_code_used",
  "organisation.created",
  "organisation.updated",
  "project.created",
  "project.updated",
  "user.created",
  "user.updated",
  "user.viewed",
  "user.deactivated",
  "user.reactivated",
  "user.unlocked",
  "role.assigned",
  "role.revoked",
  "businessCase.created",
  "businessCase.updated",
  "businessCase.version_saved",
  "businessCase.exported",
  "unitPrice.created",
  "unitPrice.updated",
  "priceIndex.updated",
  "family.listed",
  "family.viewed",
  "family.created",
  "family.member_added",
  "family.member_ended",
  "person.viewed",
  "person.updated",
  "person.duplicate_warned",
  "cpr.revealed",
  "consent.recorded",
  "referral.listed",
  "referral.viewed",
  "referral.submitted",
  "referral.transitioned",
  "course.viewed",
  "course.transitioned",
  "course.team_member_added",
  "course.team_member_ended",
  "plan.viewed",
  "plan.version_saved",
  "plan.agreed",
  "contact.logged",
  "note.viewed",
  "note.added",
  "task.listed",
  "task.completed",
  "review.recorded",
  "caseload.viewed",
  "caseload.reassigned",
  "caseload.limits_updated",
  "measurement.viewed",
  "measurement.recorded",
  "measurement.import_checked",
  "measurement.imported",
  "cohort.viewed",
  "cohort.courses_listed",
  "dataQuality.viewed",
  "instrument.created",
  "instrument.version_saved",
  "schedule.updated",
  "contract.created",
  "contract.amended",
  "contract.accepted",
  "contract.exported",
  "statement.created",
  "statement.recomputed",
  "statement.validated",
  "statement.approved",
  "statement.locked",
  "statement.viewed",
  "statement.exported",
  "ledger.booked",
  "audit.viewed",
  "audit.exported",
] as const satisfies readonly AuditEventType[];

/** One event to record. `purpose` says why personal data was read (the case or project). */
export type AuditEntry<T extends AuditEventType = AuditEventType> = {
  type: T;
  subjectId?: string | null;
  organisationId?: string | null;
  projectId?: string | null;
  purpose?: string | null;
  payload: AuditEventCatalogue[T]["payload"];
};
