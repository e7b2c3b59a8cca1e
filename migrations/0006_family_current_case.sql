ALTER TABLE "family" ADD COLUMN "current_course_id" uuid;--> statement-breakpoint
ALTER TABLE "family" ADD COLUMN "current_referral_id" uuid;--> statement-breakpoint
CREATE INDEX "family_current_course_idx" ON "family" USING btree ("current_course_id");
--> statement-breakpoint
-- The family's current course is its latest accepted one; its current referral its latest referral.
CREATE OR REPLACE FUNCTION family_track_current_course() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE family SET current_course_id = NEW.id
  WHERE id = NEW.family_id
    AND (current_course_id IS NULL
      OR (SELECT accepted_on FROM course WHERE id = family.current_course_id) <= NEW.accepted_on);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER course_sets_family_current AFTER INSERT ON course
  FOR EACH ROW EXECUTE FUNCTION family_track_current_course();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION family_track_current_referral() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE family SET current_referral_id = NEW.id
  WHERE id = NEW.family_id
    AND (current_referral_id IS NULL
      OR (SELECT referred_on FROM referral WHERE id = family.current_referral_id) <= NEW.referred_on);
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER referral_sets_family_current AFTER INSERT ON referral
  FOR EACH ROW EXECUTE FUNCTION family_track_current_referral();
