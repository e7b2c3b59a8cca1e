-- Case history is append-only: transitions, consents, plan versions and agreements, notes and
-- reviews are never changed or deleted; a correction is a new row that refers to the old one.
CREATE TRIGGER referral_transition_no_update BEFORE UPDATE OR DELETE ON referral_transition
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
CREATE TRIGGER course_transition_no_update BEFORE UPDATE OR DELETE ON course_transition
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
CREATE TRIGGER consent_no_update BEFORE UPDATE OR DELETE ON consent
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
CREATE TRIGGER plan_version_no_update BEFORE UPDATE OR DELETE ON plan_version
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
CREATE TRIGGER plan_agreement_no_update BEFORE UPDATE OR DELETE ON plan_agreement
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
CREATE TRIGGER case_note_no_update BEFORE UPDATE OR DELETE ON case_note
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
CREATE TRIGGER course_review_no_update BEFORE UPDATE OR DELETE ON course_review
  FOR EACH ROW EXECUTE FUNCTION reject_change();
--> statement-breakpoint
ALTER TABLE family_membership ADD CONSTRAINT family_membership_dates_ck
  CHECK (to_on IS NULL OR to_on >= from_on);
--> statement-breakpoint
ALTER TABLE case_team_member ADD CONSTRAINT case_team_member_dates_ck
  CHECK (to_on IS NULL OR to_on >= from_on);
--> statement-breakpoint
ALTER TABLE contact ADD CONSTRAINT contact_duration_ck
  CHECK (duration_minutes > 0 AND duration_minutes <= 1440);
